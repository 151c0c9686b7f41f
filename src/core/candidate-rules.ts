/** Rules a candidate of the full match (`matcher.ts`) must pass: the case its form asks for, and no overlap. */
import { CaseMode, type PatternEntry } from './dataset';
import type { Candidate } from './matcher';

function isCapital(ch: string | undefined): boolean {
  return ch !== undefined && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

export function caseAllows(entry: PatternEntry, text: string, originAt: (k: number) => number, start: number, end: number, originalStart: number): boolean {
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
export function leftmostLongest(candidates: Candidate[]): Candidate[] {
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
