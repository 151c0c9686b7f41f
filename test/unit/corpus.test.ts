/**
 * The fixture corpus (test/fixtures/pages): realistic pages with the mentions a careful reader
 * counts per figure. Scans each with the scan CLI's code and reports precision and recall per
 * rule group; fails below 0.98 on either.
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

const dir = path.resolve(import.meta.dirname, '../fixtures/pages');
const expectations = JSON.parse(readFileSync(path.join(dir, 'expectations.json'), 'utf8')) as Record<string, Expectation>;
const matcher = new Matcher(REAL_DATASET);
const ids = new Set(REAL_DATASET.figures.map((f) => f.id));

interface Tally {
  found: number;
  expected: number;
  correct: number;
}

const byGroup = new Map<string, Tally>();
const misses: string[] = [];
for (const [page, expectation] of Object.entries(expectations)) {
  const counts = new Map<string, number>();
  for (const m of scanHtml(readFileSync(path.join(dir, page), 'utf8'), matcher, REAL_DATASET)) counts.set(m.figure, (counts.get(m.figure) ?? 0) + 1);
  const tally = byGroup.get(expectation.group) ?? { found: 0, expected: 0, correct: 0 };
  for (const figure of new Set([...counts.keys(), ...Object.keys(expectation.expect)])) {
    const found = counts.get(figure) ?? 0;
    const expected = expectation.expect[figure] ?? 0;
    tally.found += found;
    tally.expected += expected;
    tally.correct += Math.min(found, expected);
    if (found !== expected) misses.push(`${page}: ${figure} expected ${expected}, found ${found}`);
  }
  byGroup.set(expectation.group, tally);
}

describe('fixture corpus', () => {
  it('has at least 30 pages over every rule group, naming only known figures', () => {
    expect(Object.keys(expectations).length).toBeGreaterThanOrEqual(30);
    expect([...byGroup.keys()].sort()).toEqual(
      ['boundaries', 'case', 'context', 'coreference', 'elements', 'folding', 'forms', 'negatives', 'not-prose', 'scripts'].sort(),
    );
    for (const e of Object.values(expectations)) for (const id of Object.keys(e.expect)) expect(ids.has(id), id).toBe(true);
  });

  it.each([...byGroup.keys()].sort())('%s: precision and recall at least 0.98', (group) => {
    const t = byGroup.get(group)!;
    const precision = t.found === 0 ? 1 : t.correct / t.found;
    const recall = t.expected === 0 ? 1 : t.correct / t.expected;
    console.log(`corpus ${group.padEnd(12)} precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} (found ${t.found}, expected ${t.expected})`);
    expect({ group, precision: precision >= 0.98, recall: recall >= 0.98, misses: precision < 0.98 || recall < 0.98 ? misses : [] }).toEqual({
      group,
      precision: true,
      recall: true,
      misses: [],
    });
  });
});
