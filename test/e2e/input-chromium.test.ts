// @vitest-environment node
// Keyboard commands and touch in Chromium (one browser for the file), on pages/input.html: names
// far apart down a long page, one inside a link, one in an editable region (never read).
//
// Headless Chromium does not deliver browser-level shortcuts, so the commands take the path the
// background gives them: an extension page sends `{type: 'command'}` to the tab's top frame. Touch
// is emulated over CDP. Firefox has neither path from a test (no extension page in a tab under
// WebDriver BiDi, no touch emulation), so this file is Chromium only.
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandName } from '../../src/extension/protocol';
import { commandSender, focusInPage, type CommandSender } from './command-sender';
import { HOOK_TIMEOUT, pollPage, readCard, textPoint, waitForCard, waitForNoCard, waitForScan, withChromium } from './helpers';

const { session, fixture } = withChromium();
/** An extension page in a second tab: it sends the commands, as the background does. */
let sender: CommandSender;

const NAMES = ['Zabihullah Mujahid', 'Meng Hongwei', 'Hua Chunying', 'Abdul Ghani Baradar'];
/** The paragraph of each name (Baradar is also named in the editable notes, above his paragraph). */
const WITHIN: Record<string, string> = { 'Zabihullah Mujahid': '#n1', 'Meng Hongwei': '#n2', 'Hua Chunying': '#n3', 'Abdul Ghani Baradar': '#n4' };

const page = (): Page => session().page;

/** The test page, loaded afresh and scanned, at the top, with nothing focused. */
async function fresh(): Promise<Page> {
  const p = page();
  await p.goto(`${fixture().url}input.html`);
  expect(await waitForScan(p)).toBe(NAMES.length);
  await p.evaluate(() => window.scrollTo(0, 0));
  return p;
}

/** Sends a command to the test page's top frame, as the background does for a shortcut. */
const command = (name: CommandName): Promise<void> => sender.send(name);

/** Whether a name (in its own paragraph) is wholly inside the viewport now. */
async function inView(p: Page, name: string): Promise<boolean> {
  return (await textPoint(p, name, { within: WITHIN[name]!, scroll: false })).inView;
}

/** Opens a card with a command and checks its name is the one shown, in view. */
async function commandOpens(p: Page, name: CommandName, expected: string): Promise<void> {
  await command(name);
  await waitForCard(p, { name: expected });
  expect(await inView(p, expected), `${expected} scrolled into view`).toBe(true);
}

