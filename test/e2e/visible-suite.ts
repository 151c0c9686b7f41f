// What the reader sees, in pixels, shared by both browsers: each highlight style that promises to
// draw changes the pixels of every marked name (Latin and Chinese, in running text and in links, on
// a light and a dark background), "None" changes none, and an open card is fully opaque and inside
// the viewport once its opening animation has run. The two states compared are screenshots of the
// same page in the same run, so no reference image depends on this machine's fonts.
import { PNG } from 'pngjs';
import { expect, it } from 'vitest';
import { hoverText, moveMouseAway, pollPage, waitForCard, waitForScan } from './helpers';

export type MarkStyle = 'underline' | 'background' | 'none';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface VisiblePage {
  goto(url: string): Promise<unknown>;
  evaluate<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  screenshot(options: { clip: Box }): Promise<Uint8Array>;
  mouse: { move(x: number, y: number): Promise<void> };
}

export interface VisibleHarness {
  page(): VisiblePage;
  url(): string;
  /** Switches the highlight style as the extension does, and resolves once the page shows it. */
  setStyle(style: MarkStyle): Promise<void>;
}

/** The names of test/e2e/pages/marks.html, each with the element that holds it. */
const NAMES = [
  { within: '#latin', text: 'Wang Yi', what: 'a Latin name in running text' },
  { within: '#link', text: 'Meng Hongwei', what: 'a Latin name in a link' },
  { within: '#chinese', text: '华春莹', what: 'a Chinese name in running text' },
  { within: '#chinese-link', text: '王毅', what: 'a Chinese name in a link' },
  { within: '#dark', text: 'Hua Chunying', what: 'a name in a link on a dark background' },
  { within: '#dark', text: 'Wang Yi', what: 'a name on a dark background' },
] as const;

/** The bar for "visible": at least 2 % of the name box's pixels move by 32 or more in a channel. */
const VISIBLE_SHARE = 0.02;
const VISIBLE_STEP = 32;

/** Our highlight names, as src/page/marks.ts registers them. */
export const HIGHLIGHT_NAMES = { underline: 'context-cards-mention', background: 'context-cards-mention-background' } as const;

/**
 * Runs in the page: the box of each name's mark (the marked range whose text is the name, inside
 * the element), widened below by a few pixels for an underline set under the baseline.
 */
export function markBoxesInPage(names: ReadonlyArray<{ within: string; text: string }>): Array<Box | null> {
  const registry = (globalThis as { CSS?: { highlights?: Map<string, Iterable<AbstractRange>> } }).CSS?.highlights;
  const ranges: Range[] = [];
  if (registry) for (const [, highlight] of registry) for (const r of highlight) if (r instanceof Range) ranges.push(r);
  return names.map(({ within, text }) => {
    const element = document.querySelector(within);
    const range = ranges.find((r) => element?.contains(r.startContainer) && r.toString() === text);
    if (!range) return null;
    const rect = range.getBoundingClientRect();
    const x = Math.floor(rect.left);
    const y = Math.floor(rect.top);
    return { x, y, width: Math.ceil(rect.right) - x, height: Math.ceil(rect.bottom) - y + 6 };
  });
}

/** Runs in the page: takes our highlights out of the registry (marks off) or puts them back. */
export function toggleMarksInPage(arg: { off: boolean; names: string[] }): boolean {
  const w = window as unknown as { __savedMarks?: Array<[string, unknown]> };
  const registry = (globalThis as unknown as { CSS: { highlights: Map<string, unknown> } }).CSS.highlights;
  if (arg.off) {
    w.__savedMarks = arg.names.filter((n) => registry.has(n)).map((n) => [n, registry.get(n)]);
    for (const n of arg.names) registry.delete(n);
  } else {
    for (const [n, h] of w.__savedMarks ?? []) registry.set(n, h);
  }
  return true;
}

export async function shoot(page: VisiblePage, box: Box): Promise<PNG> {
  return PNG.sync.read(Buffer.from(await page.screenshot({ clip: box })));
}

/** The share of pixels that differ by at least VISIBLE_STEP in some channel. */
export function changedShare(a: PNG, b: PNG): number {
  expect([a.width, a.height]).toEqual([b.width, b.height]);
  let changed = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const step = Math.max(Math.abs(a.data[i]! - b.data[i]!), Math.abs(a.data[i + 1]! - b.data[i + 1]!), Math.abs(a.data[i + 2]! - b.data[i + 2]!));
    if (step >= VISIBLE_STEP) changed++;
  }
  return changed / (a.width * a.height);
}

