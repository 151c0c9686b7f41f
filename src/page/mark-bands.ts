/**
 * Which elements holding mentions lie within a few viewports of the view (`ahead`), told by
 * watching few of them: an IntersectionObserver costs the browser work for every target in every
 * frame that scrolls (about 10 ms a frame for 5,800 targets in Blink, measured on a loaded
 * machine). So the elements are grouped into bands of siblings in document order (the paragraphs
 * of an article), which the page lays out one below the other, and only each band's first and last
 * element are watched: a band is ahead when either edge is, or when the view lies between them.
 */

/** Where a watched element lies: inside the zone, or wholly above or below it. */
export type Where = 'inside' | 'above' | 'below';

export interface WhereEntry {
  readonly target: Element;
  readonly where: Where;
}

/** Watches elements, telling at least once for each watched one where it lies (and then each change). */
export interface ZoneWatcher {
  observe(element: Element): void;
  unobserve(element: Element): void;
  disconnect(): void;
}

/** Elements a band holds at most: the fewer, the more is painted ahead when one edge comes near. */
const BAND_SIZE = 32;

/** How far along its siblings an element may follow the last of a band and still join it. */
const SIBLING_STEPS = 64;

interface Band {
  readonly members: Element[];
  ahead: boolean;
}

export class Bands {
  readonly #watcher: ZoneWatcher;
  readonly #onAhead: (element: Element, ahead: boolean) => void;
  readonly #bandOf = new Map<Element, Band>();
  /** Where each watched edge lies, once told. */
  readonly #where = new Map<Element, Where>();
  /** The band of the element added last: the next one joins it when it follows as a sibling. */
  #tail: Band | null = null;

  constructor({ watcher, onAhead }: { watcher: ZoneWatcher; onAhead: (element: Element, ahead: boolean) => void }) {
    this.#watcher = watcher;
    this.#onAhead = onAhead;
  }

  add(element: Element): void {
    const tail = this.#tail;
    let band: Band;
    if (tail && tail.members.length < BAND_SIZE && followsSoon(tail.members[tail.members.length - 1]!, element)) {
      band = tail;
      const last = band.members[band.members.length - 1]!;
      band.members.push(element);
      // The old last element is no longer an edge, unless it is the first too.
      if (band.members.length > 2) this.#unwatch(last);
    } else {
      band = { members: [element], ahead: false };
    }
    this.#bandOf.set(element, band);
    this.#tail = band;
    this.#watcher.observe(element);
    this.#update(band, element);
  }

  remove(element: Element): void {
    const band = this.#bandOf.get(element);
    if (!band) return;
    this.#bandOf.delete(element);
    const at = band.members.indexOf(element);
    const wasEdge = at === 0 || at === band.members.length - 1;
    band.members.splice(at, 1);
    if (wasEdge) {
      this.#unwatch(element);
      const edge = band.members[at === 0 ? 0 : band.members.length - 1];
      if (edge) this.#watcher.observe(edge);
    }
    if (band.members.length === 0) {
      if (this.#tail === band) this.#tail = null;
      return;
    }
    this.#update(band, null);
  }

  /** What the watcher told. */
  onEntries(entries: readonly WhereEntry[]): void {
    const changed = new Set<Band>();
    for (const { target, where } of entries) {
      const band = this.#bandOf.get(target);
      if (!band || !isEdge(band, target)) continue;
      this.#where.set(target, where);
      changed.add(band);
    }
    for (const band of changed) this.#update(band, null);
  }

  clear(): void {
    this.#watcher.disconnect();
    this.#bandOf.clear();
    this.#where.clear();
    this.#tail = null;
  }

  #unwatch(element: Element): void {
    this.#where.delete(element);
    this.#watcher.unobserve(element);
  }

  /** Tells what changed after the band's edges or members did (`added`: a member new to it). */
  #update(band: Band, added: Element | null): void {
    const ahead = isAhead(this.#where.get(band.members[0]!), this.#where.get(band.members[band.members.length - 1]!));
    if (ahead !== band.ahead) {
      band.ahead = ahead;
      for (const member of band.members) this.#onAhead(member, ahead);
    } else if (added && ahead) this.#onAhead(added, true);
  }
}

/**
 * Whether a band whose edges lie there holds elements inside the zone. Until the watcher has told
 * where an edge lies, it does not: what a first scan finds far away must not be painted in passing.
 */
function isAhead(first: Where | undefined, last: Where | undefined): boolean {
  if (first === 'inside' || last === 'inside') return true;
  return first !== undefined && last !== undefined && first !== last;
}

function isEdge(band: Band, element: Element): boolean {
  return band.members[0] === element || band.members[band.members.length - 1] === element;
}

/** Whether `later` is one of the next few element siblings of `earlier`. */
function followsSoon(earlier: Element, later: Element): boolean {
  let n = earlier.nextElementSibling;
  for (let steps = 0; n && steps < SIBLING_STEPS; steps++, n = n.nextElementSibling) if (n === later) return true;
  return false;
}