describe('keyboard commands and touch in Chromium', () => {
  beforeAll(async () => {
    sender = await commandSender(session(), page());
  }, HOOK_TIMEOUT);

  describe('keyboard commands', () => {
    it('next-mention scrolls to the first name, opens its card with the focus in it; Tab moves through it, Esc returns focus', async () => {
      const p = await fresh();
      await p.focus('#start');
      expect(await inView(p, NAMES[0]!)).toBe(false);

      await commandOpens(p, 'next-mention', NAMES[0]!);
      expect(await p.evaluate(() => window.scrollY)).toBeGreaterThan(0);
      expect(await p.evaluate(focusInPage)).toEqual({ page: 'card', inCard: 'dialog', inDialog: true });

      // Tab goes to the card's buttons and links, and stays in the card.
      await p.keyboard.press('Tab');
      const first = await p.evaluate(focusInPage);
      expect(first.page).toBe('card');
      expect(first.inDialog).toBe(true);
      expect(['button', 'a']).toContain(first.inCard);
      await p.keyboard.press('Tab');
      const second = await p.evaluate(focusInPage);
      expect(second.inDialog).toBe(true);
      expect(['button', 'a']).toContain(second.inCard);

      await p.keyboard.press('Escape');
      await waitForNoCard(p);
      expect((await p.evaluate(focusInPage)).page).toBe('start');
    });

    it('next and previous go through the names in document order and wrap around at both ends', async () => {
      const p = await fresh();
      await p.focus('#start');
      for (const name of NAMES) await commandOpens(p, 'next-mention', name);
      // Past the last name: back to the first, and previous from there to the last.
      await commandOpens(p, 'next-mention', NAMES[0]!);
      await commandOpens(p, 'previous-mention', NAMES[3]!);
      await commandOpens(p, 'previous-mention', NAMES[2]!);
      await commandOpens(p, 'previous-mention', NAMES[1]!);
      // However many cards the commands went through, Esc returns focus to where it was before the first.
      await p.keyboard.press('Escape');
      await waitForNoCard(p);
      expect((await p.evaluate(focusInPage)).page).toBe('start');

      // With no card open, previous goes to the last name above the top of the viewport; at the
      // top of the page there is none, so it wraps to the last name of the page.
      await p.evaluate(() => window.scrollTo(0, 0));
      await commandOpens(p, 'previous-mention', NAMES[3]!);
      await p.keyboard.press('Escape');
      await waitForNoCard(p);
      // With no card open, next starts from the first name below the top of the viewport.
      await p.evaluate(() => document.getElementById('n2')!.scrollIntoView({ block: 'start' }));
      await commandOpens(p, 'next-mention', NAMES[1]!);
      await p.keyboard.press('Escape');
      await waitForNoCard(p);
    });

    it('open-at-caret opens the card of the name at the caret or in the selection, and never reads an editable region', async () => {
      const p = await fresh();
      /** Runs in the page: selects `length` characters from the first `text` in the element `id` (0: a caret). */
      const select = (arg: { id: string; text: string; length: number }) =>
        p.evaluate(({ id, text, length }) => {
          const el = document.getElementById(id)!;
          const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
          for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
            const at = node.data.indexOf(text);
            if (at < 0) continue;
            getSelection()!.setBaseAndExtent(node, at, node, at + length);
            return;
          }
          throw new Error(`no ${text} in #${id}`);
        }, arg);

      // A caret inside a name, far down the page.
      await select({ id: 'n2', text: 'Hongwei', length: 0 });
      await commandOpens(p, 'open-at-caret', 'Meng Hongwei');
      await p.keyboard.press('Escape');
      await waitForNoCard(p);

      // A selection that starts before a name and ends inside it.
      await select({ id: 'n4', text: 'by Abdul Ghani', length: 'by Abdul Ghani'.length });
      await commandOpens(p, 'open-at-caret', 'Abdul Ghani Baradar');
      await p.keyboard.press('Escape');
      await waitForNoCard(p);

      // A caret on the same name in the editable region: nothing there is marked, so no card. The
      // command has run by the time it returns (see command()), so the card's absence is settled.
      await p.focus('#notes');
      await select({ id: 'notes', text: 'Ghani', length: 0 });
      await command('open-at-caret');
      expect(await readCard(p)).toBeNull();
      // The reader's caret in the editor was left where it was.
      expect(await p.evaluate(() => [getSelection()!.anchorNode?.parentElement?.id, getSelection()!.anchorOffset, getSelection()!.isCollapsed])).toEqual([
        'notes',
        'My notes: ask Abdul '.length,
        true,
      ]);
    });
  });

  describe('touch', () => {
    let cdp: CDPSession;
    type Point = { x: number; y: number };
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', point?: Point) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: point ? [{ x: point.x, y: point.y }] : [] });
    const tap = async (point: Point) => {
      await touch('touchStart', point);
      await touch('touchEnd');
    };
    const clicks = (p: Page) => p.evaluate(() => (window as unknown as { __clicks: { in: string; prevented: boolean }[] }).__clicks.length);
    /** Waits for the click a tap causes, and returns it. */
    const clickAfter = (p: Page, before: number) =>
      pollPage(p, (n: number) => (window as unknown as { __clicks: { in: string; prevented: boolean }[] }).__clicks[n] ?? null, before, {
        message: 'the click that follows the tap',
      });
    const pinPressed = (p: Page) =>
      p.evaluate(() => document.querySelector('context-cards-host')?.shadowRoot?.querySelector('.pin')?.getAttribute('aria-pressed') ?? null);

    beforeAll(async () => {
      cdp = await session().context.newCDPSession(page());
      await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
    });

    afterAll(async () => {
      await cdp?.send('Emulation.setTouchEmulationEnabled', { enabled: false }).catch(() => undefined);
      await cdp?.detach().catch(() => undefined);
    });

    it('a tap on a name opens its card, which stays; a tap elsewhere closes it', async () => {
      const p = await fresh();
      const before = await clicks(p);
      await tap(await textPoint(p, 'Meng Hongwei'));
      await waitForCard(p, { name: 'Meng Hongwei' });
      // The click the tap causes neither closes the card nor unpins it.
      expect(await clickAfter(p, before)).toMatchObject({ in: 'n2' });
      expect((await readCard(p))?.name).toBe('Meng Hongwei');
      expect(await pinPressed(p)).toBe('true');

      // A tap in the margin, away from any name and from the card.
      await tap({ x: 5, y: 5 });
      await waitForNoCard(p);
    });

    it('a tap on a name in a link opens the card and stays on the page; a second tap follows the link', async () => {
      const p = await fresh();
      const url = p.url();
      const before = await clicks(p);
      const point = await textPoint(p, 'Hua Chunying');
      await tap(point);
      await waitForCard(p, { name: 'Hua Chunying' });
      // The tap's click reached the link, cancelled: the page did not navigate.
      expect(await clickAfter(p, before)).toEqual({ in: 'link', prevented: true });
      expect(await p.evaluate(() => location.href)).toBe(url);

      await tap(await textPoint(p, 'Hua Chunying', { scroll: false }));
      expect(await clickAfter(p, before + 1)).toEqual({ in: 'link', prevented: false });
      await pollPage(p, () => location.hash === '#profile' || null, null, { message: 'the second tap to follow the link' });
    });

    it('a touch that moves like a scroll opens no card', async () => {
      const p = await fresh();
      const start = await textPoint(p, 'Zabihullah Mujahid');
      const scrollY = await p.evaluate(() => window.scrollY);
      const ended = await p.evaluate(() => (window as unknown as { __touchesEnded: number }).__touchesEnded);
      type Tracked = { __touchesEnded: number; __scrollEnds: number[] };
      const clicked = await clicks(p);
      await touch('touchStart', start);
      for (const dy of [20, 40, 60]) await touch('touchMove', { x: start.x, y: start.y - dy });
      await touch('touchEnd');
      // The touch is over (taken by the browser for scrolling, or lifted), and the page scrolled
      // and came to rest there (a tap while it still moves would only stop the scroll).
      await pollPage(
        p,
        ({ y, n }: { y: number; n: number }) => {
          const w = window as unknown as Tracked;
          return (w.__touchesEnded > n && window.scrollY !== y && w.__scrollEnds.at(-1) === window.scrollY) || null;
        },
        { y: scrollY, n: ended },
        { message: 'the touch to scroll the page, end, and the scroll to come to rest' },
      );
      expect(await readCard(p)).toBeNull();
      expect(await clicks(p)).toBe(clicked);

      // The same name, tapped where it now is, does open.
      await tap(await textPoint(p, 'Zabihullah Mujahid'));
      await waitForCard(p, { name: 'Zabihullah Mujahid' });
    });
  });
});
