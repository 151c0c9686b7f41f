/** Which mention, if any, is under a point of the viewport. */
import type { Marks } from './marks';
import type { Mention, PageScanner } from './scanner';

interface CaretPosition {
  offsetNode: Node;
  offset: number;
}

/** How far (in CSS pixels) outside a name's box the pointer still counts as on it. */
const SLOP = 1;

function caretAt(doc: Document, x: number, y: number, shadowRoots: readonly ShadowRoot[] = []): CaretPosition | null {
  const withPosition = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number, options?: { shadowRoots: ShadowRoot[] }) => CaretPosition | null;
  };
  if (typeof withPosition.caretPositionFromPoint === 'function') {
    // Without the shadow roots listed, the caret stops at their host and names inside are missed.
    const position = shadowRoots.length
      ? withPosition.caretPositionFromPoint(x, y, { shadowRoots: [...shadowRoots] })
      : withPosition.caretPositionFromPoint(x, y);
    return position ? { offsetNode: position.offsetNode, offset: position.offset } : null;
  }
  const withRange = doc as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null };
  const range = withRange.caretRangeFromPoint?.(x, y);
  return range ? { offsetNode: range.startContainer, offset: range.startOffset } : null;
}

export function mentionAtPoint(doc: Document, scanner: PageScanner, marks: Marks, x: number, y: number): Mention | null {
  const caret = caretAt(doc, x, y, [...scanner.shadowRoots]);
  if (!caret) return null;
  const mention = scanner.mentionAt(caret.offsetNode, caret.offset);
  if (!mention) return null;
  // The caret is the nearest insertion point, also past the end of a line: require the point inside the name's boxes.
  for (const rect of marks.rangeOf(mention).getClientRects()) {
    if (x >= rect.left - SLOP && x <= rect.right + SLOP && y >= rect.top - SLOP && y <= rect.bottom + SLOP) return mention;
  }
  return null;
}
