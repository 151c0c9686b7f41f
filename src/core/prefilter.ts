/**
 * The fast pass over a block: does any pattern occur in its folded text at all? One step of the
 * automaton per character, straight from the page's strings, with no copy of the text and no
 * folded buffer: most blocks name nobody, and for them this is all the matching there is. Blocks
 * it lets through get the full match (`Matcher.matchBlock`), which applies the word-boundary and
 * case rules; this pass only has to never miss an occurrence, so it skips those rules.
 *
 * Folding happens inside the table: each character maps to a column (its folded unit's class), a
 * removed character loops back to the state it left, and a space read right after a space
 * does too (folding collapses runs of whitespace). Characters that fold to several units take a
 * slow path.
 */
import type { Automaton } from './automaton';
import { foldCodePoint, foldUnit, UNIT_MULTI, UNIT_SPACE } from './fold';
import { CLASS_MULTI, CLASS_REMOVED, CLASS_UNKNOWN, PrefilterRows, ROW_OUTPUT, ROW_UNKNOWN_CLASS, ROW_UNFILLED } from './prefilter-rows';

const SPACE = 0x20;
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

export class Prefilter {
  readonly #automaton: Automaton;
  readonly #table: PrefilterRows;
  /** Column of each UTF-16 code unit of page text, learnt the first time it is met. */
  readonly #columnOfChar = new Uint16Array(0x10000);
  #resumePart = 0;
  #resumeUnit = 0;
  /** Where the last `mayMatch` that said true met the first pattern's end (its last unit), and that state's depth (-1: unknown). */
  #hitPart = 0;
  #hitUnit = 0;
  #hitDepth = -1;

  constructor(automaton: Automaton) {
    this.#automaton = automaton;
    this.#table = new PrefilterRows(automaton);
    for (let c = 0; c < 0x80; c++) this.#learn(c);
  }

  /** False when no pattern occurs in the text of `parts[0]` to `parts[count - 1]` read as one. */
  mayMatch(parts: readonly string[], count: number): boolean {
    const columnOfChar = this.#columnOfChar;
    const table = this.#table;
    let rows = table.rows;
    let row = 0;
    let p = 0;
    let i = 0;
    scan: while (p < count) {
      const text = parts[p]!;
      const length = text.length;
      for (; i < length; i++) {
        const next = rows[row + columnOfChar[text.charCodeAt(i)]!]!;
        if (next >= 0) {
          row = next;
          continue;
        }
        if (next === ROW_OUTPUT) {
          this.#hit(p, i, this.#automaton.depthOf(table.stateAt(row)) + 1);
          return true;
        }
        // The rest is rare, and kept out of this loop: the optimising compiler would otherwise meet
        // branches with no type feedback yet, and throw away its code the first time one is taken.
        row = this.#rare(parts, count, p, i, row, next);
        if (row === OUTCOME_MATCHED) return true;
        if (row === OUTCOME_ENDED) return false;
        rows = table.rows; // it may have grown
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
    const columnOfChar = this.#columnOfChar;
    const spaceColumn = this.#table.spaceColumn;
    let need = this.#hitDepth + HIT_MARGIN;
    let followedBySpace = false;
    for (let p = this.#hitPart, i = this.#hitUnit; p >= 0; p--, i = p >= 0 ? parts[p]!.length - 1 : 0) {
      const text = parts[p]!;
      for (; i >= 0; i--) {
        const c = text.charCodeAt(i);
        const k = columnOfChar[c]!;
        // What folds to no unit, and a space after a space (folding collapses them), count for nothing;
        // nor does the second half of a surrogate pair (the first counts for the pair's one or more units).
        if (k === CLASS_REMOVED || k === CLASS_UNKNOWN || (c >= 0xdc00 && c <= 0xdfff)) continue;
        const space = k === spaceColumn;
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
    const table = this.#table;
    if (code === ROW_UNKNOWN_CLASS) {
      const state = table.stateAt(row);
      this.#learn(parts[p]!.charCodeAt(i)); // which may widen the rows
      this.#resumeUnit = i; // again, now that its class is known
      return table.rowOf(state);
    }
    if (code === ROW_UNFILLED) return table.link(row, this.#columnOfChar[parts[p]!.charCodeAt(i)]!);
    const state = this.#slowly(parts, count, p, i, table.stateAt(row));
    return state < 0 ? state : table.rowOf(state);
  }

  /**
   * From part `p`, unit `i`, in `state`, one general step at a time, until a state with a row is
   * reached (returned, with where to go on in `#resumePart` and `#resumeUnit`), a pattern
   * occurs (OUTCOME_MATCHED) or the text ends (OUTCOME_ENDED).
   */
  #slowly(parts: readonly string[], count: number, p: number, i: number, state: number): number {
    const columnOfChar = this.#columnOfChar;
    for (; p < count; p++, i = 0) {
      const text = parts[p]!;
      const length = text.length;
      for (; i < length; i++) {
        const c = text.charCodeAt(i);
        let k = columnOfChar[c]!;
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
            const next = this.#step(state, this.#automaton.classOf[folded.charCodeAt(u)]!);
            if (next < 0) return this.#hit(p, i, this.#automaton.depthOf(-1 - next));
            state = next;
          }
        } else if (k !== CLASS_REMOVED) {
          const next = this.#step(state, this.#table.classOfColumn(k));
          if (next < 0) return this.#hit(p, i, this.#automaton.depthOf(-1 - next));
          state = next;
        }
        if (state < this.#table.rowStates) {
          this.#resumePart = p;
          this.#resumeUnit = i + 1;
          return state;
        }
      }
    }
    return OUTCOME_ENDED;
  }

  #learn(c: number): number {
    const v = foldUnit(c);
    const table = this.#table;
    const k = v >= 0 ? table.columnFor(this.#automaton.classOf[v]!) : v === UNIT_SPACE ? table.spaceColumn : v === UNIT_MULTI ? CLASS_MULTI : CLASS_REMOVED;
    this.#columnOfChar[c] = k;
    return k;
  }

  /** One step from any state by automaton class `automatonClass`: the next state, or -1 - the next state when it has output. */
  #step(from: number, automatonClass: number): number {
    // A character no pattern holds leads back to the root, which ends none.
    if (automatonClass === 0) return 0;
    const { next, resolve, unitOf } = this.#automaton;
    if (from !== 0 && automatonClass === this.#table.spaceClass && unitOf[from] === SPACE) return from;
    const state = next(from, this.#table.unitOfClass(automatonClass));
    return resolve(state) === 1 ? -1 - state : state;
  }
}
