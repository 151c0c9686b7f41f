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

/** The figure each candidate that is a mention names; a candidate not in it is no mention. */
export type Resolution = Map<Candidate, number>;

/**
 * Which candidates are mentions, and of which figure. `blocks` must be in document order;
 * `cueFigures` holds the figures whose cues occur anywhere on the page (and `-1 - figure` for
 * contrary cues); `introduced`, the figures
 * named in full before the first block (when resolving only the end of a page): it gains those
 * named in full in `blocks`. The candidates are left as they are: the answer depends on the page,
 * and a candidate, made once per block, may be resolved again when the page changes.
 */
export function resolveMentions(
  blocks: Iterable<{ readonly candidates: readonly Candidate[] }>,
  cueFigures: ReadonlySet<number>,
  introduced = new Set<number>(),
): Resolution {
  const resolution: Resolution = new Map();
  for (const block of blocks) {
    for (const c of block.candidates) {
      let figure = -1;
      if (c.short) {
        for (const f of c.figures) {
          if (!introduced.has(f)) continue;
          if (figure !== -1) {
            figure = -1;
            break;
          }
          figure = f;
        }
      } else if (c.needsCue ? cueFigures.has(c.figures[0]!) : !(c.unlessContrary && cueFigures.has(-1 - c.figures[0]!))) {
        figure = c.figures[0]!;
        introduced.add(figure);
      }
      if (figure !== -1) resolution.set(c, figure);
    }
  }
  return resolution;
}
