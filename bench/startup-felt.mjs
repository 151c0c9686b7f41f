// "Startup", seen from outside: what the built extension's scripts cost a blank page in Chromium.
// Each load is a fresh tab of a browser with the extension or without it (A B B A); once the page
// has loaded and `settleMs` passed, CDP Performance.getMetrics gives the renderer's ScriptDuration
// (compiling and running JavaScript, every world of the page included). The extension's share is
// with minus without, per pair of runs.
import { spread } from './stats.mjs';

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function scriptMs(session, url, settleMs) {
  const page = await session.newPage();
  try {
    const cdp = await session.cdp(page);
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

export async function startupCase({ sessions, url, runs, settleMs, log }) {
  log(`  chromium blank page, script time`);
  const got = { with: [], without: [] };
  for (let run = 0; run < runs; run++) {
    const order = run % 2 === 0 ? ['with', 'without'] : ['without', 'with'];
    for (const variant of order) got[variant].push(await scriptMs(sessions[variant], url, settleMs));
  }
  return { withMs: spread(got.with), withoutMs: spread(got.without), addedMs: spread(got.with.map((ms, i) => ms - got.without[i])) };
}
