// The "hover everywhere" case alone (bench/hover-felt.mjs), for comparing built extensions side by
// side: each given extension directory (dist/chrome, or a copy of another build's) is loaded in
// its own browser in turn, A B … then … B A, on the bench's 2 MB article; each load opens cards on
// names spread over the page. Prints each load's medians and, per extension, the median of those.
//
//   npm run build && node bench/hover-ab.mjs [--kind=chromium|firefox] [--opens=10] [--rounds=2] DIR [DIR …]
//
// With CHROMIUM_PATH or FIREFOX_PATH to run another browser (scripts/browsers.mjs).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultDwellMs, hoverCase } from './hover-felt.mjs';
import { benchNames, document as htmlDocument, largeArticle } from './pages.mjs';
import { openSession, servePages } from './sessions.mjs';
import { median, r2 } from './stats.mjs';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { kind: { type: 'string', default: 'chromium' }, opens: { type: 'string', default: '10' }, rounds: { type: 'string', default: '2' } },
});
if (!positionals.length) throw new Error('usage: node bench/hover-ab.mjs [--kind=chromium|firefox] [--opens=10] [--rounds=2] DIR [DIR …]');
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const names = benchNames(path.join(root, 'assets', 'figures'));
// The article of bench/run.mjs (seed 11, 20,000 paragraphs), and its settling (feltTiming).
const article = htmlDocument(largeArticle(11, names.full, 20_000));
const timing = { quietMs: 1000, timeoutMs: 60_000, tailMs: 2000 };
const dwellMs = defaultDwellMs(root);
const site = await servePages({ '/article': () => article });
const figures = ['afterDwell', 'nothingAhead', 'dwellEndToShown', 'shownToPainted'];
const runs = new Map(positionals.map((dir) => [dir, Object.fromEntries(figures.map((f) => [f, []]))]));
try {
  for (let round = 0; round < Number(values.rounds); round++) {
    for (const dir of round % 2 ? [...positionals].reverse() : positionals) {
      const session = await openSession(values.kind, path.resolve(dir));
      try {
        const out = await hoverCase({ session, url: site.url('/article'), opens: Number(values.opens), dwellMs, timing, log: () => {} });
        const line = figures.map((f) => `${f} ${out[f].median}`).join(', ');
        console.log(`${dir}: ${line}`);
        for (const f of figures) runs.get(dir)[f].push(out[f].median);
      } finally {
        await session.close();
      }
    }
  }
} finally {
  await site.close();
}
for (const [dir, got] of runs) console.log(`median over loads, ${dir}: ${figures.map((f) => `${f} ${r2(median(got[f]))}`).join(', ')}`);
