// @vitest-environment node
// The built extension (dist/chrome) in real headless Chromium, driven by playwright-core.
// Run `node build.mjs` first (npm test does).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { basicPageSuite } from './basic-suite';
import {
  CHROME_DIST,
  HOOK_TIMEOUT,
  hoverText,
  launchChromium,
  moveMouseAway,
  sleep,
  startFixtureServer,
  startProxySink,
  waitForCard,
  waitForScan,
  type FixtureServer,
  type ProxySink,
} from './helpers';
import { judgeRequests, recordChromiumRequests, type SeenRequest } from './network-audit';
import { closeChromiumFirstRun } from '../../scripts/first-run.mjs';

const FIXTURE = 'basic.html';
/** What basic.html itself loads. */
const PAGE_PATHS = ['/basic.html', '/style.css'];

let session: Awaited<ReturnType<typeof launchChromium>> | undefined;
let page: Page;
let fixture: FixtureServer;
let sink: ProxySink;
let mentions = 0;
let seen: SeenRequest[] = [];

describe('Chromium + dist/chrome', () => {
  beforeAll(async () => {
    fixture = await startFixtureServer();
    sink = await startProxySink();
    session = await launchChromium({
      extensionDir: CHROME_DIST,
      headless: true,
      // Everything not on loopback goes to the sink, which records it and answers 502.
      proxy: { server: sink.server, bypass: '127.0.0.1,localhost' },
      // Return as soon as the service worker runs, so that recording starts before its first
      // requests could (waiting to close the first-run tab would let them pass unseen).
      firstRun: 'keep',
    });
    seen = recordChromiumRequests(session.context, session.extensionId!);
    // Then the first-run tab, its requests recorded, goes, and the test page is in front again.
    await closeChromiumFirstRun(session.context, session.page);
    page = session.page;
    await page.goto(fixture.url + FIXTURE, { waitUntil: 'load' });
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

  it('makes no network request from the page, the content script, the service worker or its own pages', async () => {
    // Give any late request (from the service worker, content script or extension pages) a moment to show up.
    await sleep(300);
    const verdict = judgeRequests({
      browser: 'chromium',
      seen,
      sink,
      fixture,
      pagePaths: PAGE_PATHS,
      extensionOrigin: `chrome-extension://${session!.extensionId}/`,
    });
    console.log(
      `Chromium: ${seen.length} requests by context (${verdict.leaks.length} beyond the test page and the extension's own files); ` +
        `the browser's own background traffic, made by no page, worker or extension context: ${verdict.browserOwn.length}`,
    );
    expect({ leaks: verdict.leaks, served: fixture.requests.map((r) => r.url).filter((u) => u !== '/favicon.ico') }).toEqual({
      leaks: [],
      served: PAGE_PATHS,
    });
  });
});
