// @vitest-environment node
// A long page in Chromium (one browser for the file): see far-marks-suite.ts. And the keyboard's
// next-mention command, which scrolls to a name far away: its mark is there in the first frame that
// shows it.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandSender, type CommandSender } from './command-sender';
import { farMarksSuite, FAR_MARKS_ROUTES, markedInsideInPage } from './far-marks-suite';
import { HOOK_TIMEOUT, markedRangesInPage, pollPage, waitForScan, withChromium } from './helpers';
import type { VisiblePage } from './visible-suite';

describe('marks on a long page (Chromium)', () => {
  const { session, fixture } = withChromium({ routes: FAR_MARKS_ROUTES });
  farMarksSuite({
    page: () => session().page as unknown as VisiblePage,
    base: () => fixture().url,
    clipInDocument: false,
  });

  describe('the next-mention command', () => {
    let page: Page;
    let commands: CommandSender;
    beforeAll(async () => {
      page = await session().context.newPage();
      commands = await commandSender(session(), page);
    }, HOOK_TIMEOUT);
    afterAll(async () => {
      await commands.close();
      await page.close();
    });

    it('paints the name it scrolls to, far below the fold, in every frame that shows it', async () => {
      await page.goto(`${fixture().url}far.html`);
      await waitForScan(page);
      await pollPage(page, markedInsideInPage, '#top', { message: 'the name in view to be marked' });
      expect((await page.evaluate(markedRangesInPage, ['#far'])).inside['#far']).toEqual([]);
      // Before each frame is drawn, whether the far name is in view and whether it is marked then.
      await page.evaluate(() => {
        const w = window as unknown as { frames: { inView: number; unmarked: number } };
        w.frames = { inView: 0, unmarked: 0 };
        const far = document.getElementById('far')!;
        const look = (): void => {
          const r = far.getBoundingClientRect();
          if (r.top < innerHeight && r.bottom > 0) {
            w.frames.inView++;
            const registry = (globalThis as unknown as { CSS: { highlights: Map<string, Iterable<AbstractRange>> } }).CSS.highlights;
            let marked = false;
            for (const [, highlight] of registry) for (const range of highlight) if (far.contains(range.startContainer)) marked = true;
            if (!marked) w.frames.unmarked++;
          }
          requestAnimationFrame(look);
        };
        requestAnimationFrame(look);
      });
      await commands.send('next-mention');
      await commands.send('next-mention');
      const frames = await pollPage(
        page,
        () => {
          const f = (window as unknown as { frames: { inView: number; unmarked: number } }).frames;
          return f.inView >= 3 ? f : null;
        },
        null,
        { message: 'frames drawn with the far name in view' },
      );
      expect(frames.unmarked).toBe(0);
      expect((await page.evaluate(markedRangesInPage, ['#far'])).inside['#far']).toEqual(['Meng Hongwei']);
    });
  });
});
