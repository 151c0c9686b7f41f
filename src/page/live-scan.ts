/**
 * Runs a scanner over a live document: a first scan in small time slices, then rescans of
 * what mutates, coalesced so that a page mutating non-stop costs a bounded amount of work, and
 * sliced like the first scan, one at a time: what mutates during one is the next one's work.
 */
import { readingStart } from './element-kinds';
import { dirtySteps } from './rescan-work';
import type { PageScanner } from './scanner';
import { MUTATION_DELAY_MS, SLICE_MS } from './timing';

export interface LiveScanOptions {
  /** Milliseconds of work per slice before yielding to the page. */
  sliceMs?: number;
  /** Delay that coalesces bursts of mutations into one rescan. */
  mutationDelayMs?: number;
  /** Our own nodes, never scanned or observed. */
  isOurs: (node: Node) => boolean;
  /** Hears how long each rescan of mutations took, in milliseconds of work, its slices added up (the benchmark). */
  onFlush?: (ms: number) => void;
}

export interface LiveScan {
  /** Resolves when the first scan has finished. */
  readonly ready: Promise<void>;
  stop(): void;
}

export function startLiveScan(root: Node, scanner: PageScanner, options: LiveScanOptions): LiveScan {
  const doc = root.ownerDocument ?? (root as Document);
  const win = doc.defaultView!;
  const sliceMs = options.sliceMs ?? SLICE_MS;
  const mutationDelayMs = options.mutationDelayMs ?? MUTATION_DELAY_MS;
  let stopped = false;
  let pending: MutationRecord[] = [];
  let flushTimer = 0;
  /** The first scan or a rescan is under way: mutations wait for its end. */
  let busy = true;

  let deadline = 0;
  const budget = (): boolean => win.performance.now() < deadline;
  /** Runs the steps in slices, yielding to the page between them; resolves with the time worked. */
  const inSlices = async (steps: Generator<void, void, undefined>): Promise<number> => {
    let worked = 0;
    while (!stopped) {
      const start = win.performance.now();
      deadline = start + sliceMs;
      const done = steps.next().done === true;
      worked += win.performance.now() - start;
      if (done) break;
      await yieldToPage(win);
    }
    return worked;
  };

  /** After a scan: what changed meanwhile may not have been read by it, so it is rescanned next. */
  const idle = (delay: number): void => {
    busy = false;
    for (const r of observer.takeRecords()) pending.push(r);
    if (!stopped && pending.length && !flushTimer) flushTimer = win.setTimeout(flush, delay);
  };

  const flush = (): void => {
    flushTimer = 0;
    if (stopped || busy) return;
    const records = pending.concat(observer.takeRecords());
    pending = [];
    if (records.length === 0) return;
    busy = true;
    // Going through the records is sliced too: a swap in place hands over tens of thousands of nodes.
    const rescan = function* (): Generator<void, void, undefined> {
      yield* scanner.updateSteps(yield* dirtySteps(records, options.isOurs, budget), budget);
    };
    void inSlices(rescan()).then((ms) => {
      if (!stopped) options.onFlush?.(ms);
      idle(mutationDelayMs);
    });
  };

  const observer = new win.MutationObserver((records) => {
    // Keep the records (the batch is bounded by what the page did since the last flush) and rescan once.
    for (const r of records) pending.push(r);
    if (!flushTimer && !busy) flushTimer = win.setTimeout(flush, mutationDelayMs);
  });
  const watched = { childList: true, characterData: true, subtree: true };
  observer.observe(root, watched);
  // Mutations inside shadow roots do not reach an observer of the document: watch each one too.
  scanner.onShadowRoot((shadow) => observer.observe(shadow, watched));

  const ready = inSlices(scanner.scanSteps(root, budget, inView(doc, root))).then(() => idle(0));

  return {
    ready,
    stop() {
      stopped = true;
      observer.disconnect();
      if (flushTimer) win.clearTimeout(flushTimer);
    },
  };
}

/**
 * Where the first scan starts when the reader is past the first screen (a page opened at an anchor,
 * or reloaded where it was read): what is in view is read, and shown, first. Null when the top of
 * the page is in view, where the scan starts anyway.
 */
function inView(doc: Document, root: Node): Element | null {
  const win = doc.defaultView;
  if (!win) return null;
  // (The browser may not have scrolled to the page's anchor yet when the scan starts.)
  let element = doc.querySelector(':target');
  if (!element && win.scrollY >= win.innerHeight) element = doc.elementFromPoint?.(win.innerWidth / 2, win.innerHeight / 3) ?? null;
  return element ? readingStart(element, root) : null;
}

function yieldToPage(win: Window): Promise<void> {
  const scheduler = (win as Window & { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => win.setTimeout(resolve, 0));
}
