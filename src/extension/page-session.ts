/**
 * Context Cards running on one document: the scan, the marks, hover intent and the card. Started
 * when the settings let it run on the page, stopped (every mark and listener gone) when they no
 * longer do.
 */
import type { Category, CompiledDataset } from '../core/dataset';
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
import type { Translate } from '../ui/translate';
import type { HighlightStyle, Theme } from '../core/settings-model';
import type { Announce } from './card-announcement';
import { CardController } from './card-controller';
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
}

export class PageSession {
  readonly #win: Window;
  readonly #dataset: CompiledDataset;
  readonly #scanner: PageScanner;
  readonly #marks: Marks;
  readonly #hover: HoverIntent;
  readonly #titles = new TitleTooltips();
  readonly #live: LiveScan;
  readonly #shown: (mention: Mention) => boolean;
  /** Every kind is shown (the default): scanner changes go to the marks as they are. */
  readonly #showsAll: boolean;
  readonly #t: Translate;
  #cards: CardController | null = null;
  #theme: Theme;
  #figuresTimer = 0;
  #stopped = false;
  /** What the next card opened by a command announces (its place among the names, for next/previous). */
  #commandAnnounce: Announce = { kind: 'opened' };
  /** Resolves when the first scan has finished. */
  readonly ready: Promise<void>;

  constructor(win: Window, dataset: CompiledDataset, options: SessionOptions) {
    this.#win = win;
    this.#dataset = dataset;
    this.#theme = options.theme;
    this.#t = options.t;
    const doc = win.document;
    const categories = { ...options.categories };
    this.#shown = (mention) => categories[dataset.figures[mention.figure]!.category];
    this.#showsAll = Object.values(categories).every(Boolean);
    const shownOrNull = (mention: Mention | null) => (mention && this.#shown(mention) ? mention : null);

    // Our one element on the page is the card host, made when the first card is wanted: the page
    // layer knows it only through this.
    const isOurs = (node: Node): boolean => this.#cards !== null && (node === this.#cards.host.element || this.#cards.host.element.contains(node));
    this.#scanner = new PageScanner(new Matcher(dataset), { isOurs, shadowRootOf: options.shadowRootOf });
    this.#marks = new Marks(doc, this.#scanner);
    this.#marks.setStyle(options.highlight);
    this.#scanner.onShadowRoot((root) => this.#marks.styleShadowRoot(root, options.markCss));
    this.#scanner.onChange((changes) => {
      if (this.#stopped) return;
      const visible = this.#visibleChanges(changes);
      this.#marks.apply(visible);
      if (visible.added.length) this.#hover.recheck();
      if (this.#cards) this.#cards.host.element.dataset.mentions = String(changes.total);
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
        isCard: (target) => this.#cards !== null && this.#cards.host.contains(target),
        prepare: (mention, { point }) => this.#getCards().prepare(mention.figure, { range: this.#marks.rangeOf(mention), point }),
        open: (mention, { reason, point }) => {
          const range = this.#marks.rangeOf(mention);
          this.#titles.hideAround(range.startContainer);
          const announce: Announce = reason === 'command' ? this.#commandAnnounce : reason === 'focus' ? { kind: 'beside-focus' } : { kind: 'opened' };
          this.#commandAnnounce = { kind: 'opened' };
          this.#getCards().open(mention.figure, { range, point }, { focus: focusesCard(reason), announce });
        },
        pinned: () => this.#cards?.refresh(),
        close: () => {
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
      this.#getCards().host.element.dataset.mentions = String(this.#scanner.mentionCount);
      options.onFiguresChanged();
    });
  }

  /** Changes that need no rescan: how marks look, the dwell delay, the card's theme. */
  setLook(look: SessionLook): void {
    this.#marks.setStyle(look.highlight);
    this.#hover.setOptions({ dwellMs: look.dwellMs, graceMs: GRACE_MS });
    this.#theme = look.theme;
    this.#cards?.host.setTheme(look.theme);
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
    const focused = focusedElement(doc, (element) => this.#cards?.host.contains(element) ?? false);
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
    this.#cards?.close();
    this.#cards?.host.remove();
    this.#cards = null;
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

  #getCards(): CardController {
    if (!this.#cards) {
      const actions = {
        close: () => this.#hover.close(),
        togglePin: () => this.#hover.setPinned(!this.#hover.isPinned),
        isPinned: () => this.#hover.isPinned,
      };
      this.#cards = new CardController(this.#win.document, this.#dataset, actions, this.#t);
      this.#cards.host.setTheme(this.#theme);
    }
    return this.#cards;
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
