// The no-network audit, shared by the browser tests and by the test of the audit itself
// (no-network-harness.test.ts), which feeds it builds that do make a request.
//
// Chromium: every request the browser makes on behalf of a page, a frame, a worker, the
// extension's service worker or an extension page surfaces on the Playwright context (the
// debugging protocol's Network domain of each target), so each is judged by the context that made
// it. What the browser process sends of its own (update and sign-in checks that its switches do not
// all silence) belongs to no context: it reaches the proxy sink and is reported, not judged.
// Firefox: WebDriver BiDi does not see the background page or content scripts, so the profile is
// silenced (see FIREFOX_QUIET_PREFS in scripts/browsers.mjs) and any request that reaches the
// proxy sink fails.
import type { BrowserContext, Request } from 'playwright-core';
import type { HTTPRequest, Page as PptrPage } from 'puppeteer-core';
import { isAllowedRequest, type FixtureServer, type ProxySink } from './helpers';

export interface SeenRequest {
  url: string;
  /** 'service worker', 'extension page', or 'page' (the page, its frames and the content script). */
  context: string;
}

/** Where a Chromium request came from. */
function chromiumContext(request: Request, extensionOrigin: string): string {
  if (request.serviceWorker()) return 'service worker';
  let pageUrl = '';
  try {
    pageUrl = request.frame().page().url();
  } catch {
    // A request with no frame (a dedicated worker's): judged as the page's.
  }
  return pageUrl.startsWith(extensionOrigin) ? 'extension page' : 'page';
}

/** Records every request of a Chromium context, with its context. */
export function recordChromiumRequests(context: BrowserContext, extensionId: string): SeenRequest[] {
  const seen: SeenRequest[] = [];
  const origin = `chrome-extension://${extensionId}/`;
  context.on('request', (r: Request) => seen.push({ url: r.url(), context: chromiumContext(r, origin) }));
  return seen;
}

/** Records the requests a Firefox page makes that WebDriver BiDi can see. */
export function recordFirefoxPageRequests(page: PptrPage): SeenRequest[] {
  const seen: SeenRequest[] = [];
  page.on('request', (r: HTTPRequest) => seen.push({ url: r.url(), context: 'page' }));
  return seen;
}

export interface NetworkVerdict {
  /** Requests for anything but the fixture's own files and the extension's packaged files, by context. */
  leaks: string[];
  /** Chromium only: what reached the proxy without any context (the browser's own traffic). */
  browserOwn: string[];
}

/**
 * Judges what was recorded. `pagePaths` are the fixture's own files; data:, blob:, about:blank and
 * the favicon are the browser's own business.
 */
export function judgeRequests(options: {
  browser: 'chromium' | 'firefox';
  seen: readonly SeenRequest[];
  sink: ProxySink;
  fixture: FixtureServer;
  pagePaths: string[];
  extensionOrigin?: string;
}): NetworkVerdict {
  const { seen, sink, fixture, pagePaths, extensionOrigin } = options;
  const own = (url: string) => (extensionOrigin !== undefined && url.startsWith(extensionOrigin)) || isAllowedRequest(url, fixture.origin, pagePaths);
  const leaks = seen.filter((s) => !own(s.url)).map((s) => `${s.context}: ${s.url}`);
  if (options.browser === 'firefox') return { leaks: [...leaks, ...sink.hits.map((hit) => `proxy: ${hit}`)], browserOwn: [] };
  return { leaks, browserOwn: [...sink.hits] };
}
