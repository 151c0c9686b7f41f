/**
 * Reads a cursor's blocks into records in slices: the loop the first scan and the rescans share.
 * The blocks the prefilter lets through wait, and are matched together before a publish and at the
 * end, not one at a time between the blocks read: on a fresh page that takes clearly less time,
 * measured if not explained (docs/PERFORMANCE.md).
 */
import type { BlockMatches, Matcher } from '../core/matcher';
import type { BlockCursor, TextBlock } from './blocks';
import type { BlockRecord } from './mention-index';
import { BUDGET_CHECK_CHARS, MATCHED_PER_BUDGET_CHECK } from './timing';

/** Returns true while the current slice may go on. */
export type SliceBudget = () => boolean;

/** A budget that never runs out: for the one-go versions of sliced work (the CLI and tests). */
export const NO_PAUSE: SliceBudget = () => true;

/** Runs sliced steps to their end without pausing, and returns what they return. */
export function inOneGo<T>(steps: Generator<void, T, undefined>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** What blocks are read with (the scanner). */
export interface BlockReader {
  readonly matcher: Matcher;
  /** What a block's text names (candidates or cues), or null when nothing; read from `from` (see `Matcher.matchStart`). */
  namesIn(text: string, from: number): BlockMatches | null;
}

/**
 * Reads the cursor's blocks into records (`keep`), pausing when `budget` says so, and at a pause
 * calling `publish` when `publishDue`.
 */
export function* readBlocks(
  target: BlockReader,
  cursor: BlockCursor,
  budget: SliceBudget,
  publishDue: () => boolean,
  publish: () => void,
  keep: (record: BlockRecord) => void,
): Generator<void, void, undefined> {
  const waiting: Waiting = { blocks: [], starts: [] };
  let read = 0;
  while (cursor.next()) {
    if (target.matcher.mayMatch(cursor.parts, cursor.count)) {
      waiting.blocks.push(cursor.take());
      waiting.starts.push(target.matcher.matchStart(cursor.parts));
    }
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

/** Blocks the prefilter let through, and where in each the full match starts reading. */
interface Waiting {
  readonly blocks: TextBlock[];
  readonly starts: number[];
}

/** Matches the blocks waiting, in order, into records (`keep`), pausing when `budget` says so. */
function* matchWaiting(target: BlockReader, waiting: Waiting, budget: SliceBudget, keep: (record: BlockRecord) => void): Generator<void, void, undefined> {
  const { blocks, starts } = waiting;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    const matches = target.namesIn(block.text, starts[i]!);
    if (matches) keep({ block, matches });
    if (i % MATCHED_PER_BUDGET_CHECK === MATCHED_PER_BUDGET_CHECK - 1 && !budget()) yield;
  }
  blocks.length = 0;
  starts.length = 0;
}
