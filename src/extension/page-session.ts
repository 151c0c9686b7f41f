/**
 * Context Cards running on one document: the scan, the marks, hover intent and the card. Started
 * when the settings let it run on the page, stopped (every mark and listener gone) when they no
 * longer do.
 */
import type { Category, PageDataset } from '../core/dataset';
import { Matcher } from '../core/matcher';
import { mentionAtPoint } from '../page/hit-test';
import { HoverIntent, type OpenReason } from '../page/hover';
import { startLiveScan, type LiveScan } from '../page/live-scan';
import { Marks } from '../page/marks';
import { mentionAtSelection, stepMention } from '../page/navigation';
import { focusedElement, mentionNearElement } from '../page/near-focus';
import { PageScanner, type Mention, type MentionChanges } from '../page/scanner';
import type { ShadowRootReader } from '../page/shadow';
import { FIGURES_THROTTLE_MS, GRACE_MS } from '../page/timing';
import { appendHostElement, type HostElement } from '../ui/host-element';
import type { Translate } from '../ui/translate';
import type { HighlightStyle, Theme } from '../core/settings-model';
import type { Announce } from './card-announcement';
import type { CardModule, Cards } from './card-module';
import type { CommandName } from './protocol';
import type { FigureCount } from '../core/figure-id';

/**
 * How many mentions on each side of one a command scrolls to are painted at once: more than a
 * screen holds on a page dense in names; the rest of the view is painted a frame later.
 */
const REVEAL_NEIGHBOURS = 32;

export interface SessionLook {
  highlight: HighlightStyle;
  dwellMs: number;
  theme: Theme;
}

export interface SessionOptions extends SessionLook {
  /** Kinds of figure to mark; names of the others are still matched (so they shield overlapping names) but not shown. */
  categories: Readonly<Record<Category, boolean>>;
  /** CSS for the marks, adopted by shadow roots (page styles do not reach into them). */
  markCss: string;
  /** The card's strings. */
  t: Translate;
  /** How the page layer reads shadow roots (closed ones where this browser lets us). */
  shadowRootOf: ShadowRootReader;
  /** Called (throttled) when the set of figures on the page may have changed. */
  onFiguresChanged(): void;
  /** The card's code, loaded into this frame when it is first wanted (`card-module.ts`). */
  loadCards(): Promise<CardModule>;
}

export class PageSession {
  readonly #win: Window;
  readonly #dataset: PageDataset;
  readonly #scanner: PageScanner;
  readonly #marks: Marks;
  readonly #hover: HoverIntent;
  readonly #titles = new TitleTooltips();
  readonly #live: LiveScan;
  readonly #shown: (mention: Mention) => boolean;
  /** Every kind is shown (the default): scanner changes go to the marks as they are. */
  readonly #showsAll: boolean;
  readonly #t: Translate;
  readonly #loadCards: () => Promise<CardModule>;
  /** Our element on the page, bare until the card's code fills it. */
  #host: HostElement | null = null;
  #cards: Cards | null = null;
  #cardsLoading: Promise<Cards> | null = null;
  /** The card's code could not be loaded here: asked for again only when a card is wanted, not at every new name. */
  #cardsFailed = false;
  /** Counts the cards asked for: one asked for while the card's code was loading opens only if no other, and no close, came after. */
  #openRequest = 0;
  #theme: Theme;
  #figuresTimer = 0;
  #stopped = false;
  /** What the next card opened by a command announces (its place among the names, for next/previous). */
  #commandAnnounce: Announce = { kind: 'opened' };
  /** Resolves when the first scan has finished. */
  readonly ready: Promise<void>;

