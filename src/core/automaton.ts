/**
 * Aho-Corasick automaton over UTF-16 code units: finds every occurrence of every pattern in
 * one pass, so the cost of a scan grows with the text, not with the number of names.
 *
 * Storage is flat typed arrays. Each state keeps its outgoing edges as a linked list (most
 * states have one or two); the root, which is consulted after every mismatch, has a direct
 * table for the code units it can start with.
 */

export interface Automaton {
  /** Calls `onMatch(patternIndex, end)` for every occurrence; `end` is exclusive. */
  scan(text: string, onMatch: (patternIndex: number, end: number) => void): void;
  /** The state after reading `code` in `state` (0 is the root). */
  step(state: number, code: number): number;
  /** Tables for callers that inline the stepping loop (the matcher's hot path); see `step`. */
  readonly rootTable: Int32Array;
  readonly firstEdge: Int32Array;
  readonly edgeCode: Int32Array;
  readonly edgeTarget: Int32Array;
  readonly edgeNext: Int32Array;
  readonly fail: Int32Array;
  /** 1 where a state ends a pattern or has a dictionary suffix that does. */
  readonly hasOutput: Uint8Array;
  /** Pattern ending exactly at a state, or -1. */
  readonly terminal: Int32Array;
  /** Class of each code unit among those the patterns use (0: none of them, which leads to the root). */
  readonly classOf: Uint16Array;
  /** Where a state's row starts in `dense`, or -1 for states without one (see `buildAutomaton`). */
  readonly rowBase: Int32Array;
  /** Full transitions (failure links resolved) by unit class, for the states that have a row. */
  readonly dense: Int32Array;
  /** 1 for the states the root leads to directly. */
  readonly depthOne: Uint8Array;
  /** Nearest proper suffix state that ends a pattern, or -1. */
  readonly dictionary: Int32Array;
  readonly patternLengths: Int32Array;
  readonly stateCount: number;
}

/** At most this many entries of dense rows (4 MB). */
const DENSE_ENTRIES = 1 << 20;

