/** Finds name and cue candidates in one block of text. Pure: no DOM. */
import { buildAutomaton, type Automaton } from './automaton';
import { CaseMode, type CompiledDataset, type CompiledPattern, type PatternEntry } from './dataset';
import { endAfter, foldCodePoint, foldUnit, UNIT_REMOVED, UNIT_SPACE } from './fold';

export interface Candidate {
  /** Figures this form can name (more than one only for a short form two figures share). */
  figures: number[];
  /** Offsets in the block's original text; `end` is exclusive. */
  start: number;
  end: number;
  text: string;
  short: boolean;
  needsCue: boolean;
  /** Set by `resolveMentions`: the figure this candidate names on this page, or -1. */
  resolved: number;
}

export interface BlockMatches {
  candidates: Candidate[];
  /** Figures whose context cues occur in this block. */
  cues: number[];
}

const EMPTY: BlockMatches = Object.freeze({ candidates: Object.freeze([]) as unknown as Candidate[], cues: Object.freeze([]) as unknown as number[] });
const SPACE = 0x20;

const WORD = /[\p{L}\p{N}]/u;
const NO_SPACES_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** 0 = not yet known, 1 = word character of a script that separates words by spaces, 2 = anything else. */
const wordUnitCache = new Uint8Array(0x10000);

function isWordUnit(code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
  let known = wordUnitCache[code]!;
  if (known === 0) {
    const ch = String.fromCharCode(code);
    known = WORD.test(ch) && !NO_SPACES_SCRIPT.test(ch) ? 1 : 2;
    wordUnitCache[code] = known;
  }
  return known === 1;
}

/** Fold of the ASCII code units (see `foldUnit`), read directly in the hot loop. */
const ASCII_FOLD = Int32Array.from({ length: 0x80 }, (_, c) => foldUnit(c));
const ASCII_WORD = Uint8Array.from({ length: 0x80 }, (_, c) => (isWordUnit(c) ? 1 : 0));

interface PreparedPattern extends CompiledPattern {
  boundaryStart: boolean;
  boundaryEnd: boolean;
}

