// "As felt": the frames a reader sees, from outside, with the built extension and without it.
// Each page is loaded in a fresh tab of a browser with the extension and of one without, the two
// alternating A B B A over the runs; the page's own recorder (bench/in-page.mjs) collects long
// animation frames, long tasks and requestAnimationFrame gaps from the document's start until the
// page has settled (its highlight registry unchanged for `quietMs`) and `tailMs` more. An SPA page
// is then swapped in place and recorded again from the swap. What the extension adds is each run's
// figure with it minus the paired run's without it.
import { framesSince, highlightCount, swapInPage } from './in-page.mjs';
import { spread } from './stats.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Waits until the page's highlight registry has not changed for `quietMs` (and holds marks, if `marks`). */
export async function settle(page, { quietMs, timeoutMs, marks }) {
  const start = Date.now();
  let last = -1;
  let since = Date.now();
  for (;;) {
    const n = await page.evaluate(highlightCount);
    if (n !== last) {
      last = n;
      since = Date.now();
    } else if (Date.now() - since >= quietMs && (!marks || n > 0)) return { marks: n, timedOut: false };
    if (Date.now() - start > timeoutMs) return { marks: n, timedOut: true };
    await sleep(100);
  }
}

/** One load of `spec` ({ url, names, swap }) in a fresh tab of `session`: what its frames recorded. */
async function loadOnce(session, spec, timing) {
  const page = await session.newPage();
  try {
    await page.goto(spec.url, { waitUntil: 'load', timeout: 120_000 });
    const marks = session.withExtension && spec.names;
    const loaded = await settle(page, { ...timing, marks });
    if (!spec.swap) {
      await sleep(timing.tailMs);
      const whole = await page.evaluate(framesSince, 0);
      const afterLoad = await page.evaluate(framesSince, whole.loadEnd);
      return { ...whole, afterLoad, marks: loaded.marks, settleTimedOut: loaded.timedOut };
    }
    const swapAt = await page.evaluate(swapInPage);
    const swapped = await settle(page, { ...timing, marks });
    await sleep(timing.tailMs);
    return {
      ...(await page.evaluate(framesSince, swapAt)),
      marksBefore: loaded.marks,
      marks: swapped.marks,
      settleTimedOut: loaded.timedOut || swapped.timedOut,
    };
  } finally {
    await page.close().catch(() => {});
  }
}

const FIGURES = ['blockingFrames', 'totalBlockingMs', 'longestFrameMs', 'longTasks', 'longestTaskMs', 'gapsOver50', 'gapMsOver50', 'longestGapMs'];

/** Median and spread of each figure over the runs of one variant. */
function summarize(runs) {
  const out = {};
  for (const k of FIGURES) out[k] = spread(runs.map((r) => r[k]));
  out.marks = spread(runs.map((r) => r.marks));
  return out;
}

/**
 * The felt case of one browser: `sessions` { with, without }, `specs` { key: { label, url, names,
 * swap } }, `runs` pairs per page. Returns per page: each variant's runs and summary, and what the
 * extension adds (per run pair).
 */
export async function feltCase({ sessions, specs, runs, timing, log }) {
  const out = {};
  for (const [key, spec] of Object.entries(specs)) {
    log(`  ${sessions.with.kind} ${spec.label}`);
    const got = { with: [], without: [] };
    for (let run = 0; run < runs; run++) {
      const order = run % 2 === 0 ? ['with', 'without'] : ['without', 'with'];
      for (const variant of order) got[variant].push(await loadOnce(sessions[variant], spec, timing));
    }
    const added = (k) => spread(got.with.map((r, i) => r[k] - got.without[i][k]));
    out[key] = {
      label: spec.label,
      with: summarize(got.with),
      without: summarize(got.without),
      added: {
        blockingFrames: added('blockingFrames'),
        totalBlockingMs: added('totalBlockingMs'),
        longTasks: added('longTasks'),
        gapsOver50: added('gapsOver50'),
        gapMsOver50: added('gapMsOver50'),
      },
      // After the load event (pages without a swap): where a long task of the extension's stood alone.
      afterLoad: spec.swap
        ? null
        : {
            withBlockingFrames: spread(got.with.map((r) => r.afterLoad.blockingFrames)),
            withoutBlockingFrames: spread(got.without.map((r) => r.afterLoad.blockingFrames)),
            addedTotalBlockingMs: spread(got.with.map((r, i) => r.afterLoad.totalBlockingMs - got.without[i].afterLoad.totalBlockingMs)),
          },
      // The longest frame of the run with the extension that had the most blocking: what it was made of.
      worstFrameWith: got.with.reduce((m, r) => (m && m.totalBlockingMs >= r.totalBlockingMs ? m : r), null)?.longestFrame ?? null,
      settleTimedOut: [...got.with, ...got.without].some((r) => r.settleTimedOut),
      runs: got,
    };
  }
  return out;
}
