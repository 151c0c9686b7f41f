#!/usr/bin/env node
// Performance bench: the real scanning code injected into plain pages in headless Chromium, and
// the built extension (dist/) seen from outside in real Chromium and Firefox. Pages are generated
// from committed seeds (bench/pages.mjs) with the figures' names.
//
//   node bench/run.mjs              full run: prints a table, writes bench/results.json (~8-10 min)
//   node bench/run.mjs --smoke      same code paths on tiny pages (< 60 s); writes --out=FILE if given
//   node bench/run.mjs --profile    also profiles cases 1 and 2 (CDP Profiler), writes bench/profile.json
//   node bench/run.mjs --compare REF [--rounds=N]   this tree against git ref REF, ABBA (bench/compare.mjs)
//   --out=FILE                      where to write the results JSON
//
// Cases, each with its median and spread and, where it has one, its target (bench/targets.mjs):
//   1, 2, 2b  the article, the wide DOM, a page as dense in names as the story: the scan as a page
//             pays for it (matcher and automaton built inside the timer) over a TreeWalker floor and a
//             textContent floor, per-run ratios, A B B A; the live sliced scan; mark.js (capped).
//   3, 4, 5   growing page, 100,000 more names, hover with the harness's CardController.
//   outside   (bench/outside.mjs) with the built extension vs without, A B B A: long animation
//             frames, long tasks and rAF gaps on the article, the dense page and an SPA swap (felt.mjs);
//             hover on the 2 MB article (hover-felt.mjs); 20 name-free frames' JS heap (frames.mjs), beside
//             what a content script of `void 0;` adds to them (the floor of any script in every frame).
//   every frame  gzip -9 of the manifest's content scripts (bundle.mjs); the scanner's startup on a blank page.
//
// `npm run bench` builds first; without dist/ the outside view and the size are left out.
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findBrowser } from '../scripts/browsers.mjs';
import { readFlags } from '../scripts/flags.mjs';
import { everyFrameBytes } from './bundle.mjs';
import { buildModuleAt, bundleHarness } from './harness.mjs';
import { outsideCases } from './outside.mjs';
import { median, pct, r2, spread } from './stats.mjs';
import { table } from './table.mjs';
import { targetsOf } from './targets.mjs';
import { denseArticle, document as htmlDocument, growthBatches, largeArticle, benchNames, spaArticle, wideDom } from './pages.mjs';

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
      hovers: 5,
      largeHovers: 2,
      normalParagraphs: 100,
      denseParagraphs: 100,
      // Over the cap on the wide DOM: the smoke runs the capped path too.
      markTimeoutMs: [5_000, 1_000],
      growRuns: 1,
      startupRuns: 2,
      feltRuns: { chromium: 1, firefox: 1 },
      feltTiming: { quietMs: 200, timeoutMs: 10_000, tailMs: 50 },
      firefoxPages: ['article', 'spa'],
      hoverOpens: { chromium: 2, firefox: 1 },
      frameCount: 4,
      framesRuns: 1,
      blankRuns: 2,
    }
  : {
      runs: 5,
      paragraphs: 20_000,
      wideNodes: 100_000,
      batches: 10,
      batchSize: 100,
      extraNames: 100_000,
      hovers: 200,
      largeHovers: 10,
      normalParagraphs: 150,
      denseParagraphs: 5_000,
      // mark.js takes ~50 s on the article: a cap at 100x our scan already shows the >= 10x target.
      markTimeoutMs: [15_000, 10_000],
      growRuns: 3,
      startupRuns: 5,
      // Pairs of loads (with, without the extension), A B B A; Firefox's are reported, not targets.
      feltRuns: { chromium: 4, firefox: 2 },
      // Settled: the highlight registry unchanged for 1 s; recorded 2 s more, 3 s after the last mark.
      feltTiming: { quietMs: 1000, timeoutMs: 60_000, tailMs: 2000 },
      hoverOpens: { chromium: 10, firefox: 6 },
      firefoxPages: ['article', 'dense', 'spa'],
      frameCount: 20,
      framesRuns: 4,
      // Pairs of blank-page loads for the built extension's script time: a few ms, in a noisy figure.
      blankRuns: 8,
    };

