// Shared e2e helpers: fixture server, a proxy "sink" that records any request the browser sends
// to another origin, the page helpers (hoverText & co.) and the in-page checks both browser files use.
import http from 'node:http';
import type net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium, launchFirefox, type ChromiumSession, type FirefoxSession } from '../../scripts/browsers.mjs';
import { serveDir, type ServeOptions } from '../../scripts/serve.mjs';

export { launchChromium, launchFirefox, setFirefoxViewport } from '../../scripts/browsers.mjs';
export {
  hoverText,
  textPoint,
  moveMouseAway,
  waitForScan,
  readCard,
  waitForCard,
  waitForNoCard,
  cardAppearsWithin,
  elementBox,
  pollPage,
} from '../../scripts/page-helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '..', '..');
export const PAGES_DIR = path.join(here, 'pages');
/** The built extensions (E2E_CHROME_DIST / E2E_FIREFOX_DIST override, e.g. to test the harness). */
export const CHROME_DIST = process.env.E2E_CHROME_DIST ?? path.join(ROOT, 'dist', 'chrome');
export const FIREFOX_DIST = process.env.E2E_FIREFOX_DIST ?? path.join(ROOT, 'dist', 'firefox');

/** Hook timeout for launching/closing a browser (vitest beforeAll/afterAll). */
export const HOOK_TIMEOUT = 60_000;

interface ServedRequest {
  method: string;
  url: string;
  status: number;
}

export interface FixtureServer {
  url: string;
  origin: string;
  port: number;
  /** Every request the fixture server received, in order. */
  requests: ServedRequest[];
  close(): Promise<void>;
}

/** Serve test/e2e/pages (and any `routes`, pages made on request) on 127.0.0.1 and log what is requested. */
export async function startFixtureServer(routes: NonNullable<ServeOptions['routes']> = {}): Promise<FixtureServer> {
  const requests: ServedRequest[] = [];
  const srv = await serveDir(PAGES_DIR, { routes, onRequest: (r: ServedRequest) => requests.push(r) });
  return { url: srv.url, origin: new URL(srv.url).origin, port: srv.port, requests, close: srv.close };
}

export interface ProxySink {
  port: number;
  server: string;
  /** Requests that reached the proxy: "GET http://host/path" or "CONNECT host:443". */
  hits: string[];
  close(): Promise<void>;
}

/**
 * An HTTP proxy that forwards nothing: it records each request and answers 502 (or drops the
 * CONNECT tunnel). The browser is launched with it as its proxy, so any request for another
 * origin, from any part of the browser (page, content script, service worker, background page),
 * shows up in `hits`. Loopback requests to the fixture server bypass proxies in both browsers.
 */
