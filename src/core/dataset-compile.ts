/**
 * Build-time: validate figure files and compile them into the run-time dataset.
 * Every problem names the file, the field and what is wrong.
 */
import { CaseMode, NameRule, type CompiledDataset, type CompiledPattern, type Figure, type PatternEntry } from './dataset';
import { cueText, figureSchema, type AliasFile, type FigureFile } from './dataset-schema';
import { fold, foldName } from './fold';
import { Matcher } from './matcher';
import { resolveMentions } from './resolve';

export { formatFreshnessReport, freshnessReport } from './freshness';

export interface DatasetProblem {
  file: string;
  field: string;
  problem: string;
}

export interface FigureSourceFile {
  /** Path as shown in messages, e.g. assets/figures/wang-yi.json. */
  file: string;
  /** File name without extension; must equal the figure's id. */
  basename: string;
  /** The file's text. */
  text: string;
}

export function formatProblem(p: DatasetProblem): string {
  return `${p.file}: ${p.field}: ${p.problem}`;
}

/** Parses and validates every file; cross-checks the set. */
export function validateFigureFiles(files: readonly FigureSourceFile[]): {
  figures: FigureFile[];
  problems: DatasetProblem[];
} {
  const problems: DatasetProblem[] = [];
  const figures: FigureFile[] = [];
  const fileOf = new Map<FigureFile, string>();
  for (const source of files) {
    let json: unknown;
    try {
      json = JSON.parse(source.text);
    } catch (error) {
      problems.push({ file: source.file, field: '(file)', problem: `not valid JSON: ${(error as Error).message}` });
      continue;
    }
    const parsed = figureSchema.safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({ file: source.file, field: formatPath(issue.path) || '(root)', problem: issue.message });
      }
      continue;
    }
    if (parsed.data.id !== source.basename) {
      problems.push({ file: source.file, field: 'id', problem: `"${parsed.data.id}" does not match the file name "${source.basename}"` });
    }
    figures.push(parsed.data);
    fileOf.set(parsed.data, source.file);
  }

  const ids = new Map<string, string>();
  for (const figure of figures) {
    const file = fileOf.get(figure)!;
    const earlier = ids.get(figure.id);
    if (earlier) problems.push({ file, field: 'id', problem: `duplicate id "${figure.id}" (also in ${earlier})` });
    else ids.set(figure.id, file);
  }
  for (const figure of figures) problems.push(...checkFigure(figure, fileOf.get(figure)!, ids));
  problems.push(...checkAliasOwnership(figures, fileOf));
  if (problems.length === 0) problems.push(...checkAliasesMatch(figures, fileOf));
  return { figures, problems };
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.map((part, i) => (typeof part === 'number' ? `[${part}]` : `${i ? '.' : ''}${String(part)}`)).join('');
}

function checkFigure(figure: FigureFile, file: string, ids: Map<string, string>): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  const sourceIds = new Set<string>();
  figure.sources.forEach((s, i) => {
    if (sourceIds.has(s.id)) problems.push({ file, field: `sources[${i}].id`, problem: `duplicate source id "${s.id}"` });
    sourceIds.add(s.id);
  });
  const used = new Set<string>();
  const checkRefs = (field: string, refs: readonly string[]): void => {
    refs.forEach((ref, i) => {
      used.add(ref);
      if (!sourceIds.has(ref)) problems.push({ file, field: `${field}.sources[${i}]`, problem: `unknown source id "${ref}"` });
    });
  };
  checkRefs('roleThen', figure.roleThen.sources);
  checkRefs('roleNow', figure.roleNow.sources);
  checkRefs('summary', figure.summary.sources);
  figure.facts.forEach((f, i) => checkRefs(`facts[${i}]`, f.sources));
  figure.inThisStory.forEach((s, i) => checkRefs(`inThisStory[${i}]`, s.sources));
  figure.checks.forEach((c, i) => checkRefs(`checks[${i}]`, c.sources));
  figure.relations.forEach((r, i) => {
    checkRefs(`relations[${i}]`, r.sources);
    if (!ids.has(r.target)) problems.push({ file, field: `relations[${i}].target`, problem: `no figure with id "${r.target}"` });
    if (r.target === figure.id) problems.push({ file, field: `relations[${i}].target`, problem: 'a figure cannot relate to itself' });
  });
  figure.sources.forEach((s, i) => {
    if (!used.has(s.id)) problems.push({ file, field: `sources[${i}]`, problem: `source "${s.id}" is not cited by any fact` });
  });
  figure.aliases.forEach((a, i) => {
    if (a.unlessContrary && !figure.ambiguity?.contrary?.length) {
      problems.push({
        file,
        field: `aliases[${i}].unlessContrary`,
        problem: 'counts unless a contrary cue is on the page, but the figure has no ambiguity.contrary',
      });
    }
    if (a.needsCue && !figure.ambiguity) {
      problems.push({ file, field: `aliases[${i}].needsCue`, problem: 'needs a cue but the figure has no ambiguity.cues' });
    }
    if (foldName(a.text).length === 0) problems.push({ file, field: `aliases[${i}].text`, problem: 'folds to nothing' });
  });
  return problems;
}

