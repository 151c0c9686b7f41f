/** Finds name and cue candidates in one block of text. Pure: no DOM. */
import { buildAutomaton, UNRESOLVED, type Automaton } from './automaton';
import type { CompiledPattern, PatternSource } from './dataset';
import { endAfter, foldCodePoint, foldUnit, UNIT_REMOVED, UNIT_SPACE } from './fold';
import { caseAllows, leftmostLongest } from './candidate-rules';
import { namesAnother } from './neighbours';
import { Prefilter } from './prefilter';
import { ARABIC_START, afterProclitic, isHangul, isWordUnit } from './word-units';

export interface Candidate {
  /** Figures this form can name (more than one only for a short form two figures share). */
  figures: number[];
  /** Offsets in the block's original text; `end` is exclusive. */
  start: number;
  end: number;
  text: string;
  short: boolean;
  needsCue: boolean;
  /** Counts unless the page shows the name's other meaning (a contrary cue of its figure). */
  unlessContrary: boolean;
}

export interface BlockMatches {
  candidates: Candidate[];
  /** Figures whose context cues occur in this block; `-1 - figure` for a contrary cue (one showing the name's other meaning). */
  cues: number[];
}

const EMPTY: BlockMatches = Object.freeze({ candidates: Object.freeze([]) as unknown as Candidate[], cues: Object.freeze([]) as unknown as number[] });
const SPACE = 0x20;
const ZWNJ = 0x200c;
/** Blocks longer than this are folded into buffers of their own, not kept for the next block. */
const KEPT_BUFFER = 1 << 20;

/** A copy of `buffer` with room for `more` units per original unit (folds that expand, such as ligatures). */
function grown<T extends Uint16Array | Int32Array>(buffer: T, more: number): T {
  return new (buffer.constructor as new (n: number) => T)(buffer.length * (more + 1));
}

/** Fold of the ASCII code units (see `foldUnit`), read directly in the hot loop. */
const ASCII_FOLD = Int32Array.from({ length: 0x80 }, (_, c) => foldUnit(c));

/** What the prefilter needs: built from the patterns' texts alone, by the first block read. */
interface Gate {
  readonly automaton: Automaton;
  readonly prefilter: Prefilter;
}

/** What matching needs beyond the gate: built by the first block the prefilter lets through. */
interface Tables {
  readonly patterns: readonly CompiledPattern[];
  /**
   * 1 for the patterns that need a word boundary before them (they start with a word unit), and after
   * them; `boundaryStart` is ARABIC_START for a pattern in Arabic script, which may also follow a
   * joined preposition or conjunction (see `afterProclitic`).
   */
  readonly boundaryStart: Uint8Array;
  readonly boundaryEnd: Uint8Array;
  /** 1 for units that begin only patterns needing a word boundary before them. */
  readonly startsOnlyAtBoundary: Uint8Array;
}

function patternTexts(source: PatternSource): readonly string[] {
  return source.patternTexts ?? source.patterns.map((pattern) => pattern.text);
}

function buildGate(source: PatternSource): Gate {
  const automaton = buildAutomaton(patternTexts(source));
  return { automaton, prefilter: new Prefilter(automaton) };
}

function buildTables(patterns: readonly CompiledPattern[]): Tables {
  // Flags in arrays of their own rather than copies of the patterns: with 100,000 names, copying
  // the pattern objects cost more than building the automaton.
  const boundaryStart = new Uint8Array(patterns.length);
  const boundaryEnd = new Uint8Array(patterns.length);
  const startsAnywhere = new Uint8Array(0x10000);
  for (let i = 0; i < patterns.length; i++) {
    const text = patterns[i]!.text;
    const first = text.charCodeAt(0);
    boundaryStart[i] = isWordUnit(first) ? (first >= 0x0600 && first <= 0x06ff ? ARABIC_START : 1) : 0;
    // Korean writes particles onto the name (탈레반은, 카불에서): a name ending in Hangul needs no
    // boundary after it. Decided per pattern here, so the scan pays nothing for it.
    const last = text.charCodeAt(text.length - 1);
    boundaryEnd[i] = isWordUnit(last) && !isHangul(last) ? 1 : 0;
    if (boundaryStart[i] !== 1) startsAnywhere[first] = 1;
  }
  const startsOnlyAtBoundary = new Uint8Array(0x10000);
  for (let i = 0; i < patterns.length; i++) {
    const first = patterns[i]!.text.charCodeAt(0);
    if (boundaryStart[i] === 1 && startsAnywhere[first] === 0) startsOnlyAtBoundary[first] = 1;
  }
  return { patterns, boundaryStart, boundaryEnd, startsOnlyAtBoundary };
}

