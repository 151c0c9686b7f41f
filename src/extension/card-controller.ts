/**
 * Which figure's card is open, and the trail of connections followed from it. Whether it is pinned
 * is the hover state's to say (`CardActions.isPinned`): the card only shows it.
 */
import type { CompiledDataset } from '../core/dataset';
import type { CardProps } from '../ui/Card';
import { CardHost, type CardAnchor } from '../ui/card-host';
import type { Translate } from '../ui/translate';

export interface CardActions {
  /** The card's close button. */
  close(): void;
  /** The card's pin button. */
  togglePin(): void;
  /** Whether the open card is pinned. */
  isPinned(): boolean;
}

export class CardController {
  readonly host: CardHost;
  readonly #dataset: CompiledDataset;
  readonly #indexOf: Map<string, number>;
  readonly #actions: CardActions;
  readonly #t: Translate;
  #trail: number[] = [];

  constructor(doc: Document, dataset: CompiledDataset, actions: CardActions, t: Translate) {
    this.host = new CardHost(doc);
    this.#t = t;
    this.#dataset = dataset;
    this.#indexOf = new Map(dataset.figures.map((f, i) => [f.id, i]));
    this.#actions = actions;
  }

  /** Builds the figure's card ahead, hidden, while the pointer rests on its name (see CardHost.prepare). */
  prepare(figure: number, anchor: CardAnchor): void {
    this.host.prepare(this.#props([figure], false), anchor);
  }

  open(figure: number, anchor: CardAnchor, options: { focus: boolean }): void {
    this.#trail = [figure];
    this.host.show(this.#props(), anchor, { focus: options.focus });
  }

  /** Draws the open card again (its pin state changed). */
  refresh(): void {
    this.host.update(this.#props());
  }

  close(): void {
    this.#trail = [];
    this.host.hide();
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
      },
      onBack:
        trail.length > 1
          ? () => {
              this.#trail.pop();
              this.host.update(this.#props());
            }
          : undefined,
      onClose: () => this.#actions.close(),
      pinned,
      onTogglePin: () => this.#actions.togglePin(),
    };
  }
}
