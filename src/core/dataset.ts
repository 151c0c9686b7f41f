/** The compiled dataset: what the content script, the CLI and the card read at run time. */
import type { FigureFile } from './dataset-schema';

export type Category = FigureFile['category'];
/** What the extension reads of a figure: its aliases, cues and review date serve the build only. */
export type Figure = Omit<FigureFile, 'aliases' | '$schema' | 'notMentions' | 'ambiguity' | 'reviewed'>;
export type Source = Figure['sources'][number];

export const enum CaseMode {
  Any = 0,
  /** The capitalised words of the alias must be capitalised on the page ("Taliban", "bin Laden"). */
  Proper = 1,
  /** Every letter in capitals (acronyms). */
  Upper = 2,
}

/** One meaning of a folded pattern: a name form of a figure, or a context cue for it. */
export interface PatternEntry {
  figure: number;
  cue: boolean;
  caseMode: CaseMode;
  /** Offsets (in the folded pattern) of letters that must be capitals on the page (CaseMode.Proper). */
  capsAt: number[];
  short: boolean;
  needsCue: boolean;
  /** A phrase that is not a mention (see `notMentions`): it only shields the names inside it. */
  blocks?: boolean;
}

export interface CompiledPattern {
  /** Folded form, as `fold()` produces it. */
  text: string;
  entries: PatternEntry[];
}

export interface CompiledDataset {
  reviewed: string;
  figures: Figure[];
  patterns: CompiledPattern[];
}
