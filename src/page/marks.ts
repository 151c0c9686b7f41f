/**
 * Marks mentions with the CSS Custom Highlight API: the page's DOM is never touched.
 * Keeps one live Range per mention, which also serves hit-testing and card placement.
 */
import type { HighlightStyle } from '../core/settings-model';
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

export class Marks {
  readonly #doc: Document;
  readonly #scanner: PageScanner;
  readonly #ranges = new Map<Mention, Range>();
  readonly #highlight: HighlightLike | null;

  constructor(doc: Document, scanner: PageScanner) {
    this.#doc = doc;
    this.#scanner = scanner;
    this.#highlight = createHighlight(doc);
  }

  apply(changes: MentionChanges): void {
    for (const mention of changes.removed) {
      const range = this.#ranges.get(mention);
      if (!range) continue;
      this.#highlight?.delete(range);
      this.#ranges.delete(mention);
    }
    for (const mention of changes.added) this.#highlight?.add(this.rangeOf(mention));
  }

  /** The live range of a mention (created on first use). */
  rangeOf(mention: Mention): Range {
    let range = this.#ranges.get(mention);
    if (!range) {
      const { start, end } = this.#scanner.boundsOf(mention);
      range = this.#doc.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      this.#ranges.set(mention, range);
    }
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
    this.#highlight?.clear();
    this.#ranges.clear();
    const registry = highlightRegistry(this.#doc);
    if (!registry) return;
    for (const name of Object.values(HIGHLIGHT_NAMES)) {
      if (registry.get(name) === this.#highlight) registry.delete(name);
    }
  }
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
