// @vitest-environment node
// The built extension (dist/firefox) in real headless Firefox ESR, driven by puppeteer-core over
// WebDriver BiDi. Run `node build.mjs` first (npm test does).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'puppeteer-core';
import { basicPageSuite } from './basic-suite';
import {
  FIREFOX_DIST,
  HOOK_TIMEOUT,
  firefoxProxyPrefs,
  hoverText,
  launchFirefox,
  moveMouseAway,
  sleep,
  startFixtureServer,
  startProxySink,
  waitForCard,
  waitForScan,
  type FixtureServer,
  type ProxySink,
} from './helpers';
import { judgeRequests, recordFirefoxPageRequests, type SeenRequest } from './network-audit';

const FIXTURE = 'basic.html';
/** What basic.html itself loads. */
const PAGE_PATHS = ['/basic.html', '/style.css'];
const DIALOG = 'context-cards-host >>> [role="dialog"]';

let session: Awaited<ReturnType<typeof launchFirefox>> | undefined;
let page: Page;
let fixture: FixtureServer;
let sink: ProxySink;
let mentions = 0;
let seen: SeenRequest[] = [];

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
    seen = recordFirefoxPageRequests(page);
    await page.goto(fixture.url + FIXTURE, { waitUntil: 'load' });
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

  it('makes no network request: a silenced Firefox sends nothing through the proxy, and the page only its own files', async () => {
    // Give any late request (from the background script or content script) a moment to show up.
    await sleep(300);
    const verdict = judgeRequests({ browser: 'firefox', seen, sink, fixture, pagePaths: PAGE_PATHS });
    console.log(`Firefox: ${seen.length} page requests seen, ${sink.hits.length} requests through the proxy`);
    expect({ leaks: verdict.leaks, served: fixture.requests.map((r) => r.url).filter((u) => u !== '/favicon.ico') }).toEqual({
      leaks: [],
      served: PAGE_PATHS,
    });
  });
});
