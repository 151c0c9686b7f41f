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

/**
 * Rules that look at the words around a name form (see `neighbours.ts`), as bit flags. Each is
 * checked only when the form occurs, so a block without names pays nothing for them.
 */
export const enum NameRule {
  /** A different given name directly before it names another person (Grace Meng, Khalid bin Laden). */
  GivenNameBefore = 1,
  /** A Chinese surname: a pinyin given name directly after it names another person (Wang Wenbin). */
  GivenNameAfter = 2,
  /** A body every country has: another country's name before it, or "of <country>" after it, names that country's. */
  Qualified = 4,
  /** A place: a word such as River, Road or Restaurant after it names a thing called after the place. */
  Place = 8,
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
  /** A cue (`cue`) that shows the other meaning of the figure's name (`ambiguity.contrary`). */
  contrary?: boolean;
  /** A name form that counts unless the page holds one of the figure's contrary cues. */
  unlessContrary?: boolean;
  /** `NameRule` flags; absent when none applies. */
  rules?: number;
  /** Folded words that are this figure's own next to the form (its given names, its country's names): they never mean another. */
  own?: string[];
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

/** What a matcher is made from: the patterns, and optionally their texts alone (read without making the patterns). */
export interface PatternSource {
  readonly patterns: readonly CompiledPattern[];
  readonly patternTexts?: readonly string[];
}

/**
 * What the content script of every frame carries: the name patterns, and of each figure what its
 * marks and counts need. `patterns` is made when first read (build.mjs, `pageDatasetModule`).
 */
export interface PageDataset extends PatternSource {
  readonly figures: readonly Pick<Figure, 'id' | 'category'>[];
  readonly patternTexts: readonly string[];
}

/** What card.js carries: the figures, whole, for their cards. */
export type CardDataset = Pick<CompiledDataset, 'reviewed' | 'figures'>;