/** No two figures may claim the same folded form, except short forms (which then never match alone). */
function checkAliasOwnership(figures: readonly FigureFile[], fileOf: Map<FigureFile, string>): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  const owners = new Map<string, { figure: FigureFile; short: boolean }>();
  for (const figure of figures) {
    const seen = new Set<string>();
    allAliases(figure).forEach((alias, i) => {
      const key = foldName(alias.text);
      const field = i < figure.aliases.length ? `aliases[${i}]` : `nativeNames[${i - figure.aliases.length}]`;
      if (seen.has(key)) {
        if (i < figure.aliases.length) problems.push({ file: fileOf.get(figure)!, field, problem: `"${alias.text}" repeats another name form of this figure` });
        return;
      }
      seen.add(key);
      const owner = owners.get(key);
      if (owner && !(owner.short && alias.short)) {
        problems.push({
          file: fileOf.get(figure)!,
          field,
          problem: `"${alias.text}" is also a name of ${owner.figure.id}; only short forms may be shared`,
        });
      } else if (!owner) owners.set(key, { figure, short: !!alias.short });
    });
  }
  return problems;
}

/** Name forms a figure is matched by: its aliases, then its native names. */
function allAliases(figure: FigureFile): AliasFile[] {
  const natives = figure.nativeNames.map((n) => ({ text: n.text, lang: n.lang }));
  return [...figure.aliases, ...natives];
}

/** The `NameRule`s of a name form (see neighbours.ts for what each means). */
function nameRules(figure: FigureFile, alias: AliasFile): number {
  let rules = 0;
  if (alias.short || alias.family) rules |= NameRule.GivenNameBefore;
  if (alias.surnameFirst) rules |= NameRule.GivenNameAfter;
  if (alias.qualified) rules |= NameRule.Qualified;
  if (figure.category === 'place') rules |= NameRule.Place;
  return rules;
}

/**
 * Words next to a name form that are the figure's own, never another's: the words that stand
 * before the form (after it, for a Chinese surname) in the figure's full names ("Osama" before "bin
 * Laden", "Hongwei" after "Meng"), and for a qualified body every word of its full names and cues
 * ("China", "Chinese", "PRC").
 */
