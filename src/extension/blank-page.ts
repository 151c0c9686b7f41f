/**
 * Whether a frame has anything to read yet. Most frames of a page are blank when the content script
 * arrives (ads and widgets still loading, `about:blank` frames a script will write into): such a
 * frame reads no settings and builds nothing until something is added to it.
 */

/** What a body may hold and still be blank: nothing here is ever read as prose. */
const NOTHING_TO_READ = new Set(['script', 'style', 'noscript', 'template', 'link', 'meta']);

/** True when the document's body holds no element worth reading, no text but white space, and no shadow root. */
function isBlank(doc: Document, shadowRootOf: (element: Element) => ShadowRoot | null): boolean {
  const body = doc.body;
  if (!body) return true;
  if (shadowRootOf(body)) return false;
  for (let node = body.firstChild; node; node = node.nextSibling) {
    if (node.nodeType === 1 ? !NOTHING_TO_READ.has((node as Element).localName) : node.nodeType === 3 && (node as Text).data.trim() !== '') {
      return false;
    }
  }
  return true;
}

/**
 * Calls `start` now if the document is not blank, else at the first change to it that leaves it not
 * blank (a body replaced or written into, text set).
 */
export function whenNotBlank(doc: Document, shadowRootOf: (element: Element) => ShadowRoot | null, start: () => void): void {
  const view = doc.defaultView;
  if (!view || !isBlank(doc, shadowRootOf)) {
    start();
    return;
  }
  const observer = new view.MutationObserver(() => {
    if (isBlank(doc, shadowRootOf)) return;
    observer.disconnect();
    start();
  });
  observer.observe(doc.documentElement, { childList: true, subtree: true, characterData: true });
}
