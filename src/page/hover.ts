/**
 * When a card opens and closes: turns the page's pointer, focus and key events into the inputs of
 * `hover-state.ts`, owns that state, and runs its timers. Hover intent: a card opens when the
 * pointer rests on a name for a moment (not while it sweeps across text), stays while the pointer
 * travels into it, and closes when the pointer has left both for a grace period. A click on a name
 * pins its card; keyboard focus on a link that holds a name opens its card too; on touch screens a
 * tap opens the card (inside a link the first tap opens the card, a second tap follows the link).
 * Esc closes.
 */
import { IDLE, sameMention, transition, type HoverEffect, type HoverInput, type HoverState, type OpenReason, type Pending, type Point } from './hover-state';
import type { Mention } from './mention-index';
import { DWELL_MS, GRACE_MS, SWEEP_SPEED, TAP_SLOP } from './timing';

export type { OpenReason } from './hover-state';

export interface HoverIntentOptions {
  /** How long the pointer must rest on a name before its card opens. */
  dwellMs: number;
  /** How long the card stays after the pointer leaves the name and the card. */
  graceMs: number;
}

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
  prepare(mention: Mention, how: { point?: Point | undefined }): void;
  open(mention: Mention, how: { reason: OpenReason; point?: Point | undefined; pinned: boolean }): void;
  /** The open card's pin state changed (a click on its name, its pin button). */
  pinned(pinned: boolean): void;
  close(how: { restoreFocus: boolean }): void;
}

const DEFAULT_HOVER: HoverIntentOptions = { dwellMs: DWELL_MS, graceMs: GRACE_MS };

export class HoverIntent {
  readonly #win: Window;
  readonly #callbacks: HoverIntentCallbacks;
  #options: HoverIntentOptions;
  /** The one owner of whether a card is open, and of what waits: see `hover-state.ts`. */
  #state: HoverState = IDLE;
  /** Every listener we add, removed at once by `dispose`. */
  readonly #listening = new AbortController();
  /** The timers that `#state` implies: the dwell (and the card's build ahead) of `pending`, the grace period of `leaving`. */
  #dwellFor: Pending | null = null;
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

