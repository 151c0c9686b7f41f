/**
 * Bench harness, bundled by bench/run.mjs into an IIFE and injected into a headless Chromium page.
 * Exposes `window.bench`: timings of the real modules (Matcher, PageScanner, startLiveScan, Marks,
 * CardController) on whatever page the runner has loaded. Every timing is `performance.now()` in the page.
 */
import dataset from 'virtual:dataset';
import type { CompiledPattern } from '../src/core/dataset';
import { foldName } from '../src/core/fold';
import { Matcher } from '../src/core/matcher';
import { startLiveScan } from '../src/page/live-scan';
import { HIGHLIGHT_NAMES, Marks } from '../src/page/marks';
import { PageScanner } from '../src/page/scanner';
import { CardController } from '../src/extension/card-controller';
import { translatorFor } from '../src/ui/translate';
import type { CardAnchor } from '../src/ui/card-host';
import messages from '../assets/_locales/en/messages.json';

const now = (): number => performance.now();
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const frame = (): Promise<number> => new Promise((r) => requestAnimationFrame(r));

let matcher: Matcher | null = null;
const getMatcher = (): Matcher => (matcher ??= new Matcher(dataset));

/** Seeded PRNG (mulberry32), same as the runner's. */
function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `count` seeded pronounceable two-word names ("Tarolin Besku"). */
function syntheticNames(count: number, seed: number): string[] {
  const rnd = mulberry32(seed);
  const on = ['b', 'd', 'f', 'g', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z', 'br', 'dr', 'kr', 'st', 'tr', 'sh', 'ch'];
  const vo = ['a', 'e', 'i', 'o', 'u', 'ai', 'ou', 'ea'];
  const co = ['', '', 'n', 'r', 'l', 's', 'k', 'm'];
  const word = (): string => {
    const syllables = 2 + Math.floor(rnd() * 2);
    let w = '';
    for (let s = 0; s < syllables; s++) w += on[Math.floor(rnd() * on.length)]! + vo[Math.floor(rnd() * vo.length)]! + co[Math.floor(rnd() * co.length)]!;
    return w[0]!.toUpperCase() + w.slice(1);
  };
  const seen = new Set<string>();
  const out: string[] = [];
  while (out.length < count) {
    const name = `${word()} ${word()}`;
    if (seen.has(name)) continue;
    seen.add(name);
    out.push(name);
  }
  return out;
}

/**
 * Wired as the content script wires a scanner (src/extension/page-session.ts): marks applied on
 * every change, the figures on the page counted at most every 500 ms, in a timer of its own.
 */
function wire(scanner: PageScanner, withMarks: boolean): void {
  const marks = withMarks ? new Marks(document, scanner) : null;
  let countTimer = 0;
  scanner.onChange((changes) => {
    marks?.apply(changes);
    if (!countTimer) {
      countTimer = window.setTimeout(() => {
        countTimer = 0;
        void new Set(scanner.mentions().map((m) => m.figure)).size;
      }, 500);
    }
  });
}

/** Buffered performance entries of `type` that started in [from, to]. */
async function entriesIn(type: string, from: number, to: number): Promise<PerformanceEntry[]> {
  const entries: PerformanceEntry[] = [];
  await new Promise<void>((resolve) => {
    const po = new PerformanceObserver((list) => entries.push(...list.getEntries()));
    po.observe({ type, buffered: true });
    // Entries are queued after the task or frame ends: give them a moment.
    setTimeout(() => {
      entries.push(...po.takeRecords());
      po.disconnect();
      resolve();
    }, 100);
  });
  return entries.filter((e) => e.startTime >= from - 1 && e.startTime <= to);
}

/**
 * Long tasks that started in [from, to]: the longest and how many; and, from the long animation
 * frames, the most any frame was blocked (`blockingDuration`: the part of its tasks beyond 50 ms
 * each), which tells a long task from several short slices run back to back before a frame.
 */
async function longestTask(from: number, to: number): Promise<{ longest: number; count: number; frameBlocking: number }> {
  const tasks = await entriesIn('longtask', from, to);
  let frameBlocking = 0;
  if (PerformanceObserver.supportedEntryTypes.includes('long-animation-frame')) {
    for (const frame of await entriesIn('long-animation-frame', from, to)) {
      frameBlocking = Math.max(frameBlocking, (frame as PerformanceEntry & { blockingDuration: number }).blockingDuration);
    }
  }
  return { longest: tasks.reduce((m, e) => Math.max(m, e.duration), 0), count: tasks.length, frameBlocking };
}

/** The blocks `floorText` reads whole: those the scan reads by one `textContent` (src/page/element-kinds.ts). */
// prettier-ignore
const TEXT_BLOCKS = new Set([
  'p', 'li', 'td', 'th', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'caption', 'figcaption', 'summary', 'legend', 'address',
  'ul', 'ol', 'dl', 'tr', 'tbody', 'thead', 'tfoot', 'table',
]);

function rootOf(selector?: string): Element {
  return selector ? document.querySelector(selector)! : document.documentElement;
}

/** What `hover` measures: per open, and the page's mentions and figures. */
interface HoverTimings {
  alignedMs: number[];
  coldMs: number[];
  prepareMs: number[];
  doubleRafMs: number[];
  openJsMs: number[];
  coldOpenJsMs: number[];
  mentions: number;
  figures: number;
}

const api = {
  figureCount: dataset.figures.length,
  patternCount: dataset.patterns.length,

  /** Builds the matcher used by the next scans: the real dataset, plus `extra` synthetic names. */
  makeMatcher(extra = 0, seed = 7): { ms: number; patterns: number; states: number } {
    const patterns: CompiledPattern[] = dataset.patterns.slice();
    if (extra > 0) {
      const base = dataset.figures.length;
      const known = new Set(patterns.map((p) => p.text));
      syntheticNames(extra, seed).forEach((name, i) => {
        const text = foldName(name);
        if (known.has(text)) return;
        known.add(text);
        patterns.push({ text, entries: [{ figure: base + i, cue: false, caseMode: 0, capsAt: [], short: false, needsCue: false }] });
      });
    }
    const t0 = now();
    matcher = new Matcher({ patterns });
    matcher.prepare(); // the automaton is otherwise built by the first block matched
    return { ms: now() - t0, patterns: patterns.length, states: matcher.stateCount };
  },

  /** Synchronous full scan (scanner.scanAll). */
  scanAll(selector?: string): { ms: number; mentions: number; records: number } {
    const m = getMatcher();
    const root = rootOf(selector);
    const scanner = new PageScanner(m);
    const t0 = now();
    scanner.scanAll(root);
    const ms = now() - t0;
    return { ms, mentions: scanner.mentionCount, records: scanner.mentions().length };
  },

  /**
   * The scan as a page pays for it: the matcher made from the dataset and its automaton built by the
   * first block of text, inside the timer, then the synchronous full scan.
   */
  scanCold(selector?: string): { ms: number; mentions: number } {
    const root = rootOf(selector);
    const t0 = now();
    const scanner = new PageScanner(new Matcher(dataset));
    scanner.scanAll(root);
    return { ms: now() - t0, mentions: scanner.mentionCount };
  },

  /** The live sliced scan as the content script runs it (marks + figure count on every change), until `ready`. */
  async liveScan(selector?: string): Promise<{ ms: number; mentions: number; longestTask: number; longTasks: number; frameBlocking: number }> {
    const m = getMatcher();
    const root = rootOf(selector);
    const scanner = new PageScanner(m);
    wire(scanner, true);
    await sleep(0);
    const t0 = now();
    const live = startLiveScan(root, scanner, { isOurs: () => false });
    await live.ready;
    const ms = now() - t0;
    live.stop();
    const lt = await longestTask(t0, t0 + ms);
    return { ms, mentions: scanner.mentionCount, longestTask: lt.longest, longTasks: lt.count, frameBlocking: lt.frameBlocking };
  },

  /** The floor: a bare TreeWalker over the text nodes reading `.data`. */
  floor(selector?: string): { ms: number; nodes: number; chars: number } {
    const root = rootOf(selector);
    const t0 = now();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let nodes = 0;
    let chars = 0;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      chars += (n as Text).data.length;
      nodes++;
    }
    return { ms: now() - t0, nodes, chars };
  },

  /**
   * The other floor: the same content's text read as the scan reads it, a block at a time by
   * `textContent` (paragraphs, headings, list items and whole lists, cells and whole tables), and
   * text outside any such block node by node.
   */
  floorText(selector?: string): { ms: number; chars: number } {
    const root = rootOf(selector);
    const t0 = now();
    let chars = 0;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
      acceptNode(n) {
        if (n.nodeType === Node.TEXT_NODE) return NodeFilter.FILTER_ACCEPT;
        if (!TEXT_BLOCKS.has((n as Element).localName)) return NodeFilter.FILTER_SKIP;
        chars += (n.textContent ?? '').length; // the whole block at once; its nodes are not visited
        return NodeFilter.FILTER_REJECT;
      },
    });
    for (let n = walker.nextNode(); n; n = walker.nextNode()) chars += (n as Text).data.length;
    return { ms: now() - t0, chars };
  },

  /** mark.js (loaded by the runner) marking every name form. */
  markJs(forms: string[], selector?: string): { ms: number; marked: number } {
    const Mark = (window as unknown as { Mark: new (el: Element) => { mark(k: string[], o: object): void } }).Mark;
    const root = rootOf(selector);
    let marked = 0;
    const t0 = now();
    new Mark(root).mark(forms, {
      acrossElements: true,
      separateWordSearch: false,
      done: (n: number) => {
        marked = n;
      },
    });
    return { ms: now() - t0, marked };
  },

  /**
   * Growing page: live scan to ready, then append each batch (pre-parsed into fragments) to `selector`
   * and time the live scan's mutation flush (dirtyFromMutations, scanner.update and the marks it
   * applies), and the wall time until it is done (which includes the browser's own style and layout
   * of the appended content). Baseline: a fresh scanner (same wiring) scanning the same batch in a
   * detached container.
   */
  async grow(
    batches: string[],
    selector: string,
  ): Promise<{
    batches: { updateMs: number; wallMs: number; aloneMs: number; longestTask: number }[];
    mentionsAfter: number;
    paintedMarks: number;
  }> {
    const m = getMatcher();
    const root = rootOf(selector);
    const scanner = new PageScanner(m);
    wire(scanner, true);
    let onUpdate: ((ms: number) => void) | null = null;
    const live = startLiveScan(document.documentElement, scanner, { isOurs: () => false, mutationDelayMs: 0, onFlush: (ms) => onUpdate?.(ms) });
    await live.ready;
    await sleep(50);
    const out = [];
    for (const html of batches) {
      const make = (): DocumentFragment => {
        const t = document.createElement('template');
        t.innerHTML = html;
        return t.content;
      };
      // Baseline first: the batch alone, detached. Its marks register a highlight of their own under
      // the page's name: the live scan's is put back after, so that its marks stay the ones painted.
      const detached = document.createElement('div');
      detached.append(make());
      const painted = CSS.highlights.get(HIGHLIGHT_NAMES.underline);
      const alone = new PageScanner(m);
      wire(alone, true);
      const a0 = now();
      alone.scanAll(detached);
      const aloneMs = now() - a0;
      if (painted) CSS.highlights.set(HIGHLIGHT_NAMES.underline, painted);
      await sleep(20);

      const fragment = make();
      const done = new Promise<number>((resolve) => (onUpdate = resolve));
      const t0 = now();
      root.append(fragment);
      const updateMs = await done;
      const wallMs = now() - t0;
      onUpdate = null;
      const lt = await longestTask(t0, t0 + wallMs);
      out.push({ updateMs, wallMs, aloneMs, longestTask: lt.longest });
    }
    live.stop();
    // What the page shows: the marks of the highlight registered under the page's name.
    const paintedMarks = CSS.highlights.get(HIGHLIGHT_NAMES.underline)?.size ?? 0;
    return { batches: out, mentionsAfter: scanner.mentionCount, paintedMarks };
  },

  /**
   * Hover: `count` opens of a real card on the page's mentions, timed from a frame's start (a rAF
   * callback, as the dwell timer's task would be followed by) until a task posted there runs, i.e.
   * after that frame's style, layout and paint. `alignedMs`: as a hover opens it, the card having
   * been prepared while the pointer rested on the name (HoverIntent's `prepare`, then the dwell);
   * `coldMs`: with nothing prepared, as a click, a tap, a focus or a keyboard command opens it.
   * `openJsMs`/`coldOpenJsMs`: the synchronous open() alone; `prepareMs`: the work done during the
   * dwell; `doubleRafMs`: from a prepared open until the second requestAnimationFrame after it
   * (includes waiting for vsync).
   */
  async hover(count: number): Promise<HoverTimings> {
    const m = getMatcher();
    const scanner = new PageScanner(m);
    const marks = new Marks(document, scanner);
    scanner.onChange((c) => marks.apply(c));
    scanner.scanAll(document.documentElement);
    const mentions = scanner.mentions();
    if (mentions.length === 0) throw new Error('hover: no mentions on the page');
    const cards = new CardController(
      document,
      dataset,
      { close: () => cards.close(), togglePin: () => undefined, isPinned: () => false },
      translatorFor(messages),
    );
    const channel = new MessageChannel();
    const afterFrame = (): Promise<number> =>
      new Promise((resolve) => {
        channel.port1.onmessage = () => resolve(now());
        channel.port2.postMessage(0);
      });
    const out = {
      alignedMs: [] as number[],
      coldMs: [] as number[],
      prepareMs: [] as number[],
      doubleRafMs: [] as number[],
      openJsMs: [] as number[],
      coldOpenJsMs: [] as number[],
    };
    const openAligned = (figure: number, anchor: CardAnchor, jsMs: number[]): Promise<number> =>
      new Promise<number>((resolve) => {
        requestAnimationFrame(() => {
          const t0 = now();
          cards.open(figure, anchor, { focus: false, announce: { kind: 'opened' } });
          jsMs.push(now() - t0);
          // A task queued now runs after this frame's style, layout and paint.
          void afterFrame().then((t1) => resolve(t1 - t0));
        });
      });
    // Spread over the page's mentions (and so over figures), each in view as a reader would hover it.
    for (let i = 0; i < count; i++) {
      const mention = mentions[Math.floor((i * mentions.length) / count)]!;
      const range = marks.rangeOf(mention);
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      await frame();
      const r = range.getBoundingClientRect();
      const anchor = { range, point: { x: r.left + 2, y: r.top + 2 } }; // the pointer position a hover would give
      out.coldMs.push(await openAligned(mention.figure, anchor, out.coldOpenJsMs));
      cards.close();
      await frame();
      // The dwell: the card is prepared when it starts, in a task of its own, then the frame runs.
      const t0 = now();
      cards.prepare(mention.figure, anchor);
      out.prepareMs.push(now() - t0);
      await frame();
      await afterFrame();
      out.alignedMs.push(await openAligned(mention.figure, anchor, out.openJsMs));
      cards.close();
      await frame();
      cards.prepare(mention.figure, anchor);
      await frame();
      const t1 = now();
      cards.open(mention.figure, anchor, { focus: false, announce: { kind: 'opened' } });
      await frame();
      await frame();
      out.doubleRafMs.push(now() - t1);
      cards.close();
    }
    return { ...out, mentions: mentions.length, figures: new Set(mentions.map((x) => x.figure)).size };
  },

  /** Startup on this (blank) page: Matcher + scanner + first scan of the empty body. */
  startup(): { ms: number; matcherMs: number; deferredBuildMs: number } {
    const t0 = now();
    const m = new Matcher(dataset);
    const t1 = now();
    const scanner = new PageScanner(m);
    scanner.scanAll(document.body ?? document.documentElement);
    const t2 = now();
    // Not part of startup on a blank page (nothing to match): what the first block with text pays.
    m.prepare();
    return { ms: t2 - t0, matcherMs: t1 - t0, deferredBuildMs: now() - t2 };
  },
};

(window as unknown as { bench: typeof api }).bench = api;
