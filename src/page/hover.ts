/**
 * When a card opens and closes. Hover intent: a card opens when the pointer rests on a name for a
 * moment (not while it sweeps across text), stays while the pointer travels into it, and closes
 * when the pointer has left both for a grace period. A click on a name pins its card; keyboard
 * focus on a link that holds a name opens its card too; on touch screens a tap opens the card
 * (inside a link the first tap opens the card, a second tap follows the link). Esc closes.
 */
import type { Mention } from './scanner';

export interface HoverIntentOptions {
  /** How long the pointer must rest on a name before its card opens. */
  dwellMs: number;
  /** How long the card stays after the pointer leaves the name and the card. */
  graceMs: number;
}

export type OpenReason = 'hover' | 'click' | 'focus' | 'tap' | 'command';

export interface HoverIntentCallbacks {
  /** Mention under a viewport point, or null. */
  mentionAt(x: number, y: number): Mention | null;
  /** First mention inside an element (a focused link), or null. */
  mentionIn(element: Element): Mention | null;
  /** True for event targets inside our card. */
  isCard(target: EventTarget | null): boolean;
  /**
   * The pointer or the focus has come to rest on a name: its card opens if it stays until the dwell
   * ends. Called in a task of its own soon after the dwell starts, so that the card can be built
   * while the reader waits, and `open` only has to show it.
   */
  prepare(mention: Mention, how: { point?: { x: number; y: number } | undefined }): void;
  open(mention: Mention, how: { reason: OpenReason; point?: { x: number; y: number } | undefined; pinned: boolean }): void;
  /** The open card's pin state changed (a click on its name). */
  pinned(pinned: boolean): void;
  close(how: { restoreFocus: boolean }): void;
}

export const DEFAULT_HOVER: HoverIntentOptions = { dwellMs: 150, graceMs: 300 };

/** Pointer speed (CSS px per ms) above which the reader is sweeping, not resting. */
const SWEEP_SPEED = 0.6;
/** Movement (px) that turns a touch into a scroll rather than a tap. */
const TAP_SLOP = 10;

export class HoverIntent {
  readonly #win: Window;
  readonly #callbacks: HoverIntentCallbacks;
  #options: HoverIntentOptions;
  #open: Mention | null = null;
  #pinned = false;
  #openedBy: OpenReason | null = null;
  #pending: Mention | null = null;
  #dwellTimer = 0;
  #prepareTimer = 0;
  #graceTimer = 0;
  #frame = 0;
  #lastX = 0;
  #lastY = 0;
  #lastMoveTime = 0;
  /** Whether a mouse or pen pointer rests on the page (it moved here and has not left). */
  #pointerInside = false;
  #overCard = false;
  #touchStart: { x: number; y: number; id: number } | null = null;
  /**
   * A tap opened a card: the click the tap causes is not a second click on the name (which would
   * unpin the card), and inside a link it is swallowed. `link` is that link, or null.
   */
  #tapClick: { link: Element | null } | null = null;
  #focusBeforeOpen: Element | null = null;

