/** Content script: finds the figures on the page, marks them, and opens their cards. */
import dataset from 'virtual:dataset';
import browser from 'webextension-polyfill';
import { Matcher } from '../core/matcher';
import { mentionAtPoint } from '../page/hit-test';
import { HoverIntent } from '../page/hover';
import { startLiveScan } from '../page/live-scan';
import { Marks } from '../page/marks';
import { PageScanner } from '../page/scanner';
import { CardController } from './card-controller';
import type { FiguresOnPageMessage } from './messages';

const INSTANCE_KEY = Symbol.for('context-cards.instance');

function start(): void {
  const win = window as Window & { [INSTANCE_KEY]?: true };
  if (win[INSTANCE_KEY]) return; // injected twice (extension reload): keep the first
  win[INSTANCE_KEY] = true;

  const doc = document;
  const scanner = new PageScanner(new Matcher(dataset));
  const marks = new Marks(doc, scanner);
  let cards: CardController | null = null;
  const getCards = (): CardController => (cards ??= new CardController(doc, dataset, () => hover.closed()));
  const isOurs = (node: Node): boolean => cards !== null && (node === cards.host.element || cards.host.element.contains(node));

  let reportedFigures = -1;
  scanner.onChange((changes) => {
    marks.apply(changes);
    if (cards) cards.host.element.dataset.mentions = String(changes.total);
    const figures = new Set(scanner.mentions().map((m) => m.figure)).size;
    if (figures !== reportedFigures && win === win.top) {
      reportedFigures = figures;
      const message: FiguresOnPageMessage = { type: 'figures-on-page', count: figures };
      browser.runtime.sendMessage(message).catch(() => {
        // The background may be restarting; the next change reports again.
      });
    }
  });

  const hover = new HoverIntent(win, {
    mentionAt: (x, y) => mentionAtPoint(doc, scanner, marks, x, y),
    isCard: (target) => cards !== null && cards.host.contains(target),
    open: (mention, point) => getCards().open(mention.figure, { range: marks.rangeOf(mention), point }),
    close: () => cards?.close(),
  });

  void startLiveScan(doc.documentElement, scanner, { isOurs }).ready.then(() => {
    // The host carries the mention count, which tests and tools read to know the first scan is done.
    getCards().host.element.dataset.mentions = String(scanner.mentionCount);
  });
}

if (document.documentElement) start();