export class Matcher {
  /** Read when the gate or the tables are built, not before: the page dataset makes its patterns when first read. */
  readonly #source: PatternSource;
  /**
   * The automaton and the prefilter, built by the first block read (or `prepare`), not by the
   * constructor: the content script starts in every frame, and a blank frame never pays for them.
   * Their rows are made as text reaches their states, so a frame pays for what its text visits.
   */
  #gate: Gate | null = null;
  /** The rest, built by the first block that may name someone: a frame whose text names no one never has them. */
  #tables: Tables | null = null;
  /** The folded text of the block being matched, and the original index of each unit (reused buffers). */
  #units = new Uint16Array(1024);
  #origins = new Int32Array(1024);

  constructor(dataset: PatternSource) {
    this.#source = dataset;
  }

  /** Builds everything now rather than at the first block matched. */
  prepare(): void {
    this.#gate ??= buildGate(this.#source);
    this.#tables ??= buildTables(this.#source.patterns);
  }

  /** Whether the full matcher is built: false in a frame none of whose text passed the prefilter. */
  get built(): boolean {
    return this.#tables !== null;
  }

  get stateCount(): number {
    return (this.#gate ??= buildGate(this.#source)).automaton.stateCount;
  }

  /**
   * False when no name or cue can occur in the block made of `parts[0]` to `parts[count - 1]`
   * (its text nodes): the scanner asks this first, and joins the parts into one text for
   * `matchBlock` only when it is true. Most blocks of a page stop here.
   */
  mayMatch(parts: readonly string[], count: number): boolean {
    if (!(this.#gate ??= buildGate(this.#source)).prefilter.mayMatch(parts, count)) return false;
    this.#tables ??= buildTables(this.#source.patterns);
    return true;
  }

  /**
   * After `mayMatch` said true of `parts`: where in their text read as one `matchBlock` may start
   * and find all it would find from the start (the text before the first name or cue is read once).
   */
  matchStart(parts: readonly string[]): number {
    return this.#gate ? this.#gate.prefilter.startOfHit(parts) : 0;
  }

  /**
   * Candidates and cues in one block (the scanner asks `mayMatch` first), reading from `from` (see
   * `matchStart`). Two tight loops: the first folds the text into a reused buffer of units (with
   * the original index of each), the second runs the automaton over it and applies the
   * word-boundary and case rules.
   */
  matchBlock(text: string, from = 0): BlockMatches {
    const length = text.length;
    if (this.#units.length <= length) {
      if (length > KEPT_BUFFER) return this.#run(text, from, new Uint16Array(length + 1), new Int32Array(length + 1));
      this.#units = new Uint16Array(length * 2);
      this.#origins = new Int32Array(length * 2);
    }
    return this.#run(text, from, this.#units, this.#origins);
  }

  #run(text: string, from: number, units: Uint16Array, origins: Int32Array): BlockMatches {
    const length = text.length;
    // 1. Fold (as `fold` does, but keeping a trailing space: the rules below treat it as a boundary).
    let n = 0;
    let lastWasSpace = true; // leading whitespace is dropped
    for (let i = from; i < length; i++) {
      const c = text.charCodeAt(i);
      let v = c < 0x80 ? ASCII_FOLD[c]! : foldUnit(c);
      if (v >= 0) {
        units[n] = v;
        origins[n++] = i;
        lastWasSpace = false;
        continue;
      }
      if (v === UNIT_REMOVED) continue;
      if (v === UNIT_SPACE) {
        if (lastWasSpace) continue;
        units[n] = SPACE;
        origins[n++] = i;
        lastWasSpace = true;
        continue;
      }
      const origin = i;
      let cp = c;
      const next = text.charCodeAt(i + 1);
      if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        cp = (c - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000;
        i++;
      }
      const multi = foldCodePoint(cp);
      // A fold can be longer than the text it comes from: make room.
      if (n + multi.length >= units.length) return this.#run(text, from, grown(units, multi.length), grown(origins, multi.length));
      for (let k = 0; k < multi.length; k++) {
        v = multi.charCodeAt(k);
        if (v === SPACE) {
          if (lastWasSpace) continue;
          lastWasSpace = true;
        } else lastWasSpace = false;
        units[n] = v;
        origins[n++] = origin;
      }
    }
    // 2. The automaton over the folded units.
    if (n === 0) return EMPTY;
    this.prepare();
    const { automaton } = this.#gate!;
    const { boundaryStart, boundaryEnd, startsOnlyAtBoundary } = this.#tables!;
    const { classOf, denseRows, rowOf, depthOneEnd, childStart, unitOf, fail, hasOutput, terminal, dictionary, patternLengths } = automaton;
    let dense = automaton.dense;
    let result: BlockMatches | null = null;
    let state = 0;
    for (let j = 0; j < n; j++) {
      const unit = units[j]!;
      let s = state;
      let target = 0;
      for (;;) {
        // A state without a dense row (not made yet, or none) looks through its children, then
        // its failure state's; the root has a row. Rows are made by the prefilter, which read
        // this text first, not here: a rare call in this loop costs the compiled loop.
        const row = s < denseRows ? rowOf[s]! : -1;
        if (row !== -1) {
          target = dense[row + classOf[unit]!]!;
          break;
        }
        let c = childStart[s]!;
        const end = childStart[s + 1]!;
        while (c < end && unitOf[c] !== unit) c++;
        if (c < end) {
          target = c;
          break;
        }
        s = fail[s]!;
      }
      // A state one step from the root means a name starts here; inside a word, one that needs a
      // word boundary cannot: stay at the root.
      if (target !== 0 && target < depthOneEnd && startsOnlyAtBoundary[unit] === 1 && j > 0 && isWordUnit(units[j - 1]!)) target = 0;
      state = target;
      if (hasOutput[state] === UNRESOLVED) {
        automaton.resolve(state);
        dense = automaton.dense;
      }
      if (hasOutput[state] === 0) continue;
      const end = j + 1;
      for (let d = terminal[state] !== -1 ? state : dictionary[state]!; d !== -1; d = dictionary[d]!) {
        const index = terminal[d]!;
        const start = end - patternLengths[index]!;
        if (
          boundaryStart[index] !== 0 &&
          start > 0 &&
          isWordUnit(units[start - 1]!) &&
          !(boundaryStart[index] === ARABIC_START && afterProclitic(units, start))
        )
          continue;
        // A zero-width non-joiner folds to nothing but still ends a word: the Persian plural طالبان‌ها.
        if (boundaryEnd[index] === 1 && end < n && isWordUnit(units[end]!) && text.charCodeAt(origins[end]! - 1) !== ZWNJ) continue;
        result = this.#accept(result, text, origins, index, end);
      }
    }
    if (!result) return EMPTY;
    const matches = result as BlockMatches;
    if (matches.candidates.length > 1) matches.candidates = leftmostLongest(matches.candidates);
    // A phrase that is not a mention has shielded the names inside it; it goes now.
    if (matches.candidates.some((c) => c.figures.length === 0)) matches.candidates = matches.candidates.filter((c) => c.figures.length > 0);
    return matches;
  }

  /** Records an occurrence of pattern `index` ending at folded unit `end` (exclusive). */
  #accept(result: BlockMatches | null, text: string, origins: Int32Array, index: number, end: number): BlockMatches {
    const pattern = this.#tables!.patterns[index]!;
    const start = end - pattern.text.length;
    const originAt = (k: number): number => origins[k]!;
    const out = result ?? { candidates: [], cues: [] };
    const originalStart = originAt(start);
    let figures: number[] | null = null;
    let entryShort = false;
    let entryNeedsCue = false;
    let entryUnlessContrary = false;
    let blocks = false;
    for (const entry of pattern.entries) {
      if (entry.cue) {
        out.cues.push(entry.contrary ? -1 - entry.figure : entry.figure);
        continue;
      }
      if (entry.blocks) {
        blocks = true;
        continue;
      }
      if (!caseAllows(entry, text, originAt, start, end, originalStart)) continue;
      // Words around the form that make it name someone or something else (see neighbours.ts).
      if (
        entry.rules !== undefined &&
        namesAnother(entry, text, originalStart, endAfter(text, originAt(end - 1)), (index) => nameEndsAt(out.candidates, index))
      )
        continue;
      (figures ??= []).push(entry.figure);
      entryShort = entry.short;
      entryNeedsCue ||= entry.needsCue;
      entryUnlessContrary ||= entry.unlessContrary === true;
    }
    if (figures || blocks) {
      const originalStop = endAfter(text, originAt(end - 1));
      out.candidates.push({
        figures: figures ?? [],
        start: originalStart,
        end: originalStop,
        text: text.slice(originalStart, originalStop),
        short: entryShort,
        needsCue: entryNeedsCue,
        // Always set: candidates of one shape keep the code that reads them monomorphic.
        unlessContrary: entryUnlessContrary,
      });
    }
    return out;
  }
}

/** Whether a name found earlier in the block (not a shielding phrase) ends at original index `index`. */
function nameEndsAt(candidates: readonly Candidate[], index: number): boolean {
  for (let k = candidates.length - 1; k >= 0; k--) {
    const c = candidates[k]!;
    if (c.end === index && c.figures.length > 0) return true;
    if (c.end < index) return false;
  }
  return false;
}
