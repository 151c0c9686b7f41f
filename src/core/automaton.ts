/**
 * Aho-Corasick automaton over UTF-16 code units: finds every occurrence of every pattern in
 * one pass, so the cost of a scan grows with the text, not with the number of names.
 *
 * Storage is flat typed arrays, no per-state objects. States are numbered in breadth-first
 * order and the children of a state get consecutive numbers, so a state's outgoing edges are
 * the range `childStart[state] .. childStart[state + 1]` and `unitOf[child]` is the unit of
 * the edge into `child`. The states nearest the root may also have a dense row of full transitions.
 *
 * Failure and dictionary links, and dense rows, are computed when text first reaches a state
 * (`resolve`, `row`), not up front: with 100,000 names a page reaches a few thousand of the 1.3
 * million states, and computing the links of all of them, a cache miss or more each, was a third
 * of the build; with the real dataset's names in every script, the rows of all its 3,500 states
 * over 335 classes made megabytes, which the page's first scan paid for in garbage collection.
 */

/** `hasOutput` of a state whose links are not computed yet: call `resolve`. */
export const UNRESOLVED = 2;

export interface Automaton {
  /** Calls `onMatch(patternIndex, end)` for every occurrence; `end` is exclusive. */
  scan(text: string, onMatch: (patternIndex: number, end: number) => void): void;
  /**
   * Computes the links of `state` (and of the states they lead to) if they are not yet, and returns
   * its `hasOutput`. Callers that inline the stepping loop call it on entering a state whose
   * `hasOutput` is UNRESOLVED; `fail`, `dictionary` and `hasOutput` are valid only for resolved
   * states, and a resolved state's failure chain is resolved.
   */
  resolve(state: number): number;
  /** How many units lead from the root to `state`: the length of the text it stands for. */
  depthOf(state: number): number;
  /** The state after reading `code` in resolved `state` (0 is the root); it may itself be unresolved. */
  next(state: number, code: number): number;
  // Tables for callers that inline the stepping loop (the matcher's hot path).
  /** The children of `state` are the states `childStart[state]` to `childStart[state + 1]` (exclusive). */
  readonly childStart: Int32Array;
  /** The code unit on the edge into each state. */
  readonly unitOf: Uint16Array;
  readonly fail: Int32Array;
  /** 1 where a state ends a pattern or has a dictionary suffix that does, 0 where not, or UNRESOLVED. */
  readonly hasOutput: Uint8Array;
  /** Pattern ending exactly at a state, or -1. */
  readonly terminal: Int32Array;
  /** Class of each code unit among those the patterns use (0: none of them, which leads to the root). */
  readonly classOf: Uint16Array;
  readonly classCount: number;
  /**
   * States below this number may have a dense row: where it starts in `dense` is `rowOf[state]`,
   * or -1 until `row(state)` makes it; `dense[rowOf[state] + classOf[unit]]` is the next state.
   */
  readonly denseRows: number;
  readonly rowOf: Int32Array;
  /** Where the dense row of `state` (below `denseRows`) starts in `dense`, made now if need be. */
  row(state: number): number;
  /**
   * The dense rows, in 16 bits while the state numbers fit (the real dataset's 3,500), else 32.
   * A new array when it grows: read it again after `row`, `resolve` or `next`.
   */
  readonly dense: Uint16Array | Int32Array;
  /** The states the root leads to directly are 1 to `depthOneEnd` (exclusive). */
  readonly depthOneEnd: number;
  /** Nearest proper suffix state that ends a pattern, or -1. */
  readonly dictionary: Int32Array;
  readonly patternLengths: Int32Array;
  readonly stateCount: number;
}

/**
 * At most this many entries of dense rows (8 MB in 32 bits), of which a page fills those of the
 * states its text reaches (the bench's article, about 850 of the real dataset's 3,500). With 100,000 names
 * and the dataset's 157 unit classes, half as many left one character of prose in ten on the slow
 * path; this, one in twenty.
 */
const DENSE_ENTRIES = 1 << 21;

/**
 * Copies the rest of each pattern in `order` into `copy`, in that order, and points `order`
 * at the copies. Read where they were, the units of 100,000 names are a cache miss each (the
 * build took twice as long); once the patterns sharing a prefix are together, they are read together.
 */
function relayout(units: Int32Array, copy: Int32Array, order: Int32Array, size: number): void {
  let at = 0;
  for (let k = 0; k < size; k++) {
    let from = order[k]!;
    order[k] = at;
    let unit: number;
    do copy[at++] = unit = units[from++]!;
    while (unit >= 0);
  }
}

