/**
 * The fixture corpora: realistic pages with the mentions a careful reader counts per figure, in two
 * sets. test/fixtures/pages was written to the rules; test/fixtures/wild mirrors the kinds of real
 * pages the rules once failed on (false friends, names in many scripts), its counts made by hand
 * before the scanner was run on it. Each page is scanned with the scan CLI's code and must give
 * exactly the expected count for every figure: a threshold would let one regression hide behind
 * many right pages. Precision and recall per rule group are printed for the record.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scanHtml } from '../../src/cli/scan-html';
import { Matcher } from '../../src/core/matcher';
import { REAL_DATASET } from '../support/real-dataset';

interface Expectation {
  group: string;
  description?: string;
  expect: Record<string, number>;
}

interface Tally {
  found: number;
  expected: number;
  correct: number;
}

interface PageResult {
  page: string;
  expected: Record<string, number>;
  found: Record<string, number>;
}

const matcher = new Matcher(REAL_DATASET);
const ids = new Set(REAL_DATASET.figures.map((f) => f.id));

function scanSet(name: string): { expectations: Record<string, Expectation>; byGroup: Map<string, Tally>; pages: PageResult[] } {
  const dir = path.resolve(import.meta.dirname, '../fixtures', name);
  const expectations = JSON.parse(readFileSync(path.join(dir, 'expectations.json'), 'utf8')) as Record<string, Expectation>;
  const byGroup = new Map<string, Tally>();
  const pages: PageResult[] = [];
  for (const [page, expectation] of Object.entries(expectations)) {
    const counts: Record<string, number> = {};
    for (const m of scanHtml(readFileSync(path.join(dir, page), 'utf8'), matcher, REAL_DATASET)) counts[m.figure] = (counts[m.figure] ?? 0) + 1;
    const tally = byGroup.get(expectation.group) ?? { found: 0, expected: 0, correct: 0 };
    for (const figure of new Set([...Object.keys(counts), ...Object.keys(expectation.expect)])) {
      const found = counts[figure] ?? 0;
      const expected = expectation.expect[figure] ?? 0;
      tally.found += found;
      tally.expected += expected;
      tally.correct += Math.min(found, expected);
    }
    byGroup.set(expectation.group, tally);
    pages.push({ page, expected: expectation.expect, found: counts });
  }
  return { expectations, byGroup, pages };
}

const SETS = {
  pages: ['boundaries', 'case', 'context', 'coreference', 'elements', 'folding', 'forms', 'negatives', 'not-prose', 'scripts'],
  wild: ['case', 'cues', 'false-friends', 'family-names', 'folding', 'forms', 'languages', 'places', 'qualifiers', 'scripts'],
} as const;
const MINIMUM_PAGES = { pages: 30, wild: 40 } as const;

describe.each(Object.keys(SETS) as (keyof typeof SETS)[])('fixture corpus %s', (name) => {
  const { expectations, byGroup, pages } = scanSet(name);

  it(`has at least ${MINIMUM_PAGES[name]} pages over every rule group, naming only known figures`, () => {
    expect(Object.keys(expectations).length).toBeGreaterThanOrEqual(MINIMUM_PAGES[name]);
    expect([...byGroup.keys()].sort()).toEqual([...SETS[name]].sort());
    for (const e of Object.values(expectations)) for (const id of Object.keys(e.expect)) expect(ids.has(id), id).toBe(true);
  });

  it('reports precision and recall per rule group', () => {
    for (const group of [...byGroup.keys()].sort()) {
      const t = byGroup.get(group)!;
      const precision = t.found === 0 ? 1 : t.correct / t.found;
      const recall = t.expected === 0 ? 1 : t.correct / t.expected;
      console.log(
        `corpus ${name.padEnd(5)} ${group.padEnd(13)} precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} (found ${t.found}, expected ${t.expected})`,
      );
    }
  });

  it.each(pages.map((p) => [p.page, p] as const))('%s: exactly the expected mentions', (_page, result) => {
    expect(result.found).toEqual(result.expected);
  });
});