/** The most frequent colour of an image, as [r, g, b]. */
function commonestColour(png: PNG): [number, number, number] {
  const counts = new Map<number, number>();
  for (let i = 0; i < png.data.length; i += 4) {
    const key = (png.data[i]! << 16) | (png.data[i + 1]! << 8) | png.data[i + 2]!;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const [key] = [...counts].reduce((best, entry) => (entry[1] > best[1] ? entry : best));
  return [(key >> 16) & 255, (key >> 8) & 255, key & 255];
}

export function visibleSuite(harness: VisibleHarness): void {
  const page = () => harness.page();

  const boxes = async (): Promise<Box[]> => {
    const found = await page().evaluate(
      markBoxesInPage,
      NAMES.map(({ within, text }) => ({ within, text })),
    );
    NAMES.forEach((name, i) => expect(found[i], `the mark of ${name.what} ("${name.text}")`).not.toBeNull());
    return found as Box[];
  };

  const shootAll = async (all: Box[]): Promise<PNG[]> => {
    const shots: PNG[] = [];
    for (const box of all) shots.push(await shoot(page(), box));
    return shots;
  };

  /** Screenshots of every name with our marks taken out of the page, then put back. */
  const unmarked = async (all: Box[]): Promise<PNG[]> => {
    await page().evaluate(toggleMarksInPage, { off: true, names: Object.values(HIGHLIGHT_NAMES) });
    try {
      return await shootAll(all);
    } finally {
      await page().evaluate(toggleMarksInPage, { off: false, names: Object.values(HIGHLIGHT_NAMES) });
    }
  };

  it('every highlight style that draws changes the pixels of every marked name; "None" changes none', { timeout: 60_000 }, async () => {
    await page().goto(harness.url());
    await waitForScan(page() as never);
    await moveMouseAway(page() as never);
    const all = await boxes();
    const off = await unmarked(all);
    const report: Record<string, Record<string, string>> = {};
    const invisible: string[] = [];
    for (const style of ['underline', 'background', 'none'] as const) {
      await harness.setStyle(style);
      const shots = await shootAll(all);
      report[style] = {};
      NAMES.forEach((name, i) => {
        const share = changedShare(off[i]!, shots[i]!);
        report[style]![name.what] = `${(share * 100).toFixed(1)} %`;
        const visible = share >= VISIBLE_SHARE;
        if (visible !== (style !== 'none')) invisible.push(`${style}: ${name.what} ("${name.text}") has ${(share * 100).toFixed(1)} % of its pixels changed`);
      });
    }
    await harness.setStyle('underline');
    console.log(`pixels changed by each style, against the same names unmarked: ${JSON.stringify(report)}`);
    expect(invisible).toEqual([]);
  });

  it('an open card is fully opaque and inside the viewport once its opening animation has run', { timeout: 30_000 }, async () => {
    await page().goto(harness.url());
    await waitForScan(page() as never);
    await moveMouseAway(page() as never);
    await hoverText(page() as never, 'Meng Hongwei', { within: '#link' });
    await waitForCard(page() as never, { name: 'Meng Hongwei' });
    const card = (await pollPage(
      page() as never,
      async () => {
        const dialog = document.querySelector('context-cards-host')?.shadowRoot?.querySelector<HTMLElement>('[role="dialog"]');
        if (!dialog) return null;
        await Promise.all(dialog.getAnimations({ subtree: true }).map((a) => a.finished));
        let opacity = 1;
        for (let el: Element | null = dialog; el; el = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host || null)) {
          opacity *= Number(getComputedStyle(el).opacity);
        }
        const r = dialog.getBoundingClientRect();
        const bg = getComputedStyle(dialog).getPropertyValue('--bg').trim();
        const probe = document.createElement('span');
        probe.style.color = bg;
        dialog.append(probe);
        const rgb = getComputedStyle(probe).color;
        probe.remove();
        return {
          opacity,
          rect: { x: r.left, y: r.top, right: r.right, bottom: r.bottom },
          viewport: { width: innerWidth, height: innerHeight },
          background: rgb.match(/\d+/g)!.slice(0, 3).map(Number),
        };
      },
      null,
      { message: 'the card to finish opening' },
    ))!;
    expect(card.opacity).toBe(1);
    expect(card.rect.x).toBeGreaterThanOrEqual(0);
    expect(card.rect.y).toBeGreaterThanOrEqual(0);
    expect(card.rect.right).toBeLessThanOrEqual(card.viewport.width);
    expect(card.rect.bottom).toBeLessThanOrEqual(card.viewport.height);
    // In pixels: the card's commonest colour is its own background, not a blend with the tinted page.
    const inset = 12;
    const shot = await shoot(page(), {
      x: Math.ceil(card.rect.x) + inset,
      y: Math.ceil(card.rect.y) + inset,
      width: Math.floor(card.rect.right - card.rect.x) - 2 * inset,
      height: Math.floor(card.rect.bottom - card.rect.y) - 2 * inset,
    });
    const colour = commonestColour(shot);
    for (let c = 0; c < 3; c++)
      expect(Math.abs(colour[c]! - card.background[c]!), `channel ${c} of ${colour} against ${card.background}`).toBeLessThanOrEqual(2);
    await moveMouseAway(page() as never);
  });
}

/**
 * Runs in the page: switches the style by moving our highlight to the style's name, as Marks.setStyle
 * does. In-page functions are serialized, so each names the highlights itself.
 */
export function setStyleInPage(style: MarkStyle): boolean {
  const registry = (globalThis as unknown as { CSS: { highlights: Map<string, unknown> } }).CSS.highlights;
  const names = { underline: 'context-cards-mention', background: 'context-cards-mention-background' } as const;
  const highlight = registry.get(names.underline) ?? registry.get(names.background) ?? (window as unknown as { __hiddenMark?: unknown }).__hiddenMark;
  if (!highlight) return false;
  (window as unknown as { __hiddenMark?: unknown }).__hiddenMark = highlight;
  registry.delete(names.underline);
  registry.delete(names.background);
  if (style !== 'none') registry.set(names[style], highlight);
  return true;
}

/** Runs in the page: whether the registry holds our highlight under exactly the style's name. */
export function showsStyleInPage(style: MarkStyle): boolean {
  const registry = (globalThis as unknown as { CSS: { highlights: Map<string, unknown> } }).CSS.highlights;
  const underline = registry.has('context-cards-mention');
  const background = registry.has('context-cards-mention-background');
  return style === 'underline' ? underline && !background : style === 'background' ? background && !underline : !underline && !background;
}
