/**
 * Runs a scanner over a live document: a first scan in small time slices, then rescans of
 * what mutates, coalesced so that a page mutating non-stop costs a bounded amount of work.
 */
import { readingStart } from './element-kinds';
import { dirtyFromMutations } from './rescan-work';
import type { PageScanner } from './scanner';
import { MUTATION_DELAY_MS, SLICE_MS } from './timing';

export interface LiveScanOptions {
  /** Milliseconds of work per slice before yielding to the page. */
  sliceMs?: number;
  /** Delay that coalesces bursts of mutations into one rescan. */
  mutationDelayMs?: number;
  /** Our own nodes, never scanned or observed. */
  isOurs: (node: Node) => boolean;
  /** Hears how long each rescan of mutations took, in milliseconds (the benchmark). */
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
  let scanning = true;

  const flush = (): void => {
    flushTimer = 0;
    if (stopped || scanning) return;
    const records = pending.concat(observer.takeRecords());
    pending = [];
    if (records.length === 0) return;
    const started = options.onFlush ? win.performance.now() : 0;
    scanner.update(dirtyFromMutations(records, options.isOurs));
    options.onFlush?.(win.performance.now() - started);
  };

  const observer = new win.MutationObserver((records) => {
    // Keep the records (the batch is bounded by what the page did since the last flush) and rescan once.
    for (const r of records) pending.push(r);
    if (!flushTimer && !scanning) flushTimer = win.setTimeout(flush, mutationDelayMs);
  });
  const watched = { childList: true, characterData: true, subtree: true };
  observer.observe(root, watched);
  // Mutations inside shadow roots do not reach an observer of the document: watch each one too.
  scanner.onShadowRoot((shadow) => observer.observe(shadow, watched));

  const ready = (async () => {
    let deadline = 0;
    const steps = scanner.scanSteps(root, () => win.performance.now() < deadline, inView(doc, root));
    let done = false;
    while (!done && !stopped) {
      deadline = win.performance.now() + sliceMs;
      done = steps.next().done === true;
      if (!done) await yieldToPage(win);
    }
    scanning = false;
    // What changed during the first scan may not have been read by it: rescan that now.
    for (const r of observer.takeRecords()) pending.push(r);
    if (!stopped && pending.length) flushTimer = win.setTimeout(flush, 0);
  })();

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
