import { describe, expect, it } from 'vitest';
import { formatProblem, validateFigureFiles, type FigureSourceFile } from '../../src/core/dataset-compile';
import { figureFile } from '../support/figures';

const asFile = (figure: object, basename = (figure as { id: string }).id): FigureSourceFile => ({
  file: `assets/figures/${basename}.json`,
  basename,
  text: JSON.stringify(figure),
});

const problemsOf = (...files: FigureSourceFile[]) => validateFigureFiles(files).problems.map(formatProblem);

describe('dataset validation', () => {
  const valid = figureFile('meng-hongwei', 'Meng Hongwei', [{ text: 'Meng Hongwei' }]);

  it('accepts a valid figure', () => {
    expect(problemsOf(asFile(valid))).toEqual([]);
  });

  it('names file, field and problem for a missing field', () => {
    const { summary: _, ...broken } = valid;
    expect(problemsOf(asFile(broken))).toEqual([expect.stringMatching(/^assets\/figures\/meng-hongwei\.json: summary: /)]);
  });

  it('rejects invalid JSON', () => {
    expect(problemsOf({ file: 'assets/figures/x.json', basename: 'x', text: '{ nope' })[0]).toMatch(/x\.json: \(file\): not valid JSON/);
  });

  it('rejects a duplicate id and an id that does not match its file', () => {
    expect(problemsOf(asFile(valid), asFile(valid, 'other'))).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/other\.json: id: "meng-hongwei" does not match the file name "other"/),
        expect.stringMatching(/other\.json: id: duplicate id "meng-hongwei"/),
      ]),
    );
  });

  it('rejects a relation to a figure that does not exist', () => {
    const dangling = { ...valid, relations: [{ type: 'met', target: 'nobody', text: 'Met nobody', sources: ['src'] }] };
    expect(problemsOf(asFile(dangling))).toEqual([expect.stringMatching(/relations\[0\]\.target: no figure with id "nobody"/)]);
  });

  it('rejects a fact citing an unknown source and a source without URL', () => {
    const unknownSource = { ...valid, summary: { text: 'x', sources: ['missing'] } };
    expect(problemsOf(asFile(unknownSource))).toEqual(expect.arrayContaining([expect.stringMatching(/summary\.sources\[0\]: unknown source id "missing"/)]));
    const noUrl = { ...valid, sources: [{ id: 'src', title: 'T', publisher: 'P', asOf: '2024' }] };
    expect(problemsOf(asFile(noUrl))).toEqual([expect.stringMatching(/sources\[0\]\.url: /)]);
  });

  it('rejects an alias that another figure also claims', () => {
    const other = figureFile('interpol', 'Interpol', [{ text: 'Interpol' }, { text: 'Meng Hongwei' }]);
    expect(problemsOf(asFile(valid), asFile(other))).toEqual([
      expect.stringMatching(/interpol\.json: aliases\[1\]: "Meng Hongwei" is also a name of meng-hongwei/),
    ]);
  });

  it('rejects an alias the matcher cannot find as written', () => {
    const unmatchable = figureFile('interpol', 'Interpol', [{ text: 'interpol', case: 'upper' }]);
    expect(problemsOf(asFile(unmatchable))).toEqual([expect.stringMatching(/aliases\[0\]: "interpol" does not match this figure/)]);
  });
});
