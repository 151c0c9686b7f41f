// @vitest-environment node
// The built extension (dist/firefox) in real headless Firefox ESR, driven by puppeteer-core over
// WebDriver BiDi. Run `node build.mjs` first (npm test does).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { basicPageSuite } from './basic-suite';
import {
  FIREFOX_DIST,
  HOOK_TIMEOUT,
  firefoxProxyPrefs,
  hoverText,
  isAllowedRequest,
  launchFirefox,
  moveMouseAway,
  proxyHitHost,
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
 * Hosts Firefox itself contacts in the background (remote settings, blocklists, captive-portal
 * and push services). They are the browser's traffic, not the extension's; every other host
 * reaching the proxy fails the test.
 */
const FIREFOX_OWN_HOSTS = new Set([
  'firefox.settings.services.mozilla.com',
  'content-signature-2.cdn.mozilla.net',
  'detectportal.firefox.com',
  'push.services.mozilla.com',
  'aus5.mozilla.org',
  'shavar.services.mozilla.com',
  'incoming.telemetry.mozilla.org',
]);
const DIALOG = 'context-cards-host >>> [role="dialog"]';

interface Seen {
  url: string;
  afterLoad: boolean;
}

let session: Awaited<ReturnType<typeof launchFirefox>> | undefined;
let page: Page;
let fixture: FixtureServer;
let sink: ProxySink;
let mentions = 0;
let loaded = false;
const seen: Seen[] = [];

/** The dialog's accessible name: aria-label, or the text of its aria-labelledby targets. */
async function dialogName(): Promise<string> {
  const handle = await page.waitForSelector(DIALOG, { visible: true, timeout: 5_000 });
  expect(handle).not.toBeNull();
  const name = await handle!.evaluate((el) => {
    const label = el.getAttribute('aria-label');
    if (label) return label;
    const root = el.getRootNode() as ShadowRoot | Document;
    return (el.getAttribute('aria-labelledby') ?? '')
      .split(/\s+/)
      .map((id) => root.getElementById(id)?.textContent?.trim() ?? '')
      .filter(Boolean)
      .join(' ');
  });
  await handle!.dispose();
  return name;
}

describe('Firefox + dist/firefox', () => {
  beforeAll(async () => {
    fixture = await startFixtureServer();
    sink = await startProxySink();
    // Everything not on loopback goes to the sink, which records it and answers 502.
    session = await launchFirefox({ extensionDir: FIREFOX_DIST, headless: true, prefs: firefoxProxyPrefs(sink.port) });
    page = session.page;
    page.on('request', (r: HTTPRequest) => seen.push({ url: r.url(), afterLoad: loaded }));
    await page.goto(fixture.url + FIXTURE, { waitUntil: 'load' });
    loaded = true;
    mentions = await waitForScan(page);
  }, HOOK_TIMEOUT);

  afterAll(async () => {
    await session?.close();
    await sink?.close();
    await fixture?.close();
  }, HOOK_TIMEOUT);

  it('installs the extension and scans the page', () => {
    expect(session!.extensionId).toBeTruthy();
    expect(mentions).toBeGreaterThanOrEqual(3); // Meng Hongwei, Hua Chunying, Wang Yi at least
  });

  it('hovering "Meng Hongwei" opens its card: role=dialog named "Meng Hongwei"', async () => {
    await moveMouseAway(page);
    await hoverText(page, 'Meng Hongwei');
    expect(await dialogName()).toBe('Meng Hongwei');
    const card = await waitForCard(page, { name: 'Meng Hongwei' });
    expect(card.hostParent).toBe('HTML');
    expect(card.text).toContain('Meng Hongwei');
  });

  basicPageSuite(() => page as never);

  it('makes no network request: only the fixture page and its own resources are fetched', async () => {
    // Give any late request (from the background script or content script) a moment to show up.
    await sleep(300);
    const report = {
      // Seen by the browser (page): anything but the fixture page and its stylesheet.
      foreign: seen.filter((s) => !isAllowedRequest(s.url, fixture.origin, PAGE_PATHS)).map((s) => s.url),
      // Anything requested after the page had loaded (the page itself makes no late request).
      afterLoad: seen.filter((s) => s.afterLoad && !s.url.startsWith('data:') && !s.url.endsWith('/favicon.ico')).map((s) => s.url),
      // What the fixture server received.
      served: fixture.requests.map((r) => r.url).filter((u) => u !== '/favicon.ico'),
      // Catch-all: a request for any other origin, from any part of the browser, reaches the proxy sink.
      proxy: sink.hits.filter((h) => !FIREFOX_OWN_HOSTS.has(proxyHitHost(h))),
    };
    console.log(
      `requests to the network, by context (Firefox): page and content script ${report.foreign.length}, ` +
        `background and anything else via the proxy ${report.proxy.length}`,
    );
    expect(report).toEqual({
      foreign: [],
      afterLoad: [],
      served: PAGE_PATHS,
      proxy: [],
    });
  });
});
