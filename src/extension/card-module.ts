/**
 * The hand-over between the two scripts of a frame: `content.js` (every frame) and `card.js` (the
 * card's code and the figures' texts, injected by the background into the frames that need it).
 * Both run in the extension's isolated world, whose global object the page never sees: `card.js`
 * leaves its module there under a key, and the content script, which asked for it, takes it.
 */
import type { Theme } from '../core/settings-model';
import type { HostElement } from '../ui/host-element';
import type { CardAnchor } from '../ui/card-host';
import type { Translate } from '../ui/translate';
import type { Announce } from './card-announcement';

/** The cards of one document, as the page session drives them (`CardController`). */
export interface Cards {
  /** Builds the figure's card ahead, hidden, while the pointer rests on its name. */
  prepare(figure: number, anchor: CardAnchor): void;
  open(figure: number, anchor: CardAnchor, options: { focus: boolean; announce: Announce }): void;
  /** Draws the open card again (its pin state changed). */
  refresh(): void;
  close(): void;
  /** True when an event target is our card. */
  contains(target: EventTarget | null): boolean;
  setTheme(theme: Theme): void;
  /** Takes the card and our element off the page. */
  remove(): void;
}

export interface CardActions {
  /** The card's close button. */
  close(): void;
  /** The card's pin button. */
  togglePin(): void;
  /** Whether the open card is pinned. */
  isPinned(): boolean;
}

export interface CardModule {
  createCards(options: { doc: Document; host: HostElement; actions: CardActions; t: Translate }): Cards;
}

const KEY = Symbol.for('context-cards.card-module');
type Slot = CardModule | ((module: CardModule) => void);
const slots = globalThis as { [KEY]?: Slot };

/** In `card.js`: hands the module to the content script (now, if it is waiting, else when it looks). */
export function registerCardModule(module: CardModule): void {
  const waiting = slots[KEY];
  slots[KEY] = module;
  if (typeof waiting === 'function') waiting(module);
}

/**
 * In the content script: the card module, asking `inject` to run `card.js` in this frame unless it
 * already ran. `inject` settles once the script has run (or could not).
 */
export function loadCardModule(inject: () => Promise<unknown>): Promise<CardModule> {
  const present = slots[KEY];
  if (typeof present === 'object') return Promise.resolve(present);
  return new Promise((resolve, reject) => {
    slots[KEY] = resolve;
    inject().then(() => {
      if (typeof slots[KEY] !== 'object') reject(new Error('Context Cards: the card script did not run in this frame'));
    }, reject);
  });
}
