/**
 * The fast pass over a block: does any pattern occur in its folded text at all? One step of the
 * automaton per character, straight from the page's strings, with no copy of the text and no
 * folded buffer: most blocks name nobody, and for them this is all the matching there is. Blocks
 * it lets through get the full match (`Matcher.matchBlock`), which applies the word-boundary and
 * case rules; this pass only has to never miss an occurrence, so it skips those rules.
 *
 * Folding happens inside the table: each character maps to a class (its folded unit's), a
 * removed character loops back to the state it left, and a space read right after a space
 * does too (folding collapses runs of whitespace). Characters that fold to several units take a
 * slow path.
 */
import type { Automaton } from './automaton';
import { foldCodePoint, foldUnit, UNIT_MULTI, UNIT_SPACE } from './fold';

/** Character classes: not yet looked up, folds to several units, removed, then the automaton's classes. */
const CLASS_UNKNOWN = 0;
const CLASS_MULTI = 1;
const CLASS_REMOVED = 2;
const CLASS_BASE = 3;
const SPACE = 0x20;

/** Codes in `#rows` (entries >= 0 are the next state's row): a pattern ends here; the character's class is not learnt yet. */
const ROW_OUTPUT = -1;
const ROW_UNKNOWN_CLASS = -2;
/** What the table does not cover: a character folding to several units, a state without a row. */
const ROW_SLOW = -3;
/** A state whose row is not filled yet. */
const ROW_UNFILLED = -4;
/**
 * Outcomes of `#rare` and `#slowly` other than a state or row: a pattern occurs; the text ended
 * without one. Their values differ from the row codes, so that no outcome reads as a code.
 */
const OUTCOME_MATCHED = -5;
const OUTCOME_ENDED = -6;
/**
 * Folded units the full match reads before the longest text that may be a pattern under way where
 * the prefilter met a pattern's end: the unit before a name (its word boundary), three more for a
 * joined Arabic preposition or conjunction before it (`afterProclitic`), and one for a space the
 * fold drops at the start of the text it reads, and one to spare.
 */
const HIT_MARGIN = 6;
/** Rows made room for at first; the table doubles when they are used up (the bench article reaches some 850). */
const INITIAL_ROWS = 64;

export class Prefilter {
  readonly #automaton: Automaton;
  /** Entries per row: the automaton's classes and the three above. */
  readonly #width: number;
  /** Class of each UTF-16 code unit of page text, learnt the first time it is met. */
  readonly #charClass = new Uint16Array(0x10000);
  /**
   * Rows of the states the text has reached (of those with a dense row in the automaton), by class:
   * where the next state's row starts, or a code. One load and one sign test a character: the hot
   * loop of a scan. Rows are added as the text reaches their state, and the table grows: a page
   * reaches a part of the states, and a row for every state (some 340 classes wide for the real
   * dataset) made megabytes that the page's first scan paid for in garbage collection.
   */
  #rows: Int32Array;
  /** Where each state's row starts in `#rows`, or -1 while it has none. */
  readonly #rowOf: Int32Array;
  /** The state of each row, by row number (its start / width). */
  #stateOfRow: Int32Array;
  #rowCount = 0;
  readonly #rowStates: number;
  /** The code unit of each automaton class (for the states without a row). */
  readonly #unitOfClass: Uint16Array;
  readonly #spaceClass: number;
  #resumePart = 0;
  #resumeUnit = 0;
  /** Where the last `mayMatch` that said true met the first pattern's end (its last unit), and that state's depth (-1: unknown). */
  #hitPart = 0;
  #hitUnit = 0;
  #hitDepth = -1;

