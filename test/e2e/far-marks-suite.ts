// What the reader sees on a long page, shared by both browsers: only the names near the view are
// painted (registering thousands of marks at once stalls the page), and a name far below the fold,
// which the extension knows from the start, is painted by the time the reader scrolls to it. The
// pixels of its mark are compared with the same name unmarked, in the same run.
import { expect, it } from 'vitest';
import { markedRangesInPage, pollPage, waitForScan, type MarkedReport } from './helpers';
import { changedShare, HIGHLIGHT_NAMES, markBoxesInPage, shoot, toggleMarksInPage, type VisiblePage } from './visible-suite';

const QUIET = 'Officials met on trade, the border and the weather, and said little that was new to anyone there. ';

/** A name at the top, then about a hundred screens of prose, then a name far below the fold. */
function farPage(): string {
  const quiet = (count: number): string => Array.from({ length: count }, (_, i) => `<p>${i}. ${QUIET.repeat(1 + (i % 3))}</p>`).join('');
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A long page</title></head><body><main>',
    '<p id="top">Abdul Ghani Baradar arrived first.</p>',
    quiet(3_000),
    '<p id="far">Meng Hongwei spoke at the meeting.</p>',
    quiet(200),
    '</main></body></html>',
  ].join('');
}

/**
 * Forty names, each followed by fifty paragraphs of prose (about three screens): blocks close
 * enough as siblings to be watched as one band, whose first and last lie a hundred screens apart.
 */
function bandPage(): string {
  const quiet = Array.from({ length: 50 }, (_, i) => `<p>${QUIET.repeat(1 + (i % 3))}</p>`).join('');
  const names = Array.from({ length: 40 }, (_, i) => `<p id="n${i}">Abdul Ghani Baradar met them, the ${i + 1}th time.</p>${quiet}`).join('');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Many names</title></head><body><main>${names}</main></body></html>`;
}

/** The suite's pages, as routes of the test server: `/far.html` and `/band.html`. */
export const FAR_MARKS_ROUTES = {
  '/far.html': () => ({ type: 'text/html; charset=utf-8', body: farPage() }),
  '/band.html': () => ({ type: 'text/html; charset=utf-8', body: bandPage() }),
};

export interface FarMarksHarness {
  page(): VisiblePage;
  /** The test server's address, serving FAR_MARKS_ROUTES. */
  base(): string;
  /** Whether a screenshot's clip is in the document's coordinates, not the viewport's (Puppeteer with Firefox). */
  clipInDocument: boolean;
}

/** Runs in the page: true when a range of our highlights starts inside the element, else null (to poll on). */
export function markedInsideInPage(selector: string): true | null {
  const element = document.querySelector(selector);
  const registry = (globalThis as { CSS?: { highlights?: Map<string, Iterable<AbstractRange>> } }).CSS?.highlights;
  if (element && registry) for (const [, highlight] of registry) for (const r of highlight) if (element.contains(r.startContainer)) return true;
  return null;
}

const marked = (page: VisiblePage): Promise<MarkedReport> => page.evaluate(markedRangesInPage, ['#top', '#far']);

export function farMarksSuite(harness: FarMarksHarness): void {
  it('paints a name far below the fold only once the reader scrolls near it, and then in pixels', { timeout: 60_000 }, async () => {
    const page = harness.page();
    await page.goto(`${harness.base()}far.html`);
    // The extension knows both names from its first scan...
    expect(await waitForScan(page as never)).toBe(2);
    await pollPage(page as never, markedInsideInPage, '#top', { message: 'the name in view to be marked' });
    // ...but paints only the one near the view.
    expect((await marked(page)).inside).toEqual({ '#top': ['Abdul Ghani Baradar'], '#far': [] });

    await page.evaluate(() => document.getElementById('far')!.scrollIntoView({ block: 'center' }), null);
    await pollPage(page as never, markedInsideInPage, '#far', { message: 'the name scrolled to to be marked' });
    expect((await marked(page)).inside['#far']).toEqual(['Meng Hongwei']);

    const [mark] = await page.evaluate(markBoxesInPage, [{ within: '#far', text: 'Meng Hongwei' }]);
    expect(mark, 'the mark of the name scrolled to').not.toBeNull();
    const box = harness.clipInDocument ? { ...mark!, y: mark!.y + (await page.evaluate(() => window.scrollY, null)) } : mark!;
    const on = await shoot(page, box);
    await page.evaluate(toggleMarksInPage, { off: true, names: Object.values(HIGHLIGHT_NAMES) });
    const off = await shoot(page, box);
    await page.evaluate(toggleMarksInPage, { off: false, names: Object.values(HIGHLIGHT_NAMES) });
    expect(changedShare(off, on), 'the share of pixels the mark changes').toBeGreaterThanOrEqual(0.02);
  });

  it('paints the names where a jump lands, in the middle of a long run of named paragraphs', { timeout: 60_000 }, async () => {
    const page = harness.page();
    await page.goto(`${harness.base()}band.html`);
    expect(await waitForScan(page as never)).toBe(40);
    await pollPage(page as never, markedInsideInPage, '#n0', { message: 'the first name to be marked' });
    // A jump into the second run of 32 (n32 to n39), past both its ends: the observers see neither edge cross the zone.
    await page.evaluate(() => document.getElementById('n36')!.scrollIntoView({ block: 'center' }), null);
    await pollPage(page as never, markedInsideInPage, '#n36', { message: 'the name jumped to to be marked' });
    expect((await page.evaluate(markedRangesInPage, ['#n36'])).inside['#n36']).toEqual(['Abdul Ghani Baradar']);
  });
}