  constructor(win: Window, callbacks: HoverIntentCallbacks, options: HoverIntentOptions = DEFAULT_HOVER) {
    this.#win = win;
    this.#callbacks = callbacks;
    this.#options = options;
    const doc = win.document;
    doc.addEventListener('pointermove', this.#onPointerMove, { capture: true, passive: true });
    doc.addEventListener('pointerdown', this.#onPointerDown, { capture: true, passive: true });
    doc.addEventListener('pointerup', this.#onPointerUp, { capture: true, passive: true });
    doc.addEventListener('pointercancel', this.#onPointerCancel, { capture: true, passive: true });
    doc.addEventListener('pointerout', this.#onPointerOut, { capture: true, passive: true });
    doc.addEventListener('click', this.#onClick, { capture: true });
    doc.addEventListener('keydown', this.#onKeyDown, { capture: true });
    doc.addEventListener('focusin', this.#onFocusIn, { capture: true });
    doc.addEventListener('focusout', this.#onFocusOut, { capture: true });
    win.addEventListener('blur', this.#onWindowBlur);
  }

  setOptions(options: HoverIntentOptions): void {
    this.#options = options;
  }

  get openMention(): Mention | null {
    return this.#open;
  }

  get isPinned(): boolean {
    return this.#pinned;
  }

  /** Opens a card now (keyboard commands, the toolbar popup), pinned, with focus moved into it. */
  openNow(mention: Mention, reason: OpenReason): void {
    this.#clearTimers();
    const active = this.#win.document.activeElement;
    // From card to card (next, next…) focus stays where it was before the first: Esc returns there.
    if (!this.#open || !this.#callbacks.isCard(active)) this.#focusBeforeOpen = active;
    this.#show(mention, reason, true);
  }

  /** Pins or unpins the open card (its pin button). */
  setPinned(pinned: boolean): void {
    if (!this.#open) return;
    this.#pinned = pinned;
    this.#callbacks.pinned(pinned);
  }

  /** Closes the open card (its close button, Esc inside it). */
  close(): void {
    if (this.#open) this.#close(true);
  }

  /**
   * The page's mentions changed (text arrived, a single-page app swapped its story): look again
   * at what lies under a pointer resting on the page, as if it had moved.
   */
  recheck(): void {
    if (!this.#pointerInside || this.#overCard || this.#frame) return;
    this.#frame = this.#win.requestAnimationFrame(this.#evaluate);
  }

  dispose(): void {
    const doc = this.#win.document;
    doc.removeEventListener('pointermove', this.#onPointerMove, { capture: true });
    doc.removeEventListener('pointerdown', this.#onPointerDown, { capture: true });
    doc.removeEventListener('pointerup', this.#onPointerUp, { capture: true });
    doc.removeEventListener('pointercancel', this.#onPointerCancel, { capture: true });
    doc.removeEventListener('pointerout', this.#onPointerOut, { capture: true });
    doc.removeEventListener('click', this.#onClick, { capture: true });
    doc.removeEventListener('keydown', this.#onKeyDown, { capture: true });
    doc.removeEventListener('focusin', this.#onFocusIn, { capture: true });
    doc.removeEventListener('focusout', this.#onFocusOut, { capture: true });
    this.#win.removeEventListener('blur', this.#onWindowBlur);
    this.#clearTimers();
    if (this.#frame) this.#win.cancelAnimationFrame(this.#frame);
  }

  readonly #onPointerMove = (event: PointerEvent): void => {
    if (event.pointerType === 'touch') return;
    this.#pointerInside = true;
    if (this.#callbacks.isCard(event.target)) {
      this.#overCard = true;
      this.#cancelGrace();
      this.#cancelDwell();
      return;
    }
    if (this.#overCard) {
      this.#overCard = false;
      if (this.#open && !this.#pinned) this.#startGrace();
    }
    const now = event.timeStamp;
    const elapsed = Math.max(1, now - this.#lastMoveTime);
    const speed = Math.hypot(event.clientX - this.#lastX, event.clientY - this.#lastY) / elapsed;
    this.#lastX = event.clientX;
    this.#lastY = event.clientY;
    this.#lastMoveTime = now;
    if (speed > SWEEP_SPEED && this.#lastMoveTime !== 0) {
      // Sweeping across text: restart the dwell when the pointer slows down.
      this.#pending = null;
      this.#cancelDwell();
    }
    if (!this.#frame) this.#frame = this.#win.requestAnimationFrame(this.#evaluate);
  };

  readonly #evaluate = (): void => {
    this.#frame = 0;
    const mention = this.#callbacks.mentionAt(this.#lastX, this.#lastY);
    if (mention && this.#open && sameMention(mention, this.#open)) {
      this.#cancelGrace();
      this.#cancelDwell();
      this.#pending = null;
      return;
    }
    if (mention) {
      if (this.#pinned) return; // a pinned card stays until closed or replaced by a click
      if (!this.#pending || !sameMention(mention, this.#pending)) this.#startDwell(mention, this.#onDwell, { x: this.#lastX, y: this.#lastY });
      return;
    }
    this.#pending = null;
    this.#cancelDwell();
    if (this.#open && !this.#overCard && !this.#pinned && this.#openedBy === 'hover') this.#startGrace();
  };

  readonly #onDwell = (): void => {
    this.#dwellTimer = 0;
    const mention = this.#pending;
    this.#pending = null;
    if (!mention) return;
    this.#focusBeforeOpen = null;
    this.#show(mention, 'hover', false, { x: this.#lastX, y: this.#lastY });
  };

  readonly #onPointerDown = (event: PointerEvent): void => {
    this.#tapClick = null; // a new press: the click of an earlier tap is not coming (the page may have cancelled it)
    if (event.pointerType === 'touch') {
      this.#touchStart = { x: event.clientX, y: event.clientY, id: event.pointerId };
    }
    if (!this.#open || this.#callbacks.isCard(event.target)) return;
    const mention = this.#callbacks.mentionAt(event.clientX, event.clientY);
    if (!mention || !sameMention(mention, this.#open)) this.#close(false);
  };

  readonly #onPointerUp = (event: PointerEvent): void => {
    if (event.pointerType !== 'touch') return;
    const start = this.#touchStart;
    this.#touchStart = null;
    if (!start || start.id !== event.pointerId) return;
    if (Math.hypot(event.clientX - start.x, event.clientY - start.y) > TAP_SLOP) return; // a scroll or a drag
    if (this.#callbacks.isCard(event.target)) return;
    const mention = this.#callbacks.mentionAt(event.clientX, event.clientY);
    if (!mention) return;
    const link = linkAround(event.target);
    if (this.#open && sameMention(mention, this.#open)) return; // second tap: let the link work
    this.#tapClick = { link };
    this.#focusBeforeOpen = null;
    this.#show(mention, 'tap', true, { x: event.clientX, y: event.clientY });
  };

  /** The pointer left this document (out of the window, or straight into another frame): no move will follow here. */
  readonly #onPointerOut = (event: PointerEvent): void => {
    if (event.pointerType === 'touch' || event.relatedTarget !== null) return;
    this.#pointerInside = false;
    if (this.#frame) this.#win.cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#pending = null;
    this.#cancelDwell();
    this.#overCard = false;
    if (this.#open && !this.#pinned && this.#openedBy === 'hover') this.#startGrace();
  };

  readonly #onPointerCancel = (): void => {
    this.#touchStart = null; // the browser took the touch for scrolling
  };

  readonly #onClick = (event: MouseEvent): void => {
    const tap = this.#tapClick;
    this.#tapClick = null;
    if (tap && event.target instanceof Node) {
      if (tap.link?.contains(event.target)) {
        event.preventDefault();
        return;
      }
      const mention = tap.link ? null : this.#callbacks.mentionAt(event.clientX, event.clientY);
      if (mention && this.#open && sameMention(mention, this.#open)) return;
    }
    if (this.#callbacks.isCard(event.target) || event.defaultPrevented) return;
    if (linkAround(event.target)) return; // a click on a link navigates, as the page intends
    const selection = this.#win.getSelection();
    if (selection && !selection.isCollapsed) return; // the reader is selecting text: leave it alone
    const mention = this.#callbacks.mentionAt(event.clientX, event.clientY);
    if (!mention) return;
    if (this.#open && sameMention(mention, this.#open)) {
      this.setPinned(!this.#pinned);
      return;
    }
    this.#clearTimers();
    this.#focusBeforeOpen = null;
    this.#show(mention, 'click', true, { x: event.clientX, y: event.clientY });
  };

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.#open) {
      this.#close(true);
      event.stopPropagation();
    }
  };

  readonly #onFocusIn = (event: FocusEvent): void => {
    const target = event.target;
    if (!(target instanceof Element) || this.#callbacks.isCard(target)) return;
    if (!matchesFocusVisible(target)) return; // a mouse click focused it: hover handles that
    const mention = this.#callbacks.mentionIn(target);
    if (!mention) return;
    this.#clearTimers();
    this.#startDwell(mention, () => {
      this.#dwellTimer = 0;
      if (this.#pending !== mention) return;
      this.#pending = null;
      this.#focusBeforeOpen = target;
      this.#show(mention, 'focus', false);
    });
  };

  readonly #onFocusOut = (event: FocusEvent): void => {
    if (this.#callbacks.isCard(event.relatedTarget)) return; // moving into the card
    if (this.#pending && event.target instanceof Element && this.#callbacks.mentionIn(event.target) === this.#pending) {
      this.#pending = null;
      this.#cancelDwell();
    }
    if (this.#open && this.#openedBy === 'focus' && !this.#pinned && !this.#callbacks.isCard(event.target)) {
      this.#close(false);
    }
  };

  readonly #onWindowBlur = (): void => {
    this.#pending = null;
    this.#cancelDwell();
  };

  #show(mention: Mention, reason: OpenReason, pinned: boolean, point?: { x: number; y: number }): void {
    this.#cancelGrace();
    this.#open = mention;
    this.#openedBy = reason;
    this.#pinned = pinned;
    this.#overCard = false;
    this.#callbacks.open(mention, { reason, point, pinned });
  }

  #startGrace(): void {
    if (this.#graceTimer) return;
    this.#graceTimer = this.#win.setTimeout(() => {
      this.#graceTimer = 0;
      // The pointer may already rest on another name: its dwell goes on.
      if (!this.#overCard && !this.#pinned) this.#close(false, { keepPending: true });
    }, this.#options.graceMs);
  }

  #close(restoreFocus: boolean, { keepPending = false } = {}): void {
    this.#cancelGrace();
    if (!keepPending) {
      this.#cancelDwell();
      this.#pending = null;
    }
    this.#open = null;
    this.#openedBy = null;
    this.#pinned = false;
    this.#overCard = false;
    this.#callbacks.close({ restoreFocus });
    const back = this.#focusBeforeOpen;
    this.#focusBeforeOpen = null;
    if (restoreFocus && back instanceof HTMLElement && back.isConnected) back.focus({ preventScroll: true });
  }

  #startDwell(mention: Mention, onDwell: () => void, point?: { x: number; y: number }): void {
    this.#cancelDwell();
    this.#pending = mention;
    this.#dwellTimer = this.#win.setTimeout(onDwell, this.#options.dwellMs);
    this.#prepareTimer = this.#win.setTimeout(() => {
      this.#prepareTimer = 0;
      if (this.#pending === mention) this.#callbacks.prepare(mention, { point });
    }, 0);
  }

  #cancelDwell(): void {
    if (this.#dwellTimer) this.#win.clearTimeout(this.#dwellTimer);
    if (this.#prepareTimer) this.#win.clearTimeout(this.#prepareTimer);
    this.#dwellTimer = 0;
    this.#prepareTimer = 0;
  }

  #cancelGrace(): void {
    if (this.#graceTimer) this.#win.clearTimeout(this.#graceTimer);
    this.#graceTimer = 0;
  }

  #clearTimers(): void {
    this.#cancelDwell();
    this.#cancelGrace();
  }
}

function sameMention(a: Mention, b: Mention): boolean {
  return a === b || (a.candidate === b.candidate && a.figure === b.figure);
}

function linkAround(target: EventTarget | null): Element | null {
  return target instanceof Element ? target.closest('a[href], area[href]') : target instanceof Node ? (target.parentElement?.closest('a[href]') ?? null) : null;
}

function matchesFocusVisible(element: Element): boolean {
  try {
    return element.matches(':focus-visible');
  } catch {
    return true;
  }
}
