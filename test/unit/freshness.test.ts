import { describe, expect, it } from 'vitest';
import { formatFreshnessReport, freshnessReport, isStale, startOf } from '../../src/core/freshness';
import { readerDate } from '../../src/ui/dates';

type Fig = Parameters<typeof freshnessReport>[0][number];
const fig = (id: string, roleNow: Partial<Fig['roleNow']>, sources: Partial<Fig['sources'][number]>[] = []): Fig => ({
  id,
  roleNow: { text: `${id} now`, sources: ['a'], ...roleNow },
  sources: sources.map((s, i) => ({ id: `s${i}`, title: 'T', publisher: 'P', url: `https://example.org/${id}/${i}`, asOf: '2025', ...s })),
});

describe('freshness report', () => {
  it('reads partial dates as the first day of the year or month', () => {
    expect(startOf('2025')).toBe(Date.UTC(2025, 0, 1));
    expect(startOf('2025-07')).toBe(Date.UTC(2025, 6, 1));
    expect(startOf('2025-07-03')).toBe(Date.UTC(2025, 6, 3));
  });

  it('calls a role stale when its asOf is more than 12 months before the review date', () => {
    expect(isStale('2025-12-07', '2026-12-07')).toBe(false);
    expect(isStale('2025-12-06', '2026-12-07')).toBe(true);
    expect(isStale('2025-12', '2026-12-07')).toBe(true); // 1 December 2025
    expect(isStale('2026', '2026-12-07')).toBe(false);
    expect(isStale('2025', '2026-01-01')).toBe(false); // exactly 12 months
    expect(isStale('2025', '2026-01-02')).toBe(true);
    expect(isStale(undefined, '2026-12-07')).toBe(true);
  });

  it('lists stale roles, never a final one (a death, a dissolution), and every relay once with who cites it', () => {
    const report = freshnessReport(
      [
        fig('b-stale', { asOf: '2024-05' }, [{ relay: true, url: 'https://copy.example/x', publisher: 'Copy' }]),
        fig('a-dead', { asOf: '2011-05-02', final: true }),
        fig('c-fresh', { asOf: '2026-11' }, [{ relay: true, url: 'https://copy.example/x', publisher: 'Copy' }, {}]),
        fig('d-undated', {}),
      ],
      '2026-12-07',
    );
    expect(report.staleRoles.map((r) => [r.figure, r.asOf])).toEqual([
      ['b-stale', '2024-05'],
      ['d-undated', undefined],
    ]);
    expect(report.relays).toEqual([{ url: 'https://copy.example/x', title: 'T', publisher: 'Copy', figures: ['b-stale', 'c-fresh'] }]);
    expect(formatFreshnessReport(report)).toEqual([
      'freshness: 2 current role(s) last confirmed more than 12 months before 2026-12-07:',
      '  b-stale: roleNow.asOf 2024-05',
      '  d-undated: roleNow.asOf (none)',
      "freshness: 1 source(s) are relays of another outlet's report:",
      '  Copy: https://copy.example/x (b-stale, c-fresh)',
    ]);
  });

  it('says so in one line when everything is current and nothing is a relay', () => {
    const report = freshnessReport([fig('x', { asOf: '2026-12' })], '2026-12-07');
    expect(formatFreshnessReport(report)).toEqual(['freshness: every current role confirmed within 12 months of 2026-12-07']);
  });
});

describe('dates on the card', () => {
  it('writes dataset dates in words', () => {
    expect(readerDate('2025-07', 'en-GB')).toBe('July 2025');
    expect(readerDate('2025-07-03', 'en-GB')).toBe('3 July 2025');
    expect(readerDate('2025', 'en-GB')).toBe('2025');
    expect(readerDate('not a date', 'en-GB')).toBe('not a date');
    expect(readerDate('2025-07', 'no-such-locale-!!')).toBe('July 2025');
  });
});
