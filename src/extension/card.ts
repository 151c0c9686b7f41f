/**
 * `card.js`: the card's code (Preact, the card, its styles, its placement) and the figures' texts.
 * Not a content script of every frame: the background injects it into the frame that asks, when
 * that frame's scan first finds a name (or a card is wanted before), and it hands its module to
 * the content script (`card-module.ts`).
 */
import dataset from 'virtual:card-dataset';
import { CardController } from './card-controller';
import { registerCardModule } from './card-module';

registerCardModule({
  createCards: ({ doc, host, actions, t }) => new CardController(doc, dataset, actions, t, host),
});