function ownWords(figure: FigureFile, form: string, rules: number): string[] {
  const own = new Set<string>();
  const fulls = figure.aliases.filter((a) => !a.short).map((a) => foldName(a.text));
  const formWords = form.split(' ');
  if (rules & (NameRule.GivenNameBefore | NameRule.GivenNameAfter)) {
    for (const full of fulls) {
      const words = full.split(' ');
      for (let i = 0; i + formWords.length <= words.length; i++) {
        if (formWords.some((w, k) => words[i + k] !== w)) continue;
        if (rules & NameRule.GivenNameBefore && i > 0) own.add(words[i - 1]!);
        if (rules & NameRule.GivenNameAfter && i + formWords.length < words.length) own.add(words[i + formWords.length]!);
      }
    }
  }
  if (rules & NameRule.Qualified) {
    for (const phrase of [...fulls, ...(figure.ambiguity?.cues ?? []).map((c) => foldName(cueText(c)))]) {
      for (const word of phrase.split(' ')) own.add(word.replace(/'s$/, ''));
    }
  }
  return [...own].sort();
}

/**
 * The spellings of an Arabic-script name whose compound parts are written joined or apart. Pages
 * write Zabihullah ذبیح الله, ذبیح‌الله (with a zero-width non-joiner, which folding removes) and
 * ذبیحالله, and Abdul Salam عبدالسلام or عبد السلام: the dataset lists one, and the others are added
 * here. Only the compound parts of names change: a word before الله (Allah), and عبد before a word
 * starting with ال (al-). Other spellings are returned as they are.
 */
export function joinVariants(folded: string): string[] {
  if (!/[\u0600-\u06ff]/.test(folded)) return [folded];
  const toggles: Array<[RegExp, string]> = [
    [/(\S)\u0627\u0644\u0644\u0647(?=\s|$)/g, '$1 \u0627\u0644\u0644\u0647'], // XAllah -> X Allah
    [/(\S) \u0627\u0644\u0644\u0647(?=\s|$)/g, '$1\u0627\u0644\u0644\u0647'], // X Allah -> XAllah
    [/(^|\s)\u0639\u0628\u062f\u0627\u0644/g, '$1\u0639\u0628\u062f \u0627\u0644'], // Abdal- -> Abd al-
    [/(^|\s)\u0639\u0628\u062f \u0627\u0644/g, '$1\u0639\u0628\u062f\u0627\u0644'], // Abd al- -> Abdal-
  ];
  const variants = new Set([folded]);
  for (const [pattern, replacement] of toggles) {
    // A snapshot: the set grows inside the loop.
    for (const v of Array.from(variants)) variants.add(v.replace(pattern, replacement));
  }
  return [...variants];
}

function defaultCaseMode(alias: AliasFile, folded: string): CaseMode {
  if (alias.case) return { any: CaseMode.Any, proper: CaseMode.Proper, upper: CaseMode.Upper }[alias.case];
  if (!/[a-z]/.test(folded)) return CaseMode.Any; // scripts without letter case
  if (folded.includes(' ')) return CaseMode.Any;
  const letters = alias.text.replace(/[^\p{L}]/gu, '');
  if (letters.length >= 2 && letters === letters.toUpperCase()) return CaseMode.Upper;
  return CaseMode.Proper;
}

function capitalsOf(alias: AliasFile): number[] {
  const folded = fold(alias.text);
  const caps: number[] = [];
  for (let j = 0; j < folded.text.length; j++) {
    if (j > 0 && folded.text[j - 1] !== ' ') continue;
    const ch = alias.text[folded.map[j]!]!;
    if (ch !== ch.toLowerCase()) caps.push(j);
  }
  return caps;
}

export function compileDataset(figures: readonly FigureFile[], reviewed: string): CompiledDataset {
  const sorted = [...figures].sort((a, b) => a.id.localeCompare(b.id));
  const patterns = new Map<string, PatternEntry[]>();
  const add = (text: string, entry: PatternEntry): void => {
    const list = patterns.get(text) ?? [];
    if (!list.some((e) => e.figure === entry.figure && e.cue === entry.cue && !!e.blocks === !!entry.blocks && !!e.contrary === !!entry.contrary))
      list.push(entry);
    patterns.set(text, list);
  };
  const addForm = (figure: FigureFile, index: number, alias: AliasFile, text: string): void => {
    const caseMode = defaultCaseMode(alias, text);
    const entry: PatternEntry = {
      figure: index,
      cue: false,
      caseMode,
      capsAt: caseMode === CaseMode.Proper ? capitalsOf(alias) : [],
      short: !!alias.short,
      needsCue: !!alias.needsCue,
    };
    if (alias.unlessContrary) entry.unlessContrary = true;
    const rules = nameRules(figure, alias);
    if (rules) {
      entry.rules = rules;
      const own = ownWords(figure, text, rules);
      if (own.length) entry.own = own;
    }
    add(text, entry);
  };
  sorted.forEach((figure, index) => {
    for (const alias of allAliases(figure)) {
      for (const text of joinVariants(foldName(alias.text))) addForm(figure, index, alias, text);
    }
    for (const phrase of figure.notMentions ?? []) {
      for (const text of joinVariants(foldName(phrase)))
        add(text, { figure: index, cue: false, caseMode: CaseMode.Any, capsAt: [], short: false, needsCue: false, blocks: true });
    }
    for (const cue of figure.ambiguity?.cues ?? []) {
      add(foldName(cueText(cue)), { figure: index, cue: true, caseMode: CaseMode.Any, capsAt: [], short: false, needsCue: false });
    }
    for (const cue of figure.ambiguity?.contrary ?? []) {
      add(foldName(cueText(cue)), { figure: index, cue: true, contrary: true, caseMode: CaseMode.Any, capsAt: [], short: false, needsCue: false });
    }
  });
  const compiledPatterns: CompiledPattern[] = [...patterns].map(([text, entries]) => ({ text, entries }));
  // Evidence addresses serve the review of the source files only: the bundle never carries them.
  const runtimeFigures: Figure[] = sorted.map(
    ({ aliases: _aliases, $schema: _schema, notMentions: _not, ambiguity: _ambiguity, reviewed: _reviewed, nativeNames, ...rest }) => ({
      ...rest,
      nativeNames: nativeNames.map(({ evidence: _evidence, ...name }) => name),
    }),
  );
  return { reviewed, figures: runtimeFigures, patterns: compiledPatterns };
}

/**
 * Every alias must be found, as that figure and nothing else, by the real matcher in a sentence
 * built from it (after the full name where it is a short form, with a cue where it needs one).
 */
function checkAliasesMatch(figures: readonly FigureFile[], fileOf: Map<FigureFile, string>): DatasetProblem[] {
  const problems: DatasetProblem[] = [];
  const dataset = compileDataset(figures, '');
  const matcher = new Matcher(dataset);
  dataset.figures.forEach((figure, index) => {
    const file = figures.find((f) => f.id === figure.id)!;
    allAliases(file).forEach((alias, i) => {
      const field = i < file.aliases.length ? `aliases[${i}]` : `nativeNames[${i - file.aliases.length}]`;
      const blocks = aliasProbe(file, alias).map((text) => matcher.matchBlock(text));
      const cues = new Set(blocks.flatMap((b) => b.cues));
      const resolution = resolveMentions(blocks, cues);
      const last = blocks[blocks.length - 1]!;
      const found = last.candidates.filter((c) => resolution.has(c));
      const expectedText = alias.text;
      if (found.length !== 1 || resolution.get(found[0]!) !== index || found[0]!.text !== expectedText) {
        const got = found.map((c) => `"${c.text}" as ${dataset.figures[resolution.get(c)!]!.id}`).join(', ') || 'nothing';
        problems.push({ file: fileOf.get(file)!, field, problem: `"${alias.text}" does not match this figure alone in a test sentence (found ${got})` });
      }
    });
  });
  return problems;
}

/** Blocks of a small test page for one alias: the full name first if needed, a cue if needed, then the alias. */
function aliasProbe(figure: FigureFile, alias: AliasFile): string[] {
  const blocks: string[] = [];
  if (figure.ambiguity) blocks.push(`Context: ${cueText(figure.ambiguity.cues[0]!)}.`);
  if (alias.short) {
    const full = figure.aliases.find((a) => !a.short) ?? figure.aliases[0]!;
    blocks.push(`Earlier: ${full.text}.`);
  }
  const needsSpaces = /[\p{L}\p{N}]/u.test(alias.text) && !/^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}·・]+$/u.test(alias.text);
  blocks.push(needsSpaces ? `Today ( ${alias.text} ) spoke.` : `今天${alias.text}发言。`);
  return blocks;
}
