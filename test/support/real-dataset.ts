/** The real dataset from assets/figures, validated and compiled as the build does. */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { compileDataset, formatProblem, validateFigureFiles } from '../../src/core/dataset-compile';
import type { FigureFile } from '../../src/core/dataset-schema';

const dir = path.resolve(import.meta.dirname, '../../assets/figures');

function loadFigureFiles(): FigureFile[] {
  const files = readdirSync(dir)
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((name) => ({ file: `assets/figures/${name}`, basename: name.slice(0, -5), text: readFileSync(path.join(dir, name), 'utf8') }));
  const { figures, problems } = validateFigureFiles(files);
  if (problems.length) throw new Error(problems.map(formatProblem).join('\n'));
  return figures;
}

export const REAL_FIGURES = loadFigureFiles();
export const REAL_DATASET = compileDataset(
  REAL_FIGURES,
  REAL_FIGURES.map((f) => f.reviewed)
    .sort()
    .at(-1)!,
);
