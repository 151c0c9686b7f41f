/**
 * The prefilter's table (see prefilter.ts): a row per automaton state the page's text has reached,
 * a column per automaton class the page's text has met. Each entry says where the next state's row
 * starts, or holds a code. Rows and columns are both added as the page is read.
 *
 * Columns are given to the automaton's classes in the order the page's text meets them, not one
 * per class: the names in every script made some 335 classes, and a page in one script meets a few
 * dozen. Rows as wide as the classes made every row a page reaches cost that width to copy and to
 * hold (1.4 MB on the bench's article), most of what the names in other scripts added to a scan of
 * English prose.
 */
import type { Automaton } from './automaton';

/** Columns: the character is not yet looked up, folds to several units, is removed; then the classes the page has met. */
export const CLASS_UNKNOWN = 0;
export const CLASS_MULTI = 1;
export const CLASS_REMOVED = 2;
const CLASS_BASE = 3;
const SPACE = 0x20;

/** Codes in the rows (entries >= 0 are the next state's row): a pattern ends here; the character's class is not learnt yet. */
export const ROW_OUTPUT = -1;
export const ROW_UNKNOWN_CLASS = -2;
/** What the table does not cover: a character folding to several units, a state without a row. */
const ROW_SLOW = -3;
/** A state whose row is not filled yet. */
export const ROW_UNFILLED = -4;

/** Rows made room for at first; the table doubles when they are used up (the bench article reaches some 850). */
const INITIAL_ROWS = 64;
/** Columns a row makes room for at first (English prose meets some 45 classes); rows widen when the page meets more. */
const INITIAL_WIDTH = 64;

export class PrefilterRows {
  readonly #automaton: Automaton;
  /**
   * The rows, by column: one load and one sign test a character, the hot loop of a scan. Only the
   * first `#columns` entries of a row are written. A new array when it grows: read it again after
   * `link`, `columnFor` or `rowOf`.
   */
  rows: Int32Array;
  /** Entries per row: the columns made room for. */
  width = INITIAL_WIDTH;
  /** States below this number may have a row (those with a dense row in the automaton); the others take the slow path. */
  readonly rowStates: number;
  readonly spaceClass: number;
  readonly spaceColumn: number;
  /** Column of each automaton class, or 0 while the page has not met it. */
  readonly #columnOf: Uint16Array;
  /** Automaton class of each column from CLASS_BASE on. */
  readonly #classOfColumn: Uint16Array;
  /** Columns in use (CLASS_BASE and those given to classes). */
  #columns = CLASS_BASE;
  /** The code unit of each automaton class. */
  readonly #unitOfClass: Uint16Array;
  /** Where each state's row starts, or -1 while it has none. */
  readonly #rowOf: Int32Array;
  /** The state of each row, by row number (its start / width). */
  #stateOfRow: Int32Array;
  #rowCount = 0;

  constructor(automaton: Automaton) {
    this.#automaton = automaton;
    const { classCount, classOf, denseRows, unitOf } = automaton;
    this.rowStates = denseRows;
    this.#unitOfClass = new Uint16Array(classCount);
    for (let state = 1; state < unitOf.length; state++) this.#unitOfClass[classOf[unitOf[state]!]!] = unitOf[state]!;
    this.#columnOf = new Uint16Array(classCount);
    this.#classOfColumn = new Uint16Array(classCount);
    // Rows are filled the first time the text reaches their state: filling them all cost more
    // than the rest of the build.
    const rows = Math.min(denseRows, INITIAL_ROWS);
    this.rows = new Int32Array(rows * this.width);
    this.#stateOfRow = new Int32Array(rows);
    this.#rowOf = new Int32Array(denseRows).fill(-1);
    this.#fill(0);
    // A character no pattern holds (class 0), and the space, before any other.
    this.columnFor(0);
    this.spaceClass = classOf[SPACE]!;
    this.spaceColumn = this.columnFor(this.spaceClass);
  }

  /** The state whose row starts at `row`. */
  stateAt(row: number): number {
    return this.#stateOfRow[row / this.width]!;
  }

  /** Where the row of `state` (below `rowStates`) starts, filled now if need be. */
  rowOf(state: number): number {
    return this.#rowOf[state] !== -1 ? this.#rowOf[state]! : this.#fill(state);
  }

