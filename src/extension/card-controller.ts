/**
 * Which figure's card is open, and the trail of connections followed from it. Keeps the keyboard
 * focus inside the card when a connection or ‹ replaces what it shows, and says each opening to
 * screen readers. Whether it is pinned is the hover state's to say (`CardActions.isPinned`): the
 * card only shows it.
 */
import type { CardDataset } from '../core/dataset';
import type { Theme } from '../core/settings-model';
import type { CardProps } from '../ui/Card';
import { CardHost, type CardAnchor } from '../ui/card-host';
import type { HostElement } from '../ui/host-element';
import type { Translate } from '../ui/translate';
import { announcementFor, type Announce } from './card-announcement';
import type { CardActions, Cards } from './card-module';

export class CardController implements Cards {
  readonly host: CardHost;
  readonly #dataset: CardDataset;
  readonly #indexOf: Map<string, number>;
  readonly #actions: CardActions;
  readonly #t: Translate;
  #trail: number[] = [];
  /** The language of the card's own strings (its locale's `uiLang` message). */
  readonly #uiLang: string;

  /** `host`: the content script's element, which the card fills; without it, an element of its own. */
  constructor(doc: Document, dataset: CardDataset, actions: CardActions, t: Translate, host?: HostElement) {
    this.host = new CardHost(doc, host);
    this.#t = t;
    this.#dataset = dataset;
    this.#indexOf = new Map(dataset.figures.map((f, i) => [f.id, i]));
    this.#actions = actions;
    const lang = t('uiLang');
    this.#uiLang = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(lang) ? lang : 'en';
  }

  /** Builds the figure's card ahead, hidden, while the pointer rests on its name (see CardHost.prepare). */
  prepare(figure: number, anchor: CardAnchor): void {
    this.host.prepare(this.#props([figure], false), anchor);
  }

  open(figure: number, anchor: CardAnchor, options: { focus: boolean; announce: Announce }): void {
    this.#trail = [figure];
    this.host.show(this.#props(), anchor, { focus: options.focus });
    this.host.announce(announcementFor(this.#t, this.#dataset.figures[figure]!, options.announce), this.#uiLang);
  }

  /** Draws the open card again (its pin state changed). */
  refresh(): void {
    this.host.update(this.#props());
  }

  close(): void {
    this.#trail = [];
    this.host.hide();
  }

  contains(target: EventTarget | null): boolean {
    return this.host.contains(target);
  }

  setTheme(theme: Theme): void {
    this.host.setTheme(theme);
  }

  remove(): void {
    this.close();
    this.host.remove();
  }

  #props(trail: readonly number[] = this.#trail, pinned = this.#actions.isPinned()): CardProps {
    const current = trail[trail.length - 1]!;
    return {
      t: this.#t,
      figure: this.#dataset.figures[current]!,
      reviewed: this.#dataset.reviewed,
      nameOf: (id) => {
        const index = this.#indexOf.get(id);
        return index === undefined ? undefined : this.#dataset.figures[index]!.name;
      },
      onOpenFigure: (id) => {
        const index = this.#indexOf.get(id);
        if (index === undefined) return;
        this.#trail.push(index);
        // Following a connection is a deliberate act: keep the card until the reader closes it.
        if (!this.#actions.isPinned()) this.#actions.togglePin();
        this.host.update(this.#props());
        // The button pressed went with the old card: focus the new one (a dialog named for its
        // figure, which screen readers read out) rather than let it fall to the page's <body>.
        this.host.cardElement?.focus({ preventScroll: true });
      },
      onBack:
        trail.length > 1
          ? () => {
              const left = this.#dataset.figures[this.#trail.pop()!]!.id;
              this.host.update(this.#props());
              // Back where the reader was: on the connection they had followed.
              const card = this.host.cardElement;
              const followed = card?.querySelector<HTMLElement>(`.connections button[data-target="${CSS.escape(left)}"]`);
              (followed ?? card)?.focus({ preventScroll: true });
            }
          : undefined,
      onClose: () => this.#actions.close(),
      pinned,
      onTogglePin: () => this.#actions.togglePin(),
      uiLang: this.#uiLang,
    };
  }
}
