// The bench's printed table: every case's medians with their spreads, and the targets.

const f = (x, d = 1) => (x == null || !Number.isFinite(Number(x)) ? '-' : Number(x).toFixed(d));
/** "median (min–max)" of a spread. */
const sp = (s, d = 1, unit = '') => (s ? `${f(s.median, d)}${unit} (${f(s.min, d)}–${f(s.max, d)})` : '-');

function scanRows(res, lines) {
  const row = (...cells) => lines.push(cells.map((c, i) => String(c).padEnd(i === 0 ? 16 : i < 5 ? 9 : 20)).join(' '));
  row('case', 'walk', 'text', 'scan', 'live', 'scan/walk', 'scan/text', 'live/walk', 'mark.js', 'longtask');
  for (const key of ['article', 'wide', 'dense']) {
    const c = res.cases[key];
    const mark = !c.markJs ? '-' : c.markJs.timedOut ? `>${c.markJs.capMs / 1000}s, >${f(c.markVsOurs)}x` : `${f(c.markJs.ms)} ms, ${f(c.markVsOurs)}x`;
    row(
      c.label,
      f(c.floorMs),
      f(c.floorTextMs),
      f(c.scanMs),
      f(c.liveScanMs),
      sp(c.scanVsWalk, 2, 'x'),
      sp(c.scanVsText, 2, 'x'),
      sp(c.liveVsWalk, 2, 'x'),
      mark,
      f(c.longestTaskMs),
    );
  }
  const c = res.cases;
  lines.push(
    `  text: article ${f(c.article.textChars / 1e6, 2)} MB in ${c.article.textNodes} nodes, ${c.article.mentions} mentions; wide ${c.wide.textNodes} nodes, ${c.wide.mentions} mentions; dense ${c.dense.textNodes} nodes, ${c.dense.mentions} mentions`,
  );
  lines.push('  scan = matcher and automaton built inside the timer, then the full scan; ratios: median (min–max) of the per-run ratios, A B B A');
  lines.push(
    `  live scan, frames blocked (LoAF blockingDuration, worst run): article ${f(c.article.frameBlockingMs)}, wide ${f(c.wide.frameBlockingMs)}, dense ${f(c.dense.frameBlockingMs)} ms`,
  );
}

