// Where the card lands, shared by both browsers: never over the hovered name, inside the viewport
// at its edges and in a narrow window, anchored to the hovered line of a wrapped name, following
// the name when the page scrolls.
import { expect, it } from 'vitest';
import { hoverText, moveMouseAway, waitForCard, waitForNoCard, waitForScan } from './helpers';

export interface PlacementPage {
  goto(url: string): Promise<unknown>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  mouse: { move(x: number, y: number): Promise<void>; click(x: number, y: number): Promise<void> };
  keyboard: { press(key: string): Promise<void> };
}

export interface PlacementHarness {
  page(): PlacementPage;
  url(): string;
  /** Sets the viewport size in CSS pixels. */
  resize(width: number, height: number): Promise<void>;
}

interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface Layout {
  card: Rect;
  /** The client rects of the name's text (one per line). */
  lines: Rect[];
  viewport: { width: number; height: number };
}

/** Runs in the page: the card's rect (once it has stopped moving) and the name's line rects. */
function layoutInPage({ name, within }: { name: string; within: string }): Layout | null {
  const dialog = document.querySelector('context-cards-host')?.shadowRoot?.querySelector('[role="dialog"]');
  if (!dialog) return null;
  const walker = document.createTreeWalker(document.querySelector(within)!, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.textContent!.indexOf(name);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + name.length);
    const plain = (r: DOMRect): Rect => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    return {
      card: plain(dialog.getBoundingClientRect()),
      lines: [...range.getClientRects()].map(plain),
      viewport: { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight },
    };
  }
  return null;
}

const overlaps = (a: Rect, b: Rect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The card's and the name's layout once placement has settled: two reads 100 ms apart that agree. */
export async function settledLayout(page: PlacementPage, name: string, within = 'body'): Promise<Layout> {
  let previous = '';
  for (let i = 0; i < 60; i++) {
    const layout = await page.evaluate(layoutInPage, { name, within });
    const key = JSON.stringify(layout);
    if (layout && key === previous) return layout;
    previous = key;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`the card for ${name} never settled: ${previous}`);
}

/** The card covers none of the name's lines and lies inside the viewport. */
export function expectClear(layout: Layout): void {
  for (const line of layout.lines)
    expect(overlaps(layout.card, line), `card ${JSON.stringify(layout.card)} covers the name ${JSON.stringify(line)}`).toBe(false);
  expect(layout.card.left).toBeGreaterThanOrEqual(0);
  expect(layout.card.top).toBeGreaterThanOrEqual(0);
  expect(layout.card.right).toBeLessThanOrEqual(layout.viewport.width);
  expect(layout.card.bottom).toBeLessThanOrEqual(layout.viewport.height);
}

export function placementSuite(harness: PlacementHarness): void {
  const fresh = async (width = 1280, height = 800) => {
    await harness.resize(width, height);
    const page = harness.page();
    await page.goto(harness.url());
    await waitForScan(page as never);
    await moveMouseAway(page as never);
    return page;
  };

  const openOn = async (page: PlacementPage, text: string, name: string, options: { within?: string } = {}) => {
    await hoverText(page as never, text, options);
    await waitForCard(page as never, { name });
  };

  it('opens below a name near the top, inside the viewport, without covering it', async () => {
    const page = await fresh();
    await openOn(page, 'Wang Yi', 'Wang Yi');
    const layout = await settledLayout(page, 'Wang Yi');
    expectClear(layout);
    expect(layout.card.top).toBeGreaterThanOrEqual(layout.lines[0]!.bottom);
  });

  it('flips above a name at the bottom of the viewport', async () => {
    const page = await fresh();
    await page.evaluate(() => {
      const bottom = document.getElementById('bottom')!;
      window.scrollTo(0, bottom.getBoundingClientRect().top + window.scrollY - window.innerHeight + 60);
    }, null);
    await openOn(page, 'Zabihullah Mujahid', 'Zabihullah Mujahid');
    const layout = await settledLayout(page, 'Zabihullah Mujahid');
    expectClear(layout);
    expect(layout.card.bottom).toBeLessThanOrEqual(layout.lines[0]!.top);
  });

  it('shifts left to stay inside the viewport for a name at the right edge', async () => {
    const page = await fresh();
    await openOn(page, 'Hua Chunying', 'Hua Chunying');
    expectClear(await settledLayout(page, 'Hua Chunying'));
  });

  const gapTo = (layout: Layout, line: Rect) => Math.min(Math.abs(layout.card.top - line.bottom), Math.abs(line.top - layout.card.bottom));

  it('a name wrapped over two lines that sit apart: the card anchors to the hovered line', async () => {
    // "Abdul" ends the first line at the right; "Ghani Baradar" starts the second at the left.
    for (const [hovered, line] of [
      ['Abdul', 0],
      ['Baradar', 1],
    ] as const) {
      const page = await fresh();
      await openOn(page, hovered, 'Abdul Ghani Baradar', { within: '#split' });
      const layout = await settledLayout(page, 'Abdul Ghani Baradar', '#split');
      expect(layout.lines.length).toBe(2);
      expectClear(layout);
      expect(gapTo(layout, layout.lines[line]!), `card anchored to line ${line + 1} when "${hovered}" is hovered`).toBeLessThan(16);
    }
  });

  it('a name wrapped over two lines that overlap: the card sits below the whole name, covering none of it', async () => {
    for (const hovered of ['Abdul', 'Baradar']) {
      const page = await fresh();
      await openOn(page, hovered, 'Abdul Ghani Baradar', { within: '#wrap' });
      const layout = await settledLayout(page, 'Abdul Ghani Baradar', '#wrap');
      expect(layout.lines.length).toBe(2);
      expectClear(layout);
      expect(gapTo(layout, layout.lines[1]!)).toBeLessThan(16);
    }
  });

  it('stays inside a narrow window (360 × 640)', async () => {
    const page = await fresh(360, 640);
    await openOn(page, 'Hua Chunying', 'Hua Chunying');
    const layout = await settledLayout(page, 'Hua Chunying');
    expectClear(layout);
    expect(layout.viewport.width).toBeLessThanOrEqual(400);
    // Narrower than its usual 380 px: it takes the window's width less a margin.
    expect(layout.card.right - layout.card.left).toBeLessThan(360);
  });

  it('follows its name when the page scrolls', async () => {
    const page = await fresh();
    const point = await hoverText(page as never, 'Meng Hongwei');
    await page.mouse.click(point.x, point.y); // pinned: it stays while the page scrolls
    await waitForCard(page as never, { name: 'Meng Hongwei' });
    const before = await settledLayout(page, 'Meng Hongwei');
    await page.evaluate(() => window.scrollBy(0, 60), null);
    const after = await settledLayout(page, 'Meng Hongwei');
    expect(after.lines[0]!.top).toBeCloseTo(before.lines[0]!.top - 60, 0);
    expect(after.card.top - after.lines[0]!.top).toBeCloseTo(before.card.top - before.lines[0]!.top, 0);
    await page.keyboard.press('Escape');
    await waitForNoCard(page as never);
  });
}