  constructor(win: Window, dataset: PageDataset, options: SessionOptions) {
    this.#win = win;
    this.#dataset = dataset;
    this.#loadCards = options.loadCards;
    this.#theme = options.theme;
    this.#t = options.t;
    const doc = win.document;
    const categories = { ...options.categories };
    this.#shown = (mention) => categories[dataset.figures[mention.figure]!.category];
    this.#showsAll = Object.values(categories).every(Boolean);
    const shownOrNull = (mention: Mention | null) => (mention && this.#shown(mention) ? mention : null);

    // Our one element on the page is the card host, made when the first scan ends or a card is
    // wanted: the page layer knows it only through this.
    const isOurs = (node: Node): boolean => this.#host !== null && (node === this.#host.element || this.#host.element.contains(node));
    this.#scanner = new PageScanner(new Matcher(dataset), { isOurs, shadowRootOf: options.shadowRootOf });
    this.#marks = new Marks(doc, this.#scanner);
    this.#marks.setStyle(options.highlight);
    this.#scanner.onShadowRoot((root) => this.#marks.styleShadowRoot(root, options.markCss));
    this.#scanner.onChange((changes) => {
      if (this.#stopped) return;
      const visible = this.#visibleChanges(changes);
      this.#marks.apply(visible);
      if (visible.added.length) {
        this.#hover.recheck();
        // The card's code comes while the reader has not reached a name yet, so that the first dwell finds it.
        if (!this.#cards && !this.#cardsFailed) void this.#getCards().catch(() => undefined);
      }
      if (this.#host) this.#host.element.dataset.mentions = String(changes.total);
      if (!this.#figuresTimer) {
        this.#figuresTimer = win.setTimeout(() => {
          this.#figuresTimer = 0;
          options.onFiguresChanged();
        }, FIGURES_THROTTLE_MS);
      }
    });

    this.#hover = new HoverIntent(
      win,
      {
        mentionAt: (x, y) => shownOrNull(mentionAtPoint(doc, this.#scanner, this.#marks, x, y)),
        mentionIn: (element) => shownOrNull(this.#scanner.firstMentionIn(element)),
        isCard: (target) => this.#cards !== null && this.#cards.contains(target),
        prepare: (mention, { point }) => {
          if (this.#cards) this.#cards.prepare(mention.figure, { range: this.#marks.rangeOf(mention), point });
          else void this.#getCards().catch(() => undefined);
        },
        open: (mention, { reason, point }) => {
          const range = this.#marks.rangeOf(mention);
          this.#titles.hideAround(range.startContainer);
          const announce: Announce = reason === 'command' ? this.#commandAnnounce : reason === 'focus' ? { kind: 'beside-focus' } : { kind: 'opened' };
          this.#commandAnnounce = { kind: 'opened' };
          const open = (cards: Cards): void => cards.open(mention.figure, { range, point }, { focus: focusesCard(reason), announce });
          const request = ++this.#openRequest;
          if (this.#cards) open(this.#cards);
          else {
            this.#getCards().then(
              (cards) => request === this.#openRequest && !this.#stopped && open(cards),
              (error: unknown) => console.warn('Context Cards: cannot show the card in this frame', error),
            );
          }
        },
        pinned: () => this.#cards?.refresh(),
        close: () => {
          this.#openRequest++;
          this.#titles.restore();
          this.#cards?.close();
        },
      },
      { dwellMs: options.dwellMs, graceMs: GRACE_MS },
    );

    this.#live = startLiveScan(doc.documentElement, this.#scanner, { isOurs });
    this.ready = this.#live.ready.then(() => {
      if (this.#stopped) return;
      // The host carries the mention count, which tests and tools read to know the first scan is done.
      this.#getHost().element.dataset.mentions = String(this.#scanner.mentionCount);
      options.onFiguresChanged();
    });
  }

  /** Changes that need no rescan: how marks look, the dwell delay, the card's theme. */
  setLook(look: SessionLook): void {
    this.#marks.setStyle(look.highlight);
    this.#hover.setOptions({ dwellMs: look.dwellMs, graceMs: GRACE_MS });
    this.#theme = look.theme;
    this.#cards?.setTheme(look.theme);
  }

  /** Mentions per figure in this document, for the toolbar popup. */
  figureCounts(): FigureCount[] {
    const counts = new Map<number, number>();
    for (const mention of this.#scanner.mentions()) {
      if (this.#shown(mention)) counts.set(mention.figure, (counts.get(mention.figure) ?? 0) + 1);
    }
    return [...counts].map(([figure, count]) => ({ id: this.#dataset.figures[figure]!.id, count }));
  }

  /** Runs a keyboard command; true when it opened a card. */
  runCommand(command: CommandName): boolean {
    const mentions = this.#scanner.mentions().filter(this.#shown);
    let target: Mention | null;
    if (command === 'open-at-caret') {
      target = this.#mentionForOpenCommand(mentions);
    } else {
      target = stepMention(mentions, this.#hover.openMention, command === 'next-mention' ? 1 : -1, this.#marks);
      const index = target ? mentions.indexOf(target) : -1;
      if (index !== -1) this.#commandAnnounce = { kind: 'position', index: index + 1, total: mentions.length };
    }
    if (target) this.#reveal(target, mentions);
    return target !== null;
  }

  /**
   * Alt+Shift+O: the name at the caret or in the selection; when the keyboard focus is on an element
   * (a link reached with Tab, where no caret is) and no text is selected, the name in or nearest that
   * element: screen-reader and keyboard users move by focus, not by caret.
   */
  #mentionForOpenCommand(mentions: readonly Mention[]): Mention | null {
    const doc = this.#win.document;
    const selection = this.#win.getSelection();
    const focused = focusedElement(doc, (element) => this.#host?.element.contains(element) ?? false);
    const selected = selection !== null && selection.rangeCount > 0 && !selection.isCollapsed;
    // In an editor, a text field, or wherever the caret is inside the focused element, the caret is the reader's.
    const caretInFocus = focused !== null && selection !== null && selection.anchorNode !== null && focused.contains(selection.anchorNode);
    if (focused && !selected && !caretInFocus && !isEditable(focused)) {
      const near = mentionNearElement(focused, mentions, this.#scanner, this.#marks);
      if (near) return near;
    }
    const atCaret = mentionAtSelection(selection, this.#scanner, this.#marks);
    return atCaret && this.#shown(atCaret) ? atCaret : null;
  }

  /** Scrolls to the figure's first mention and opens its card; false when the page does not name it. */
  showFigure(id: string): boolean {
    const mentions = this.#scanner.mentions().filter(this.#shown);
    const target = mentions.find((m) => this.#dataset.figures[m.figure]!.id === id);
    if (!target) return false;
    this.#reveal(target, mentions);
    return true;
  }

  stop(): void {
    if (this.#stopped) return;
    this.#stopped = true;
    this.#live.stop();
    if (this.#figuresTimer) this.#win.clearTimeout(this.#figuresTimer);
    this.#hover.dispose();
    this.#titles.restore();
    this.#marks.clear();
    this.#cards?.remove();
    this.#host?.element.remove();
    this.#cards = null;
    this.#host = null;
  }

  /** Scrolls to a mention (of `mentions`, in document order) and opens its card, its neighbours painted in the first frame there. */
  #reveal(target: Mention, mentions: readonly Mention[]): void {
    const at = mentions.indexOf(target);
    this.#marks.paintNow(mentions.slice(Math.max(0, at - REVEAL_NEIGHBOURS), at + REVEAL_NEIGHBOURS + 1));
    this.#marks.rangeOf(target).startContainer.parentElement?.scrollIntoView({ block: 'center', inline: 'nearest' });
    this.#hover.openNow(target, 'command');
  }

  #visibleChanges(changes: MentionChanges): MentionChanges {
    if (this.#showsAll) return changes;
    return { ...changes, added: changes.added.filter(this.#shown), removed: changes.removed.filter(this.#shown) };
  }

  #getHost(): HostElement {
    return (this.#host ??= appendHostElement(this.#win.document));
  }

  /** The cards, once the card's code has come (asked for at most once at a time; again after a failure). */
  #getCards(): Promise<Cards> {
    this.#cardsLoading ??= this.#loadCards().then(
      (module) => {
        if (this.#stopped) throw new Error('Context Cards: stopped');
        if (this.#cards) return this.#cards;
        const actions = {
          close: () => this.#hover.close(),
          togglePin: () => this.#hover.setPinned(!this.#hover.isPinned),
          isPinned: () => this.#hover.isPinned,
        };
        const cards = module.createCards({ doc: this.#win.document, host: this.#getHost(), actions, t: this.#t });
        cards.setTheme(this.#theme);
        return (this.#cards = cards);
      },
      (error: unknown) => {
        this.#cardsLoading = null;
        this.#cardsFailed = true;
        throw error;
      },
    );
    return this.#cardsLoading;
  }
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

function isEditable(element: Element): boolean {
  return (element as HTMLElement).isContentEditable || element.matches('input, textarea, select');
}

/** Cards opened from the keyboard or the popup take focus, so Tab moves through them and Esc returns. */
function focusesCard(reason: OpenReason): boolean {
  return reason === 'command';
}
