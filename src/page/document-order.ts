/**
 * Document order, asked cheaply: where a block goes among those already read. The DOM's own
 * answer (compareDocumentPosition) is exact but costs a walk in Blink, so nearby nodes, the usual
 * case for content a page adds, are compared by walking a few siblings.
 */
import { DOCUMENT_FRAGMENT_NODE, DOCUMENT_NODE, TEXT_NODE } from './element-kinds';

/** How far back (in nodes) to look for a known block before an inserted one, before asking the DOM. */
const WALK_BACK_LIMIT = 4096;

/**
 * The record of the nearest text node before `node` in document order that has one; null when
 * there is none in the document; undefined when that is not known cheaply (too far back, or
 * past a shadow tree, whose blocks come before its host's light content).
 */
export function recordBefore<R>(node: Node, recordOf: ReadonlyMap<Text, R>, hosts: ReadonlySet<Element> | null): R | null | undefined {
  let steps = 0;
  let n: Node | null = node;
  for (;;) {
    if (n.previousSibling) {
      n = n.previousSibling;
      while (n.lastChild) n = n.lastChild;
    } else {
      n = n.parentNode;
      if (!n) return undefined;
      if (n.nodeType === DOCUMENT_NODE) return null;
      if (n.nodeType === DOCUMENT_FRAGMENT_NODE) return undefined;
    }
    if (n.nodeType === TEXT_NODE) {
      const record = recordOf.get(n as Text);
      if (record) return record;
    } else if (hosts?.has(n as Element)) return undefined;
    if (++steps > WALK_BACK_LIMIT) return undefined;
  }
}

/**
 * True when `later` comes after `earlier` in document order. compareDocumentPosition costs a walk
 * over the common parent's children in Blink, slow under a parent of thousands of paragraphs
 * (docs/PERFORMANCE.md), so nearby siblings, the usual case for appended content, are checked by walking back.
 */
export function follows(later: Node, earlier: Node): boolean {
  const ancestorsOfEarlier = new Set<Node>();
  for (let n: Node | null = earlier; n; n = n.parentNode) ancestorsOfEarlier.add(n);
  let branch: Node | null = later;
  while (branch && !ancestorsOfEarlier.has(branch.parentNode as Node)) branch = branch.parentNode;
  if (branch && branch.parentNode && !ancestorsOfEarlier.has(branch)) {
    let other: Node | null = earlier;
    while (other && other.parentNode !== branch.parentNode) other = other.parentNode;
    let steps = 0;
    for (let s = branch.previousSibling; s && steps < 64; s = s.previousSibling, steps++) if (s === other) return true;
    for (let s = branch.nextSibling, k = 0; s && k < 64; s = s.nextSibling, k++) if (s === other) return false;
  }
  // DOCUMENT_POSITION_FOLLOWING (4): `later` comes after `earlier`.
  return (earlier.compareDocumentPosition(later) & 4) !== 0;
}
