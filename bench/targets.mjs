// The bench's targets (issue 20 and those kept from before), judged on one run's results: each by
// the median over the runs of the per-run figure (ratios: the median of each run's paired ratio).
import { r2 } from './stats.mjs';

const TARGETS = {
  scanVsFloor: 2,
  scanVsTextArticle: 2,
  scanVsTextDense: 3,
  addedBlockingFrames: 0,
  hoverEverywhereMs: 16,
  hoverNothingAheadMs: 25,
  framesHeapMB: 1,
  markVsOurs: 10,
  longTaskMs: 50,
  growVsAlone: 2,
  manyNamesScanRatio: 1.5,
  manyNamesBuildMs: 500,
  hoverMedianMs: 16,
  everyFrameGzipKB: 40,
  startupMs: 2,
};

const pass = (ok, value, target) => ({ pass: !!ok, value: r2(value), target });
const atMost = (value, max, unit) =>
  value == null ? { pass: false, value: null, target: `<= ${max}${unit} (not measured)` } : pass(value <= max, value, `<= ${max}${unit}`);

export function targetsOf(results) {
  const { article, wide, dense, grow, manyNames, hover } = results.cases;
  const t = {};
  t.scanVsTextArticle = atMost(article.scanVsText.median, TARGETS.scanVsTextArticle, 'x textContent floor');
  t.scanVsTextDense = atMost(dense.scanVsText.median, TARGETS.scanVsTextDense, 'x textContent floor');
  t.scanVsFloorWide = atMost(wide.scanVsWalk.median, TARGETS.scanVsFloor, 'x TreeWalker floor');
  t.markVsOursArticle = pass(article.markVsOurs >= TARGETS.markVsOurs, article.markVsOurs, `>= ${TARGETS.markVsOurs}x`);
  const worstTask = Math.max(article.longestTaskMs, wide.longestTaskMs, dense.longestTaskMs, grow.longestTaskMs);
  t.longestTaskDuringScans = atMost(worstTask, TARGETS.longTaskMs, ' ms');
  t.growVsAlone = atMost(grow.updateVsAlone, TARGETS.growVsAlone, 'x');
  t.manyNamesScanRatio = atMost(manyNames.scanRatio, TARGETS.manyNamesScanRatio, 'x');
  t.manyNamesBuild = atMost(manyNames.buildMs, TARGETS.manyNamesBuildMs, ' ms');
  t.hoverMedian = atMost(hover.medianMs, TARGETS.hoverMedianMs, ' ms');
  const felt = results.outside?.felt.chromium;
  for (const key of ['article', 'dense', 'spa']) {
    const name = `feltAddedLongFrames${key[0].toUpperCase()}${key.slice(1)}`;
    t[name] = atMost(felt?.[key].added.blockingFrames.median, TARGETS.addedBlockingFrames, ' frames > 50 ms blocking added');
  }
  const hv = results.outside?.hover.chromium;
  t.hoverEverywhere = atMost(hv?.afterDwell.median, TARGETS.hoverEverywhereMs, ' ms');
  t.hoverNothingAhead = atMost(hv?.nothingAhead.median, TARGETS.hoverNothingAheadMs, ' ms');
  t.framesHeap = atMost(results.outside?.frames.addedMB.median, TARGETS.framesHeapMB, ' MB');
  t.everyFrameGzip = atMost(results.everyFrame && results.everyFrame.jsGzipBytes / 1024, TARGETS.everyFrameGzipKB, ' KB');
  t.startup = atMost(results.startup.medianMs, TARGETS.startupMs, ' ms');
  t.startupBuilt = atMost(results.outside?.startup.addedMs.median, TARGETS.startupMs, ' ms added (script run and compile)');
  return t;
}
