/**
 * Hover intent: a card opens when the pointer rests on a name for a moment, stays while the
 * pointer travels into it, and closes when the pointer has left both for a grace period.
 */
import type { Mention } from './scanner';

export interface HoverIntentOptions {
  /** How long the pointer must rest on a name before its card opens. */
  dwellMs: number;
  /** How long the card stays after the pointer leaves the name and the card. */
  graceMs: number;
}

export interface HoverIntentCallbacks {
  /** Mention under a viewport point, or null. */
  mentionAt(x: number, y: number): Mention | null;
  /** True for event targets inside our card. */
  isCard(target: EventTarget | null): boolean;
  open(mention: Mention, point: { x: number; y: number }): void;
  close(): void;
}

export const DEFAULT_HOVER: HoverIntentOptions = { dwellMs: 150, graceMs: 300 };

export class HoverIntent {
  readonly #win: Window;
  readonly #callbacks: HoverIntentCallbacks;
  #options: HoverIntentOptions;
  #open: Mention | null = null;
  #pending: Mention | null = null;
  #dwellTimer = 0;
  #graceTimer = 0;
  #frame = 0;
  #lastX = 0;
  #lastY = 0;
  #overCard = false;

  constructor(win: Window, callbacks: HoverIntentCallbacks, options: HoverIntentOptions = DEFAULT_HOVER) {
    this.#win = win;
    this.#callbacks = callbacks;
    this.#options = options;
    const doc = win.document;
    doc.addEventListener('pointermove', this.#onPointerMove, { capture: true, passive: true });
    doc.addEventListener('keydown', this.#onKeyDown, { capture: true });
    doc.addEventListener('pointerdown', this.#onPointerDown, { capture: true, passive: true });
    win.addEventListener('blur', this.#onWindowBlur);
  }

  setOptions(options: HoverIntentOptions): void {
    this.#options = options;
  }

  get openMention(): Mention | null {
    return this.#open;
  }

  /** The card was closed from inside (close button): forget it. */
  closed(): void {
    this.#clearTimers();
    this.#open = null;
    this.#pending = null;
    this.#overCard = false;
  }

  dispose(): void {
    const doc = this.#win.document;
    doc.removeEventListener('pointermove', this.#onPointerMove, { capture: true });
    doc.removeEventListener('keydown', this.#onKeyDown, { capture: true });
    doc.removeEventListener('pointerdown', this.#onPointerDown, { capture: true });
    this.#win.removeEventListener('blur', this.#onWindowBlur);
    this.#clearTimers();
    if (this.#frame) this.#win.cancelAnimationFrame(this.#frame);
  }

  readonly #onPointerMove = (event: PointerEvent): void => {
    if (event.pointerType === 'touch') return;
    if (this.#callbacks.isCard(event.target)) {
      this.#overCard = true;
      this.#cancelGrace();
      this.#cancelDwell();
      return;
    }
    if (this.#overCard) {
      this.#overCard = false;
      if (this.#open) this.#startGrace();
    }
    this.#lastX = event.clientX;
    this.#lastY = event.clientY;
    if (!this.#frame) this.#frame = this.#win.requestAnimationFrame(this.#evaluate);
  };

  readonly #evaluate = (): void => {
    this.#frame = 0;
    const mention = this.#callbacks.mentionAt(this.#lastX, this.#lastY);
    if (mention && this.#open && sameMention(mention, this.#open)) {
      this.#cancelGrace();
      this.#cancelDwell();
      return;
    }
    if (mention) {
      if (!this.#pending || !sameMention(mention, this.#pending)) {
        this.#pending = mention;
        this.#cancelDwell();
        this.#dwellTimer = this.#win.setTimeout(this.#onDwell, this.#options.dwellMs);
      }
      return;
    }
    this.#pending = null;
    this.#cancelDwell();
    if (this.#open && !this.#overCard) this.#startGrace();
  };

  readonly #onDwell = (): void => {
    this.#dwellTimer = 0;
    const mention = this.#pending;
    this.#pending = null;
    if (!mention) return;
    this.#cancelGrace();
    this.#open = mention;
    this.#callbacks.open(mention, { x: this.#lastX, y: this.#lastY });
  };

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && this.#open) this.#close();
  };

  readonly #onPointerDown = (event: PointerEvent): void => {
    if (this.#open && !this.#callbacks.isCard(event.target)) {
      const mention = this.#callbacks.mentionAt(event.clientX, event.clientY);
      if (!mention || !sameMention(mention, this.#open)) this.#close();
    }
  };

  readonly #onWindowBlur = (): void => {
    this.#pending = null;
    this.#cancelDwell();
  };

  #startGrace(): void {
    if (this.#graceTimer) return;
    this.#graceTimer = this.#win.setTimeout(() => {
      this.#graceTimer = 0;
      if (!this.#overCard) this.#close();
    }, this.#options.graceMs);
  }

  #close(): void {
    this.#clearTimers();
    this.#open = null;
    this.#pending = null;
    this.#overCard = false;
    this.#callbacks.close();
  }

  #cancelDwell(): void {
    if (this.#dwellTimer) this.#win.clearTimeout(this.#dwellTimer);
    this.#dwellTimer = 0;
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