  constructor(automaton: Automaton) {
    this.#automaton = automaton;
    const { classCount, classOf, denseRows, unitOf } = automaton;
    const width = (this.#width = classCount + CLASS_BASE);
    this.#rowStates = denseRows;
    this.#spaceClass = classOf[SPACE]!;
    this.#unitOfClass = new Uint16Array(classCount);
    for (let state = 1; state < unitOf.length; state++) this.#unitOfClass[classOf[unitOf[state]!]!] = unitOf[state]!;
    // Rows are filled the first time the text reaches their state: filling them all cost more
    // than the rest of the build.
    const rows = Math.min(denseRows, INITIAL_ROWS);
    this.#rows = new Int32Array(rows * width);
    this.#stateOfRow = new Int32Array(rows);
    this.#rowOf = new Int32Array(denseRows).fill(-1);
    this.#fill(0);
    for (let c = 0; c < 0x80; c++) this.#learn(c);
  }

  /** False when no pattern occurs in the text of `parts[0]` to `parts[count - 1]` read as one. */
  mayMatch(parts: readonly string[], count: number): boolean {
    const charClass = this.#charClass;
    let rows = this.#rows;
    let row = 0;
    let p = 0;
    let i = 0;
    scan: while (p < count) {
      const text = parts[p]!;
      const length = text.length;
      for (; i < length; i++) {
        const next = rows[row + charClass[text.charCodeAt(i)]!]!;
        if (next >= 0) {
          row = next;
          continue;
        }
        if (next === ROW_OUTPUT) {
          this.#hit(p, i, this.#automaton.depthOf(this.#stateOfRow[row / this.#width]!) + 1);
          return true;
        }
        // The rest is rare, and kept out of this loop: the optimising compiler would otherwise meet
        // branches with no type feedback yet, and throw away its code the first time one is taken.
        row = this.#rare(parts, count, p, i, row, next);
        if (row === OUTCOME_MATCHED) return true;
        if (row === OUTCOME_ENDED) return false;
        rows = this.#rows; // it may have grown
        p = this.#resumePart;
        i = this.#resumeUnit;
        continue scan;
      }
      p++;
      i = 0;
    }
    return false;
  }

  /**
   * Where in the text of the parts the last `mayMatch` said true of (read as one) the full match
   * may start and still find everything it would find from the start. Nothing ends before the
   * first place the prefilter met a pattern's end, and what is under way there began at most the
   * depth of the automaton's state back, in folded units: the full match reads from a few units
   * before that (`HIT_MARGIN`), so that its rules see what stands before a name.
   */
  startOfHit(parts: readonly string[]): number {
    if (this.#hitDepth < 0) return 0;
    const charClass = this.#charClass;
    const spaceClass = CLASS_BASE + this.#spaceClass;
    let need = this.#hitDepth + HIT_MARGIN;
    let followedBySpace = false;
    for (let p = this.#hitPart, i = this.#hitUnit; p >= 0; p--, i = p >= 0 ? parts[p]!.length - 1 : 0) {
      const text = parts[p]!;
      for (; i >= 0; i--) {
        const c = text.charCodeAt(i);
        const k = charClass[c]!;
        // What folds to no unit, and a space after a space (folding collapses them), count for nothing;
        // nor does the second half of a surrogate pair (the first counts for the pair's one or more units).
        if (k === CLASS_REMOVED || k === CLASS_UNKNOWN || (c >= 0xdc00 && c <= 0xdfff)) continue;
        const space = k === spaceClass;
        if (!(space && followedBySpace)) need--;
        followedBySpace = space;
        if (need === 0) {
          let offset = i;
          for (let q = 0; q < p; q++) offset += parts[q]!.length;
          return offset;
        }
      }
    }
    return 0;
  }

  /** Notes where a pattern's end was met (unit `i` of part `p`, in a state of depth `depth`); returns OUTCOME_MATCHED. */
  #hit(p: number, i: number, depth: number): number {
    this.#hitPart = p;
    this.#hitUnit = i;
    this.#hitDepth = depth;
    return OUTCOME_MATCHED;
  }

  /**
   * What `mayMatch` does when the table says `code` for unit `i` of part `p` in `row`: learns a
   * character, fills a row, or goes on in `#slowly`. Returns the row to go on from (at `#resumePart`,
   * `#resumeUnit`), OUTCOME_MATCHED or OUTCOME_ENDED.
   */
  #rare(parts: readonly string[], count: number, p: number, i: number, row: number, code: number): number {
    this.#resumePart = p;
    this.#resumeUnit = i + 1;
    if (code === ROW_UNKNOWN_CLASS) {
      this.#learn(parts[p]!.charCodeAt(i));
      this.#resumeUnit = i; // again, now that its class is known
      return row;
    }
    if (code === ROW_UNFILLED) return this.#link(row, this.#charClass[parts[p]!.charCodeAt(i)]!);
    const state = this.#slowly(parts, count, p, i, this.#stateOfRow[row / this.#width]!);
    return state < 0 ? state : this.#rowOf[state]!;
  }

