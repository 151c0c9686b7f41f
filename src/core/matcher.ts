/** Finds name and cue candidates in one block of text. Pure: no DOM. */
import { buildAutomaton, type Automaton } from './automaton';
import { CaseMode, type CompiledDataset, type CompiledPattern, type PatternEntry } from './dataset';
import { fold, originalEnd } from './fold';

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

const EMPTY: BlockMatches = Object.freeze({ candidates: [], cues: [] }) as BlockMatches;

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

interface PreparedPattern extends CompiledPattern {
  boundaryStart: boolean;
  boundaryEnd: boolean;
  hasNames: boolean;
}

function isCapital(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

export class Matcher {
  readonly #automaton: Automaton;
  readonly #patterns: PreparedPattern[];

  constructor(dataset: Pick<CompiledDataset, 'patterns'>) {
    this.#patterns = dataset.patterns.map((p) => ({
      ...p,
      boundaryStart: isWordUnit(p.text.charCodeAt(0)),
      boundaryEnd: isWordUnit(p.text.charCodeAt(p.text.length - 1)),
      hasNames: p.entries.some((e) => !e.cue),
    }));
    this.#automaton = buildAutomaton(this.#patterns.map((p) => p.text));
  }

  get stateCount(): number {
    return this.#automaton.stateCount;
  }

  matchBlock(text: string): BlockMatches {
    const folded = fold(text);
    const f = folded.text;
    if (f.length === 0) return EMPTY;
    let candidates: Candidate[] | null = null;
    let cues: number[] | null = null;
    this.#automaton.scan(f, (index, end) => {
      const pattern = this.#patterns[index]!;
      const start = end - pattern.text.length;
      if (pattern.boundaryStart && start > 0 && isWordUnit(f.charCodeAt(start - 1))) return;
      if (pattern.boundaryEnd && end < f.length && isWordUnit(f.charCodeAt(end))) return;
      const originalStart = folded.map[start]!;
      let figures: number[] | null = null;
      let entryShort = false;
      let entryNeedsCue = false;
      for (const entry of pattern.entries) {
        if (entry.cue) {
          (cues ??= []).push(entry.figure);
          continue;
        }
        if (!caseAllows(entry, text, folded.map, start, end, originalStart)) continue;
        (figures ??= []).push(entry.figure);
        entryShort = entry.short;
        entryNeedsCue ||= entry.needsCue;
      }
      if (!figures) return;
      const originalStop = originalEnd(text, folded, end);
      (candidates ??= []).push({
        figures,
        start: originalStart,
        end: originalStop,
        text: text.slice(originalStart, originalStop),
        short: entryShort,
        needsCue: entryNeedsCue,
        resolved: -1,
      });
    });
    if (!candidates && !cues) return EMPTY;
    return { candidates: candidates ? leftmostLongest(candidates) : [], cues: cues ?? [] };
  }
}

function caseAllows(
  entry: PatternEntry,
  text: string,
  map: Int32Array,
  start: number,
  end: number,
  originalStart: number,
): boolean {
  switch (entry.caseMode) {
    case CaseMode.Any:
      return true;
    case CaseMode.Proper:
      return entry.capsAt.every((offset) => isCapital(text[map[start + offset]!]));
    case CaseMode.Upper: {
      const slice = text.slice(originalStart, map[end - 1]! + 1);
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
