/**
 * The card in our one element on a page (`host-element.ts`): its shadow root holds the card, shown
 * in the top layer as a manual popover.
 *
 * The host enters the top layer with the first card and stays there, empty between cards:
 * entering it costs a style pass over the whole page, which on a large page is a visible delay
 * (docs/PERFORMANCE.md).
 * It enters again, to come out on top, only after the page has opened or closed something of its
 * own there (a popover, a dialog, full screen), which the page's toggle and fullscreenchange
 * events tell.
 *
 * Two layers take turns: the front one holds the card shown; in the back one, hidden, the next
 * card can be built and laid out ahead (`prepare`) while the pointer rests on a name, so that
 * when the dwell ends showing it costs a paint, not a build.
 */
import { autoUpdate, computePosition, flip, inline, limitShift, offset, shift, size } from '@floating-ui/dom';
import { h, render } from 'preact';
import type { Theme } from '../core/settings-model';
import { Card, type CardProps } from './Card';
import CARD_STYLES from './card.css';
import { appendHostElement, type HostElement } from './host-element';
import { LiveRegion } from './live-region';

/** Where the card points: a name's range on the page, and the pointer position that picked its line. */
export interface CardAnchor {
  range: Range;
  point?: { x: number; y: number } | undefined;
}

/**
 * Our element's own box, as `:host` rules marked !important in its shadow stylesheet: important
 * declarations of a shadow tree win over the page's, even the page's !important ones aimed at our
 * element. Not in the style attribute: `all` there would also pin letter and word spacing with
 * !important, which readers' own stylesheets must be able to change (WCAG 1.4.12; axe
 * avoid-inline-spacing).
 */
const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  position: 'fixed',
  inset: 'auto',
  top: '0',
  left: '0',
  width: '0',
  height: '0',
  margin: '0',
  padding: '0',
  border: '0',
  overflow: 'visible',
  background: 'transparent',
  display: 'block',
  'pointer-events': 'none',
};
const HOST_CSS = `:host { ${Object.entries(HOST_STYLE)
  .map(([name, value]) => `${name}: ${value} !important;`)
  .join(' ')} }\n`;

