// Types for first-run.mjs.
import type { BrowserContext, Page as PwPage } from 'playwright-core';
import type { Browser, Page as PptrPage } from 'puppeteer-core';

/** Waits (at most 10 s) for the extension's first-run tab, closes it and brings `page` to the front. */
export function closeChromiumFirstRun(context: BrowserContext, page: PwPage): Promise<void>;
export function closeFirefoxFirstRun(browser: Browser, page: PptrPage): Promise<void>;
