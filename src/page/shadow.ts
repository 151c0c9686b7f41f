/**
 * The shadow root of an element, closed roots included where a content script may read them.
 *
 * Firefox gives content scripts `element.openOrClosedShadowRoot`, as cheap as `shadowRoot`.
 * Chromium gives `chrome.dom.openOrClosedShadowRoot(element)`, but one call costs dozens of times
 * what `shadowRoot` does (docs/PERFORMANCE.md), far too much to ask of every element, so it is
 * asked only of custom elements (a hyphen in the name), which is where pages put closed roots in practice: a closed
 * root on a plain `div` or `span` stays unread in Chromium. Anywhere else (the CLI, happy-dom)
 * only open roots are visible.
 *
 * The extension layer picks the reader (it alone may reach for `chrome.dom`) and hands it to the
 * scanner; nothing here is configured globally.
 */

export type ShadowRootReader = (element: Element) => ShadowRoot | null;

export interface ChromeDom {
  openOrClosedShadowRoot?: (element: Element) => ShadowRoot | null;
}

/** Reads open shadow roots only: what any DOM gives (the CLI, tests, a page's own scripts). */
export const openShadowRoots: ShadowRootReader = (element) => element.shadowRoot;

/** Picks how to read shadow roots in this environment, from one of its elements. */
export function shadowRootReader(sample: Element, chromeDom: ChromeDom | undefined): ShadowRootReader {
  if ('openOrClosedShadowRoot' in sample) {
    return (element) => (element as Element & { openOrClosedShadowRoot: ShadowRoot | null }).openOrClosedShadowRoot;
  }
  const readClosed = chromeDom?.openOrClosedShadowRoot;
  if (typeof readClosed === 'function') {
    return (element) => element.shadowRoot ?? (element.localName.includes('-') ? readChromeClosed(readClosed, chromeDom!, element) : null);
  }
  return (element) => element.shadowRoot;
}

function readChromeClosed(read: NonNullable<ChromeDom['openOrClosedShadowRoot']>, dom: ChromeDom, element: Element): ShadowRoot | null {
  try {
    return read.call(dom, element);
  } catch {
    return null; // it takes HTML elements only; a hyphenated name in another namespace is refused
  }
}
