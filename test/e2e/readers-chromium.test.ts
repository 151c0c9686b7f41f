// @vitest-environment node
// Every reader in Chromium (one browser for the file; issue 21): the shared card checks of
// readers-suite.ts, then what only Chromium can drive from a test. Keyboard paths: the commands
// sent as the background sends them (see input-chromium.test.ts), focus kept in the card after a
// connection and ‹, Alt+Shift+O on a focused link, the announcements. Pixels: focus visible on the
// card's controls, and marks and focus visible in forced colours (`forcedColors: 'active'`), each
// compared with the same page in another state in the same run (the bar of visible-suite.ts: 2 % of
// the pixels move by 32). The card sized from the reader's default font. axe over the popup, the
// options and the first-run page, light and dark.
import type { CDPSession, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandName } from '../../src/extension/protocol';
import { runAxe } from './axe';
import { controlBox, focusControl, focusedControl, ringContrast, type Box } from './card-focus';
import { commandSender, focusInPage, type CommandSender } from './command-sender';
import { HOOK_TIMEOUT, hoverText, moveMouseAway, pollPage, textPoint, waitForCard, waitForNoCard, waitForScan, withChromium } from './helpers';
import { liveSays, liveText, readersSuite, type ReadersPage } from './readers-suite';
import { changedShare } from './visible-suite';

const { session, fixture } = withChromium();
const page = (): Page => session().page;
const VIEWPORT = { width: 1280, height: 800 };

describe('every reader in Chromium: the card', () => {
  readersSuite({
    page: () => page() as unknown as ReadersPage,
    url: () => `${fixture().url}reader.html`,
    setDark: (dark) => page().emulateMedia({ colorScheme: dark ? 'dark' : 'light' }),
    setViewport: (size) => page().setViewportSize(size),
    viewport: VIEWPORT,
  });
});

const shoot = async (p: Page, clip: Box) => PNG.sync.read(await p.screenshot({ clip }));

