// The bench's comparison mode: how this tree's scan compares with a git ref's, fairly.
//
//   npm run bench -- --compare REF [--rounds=N] [--case=article.scanAll ...] [--smoke]
//
// REF (a commit, branch or tag) is extracted with `git archive` into a temporary folder, which
// shares this tree's node_modules, and its bench harness is bundled with its own build.mjs, the
// dataset included. Both builds then scan the same fixed pages (the large article and the wide
// DOM, made once by this tree's bench/pages.mjs with the fixed names of bench/page-names.json,
// which both builds know) in one browser, alternating A B B A in each round
// so that a drift of the machine's speed during the run weighs on both alike. Each round gives
// one paired ratio, new / old (the sum of the two new runs over the sum of the two old ones), for
// the scan alone and for the scan with the matcher's build before it (`+build`, what a page pays);
// the report is their median and spread (quartiles, and the extremes). A ratio at or below 1.0
// within the spread: no slowdown.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { findBrowser } from '../scripts/browsers.mjs';
import { bundleHarness } from './harness.mjs';
import { document as htmlDocument, largeArticle, benchNames, wideDom } from './pages.mjs';

const log = (...a) => console.error(...a);

/** The value at fraction `q` of the sorted values (linear between neighbours). */
function quantile(sorted, q) {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (at - lo);
}

function summary(ratios) {
  const s = [...ratios].sort((a, b) => a - b);
  const r3 = (x) => Math.round(x * 1000) / 1000;
  return { median: r3(quantile(s, 0.5)), q1: r3(quantile(s, 0.25)), q3: r3(quantile(s, 0.75)), min: r3(s[0]), max: r3(s[s.length - 1]), rounds: s.length };
}

/** Extracts `ref` of the repository at `root` into a new temporary folder; returns the folder. */
async function extract(root, ref) {
  const commit = execFileSync('git', ['rev-parse', '--verify', `${ref}^{commit}`], { cwd: root, encoding: 'utf8' }).trim();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'context-cards-bench-'));
  const archive = execFileSync('git', ['archive', '--format=tar', commit], { cwd: root, maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', dir], { input: archive });
  await symlink(path.join(root, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return { dir, commit };
}

export async function compareWith(root, ref, { smoke, rounds, cases = null }) {
  const { dir, commit } = await extract(root, ref);
  log(`bench compare: ${ref} (${commit.slice(0, 10)}) against this tree, ${rounds} ABBA rounds`);
  const { chromium } = await import('playwright-core');
  let browser = null;
  try {
    const code = { old: (await bundleHarness(dir)).js, new: (await bundleHarness(root)).js };
    const names = benchNames(path.join(root, 'assets', 'figures'));
    const pages = {
      article: htmlDocument(largeArticle(11, names.full, smoke ? 300 : 20_000)),
      wide: htmlDocument(wideDom(22, names.full, smoke ? 3000 : 100_000).html),
    };
    browser = await chromium.launch({ executablePath: findBrowser('chromium'), args: ['--disable-gpu'], handleSIGINT: true });
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    /**
     * One measurement of `kind` ('scanAll' or 'liveScan') with build `which` on a fresh copy of
     * `html`: the scan alone, and the scan with the matcher's build before it. A page pays for
     * both, and a change can move work from one to the other (tables made as the text reaches
     * them, not up front), so both are compared.
     */
    const measure = async (which, kind, html) => {
      await page.setContent(html, { waitUntil: 'load', timeout: 120_000 });
      await (await page.addScriptTag({ content: code[which] })).evaluate((el) => el.remove());
      await cdp.send('HeapProfiler.collectGarbage');
      const build = (await page.evaluate(() => window.bench.makeMatcher(0))).ms;
      const scan = (await page.evaluate((k) => window.bench[k](), kind)).ms;
      return { scan, withBuild: build + scan };
    };
    const report = { ref, commit, rounds, smoke, cases: {} };
    for (const [name, html] of Object.entries(pages)) {
      for (const kind of ['scanAll', 'liveScan']) {
        if (cases && !cases.includes(`${name}.${kind}`)) continue;
        const ratios = { scan: [], withBuild: [] };
        const ms = { old: [], new: [] };
        for (let round = 0; round < rounds; round++) {
          // A B B A, starting with the other build every other round.
          const order = round % 2 === 0 ? ['old', 'new', 'new', 'old'] : ['new', 'old', 'old', 'new'];
          const got = { old: { scan: 0, withBuild: 0 }, new: { scan: 0, withBuild: 0 } };
          for (const which of order) {
            const t = await measure(which, kind, html);
            got[which].scan += t.scan;
            got[which].withBuild += t.withBuild;
            ms[which].push(t);
          }
          for (const part of ['scan', 'withBuild']) ratios[part].push(got.new[part] / got.old[part]);
        }
        for (const [part, suffix] of [
          ['scan', ''],
          ['withBuild', '+build'],
        ]) {
          const s = summary(ratios[part]);
          report.cases[`${name}.${kind}${suffix}`] = { ...s, ratios: ratios[part], ms };
          log(`  ${name} ${kind}${suffix}: new/old median ${s.median} (quartiles ${s.q1}–${s.q3}, range ${s.min}–${s.max})`);
        }
      }
    }
    console.log(compareTable(report));
    return report;
  } finally {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  }
}

function compareTable(report) {
  const lines = [
    `new / old, ${report.ref} (${report.commit.slice(0, 10)}), ${report.rounds} ABBA rounds${report.smoke ? ' (smoke pages)' : ''}`,
    '',
    '| case | median | quartiles | range |',
    '|---|---|---|---|',
  ];
  for (const [name, c] of Object.entries(report.cases)) lines.push(`| ${name} | ${c.median} | ${c.q1}–${c.q3} | ${c.min}–${c.max} |`);
  return lines.join('\n');
}
