// @vitest-environment node
// A long page opened past its first screen (at an anchor): the names in view are marked first.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { markedInsideInPage } from './far-marks-suite';
import { HOOK_TIMEOUT, markedRangesInPage, pollPage, waitForScan, withChromium } from './helpers';

const QUIET = 'Officials met on trade, the border and the weather, and said little that was new to anyone there. ';

/** About 4 MB of prose: long enough that its first scan takes many slices. */
function longPage(): string {
  const quiet = (from: number, count: number): string => Array.from({ length: count }, (_, i) => `<p>${from + i}. ${QUIET.repeat(1 + (i % 3))}</p>`).join('');
  return [
    '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A long page</title></head><body><main>',
    '<p id="top">Abdul Ghani Baradar arrived first.</p>',
    quiet(0, 15_000),
    '<p id="view">Meng Hongwei spoke at the meeting.</p>',
    quiet(15_000, 5_000),
    '</main></body></html>',
  ].join('');
}

const { session, fixture } = withChromium({ routes: { '/long.html': () => ({ type: 'text/html; charset=utf-8', body: longPage() }) } });
let page: Page;

/**
 * Runs in the page from its start: looks at the highlight registry until the first marks appear,
 * then keeps which paragraphs those first marks are in. It looks in tasks of the highest priority
 * (a millisecond apart), which run between the scan's slices: a frame-by-frame look could miss the
 * first slice's marks on a loaded machine.
 */
function watchFirstMarks(): void {
  const w = window as unknown as { firstMarks?: string[] };
  const scheduler = (window as unknown as { scheduler: { postTask(task: () => void, options: { priority: string; delay: number }): Promise<void> } }).scheduler;
  const look = (): void => {
    const registry = (globalThis as { CSS?: { highlights?: Map<string, Iterable<AbstractRange>> } }).CSS?.highlights;
    const ids: string[] = [];
    if (registry) for (const [, highlight] of registry) for (const r of highlight) ids.push((r.startContainer.parentElement?.closest('p')?.id ?? '') || '?');
    if (ids.length) w.firstMarks = ids;
    else void scheduler.postTask(look, { priority: 'user-blocking', delay: 1 });
  };
  look();
}

describe('a page opened past its first screen (Chromium)', () => {
  beforeAll(async () => {
    page = session().page;
    await page.addInitScript(watchFirstMarks);
  }, HOOK_TIMEOUT);

  it('marks the names in view before those above them', async () => {
    await page.goto(`${fixture().url}long.html#view`);
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
    const first = await pollPage(page, () => (window as unknown as { firstMarks?: string[] }).firstMarks ?? null, null, {
      timeout: 20_000,
      message: 'the first marks',
    });
    expect(first).toEqual(['view']);
    // Then the rest of the page, the name at its top included: painted once the reader scrolls up to it.
    expect(await waitForScan(page)).toBe(2);
    await page.evaluate(() => window.scrollTo(0, 0));
    await pollPage(page, markedInsideInPage, '#top', { message: 'the name at the top' });
    expect((await page.evaluate(markedRangesInPage, ['#top', '#view'])).inside['#top']).toEqual(['Abdul Ghani Baradar']);
  });
});
