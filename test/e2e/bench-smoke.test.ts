// @vitest-environment node
// The bench harness (bench/run.mjs) in smoke mode: tiny pages through the same code paths as the
// full bench, in headless Chromium, and the outside view with the built extension in Chromium and Firefox. Checks the shape of the results and that the values are sane;
// the performance targets themselves are the full bench's business (`npm run bench`).
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
let tmp: string | null = null;

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

function runSmoke(out: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['bench/run.mjs', '--smoke', `--out=${out}`], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 100_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

const positive = (x: unknown): void => {
  expect(typeof x).toBe('number');
  expect(Number.isFinite(x as number)).toBe(true);
  expect(x as number).toBeGreaterThan(0);
};

describe('bench smoke', () => {
  it('runs every case on tiny pages and reports sane numbers', { timeout: 120_000 }, async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'context-cards-bench-'));
    const out = path.join(tmp, 'results.json');
    const { code, stdout, stderr } = await runSmoke(out);
    expect(code, stderr).toBe(0);
    expect(stdout).toContain('targets:');
    const r = JSON.parse(await readFile(out, 'utf8'));

    expect(r.mode).toBe('smoke');
    expect(r.dataset.figures).toBeGreaterThan(0);
    for (const key of ['article', 'wide', 'dense']) {
      const c = r.cases[key];
      for (const v of [c.floorMs, c.scanMs, c.liveScanMs, c.scanVsWalk.median, c.liveVsWalk.median, c.textChars, c.textNodes]) positive(v);
      // Every run gives each ratio (the textContent floor of a tiny page may read as 0 ms).
      expect(c.scanVsText.runs).toHaveLength(r.params.runs);
      expect(c.mentions).toBeGreaterThan(0);
      // The live scan finds what the synchronous scan finds.
      expect(c.liveMentions).toBe(c.mentions);
      expect(c.longestTaskMs).toBeGreaterThanOrEqual(0);
    }
    for (const key of ['article', 'wide']) {
      const c = r.cases[key];
      expect(c.markJs.timedOut || c.markJs.ms > 0).toBe(true);
      positive(c.markVsOurs);
    }
    // The dense page names someone in most paragraphs.
    expect(r.cases.dense.mentions).toBeGreaterThan(r.params.denseParagraphs / 2);
    // Names every ~2 KB of the article, Chinese included.
    expect(r.cases.article.mentions).toBeGreaterThanOrEqual(10);

    const g = r.cases.grow;
    expect(g.perBatch).toHaveLength(g.batches);
    for (const v of [g.updateMs, g.aloneMs, g.wallMs, g.updateVsAlone]) positive(v);
    expect(g.wallMs).toBeGreaterThanOrEqual(g.updateMs);
    // The baseline's own marks did not take the page's highlight from the live scan.
    expect(g.mentionsAfter).toBeGreaterThan(0);
    // (Only the marks near the view are painted: see src/page/mark-window.ts.)
    expect(g.paintedMarks).toBeGreaterThan(0);
    expect(g.paintedMarks).toBeLessThanOrEqual(g.mentionsAfter);

    const m = r.cases.manyNames;
    expect(m.patterns).toBeGreaterThan(r.dataset.patterns);
    for (const v of [m.buildMs, m.realScanMs, m.manyScanMs, m.scanRatio, m.states]) positive(v);

    const h = r.cases.hover;
    for (const v of [h.medianMs, h.p95Ms, h.doubleRafMedianMs, h.openJsMedianMs, h.prepareMedianMs, h.coldMedianMs, h.coldOpenJsMedianMs]) positive(v);
    expect(h.p95Ms).toBeGreaterThanOrEqual(h.medianMs);

    // The outside view: the built extension marks the pages it is loaded in, and nothing marks them without it.
    const o = r.outside;
    for (const kind of ['chromium', 'firefox']) {
      for (const key of kind === 'chromium' ? ['article', 'dense', 'spa'] : r.params.firefoxPages) {
        const c = o.felt[kind][key];
        expect(c.with.marks.median, `${kind} ${key}`).toBeGreaterThan(0);
        expect(c.without.marks.median).toBe(0);
        expect(c.added.gapsOver50.runs).toHaveLength(r.params.feltRuns[kind]);
      }
      const h = o.hover[kind];
      expect(h.afterDwell.runs).toHaveLength(h.opens);
      expect(h.nothingAhead.runs).toHaveLength(h.opens);
      // Painted after the reader acted, not before.
      expect(h.nothingAhead.min).toBeGreaterThan(0);
    }
    expect(o.felt.chromium.article.with.totalBlockingMs.median).toBeGreaterThanOrEqual(0);
    expect(o.frames.framesLoaded).toBe(o.frames.frames);
    positive(o.frames.withMB.median);
    expect(o.startup.addedMs.runs).toHaveLength(r.params.blankRuns);
    // The floor (a content script of `void 0;`) compiles next to nothing: the compile figure is the extension's own.
    expect(o.startup.floor.compileMs.median).toBeLessThan(o.startup.compileMs.median);

    positive(r.startup.medianMs);
    expect(r.everyFrame.files.map((x: { file: string }) => x.file)).toContain('content.js');
    expect(r.everyFrame.jsGzipBytes).toBeLessThan(r.everyFrame.jsBytes);

    const targetNames = [
      'scanVsTextArticle',
      'scanVsTextDense',
      'scanVsFloorWide',
      'markVsOursArticle',
      'longestTaskDuringScans',
      'growVsAlone',
      'manyNamesScanRatio',
      'manyNamesBuild',
      'hoverMedian',
      'feltAddedLongFramesArticle',
      'feltAddedLongFramesDense',
      'feltAddedLongFramesSpa',
      'hoverEverywhere',
      'hoverNothingAhead',
      'framesHeap',
      'everyFrameGzip',
      'startup',
      'startupBuilt',
    ];
    expect(Object.keys(r.targets).sort()).toEqual([...targetNames].sort());
    for (const name of targetNames) expect(typeof r.targets[name].pass).toBe('boolean');
    // How long it took is the bench's report, not this test's business: a slower machine is no failure.
    positive(r.totalSeconds);
  });
});
