/** Which figure's card is open, and the trail of connections followed from it. */
import type { CompiledDataset } from '../core/dataset';
import type { CardProps } from '../ui/Card';
import { CardHost, type CardAnchor } from '../ui/card-host';

export class CardController {
  readonly host: CardHost;
  readonly #dataset: CompiledDataset;
  readonly #indexOf: Map<string, number>;
  readonly #onClosed: () => void;
  #trail: number[] = [];

  constructor(doc: Document, dataset: CompiledDataset, onClosed: () => void) {
    this.host = new CardHost(doc);
    this.#dataset = dataset;
    this.#indexOf = new Map(dataset.figures.map((f, i) => [f.id, i]));
    this.#onClosed = onClosed;
  }

  open(figure: number, anchor: CardAnchor): void {
    this.#trail = [figure];
    this.host.show(this.#props(), anchor);
  }

  close(): void {
    this.#trail = [];
    this.host.hide();
  }

  #props(): CardProps {
    const current = this.#trail[this.#trail.length - 1]!;
    return {
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
        this.host.update(this.#props());
      },
      onBack:
        this.#trail.length > 1
          ? () => {
              this.#trail.pop();
              this.host.update(this.#props());
            }
          : undefined,
      onClose: () => {
        this.close();
        this.#onClosed();
      },
    };
  }
}