export function buildAutomaton(patterns: readonly string[]): Automaton {
  let edgeCode: Int32Array = new Int32Array(1024);
  let edgeTarget: Int32Array = new Int32Array(1024);
  let edgeNext: Int32Array = new Int32Array(1024);
  let edgeCount = 0;
  let firstEdge: Int32Array = new Int32Array(1024).fill(-1);
  let stateCount = 1;
  /** Pattern ending exactly at a state, or -1. */
  let terminal: Int32Array = new Int32Array(1024).fill(-1);

  const findEdge = (state: number, code: number): number => {
    for (let e = firstEdge[state]!; e !== -1; e = edgeNext[e]!) {
      if (edgeCode[e] === code) return edgeTarget[e]!;
    }
    return -1;
  };

  const addState = (): number => {
    if (stateCount >= firstEdge.length) {
      const grow = (a: Int32Array, fill: number): Int32Array => {
        const b = new Int32Array(a.length * 2).fill(fill);
        b.set(a);
        return b;
      };
      firstEdge = grow(firstEdge, -1);
      terminal = grow(terminal, -1);
    }
    return stateCount++;
  };

  const addEdge = (state: number, code: number, target: number): void => {
    if (edgeCount >= edgeCode.length) {
      const grow = (a: Int32Array): Int32Array => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      edgeCode = grow(edgeCode);
      edgeTarget = grow(edgeTarget);
      edgeNext = grow(edgeNext);
    }
    edgeCode[edgeCount] = code;
    edgeTarget[edgeCount] = target;
    edgeNext[edgeCount] = firstEdge[state]!;
    firstEdge[state] = edgeCount++;
  };

  const patternLengths = new Int32Array(patterns.length);
  patterns.forEach((pattern, index) => {
    patternLengths[index] = pattern.length;
    if (pattern.length === 0) return;
    let state = 0;
    for (let i = 0; i < pattern.length; i++) {
      const code = pattern.charCodeAt(i);
      let next = findEdge(state, code);
      if (next === -1) {
        next = addState();
        addEdge(state, code, next);
      }
      state = next;
    }
    if (terminal[state] === -1) terminal[state] = index;
  });

  // Breadth-first: failure links and "dictionary" links to the nearest terminal suffix state.
  const fail = new Int32Array(stateCount);
  const dictionary = new Int32Array(stateCount).fill(-1);
  const queue = new Int32Array(stateCount);
  let head = 0;
  let tail = 0;
  // The root is consulted after every mismatch: a direct table over all code units (0 = stay at the root).
  const rootTable = new Int32Array(0x10000);
  for (let e = firstEdge[0]!; e !== -1; e = edgeNext[e]!) {
    const child = edgeTarget[e]!;
    rootTable[edgeCode[e]!] = child;
    fail[child] = 0;
    queue[tail++] = child;
  }
  while (head < tail) {
    const state = queue[head++]!;
    for (let e = firstEdge[state]!; e !== -1; e = edgeNext[e]!) {
      const code = edgeCode[e]!;
      const child = edgeTarget[e]!;
      let f = fail[state]!;
      let target = -1;
      while (true) {
        target = f === 0 ? rootTable[code]! || -1 : findEdge(f, code);
        if (target !== -1 || f === 0) break;
        f = fail[f]!;
      }
      fail[child] = target === -1 ? 0 : target;
      const suffix = fail[child]!;
      dictionary[child] = terminal[suffix] !== -1 ? suffix : dictionary[suffix]!;
      queue[tail++] = child;
    }
  }

  const step = (from: number, code: number): number => {
    let state = from;
    while (state !== 0) {
      for (let e = firstEdge[state]!; e !== -1; e = edgeNext[e]!) {
        if (edgeCode[e] === code) return edgeTarget[e]!;
      }
      state = fail[state]!;
    }
    return rootTable[code]!;
  };

  const scan = (text: string, onMatch: (patternIndex: number, end: number) => void): void => {
    let state = 0;
    for (let i = 0; i < text.length; i++) {
      state = step(state, text.charCodeAt(i));
      if (state === 0) continue;
      if (terminal[state] !== -1) onMatch(terminal[state]!, i + 1);
      for (let d = dictionary[state]!; d !== -1; d = dictionary[d]!) onMatch(terminal[d]!, i + 1);
    }
  };

  // Dense rows: the full transition over the units the patterns use, for the root and the states
  // nearest to it in breadth-first order (all of them for the real dataset). Text spends most of
  // its steps there, and with many names their edge lists are the longest. Deeper states walk
  // their edge lists and failure links until they reach a state with a row.
  const classOf = new Uint16Array(0x10000);
  let classCount = 1;
  for (let e = 0; e < edgeCount; e++) if (classOf[edgeCode[e]!] === 0) classOf[edgeCode[e]!] = classCount++;
  const rows = Math.max(1, Math.min(stateCount, Math.floor(DENSE_ENTRIES / classCount)));
  const rowBase = new Int32Array(stateCount).fill(-1);
  const dense = new Int32Array(rows * classCount);
  rowBase[0] = 0;
  for (let e = firstEdge[0]!; e !== -1; e = edgeNext[e]!) dense[classOf[edgeCode[e]!]!] = edgeTarget[e]!;
  for (let i = 0; i < rows - 1; i++) {
    const state = queue[i]!;
    const base = (i + 1) * classCount;
    rowBase[state] = base;
    // The failure state is shallower, so earlier in breadth-first order: it has its row already.
    const from = rowBase[fail[state]!]!;
    dense.copyWithin(base, from, from + classCount);
    for (let e = firstEdge[state]!; e !== -1; e = edgeNext[e]!) dense[base + classOf[edgeCode[e]!]!] = edgeTarget[e]!;
  }
  const depthOne = new Uint8Array(stateCount);
  for (let e = firstEdge[0]!; e !== -1; e = edgeNext[e]!) depthOne[edgeTarget[e]!] = 1;

  const hasOutput = new Uint8Array(stateCount);
  for (let st = 0; st < stateCount; st++) hasOutput[st] = terminal[st] !== -1 || dictionary[st] !== -1 ? 1 : 0;
  return {
    scan,
    step,
    rootTable,
    firstEdge: firstEdge.subarray(0, stateCount),
    edgeCode: edgeCode.subarray(0, edgeCount),
    edgeTarget: edgeTarget.subarray(0, edgeCount),
    edgeNext: edgeNext.subarray(0, edgeCount),
    fail,
    hasOutput,
    terminal: terminal.subarray(0, stateCount),
    classOf,
    rowBase,
    dense,
    depthOne,
    dictionary,
    patternLengths,
    stateCount,
  };
}
