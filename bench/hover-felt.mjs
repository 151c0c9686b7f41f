// "Hover everywhere": cards opened on the 2 MB article in a real browser with the built extension,
// timed from the page (bench/in-page.mjs) until the card is painted. After a dwell: the pointer
// arrives on a marked name and rests; the figure is the time from that first pointermove to the
// painted card, minus the dwell (the setting's default), i.e. from the dwell's end as the reader feels it.
// With nothing built ahead: the card just opened is closed (Escape) and the name clicked where the
// pointer rests, with no move (no dwell, so nothing prepared): from the click event to the painted card.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { armCardProbe, cardClosed, markInView, probeResult, scrollToParagraph } from './in-page.mjs';
import { settle } from './felt.mjs';
import { pct, r2, spread } from './stats.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The dwell a reader gets by default, read from the settings' defaults (src/core/settings-model.ts). */
export function defaultDwellMs(root) {
  const src = readFileSync(path.join(root, 'src', 'core', 'settings-model.ts'), 'utf8');
  const m = /DEFAULT_SETTINGS[^]*?dwellMs:\s*(\d+)/.exec(src);
  if (!m) throw new Error('bench: no dwellMs default found in src/core/settings-model.ts');
  return Number(m[1]);
}

async function waitFor(page, fn, { timeoutMs, what }) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await page.evaluate(fn);
    if (v) return v;
    if (Date.now() > end) throw new Error(`bench hover: timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** A marked name in view: scrolling on, half a screen at a time, until one is marked there. */
async function nextMarkInView(page) {
  for (let step = 0; step < 60; step++) {
    const at = await waitFor(page, markInView, { timeoutMs: 400, what: 'a marked name in view' }).catch(() => null);
    if (at) return at;
    await page.evaluate(() => scrollBy(0, innerHeight / 2));
  }
  throw new Error('bench hover: no marked name found in 30 screens');
}

const painted = (page) => waitFor(page, () => window.__bench.painted != null, { timeoutMs: 5000, what: 'the card to be painted' });
const closed = (page) => waitFor(page, cardClosed, { timeoutMs: 5000, what: 'the card to close' });

/** `opens` cards on names spread over the page at `url`, in `session` (with the extension). */
export async function hoverCase({ session, url, opens, dwellMs, timing, log }) {
  log(`  ${session.kind} hover, ${opens} opens`);
  const page = await session.newPage();
  const dwell = [];
  const cold = [];
  // Where the time goes: until the card is in the page (script, hit test) and from there to paint.
  const shown = [];
  const paint = [];
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
    await settle(page, { ...timing, marks: true });
    await page.evaluate(armCardProbe);
    await page.evaluate(() => (window.__bench.armed = false));
    for (let i = 0; i < opens; i++) {
      await page.evaluate(scrollToParagraph, (i + 0.5) / opens);
      const at = await nextMarkInView(page);
      // Onto the name, then a small slow move so the pointer is at rest (not sweeping) from there.
      await page.evaluate(armCardProbe);
      await page.mouse.move(at.x - 3, at.y);
      await page.mouse.move(at.x, at.y);
      await painted(page);
      const h = await page.evaluate(probeResult);
      dwell.push(h.painted - h.firstMove - dwellMs);
      shown.push(h.shownAt - h.firstMove - dwellMs);
      paint.push(h.painted - h.shownAt);
      await page.keyboard.press('Escape');
      await closed(page);
      await sleep(50);
      await page.evaluate(armCardProbe);
      await page.mouse.down();
      await page.mouse.up();
      await painted(page);
      const c = await page.evaluate(probeResult);
      cold.push(c.painted - c.lastClick);
      paint.push(c.painted - c.shownAt);
      await page.keyboard.press('Escape');
      await closed(page);
      await page.mouse.move(2, 2);
      await sleep(50);
    }
  } finally {
    await page.close().catch(() => {});
  }
  const sum = (xs) => ({ ...spread(xs), p95: r2(pct(xs, 95)) });
  return { opens, dwellMs, afterDwell: sum(dwell), nothingAhead: sum(cold), dwellEndToShown: spread(shown), shownToPainted: spread(paint) };
}
