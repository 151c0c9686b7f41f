/** Content script: finds the figures on the page, marks them, and opens their cards. */
import dataset from 'virtual:dataset';
import browser from 'webextension-polyfill';
import { Matcher } from '../core/matcher';
import { mentionAtPoint } from '../page/hit-test';
import { HoverIntent, type OpenReason } from '../page/hover';
import { startLiveScan } from '../page/live-scan';
import { Marks } from '../page/marks';
import { mentionAtSelection, stepMention } from '../page/navigation';
import { PageScanner, type Mention } from '../page/scanner';
import { CardController } from './card-controller';
import markCss from './highlight.css';
import { parseMessage, type CommandName, type FiguresOnPageMessage } from './messages';

const INSTANCE_KEY = Symbol.for('context-cards.instance');

function start(): void {
  const win = window as Window & { [INSTANCE_KEY]?: true };
  if (win[INSTANCE_KEY]) return; // injected twice (extension reload): keep the first
  win[INSTANCE_KEY] = true;

  const doc = document;
  const scanner = new PageScanner(new Matcher(dataset));
  const marks = new Marks(doc, scanner);
  scanner.onShadowRoot((root) => marks.styleShadowRoot(root, markCss));
  let cards: CardController | null = null;
  const getCards = (): CardController =>
    (cards ??= new CardController(doc, dataset, {
      close: () => hover.close(),
      togglePin: () => hover.setPinned(!hover.isPinned),
    }));
  const isOurs = (node: Node): boolean => cards !== null && (node === cards.host.element || cards.host.element.contains(node));

  let reportedFigures = -1;
  let badgeTimer = 0;
  const reportFigures = (): void => {
    badgeTimer = 0;
    const figures = new Set(scanner.mentions().map((m) => m.figure)).size;
    if (figures === reportedFigures) return;
    reportedFigures = figures;
    const message: FiguresOnPageMessage = { type: 'figures-on-page', count: figures };
    browser.runtime.sendMessage(message).catch(() => {
      // The background may be restarting; the next change reports again.
    });
  };
  scanner.onChange((changes) => {
    marks.apply(changes);
    if (cards) cards.host.element.dataset.mentions = String(changes.total);
    // Counting figures walks every mention: at most twice a second, and only in the top frame.
    if (win === win.top && !badgeTimer) badgeTimer = win.setTimeout(reportFigures, 500);
  });

  const titles = new TitleTooltips();
  const hover = new HoverIntent(win, {
    mentionAt: (x, y) => mentionAtPoint(doc, scanner, marks, x, y),
    mentionIn: (element) => scanner.firstMentionIn(element),
    isCard: (target) => cards !== null && cards.host.contains(target),
    open: (mention, { reason, point, pinned }) => {
      const range = marks.rangeOf(mention);
      titles.hideAround(range.startContainer);
      getCards().open(mention.figure, { range, point }, { pinned, focus: focusesCard(reason) });
    },
    pinned: (pinned) => cards?.setPinned(pinned),
    close: () => {
      titles.restore();
      cards?.close();
    },
  });

  const runCommand = (command: CommandName): void => {
    let target: Mention | null;
    if (command === 'open-at-caret') target = mentionAtSelection(win.getSelection(), scanner, marks);
    else target = stepMention(scanner.mentions(), hover.openMention, command === "next-mention" ? 1 : -1, marks);
    if (!target) return;
    marks.rangeOf(target).startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
    hover.openNow(target, 'command');
  };

  browser.runtime.onMessage.addListener((raw: unknown) => {
    const message = parseMessage(raw);
    if (message?.type === 'command') runCommand(message.command);
    else console.debug('Context Cards: dropped a message it does not know', raw);
    return undefined;
  });

  void startLiveScan(doc.documentElement, scanner, { isOurs }).ready.then(() => {
    // The host carries the mention count, which tests and tools read to know the first scan is done.
    getCards().host.element.dataset.mentions = String(scanner.mentionCount);
  });
}

/**
 * The page's own `title` tooltip would pop up over the card: its attribute is set aside while the
 * card is open and put back as it was when the card closes.
 */
class TitleTooltips {
  #held: { element: Element; title: string } | null = null;

  hideAround(node: Node): void {
    this.restore();
    const element = (node.nodeType === 1 ? (node as Element) : node.parentElement)?.closest('[title]');
    if (!element) return;
    this.#held = { element, title: element.getAttribute('title') ?? '' };
    element.removeAttribute('title');
  }

  restore(): void {
    const held = this.#held;
    this.#held = null;
    if (held && !held.element.hasAttribute('title')) held.element.setAttribute('title', held.title);
  }
}

/** Cards opened from the keyboard take focus, so Tab moves through them and Esc returns. */
function focusesCard(reason: OpenReason): boolean {
  return reason === 'command';
}

// Only HTML documents: an SVG or XML document has no place for our card, and nothing to read as prose.
if (document.documentElement?.localName === 'html' && document.body) start();