describe('every reader in Chromium: keyboard, focus and forced colours', () => {
  let sender: CommandSender;

  beforeAll(async () => {
    sender = await commandSender(session(), page());
  }, HOOK_TIMEOUT);

  afterAll(async () => {
    await sender?.close();
  });

  /** Sends a command to the test page's top frame, as the background does for a shortcut. */
  const command = (name: CommandName) => sender.send(name);

  const fresh = async (file = 'reader.html') => {
    const p = page();
    await p.goto(`${fixture().url}${file}`);
    await waitForScan(p);
    await moveMouseAway(p);
    return p;
  };

  it('next/previous move focus into the card and announce its place among the names; Esc returns focus', async () => {
    const p = await fresh('input.html');
    await p.focus('#start');
    await command('next-mention');
    await waitForCard(p, { name: 'Zabihullah Mujahid' });
    expect(await p.evaluate(focusInPage)).toMatchObject({ page: 'card', inDialog: true });
    expect(await pollPage(p, liveSays, 'Zabihullah Mujahid, 1 of 4 names on this page', { message: 'the position' })).toBe(true);
    await command('next-mention');
    await waitForCard(p, { name: 'Meng Hongwei' });
    expect(await pollPage(p, liveSays, 'Meng Hongwei, 2 of 4 names on this page')).toBe(true);
    await command('previous-mention');
    await waitForCard(p, { name: 'Zabihullah Mujahid' });
    expect(await pollPage(p, liveSays, 'Zabihullah Mujahid, 1 of 4 names on this page')).toBe(true);
    await p.keyboard.press('Escape');
    await waitForNoCard(p);
    expect((await p.evaluate(focusInPage)).page).toBe('start');
  });

  it('Enter on a connection, then on ‹, keeps the focus inside the card; Close returns it to where it was', async () => {
    const p = await fresh('input.html');
    await p.focus('#start');
    await command('next-mention'); // Zabihullah Mujahid, whose card connects to the Taliban
    await waitForCard(p, { name: 'Zabihullah Mujahid' });
    expect(await p.evaluate(focusControl, 'Taliban')).toBe(true);
    await p.keyboard.press('Enter');
    await waitForCard(p, { name: 'Taliban' });
    expect(await p.evaluate(focusInPage)).toEqual({ page: 'card', inCard: 'dialog', inDialog: true });
    // Tab goes on inside the new card, from its start.
    await p.keyboard.press('Tab');
    expect((await p.evaluate(focusInPage)).inDialog).toBe(true);
    expect(await p.evaluate(focusControl, 'Back to the previous card')).toBe(true);
    await p.keyboard.press('Enter');
    await waitForCard(p, { name: 'Zabihullah Mujahid' });
    // Back on the connection that had been followed.
    expect(await p.evaluate(focusInPage)).toEqual({ page: 'card', inCard: 'button', inDialog: true });
    expect(await p.evaluate(focusedControl)).toBe('Taliban');
    // Enter on Close (Esc: the first test) returns the focus to where it was before the card.
    expect(await p.evaluate(focusControl, 'Close card')).toBe(true);
    await p.keyboard.press('Enter');
    await waitForNoCard(p);
    expect((await p.evaluate(focusInPage)).page).toBe('start');
  });

  it('a link that takes the focus opens its card with an announcement, the focus stays on it; Alt+Shift+O moves into the card', async () => {
    const p = await fresh();
    await p.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await p.keyboard.press('Tab');
    expect((await p.evaluate(focusInPage)).page).toBe('link');
    await waitForCard(p, { name: 'Hua Chunying' });
    expect(await pollPage(p, liveText)).toBe('Hua Chunying, Person: card open. Alt+Shift+O moves into it, Esc closes it.');
    expect((await p.evaluate(focusInPage)).page).toBe('link');
    // Alt+Shift+O with the focus on the link and no caret there: the link's name, focus in its card.
    await command('open-at-caret');
    await waitForCard(p, { name: 'Hua Chunying' });
    expect(await p.evaluate(focusInPage)).toEqual({ page: 'card', inCard: 'dialog', inDialog: true });
    await p.keyboard.press('Escape');
    await waitForNoCard(p);
    expect((await p.evaluate(focusInPage)).page).toBe('link');
    // Focus on a link that names nobody: the name nearest it.
    await p.focus('#plain');
    await waitForNoCard(p);
    await command('open-at-caret');
    await waitForCard(p, { name: 'Hua Chunying' });
    await p.keyboard.press('Escape');
    await waitForNoCard(p);
    expect((await p.evaluate(focusInPage)).page).toBe('plain');
  });

  for (const [scheme, forced] of [
    ['light', false],
    ['dark', false],
    ['light', true],
  ] as const) {
    const mode = forced ? 'forced colours' : `${scheme} theme`;
    it(`focus on Close, Pin, ‹, a connection and a source changes the pixels around it (${mode})`, { timeout: 30_000 }, async () => {
      await page().emulateMedia({ forcedColors: forced ? 'active' : 'none', colorScheme: scheme });
      try {
        const p = await fresh('input.html');
        await p.focus('#start');
        await command('next-mention');
        await waitForCard(p, { name: 'Zabihullah Mujahid' });
        expect(await p.evaluate(focusControl, 'Taliban')).toBe(true);
        await p.keyboard.press('Enter');
        await waitForCard(p, { name: 'Taliban' });
        await p.evaluate(() =>
          document
            .querySelector('context-cards-host')!
            .shadowRoot!.querySelector<HTMLElement>('[role="dialog"]')!
            .getAnimations({ subtree: true })
            .forEach((a) => a.finish()),
        );
        const report: Record<string, string> = {};
        const faint: string[] = [];
        for (const [selector, label] of [
          ['.close', 'Close card'],
          ['.pin', null],
          ['.back', 'Back to the previous card'],
          ['.connections button', null],
          ['.sources a', null],
          ['.section > summary', null],
        ] as const) {
          // Unfocused: the card itself holds the focus (as after a connection); then the control.
          await p.evaluate(() =>
            document.querySelector('context-cards-host')!.shadowRoot!.querySelector<HTMLElement>('[role="dialog"]')!.focus({ preventScroll: true }),
          );
          await p.evaluate(
            (s) => document.querySelector('context-cards-host')!.shadowRoot!.querySelector(`[role="dialog"] ${s}`)!.scrollIntoView({ block: 'nearest' }),
            selector,
          );
          const box = (await p.evaluate(controlBox, selector))!;
          const before = await shoot(p, box);
          // Focus as the keyboard gives it (:focus-visible), by Tab from the control before it.
          await p.evaluate((s) => {
            const root = document.querySelector('context-cards-host')!.shadowRoot!;
            const controls = [...root.querySelectorAll<HTMLElement>('[role="dialog"] button, [role="dialog"] a, [role="dialog"] summary')].filter(
              (c) => c.tabIndex >= 0,
            );
            const target = root.querySelector(`[role="dialog"] ${s}`);
            const at = controls.findIndex((c) => c === target);
            (at > 0 ? controls[at - 1]! : (root.querySelector('[role="dialog"]') as HTMLElement)).focus({ preventScroll: true });
          }, selector);
          await p.keyboard.press('Tab');
          const focused = await p.evaluate((s) => {
            const root = document.querySelector('context-cards-host')!.shadowRoot!;
            return root.activeElement === root.querySelector(`[role="dialog"] ${s}`) && root.activeElement!.matches(':focus-visible');
          }, selector);
          expect(focused, `${selector} (${label ?? ''}) focused from the keyboard`).toBe(true);
          const after = await shoot(p, box);
          const share = changedShare(before, after);
          // The ring's colour against the card behind it (WCAG 2.4.13's 3:1 for a focus indicator).
          const contrast = await p.evaluate(ringContrast, selector);
          report[selector] = `${(share * 100).toFixed(1)} %, ring ${contrast.toFixed(1)}:1`;
          if (share < 0.02) faint.push(`${selector}: ${(share * 100).toFixed(1)} % of its pixels changed`);
          if (contrast < 3) faint.push(`${selector}: focus ring at ${contrast.toFixed(2)}:1 against the card`);
        }
        console.log(`pixels changed by keyboard focus (${mode}): ${JSON.stringify(report)}`);
        expect(faint).toEqual([]);
        await p.keyboard.press('Escape');
        await waitForNoCard(p);
      } finally {
        await page().emulateMedia({ forcedColors: 'none', colorScheme: 'light' });
      }
    });
  }

  it('in forced colours each highlight style still changes the pixels of the marked names', { timeout: 30_000 }, async () => {
    await page().emulateMedia({ forcedColors: 'active' });
    try {
      const p = await fresh('marks.html');
      const report: Record<string, string> = {};
      const invisible: string[] = [];
      for (const style of ['underline', 'background'] as const) {
        await session().serviceWorker!.evaluate(async (highlight) => {
          const api = (globalThis as unknown as { chrome: { storage: { sync: { set(items: object): Promise<void> } } } }).chrome;
          await api.storage.sync.set({ settings: { version: 1, highlight } });
        }, style);
        const names = { underline: 'context-cards-mention', background: 'context-cards-mention-background' };
        await pollPage(p, (n: string) => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.has(n) || null, names[style]);
        for (const [within, text] of [
          ['#latin', 'Wang Yi'],
          ['#link', 'Meng Hongwei'],
          ['#chinese', '华春莹'],
        ] as const) {
          const point = await textPoint(p, text, { within });
          const box = {
            x: Math.floor(point.rect.left),
            y: Math.floor(point.rect.top),
            width: Math.ceil(point.rect.width),
            height: Math.ceil(point.rect.height) + 6,
          };
          const marked = await shoot(p, box);
          const saved = await p.evaluate((n: string) => {
            const registry = (CSS as unknown as { highlights: Map<string, unknown> }).highlights;
            (window as unknown as { __saved: unknown }).__saved = registry.get(n);
            return registry.delete(n);
          }, names[style]);
          expect(saved).toBe(true);
          const plain = await shoot(p, box);
          await p.evaluate(
            (n: string) => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.set(n, (window as unknown as { __saved: unknown }).__saved),
            names[style],
          );
          const share = changedShare(plain, marked);
          report[`${style}: ${text}`] = `${(share * 100).toFixed(1)} %`;
          if (share < 0.02) invisible.push(`${style}: ${text} has ${(share * 100).toFixed(1)} % of its pixels changed`);
        }
      }
      console.log(`pixels changed by the marks in forced colours: ${JSON.stringify(report)}`);
      expect(invisible).toEqual([]);
    } finally {
      await session().serviceWorker!.evaluate(async () => {
        const api = (globalThis as unknown as { chrome: { storage: { sync: { set(items: object): Promise<void> } } } }).chrome;
        await api.storage.sync.set({ settings: { version: 1, highlight: 'underline' } });
      });
      await page().emulateMedia({ forcedColors: 'none' });
    }
  });

  it('sizes the card from the reader’s default font size', { timeout: 30_000 }, async () => {
    const cdp: CDPSession = await session().context.newCDPSession(page());
    const sizes = async () => {
      const p = await fresh();
      await hoverText(p, 'Meng Hongwei');
      await waitForCard(p, { name: 'Meng Hongwei' });
      const found = await p.evaluate(() => {
        const dialog = document.querySelector('context-cards-host')!.shadowRoot!.querySelector<HTMLElement>('[role="dialog"]')!;
        const px = (el: Element | null) => parseFloat(getComputedStyle(el!).fontSize);
        return {
          text: px(dialog),
          name: px(dialog.querySelector('h2')),
          category: px(dialog.querySelector('.category')),
          width: dialog.getBoundingClientRect().width,
        };
      });
      await moveMouseAway(p);
      await waitForNoCard(p);
      return found;
    };
    try {
      await cdp.send('Page.setFontSizes', { fontSizes: { standard: 16 } });
      const normal = await sizes();
      await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32 } });
      const large = await sizes();
      expect(normal.text).toBeCloseTo(14, 0);
      expect(large.text).toBeCloseTo(28, 0);
      expect(large.name).toBeCloseTo(2 * normal.name, 0);
      expect(large.category).toBeCloseTo(2 * normal.category, 0);
      expect(large.width).toBeGreaterThan(normal.width);
    } finally {
      await cdp.send('Page.setFontSizes', { fontSizes: { standard: 16 } }).catch(() => undefined);
      await cdp.detach().catch(() => undefined);
    }
  });
});

