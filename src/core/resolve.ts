/**
 * Page-level rules: which candidates are mentions, given everything on the page.
 * - A candidate that needs a cue counts only where one of its figure's cues is on the page.
 * - A candidate that counts unless the page shows its other meaning (the band Interpol, CCP for a
 *   critical control point) does not count where one of its figure's contrary cues is on the page:
 *   the other meaning is the more specific evidence, so it wins over the figure's own cues.
 * - A short form counts only after a full name of its figure has been accepted earlier on the page,
 *   and not when two figures on the page claim it.
 */
import type { Candidate } from './matcher';

/**
 * Sets `resolved` on every candidate. `blocks` must be in document order; `cueFigures` holds
 * the figures whose cues occur anywhere on the page (and `-1 - figure` for contrary cues); `introduced`, the figures named in full
 * before the first block (when resolving only the end of a page). Returns the number of mentions.
 */
export function resolveMentions(
  blocks: Iterable<{ readonly candidates: readonly Candidate[] }>,
  cueFigures: ReadonlySet<number>,
  introduced = new Set<number>(),
): number {
  let count = 0;
  for (const block of blocks) {
    for (const c of block.candidates) {
      c.resolved = -1;
      if (c.short) {
        let only = -1;
        for (const f of c.figures) {
          if (!introduced.has(f)) continue;
          if (only !== -1) {
            only = -1;
            break;
          }
          only = f;
        }
        c.resolved = only;
      } else if (c.needsCue ? cueFigures.has(c.figures[0]!) : !(c.unlessContrary && cueFigures.has(-1 - c.figures[0]!))) {
        c.resolved = c.figures[0]!;
        introduced.add(c.resolved);
      }
      if (c.resolved !== -1) count++;
    }
  }
  return count;
}
