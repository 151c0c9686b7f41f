/**
 * A frame none of whose text may name anyone never builds the full matcher (the pattern entries
 * and their tables): the prefilter, over the automaton alone, decides, and a fresh one must answer
 * as the prefilter of a prepared matcher does, or a frame would miss its names.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Matcher } from '../../src/core/matcher';
import { REAL_DATASET } from '../support/real-dataset';

/** The fixture pages' text, a piece per line of markup, tags dropped. */
function fixtureTexts(): string[] {
  const texts: string[] = [];
  for (const folder of ['pages', 'wild']) {
    const dir = path.resolve(import.meta.dirname, '../fixtures', folder);
    for (const name of readdirSync(dir).filter((n) => n.endsWith('.html'))) {
      for (const line of readFileSync(path.join(dir, name), 'utf8').split('\n')) {
        const text = line.replace(/<[^>]*>/g, ' ').trim();
        if (text) texts.push(text);
      }
    }
  }
  return texts;
}

describe('the matcher gate', () => {
  it('answers a name-free frame without building the full matcher', () => {
    const matcher = new Matcher(REAL_DATASET);
    const weather = 'The weather report says a mild autumn afternoon with light winds from the west.';
    for (let i = 0; i < 50; i++) expect(matcher.mayMatch([weather, ' and the market closed higher.'], 2)).toBe(false);
    expect(matcher.built).toBe(false);
  });

  it("reads only the patterns' texts until some text may name someone", () => {
    let reads = 0;
    const source = {
      patternTexts: REAL_DATASET.patterns.map((p) => p.text),
      get patterns() {
        reads++;
        return REAL_DATASET.patterns;
      },
    };
    const matcher = new Matcher(source);
    expect(matcher.mayMatch(['Garden chairs, forty per cent off.'], 1)).toBe(false);
    expect(reads).toBe(0);
    expect(matcher.mayMatch(['The Taliban took Kabul.'], 1)).toBe(true);
    expect(reads).toBeGreaterThan(0);
  });

  it('builds the full matcher at the first text that may name someone, and finds the name', () => {
    const matcher = new Matcher(REAL_DATASET);
    expect(matcher.mayMatch(['Nothing here.'], 1)).toBe(false);
    expect(matcher.mayMatch(['The Taliban', ' took Kabul.'], 2)).toBe(true);
    expect(matcher.built).toBe(true);
    expect(matcher.matchBlock('The Taliban took Kabul.').candidates.length).toBeGreaterThan(0);
  });

  it('lets through exactly what the full prefilter lets through, on every fixture text', () => {
    const full = new Matcher(REAL_DATASET);
    full.prepare();
    const texts = fixtureTexts();
    let gate = new Matcher(REAL_DATASET);
    let passed = 0;
    for (const text of texts) {
      const expected = full.mayMatch([text], 1);
      expect(gate.mayMatch([text], 1), text).toBe(expected);
      if (gate.built) {
        passed++;
        gate = new Matcher(REAL_DATASET);
      }
    }
    // Both answers occur, so neither half of the comparison is empty.
    expect(passed).toBeGreaterThan(20);
    expect(passed).toBeLessThan(texts.length);
  }, 60_000);
});
