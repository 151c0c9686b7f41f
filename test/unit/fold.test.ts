import { describe, expect, it } from 'vitest';
import { fold, foldName, originalEnd } from '../../src/core/fold';

describe('fold', () => {
  it('lowercases and collapses whitespace, line breaks and non-breaking spaces', () => {
    expect(foldName('WANG\u00a0 \n YI')).toBe('wang yi');
  });

  it('treats hyphen and dash variants as word separators', () => {
    expect(foldName('al\u2011Qaeda')).toBe(foldName('al-Qaeda'));
    expect(foldName('al\u2013Qaeda')).toBe('al qaeda');
  });

  it('unifies apostrophes', () => {
    expect(foldName('Baradar’s')).toBe("baradar's");
  });

  it('removes soft hyphens and zero-width characters inside a name', () => {
    expect(foldName('Bara\u00addar')).toBe('baradar');
    expect(foldName('Me\u200bng')).toBe('meng');
  });

  it('folds full-width Latin letters and drops diacritics, composed or not', () => {
    expect(foldName('Ｗａｎｇ Ｙｉ')).toBe('wang yi');
    expect(foldName('Ürümqi')).toBe('urumqi');
    expect(foldName('U\u0308ru\u0308mqi')).toBe('urumqi');
  });

  it('unifies Arabic-script letter variants', () => {
    expect(foldName('ذبيح الله')).toBe(foldName('ذبیح الله'));
    expect(foldName('كابل')).toBe(foldName('کابل'));
  });

  it('removes the zero-width non-joiner, so a Persian compound written with one is the joined spelling', () => {
    expect(foldName('ذبیح‌الله')).toBe(foldName('ذبیحالله'));
    expect(foldName('Zabi\u200chullah')).toBe('zabihullah');
  });

  it('maps every folded character back to the original text', () => {
    const source = '  Ｗａｎｇ\u00a0\u00a0Yi said';
    const folded = fold(source);
    const start = folded.text.indexOf('wang yi');
    const end = start + 'wang yi'.length;
    expect(source.slice(folded.map[start], originalEnd(source, folded, end))).toBe('Ｗａｎｇ\u00a0\u00a0Yi');
  });

  it('keeps a decomposed diacritic inside the mapped range', () => {
    const source = 'in U\u0308ru\u0308mqi today';
    const folded = fold(source);
    const start = folded.text.indexOf('urumqi');
    expect(source.slice(folded.map[start], originalEnd(source, folded, start + 6))).toBe('U\u0308ru\u0308mqi');
  });
});