export async function startProxySink(): Promise<ProxySink> {
  const hits: string[] = [];
  const sockets = new Set<net.Socket>();
  const server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.writeHead(502, { 'Content-Type': 'text/plain' });
    res.end('blocked by the e2e proxy sink\n');
  });
  server.on('connect', (req, socket: net.Socket) => {
    hits.push(`CONNECT ${req.url}`);
    socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as net.AddressInfo).port;
  return {
    port,
    server: `http://127.0.0.1:${port}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const s of sockets) s.destroy();
      }),
  };
}

/** Firefox prefs that send every non-loopback request through the proxy sink. */
export function firefoxProxyPrefs(port: number): Record<string, unknown> {
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': port,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': port,
    'network.proxy.share_proxy_settings': true,
    'network.proxy.no_proxies_on': '',
    'network.proxy.allow_hijacking_localhost': false,
  };
}

/**
 * URLs a browser may request for a fixture page besides the page itself: the favicon (browser
 * chrome asks for it) and in-page resources that the fixture itself references.
 */
export function isAllowedRequest(url: string, origin: string, allowedPaths: string[]): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return false;
  }
  if (u.origin !== origin) return false;
  return allowedPaths.includes(u.pathname) || u.pathname === '/favicon.ico';
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// ---------- in-page checks (run with page.evaluate; work for playwright and puppeteer) ----------

export interface DomCheck {
  /** body.innerHTML equals the snapshot taken by the fixture's DOMContentLoaded listener */
  sameAsDomContentLoaded: boolean;
  /** body.innerHTML equals the snapshot taken by the fixture's last inline script (end of parsing) */
  sameAsEndOfParse: boolean;
  /** tag names of <html>'s element children, in order */
  htmlChildren: string[];
  /** number of context-cards-host elements anywhere in the document */
  hostCount: number;
  /** first differing position, for a readable failure */
  diff: string | null;
}

/** Runs in the page. Compares document.body.innerHTML with the fixture's own snapshots. */
export function checkDomInPage(): DomCheck {
  const w = window as unknown as { __bodyAtDCL?: string; __bodyAtEnd?: string };
  const now = document.body.innerHTML;
  const dcl = w.__bodyAtDCL ?? '';
  const end = w.__bodyAtEnd ?? '';
  let diff: string | null = null;
  if (now !== dcl) {
    let i = 0;
    while (i < now.length && now[i] === dcl[i]) i++;
    diff = `at ${i}: expected ${JSON.stringify(dcl.slice(Math.max(0, i - 40), i + 80))}, got ${JSON.stringify(now.slice(Math.max(0, i - 40), i + 80))}`;
  }
  return {
    sameAsDomContentLoaded: dcl.length > 0 && now === dcl,
    // The end-of-body script runs before the parser appends trailing whitespace after </body>.
    sameAsEndOfParse: end.length > 0 && now.trimEnd() === end.trimEnd(),
    htmlChildren: [...document.documentElement.children].map((e) => e.tagName.toLowerCase()),
    hostCount: document.querySelectorAll('context-cards-host').length,
    diff,
  };
}

export interface MarkedReport {
  /** number of highlighted ranges readable from the page's world (0 if the registry is not visible) */
  total: number;
  /** the marked texts, in document order */
  texts: string[];
  /** for each selector, the marked texts that fall inside that element */
  inside: Record<string, string[]>;
}

/**
 * Runs in the page. Reads the CSS Custom Highlight registry (shared by the page and the content
 * script in Chromium and Firefox) and reports which marked ranges fall inside the given elements.
 */
export function markedRangesInPage(selectors: string[]): MarkedReport {
  const ranges: AbstractRange[] = [];
  const registry = (globalThis as { CSS?: { highlights?: Map<string, Iterable<AbstractRange>> } }).CSS?.highlights;
  if (registry) for (const [, highlight] of registry) for (const r of highlight) ranges.push(r);
  const live = ranges.filter((r): r is Range => r instanceof Range && !r.collapsed);
  live.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
  const inside: Record<string, string[]> = {};
  for (const sel of selectors) {
    const el = document.querySelector(sel);
    inside[sel] = el ? live.filter((r) => el.contains(r.startContainer) || el.contains(r.endContainer)).map((r) => r.toString()) : [];
  }
  return { total: live.length, texts: live.map((r) => r.toString().replace(/\s+/g, ' ')), inside };
}

type Routes = NonNullable<ServeOptions['routes']>;

/**
 * A fixture server and one browser with the built extension for the calling `describe` block:
 * started before its tests, closed after them. Read them through the getters inside tests.
 */
export function withChromium(options: { routes?: Routes; launch?: Omit<NonNullable<Parameters<typeof launchChromium>[0]>, 'extensionDir'> } = {}): {
  session(): ChromiumSession;
  fixture(): FixtureServer;
} {
  return withBrowser(() => launchChromium({ extensionDir: CHROME_DIST, headless: true, ...options.launch }), options.routes);
}

export function withFirefox(options: { routes?: Routes; launch?: Omit<NonNullable<Parameters<typeof launchFirefox>[0]>, 'extensionDir'> } = {}): {
  session(): FirefoxSession;
  fixture(): FixtureServer;
} {
  return withBrowser(() => launchFirefox({ extensionDir: FIREFOX_DIST, headless: true, ...options.launch }), options.routes);
}

function withBrowser<S extends { close(): Promise<void> }>(launch: () => Promise<S>, routes: Routes = {}): { session(): S; fixture(): FixtureServer } {
  let session: S | undefined;
  let fixture: FixtureServer | undefined;
  beforeAll(async () => {
    fixture = await startFixtureServer(routes);
    session = await launch();
  }, HOOK_TIMEOUT);
  afterAll(async () => {
    await session?.close();
    await fixture?.close();
  }, HOOK_TIMEOUT);
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`the ${what} has not started (used outside a test?)`);
    return value;
  };
  return { session: () => started(session, 'browser'), fixture: () => started(fixture, 'fixture server') };
}

/**
 * Runs in the page: the viewport centre of `text` inside shadow roots, or null. `host` names the
 * element whose open root to search; without it, the roots the page lists in `window.closedRoots`
 * (a closed root is invisible to the test otherwise).
 */
export function shadowTextPoint({ text, host }: { text: string; host?: string }): { x: number; y: number } | null {
  const roots = host
    ? [document.getElementById(host)?.shadowRoot].filter((root): root is ShadowRoot => !!root)
    : (window as unknown as { closedRoots: ShadowRoot[] }).closedRoots;
  for (const root of roots) {
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = (node as Text).data.indexOf(text);
      if (at === -1) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + text.length);
      const r = range.getClientRects()[0]!;
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
  }
  return null;
}
