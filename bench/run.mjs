#!/usr/bin/env node
// Performance bench of the real scanning code in headless Chromium.
//
//   node bench/run.mjs              full run: prints a table, writes bench/results.json (~6 min)
//   node bench/run.mjs --smoke      same code paths on tiny pages (< 20 s); writes --out=FILE if given
//   node bench/run.mjs --profile    also profiles cases 1 and 2 (CDP Profiler), writes bench/profile.json
//   node bench/run.mjs --compare REF [--rounds=N]   this tree against git ref REF, ABBA (bench/compare.mjs)
//   --out=FILE                      where to write the results JSON
//
// Needs dist/chrome/content.js for the size line (`npm run bench` builds first).
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { findBrowser } from '../scripts/browsers.mjs';
import { readFlags } from '../scripts/flags.mjs';
import { buildModuleAt, bundleHarness } from './harness.mjs';
import { document as htmlDocument, growthBatches, largeArticle, benchNames, wideDom } from './pages.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const USAGE = 'usage: node bench/run.mjs [--smoke] [--profile] [--out=FILE] | --compare REF [--rounds=N] [--case=article.scanAll ...] [--smoke]';
const flags = readFlags(
  'bench',
  {
    smoke: { type: 'boolean' },
    profile: { type: 'boolean' },
    out: { type: 'string' },
    compare: { type: 'string' },
    rounds: { type: 'string' },
    case: { type: 'string', multiple: true },
  },
  USAGE,
);
const SMOKE = flags.smoke === true;
const PROFILE = flags.profile === true;
const OUT = flags.out ? path.resolve(flags.out) : SMOKE ? null : path.join(root, 'bench', 'results.json');

const P = SMOKE
  ? {
      runs: 1,
      paragraphs: 300,
      wideNodes: 3000,
      batches: 3,
      batchSize: 10,
      extraNames: 2000,
      hovers: 10,
      largeHovers: 3,
      normalParagraphs: 100,
      markTimeoutMs: [10_000, 10_000],
      growRuns: 1,
      startupRuns: 2,
    }
  : {
      runs: 9,
      paragraphs: 20_000,
      wideNodes: 100_000,
      batches: 10,
      batchSize: 100,
      extraNames: 100_000,
      hovers: 200,
      largeHovers: 20,
      normalParagraphs: 150,
      markTimeoutMs: [60_000, 30_000],
      growRuns: 3,
      startupRuns: 5,
    };

const TARGETS = {
  scanVsFloor: 2,
  markVsOurs: 10,
  longTaskMs: 50,
  growVsAlone: 2,
  manyNamesScanRatio: 1.5,
  manyNamesBuildMs: 500,
  hoverMedianMs: 16,
  contentGzipKB: 60,
  startupMs: 5,
};

const log = (...a) => console.error(...a);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};
const r2 = (x) => (x == null || !Number.isFinite(x) ? x : Math.round(x * 100) / 100);

/** The compiled real dataset: build.mjs's own compile step. */
async function compileRealDataset() {
  return (await buildModuleAt(root)).compileFigures();
}

const bundleEntry = (dataset, { minify, sourcemap }) => bundleHarness(root, { dataset, minify, sourcemap });

function withTimeout(promise, ms) {
  let timer;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise((resolve) => {
      timer = setTimeout(() => resolve({ timedOut: true }), ms);
    }),
  ]);
}

