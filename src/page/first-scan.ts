/**
 * The first scan of a page, in slices: reads the blocks under a root into records, pausing when
 * the slice budget says so, and shows what it found so far now and then. Given where the reader
 * is looking, it reads from there to the end first, then the start of the page up to it.
 */
import type { BlockMatches, Matcher } from '../core/matcher';
import type { BlockCursor, CursorRange, TextBlock } from './blocks';
import { BUDGET_CHECK_CHARS, MATCHED_PER_BUDGET_CHECK, PUBLISH_EVERY_MS } from './timing';
import type { BlockRecord } from './mention-index';

/** Returns true while the current slice may go on. */
export type SliceBudget = () => boolean;

/** What the first scan reads with and into (the scanner). */
export interface FirstScanTarget {
  readonly matcher: Matcher;
  cursor(range: CursorRange): BlockCursor;
  /** What a block's text names (candidates or cues), or null when nothing. */
  namesIn(text: string): BlockMatches | null;
  /** Whether the block starting at `first` was read already. */
  has(first: Text): boolean;
  /** Files a record (it joins the order with `append` or `insert`). */
  track(record: BlockRecord): void;
  append(record: BlockRecord): void;
  insert(at: number, records: readonly BlockRecord[]): void;
  /** Applies the page rules and tells the listeners what changed. */
  publish(): void;
}

export function* firstScanSteps(target: FirstScanTarget, budget: SliceBudget, from: Element | null): Generator<void, void, undefined> {
  // Applying the page rules costs a pass over the whole page: at the first pause (what the first
  // slice found, the part in view), then a few times a second (so names show up as the scan goes),
  // not after every slice.
  let lastPublish = -Infinity;
  const publishDue = (): boolean => performance.now() - lastPublish > PUBLISH_EVERY_MS;
  const publish = (): void => {
    target.publish();
    lastPublish = performance.now();
  };
  const range: CursorRange = from ? { kind: 'from', start: from } : { kind: 'all' };
  const append = (record: BlockRecord): void => {
    target.track(record);
    target.append(record);
  };
  yield* readBlocks(target, target.cursor(range), budget, publishDue, publish, append);
  if (from) {
    // The start of the page: its records go before all the others, in order.
    let before: BlockRecord[] = [];
    let at = 0;
    const insert = (): void => {
      if (before.length === 0) return;
      target.insert(at, before);
      at += before.length;
      before = [];
    };
    const keep = (record: BlockRecord): void => {
      // (Had `from` left the page meanwhile, this pass would go on past where the first began.)
      if (target.has(record.block.nodes[0]!)) return;
      before.push(record);
      target.track(record);
    };
    // (Merged into the records only when they are published: merging copies them all.)
    const insertAndPublish = (): void => {
      insert();
      publish();
    };
    yield* readBlocks(target, target.cursor({ kind: 'until', end: from }), budget, publishDue, insertAndPublish, keep);
    insert();
  }
  target.publish();
}

/**
 * Reads the cursor's blocks into records (`keep`), pausing when `budget` says so, and at a pause
 * calling `publish` when `publishDue`. The blocks the prefilter lets through wait, and are matched
 * together before a publish and at the end, not one at a time between the blocks read: on a fresh
 * page that takes clearly less time, measured if not explained (docs/PERFORMANCE.md).
 */
function* readBlocks(
  target: FirstScanTarget,
  cursor: BlockCursor,
  budget: SliceBudget,
  publishDue: () => boolean,
  publish: () => void,
  keep: (record: BlockRecord) => void,
): Generator<void, void, undefined> {
  const waiting: TextBlock[] = [];
  let read = 0;
  while (cursor.next()) {
    if (target.matcher.mayMatch(cursor.parts, cursor.count)) waiting.push(cursor.take());
    // A block costs about 32 characters' worth beyond its text (the walk's calls into the DOM).
    read += cursor.length + cursor.stepped + 32;
    if (read < BUDGET_CHECK_CHARS) continue;
    read = 0;
    if (!budget()) {
      if (publishDue()) {
        yield* matchWaiting(target, waiting, budget, keep);
        publish();
      }
      yield;
    }
  }
  yield* matchWaiting(target, waiting, budget, keep);
}

/** Matches the blocks waiting, in order, into records (`keep`), pausing when `budget` says so. */
function* matchWaiting(
  target: FirstScanTarget,
  waiting: TextBlock[],
  budget: SliceBudget,
  keep: (record: BlockRecord) => void,
): Generator<void, void, undefined> {
  for (let i = 0; i < waiting.length; i++) {
    const block = waiting[i]!;
    const matches = target.namesIn(block.text);
    if (matches) keep({ block, matches });
    if (i % MATCHED_PER_BUDGET_CHECK === MATCHED_PER_BUDGET_CHECK - 1 && !budget()) yield;
  }
  waiting.length = 0;
}
