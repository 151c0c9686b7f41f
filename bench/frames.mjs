// "Frames": what name-free same-origin frames cost in JS heap. The page with its frames is loaded
// in Chromium with the built extension and without it (A B B A over the runs); once it has been
// quiet for `quietMs`, the heap is collected (CDP HeapProfiler.collectGarbage) and read with
// Runtime.getHeapUsage, which reports the whole V8 isolate of the page's renderer: the page's world,
// every same-origin frame's and every content script's isolated world in them. Performance.getMetrics'
// JSHeapUsedSize is kept beside it.
import { spread } from './stats.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const MB = 1024 * 1024;

async function heapAfterLoad(session, url, quietMs) {
  const page = await session.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    await sleep(quietMs);
    const frames = page.frames().length - 1;
    const cdp = await session.cdp(page);
    await cdp.send('HeapProfiler.collectGarbage');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    await cdp.detach();
    const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? null;
    return { heapMB: usedSize / MB, metricsMB: used == null ? null : used / MB, frames };
  } finally {
    await page.close().catch(() => {});
  }
}

export async function framesCase({ sessions, url, runs, quietMs, frameCount, log }) {
  log(`  chromium ${frameCount} name-free frames`);
  const got = { with: [], without: [] };
  for (let run = 0; run < runs; run++) {
    const order = run % 2 === 0 ? ['with', 'without'] : ['without', 'with'];
    for (const variant of order) got[variant].push(await heapAfterLoad(sessions[variant], url, quietMs));
  }
  return {
    frames: frameCount,
    framesLoaded: got.with[0]?.frames,
    withMB: spread(got.with.map((r) => r.heapMB)),
    withoutMB: spread(got.without.map((r) => r.heapMB)),
    addedMB: spread(got.with.map((r, i) => r.heapMB - got.without[i].heapMB)),
    addedMetricsMB: spread(got.with.map((r, i) => r.metricsMB - got.without[i].metricsMB)),
  };
}
