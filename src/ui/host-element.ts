/**
 * Our one element on a page, bare: `<context-cards-host>` with an open shadow root, appended to the
 * document element as a closed manual popover (so it takes no room and the page lays out as
 * before). Made by the content script when the first scan ends (it carries the mention count);
 * the card code, loaded later into the frames that name someone, fills it (`CardHost`).
 */
const HOST_TAG = 'context-cards-host';

export interface HostElement {
  readonly element: HTMLElement;
  readonly shadow: ShadowRoot;
}

export function appendHostElement(doc: Document): HostElement {
  const host = createHost(doc);
  host.element.setAttribute('popover', 'manual');
  doc.documentElement.append(host.element);
  return host;
}

/** A page may have defined a custom element of the same name that takes the shadow root for itself: then we use a name of our own it cannot know. */
function createHost(doc: Document): HostElement {
  for (const tag of [HOST_TAG, `${HOST_TAG}-${Math.random().toString(36).slice(2, 10)}`]) {
    const element = doc.createElement(tag);
    try {
      return { element, shadow: element.attachShadow({ mode: 'open' }) };
    } catch {
      // Taken by the page: try the next name.
    }
  }
  throw new Error('Context Cards: could not create its card host');
}