/** Dense rows made room for at first; the table doubles when they are used up. */
const INITIAL_ROWS = 64;

/** `denseEntries` bounds the dense rows (tests set it low so that most states have none). */
export function buildAutomaton(patterns: readonly string[], denseEntries = DENSE_ENTRIES): Automaton {
  const patternLengths = new Int32Array(patterns.length);
  let totalLength = 0;
  for (let p = 0; p < patterns.length; p++) totalLength += patternLengths[p] = patterns[p]!.length;

  // All the patterns' units in one array, each pattern followed by -1 - its index. The trie is
  // built level by level, reading the patterns in an order unrelated to their order in memory:
  // `order` holds, for each pattern still being read, where its next unit is.
  let units: Int32Array = new Int32Array(totalLength + patterns.length);
  let spare: Int32Array | null = null;
  let order = new Int32Array(patterns.length);
  let orderSize = 0;
  for (let p = 0, at = 0; p < patterns.length; p++) {
    const pattern = patterns[p]!;
    if (pattern.length > 0) order[orderSize++] = at;
    for (let i = 0; i < pattern.length; i++) units[at++] = pattern.charCodeAt(i);
    units[at++] = -1 - p;
  }

  // Every state but the root is the end of some unit of some pattern.
  const capacity = totalLength + 1;
  const childStart = new Int32Array(capacity + 1);
  const unitOf = new Uint16Array(capacity);
  const parent = new Int32Array(capacity);
  const terminal = new Int32Array(capacity).fill(-1);
  const classOf = new Uint16Array(0x10000);
  let classCount = 1;

  // The trie, built breadth-first: visiting a state creates its children. Each state of the
  // current depth owns a range of `order` (the patterns going through it); its children's ranges
  // are written to `nextOrder` for the next depth, a counting sort by the unit at that depth.
  let nextOrder = new Int32Array(orderSize);
  let nextSize = 0;
  let levelSize = orderSize;
  /** The range in `order` of each state of the current depth (a count, then a cursor, while its parent is visited). */
  const rangeStart = new Int32Array(capacity);
  /** For each unit, the child it leads to from the state being visited, if not below that state's first child (then it is stale). */
  const childFor = new Int32Array(0x10000);
  const childOfEntry = new Int32Array(orderSize);
  let stateCount = 1;
  let levelEnd = 1;
  let depth = 0;
  /** The first state of each depth (states are numbered depth by depth). */
  const depthStarts = [0];
  for (let s = 0; s < stateCount; s++) {
    if (s === levelEnd) {
      depthStarts.push(s);
      [order, nextOrder] = [nextOrder, order];
      levelSize = nextSize;
      nextSize = 0;
      levelEnd = stateCount;
      depth++;
      // Laid out again at depths 2, 4, 8...: each copy costs at most the total length, and between
      // copies the patterns sharing a prefix stay close. (With 100,000 names, other spacings,
      // down to a copy at every depth, measured the same.)
      if (depth >= 2 && (depth & (depth - 1)) === 0) {
        spare ??= new Int32Array(units.length);
        relayout(units, spare, order, levelSize);
        [units, spare] = [spare, units];
      }
    }
    childStart[s] = stateCount;
    const from = rangeStart[s]!;
    const to = s + 1 < levelEnd ? rangeStart[s + 1]! : levelSize;
    const firstChild = stateCount;
    for (let k = from; k < to; k++) {
      const unit = units[order[k]!]!;
      if (unit < 0) {
        const p = -1 - unit;
        if (terminal[s] === -1 || p < terminal[s]!) terminal[s] = p;
        childOfEntry[k] = -1;
        continue;
      }
      let child = childFor[unit]!;
      if (child < firstChild) {
        child = stateCount++;
        childFor[unit] = child;
        unitOf[child] = unit;
        parent[child] = s;
        if (classOf[unit] === 0) classOf[unit] = classCount++;
      }
      rangeStart[child] = rangeStart[child]! + 1;
      childOfEntry[k] = child;
    }
    // Counts to range ends, then filled backwards: each child's cursor ends at its range's start.
    for (let c = firstChild; c < stateCount; c++) rangeStart[c] = nextSize += rangeStart[c]!;
    for (let k = to - 1; k >= from; k--) {
      const child = childOfEntry[k]!;
      if (child === -1) continue;
      const at = rangeStart[child]! - 1;
      rangeStart[child] = at;
      nextOrder[at] = order[k]! + 1;
    }
  }
  childStart[stateCount] = stateCount;
  // Classes in the order of their code units, not of their first use: the letters of one script
  // then sit side by side in every row (prose in Latin script touches a few cache lines of a row,
  // not all of them, however many scripts the names are written in).
  for (let unit = 0, k = 1; unit < 0x10000; unit++) if (classOf[unit] !== 0) classOf[unit] = k++;

  // Dense rows: the full transition over the units the patterns use, for the root and the states
  // nearest to it in breadth-first order that the text reaches (all of them may have one with the
  // real dataset). Text spends most of its steps there, and with many names they have the most
  // children. Deeper states look through their children and follow failure links until they reach
  // a state that may have a row.
  const denseRows = Math.max(1, Math.min(stateCount, Math.floor(denseEntries / classCount)));
  const rowOf = new Int32Array(denseRows).fill(-1);
  const rowCapacity = (rows: number): Uint16Array | Int32Array =>
    stateCount <= 0x10000 ? new Uint16Array(rows * classCount) : new Int32Array(rows * classCount);
  let dense = rowCapacity(Math.min(denseRows, INITIAL_ROWS));
  let rowsMade = 0;
  const fail = new Int32Array(stateCount);
  const dictionary = new Int32Array(stateCount).fill(-1);
  const hasOutput = new Uint8Array(stateCount).fill(UNRESOLVED);

  /** The links of `c` from its suffix state (a resolved state). */
  const link = (c: number, suffix: number): void => {
    fail[c] = suffix;
    dictionary[c] = terminal[suffix] !== -1 ? suffix : dictionary[suffix]!;
    hasOutput[c] = terminal[c] !== -1 || dictionary[c] !== -1 ? 1 : 0;
  };

  /** From a resolved state: its child on `code`, else the same from its failure state, down to a dense row. */
  const next = (from: number, code: number): number => {
    let state = from;
    for (;;) {
      if (state < denseRows) {
        const at = rowOf[state] !== -1 ? rowOf[state]! : row(state); // before reading `dense`, which it may replace
        return dense[at + classOf[code]!]!;
      }
      const end = childStart[state + 1]!;
      for (let c = childStart[state]!; c < end; c++) if (unitOf[c] === code) return c;
      state = fail[state]!;
    }
  };

  // Deeper states first need their parent's links; the recursion is as deep as a pattern is long.
  const resolve = (state: number): number => {
    if (hasOutput[state] !== UNRESOLVED) return hasOutput[state]!;
    const from = parent[state]!;
    resolve(from);
    const suffix = from === 0 ? 0 : next(fail[from]!, unitOf[state]!);
    resolve(suffix);
    link(state, suffix);
    return hasOutput[state]!;
  };

  // A state's row starts as its failure state's (a shallower state's) and points its own children.
  function row(state: number): number {
    if (rowOf[state] !== -1) return rowOf[state]!;
    const base = state === 0 ? -1 : (resolve(state), row(fail[state]!));
    if ((rowsMade + 1) * classCount > dense.length) {
      const grown = rowCapacity(Math.min(denseRows, rowsMade * 2));
      grown.set(dense);
      dense = grown;
    }
    const at = rowsMade++ * classCount;
    if (base !== -1) dense.copyWithin(at, base, base + classCount);
    for (let c = childStart[state]!, end = childStart[state + 1]!; c < end; c++) dense[at + classOf[unitOf[c]!]!] = c;
    return (rowOf[state] = at);
  }

  hasOutput[0] = 0;
  row(0);

  const depthOf = (state: number): number => {
    let lo = 0;
    let hi = depthStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (depthStarts[mid]! <= state) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };

  const scan = (text: string, onMatch: (patternIndex: number, end: number) => void): void => {
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      state = next(state, text.charCodeAt(i));
      if (resolve(state) === 0) continue;
      if (terminal[state] !== -1) onMatch(terminal[state]!, i + 1);
      for (let d = dictionary[state]!; d !== -1; d = dictionary[d]!) onMatch(terminal[d]!, i + 1);
    }
  };

  return {
    scan,
    resolve,
    depthOf,
    next,
    childStart: childStart.subarray(0, stateCount + 1),
    unitOf: unitOf.subarray(0, stateCount),
    fail,
    hasOutput,
    terminal: terminal.subarray(0, stateCount),
    classOf,
    classCount,
    denseRows,
    rowOf,
    row,
    get dense() {
      return dense;
    },
    depthOneEnd: childStart[1]!,
    dictionary,
    patternLengths,
    stateCount,
  };
}