  constructor(win: Window, callbacks: HoverIntentCallbacks, options: HoverIntentOptions = DEFAULT_HOVER) {
    this.#win = win;
    this.#callbacks = callbacks;
    this.#options = options;
    const doc = win.document;
    const signal = this.#listening.signal;
    const passive = { capture: true, passive: true, signal };
    doc.addEventListener('pointermove', this.#onPointerMove, passive);
    doc.addEventListener('pointerdown', this.#onPointerDown, passive);
    doc.addEventListener('pointerup', this.#onPointerUp, passive);
    doc.addEventListener('pointercancel', this.#onPointerCancel, passive);
    doc.addEventListener('pointerout', this.#onPointerOut, passive);
    doc.addEventListener('click', this.#onClick, { capture: true, signal });
    doc.addEventListener('keydown', this.#onKeyDown, { capture: true, signal });
    doc.addEventListener('focusin', this.#onFocusIn, { capture: true, signal });
    doc.addEventListener('focusout', this.#onFocusOut, { capture: true, signal });
    win.addEventListener('blur', this.#onWindowBlur, { signal });
  }

  setOptions(options: HoverIntentOptions): void {
    this.#options = options;
  }

  get openMention(): Mention | null {
    return this.#state.kind === 'open' ? this.#state.mention : null;
  }

  get isPinned(): boolean {
    return this.#state.kind === 'open' && this.#state.pinned;
  }

  /** Opens a card now (keyboard commands, the toolbar popup), pinned, with focus moved into it. */
  openNow(mention: Mention, reason: OpenReason): void {
    const active = this.#win.document.activeElement;
    const state = this.#state;
    // From card to card (next, next…) focus stays where it was before the first: Esc returns there.
    const returnFocus = state.kind === 'open' && this.#callbacks.isCard(active) ? state.returnFocus : active;
    this.#dispatch({ type: 'open-now', mention, reason, returnFocus });
  }

  /** Pins or unpins the open card (its pin button). */
  setPinned(pinned: boolean): void {
    this.#dispatch({ type: 'set-pinned', pinned });
  }

  /** Closes the open card (its close button, Esc inside it). */
  close(): void {
    this.#dispatch({ type: 'close' });
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
    this.#listening.abort();
    this.#setDwell(null);
    this.#setGrace(false);
    if (this.#frame) this.#win.cancelAnimationFrame(this.#frame);
  }

  /** Moves the state on by one input, then does what the transition asks and what the new state implies. */
  #dispatch(input: HoverInput): void {
    const { state, effects } = transition(this.#state, input);
    this.#state = state;
    this.#setGrace(state.kind === 'open' && state.leaving);
    this.#setDwell(state.kind === 'idle' ? null : state.pending);
    for (const effect of effects) this.#run(effect);
  }

  #run(effect: HoverEffect): void {
    if (effect.kind === 'open') {
      this.#overCard = false;
      this.#callbacks.open(effect.mention, { reason: effect.reason, point: effect.point, pinned: effect.pinned });
    } else if (effect.kind === 'pinned') {
      this.#callbacks.pinned(effect.pinned);
    } else {
      this.#overCard = false;
      this.#callbacks.close({ restoreFocus: effect.restoreFocus });
      const back = effect.returnFocus;
      if (effect.restoreFocus && back instanceof HTMLElement && back.isConnected) back.focus({ preventScroll: true });
    }
  }

  /** Runs the dwell (and the build ahead) of `pending`; a new pending restarts them, none stops them. */
  #setDwell(pending: Pending | null): void {
    if (pending === this.#dwellFor) return;
    if (this.#dwellTimer) this.#win.clearTimeout(this.#dwellTimer);
    if (this.#prepareTimer) this.#win.clearTimeout(this.#prepareTimer);
    this.#dwellTimer = 0;
    this.#prepareTimer = 0;
    this.#dwellFor = pending;
    if (!pending) return;
    this.#dwellTimer = this.#win.setTimeout(() => {
      this.#dwellTimer = 0;
      this.#dispatch({ type: 'dwell-ended', point: { x: this.#lastX, y: this.#lastY } });
    }, this.#options.dwellMs);
    this.#prepareTimer = this.#win.setTimeout(() => {
      this.#prepareTimer = 0;
      this.#callbacks.prepare(pending.mention, { point: pending.point });
    }, 0);
  }

  #setGrace(on: boolean): void {
    if (on === (this.#graceTimer !== 0)) return;
    if (!on) {
      this.#win.clearTimeout(this.#graceTimer);
      this.#graceTimer = 0;
      return;
    }
    this.#graceTimer = this.#win.setTimeout(() => {
      this.#graceTimer = 0;
      this.#dispatch({ type: 'grace-ended', overCard: this.#overCard });
    }, this.#options.graceMs);
  }

  readonly #onPointerMove = (event: PointerEvent): void => {
    if (event.pointerType === 'touch') return;
    this.#pointerInside = true;
    if (this.#callbacks.isCard(event.target)) {
      this.#overCard = true;
      this.#dispatch({ type: 'enter-card' });
      return;
    }
    if (this.#overCard) {
      this.#overCard = false;
      this.#dispatch({ type: 'leave-card' });
    }
    const now = event.timeStamp;
    const elapsed = Math.max(1, now - this.#lastMoveTime);
    const speed = Math.hypot(event.clientX - this.#lastX, event.clientY - this.#lastY) / elapsed;
    this.#lastX = event.clientX;
    this.#lastY = event.clientY;
    this.#lastMoveTime = now;
    // Sweeping across text: the dwell starts again when the pointer slows down.
    if (speed > SWEEP_SPEED && this.#lastMoveTime !== 0) this.#dispatch({ type: 'sweep' });
    if (!this.#frame) this.#frame = this.#win.requestAnimationFrame(this.#evaluate);
  };

  readonly #evaluate = (): void => {
    this.#frame = 0;
    const point = { x: this.#lastX, y: this.#lastY };
    this.#dispatch({ type: 'rest', mention: this.#callbacks.mentionAt(point.x, point.y), point, overCard: this.#overCard });
  };

  readonly #onPointerDown = (event: PointerEvent): void => {
    this.#tapClick = null; // a new press: the click of an earlier tap is not coming (the page may have cancelled it)
    if (event.pointerType === 'touch') {
      this.#touchStart = { x: event.clientX, y: event.clientY, id: event.pointerId };
    }
    if (this.#state.kind !== 'open' || this.#callbacks.isCard(event.target)) return;
    this.#dispatch({ type: 'press', mention: this.#callbacks.mentionAt(event.clientX, event.clientY) });
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
    const open = this.openMention;
    if (open && sameMention(mention, open)) return; // second tap: let the link work
    this.#tapClick = { link: linkAround(event.target) };
    this.#dispatch({ type: 'tap', mention, point: { x: event.clientX, y: event.clientY } });
  };

  /** The pointer left this document (out of the window, or straight into another frame): no move will follow here. */
  readonly #onPointerOut = (event: PointerEvent): void => {
    if (event.pointerType === 'touch' || event.relatedTarget !== null) return;
    this.#pointerInside = false;
    if (this.#frame) this.#win.cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#overCard = false;
    this.#dispatch({ type: 'pointer-gone', leaveCard: true });
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
      const open = this.openMention;
      if (mention && open && sameMention(mention, open)) return;
    }
    if (this.#callbacks.isCard(event.target) || event.defaultPrevented) return;
    if (linkAround(event.target)) return; // a click on a link navigates, as the page intends
    const selection = this.#win.getSelection();
    if (selection && !selection.isCollapsed) return; // the reader is selecting text: leave it alone
    const mention = this.#callbacks.mentionAt(event.clientX, event.clientY);
    if (mention) this.#dispatch({ type: 'click', mention, point: { x: event.clientX, y: event.clientY } });
  };

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.#state.kind === 'open') {
      this.#dispatch({ type: 'close' });
      event.stopPropagation();
    }
  };

  readonly #onFocusIn = (event: FocusEvent): void => {
    const target = event.target;
    if (!(target instanceof Element) || this.#callbacks.isCard(target)) return;
    if (!matchesFocusVisible(target)) return; // a mouse click focused it: hover handles that
    const mention = this.#callbacks.mentionIn(target);
    if (mention) this.#dispatch({ type: 'focus', mention, target });
  };

  readonly #onFocusOut = (event: FocusEvent): void => {
    if (this.#callbacks.isCard(event.relatedTarget)) return; // moving into the card
    const mention = event.target instanceof Element ? this.#callbacks.mentionIn(event.target) : null;
    this.#dispatch({ type: 'focus-left', mention, fromCard: this.#callbacks.isCard(event.target) });
  };

  readonly #onWindowBlur = (): void => {
    this.#dispatch({ type: 'pointer-gone', leaveCard: false });
  };
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
