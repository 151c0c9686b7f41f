/** Keyboard paths to mentions: the next or previous one on the page, the one at the caret or selection. */
import type { Marks } from './marks';
import type { Mention, PageScanner } from './scanner';

/**
 * The mention after (step 1) or before (step -1) the open one; with none open, the first one
 * below the top of the viewport (or the last one above it).
 */
export function stepMention(mentions: readonly Mention[], current: Mention | null, step: 1 | -1, marks: Marks): Mention | null {
  if (mentions.length === 0) return null;
  let index = current ? mentions.findIndex((m) => m.candidate === current.candidate) : -1;
  if (index === -1) {
    const firstVisible = mentions.findIndex((m) => marks.rangeOf(m).getBoundingClientRect().bottom > 0);
    const anchor = firstVisible === -1 ? mentions.length : firstVisible;
    return step === 1 ? (mentions[anchor] ?? mentions[0]!) : (mentions[anchor - 1] ?? mentions[mentions.length - 1]!);
  }
  index = (index + step + mentions.length) % mentions.length;
  return mentions[index]!;
}

/** The mention at the caret, or the first one the selection touches. */
export function mentionAtSelection(selection: Selection | null, scanner: PageScanner, marks: Marks): Mention | null {
  if (!selection || selection.rangeCount === 0) return null;
  const range = selection.getRangeAt(0);
  const atCaret = scanner.mentionAt(range.startContainer, range.startOffset);
  if (atCaret) return atCaret;
  for (const mention of scanner.mentions()) {
    const r = marks.rangeOf(mention);
    // Overlap: the mention starts before the selection ends and ends after the selection starts.
    const startsBeforeEnd =
      range.comparePoint(r.startContainer, r.startOffset) <= 0 || (r.startContainer === range.endContainer && r.startOffset < range.endOffset);
    if (
      startsBeforeEnd &&
      range.comparePoint(r.endContainer, r.endOffset) >= 0 &&
      !(r.endContainer === range.startContainer && r.endOffset === range.startOffset)
    )
      return mention;
  }
  return null;
}
