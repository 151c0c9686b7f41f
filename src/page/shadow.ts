/**
 * The shadow root of an element, closed roots included where a content script may read them.
 *
 * Firefox gives content scripts `element.openOrClosedShadowRoot`, as cheap as `shadowRoot`.
 * Chromium gives `chrome.dom.openOrClosedShadowRoot(element)`, but one call costs about 5 µs,
 * some 40 times `shadowRoot` (1.3 s over 300,000 elements), so it is asked only of custom
 * elements (a hyphen in the name), which is where pages put closed roots in practice: a closed
 * root on a plain `div` or `span` stays unread in Chromium. Anywhere else (the CLI, happy-dom)
 * only open roots are visible.
 */

export type ShadowRootReader = (element: Element) => ShadowRoot | null;

export interface ChromeDom {
  openOrClosedShadowRoot?: (element: Element) => ShadowRoot | null;
}

let chromeDom: ChromeDom | undefined;
let reader: ShadowRootReader | null = null;

/** The content script hands over Chromium's `chrome.dom`, an extension API this layer does not reach for itself. */
export function readClosedShadowRootsWith(dom: ChromeDom | undefined): void {
  chromeDom = dom;
  reader = null;
}

export function shadowRootOf(element: Element): ShadowRoot | null {
  reader ??= shadowRootReader(element, chromeDom);
  return reader(element);
}

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
