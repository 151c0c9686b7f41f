/**
 * The name in or nearest the element that has the keyboard focus: what Alt+Shift+O opens when
 * there is no caret (a link reached with Tab, a screen reader's focus). Kept apart from the caret
 * and selection rules in navigation.ts, which read text positions, not elements.
 */
import type { Marks } from './marks';
import type { Mention, PageScanner } from './scanner';

/**
 * The focused element, followed into open shadow roots (a page's web components), or null when
 * nothing but the page itself is focused. `isOurs` stops at our own card: focus there is not the page's.
 */
export function focusedElement(doc: Document, isOurs: (element: Element) => boolean): Element | null {
  let active: Element | null = doc.activeElement;
  if (!active || active === doc.body || active === doc.documentElement || isOurs(active)) return null;
  while (active.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/**
 * The first of `mentions` inside `element`; else, among the mentions inside the nearest ancestor
 * that holds any (the same paragraph before the next one), the one whose box is closest to the
 * element's on screen (ties: the earlier). `mentions` are the shown ones, in document order.
 */
export function mentionNearElement(element: Element, mentions: readonly Mention[], scanner: PageScanner, marks: Marks): Mention | null {
  const inside = scanner.firstMentionIn(element);
  if (inside && mentions.includes(inside)) return inside;
  const starts = mentions.map((mention) => marks.rangeOf(mention).startContainer);
  for (let scope: Node | null = element; scope; scope = scope.parentNode ?? (scope instanceof ShadowRoot ? scope.host : null)) {
    const within = mentions.filter((_, i) => scope!.contains(starts[i]!));
    if (within.length > 0) return scope === element ? within[0]! : closestOnScreen(element, within, marks);
  }
  return null;
}

function closestOnScreen(element: Element, mentions: readonly Mention[], marks: Marks): Mention | null {
  const box = element.getBoundingClientRect();
  let best: Mention | null = null;
  let bestDistance = Infinity;
  for (const mention of mentions) {
    const r = marks.rangeOf(mention).getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue; // not rendered (hidden, collapsed)
    const dx = Math.max(0, box.left - r.right, r.left - box.right);
    const dy = Math.max(0, box.top - r.bottom, r.top - box.bottom);
    const distance = Math.hypot(dx, dy);
    if (distance < bestDistance) {
      best = mention;
      bestDistance = distance;
    }
  }
  return best ?? mentions[0] ?? null;
}