async function main() {
  const started = performance.now();
  const { chromium } = await import('playwright-core');
  log(`bench: ${SMOKE ? 'smoke' : 'full'} run`);
  const dataset = await compileRealDataset();
  const bench = await bundleEntry(dataset, { minify: true, sourcemap: false });
  const names = benchNames(path.join(root, 'assets', 'figures'));
  const markJs = await readFile(path.join(root, 'node_modules', 'mark.js', 'dist', 'mark.min.js'), 'utf8');

  const article = htmlDocument(largeArticle(11, names.full, P.paragraphs));
  const normalArticle = htmlDocument(largeArticle(44, names.full, P.normalParagraphs));
  const wide = wideDom(22, names.full, P.wideNodes);
  const widePage = htmlDocument(wide.html);
  const batches = growthBatches(33, names.full, P.batches, P.batchSize);

  const browser = await chromium.launch({
    executablePath: findBrowser('chromium'),
    args: ['--disable-gpu'],
    handleSIGINT: true,
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  let page = await context.newPage();

  /**
   * A fresh copy of `html` in the page, with the bench harness (and optionally mark.js) loaded, and
   * the heap collected: the copies before it leave garbage (documents of 50,000-100,000 nodes), and
   * collecting it in the middle of a measurement made one run in three take up to five times as long,
   * with a long task that was the collector's, not the code's.
   */
  const load = async (html, { mark = false, code = bench.js, onPage = page } = {}) => {
    await onPage.setContent(html, { waitUntil: 'load', timeout: 120_000 });
    // The code has run once added: remove the <script> elements, so that their text is not page text.
    await (await onPage.addScriptTag({ content: code })).evaluate((el) => el.remove());
    if (mark) await (await onPage.addScriptTag({ content: markJs })).evaluate((el) => el.remove());
    const cdp = await onPage.context().newCDPSession(onPage);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.detach();
  };
  const evaluate = (fn, arg, onPage = page) => onPage.evaluate(fn, arg);

  const results = {
    mode: SMOKE ? 'smoke' : 'full',
    date: new Date().toISOString(),
    params: P,
    dataset: { figures: dataset.figures.length, patterns: dataset.patterns.length },
    cases: {},
    targets: {},
  };

  /** Scan cases: floor, scanAll, live scan, each on a fresh page, `runs` times; mark.js once (capped). */
  const scanCase = async (key, label, html, selector, markCapMs) => {
    log(`case ${label}`);
    const floor = [];
    const full = [];
    const live = [];
    const longest = [];
    const frameBlocking = [];
    let info = {};
    for (let run = 0; run < P.runs; run++) {
      await load(html);
      const f = await evaluate((s) => window.bench.floor(s), selector);
      floor.push(f.ms);
      info = { ...info, textNodes: f.nodes, textChars: f.chars };
      await load(html);
      await evaluate(() => window.bench.makeMatcher(0));
      const s = await evaluate((sel) => window.bench.scanAll(sel), selector);
      full.push(s.ms);
      info.mentions = s.mentions;
      await load(html);
      await evaluate(() => window.bench.makeMatcher(0));
      const l = await evaluate((sel) => window.bench.liveScan(sel), selector);
      live.push(l.ms);
      longest.push(l.longestTask);
      frameBlocking.push(l.frameBlocking);
      info.liveMentions = l.mentions;
    }
    // mark.js in its own tab, so that a run over the cap can be killed with the tab.
    const markPage = await context.newPage();
    let mark = null;
    try {
      await load(html, { mark: true, onPage: markPage });
      const outcome = await withTimeout(
        evaluate(([forms, sel]) => window.bench.markJs(forms, sel), [names.all, selector], markPage),
        markCapMs,
      );
      mark = outcome.timedOut ? { ms: null, timedOut: true, capMs: markCapMs } : { ms: outcome.ms, marked: outcome.marked, timedOut: false };
    } finally {
      await markPage.close({ runBeforeUnload: false }).catch(() => {});
    }
    const c = {
      label,
      ...info,
      htmlBytes: Buffer.byteLength(html),
      floorMs: median(floor),
      scanAllMs: median(full),
      liveScanMs: median(live),
      longestTaskMs: Math.max(...longest),
      frameBlockingMs: Math.max(...frameBlocking),
      markJs: mark,
      runs: { floor, scanAll: full, liveScan: live, longestTask: longest, frameBlocking },
    };
    // The ratios are taken within each run (a floor and our scans, loaded one after the other), then
    // their median: the machine's speed drifts between runs (floors of 97 and 55 ms in one bench run),
    // and a ratio of medians would pair a slow run's floor with a fast run's scan.
    c.scanVsFloor = median(full.map((ms, run) => ms / floor[run]));
    c.liveVsFloor = median(live.map((ms, run) => ms / floor[run]));
    c.scanVsFloorOfMedians = c.scanAllMs / c.floorMs;
    // mark.js over the cap: the ratio is at least cap/ours.
    c.markVsOurs = mark.timedOut ? markCapMs / c.scanAllMs : mark.ms / c.scanAllMs;
    c.markVsOursIsLowerBound = mark.timedOut;
    results.cases[key] = c;
    return c;
  };

  const c1 = await scanCase('article', '1 large article', article, undefined, P.markTimeoutMs[0]);
  const c2 = await scanCase('wide', '2 wide DOM', widePage, undefined, P.markTimeoutMs[1]);

  // 3. Growing page.
  log('case 3 growing page');
  const growRuns = [];
  for (let run = 0; run < P.growRuns; run++) {
    await load(article);
    growRuns.push(await evaluate(([b, sel]) => window.bench.grow(b, sel), [batches, '#a']));
  }
  const perBatch = growRuns.flatMap((g) => g.batches);
  const c3 = {
    label: '3 growing page',
    batches: P.batches,
    batchParagraphs: P.batchSize,
    updateMs: median(perBatch.map((b) => b.updateMs)),
    wallMs: median(perBatch.map((b) => b.wallMs)),
    aloneMs: median(perBatch.map((b) => b.aloneMs)),
    longestTaskMs: Math.max(...perBatch.map((b) => b.longestTask)),
    perBatch: growRuns[0].batches,
    runs: growRuns.map((g) => g.batches),
    // After the last batch, in the first run: the live scan's mentions, and the marks the page paints.
    mentionsAfter: growRuns[0].mentionsAfter,
    paintedMarks: growRuns[0].paintedMarks,
  };
  c3.updateVsAlone = c3.updateMs / c3.aloneMs;
  results.cases.grow = c3;

  // 4. Many names.
  log('case 4 many names');
  const real = [];
  const many = [];
  const build = [];
  let buildInfo = null;
  let realBuild = null;
  for (let run = 0; run < P.runs; run++) {
    await load(article);
    realBuild = await evaluate(() => window.bench.makeMatcher(0));
    real.push((await evaluate(() => window.bench.scanAll())).ms);
    await load(article);
    buildInfo = await evaluate((n) => window.bench.makeMatcher(n), P.extraNames);
    build.push(buildInfo.ms);
    many.push((await evaluate(() => window.bench.scanAll())).ms);
  }
  const c4 = {
    label: '4 many names',
    extraNames: P.extraNames,
    patterns: buildInfo.patterns,
    states: buildInfo.states,
    realBuildMs: realBuild.ms,
    buildMs: median(build),
    realScanMs: median(real),
    manyScanMs: median(many),
    runs: { build, real, many },
  };
  c4.scanRatio = c4.manyScanMs / c4.realScanMs;
  results.cases.manyNames = c4;

  // 5. Hover.
  log('case 5 hover');
  // On a news-sized article (the primary figure), then a few opens on the 2 MB article.
  await load(normalArticle);
  await evaluate(() => window.bench.makeMatcher(0));
  const hv = await evaluate((n) => window.bench.hover(n), P.hovers);
  await load(article);
  await evaluate(() => window.bench.makeMatcher(0));
  const hvLarge = await evaluate((n) => window.bench.hover(n), P.largeHovers);
  const c5 = {
    label: '5 hover',
    opens: P.hovers,
    mentionsOnPage: hv.mentions,
    figuresOnPage: hv.figures,
    medianMs: median(hv.alignedMs),
    p95Ms: pct(hv.alignedMs, 95),
    doubleRafMedianMs: median(hv.doubleRafMs),
    doubleRafP95Ms: pct(hv.doubleRafMs, 95),
    openJsMedianMs: median(hv.openJsMs),
    prepareMedianMs: median(hv.prepareMs),
    coldMedianMs: median(hv.coldMs),
    coldP95Ms: pct(hv.coldMs, 95),
    coldOpenJsMedianMs: median(hv.coldOpenJsMs),
    large: {
      opens: P.largeHovers,
      medianMs: median(hvLarge.alignedMs),
      p95Ms: pct(hvLarge.alignedMs, 95),
      openJsMedianMs: median(hvLarge.openJsMs),
      doubleRafMedianMs: median(hvLarge.doubleRafMs),
      coldMedianMs: median(hvLarge.coldMs),
    },
  };
  results.cases.hover = c5;

  // Content script size and startup.
  log('size and startup');
  const contentPath = path.join(root, 'dist', 'chrome', 'content.js');
  let size = null;
  if (existsSync(contentPath)) {
    const buf = await readFile(contentPath);
    size = { bytes: buf.length, gzipBytes: zlib.gzipSync(buf, { level: 9 }).length };
  }
  const startups = [];
  const matcherMs = [];
  const deferredBuildMs = [];
  for (let run = 0; run < P.startupRuns; run++) {
    await page.close();
    page = await context.newPage();
    await load(htmlDocument(''));
    const s = await evaluate(() => window.bench.startup());
    startups.push(s.ms);
    matcherMs.push(s.matcherMs);
    deferredBuildMs.push(s.deferredBuildMs);
  }
  results.contentScript = size;
  results.startup = { medianMs: median(startups), matcherMedianMs: median(matcherMs), deferredBuildMedianMs: median(deferredBuildMs), runs: startups };

  // Targets.
  const t = results.targets;
  const pass = (ok, value, target) => ({ pass: !!ok, value: r2(value), target });
  t.scanVsFloorArticle = pass(c1.scanVsFloor <= TARGETS.scanVsFloor, c1.scanVsFloor, `<= ${TARGETS.scanVsFloor}x floor`);
  t.scanVsFloorWide = pass(c2.scanVsFloor <= TARGETS.scanVsFloor, c2.scanVsFloor, `<= ${TARGETS.scanVsFloor}x floor`);
  t.markVsOursArticle = pass(c1.markVsOurs >= TARGETS.markVsOurs, c1.markVsOurs, `>= ${TARGETS.markVsOurs}x`);
  const worstTask = Math.max(c1.longestTaskMs, c2.longestTaskMs, c3.longestTaskMs);
  t.longestTaskDuringScans = pass(worstTask <= TARGETS.longTaskMs, worstTask, `<= ${TARGETS.longTaskMs} ms`);
  t.growVsAlone = pass(c3.updateVsAlone <= TARGETS.growVsAlone, c3.updateVsAlone, `<= ${TARGETS.growVsAlone}x`);
  t.manyNamesScanRatio = pass(c4.scanRatio <= TARGETS.manyNamesScanRatio, c4.scanRatio, `<= ${TARGETS.manyNamesScanRatio}x`);
  t.manyNamesBuild = pass(c4.buildMs <= TARGETS.manyNamesBuildMs, c4.buildMs, `<= ${TARGETS.manyNamesBuildMs} ms`);
  t.hoverMedian = pass(c5.medianMs <= TARGETS.hoverMedianMs, c5.medianMs, `<= ${TARGETS.hoverMedianMs} ms`);
  t.contentGzip = size
    ? pass(size.gzipBytes / 1024 <= TARGETS.contentGzipKB, size.gzipBytes / 1024, `<= ${TARGETS.contentGzipKB} KB`)
    : { pass: false, value: null, target: 'dist/chrome/content.js missing' };
  t.startup = pass(results.startup.medianMs <= TARGETS.startupMs, results.startup.medianMs, `<= ${TARGETS.startupMs} ms`);

  if (PROFILE) {
    log('profile cases 1, 2, 3 and startup');
    const profBundle = await bundleEntry(dataset, { minify: false, sourcemap: true });
    results.profile = {
      article: await profileCase(context, profBundle, 'scan', article, load),
      wide: await profileCase(context, profBundle, 'scan', widePage, load),
      grow: await profileCase(context, profBundle, 'grow', article, load, batches.slice(0, 2)),
      startup: await profileCase(context, profBundle, 'startup', htmlDocument(''), load),
    };
    await writeFile(path.join(root, 'bench', 'profile.json'), `${JSON.stringify(results.profile, null, 2)}\n`);
  }

  await browser.close();
  results.totalSeconds = r2((performance.now() - started) / 1000);
  if (OUT) {
    await mkdir(path.dirname(OUT), { recursive: true });
    await writeFile(OUT, `${JSON.stringify(results, null, 2)}\n`);
  }
  console.log(table(results));
  if (results.profile) console.log(profileTable(results.profile));
  if (OUT) console.log(`\nwrote ${path.relative(process.cwd(), OUT) || OUT}`);
}

const SCRIPT_URL = 'bench-profile.js';

/** CDP CPU profile of scanAll + live scan on `html`: self time per function, mapped to src/ file:line. */
async function profileCase(context, bundle, kind, html, load, extra) {
  const { SourceMapConsumer } = await import('source-map-js');
  const consumer = new SourceMapConsumer(JSON.parse(bundle.map));
  const page = await context.newPage();
  try {
    await load(html, { code: `${bundle.js}\n//# sourceURL=${SCRIPT_URL}`, onPage: page });
    if (kind !== 'startup') await page.evaluate(() => window.bench.makeMatcher(0));
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
    const measured = {};
    if (kind === 'startup') measured.startupMs = (await page.evaluate(() => window.bench.startup())).ms;
    if (kind === 'scan') {
      measured.scanAllMs = (await page.evaluate(() => window.bench.scanAll())).ms;
      measured.liveScanMs = (await page.evaluate(() => window.bench.liveScan())).ms;
    }
    if (kind === 'grow') {
      const g = await page.evaluate(([b, sel]) => window.bench.grow(b, sel), [extra, '#a']);
      measured.updateMs = g.batches.map((x) => x.updateMs);
    }
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.detach();
    const wallMs = (profile.endTime - profile.startTime) / 1000;
    const msPerHit = wallMs / Math.max(1, profile.samples.length);
    const idle = profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').reduce((a, n) => a + (n.hitCount ?? 0), 0);
    const totalMs = wallMs - idle * msPerHit;
    const where = (line0, col0) => {
      const pos = consumer.originalPositionFor({ line: line0 + 1, column: col0, bias: SourceMapConsumer.LEAST_UPPER_BOUND });
      if (!pos.source) return null;
      return { file: pos.source.replace(/^(\.\.\/)+/, ''), line: pos.line };
    };
    const byFn = new Map();
    for (const node of profile.nodes) {
      const cf = node.callFrame;
      if (!node.hitCount || cf.functionName === '(idle)') continue;
      const ours = cf.url.endsWith(SCRIPT_URL);
      const loc = ours ? where(cf.lineNumber, cf.columnNumber) : null;
      const name = cf.functionName || '(anonymous)';
      const key = ours ? `${name}@${loc?.file}:${loc?.line}` : `${name}@${cf.url || 'native'}`;
      let entry = byFn.get(key);
      if (!entry) {
        entry = { function: name, location: loc ? `${loc.file}:${loc.line}` : cf.url || '(native/VM)', selfMs: 0, lines: new Map() };
        byFn.set(key, entry);
      }
      entry.selfMs += node.hitCount * msPerHit;
      if (ours) {
        for (const tick of node.positionTicks ?? []) {
          const l = where(tick.line - 1, 0);
          const lk = l ? `${l.file}:${l.line}` : `bundle:${tick.line}`;
          entry.lines.set(lk, (entry.lines.get(lk) ?? 0) + tick.ticks * msPerHit);
        }
      }
    }
    const top = [...byFn.values()]
      .sort((a, b) => b.selfMs - a.selfMs)
      .slice(0, 15)
      .map((e) => ({
        function: e.function,
        location: e.location,
        selfMs: r2(e.selfMs),
        share: r2((100 * e.selfMs) / totalMs),
        hotLines: [...e.lines]
          .sort((a, b) => b[1] - a[1])
          .slice(0, 3)
          .map(([l, ms]) => ({ line: l, ms: r2(ms) })),
      }));
    for (const k of Object.keys(measured)) measured[k] = Array.isArray(measured[k]) ? measured[k].map(r2) : r2(measured[k]);
    return { totalMs: r2(totalMs), measured, top };
  } finally {
    await page.close();
  }
}

function table(res) {
  const f = (x, d = 1) => (x == null ? '-' : Number(x).toFixed(d));
  const lines = [];
  const row = (...cells) => lines.push(cells.map((c, i) => String(c).padEnd(i === 0 ? 18 : 11)).join(' '));
  lines.push(
    `Context Cards bench (${res.mode}), dataset ${res.dataset.figures} figures / ${res.dataset.patterns} patterns, medians of ${res.params.runs} run(s), ms`,
  );
  row('case', 'text', 'floor', 'scanAll', 'live', 'scan/floor', 'live/floor', 'mark.js', 'mark/ours', 'longtask');
  for (const key of ['article', 'wide']) {
    const c = res.cases[key];
    const mark = c.markJs.timedOut ? `>${c.markJs.capMs / 1000}s` : f(c.markJs.ms);
    const ratio = `${c.markVsOursIsLowerBound ? '>' : ''}${f(c.markVsOurs)}x`;
    row(
      c.label,
      `${(c.textChars / 1e6).toFixed(2)}MB/${c.textNodes}n`,
      f(c.floorMs),
      f(c.scanAllMs),
      f(c.liveScanMs),
      `${f(c.scanVsFloor, 2)}x`,
      `${f(c.liveVsFloor, 2)}x`,
      mark,
      ratio,
      f(c.longestTaskMs),
    );
  }
  lines.push(
    `  scan/floor and live/floor: medians of each run's ratio; the ratio of the medians: article ${f(res.cases.article.scanVsFloorOfMedians, 2)}x, wide ${f(res.cases.wide.scanVsFloorOfMedians, 2)}x`,
  );
  lines.push(`  mentions: article ${res.cases.article.mentions}, wide ${res.cases.wide.mentions}`);
  lines.push(
    `  frames blocked during the live scan (long animation frames, blockingDuration, worst of the runs): article ${f(res.cases.article.frameBlockingMs)} ms, wide ${f(res.cases.wide.frameBlockingMs)} ms`,
  );
  const g = res.cases.grow;
  lines.push(
    `3 growing page     ${g.batches} batches of ${g.batchParagraphs} <p>: update ${f(g.updateMs, 2)} ms vs batch alone ${f(g.aloneMs, 2)} ms = ${f(g.updateVsAlone, 2)}x (append->done wall ${f(g.wallMs, 1)} ms, longest task ${f(g.longestTaskMs)})`,
  );
  const m = res.cases.manyNames;
  lines.push(
    `4 many names       +${m.extraNames} names (${m.patterns} patterns, ${m.states} states): build ${f(m.buildMs)} ms (real ${f(m.realBuildMs, 2)}); scan ${f(m.manyScanMs)} vs ${f(m.realScanMs)} ms = ${f(m.scanRatio, 2)}x`,
  );
  const h = res.cases.hover;
  lines.push(
    `5 hover            ${h.opens} opens on a ${res.params.normalParagraphs}-paragraph article: dwell end->painted median ${f(h.medianMs, 2)} ms, p95 ${f(h.p95Ms, 2)} ms (open() JS alone ${f(h.openJsMedianMs, 2)}; built during the dwell in ${f(h.prepareMedianMs, 2)}; double rAF incl. vsync wait: median ${f(h.doubleRafMedianMs)}, p95 ${f(h.doubleRafP95Ms)})`,
  );
  lines.push(
    `  nothing built ahead (click, tap, focus, keyboard): median ${f(h.coldMedianMs, 2)} ms, p95 ${f(h.coldP95Ms, 2)} ms, open() JS ${f(h.coldOpenJsMedianMs, 2)} ms`,
  );
  lines.push(
    `  on the 2 MB article, ${h.large.opens} opens: median ${f(h.large.medianMs, 1)} ms, p95 ${f(h.large.p95Ms, 1)} ms, open() JS ${f(h.large.openJsMedianMs, 1)} ms; nothing built ahead ${f(h.large.coldMedianMs, 1)} ms`,
  );
  const cs = res.contentScript;
  lines.push(
    `content.js         ${cs ? `${(cs.bytes / 1024).toFixed(1)} KB min, ${(cs.gzipBytes / 1024).toFixed(1)} KB gzip` : 'missing (run node build.mjs)'}; startup ${f(res.startup.medianMs, 2)} ms (Matcher ${f(res.startup.matcherMedianMs, 2)} ms; automaton built at the first block with text: ${f(res.startup.deferredBuildMedianMs, 2)} ms)`,
  );
  lines.push('targets:');
  for (const [name, t] of Object.entries(res.targets))
    lines.push(`  ${t.pass ? 'PASS' : 'FAIL'}  ${name.padEnd(24)} ${String(t.value).padEnd(9)} (${t.target})`);
  lines.push(`total ${res.totalSeconds} s`);
  return lines.join('\n');
}

function profileTable(profile) {
  const lines = [];
  for (const [name, p] of Object.entries(profile)) {
    lines.push(`\nprofile ${name}: ${p.totalMs} ms busy; ${JSON.stringify(p.measured)}`);
    for (const e of p.top.slice(0, 10)) {
      const hot = e.hotLines.map((l) => `${l.line} ${l.ms}`).join(', ');
      lines.push(`  ${String(e.selfMs).padStart(8)} ms ${String(e.share).padStart(5)}%  ${e.function} ${e.location}${hot ? `  [${hot}]` : ''}`);
    }
  }
  return lines.join('\n');
}

const run = flags.compare
  ? () =>
      import('./compare.mjs').then(({ compareWith }) =>
        compareWith(root, flags.compare, { smoke: SMOKE, rounds: Number(flags.rounds ?? (SMOKE ? 2 : 8)), cases: flags.case ?? null }),
      )
  : main;
if (flags.rounds !== undefined && !(Number.isInteger(Number(flags.rounds)) && Number(flags.rounds) > 0)) {
  console.error(`bench: --rounds takes a whole number above 0\n${USAGE}`);
  process.exit(2);
}
run().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