const t0 = performance.now();
// Each line with the seconds since the start, to see where a run's time goes.
const log = (...a) => console.error(`[${Math.round((performance.now() - t0) / 1000)} s]`, ...a);
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
  const densePage = htmlDocument(denseArticle(55, names.full, P.denseParagraphs));
  // The SPA: the article, then 20,000 other paragraphs (another seed) swapped into it in place.
  const spaPage = htmlDocument(spaArticle(largeArticle(11, names.full, P.paragraphs), growthBatches(66, names.full, 1, P.paragraphs)[0]));

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
    // How busy the machine was (1, 5, 15-minute load averages) when the run began, and its cores.
    machine: { loadAverage: os.loadavg().map(r2), cores: os.cpus().length },
    cases: {},
  };

  /**
   * Scan cases, each step on a fresh page, `runs` times: the two floors (a TreeWalker reading every
   * text node; the same content's `textContent`), the scan as a page pays for it (the matcher and its
   * automaton built inside the timer), the live sliced scan; A B B A (floors then scan, then scan then
   * floors). mark.js once, capped, where `markCapMs` is given.
   */
  const scanCase = async (key, label, html, selector, markCapMs) => {
    log(`case ${label}`);
    const r = { walk: [], text: [], scan: [], live: [], longest: [], frameBlocking: [] };
    let info = {};
    const steps = {
      walk: async () => {
        const f = await evaluate((sel) => window.bench.floor(sel), selector);
        r.walk.push(f.ms);
        info = { ...info, textNodes: f.nodes, textChars: f.chars };
      },
      text: async () => r.text.push((await evaluate((sel) => window.bench.floorText(sel), selector)).ms),
      scan: async () => {
        const c = await evaluate((sel) => window.bench.scanCold(sel), selector);
        r.scan.push(c.ms);
        info.mentions = c.mentions;
      },
      live: async () => {
        const l = await evaluate((sel) => window.bench.liveScan(sel), selector);
        r.live.push(l.ms);
        r.longest.push(l.longestTask);
        r.frameBlocking.push(l.frameBlocking);
        info.liveMentions = l.mentions;
      },
    };
    for (let run = 0; run < P.runs; run++) {
      for (const step of run % 2 === 0 ? ['walk', 'text', 'scan', 'live'] : ['scan', 'text', 'walk', 'live']) {
        await load(html);
        await steps[step]();
      }
    }
    let mark = null;
    if (markCapMs) {
      // mark.js in its own tab, so that a run over the cap can be killed with the tab.
      const markPage = await context.newPage();
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
    }
    // The ratios are taken within each run (floors and scan loaded one after the other), then their
    // median and spread: the machine's speed drifts between runs, and a ratio of medians would pair a
    // slow run's floor with a fast run's scan.
    const per = (xs, floors) => spread(xs.map((ms, run) => ms / floors[run]));
    const c = {
      label,
      ...info,
      htmlBytes: Buffer.byteLength(html),
      floorMs: median(r.walk),
      floorTextMs: median(r.text),
      scanMs: median(r.scan),
      liveScanMs: median(r.live),
      longestTaskMs: Math.max(...r.longest),
      frameBlockingMs: Math.max(...r.frameBlocking),
      scanVsWalk: per(r.scan, r.walk),
      scanVsText: per(r.scan, r.text),
      liveVsWalk: per(r.live, r.walk),
      markJs: mark,
      runs: r,
    };
    if (mark) {
      // mark.js over the cap: the ratio is at least cap/ours.
      c.markVsOurs = mark.timedOut ? markCapMs / c.scanMs : mark.ms / c.scanMs;
      c.markVsOursIsLowerBound = mark.timedOut;
    }
    results.cases[key] = c;
    return c;
  };

  await scanCase('article', '1 large article', article, undefined, P.markTimeoutMs[0]);
  await scanCase('wide', '2 wide DOM', widePage, undefined, P.markTimeoutMs[1]);
  await scanCase('dense', '2b dense page', densePage, undefined, null);

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

  // What runs in every frame: its size, and the scanner's startup on a blank page.
  log('size and startup');
  const size = everyFrameBytes(path.join(root, 'dist', 'chrome'));
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
  results.everyFrame = size;
  results.startup = { medianMs: median(startups), matcherMedianMs: median(matcherMs), deferredBuildMedianMs: median(deferredBuildMs), runs: startups };

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

  if (existsSync(path.join(root, 'dist', 'chrome', 'manifest.json'))) {
    results.outside = await outsideCases({ root, pages: { article, dense: densePage, spa: spaPage }, P, log });
  } else log('no built extension (dist/): the outside view is left out; run node build.mjs');
  results.targets = targetsOf(results);
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