function outsideRows(res, lines) {
  const o = res.outside;
  if (!o) return lines.push('outside view: not run (no dist/)');
  for (const [kind, felt] of Object.entries(o.felt)) {
    lines.push(`as felt, ${kind} with the built extension vs without (${res.params.feltRuns[kind]} pairs, A B B A; median (min–max) per run):`);
    for (const c of Object.values(felt)) {
      const w = c.with;
      const wo = c.without;
      const loaf = w.blockingFrames.runs.length && felt === o.felt.chromium;
      lines.push(
        `  ${c.label.padEnd(13)} ${loaf ? `frames >50ms blocking: ${sp(w.blockingFrames, 0)} vs ${sp(wo.blockingFrames, 0)}, added ${sp(c.added.blockingFrames, 0)}; TBT ${sp(w.totalBlockingMs, 0)} vs ${sp(wo.totalBlockingMs, 0)} ms, added ${sp(c.added.totalBlockingMs, 0)}; longest frame ${sp(w.longestFrameMs, 0)} vs ${sp(wo.longestFrameMs, 0)}; ` : ''}rAF gaps >50ms ${sp(w.gapsOver50, 0)} vs ${sp(wo.gapsOver50, 0)}, sum over 50 ${sp(w.gapMsOver50, 0)} vs ${sp(wo.gapMsOver50, 0)} ms, longest ${sp(w.longestGapMs, 0)} vs ${sp(wo.longestGapMs, 0)}; marks ${f(w.marks?.median, 0)}`,
      );
      if (c.afterLoad && loaf)
        lines.push(
          `  ${''.padEnd(13)} after the load event: frames >50ms blocking ${sp(c.afterLoad.withBlockingFrames, 0)} vs ${sp(c.afterLoad.withoutBlockingFrames, 0)}, added TBT ${sp(c.afterLoad.addedTotalBlockingMs, 0)} ms`,
        );
      const wf = c.worstFrameWith;
      if (wf && loaf)
        lines.push(
          `  ${''.padEnd(13)} worst run's longest frame: blocking ${f(wf.blockingMs, 0)} ms, scripts ${f(wf.scriptMs, 0)} ms, style+layout ${f(wf.styleLayoutMs, 0)} ms`,
        );
      if (c.settleTimedOut) lines.push(`  ${''.padEnd(13)} (the page did not settle in time in some run)`);
    }
  }
  for (const [kind, h] of Object.entries(o.hover)) {
    lines.push(
      `hover on the 2 MB article, ${kind}, built extension, ${h.opens} opens: dwell end -> painted ${sp(h.afterDwell, 1)} ms (p95 ${f(h.afterDwell.p95)}); nothing built ahead (click) ${sp(h.nothingAhead, 1)} ms (p95 ${f(h.nothingAhead.p95)}); dwell end -> card in the page ${sp(h.dwellEndToShown, 1)}, in the page -> painted ${sp(h.shownToPainted, 1)} ms`,
    );
  }
  const fr = o.frames;
  if (fr)
    lines.push(
      `frames: ${fr.frames} name-free same-origin frames, JS heap after GC ${sp(fr.withMB, 2)} vs ${sp(fr.withoutMB, 2)} MB: added ${sp(fr.addedMB, 2)} MB${fr.floor ? `; floor (a content script of \`void 0;\`) added ${sp(fr.floor.addedMB, 2)} MB` : ''}`,
    );
  const su = o.startup;
  if (su)
    lines.push(
      `blank page, chromium: script run (CDP ScriptDuration) ${sp(su.withMs, 2)} vs ${sp(su.withoutMs, 2)} ms, added ${sp(su.runAddedMs, 2)}; content scripts compiled ${sp(su.compileMs, 2)} (traced); added in all ${sp(su.addedMs, 2)} ms; floor (a content script of \`void 0;\`) ${sp(su.floor.addedMs, 2)} ms`,
    );
}

export function table(res) {
  const lines = [];
  const m = res.machine;
  lines.push(
    `Context Cards bench (${res.mode}), dataset ${res.dataset.figures} figures / ${res.dataset.patterns} patterns, ${res.params.runs} run(s) per scan case, ms; machine: ${m.cores} cores, load average ${m.loadAverage.join(' ')} at start`,
  );
  scanRows(res, lines);
  const g = res.cases.grow;
  lines.push(
    `3 growing page   ${g.batches} batches of ${g.batchParagraphs} <p>: update ${f(g.updateMs, 2)} ms vs batch alone ${f(g.aloneMs, 2)} ms = ${f(g.updateVsAlone, 2)}x (append->done wall ${f(g.wallMs, 1)} ms, longest task ${f(g.longestTaskMs)})`,
  );
  const mn = res.cases.manyNames;
  lines.push(
    `4 many names     +${mn.extraNames} names (${mn.patterns} patterns, ${mn.states} states): build ${f(mn.buildMs)} ms (real ${f(mn.realBuildMs, 2)}); scan ${f(mn.manyScanMs)} vs ${f(mn.realScanMs)} ms = ${f(mn.scanRatio, 2)}x`,
  );
  const h = res.cases.hover;
  lines.push(
    `5 hover (bundle injected) ${h.opens} opens on a ${res.params.normalParagraphs}-paragraph article: dwell end->painted median ${f(h.medianMs, 2)} ms, p95 ${f(h.p95Ms, 2)}; nothing built ahead ${f(h.coldMedianMs, 2)} ms; 2 MB article (${h.large.opens} opens) ${f(h.large.medianMs)} ms, nothing built ahead ${f(h.large.coldMedianMs)} ms`,
  );
  outsideRows(res, lines);
  const e = res.everyFrame;
  lines.push(
    `every frame      ${e ? `${e.files.map((x) => `${x.file} ${(x.gzipBytes / 1024).toFixed(1)} KB`).join(', ')} (gzip -9); scripts ${(e.jsBytes / 1024).toFixed(1)} KB min, ${(e.jsGzipBytes / 1024).toFixed(1)} KB gzip` : 'dist/chrome missing (run node build.mjs)'}; scanner's startup on a blank page (injected) ${f(res.startup.medianMs, 2)} ms (automaton built at the first block with text: ${f(res.startup.deferredBuildMedianMs, 2)} ms)`,
  );
  lines.push('targets:');
  for (const [name, t] of Object.entries(res.targets))
    lines.push(`  ${t.pass ? 'PASS' : 'FAIL'}  ${name.padEnd(30)} ${String(t.value).padEnd(9)} (${t.target})`);
  lines.push(`total ${res.totalSeconds} s`);
  return lines.join('\n');
}