  /** The code unit of automaton class `k` (one of the patterns' units). */
  unitOfClass(k: number): number {
    return this.#unitOfClass[k]!;
  }

  /** The automaton class a column stands for. */
  classOfColumn(column: number): number {
    return this.#classOfColumn[column - CLASS_BASE]!;
  }

  /** The row that column `k` leads to from `row`, filled now; the entry is updated to lead there directly. */
  link(row: number, k: number): number {
    const automaton = this.#automaton;
    const from = automaton.row(this.stateAt(row)); // before reading `dense`, which it may replace
    const next = automaton.dense[from + this.classOfColumn(k)]!;
    return (this.rows[row + k] = this.rowOf(next));
  }

  /**
   * The column of automaton class `k`, given now if the page had not met it: written in every row
   * there is, as `#fill` would have written it (rows copy only the columns in use). The page's text
   * meets a new class a few dozen times in all, most of them in its first lines.
   */
  columnFor(k: number): number {
    if (this.#columnOf[k] !== 0) return this.#columnOf[k]!;
    if (this.#columns === this.width) this.#widen();
    const column = this.#columns++;
    this.#columnOf[k] = column;
    this.#classOfColumn[column - CLASS_BASE] = k;
    const automaton = this.#automaton;
    const unit = this.#unitOfClass[k]!;
    for (let r = 0; r < this.#rowCount; r++) {
      const state = this.#stateOfRow[r]!;
      const row = r * this.width;
      // A space after a space stays where it is, as in `#fill`.
      const loops = k === this.spaceClass && state !== 0 && automaton.unitOf[state] === SPACE;
      this.rows[row + column] = loops ? row : this.#entryFor(k === 0 ? 0 : automaton.next(state, unit));
    }
    return column;
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
    const base = state === 0 ? -1 : this.rowOf(automaton.fail[state]!);
    const row = this.#newRow(state);
    const rows = this.rows;
    // The root's row gets its columns as they are given (`columnFor`).
    if (base !== -1) rows.copyWithin(row, base, base + this.#columns);
    rows[row + CLASS_UNKNOWN] = ROW_UNKNOWN_CLASS;
    rows[row + CLASS_MULTI] = ROW_SLOW;
    rows[row + CLASS_REMOVED] = row;
    for (let c = childStart[state]!, end = childStart[state + 1]!; c < end; c++) {
      const column = this.#columnOf[classOf[unitOf[c]!]!]!;
      if (column !== 0) rows[row + column] = this.#entryFor(c);
    }
    if (state !== 0 && unitOf[state] === SPACE) rows[row + this.spaceColumn] = row;
    return row;
  }

  /** Makes room for the row of `state` and returns where it starts (its entries are not written yet). */
  #newRow(state: number): number {
    const width = this.width;
    if (this.#rowCount === this.#stateOfRow.length) {
      const more = Math.min(this.rowStates, this.#rowCount * 2);
      const rows = new Int32Array(more * width);
      rows.set(this.rows);
      this.rows = rows;
      const states = new Int32Array(more);
      states.set(this.#stateOfRow);
      this.#stateOfRow = states;
    }
    const row = this.#rowCount * width;
    this.#stateOfRow[this.#rowCount++] = state;
    this.#rowOf[state] = row;
    return row;
  }

  /** Doubles the width of every row (the page has met more classes than there are columns). */
  #widen(): void {
    const from = this.width;
    const to = (this.width = Math.min(from * 2, CLASS_BASE + this.#automaton.classCount));
    const rows = new Int32Array(this.#stateOfRow.length * to);
    for (let r = 0; r < this.#rowCount; r++) {
      for (let k = 0; k < from; k++) {
        const entry = this.rows[r * from + k]!;
        rows[r * to + k] = entry >= 0 ? (entry / from) * to : entry;
      }
      this.#rowOf[this.#stateOfRow[r]!] = r * to;
    }
    this.rows = rows;
  }

  /** The entry of a row leading to `next`: a pattern ends there, its row, or a code. */
  #entryFor(next: number): number {
    if (this.#automaton.resolve(next) === 1) return ROW_OUTPUT;
    if (next >= this.rowStates) return ROW_SLOW;
    return this.#rowOf[next] !== -1 ? this.#rowOf[next]! : ROW_UNFILLED;
  }
}
