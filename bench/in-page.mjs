// What the bench runs inside pages loaded in a real browser with or without the built extension
// (bench/felt.mjs, bench/hover-felt.mjs): each function is serialized by the browser driver and
// runs in the page's own (main) world, so it sees only what any page script could see, whatever
// the extension's design: the page's frames, the CSS highlight registry, our host element's open
// shadow root.

/**
 * Init script, before the page's own: records, from the document's start, the long animation
 * frames and long tasks (where the browser has them) and the gaps between animation frames
 * (requestAnimationFrame; what Firefox, which has neither API, can tell).
 */
export function recordFrames() {
  if (window !== window.top || window.__bench) return;
  const rec = { loaf: [], longtasks: [], gaps: [], longestGap: 0, loadEnd: 0 };
  window.__bench = rec;
  const observe = (type, into) => {
    if (!PerformanceObserver.supportedEntryTypes?.includes(type)) return;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) into.push(e);
    }).observe({ type, buffered: true });
  };
  observe('long-animation-frame', rec.loaf);
  observe('longtask', rec.longtasks);
  let last = 0;
  const tick = (t) => {
    if (last) {
      const gap = t - last;
      if (gap > rec.longestGap) rec.longestGap = gap;
      if (gap > 20) rec.gaps.push({ start: last, gap });
    }
    last = t;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
  addEventListener('load', () => setTimeout(() => (rec.loadEnd = performance.now())));
}

/** How many ranges the page's highlight registry holds (the extension's marks, in any design). */
export function highlightCount() {
  let n = 0;
  if (globalThis.CSS?.highlights) for (const [, h] of CSS.highlights) n += h.size;
  return n;
}

/** The SPA swap: the article's content replaced by the waiting template's, in one task. Returns its time. */
export function swapInPage() {
  const t = performance.now();
  document.getElementById('a').replaceChildren(document.getElementById('next').content.cloneNode(true));
  return t;
}

/**
 * What the frames recorded since `from` (ms, page clock) add up to: long animation frames with
 * their blocking time, the longest one split into script and rendering (style, layout, paint);
 * long tasks; animation-frame gaps.
 */
export function framesSince(from) {
  const rec = window.__bench;
  // Entries still running at `from` count: the swap's own task began a moment before its clock read.
  const loaf = rec.loaf.filter((e) => e.startTime + e.duration >= from);
  const blocking = loaf.filter((e) => e.blockingDuration > 50);
  const longest = loaf.reduce((m, e) => (m && m.duration >= e.duration ? m : e), null);
  const scriptsOf = (e) => e.scripts.reduce((s, x) => s + x.duration, 0);
  const tasks = rec.longtasks.filter((e) => e.startTime + e.duration >= from);
  const gaps = rec.gaps.filter((g) => g.start + g.gap >= from);
  const over50 = gaps.filter((g) => g.gap > 50);
  return {
    loafSupported: PerformanceObserver.supportedEntryTypes?.includes('long-animation-frame') ?? false,
    blockingFrames: blocking.length,
    totalBlockingMs: loaf.reduce((s, e) => s + e.blockingDuration, 0),
    longestFrameMs: longest?.duration ?? 0,
    longestFrame: longest && {
      start: longest.startTime,
      blockingMs: longest.blockingDuration,
      scriptMs: scriptsOf(longest),
      // From the start of style and layout to the frame's end: the rendering work of that frame.
      styleLayoutMs: longest.startTime + longest.duration - longest.styleAndLayoutStart,
      notScriptMs: longest.duration - scriptsOf(longest),
      scripts: longest.scripts.map((s) => ({ source: s.sourceURL.replace(/^chrome-extension:\/\/[^/]+/, 'extension:'), ms: s.duration })),
    },
    longTasks: tasks.length,
    longestTaskMs: tasks.reduce((m, e) => Math.max(m, e.duration), 0),
    gapsOver50: over50.length,
    gapMsOver50: over50.reduce((s, g) => s + g.gap - 50, 0),
    longestGapMs: gaps.reduce((m, g) => Math.max(m, g.gap), 0),
    loadEnd: rec.loadEnd,
  };
}

/**
 * Arms the card probe for one open: from now, the time the next card is painted, i.e. the end of
 * the first frame rendered after a visible `[role="dialog"]` appears in our host's open shadow root
 * (a task posted from that frame's requestAnimationFrame runs after its style, layout and paint).
 * Also keeps the first pointermove's and the last click's event time: when the reader acted.
 */
export function armCardProbe() {
  const rec = window.__bench;
  rec.painted = null;
  rec.shownAt = null;
  rec.firstMove = null;
  rec.armed = true;
  if (rec.probe) return;
  rec.probe = true;
  // A card is shown: a `[role="dialog"]` in our host's shadow root with a box and not hidden.
  rec.cardVisible = () => {
    const root = document.querySelector('context-cards-host')?.shadowRoot;
    if (!root) return false;
    return [...root.querySelectorAll('[role="dialog"]')].some((d) => {
      const r = d.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && (typeof d.checkVisibility !== 'function' || d.checkVisibility({ checkVisibilityCSS: true }));
    });
  };
  addEventListener('pointermove', (e) => (rec.firstMove ??= e.timeStamp), true);
  addEventListener('click', (e) => (rec.lastClick = e.timeStamp), true);
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    if (rec.painted == null) rec.painted = performance.now();
  };
  const afterPaint = () => channel.port2.postMessage(0);
  const check = (inFrame) => {
    if (!rec.armed || rec.shownAt != null || !rec.cardVisible()) return;
    rec.shownAt = performance.now();
    rec.armed = false;
    // In a frame's callbacks, this frame paints it; in a task, the next frame does.
    if (inFrame) afterPaint();
    else requestAnimationFrame(afterPaint);
  };
  const inShadow = new MutationObserver(() => check(false));
  let watched = null;
  const watch = () => {
    const root = document.querySelector('context-cards-host')?.shadowRoot;
    if (!root || root === watched) return;
    watched = root;
    inShadow.observe(root, { subtree: true, childList: true, attributes: true });
    inShadow.observe(root.host, { attributes: true });
  };
  new MutationObserver(() => {
    watch();
    check(false);
  }).observe(document.documentElement, { childList: true });
  watch();
  const loop = () => {
    watch();
    check(true);
    requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
}

/** Whether no card is shown (after `armCardProbe`). */
export function cardClosed() {
  return !window.__bench.cardVisible();
}

/** What the probe saw: `{ painted, shownAt, firstMove, lastClick }` (page clock, ms). */
export function probeResult() {
  const { painted, shownAt, firstMove, lastClick } = window.__bench;
  return { painted, shownAt, firstMove, lastClick };
}

/** Scrolls the paragraph at `fraction` of the article to the middle of the viewport. */
export function scrollToParagraph(fraction) {
  const ps = document.querySelectorAll('#a > p');
  ps[Math.min(ps.length - 1, Math.floor(fraction * ps.length))].scrollIntoView({ block: 'center', behavior: 'instant' });
}

/**
 * The middle of a marked name well inside the viewport, or null while none is marked there. Not
 * one in a link: a click there is the page's (it navigates).
 */
export function markInView() {
  if (!globalThis.CSS?.highlights) return null;
  for (const [, h] of CSS.highlights) {
    for (const range of h) {
      if (range.startContainer.parentElement?.closest('a')) continue;
      const r = [...range.getClientRects()].find((x) => x.width > 4 && x.height > 0);
      if (r && r.top > innerHeight * 0.2 && r.bottom < innerHeight * 0.8 && r.left > 0 && r.right < innerWidth)
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    }
  }
  return null;
}
