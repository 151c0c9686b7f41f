// @vitest-environment node
// The built extension (dist/chrome) in real headless Chromium, driven by playwright-core.
// Run `node build.mjs` first (npm test does).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page, Request } from 'playwright-core';
import { basicPageSuite } from './basic-suite';
import {
  CHROME_DIST,
  HOOK_TIMEOUT,
  hoverText,
  isAllowedRequest,
  launchChromium,
  proxyHitHost,
  moveMouseAway,
  sleep,
  startFixtureServer,
  startProxySink,
  waitForCard,
  waitForScan,
  type FixtureServer,
  type ProxySink,
} from './helpers';

const FIXTURE = 'basic.html';
/** What basic.html itself loads. */
const PAGE_PATHS = ['/basic.html', '/style.css'];
/**
 * Hosts Chromium itself contacts in the background on this build (sign-in, component and
 * extension update checks, network time, autofill server), even with --disable-background-networking.
 * They are the browser's traffic, not the extension's; every other host reaching the proxy fails.
 */
const CHROMIUM_OWN_HOSTS = new Set([
  'accounts.google.com',
  'update.googleapis.com',
  'clients2.google.com',
  'content-autofill.googleapis.com',
  'optimizationguide-pa.googleapis.com',
  'clientservices.googleapis.com',
  'safebrowsingohttpgateway.googleapis.com',
  'redirector.gvt1.com',
  'edgedl.me.gvt1.com',
]);

interface Seen {
  url: string;
  type: string;
  fromServiceWorker: boolean;
  afterLoad: boolean;
}

let session: Awaited<ReturnType<typeof launchChromium>> | undefined;
let page: Page;
let fixture: FixtureServer;
let sink: ProxySink;
let mentions = 0;
let loaded = false;
const seen: Seen[] = [];

describe('Chromium + dist/chrome', () => {
  beforeAll(async () => {
    fixture = await startFixtureServer();
    sink = await startProxySink();
    session = await launchChromium({
      extensionDir: CHROME_DIST,
      headless: true,
      // Everything not on loopback goes to the sink, which records it and answers 502.
      proxy: { server: sink.server, bypass: '127.0.0.1,localhost' },
    });
    // Page, frame and service-worker requests all surface on the context.
    session.context.on('request', (r: Request) =>
      seen.push({ url: r.url(), type: r.resourceType(), fromServiceWorker: !!r.serviceWorker(), afterLoad: loaded }),
    );
    page = session.page;
    await page.goto(fixture.url + FIXTURE, { waitUntil: 'load' });
    loaded = true;
    mentions = await waitForScan(page);
  }, HOOK_TIMEOUT);

  afterAll(async () => {
    await session?.close();
    await sink?.close();
    await fixture?.close();
  }, HOOK_TIMEOUT);

  it('loads the extension and scans the page', () => {
    expect(session!.extensionId).toMatch(/^[a-p]{32}$/);
    expect(mentions).toBeGreaterThanOrEqual(3); // Meng Hongwei, Hua Chunying, Wang Yi at least
  });

  it('hovering "Meng Hongwei" opens its card: role=dialog named "Meng Hongwei"', async () => {
    await moveMouseAway(page);
    await hoverText(page, 'Meng Hongwei');
    // getByRole pierces open shadow roots and computes the accessible name.
    const dialog = page.getByRole('dialog', { name: 'Meng Hongwei', exact: true });
    await dialog.waitFor({ state: 'visible', timeout: 5_000 });
    const card = await waitForCard(page, { name: 'Meng Hongwei' });
    expect(card.hostParent).toBe('HTML');
    expect(card.text).toContain('Meng Hongwei');
  });

  basicPageSuite(() => page as never);

  it('the popup, options and welcome pages render and fetch nothing but their own files', async () => {
    const own = `chrome-extension://${session!.extensionId}/`;
    const options = await session!.context.newPage();
    await options.goto(`${own}options.html`);
    await options.locator('form').waitFor({ timeout: 5_000 });
    await page.bringToFront();
    const tabId = await options.evaluate(async () => {
      const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }).chrome;
      const [tab] = await api.tabs.query({ active: true });
      return tab!.id!;
    });
    const popup = await session!.context.newPage();
    await popup.goto(`${own}popup.html?tab=${tabId}`);
    await popup.locator('[data-figure="meng-hongwei"]').waitFor({ timeout: 5_000 });
    const welcome = await session!.context.newPage();
    await welcome.goto(`${own}welcome.html`);
    await welcome.getByRole('heading', { name: 'Welcome to Context Cards' }).waitFor({ timeout: 5_000 });
    for (const p of [options, popup, welcome]) await p.close();
    const fetched = seen.filter((s) => s.url.startsWith(own)).map((s) => new URL(s.url).pathname);
    expect(fetched).toEqual(expect.arrayContaining(['/options.html', '/options.js', '/popup.html', '/popup.js', '/welcome.html', '/welcome.js']));
  });

  it('makes no network request: only the fixture page and its own resources are fetched', async () => {
    // Give any late request (from the service worker, content script or extension pages) a moment to show up.
    await sleep(300);
    const own = `chrome-extension://${session!.extensionId}/`;
    const report = {
      // Seen by the browser (page, frames, service worker, extension pages): anything but the fixture
      // page, its stylesheet and the extension's own packaged files.
      foreign: seen.filter((s) => !s.url.startsWith(own) && !isAllowedRequest(s.url, fixture.origin, PAGE_PATHS)).map((s) => s.url),
      fromServiceWorker: seen.filter((s) => s.fromServiceWorker).map((s) => s.url),
      // Anything requested after the page had loaded, apart from opening the extension's own pages.
      afterLoad: seen
        .filter((s) => s.afterLoad && !s.url.startsWith(own) && !s.url.startsWith('data:') && !s.url.endsWith('/favicon.ico'))
        .map((s) => s.url),
      // What the fixture server received.
      served: fixture.requests.map((r) => r.url).filter((u) => u !== '/favicon.ico'),
      // Catch-all: a request for any other origin, from any part of the browser, reaches the proxy sink.
      proxy: sink.hits.filter((h) => !CHROMIUM_OWN_HOSTS.has(proxyHitHost(h))),
    };
    console.log(
      `requests beyond the test page and the extension's own files (Chromium): service worker ${report.fromServiceWorker.length}, ` +
        `page, content script, popup, options and welcome pages ${report.foreign.length} ` +
        `(the extension pages fetched ${seen.filter((r) => r.url.startsWith(own)).length} packaged files), ` +
        `anything else through the proxy ${report.proxy.length}`,
    );
    expect(report).toEqual({
      foreign: [],
      fromServiceWorker: [],
      afterLoad: [],
      served: PAGE_PATHS,
      proxy: [],
    });
  });
});