function isCapital(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

export class Matcher {
  readonly #automaton: Automaton;
  readonly #patterns: PreparedPattern[];
  /** A window on the folded text, as long as the longest pattern (a power of two, indexed with `& #mask`). */
  readonly #mask: number;
  readonly #units: Uint16Array;
  readonly #origins: Int32Array;
  /** Patterns found but waiting for the next unit to confirm their end is a word boundary. */
  readonly #pending: Int32Array;
  /** 1 for units that begin only patterns needing a word boundary before them. */
  readonly #startsOnlyAtBoundary: Uint8Array;

  constructor(dataset: Pick<CompiledDataset, 'patterns'>) {
    this.#patterns = dataset.patterns.map((p) => ({
      ...p,
      boundaryStart: isWordUnit(p.text.charCodeAt(0)),
      boundaryEnd: isWordUnit(p.text.charCodeAt(p.text.length - 1)),
    }));
    this.#automaton = buildAutomaton(this.#patterns.map((p) => p.text));
    const longest = this.#patterns.reduce((max, p) => Math.max(max, p.text.length), 1);
    let size = 4;
    while (size < longest + 2) size *= 2;
    this.#mask = size - 1;
    this.#units = new Uint16Array(size);
    this.#origins = new Int32Array(size);
    this.#pending = new Int32Array(this.#patterns.length + 1);
    this.#startsOnlyAtBoundary = new Uint8Array(0x10000);
    const startsAnywhere = new Set<number>();
    for (const p of this.#patterns) if (!p.boundaryStart) startsAnywhere.add(p.text.charCodeAt(0));
    for (const p of this.#patterns) {
      const first = p.text.charCodeAt(0);
      if (p.boundaryStart && !startsAnywhere.has(first)) this.#startsOnlyAtBoundary[first] = 1;
    }
  }

  get stateCount(): number {
    return this.#automaton.stateCount;
  }

  /**
   * Candidates and cues in one block. Folds as it reads and feeds the automaton unit by unit: no
   * folded copy of the text is built, and only a window as long as the longest name is kept to
   * map a match back to the original text.
   */
  matchBlock(text: string): BlockMatches {
    // The hot loop of the extension: everything is inlined on typed arrays.
    const { rootTable, firstEdge, edgeCode, edgeTarget, edgeNext, fail, hasOutput, terminal, dictionary } = this.#automaton;
    const mask = this.#mask;
    const units = this.#units;
    const origins = this.#origins;
    const pending = this.#pending;
    let pendingCount = 0;
    let count = 0; // folded units emitted so far
    let state = 0;
    let lastWasSpace = true; // leading whitespace is dropped, as `fold` does
    let prevIsWord = false;
    const startsOnlyAtBoundary = this.#startsOnlyAtBoundary;
    let result: BlockMatches | null = null;
    const length = text.length;

    for (let i = 0; i < length; i++) {
      const c = text.charCodeAt(i);
      let v = c < 0x80 ? ASCII_FOLD[c]! : foldUnit(c);
      let multi: string | null = null;
      const origin = i;
      if (v < 0) {
        if (v === UNIT_REMOVED) continue;
        if (v === UNIT_SPACE) {
          if (lastWasSpace) continue;
          v = SPACE;
        } else {
          let cp = c;
          const next = text.charCodeAt(i + 1);
          if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
            cp = (c - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000;
            i++;
          }
          multi = foldCodePoint(cp);
          if (multi.length === 0) continue;
        }
      }
      const unitCount = multi === null ? 1 : multi.length;
      for (let k = 0; k < unitCount; k++) {
        const unit = multi === null ? v : multi.charCodeAt(k);
        if (unit === SPACE) {
          if (multi !== null && lastWasSpace) continue;
          lastWasSpace = true;
        } else lastWasSpace = false;
        if (pendingCount) {
          if (!isWordUnit(unit)) for (let p = 0; p < pendingCount; p++) result = this.#accept(result, text, pending[p]!, count);
          pendingCount = 0;
        }
        units[count & mask] = unit;
        origins[count & mask] = origin;
        count++;
        const followsWord = prevIsWord;
        prevIsWord = unit < 0x80 ? ASCII_WORD[unit] === 1 : isWordUnit(unit);
        let s = state;
        let target = 0;
        for (;;) {
          if (s === 0) {
            // Inside a word, nothing that needs a word boundary can start: stay at the root.
            target = followsWord && startsOnlyAtBoundary[unit] === 1 ? 0 : rootTable[unit]!;
            break;
          }
          let e = firstEdge[s]!;
          while (e !== -1 && edgeCode[e] !== unit) e = edgeNext[e]!;
          if (e !== -1) {
            target = edgeTarget[e]!;
            break;
          }
          s = fail[s]!;
        }
        state = target;
        if (hasOutput[state] === 0) continue;
        for (let d = terminal[state] !== -1 ? state : dictionary[state]!; d !== -1; d = dictionary[d]!) {
          const index = terminal[d]!;
          const pattern = this.#patterns[index]!;
          const start = count - pattern.text.length;
          if (pattern.boundaryStart && start > 0 && isWordUnit(units[(start - 1) & mask]!)) continue;
          if (pattern.boundaryEnd) pending[pendingCount++] = index; // decided by the unit that follows
          else result = this.#accept(result, text, index, count);
        }
      }
    }
    for (let p = 0; p < pendingCount; p++) result = this.#accept(result, text, pending[p]!, count); // the block's end is a boundary
    if (!result) return EMPTY;
    const matches = result as BlockMatches;
    if (matches.candidates.length > 1) matches.candidates = leftmostLongest(matches.candidates);
    // A phrase that is not a mention has shielded the names inside it; it goes now.
    if (matches.candidates.some((c) => c.figures.length === 0)) matches.candidates = matches.candidates.filter((c) => c.figures.length > 0);
    return matches;
  }

  /** Records an occurrence of pattern `index` ending at folded unit `end` (exclusive). */
  #accept(result: BlockMatches | null, text: string, index: number, end: number): BlockMatches {
    const pattern = this.#patterns[index]!;
    const start = end - pattern.text.length;
    const mask = this.#mask;
    const origins = this.#origins;
    const originAt = (k: number): number => origins[k & mask]!;
    const out = result ?? { candidates: [], cues: [] };
    const originalStart = originAt(start);
    let figures: number[] | null = null;
    let entryShort = false;
    let entryNeedsCue = false;
    let blocks = false;
    for (const entry of pattern.entries) {
      if (entry.cue) {
        out.cues.push(entry.figure);
        continue;
      }
      if (entry.blocks) {
        blocks = true;
        continue;
      }
      if (!caseAllows(entry, text, originAt, start, end, originalStart)) continue;
      (figures ??= []).push(entry.figure);
      entryShort = entry.short;
      entryNeedsCue ||= entry.needsCue;
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
        resolved: -1,
      });
    }
    return out;
  }
}

function caseAllows(
  entry: PatternEntry,
  text: string,
  originAt: (k: number) => number,
  start: number,
  end: number,
  originalStart: number,
): boolean {
  switch (entry.caseMode) {
    case CaseMode.Any:
      return true;
    case CaseMode.Proper:
      return entry.capsAt.every((offset) => isCapital(text[originAt(start + offset)]));
    case CaseMode.Upper: {
      const slice = text.slice(originalStart, originAt(end - 1) + 1);
      return slice === slice.toUpperCase() && slice !== slice.toLowerCase();
    }
  }
}

/** Of overlapping candidates keep the leftmost, then the longest ("Abdul Ghani Baradar" over "Baradar"). */
function leftmostLongest(candidates: Candidate[]): Candidate[] {
  if (candidates.length < 2) return candidates;
  candidates.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  let reach = -1;
  for (const c of candidates) {
    if (c.start >= reach) {
      kept.push(c);
      reach = c.end;
    }
  }
  return kept;
}
