// The card for every reader, shared by both browsers (issue 21): axe-core over the card hovered,
// pinned and after a connection, in the light and the dark theme (scoped to our host, best
// practices included, zero violations); its language marks; every control in its Tab order at least
// 24 × 24 CSS px; the polite announcement of a card opened by hover; and at 320 × 256 CSS px (a
// 1280 × 1024 window at 400 %) its header on screen while everything else scrolls into reach.
import { expect, it } from 'vitest';
import { runAxe } from './axe';
import { cardButtonPoint } from './reader-suite';
import { hoverText, moveMouseAway, pollPage, waitForCard, waitForNoCard, waitForScan } from './helpers';

export interface ReadersPage {
  goto(url: string): Promise<unknown>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  evaluate(expression: string): Promise<unknown>;
  mouse: { move(x: number, y: number): Promise<void>; click(x: number, y: number): Promise<void> };
  keyboard: { press(key: string): Promise<void> };
}

export interface ReadersHarness {
  page(): ReadersPage;
  /** test/e2e/pages/reader.html on the fixture server. */
  url(): string;
  /** Puts the card in the dark theme or back in the light one (called once the page has loaded). */
  setDark(dark: boolean): Promise<void>;
  setViewport(size: { width: number; height: number }): Promise<void>;
  /** What the suite leaves the viewport at. */
  viewport: { width: number; height: number };
}

/** Runs in the page: the open card's language marks, and the size and Tab order of each control. */
function cardFacts() {
  const dialog = document.querySelector('context-cards-host')?.shadowRoot?.querySelector<HTMLElement>('[role="dialog"]');
  if (!dialog) return null;
  const controls = [...dialog.querySelectorAll<HTMLElement>('button, a[href], summary')].map((el) => {
    // Open every section so that each control has a box to measure.
    el.closest('details')?.setAttribute('open', '');
    const r = el.getBoundingClientRect();
    return {
      what: `${el.localName}.${el.className || ''} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`,
      tabbable: el.tabIndex >= 0,
      width: r.width,
      height: r.height,
      label: el.getAttribute('aria-label'),
      cite: el.classList.contains('cite'),
    };
  });
  const langOf = (selector: string) => dialog.querySelector(selector)?.closest('[lang]')?.getAttribute('lang') ?? null;
  return {
    lang: dialog.getAttribute('lang'),
    dir: dialog.getAttribute('dir'),
    nameLang: langOf('h2'),
    summaryLang: langOf('.summary'),
    headings: [...dialog.querySelectorAll('summary h3')].length,
    sections: [...dialog.querySelectorAll('details')].length,
    controls,
  };
}

/** Runs in the page: the live region's text (our host's, never the page's), or null while empty. */
export function liveText(): string | null {
  const region = document.querySelector('context-cards-host')?.shadowRoot?.querySelector('[aria-live="polite"]');
  return region?.textContent || null;
}

/** Runs in the page: true once the live region says `want`. */
export function liveSays(want: string): true | null {
  const region = document.querySelector('context-cards-host')?.shadowRoot?.querySelector('[aria-live="polite"]');
  return region?.textContent === want || null;
}

/** Runs in the page: where the card's header and its controls are, and whether the rest scrolls into reach. */
async function headerAndReach(scrollTo: 'top' | 'bottom') {
  const dialog = document.querySelector('context-cards-host')?.shadowRoot?.querySelector<HTMLElement>('[role="dialog"]');
  if (!dialog) return null;
  await Promise.all(dialog.getAnimations({ subtree: true }).map((a) => a.finished));
  dialog.scrollTop = scrollTo === 'top' ? 0 : dialog.scrollHeight;
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const box = (el: Element | null) => {
    const r = el!.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, left: r.left, right: r.right };
  };
  const card = dialog.getBoundingClientRect();
  return {
    viewport: { width: innerWidth, height: innerHeight },
    card: { top: card.top, bottom: card.bottom, left: card.left, right: card.right },
    name: box(dialog.querySelector('h2')),
    close: box(dialog.querySelector('.close')),
    pin: box(dialog.querySelector('.pin')),
    foot: box(dialog.querySelector('.foot')),
    scrolls: dialog.scrollHeight > dialog.clientHeight && ['auto', 'scroll'].includes(getComputedStyle(dialog).overflowY),
  };
}

