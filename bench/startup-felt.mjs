// "Startup", seen from outside: what the built extension's scripts cost a blank page in Chromium.
// Three bare Chromium sessions (no recorder or other script of the bench's in the page, so that a
// blank page without the extension runs no script at all): with the extension, without it, and
// with the floor, the same extension whose content script is `void 0;` (what any content script
// costs: the browser makes the isolated world and injects the file). Each load is a fresh tab,
// the three in rotating order. Two parts:
// - run: once the page has loaded and `settleMs` passed, CDP Performance.getMetrics gives the
//   renderer's ScriptDuration (running JavaScript, every world of the page included); the
//   extension's share is with minus without, per group of runs.
// - compile: ScriptDuration leaves out compiling a content script (Chromium compiles it before it
//   runs, in the same task, and keeps no code cache for it), so the `v8.compile` trace events of the
//   extension's files are summed over separate traced loads (tracing slows what it watches: these
//   loads give no run figure).
// `addedMs` is run plus compile, the figure the target is held to; the floor's is printed beside it.
import { launchChromium } from '../scripts/browsers.mjs';
import { floorExtension } from './sessions.mjs';
import { spread } from './stats.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function scriptMs(session, url, settleMs) {
  const page = await session.context.newPage();
  try {
    const cdp = await session.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    await sleep(settleMs);
    const { metrics } = await cdp.send('Performance.getMetrics');
    await cdp.detach();
    return 1000 * metrics.find((m) => m.name === 'ScriptDuration').value;
  } finally {
    await page.close().catch(() => {});
  }
}

/** Milliseconds spent compiling the extension's scripts (chrome-extension:// URLs) during one traced load. */
async function compileMs(session, url, settleMs) {
  const page = await session.context.newPage();
  try {
    const cdp = await session.context.newCDPSession(page);
    const events = [];
    cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
    await cdp.send('Tracing.start', { categories: 'devtools.timeline', transferMode: 'ReportEvents' });
    await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
    await sleep(settleMs);
    const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.end');
    await complete;
    await cdp.detach();
    const ours = (e) => e.name === 'v8.compile' && String(e.args?.data?.url ?? '').startsWith('chrome-extension://');
    return events.filter(ours).reduce((sum, e) => sum + (e.dur ?? 0) / 1000, 0);
  } finally {
    await page.close().catch(() => {});
  }
}

/** `dist` the built Chrome extension; `url` a blank page. */
export async function startupCase({ dist, url, runs, settleMs, log }) {
  const floor = await floorExtension(dist);
  const sessions = {};
  try {
    sessions.with = await launchChromium({ extensionDir: dist });
    sessions.without = await launchChromium();
    sessions.floor = await launchChromium({ extensionDir: floor.dir });
    return await measure({ sessions, url, runs, settleMs, log });
  } finally {
    for (const session of Object.values(sessions)) await session.close();
    await floor.remove();
  }
}

async function measure({ sessions, url, runs, settleMs, log }) {
  log(`  chromium blank page, script time`);
  const variants = ['with', 'without', 'floor'];
  const run = { with: [], without: [], floor: [] };
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? variants : [...variants].reverse();
    for (const variant of order) run[variant].push(await scriptMs(sessions[variant], url, settleMs));
  }
  log(`  chromium blank page, compile time (traced)`);
  const compile = { with: [], floor: [] };
  for (let i = 0; i < runs; i++) {
    for (const variant of i % 2 === 0 ? ['with', 'floor'] : ['floor', 'with']) compile[variant].push(await compileMs(sessions[variant], url, settleMs));
  }
  const added = (variant) => run[variant].map((ms, i) => ms - run.without[i] + compile[variant][i]);
  return {
    withMs: spread(run.with),
    withoutMs: spread(run.without),
    runAddedMs: spread(run.with.map((ms, i) => ms - run.without[i])),
    compileMs: spread(compile.with),
    addedMs: spread(added('with')),
    floor: { runAddedMs: spread(run.floor.map((ms, i) => ms - run.without[i])), compileMs: spread(compile.floor), addedMs: spread(added('floor')) },
  };
}
