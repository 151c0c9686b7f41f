// Types for browsers.mjs.
import type { BrowserContext, Page as PwPage, Worker } from 'playwright-core';
import type { Browser, Page as PptrPage } from 'puppeteer-core';

export type BrowserKind = 'chromium' | 'firefox';

export function findBrowser(kind: BrowserKind): string;

export interface ChromiumSession {
  context: BrowserContext;
  page: PwPage;
  /** the extension's service worker (null when no extensionDir was given) */
  serviceWorker: Worker | null;
  extensionId: string | null;
  executablePath: string;
  close(): Promise<void>;
}

export function launchChromium(options?: {
  extensionDir?: string;
  headless?: boolean;
  proxy?: { server: string; bypass?: string };
  args?: string[];
  /** let Playwright kill the browser on SIGINT/SIGTERM/SIGHUP (default true) */
  handleSignals?: boolean;
  /** the first-run tab the extension opens on install: closed once it has opened (default), or kept */
  firstRun?: 'close' | 'keep';
}): Promise<ChromiumSession>;

export interface FirefoxSession {
  browser: Browser;
  page: PptrPage;
  /** gecko id of the temporary add-on (null when no extensionDir was given) */
  extensionId: string | null;
  executablePath: string;
  close(): Promise<void>;
}

/** Sizes a Firefox page's viewport, on every supported Firefox ESR (see browsers.mjs). */
export function setFirefoxViewport(page: PptrPage, size: { width: number; height: number }): Promise<void>;

export function launchFirefox(options?: {
  extensionDir?: string;
  headless?: boolean;
  prefs?: Record<string, unknown>;
  /** let Puppeteer kill the browser on SIGINT/SIGTERM/SIGHUP (default true) */
  handleSignals?: boolean;
  /** the first-run tab the extension opens on install: closed once it has opened (default), or kept */
  firstRun?: 'close' | 'keep';
}): Promise<FirefoxSession>;
