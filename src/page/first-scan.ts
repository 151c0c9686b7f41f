/**
 * The first scan of a page, in slices: reads the blocks under a root into records, pausing when
 * the slice budget says so, and shows what it found so far now and then. Given where the reader
 * is looking, it reads from there to the end first, then the start of the page up to it.
 */
import type { BlockCursor, CursorRange } from './blocks';
import type { BlockRecord } from './mention-index';
import { readBlocks, type BlockReader, type SliceBudget } from './read-blocks';
import { PUBLISH_EVERY_MS } from './timing';

/** What the first scan reads with and into (the scanner). */
export interface FirstScanTarget extends BlockReader {
  cursor(range: CursorRange): BlockCursor;
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
