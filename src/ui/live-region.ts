/**
 * A polite live region in our shadow root: tells screen readers that a card opened (and, for the
 * next/previous commands, where it is among the page's names) without moving their focus. It lives
 * beside the card layers, in our host, and writes nothing into the page.
 */

/** Long enough for screen readers to see the region empty, then filled, and speak the same text twice. */
const SETTLE_MS = 50;

export class LiveRegion {
  readonly element: HTMLElement;
  #timer = 0;

  constructor(doc: Document) {
    this.element = doc.createElement('div');
    this.element.className = 'live';
    this.element.setAttribute('role', 'status');
    this.element.setAttribute('aria-live', 'polite');
    this.element.setAttribute('aria-atomic', 'true');
  }

  /** Announces `text` once; a new announcement replaces one not yet made. */
  say(text: string, lang: string): void {
    const win = this.element.ownerDocument.defaultView;
    if (this.#timer) win?.clearTimeout(this.#timer);
    this.element.textContent = '';
    this.element.lang = lang;
    this.#timer =
      win?.setTimeout(() => {
        this.#timer = 0;
        this.element.textContent = text;
      }, SETTLE_MS) ?? 0;
  }

  dispose(): void {
    if (this.#timer) this.element.ownerDocument.defaultView?.clearTimeout(this.#timer);
    this.#timer = 0;
  }
}