export class CardHost {
  readonly element: HTMLElement;
  #front: HTMLElement;
  #back: HTMLElement;
  readonly #live: LiveRegion;
  #stopAutoUpdate: (() => void) | null = null;
  #visible = false;
  #inTopLayer = false;
  /** Whether the page may have put something above us in the top layer since we entered it. */
  #maybeCovered = false;
  readonly #onTopLayerChange = (event: Event): void => {
    if (event.target !== this.element) this.#maybeCovered = true;
  };

  /** Fills `host` (the content script's), or a new host element of its own. */
  constructor(doc: Document, host: HostElement = appendHostElement(doc)) {
    const { element, shadow } = host;
    this.element = element;
    const style = doc.createElement('style');
    // Firefox applies the page's CSP to a <style> added by a content script unless its text was set
    // before insertion (bug 1706787); setting it empty first makes it use the extension's CSP.
    style.textContent = '';
    style.textContent = HOST_CSS + CARD_STYLES;
    shadow.append(style);
    this.#front = createLayer(doc);
    this.#back = createLayer(doc);
    this.#back.dataset.staged = '';
    this.#live = new LiveRegion(doc);
    shadow.append(this.#front, this.#back, this.#live.element);
    doc.addEventListener('toggle', this.#onTopLayerChange, { capture: true });
    doc.addEventListener('fullscreenchange', this.#onTopLayerChange, { capture: true });
  }

  /** Takes our element off the page, and our listeners with it. */
  remove(): void {
    this.hide();
    this.#live.dispose();
    render(null, this.#back);
    const doc = this.element.ownerDocument;
    doc.removeEventListener('toggle', this.#onTopLayerChange, { capture: true });
    doc.removeEventListener('fullscreenchange', this.#onTopLayerChange, { capture: true });
    this.element.remove();
  }

  /** 'system' follows the reader's `prefers-color-scheme`; 'light' and 'dark' force one. */
  setTheme(theme: Theme): void {
    for (const layer of [this.#front, this.#back]) {
      if (theme === 'system') delete layer.dataset.theme;
      else layer.dataset.theme = theme;
    }
  }

  get visible(): boolean {
    return this.#visible;
  }

  /** True when an event target is our card (events from the shadow tree are retargeted to the host). */
  contains(target: EventTarget | null): boolean {
    return target === this.element || (target instanceof Node && this.element.contains(target));
  }

  /**
   * Builds the card for `props` in the back layer, hidden, and places it at `anchor`: the work of
   * `show`, done while the reader waits for the dwell. `show` with the same figure then reveals it.
   */
  prepare(props: CardProps, anchor: CardAnchor): void {
    this.#enterTopLayer();
    renderCard(props, this.#back, true);
    const card = cardIn(this.#back);
    if (card) positionNear(card, anchor);
  }

  show(props: CardProps, anchor: CardAnchor, options: { focus?: boolean } = {}): void {
    this.#enterTopLayer();
    // The back layer may hold this very card, prepared: rendering it again only gives it its role.
    renderCard(props, this.#back, false);
    this.#stopAutoUpdate?.();
    this.#stopAutoUpdate = null;
    render(null, this.#front);
    [this.#front, this.#back] = [this.#back, this.#front];
    delete this.#front.dataset.staged;
    this.#back.dataset.staged = '';
    this.#visible = true;
    this.#place(anchor);
    if (options.focus) this.cardElement?.focus({ preventScroll: true });
  }

  /** Says `text` politely to screen readers (see LiveRegion). */
  announce(text: string, lang: string): void {
    this.#live.say(text, lang);
  }

  /** Re-renders the open card with new props, keeping its place. */
  update(props: CardProps): void {
    if (this.#visible) renderCard(props, this.#front, false);
  }

  hide(): void {
    this.#stopAutoUpdate?.();
    this.#stopAutoUpdate = null;
    render(null, this.#front);
    this.#visible = false;
  }

  #enterTopLayer(): void {
    if (!this.element.isConnected) this.element.ownerDocument.documentElement.append(this.element);
    if (!this.#inTopLayer || this.#maybeCovered || !isOpenPopover(this.element)) {
      if (this.#inTopLayer) hidePopover(this.element);
      showPopover(this.element);
      this.#inTopLayer = true;
      this.#maybeCovered = false;
    }
  }

  /** The card's root element while it is shown. */
  get cardElement(): HTMLElement | null {
    return this.#visible ? cardIn(this.#front) : null;
  }

  #place(anchor: CardAnchor): void {
    const card = this.cardElement;
    if (!card) return;
    const reference = referenceFor(anchor.range);
    const update = (): void => positionNear(card, anchor, reference);
    // autoUpdate would walk every ancestor of the name to listen to each scroll container: seconds on
    // a page nested thousands deep. Scroll events reach the document in the capture phase wherever
    // they start, so one listener there (and one for resizes) does the same job at any depth.
    const stopObservers = autoUpdate(reference, card, update, { ancestorScroll: false, ancestorResize: false, animationFrame: false });
    const doc = card.ownerDocument;
    const win = doc.defaultView;
    let frame = 0;
    const schedule = (): void => {
      if (!frame) frame = win?.requestAnimationFrame(() => ((frame = 0), update())) ?? 0;
    };
    doc.addEventListener('scroll', schedule, { capture: true, passive: true });
    win?.addEventListener('resize', schedule, { passive: true });
    this.#stopAutoUpdate = () => {
      stopObservers();
      doc.removeEventListener('scroll', schedule, { capture: true });
      win?.removeEventListener('resize', schedule);
      if (frame) win?.cancelAnimationFrame(frame);
    };
  }
}

function createLayer(doc: Document): HTMLElement {
  const layer = doc.createElement('div');
  layer.className = 'layer';
  layer.style.setProperty('pointer-events', 'auto');
  return layer;
}

/** A new figure gets a new card (its key): nothing of the last one, such as an unfolded section, carries over. */
function renderCard(props: CardProps, layer: HTMLElement, staged: boolean): void {
  render(h(Card, { ...props, staged, key: props.figure.id }), layer);
}

function cardIn(layer: HTMLElement): HTMLElement | null {
  return layer.firstElementChild as HTMLElement | null;
}

/** The name's range as floating-ui's reference. */
function referenceFor(range: Range) {
  return {
    getBoundingClientRect: () => range.getBoundingClientRect(),
    getClientRects: () => range.getClientRects(),
    contextElement: range.startContainer.parentElement ?? undefined,
  };
}

/**
 * Places the card below the name (above when there is no room), inside the window. When neither
 * side has room (a short window, 400 % zoom) it is shifted along the vertical too, over the name if
 * need be: the card's top, with its name, Pin and Close, must stay on screen.
 */
function positionNear(card: HTMLElement, anchor: CardAnchor, reference = referenceFor(anchor.range)): void {
  card.style.position = 'fixed';
  const root = card.ownerDocument.documentElement;
  // 100vw in the stylesheet counts a classic scrollbar as room (Firefox, narrow windows): cap by what is visible.
  card.style.maxWidth = `${Math.max(200, root.clientWidth - 16)}px`;
  // The stylesheet's cap (40em) follows the reader's font size; the window's height caps it too.
  const em = parseFloat(card.ownerDocument.defaultView?.getComputedStyle(card).fontSize ?? '') || 14;
  const tallest = Math.min(40 * em, root.clientHeight - 16);
  void computePosition(reference, card, {
    strategy: 'fixed',
    placement: 'bottom-start',
    middleware: [
      inline(anchor.point),
      offset(6),
      flip({ padding: 8 }),
      size({
        padding: 8,
        apply({ availableHeight, elements }) {
          elements.floating.style.maxHeight = `${Math.max(Math.min(160, tallest), Math.min(tallest, availableHeight))}px`;
        },
      }),
      shift({ padding: 8 }),
      // After size, and only up and down: a card still too tall for its side (under 160 px of room) is
      // moved over the name to stay on screen, but never further than its name (which it follows off
      // screen when the page scrolls).
      shift({ padding: 8, mainAxis: false, crossAxis: true, limiter: limitShift({ mainAxis: false, crossAxis: true }) }),
    ],
  }).then(({ x, y }) => {
    card.style.left = `${x}px`;
    card.style.top = `${y}px`;
  });
}

function showPopover(element: HTMLElement): void {
  const withPopover = element as HTMLElement & { showPopover?: () => void };
  try {
    withPopover.showPopover?.();
  } catch {
    // Already open, or popovers unsupported: the fixed layer with the highest z-index still shows.
  }
}

/** False when the page took our host out of the top layer (moved or removed it, or closed popovers). */
function isOpenPopover(element: HTMLElement): boolean {
  try {
    return element.matches(':popover-open');
  } catch {
    return true; // no popovers here: the fixed layer is all there is
  }
}

function hidePopover(element: HTMLElement): void {
  const withPopover = element as HTMLElement & { hidePopover?: () => void };
  try {
    withPopover.hidePopover?.();
  } catch {
    // Not open.
  }
}
