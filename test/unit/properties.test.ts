import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildAutomaton } from '../../src/core/automaton';
import { fold, foldName, originalEnd } from '../../src/core/fold';
import { Matcher } from '../../src/core/matcher';
import { Prefilter } from '../../src/core/prefilter';
import { SAMPLE_DATASET } from '../support/figures';
import { REAL_DATASET } from '../support/real-dataset';

const matcher = new Matcher(SAMPLE_DATASET);

/** Text mixing the characters folding cares about with pieces of names. */
const trickyText = fc
  .array(
    fc.oneof(
      fc.string({ unit: 'grapheme-composite' }),
      fc.constantFrom(' ', '\u00a0', '\n', '\u00ad', '\u200b', '\u200c', '‑', '–', '’', 'Ｗ', 'Ü', 'U\u0308', 'ي', 'ی', '😀', '\ud800'),
      fc.constantFrom('Meng', 'Hongwei', 'Wang Yi', 'Taliban', 'bin Laden', '孟宏伟', 'طالبان', 'CCP', 'foreign minister'),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(''));

describe('folding and matching never misbehave', () => {
  it('fold never throws and its map stays inside the text, in order', () => {
    fc.assert(
      fc.property(trickyText, (text) => {
        const folded = fold(text);
        expect(folded.map.length).toBe(folded.text.length + 1);
        for (let i = 0; i < folded.text.length; i++) {
          expect(folded.map[i]).toBeGreaterThanOrEqual(i === 0 ? 0 : folded.map[i - 1]!);
          expect(folded.map[i]).toBeLessThan(text.length);
        }
        expect(originalEnd(text, folded, folded.text.length)).toBeLessThanOrEqual(text.length);
      }),
      { numRuns: 500 },
    );
  });

  it('every candidate lies inside the text and its text is the slice it covers', () => {
    fc.assert(
      fc.property(trickyText, (text) => {
        for (const c of matcher.matchBlock(text).candidates) {
          expect(c.start).toBeGreaterThanOrEqual(0);
          expect(c.end).toBeLessThanOrEqual(text.length);
          expect(c.start).toBeLessThan(c.end);
          expect(text.slice(c.start, c.end)).toBe(c.text);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('text with no letters of any name form never yields a mention', () => {
    const noNames = fc.string({ unit: fc.constantFrom('x', 'z', 'q', ' ', '.', '1', '\u00a0', '—', 'ж') });
    fc.assert(
      fc.property(noNames, (text) => {
        expect(matcher.matchBlock(text).candidates).toEqual([]);
      }),
    );
  });
});

describe('the automaton', () => {
  /** Every occurrence as `pattern@end`, by direct comparison; a pattern listed twice is reported under its first index. */
  function naiveMatches(patterns: string[], text: string): string[] {
    const found: string[] = [];
    patterns.forEach((pattern, index) => {
      if (pattern.length === 0 || patterns.indexOf(pattern) !== index) return;
      for (let end = pattern.length; end <= text.length; end++) if (text.startsWith(pattern, end - pattern.length)) found.push(`${index}@${end}`);
    });
    return found.sort();
  }

  // Mostly two letters, so that patterns share prefixes and overlap; some units outside ASCII and surrogate halves.
  const unit = fc.oneof({ arbitrary: fc.constantFrom('a', 'b'), weight: 4 }, fc.constantFrom('c', ' ', 'é', '王', '\ud83d', '\ude00'));
  const word = fc.array(unit, { maxLength: 7 }).map((units) => units.join(''));

  it('finds exactly the occurrences a naive search finds, with and without dense rows', () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 30 }), fc.array(unit, { maxLength: 60 }), fc.constantFrom(0, 24, 1 << 20), (patterns, units, denseEntries) => {
        const text = units.join('');
        const automaton = buildAutomaton(patterns, denseEntries);
        const found: string[] = [];
        automaton.scan(text, (index, end) => found.push(`${index}@${end}`));
        expect(found.sort()).toEqual(naiveMatches(patterns, text));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the prefilter', () => {
  /** Whether any pattern occurs in the folded text (a plain search, no word-boundary or case rules). */
  const occursIn = (patterns: readonly string[], text: string): boolean => {
    const folded = fold(text).text;
    return patterns.some((p) => p.length > 0 && folded.includes(p));
  };

  /** Splits `text` at the given cut points, as a block's text nodes split it. */
  const split = (text: string, cuts: number[]): string[] => {
    const at = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
    const parts: string[] = [];
    let from = 0;
    for (const cut of at) {
      parts.push(text.slice(from, cut));
      from = cut;
    }
    parts.push(text.slice(from));
    // A block's text nodes are never empty.
    const nonEmpty = parts.filter((part) => part.length > 0);
    return nonEmpty.length ? nonEmpty : [''];
  };

  /** A pair split across two parts is let through whatever follows (the full match decides). */
  const splitsPair = (parts: string[]): boolean =>
    parts.some((part, i) => i + 1 < parts.length && /[\ud800-\udbff]$/.test(part) && /^[\udc00-\udfff]/.test(parts[i + 1]!));

  it('lets a block through exactly when a name form or cue occurs in its folded text', () => {
    const patterns = SAMPLE_DATASET.patterns.map((p) => p.text);
    fc.assert(
      fc.property(trickyText, fc.array(fc.nat(), { maxLength: 4 }), (text, cuts) => {
        const parts = split(text, cuts);
        const expected = occursIn(patterns, text);
        const got = matcher.mayMatch(parts, parts.length);
        if (splitsPair(parts) && got) return;
        expect(got).toBe(expected);
      }),
      { numRuns: 1000 },
    );
  });

  it('tells the full match where it may start reading: from there it finds what it finds from the start', () => {
    const real = new Matcher(REAL_DATASET);
    const capitalised = (form: string): string => form.replace(/(^|\s)(\p{Ll})/gu, (_, space: string, letter: string) => space + letter.toUpperCase());
    const forms = REAL_DATASET.patterns.map((p) => p.text);
    const piece = fc.oneof(
      fc.constantFrom(...forms),
      fc.constantFrom(...forms).map(capitalised),
      fc.constantFrom(
        ' ',
        '  ',
        '\u00a0',
        '\u200c',
        '\u00ad',
        'E\u0301',
        '😀',
        'و',
        'بال',
        'ل',
        'Khalid ',
        'Grace ',
        'the ',
        'foreign minister ',
        '.',
        '-',
        '(',
        '中國',
      ),
      fc.string({ unit: 'grapheme-composite', maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }), fc.array(fc.nat(), { maxLength: 4 }), (pieces, cuts) => {
        const text = pieces.join('');
        const parts = split(text, cuts);
        if (!real.mayMatch(parts, parts.length)) return;
        const from = real.matchStart(parts);
        expect(from).toBeGreaterThanOrEqual(0);
        expect(real.matchBlock(text, from)).toEqual(real.matchBlock(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with a plain search for any patterns, with and without dense rows, block after block', () => {
    const unit = fc.oneof(
      { arbitrary: fc.constantFrom('a', 'b'), weight: 4 },
      fc.constantFrom('c', ' ', '  ', 'é', 'E\u0301', '\u00ad', 'ß', 'ﬁ', '王', '😀', '-'),
    );
    const phrase = fc
      .array(unit, { minLength: 1, maxLength: 6 })
      .map((units) => foldName(units.join('')))
      .filter((p) => p.length > 0);
    fc.assert(
      fc.property(
        fc.array(phrase, { minLength: 1, maxLength: 40 }),
        // Several blocks through one prefilter, as a page's are: its table grows as they reach more states.
        fc.array(fc.tuple(fc.array(unit, { maxLength: 50 }), fc.array(fc.nat(), { maxLength: 3 })), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(0, 40, 1 << 20),
        (patterns, blocks, denseEntries) => {
          const prefilter = new Prefilter(buildAutomaton(patterns, denseEntries));
          for (const [units, cuts] of blocks) {
            const text = units.join('');
            const parts = split(text, cuts);
            const got = prefilter.mayMatch(parts, parts.length);
            if (splitsPair(parts) && got) continue;
            expect(got).toBe(occursIn(patterns, text));
          }
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('agrees with a plain search when the page meets more of the letters the names use than a row has room for', () => {
    // Names of two or three of 300 letters, and text that meets many of the letters before (if ever)
    // a whole name: the rows widen, and the rows already filled learn the new letters, mid-page.
    const han = Array.from({ length: 300 }, (_, i) => String.fromCharCode(0x4e00 + i * 7));
    // Without bias: fast-check otherwise draws the first few letters most of the time.
    const letter = fc.noBias(fc.integer({ min: 0, max: han.length - 1 }).map((i) => han[i]!));
    const unit = fc.oneof(fc.constantFrom('a', ' '), letter);
    const phrase = fc.array(letter, { minLength: 2, maxLength: 3 }).map((units) => units.join(''));
    fc.assert(
      fc.property(
        fc.array(phrase, { minLength: 150, maxLength: 200 }),
        fc.array(fc.tuple(fc.array(unit, { minLength: 20, maxLength: 120 }), fc.array(fc.nat(), { maxLength: 3 })), { minLength: 2, maxLength: 8 }),
        (patterns, blocks) => {
          const prefilter = new Prefilter(buildAutomaton(patterns));
          for (const [units, cuts] of blocks) {
            const text = units.join('');
            const parts = split(text, cuts);
            expect(prefilter.mayMatch(parts, parts.length)).toBe(occursIn(patterns, text));
          }
        },
      ),
      { numRuns: 200 },
    );
  });
});