  /**
   * From part `p`, unit `i`, in `state`, one general step at a time, until a state with a row is
   * reached (returned, with where to go on in `#resumePart` and `#resumeUnit`), a pattern
   * occurs (OUTCOME_MATCHED) or the text ends (OUTCOME_ENDED).
   */
  #slowly(parts: readonly string[], count: number, p: number, i: number, state: number): number {
    const charClass = this.#charClass;
    for (; p < count; p++, i = 0) {
      const text = parts[p]!;
      const length = text.length;
      for (; i < length; i++) {
        const c = text.charCodeAt(i);
        let k = charClass[c]!;
        if (k === CLASS_UNKNOWN) k = this.#learn(c);
        if (k === CLASS_MULTI) {
          let cp = c;
          if (c >= 0xd800 && c <= 0xdbff) {
            const low = i + 1 < length ? text.charCodeAt(i + 1) : p + 1 < count ? parts[p + 1]!.charCodeAt(0) : 0;
            if (low >= 0xdc00 && low <= 0xdfff) {
              if (i + 1 === length) {
                this.#hitDepth = -1; // a pair split across nodes: the full match decides, from the start
                return OUTCOME_MATCHED;
              }
              cp = (c - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
              i++;
            }
          }
          const folded = foldCodePoint(cp);
          for (let u = 0; u < folded.length; u++) {
            const next = this.#step(state, CLASS_BASE + this.#automaton.classOf[folded.charCodeAt(u)]!);
            if (next < 0) return this.#hit(p, i, this.#automaton.depthOf(-1 - next));
            state = next;
          }
        } else {
          const next = this.#step(state, k);
          if (next < 0) return this.#hit(p, i, this.#automaton.depthOf(-1 - next));
          state = next;
        }
        if (state < this.#rowStates) {
          this.#resumePart = p;
          this.#resumeUnit = i + 1;
          if (this.#rowOf[state] === -1) this.#fill(state);
          return state;
        }
      }
    }
    return OUTCOME_ENDED;
  }

  /**
   * Adds the row of `state` (a state that may have a dense row in the automaton); returns where it
   * starts. A row is its failure state's (filled first; a shallower state) with its own children
   * written over it, as the automaton makes its dense rows: a state leaves the text it has read
   * the way its longest proper suffix does, except by its own children. Filled class by class, a
   * row asked the automaton about every one of its some 340 classes, and a page's first scan spent
   * a tenth of its time there; copied, a row costs one native copy and its few children.
   */
  #fill(state: number): number {
    const automaton = this.#automaton;
    const { childStart, classOf, unitOf } = automaton;
    // The automaton's own row too: the full match (`Matcher.matchBlock`) steps by it.
    automaton.row(state);
    const base = state === 0 ? -1 : this.#rowOf[automaton.fail[state]!] !== -1 ? this.#rowOf[automaton.fail[state]!]! : this.#fill(automaton.fail[state]!);
    const row = this.#newRow(state);
    const rows = this.#rows;
    if (base === -1) {
      // (The states one step from the root resolve without making rows: `dense` stays the same array.)
      const dense = automaton.dense;
      for (let k = 0; k < automaton.classCount; k++) rows[row + CLASS_BASE + k] = this.#entryFor(dense[k]!);
    } else rows.copyWithin(row, base, base + this.#width);
    rows[row + CLASS_UNKNOWN] = ROW_UNKNOWN_CLASS;
    rows[row + CLASS_MULTI] = ROW_SLOW;
    rows[row + CLASS_REMOVED] = row;
    for (let c = childStart[state]!, end = childStart[state + 1]!; c < end; c++) rows[row + CLASS_BASE + classOf[unitOf[c]!]!] = this.#entryFor(c);
    if (state !== 0 && unitOf[state] === SPACE) rows[row + CLASS_BASE + this.#spaceClass] = row;
    return row;
  }

  /** Makes room for the row of `state` and returns where it starts (its entries are not written yet). */
  #newRow(state: number): number {
    const width = this.#width;
    if (this.#rowCount === this.#stateOfRow.length) {
      const more = Math.min(this.#rowStates, this.#rowCount * 2);
      const rows = new Int32Array(more * width);
      rows.set(this.#rows);
      this.#rows = rows;
      const states = new Int32Array(more);
      states.set(this.#stateOfRow);
      this.#stateOfRow = states;
    }
    const row = this.#rowCount * width;
    this.#stateOfRow[this.#rowCount++] = state;
    this.#rowOf[state] = row;
    return row;
  }

  /** The entry of a row leading to `next`: a pattern ends there, its row, or a code. */
  #entryFor(next: number): number {
    if (this.#automaton.resolve(next) === 1) return ROW_OUTPUT;
    if (next >= this.#rowStates) return ROW_SLOW;
    return this.#rowOf[next] !== -1 ? this.#rowOf[next]! : ROW_UNFILLED;
  }

  /** The row that class `k` leads to from `row`, filled now; the entry is updated to lead there directly. */
  #link(row: number, k: number): number {
    const automaton = this.#automaton;
    const from = automaton.row(this.#stateOfRow[row / this.#width]!); // before reading `dense`, which it may replace
    const next = automaton.dense[from + k - CLASS_BASE]!;
    const target = this.#rowOf[next] !== -1 ? this.#rowOf[next]! : this.#fill(next);
    return (this.#rows[row + k] = target);
  }

  #learn(c: number): number {
    const v = foldUnit(c);
    const k =
      v >= 0 ? CLASS_BASE + this.#automaton.classOf[v]! : v === UNIT_SPACE ? CLASS_BASE + this.#spaceClass : v === UNIT_MULTI ? CLASS_MULTI : CLASS_REMOVED;
    this.#charClass[c] = k;
    return k;
  }

  /** One step from any state: the next state, or -1 - the next state when it has output. */
  #step(from: number, k: number): number {
    if (k === CLASS_REMOVED) return from;
    const automatonClass = k - CLASS_BASE;
    // A character no pattern holds leads back to the root, which ends none.
    if (automatonClass === 0) return 0;
    const { next, resolve, unitOf } = this.#automaton;
    if (from !== 0 && automatonClass === this.#spaceClass && unitOf[from] === SPACE) return from;
    const state = next(from, this.#unitOfClass[automatonClass]!);
    return resolve(state) === 1 ? -1 - state : state;
  }
}
