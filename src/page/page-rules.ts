/**
 * The page-level rules over a changing page, resolved again only where meaning may have changed:
 * how often each figure's cues occur, which figures earlier records named in full, and the first
 * record changed since the last resolution.
 */
import { resolveMentions, type Resolution } from '../core/resolve';
import type { Candidate } from '../core/matcher';
import type { BlockRecord } from './mention-index';

export class PageRulesCache {
  /**
   * The rules run again only from the first record that changed since the last resolution
   * (records before it keep their meaning), or from the start when a figure's cue appears on, or
   * leaves, the page. Appending costs what was appended.
   */
  #dirtyFrom = 0;
  /**
   * The figures named in full in the first `#introducedUpTo` records, kept between resolutions: a
   * record before `#dirtyFrom` keeps its meaning, so appending does not read the page's records again.
   */
  readonly #introduced = new Set<number>();
  #introducedUpTo = 0;
  /** How many times each figure's cues occur on the page. */
  readonly #cueCounts = new Map<number, number>();
  #cuesChanged = false;

  /** The record at `index` (and so every later one) is new, gone or moved. */
  changedAt(index: number): void {
    if (index < this.#dirtyFrom) this.#dirtyFrom = index;
  }

  /** Counts the cues of a record that came (`1`) or went (`-1`). */
  countCues(record: BlockRecord, delta: 1 | -1): void {
    for (const figure of record.matches.cues) {
      const count = (this.#cueCounts.get(figure) ?? 0) + delta;
      if (count === 0) this.#cueCounts.delete(figure);
      else this.#cueCounts.set(figure, count);
      if (count === 0 || (delta === 1 && count === 1)) this.#cuesChanged = true;
    }
  }

  /**
   * Resolves the records whose meaning may have changed: those from the returned `from` on.
   * `figureOf` tells what a candidate before `from` was last resolved to.
   */
  resolve(records: readonly BlockRecord[], figureOf: (candidate: Candidate) => number | undefined): { from: number; resolution: Resolution } {
    const from = this.#cuesChanged ? 0 : Math.min(this.#dirtyFrom, records.length);
    this.#cuesChanged = false;
    this.#dirtyFrom = records.length;
    // The figures introduced (named in full) before `from`: what the records from there on start with.
    if (from < this.#introducedUpTo) {
      this.#introduced.clear();
      this.#introducedUpTo = 0;
    }
    for (let i = this.#introducedUpTo; i < from; i++) {
      for (const candidate of records[i]!.matches.candidates) {
        if (candidate.short) continue;
        const figure = figureOf(candidate);
        if (figure !== undefined) this.#introduced.add(figure);
      }
    }
    this.#introducedUpTo = from;
    const resolution = resolveMentions(
      records.slice(from).map((r) => r.matches),
      new Set(this.#cueCounts.keys()),
      new Set(this.#introduced),
    );
    return { from, resolution };
  }
}
