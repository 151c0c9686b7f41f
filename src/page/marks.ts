/**
 * Marks mentions with the CSS Custom Highlight API: the page's DOM is never touched. One live
 * Range per mention near the viewport is registered (see `mark-window.ts`); hit-testing and card
 * placement ask for the range of any mention.
 */
import type { HighlightStyle } from '../core/settings-model';
import { blockContainerOf, DOCUMENT_FRAGMENT_NODE } from './element-kinds';
import { intersectionWatcher, MarkWindow, type WatchZone } from './mark-window';
import type { Mention, MentionChanges, PageScanner } from './scanner';

export const HIGHLIGHT_NAMES = {
  underline: 'context-cards-mention',
  background: 'context-cards-mention-background',
} as const satisfies Record<Exclude<HighlightStyle, 'none'>, string>;

/**
 * A feature query true only in Gecko, whose `::highlight()` painted no underline before Firefox 149:
 * highlight.css adds a tint to the underline style under it. Shared so that the options page
 * describes what the marks look like in the browser it runs in.
 */
export const GECKO_QUERY = '(-moz-orient: inline)';

/** Whether the underline style is drawn with a tint in this browser (see GECKO_QUERY). */
export function underlineComesWithTint(css: { supports(query: string): boolean } | undefined): boolean {
  return css?.supports(GECKO_QUERY) ?? false;
}

interface HighlightLike {
  add(range: AbstractRange): unknown;
  delete(range: AbstractRange): unknown;
  clear(): void;
}

interface HighlightRegistry {
  set(name: string, highlight: HighlightLike): unknown;
  get(name: string): HighlightLike | undefined;
  delete(name: string): unknown;
}

export interface MarksOptions {
  /** What tells which elements are near the viewport (by default an IntersectionObserver, where there is one). */
  readonly watch?: WatchZone | null;
}

export class Marks {
  readonly #doc: Document;
  readonly #scanner: PageScanner;
  /** The ranges of the mentions painted (registered with the highlight). */
  readonly #ranges = new Map<Mention, Range>();
  readonly #highlight: HighlightLike | null;
  readonly #window: MarkWindow;

  constructor(doc: Document, scanner: PageScanner, { watch = intersectionWatcher(doc) }: MarksOptions = {}) {
    this.#doc = doc;
    this.#scanner = scanner;
    this.#highlight = createHighlight(doc);
    this.#window = new MarkWindow({
      watch,
      paint: {
        paint: (mention) => {
          if (this.#ranges.has(mention)) return;
          const range = this.#newRange(mention);
          this.#ranges.set(mention, range);
          this.#highlight?.add(range);
        },
        unpaint: (mention) => {
          const range = this.#ranges.get(mention);
          if (!range) return;
          this.#highlight?.delete(range);
          this.#ranges.delete(mention);
        },
      },
    });
  }

  apply(changes: MentionChanges): void {
    for (const mention of changes.removed) this.#window.remove(mention);
    for (const mention of changes.added) {
      // (A text node taken out since it was read has no element: the next rescan forgets it.)
      const element = elementAt(this.#scanner.boundsOf(mention).start.node);
      if (element) this.#window.add(mention, element);
    }
  }

  /** Paints these mentions now, wherever they are (a command is about to scroll to one of them). */
  paintNow(mentions: readonly Mention[]): void {
    this.#window.paintNow(mentions);
  }

  /** The live range of a mention: the painted one, or a new one for a mention not painted. */
  rangeOf(mention: Mention): Range {
    return this.#ranges.get(mention) ?? this.#newRange(mention);
  }

  /**
   * A range is made when the mention is painted or asked for, which may be after the page changed
   * its text and before the rescan that forgets the mention: the offsets are kept within the text.
   */
  #newRange(mention: Mention): Range {
    const { start, end } = this.#scanner.boundsOf(mention);
    const range = this.#doc.createRange();
    range.setStart(start.node, Math.min(start.offset, start.node.length));
    range.setEnd(end.node, Math.min(end.offset, end.node.length));
    return range;
  }

  /**
   * Page styles do not reach into shadow trees, so the mark's style is adopted by each shadow root
   * whose text we mark. Where the browser refuses (Firefox content scripts cannot construct sheets
   * for the page), names there still open cards; they are just not underlined.
   */
  styleShadowRoot(root: ShadowRoot, css: string): void {
    try {
      const win = this.#doc.defaultView as (Window & typeof globalThis) | null;
      if (!win) return;
      const sheet = new win.CSSStyleSheet();
      sheet.replaceSync(css);
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    } catch {
      // See above.
    }
  }

  /**
   * How marks look. Each style is its own highlight name, styled in highlight.css; 'none' leaves
   * the highlight unregistered, so nothing is drawn while the ranges still serve hit-testing.
   */
  setStyle(style: HighlightStyle): void {
    const registry = highlightRegistry(this.#doc);
    if (!registry || !this.#highlight) return;
    for (const name of Object.values(HIGHLIGHT_NAMES)) {
      if (registry.get(name) === this.#highlight) registry.delete(name);
    }
    if (style !== 'none') registry.set(HIGHLIGHT_NAMES[style], this.#highlight);
  }

  /** Removes every mark from the page and forgets the ranges (Context Cards switched off here). */
  clear(): void {
    this.#window.clear();
    this.#highlight?.clear();
    this.#ranges.clear();
    const registry = highlightRegistry(this.#doc);
    if (!registry) return;
    for (const name of Object.values(HIGHLIGHT_NAMES)) {
      if (registry.get(name) === this.#highlight) registry.delete(name);
    }
  }
}

/**
 * The element watched for a mention starting in a text node: its nearest block (a paragraph, so
 * that the blocks of an article are siblings, see `mark-bands.ts`), or the host of a shadow tree
 * it lies in without one. Null for a text node the page took out since it was read.
 */
function elementAt(node: Text): Element | null {
  if (!node.parentNode) return null;
  const container = blockContainerOf(node);
  return container?.nodeType === DOCUMENT_FRAGMENT_NODE ? (container as ShadowRoot).host : (container as Element | null);
}

function highlightRegistry(doc: Document): HighlightRegistry | null {
  const css = doc.defaultView?.CSS as unknown as { highlights?: HighlightRegistry } | undefined;
  return css?.highlights ?? null;
}

function createHighlight(doc: Document): HighlightLike | null {
  const registry = highlightRegistry(doc);
  const HighlightCtor = (doc.defaultView as unknown as { Highlight?: new () => HighlightLike } | null)?.Highlight;
  if (!registry || !HighlightCtor) return null;
  const highlight = new HighlightCtor();
  registry.set(HIGHLIGHT_NAMES.underline, highlight);
  return highlight;
}
