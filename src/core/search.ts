/**
 * Finds the story's figures by what a reader types or selects: any name form of the dataset (alias,
 * native name, transliteration), folded exactly as the scanner folds page text, matched whole or by
 * the start of the form or of one of its words. Pure: the popup's cast view and the lookup page
 * receive plain results.
 */
import type { CompiledDataset, Figure } from './dataset';
import { foldName } from './fold';

/** How a query met a form, best first. */
type MatchKind = 'whole' | 'start' | 'word';

export interface SearchHit {
  figure: Figure;
  kind: MatchKind;
  /** The folded form the query met. */
  form: string;
}

const KIND_RANK: Record<MatchKind, number> = { whole: 0, start: 1, word: 2 };

/**
 * A prefix must say enough to mean something: four letters in alphabetic scripts, two characters in
 * Chinese, Japanese or Korean, where two characters already make most names. Shorter queries only
 * find a form they equal ("Hua", "CCP").
 */
const MIN_PREFIX_LETTERS = 4;
const MIN_PREFIX_CJK = 2;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

function longEnoughForPrefix(query: string): boolean {
  let letters = 0;
  let cjk = 0;
  for (const ch of query) {
    if (CJK.test(ch)) cjk++;
    else if (/[\p{L}\p{N}]/u.test(ch)) letters++;
  }
  return cjk >= MIN_PREFIX_CJK || letters >= MIN_PREFIX_LETTERS || (cjk >= 1 && letters + cjk >= MIN_PREFIX_LETTERS);
}

interface Form {
  text: string;
  figure: number;
}

export class FigureSearch {
  readonly #figures: readonly Figure[];
  readonly #forms: Form[] = [];

  constructor(dataset: Pick<CompiledDataset, 'figures' | 'patterns'>) {
    this.#figures = dataset.figures;
    const seen = new Set<string>();
    const add = (text: string, figure: number): void => {
      const key = `${figure}\u0000${text}`;
      if (!text || seen.has(key)) return;
      seen.add(key);
      this.#forms.push({ text, figure });
    };
    dataset.figures.forEach((figure, index) => add(foldName(figure.name), index));
    for (const pattern of dataset.patterns) {
      for (const entry of pattern.entries) if (!entry.cue && !entry.blocks) add(pattern.text, entry.figure);
    }
  }

  /** The figures the query names, one hit each, best match first (then in dataset order). */
  find(query: string): SearchHit[] {
    const folded = foldName(query).trim();
    if (!folded) return [];
    const prefixes = longEnoughForPrefix(folded);
    const best = new Map<number, SearchHit>();
    for (const form of this.#forms) {
      const kind = matchKind(form.text, folded, prefixes);
      if (!kind) continue;
      const current = best.get(form.figure);
      if (!current || KIND_RANK[kind] < KIND_RANK[current.kind]) best.set(form.figure, { figure: this.#figures[form.figure]!, kind, form: form.text });
    }
    return [...best.entries()].sort(([a, x], [b, y]) => KIND_RANK[x.kind] - KIND_RANK[y.kind] || a - b).map(([, hit]) => hit);
  }
}

function matchKind(form: string, query: string, prefixes: boolean): MatchKind | null {
  if (form === query) return 'whole';
  if (!prefixes) return null;
  if (form.startsWith(query)) return 'start';
  // The start of a later word: "hongwei" in "meng hongwei". Chinese forms have no spaces, so only
  // their start counts.
  for (let at = form.indexOf(' '); at !== -1; at = form.indexOf(' ', at + 1)) {
    if (form.startsWith(query, at + 1)) return 'word';
  }
  return null;
}