export function readersSuite(harness: ReadersHarness): void {
  const page = () => harness.page();

  const fresh = async () => {
    await page().goto(harness.url());
    await waitForScan(page() as never);
    await moveMouseAway(page() as never);
  };

  const clickControl = async (label: string) => {
    const point = await page().evaluate(cardButtonPoint, label);
    expect(point, `card control "${label}"`).not.toBeNull();
    await page().mouse.move(point!.x, point!.y);
    await page().mouse.click(point!.x, point!.y);
  };

  /** axe over our host only; its report is printed so the note can say what was checked. */
  const axeCard = async (state: string) => {
    const report = await runAxe(page(), 'context-cards-host');
    console.log(`axe ${report.version} on the card (${state}): ${report.rulesApplied} rules applied, ${report.violations.length} violations`);
    expect(report.rulesApplied).toBeGreaterThan(10);
    expect(report.violations, state).toEqual([]);
  };

  for (const theme of ['light', 'dark'] as const) {
    it(`axe finds nothing in the card hovered, pinned and after a connection (${theme})`, { timeout: 60_000 }, async () => {
      try {
        await fresh();
        await harness.setDark(theme === 'dark');
        const point = await hoverText(page() as never, 'Meng Hongwei');
        await waitForCard(page() as never, { name: 'Meng Hongwei' });
        await axeCard(`hovered, ${theme}`);
        await page().mouse.click(point.x, point.y);
        await pollPage(
          page() as never,
          () => document.querySelector('context-cards-host')?.shadowRoot?.querySelector('.pin')?.getAttribute('aria-pressed') === 'true' || null,
          null,
          {
            message: 'the card to be pinned',
          },
        );
        await axeCard(`pinned, ${theme}`);
        await clickControl('Interpol');
        await waitForCard(page() as never, { name: 'Interpol' });
        await axeCard(`after a connection, ${theme}`);
        await page().keyboard.press('Escape');
        await waitForNoCard(page() as never);
      } finally {
        await harness.setDark(false);
      }
    });
  }

  it('marks its languages, has a heading per section, and keeps every control in its Tab order at least 24 × 24', async () => {
    await fresh();
    const point = await hoverText(page() as never, 'Meng Hongwei');
    await page().mouse.click(point.x, point.y);
    await waitForCard(page() as never, { name: 'Meng Hongwei' });
    const facts = (await page().evaluate(cardFacts, null))!;
    expect({ lang: facts.lang, dir: facts.dir, nameLang: facts.nameLang, summaryLang: facts.summaryLang }).toEqual({
      lang: 'en',
      dir: 'ltr',
      nameLang: 'en',
      summaryLang: 'en',
    });
    expect(facts.headings).toBe(facts.sections);
    const small = facts.controls.filter((c) => c.tabbable && (c.width < 24 || c.height < 24));
    expect(small, 'controls in the Tab order smaller than 24 × 24').toEqual([]);
    const cites = facts.controls.filter((c) => c.cite);
    expect(cites.length).toBeGreaterThan(0);
    for (const cite of cites) {
      expect(cite.tabbable, cite.what).toBe(false);
      expect(cite.label, cite.what).toMatch(/^Source \d+: .+, opens in a new tab$/);
    }
    await page().keyboard.press('Escape');
    await waitForNoCard(page() as never);
  });

  it('announces a card opened by hover in our own live region', async () => {
    await fresh();
    await hoverText(page() as never, 'Meng Hongwei');
    await waitForCard(page() as never, { name: 'Meng Hongwei' });
    expect(await pollPage(page() as never, liveText, null, { message: 'the announcement' })).toBe('Meng Hongwei, Person: card open.');
    // Nothing of ours on the page itself: the region lives in our shadow root.
    expect(await page().evaluate(() => document.querySelectorAll('[aria-live]').length, null)).toBe(0);
    await moveMouseAway(page() as never);
    await waitForNoCard(page() as never);
  });

  it('at 320 × 256 (400 % zoom) keeps the card header on screen, and the rest scrolls into reach', { timeout: 30_000 }, async () => {
    await harness.setViewport({ width: 320, height: 256 });
    try {
      await fresh();
      for (const name of ['Meng Hongwei', 'Osama bin Laden']) {
        const point = await hoverText(page() as never, name);
        await page().mouse.click(point.x, point.y);
        await waitForCard(page() as never, { name });
        for (const end of ['top', 'bottom'] as const) {
          const at = (await page().evaluate(headerAndReach, end))!;
          const where = `${name}, card scrolled to its ${end}: ${JSON.stringify(at)}`;
          for (const part of [at.name, at.close, at.pin]) {
            expect(part.top, where).toBeGreaterThanOrEqual(0);
            expect(part.bottom, where).toBeLessThanOrEqual(at.viewport.height);
            expect(part.left, where).toBeGreaterThanOrEqual(0);
            expect(part.right, where).toBeLessThanOrEqual(at.viewport.width);
          }
          expect(at.card.top, where).toBeGreaterThanOrEqual(0);
          expect(at.card.bottom, where).toBeLessThanOrEqual(at.viewport.height);
          expect(at.scrolls, where).toBe(true);
          // Scrolled to its end, the card shows its last line, below the sticky header.
          if (end === 'bottom') {
            expect(at.foot.bottom, where).toBeLessThanOrEqual(at.card.bottom);
            expect(at.foot.top, where).toBeGreaterThan(at.name.bottom);
          }
        }
        await page().keyboard.press('Escape');
        await waitForNoCard(page() as never);
      }
    } finally {
      await harness.setViewport(harness.viewport);
    }
  });
}
