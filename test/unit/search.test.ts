// Search by any form a reader types: whole forms and prefixes, folded as the scanner folds.
import { describe, expect, it } from 'vitest';
import { FigureSearch } from '../../src/core/search';
import { shortPrefix } from '../support/prefix';
import { REAL_DATASET, REAL_FIGURES } from '../support/real-dataset';

const search = new FigureSearch(REAL_DATASET);
const ids = (query: string) => search.find(query).map((hit) => hit.figure.id);

describe('figure search', () => {
  it('finds each figure by each of its forms, whole and by a prefix', () => {
    const misses: string[] = [];
    for (const figure of REAL_FIGURES) {
      const forms = [figure.name, ...figure.aliases.map((a) => a.text), ...figure.nativeNames.map((n) => n.text)];
      for (const form of forms) {
        if (!ids(form).includes(figure.id)) misses.push(`${figure.id}: "${form}"`);
        const prefix = shortPrefix(form);
        if (prefix && !ids(prefix).includes(figure.id)) misses.push(`${figure.id}: prefix "${prefix}" of "${form}"`);
      }
    }
    expect(misses).toEqual([]);
  });

  it('puts a whole form before prefixes, and folds case, diacritics and joiners like the scanner', () => {
    expect(ids('mullah baradar')[0]).toBe('abdul-ghani-baradar');
    expect(ids('Baradar')[0]).toBe('abdul-ghani-baradar');
    expect(ids('巴拉达尔')[0]).toBe('abdul-ghani-baradar');
    expect(ids('ذبیحالله')[0]).toBe('zabihullah-mujahid');
    expect(ids('Mujahid')[0]).toBe('zabihullah-mujahid');
    expect(ids('ذبیح الله')[0]).toBe('zabihullah-mujahid');
    expect(ids('ذبیح‌الله')[0]).toBe('zabihullah-mujahid');
    expect(ids('ZABIHULLAH')[0]).toBe('zabihullah-mujahid');
    expect(ids('hongwei')[0]).toBe('meng-hongwei');
    expect(search.find('Wang Yi')[0]).toMatchObject({ kind: 'whole' });
  });

  it('finds nothing for an empty query, a short fragment or a name of no figure', () => {
    expect(ids('')).toEqual([]);
    expect(ids('   ')).toEqual([]);
    expect(ids('Ta')).toEqual([]);
    expect(ids('Angela Merkel')).toEqual([]);
  });
});
