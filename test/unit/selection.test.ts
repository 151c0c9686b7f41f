// What selected text names, for the context menu and the lookup page.
import { describe, expect, it } from 'vitest';
import { Matcher } from '../../src/core/matcher';
import { FigureSearch } from '../../src/core/search';
import { lookUpSelection, MAX_SELECTION_CHARS, shownQuery } from '../../src/core/selection';
import { REAL_DATASET } from '../support/real-dataset';

const tools = { search: new FigureSearch(REAL_DATASET), matcher: new Matcher(REAL_DATASET), dataset: REAL_DATASET };
const look = (text: string) => lookUpSelection(text, tools);

describe('lookUpSelection', () => {
  it("a selection that is a figure's form names that figure, with no context needed", () => {
    expect(look('Baradar')).toEqual({ kind: 'figures', shown: 'Baradar', ids: ['abdul-ghani-baradar'] });
    expect(look('  “华春莹”。 ')).toEqual({ kind: 'figures', shown: '华春莹', ids: ['hua-chunying'] });
  });

  it('a sentence names the figures the page rules find in it, in order, each once', () => {
    const result = look('On 28 July, Wang Yi, the Chinese foreign minister, met Abdul Ghani Baradar in Tianjin; Wang Yi spoke first.');
    expect(result).toMatchObject({ kind: 'figures', ids: ['wang-yi', 'abdul-ghani-baradar'] });
  });

  it('a selection naming no figure says so, and shows what was selected', () => {
    expect(look('The weather in Lyon was mild.')).toEqual({ kind: 'none', shown: 'The weather in Lyon was mild' });
  });

  it('an empty or blank selection is empty', () => {
    expect(look('')).toEqual({ kind: 'empty' });
    expect(look(' \n\t ')).toEqual({ kind: 'empty' });
    expect(look('“”')).toEqual({ kind: 'empty' });
  });

  it('reads the first 10,000 characters of a long selection and shows it on one short line', () => {
    const long = `Interpol ${'and more words '.repeat(800)}`;
    expect(long.length).toBeGreaterThan(MAX_SELECTION_CHARS);
    const result = look(long);
    expect(result).toMatchObject({ kind: 'figures', ids: ['interpol'] });
    expect(result.kind === 'figures' && result.shown.length).toBeLessThanOrEqual(60);
    const beyond = look(`${'x '.repeat(MAX_SELECTION_CHARS)} Interpol`);
    expect(beyond.kind).toBe('none');
    expect(shownQuery('a\n\nb')).toBe('a b');
  });
});
