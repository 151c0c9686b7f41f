// @vitest-environment node
// Every reader in Firefox (one browser for the file; issue 21): the shared card checks of
// readers-suite.ts, axe over the first-run page and the options page, and forced colours.
//
// What WebDriver BiDi lets a test reach here: pages on the fixture server (the card), and the tabs
// the extension opens itself (the first-run page on install, the options page it opens from the
// first-run page's Settings button). It cannot open a moz-extension:// page in a tab of its own, nor
// the toolbar popup, so the popup is checked in Chromium only. It cannot reach the extension's
// storage either, so the dark theme is set on the card's layers from the page, as CardHost.setTheme
// does, and on the extension pages' root, as they do from the stored setting. Headless Firefox never
// gives the page window focus, so keyboard focus and its ring are checked in Chromium only.
// Forced colours are Firefox's high-contrast preferences (browser.display.document_color_use: 2).
import type { Browser, Page } from 'puppeteer-core';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { runAxe } from './axe';
import { pollPage, setFirefoxViewport, textPoint, waitForScan, withFirefox } from './helpers';
import { readersSuite, type ReadersPage } from './readers-suite';
import { changedShare } from './visible-suite';

const VIEWPORT = { width: 1280, height: 800 };

/** Runs in the page: the card's layers in the dark theme or the light one; null until card.js has made them. */
function setCardTheme(theme: string): true | null {
  const layers = document.querySelector('context-cards-host')?.shadowRoot?.querySelectorAll<HTMLElement>('.layer') ?? [];
  for (const layer of layers) layer.dataset.theme = theme;
  return layers.length > 0 || null;
}

describe('every reader in Firefox: the card', () => {
  const { session, fixture } = withFirefox();
  readersSuite({
    page: () => session().page as unknown as ReadersPage,
    url: () => `${fixture().url}reader.html`,
    // The layers come with card.js, a moment after the scan has found the page's first name.
    setDark: async (dark) => {
      await pollPage(session().page, setCardTheme, dark ? 'dark' : 'light', { message: "the card's layers" });
    },
    setViewport: (size) => setFirefoxViewport(session().page, size),
    viewport: VIEWPORT,
  });
});

/** The tab showing a URL ending in `suffix` (over BiDi, ask the page: url() says about:blank for tabs an extension opened). */
async function findPage(browser: Browser, suffix: string, timeout = 15_000): Promise<Page> {
  const deadline = Date.now() + timeout;
  for (;;) {
    for (const page of await browser.pages()) {
      const href = await page.evaluate(() => location.href).catch(() => '');
      if (href.split('?')[0]!.endsWith(suffix)) return page;
    }
    if (Date.now() > deadline) throw new Error(`no tab opened ${suffix} within ${timeout} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('every reader in Firefox: axe over the first-run and options pages', () => {
  const { session } = withFirefox({ launch: { firstRun: 'keep', prefs: { 'extensions.originControls.grantByDefault': false } } });

  const axePage = async (page: Page, what: string) => {
    for (const theme of ['light', 'dark'] as const) {
      await page.evaluate((t) => {
        document.documentElement.dataset.theme = t;
      }, theme);
      const report = await runAxe(page as unknown as ReadersPage);
      console.log(`axe ${report.version} on ${what} (${theme}): ${report.rulesApplied} rules applied, ${report.violations.length} violations`);
      expect(report.rulesApplied).toBeGreaterThan(10);
      expect(report.violations, `${what}, ${theme}`).toEqual([]);
    }
  };

  it('the first-run page (with the site-access request), light and dark', { timeout: 60_000 }, async () => {
    const welcome = await findPage(session().browser, '/welcome.html');
    await pollPage(welcome as never, () => (document.querySelector('h1') !== null && document.querySelector('button') !== null) || null, null, {
      message: 'the first-run page',
    });
    const text = await welcome.evaluate(() => document.body.textContent ?? '');
    expect(text).toContain('China Allies With Taliban After US Withdrawal From Afghanistan');
    expect(text).toContain('Vision Times');
    expect(text).toContain('9 September 2021');
    expect(text).toContain('Allow access to web pages');
    await axePage(welcome, 'welcome.html');
  });

  it('the options page, opened from the first-run page, light and dark', { timeout: 60_000 }, async () => {
    const welcome = await findPage(session().browser, '/welcome.html');
    await welcome.evaluate(() => [...document.querySelectorAll('button')].find((b) => b.textContent === 'Settings')!.click());
    const options = await findPage(session().browser, '/options.html');
    await pollPage(options as never, () => document.querySelector('form') !== null || null, null, { message: 'the options page' });
    await axePage(options, 'options.html');
  });
});

describe('every reader in Firefox: forced colours', () => {
  const { session, fixture } = withFirefox({ launch: { prefs: { 'browser.display.document_color_use': 2 } } });

  it('the marks still change the pixels of the marked names', { timeout: 30_000 }, async () => {
    const page = session().page;
    await page.goto(`${fixture().url}marks.html`);
    await waitForScan(page as never);
    const forced = await page.evaluate(() => matchMedia('(forced-colors: active)').matches);
    console.log(`Firefox reports forced-colors: ${forced ? 'active' : 'none'} with browser.display.document_color_use = 2`);
    const report: Record<string, string> = {};
    const invisible: string[] = [];
    for (const [within, text] of [
      ['#latin', 'Wang Yi'],
      ['#link', 'Meng Hongwei'],
      ['#dark', 'Hua Chunying'],
    ] as const) {
      const point = await textPoint(page as never, text, { within });
      const clip = {
        x: Math.floor(point.rect.left),
        y: Math.floor(point.rect.top),
        width: Math.ceil(point.rect.width),
        height: Math.ceil(point.rect.height) + 6,
      };
      const marked = PNG.sync.read(Buffer.from(await page.screenshot({ clip })));
      await page.evaluate(() => {
        const registry = (CSS as unknown as { highlights: Map<string, unknown> }).highlights;
        (window as unknown as { __saved: unknown }).__saved = registry.get('context-cards-mention');
        registry.delete('context-cards-mention');
      });
      const plain = PNG.sync.read(Buffer.from(await page.screenshot({ clip })));
      await page.evaluate(() =>
        (CSS as unknown as { highlights: Map<string, unknown> }).highlights.set('context-cards-mention', (window as unknown as { __saved: unknown }).__saved),
      );
      const share = changedShare(plain, marked);
      report[text] = `${(share * 100).toFixed(1)} %`;
      if (share < 0.02) invisible.push(`${text}: ${(share * 100).toFixed(1)} %`);
    }
    console.log(`pixels changed by the marks in Firefox's high contrast: ${JSON.stringify(report)}`);
    expect(invisible).toEqual([]);
  });
});
