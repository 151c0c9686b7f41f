/**
 * Which mentions are painted: those whose element is near the viewport. Registering a range with a
 * highlight costs the browser style and layout work for its text, in the frame after: the 5,800
 * mentions of a 2.7 MB page, all registered, made one frame of 100-370 ms in Blink. And any change
 * to the highlight costs a paint of the whole page (about 30-60 ms a frame on that page), so the
 * highlight must change seldom, in batches, not as each element scrolls in. So:
 * - the block holding each mention's start is watched (`ahead`: within a few viewports of the
 *   view; `mark-bands.ts` says how with few targets), which changes nothing painted;
 * - the elements ahead are watched again, closer (`near`: within a viewport); when one not painted
 *   comes near, one batch paints every element ahead and unpaints those no longer ahead.
 * Scrolling thus changes the highlight once every few viewports, and meets marks painted already.
 * What the scanner knows (hit-testing, navigation, counts) never depends on this.
 */
import { Bands, type Where, type WhereEntry, type ZoneWatcher } from './mark-bands';
import type { Mention } from './mention-index';

/** The zones: `near`, a viewport around the view; `ahead`, a few viewports around it. */
export type Zone = 'near' | 'ahead';

export type WatchZone = (zone: Zone, onChange: (entries: readonly WhereEntry[]) => void) => ZoneWatcher;

/** What the window paints with: the highlight, one range per painted mention. */
export interface PaintTarget {
  paint(mention: Mention): void;
  unpaint(mention: Mention): void;
}

/**
 * The zones' margins, above and below the view. Near: a viewport, so that a mark is painted
 * before its line scrolls in. Ahead: four viewports, what one batch paints, so that a reader
 * scrolling on meets three viewports of marks before the next batch.
 */
const MARGINS: Record<Zone, string> = { near: '100% 0px', ahead: '400% 0px' };

export class MarkWindow {
  readonly #paint: PaintTarget;
  readonly #bands: Bands | null;
  readonly #near: ZoneWatcher | null;
  readonly #byElement = new Map<Element, Set<Mention>>();
  readonly #elementOf = new Map<Mention, Element>();
  /** Elements inside the `ahead` zone (the `near` watcher watches these only). */
  readonly #isAhead = new Set<Element>();
  readonly #painted = new Set<Element>();

  /** Without `watch` (no IntersectionObserver: Node, test DOMs), every mention is painted. */
  constructor({ paint, watch }: { paint: PaintTarget; watch: WatchZone | null }) {
    this.#paint = paint;
    this.#near = watch ? watch('near', (entries) => this.#onNear(entries)) : null;
    if (!watch) {
      this.#bands = null;
      return;
    }
    const bands: Bands = new Bands({
      watcher: watch('ahead', (entries) => bands.onEntries(entries)),
      onAhead: (element, ahead) => this.#onAhead(element, ahead),
    });
    this.#bands = bands;
  }