describe('every reader in Chromium: axe over the extension pages', () => {
  /** Opens an extension page in a tab of its own, in a colour scheme. */
  const open = async (path: string, scheme: 'light' | 'dark') => {
    const tab = await session().context.newPage();
    await tab.emulateMedia({ colorScheme: scheme });
    await tab.goto(`chrome-extension://${session().extensionId}/${path}`);
    return tab;
  };

  for (const scheme of ['light', 'dark'] as const) {
    for (const [path, ready] of [
      ['popup.html', 'main'],
      ['options.html', 'form, main'],
      ['welcome.html', 'h1'],
    ] as const) {
      it(`axe finds nothing on ${path} (${scheme})`, { timeout: 30_000 }, async () => {
        // The popup asks about the fixture page's tab: a page with names, so it lists them.
        let target: Page | null = null;
        let query = '';
        if (path === 'popup.html') {
          target = await session().context.newPage();
          await target.goto(`${fixture().url}reader.html`);
          await waitForScan(target);
          await target.bringToFront();
          const id = await session().serviceWorker!.evaluate(async () => {
            const api = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } }).chrome;
            return (await api.tabs.query({ active: true }))[0]?.id;
          });
          query = id === undefined ? '' : `?tab=${id}`;
        }
        const tab = await open(`${path}${query}`, scheme);
        try {
          await tab.waitForSelector(ready);
          if (path === 'popup.html') await tab.waitForSelector('text=Meng Hongwei');
          const report = await runAxe(tab as unknown as ReadersPage);
          console.log(`axe ${report.version} on ${path} (${scheme}): ${report.rulesApplied} rules applied, ${report.violations.length} violations`);
          expect(report.rulesApplied).toBeGreaterThan(10);
          expect(report.violations).toEqual([]);
          // Every page names the one story it is about (the options page points to the first-run page's).
          if (path !== 'options.html') expect(await tab.textContent('body')).toContain('China Allies With Taliban After US Withdrawal From Afghanistan');
        } finally {
          await tab.close();
          await target?.close();
        }
      });
    }
  }
});