  /** A mention to paint when `element` (holding its start) is near the viewport. */
  add(mention: Mention, element: Element): void {
    if (!this.#bands) {
      this.#paint.paint(mention);
      return;
    }
    this.#elementOf.set(mention, element);
    let mentions = this.#byElement.get(element);
    if (!mentions) {
      mentions = new Set();
      this.#byElement.set(element, mentions);
      this.#bands.add(element);
    }
    mentions.add(mention);
    if (this.#painted.has(element)) this.#paint.paint(mention);
  }

  /** A mention gone: unpainted, and its element no longer watched once it holds no other. */
  remove(mention: Mention): void {
    this.#paint.unpaint(mention);
    const element = this.#elementOf.get(mention);
    if (!element) return;
    this.#elementOf.delete(mention);
    const mentions = this.#byElement.get(element)!;
    mentions.delete(mention);
    if (mentions.size) return;
    this.#byElement.delete(element);
    this.#bands!.remove(element);
    this.#onAhead(element, false);
    this.#painted.delete(element);
  }

  /**
   * Paints these mentions' elements now, before the watchers say they are near: a command scrolls
   * to a mention far away, and its mark must be there in the first frame that shows it.
   */
  paintNow(mentions: readonly Mention[]): void {
    for (const mention of mentions) {
      const element = this.#elementOf.get(mention);
      if (element) this.#paintElement(element);
    }
  }

  clear(): void {
    this.#bands?.clear();
    this.#near?.disconnect();
    this.#byElement.clear();
    this.#elementOf.clear();
    this.#isAhead.clear();
    this.#painted.clear();
  }

  #onAhead(element: Element, ahead: boolean): void {
    if (ahead === this.#isAhead.has(element)) return;
    if (ahead) {
      this.#isAhead.add(element);
      this.#near!.observe(element);
    } else {
      this.#isAhead.delete(element);
      this.#near!.unobserve(element);
    }
  }

  #onNear(entries: readonly WhereEntry[]): void {
    const comes = entries.filter(({ target, where }) => where === 'inside' && this.#byElement.has(target) && !this.#painted.has(target));
    if (comes.length === 0) return;
    for (const element of this.#painted) {
      if (this.#isAhead.has(element)) continue;
      this.#painted.delete(element);
      for (const mention of this.#byElement.get(element)!) this.#paint.unpaint(mention);
    }
    for (const element of this.#isAhead) this.#paintElement(element);
    for (const { target } of comes) this.#paintElement(target);
  }

  #paintElement(element: Element): void {
    if (this.#painted.has(element)) return;
    this.#painted.add(element);
    for (const mention of this.#byElement.get(element)!) this.#paint.paint(mention);
  }
}

/** The zones' margins as fractions of the viewport's height, for measuring by hand (`MARGINS`). */
const MARGIN_VIEWPORTS: Record<Zone, number> = { near: 1, ahead: 4 };

/**
 * Least time between two measurements of the watched elements while the page scrolls: often enough
 * that a jump is caught within a few frames, seldom enough that steady scrolling stays cheap
 * (each reads the boxes of the watched elements, about 360 on the 2.7 MB page).
 */
const REMEASURE_MS = 100;

/**
 * The browser's watchers: IntersectionObservers with the document as their root (so that the
 * margins apply in frames too; with the implicit root, a cross-origin frame's margin is ignored).
 * Their callbacks run at most once a frame. An element with no box (`display: contents`, or
 * hidden) is never seen to intersect: it counts as inside (what has no box shows nothing, and
 * `display: contents` text would otherwise never be marked); so does one beside the zone, not
 * above or below it (a carousel scrolled sideways).
 *
 * An observer tells only when an element enters or leaves the zone, not when one jumps from below
 * it to above it: a jump (scrolling to a fragment, the End key, a script's `scrollIntoView`) past
 * both edges of a band would leave it unpainted with the reader inside it. So while the page
 * scrolls, the watched elements are also measured by hand, and what moved across is told.
 */
export function intersectionWatcher(doc: Document): WatchZone | null {
  const win = doc.defaultView as (Window & typeof globalThis) | null;
  if (!win || typeof win.IntersectionObserver !== 'function') return null;
  return (zone, onChange) => {
    /** Where each watched element was last told to lie (null: not yet). */
    const told = new Map<Element, Where | null>();
    const tell = (entries: readonly WhereEntry[]): void => {
      const changed = entries.filter(({ target, where }) => told.has(target) && told.get(target) !== where);
      for (const { target, where } of changed) told.set(target, where);
      if (changed.length) onChange(changed);
    };
    const observer = new win.IntersectionObserver(
      (entries) => {
        tell(entries.map((entry) => ({ target: entry.target, where: whereOf(entry) })));
      },
      { root: doc, rootMargin: MARGINS[zone] },
    );
    const remeasure = new Remeasure(win, () => {
      const margin = win.innerHeight * MARGIN_VIEWPORTS[zone];
      const top = -margin;
      const bottom = win.innerHeight + margin;
      tell([...told.keys()].map((target) => ({ target, where: whereOfBox(target.getBoundingClientRect(), top, bottom) })));
    });
    return {
      observe(element) {
        if (told.has(element)) return;
        told.set(element, null);
        observer.observe(element);
        remeasure.start();
      },
      unobserve(element) {
        told.delete(element);
        observer.unobserve(element);
      },
      disconnect() {
        told.clear();
        observer.disconnect();
        remeasure.stop();
      },
    };
  };
}

/** Calls `measure` after the page scrolls (any scroller), at most every REMEASURE_MS, and once after the last scroll. */
class Remeasure {
  readonly #win: Window;
  readonly #measure: () => void;
  #controller: AbortController | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #last = 0;

  constructor(win: Window, measure: () => void) {
    this.#win = win;
    this.#measure = measure;
  }

  start(): void {
    if (this.#controller) return;
    this.#controller = new AbortController();
    // Capture: scroll events of inner scrollers do not bubble.
    this.#win.addEventListener('scroll', () => this.#schedule(), { capture: true, passive: true, signal: this.#controller.signal });
  }

  stop(): void {
    this.#controller?.abort();
    this.#controller = null;
    if (this.#timer !== null) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #schedule(): void {
    if (this.#timer !== null) return;
    const wait = Math.max(0, this.#last + REMEASURE_MS - performance.now());
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#win.requestAnimationFrame(() => {
        this.#last = performance.now();
        this.#measure();
      });
    }, wait);
  }
}

function whereOfBox(box: DOMRect, top: number, bottom: number): Where {
  if (box.width === 0 && box.height === 0) return 'inside';
  if (box.bottom <= top) return 'above';
  return box.top >= bottom ? 'below' : 'inside';
}

function whereOf({ isIntersecting, boundingClientRect, rootBounds }: IntersectionObserverEntry): Where {
  if (isIntersecting || !rootBounds) return 'inside';
  return whereOfBox(boundingClientRect, rootBounds.top, rootBounds.bottom);
}
