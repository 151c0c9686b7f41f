import { describe, expect, it } from 'vitest';
import { buildAutomaton } from '../../src/core/automaton';
import { compileDataset } from '../../src/core/dataset-compile';
import { foldName } from '../../src/core/fold';
import { Matcher } from '../../src/core/matcher';
import { figureFile, mentionsOn } from '../support/figures';
import { REAL_DATASET } from '../support/real-dataset';

describe('automaton', () => {
  it('finds every occurrence of overlapping patterns in one pass', () => {
    const automaton = buildAutomaton(['he', 'she', 'his', 'hers']);
    const found: string[] = [];
    automaton.scan('ushers', (index, end) => found.push(`${['he', 'she', 'his', 'hers'][index]}@${end}`));
    expect(found.sort()).toEqual(['he@4', 'hers@6', 'she@4']);
  });
});

describe('matching names in text', () => {
  it('finds a full name and reports the text as written', () => {
    expect(mentionsOn(['Interpol’s former head MENG HONGWEI was detained.'])).toEqual([{ figure: 'meng-hongwei', text: 'MENG HONGWEI' }]);
  });

  it('prefers the longest form at a position', () => {
    expect(mentionsOn(['Mullah Abdul Ghani Baradar and Mullah Baradar'])).toEqual([
      { figure: 'abdul-ghani-baradar', text: 'Abdul Ghani Baradar' },
      { figure: 'abdul-ghani-baradar', text: 'Mullah Baradar' },
    ]);
  });

  it('respects word boundaries but treats punctuation and hyphens as boundaries', () => {
    expect(mentionsOn(['Talibanization is a word; interpolation too.'])).toEqual([]);
    expect(mentionsOn(['pro-Taliban (Taliban) #Taliban "Taliban"']).map((m) => m.text)).toEqual(['Taliban', 'Taliban', 'Taliban', 'Taliban']);
  });

  it('matches single-word forms only in proper case, acronyms only in capitals', () => {
    expect(mentionsOn(['The TALIBAN and the Taliban, not the taliban.']).map((m) => m.text)).toEqual(['TALIBAN', 'Taliban']);
    expect(mentionsOn(['the CCP, not ccp or Ccp']).map((m) => m.text)).toEqual(['CCP']);
  });

  it('never matches "laden" as an ordinary word', () => {
    expect(mentionsOn(['a ship laden with cargo; bin laden is lowercase'])).toEqual([]);
    expect(mentionsOn(['Bin Laden was killed in 2011.'])).toEqual([{ figure: 'osama-bin-laden', text: 'Bin Laden' }]);
  });

  it('matches native-script names, without word boundaries in Chinese', () => {
    expect(mentionsOn(['前国际刑警组织主席孟宏伟被判刑。', '孟宏偉'])).toEqual([
      { figure: 'meng-hongwei', text: '孟宏伟' },
      { figure: 'meng-hongwei', text: '孟宏偉' },
    ]);
    expect(mentionsOn(['رهبر طالبان در کابل'])).toEqual([{ figure: 'taliban', text: 'طالبان' }]);
  });

  it('matches transliterations with diacritics and folded variants', () => {
    expect(mentionsOn(['Flights to Ürümqi and Urumqi and URUMCHI']).map((m) => m.text)).toEqual(['Ürümqi', 'Urumqi', 'URUMCHI']);
    expect(mentionsOn(['the al‑Qaida network']).map((m) => m.text)).toEqual(['al‑Qaida']);
  });

  it('matches possessives', () => {
    expect(mentionsOn(['Meng Hongwei’s wife']).map((m) => m.text)).toEqual(['Meng Hongwei']);
  });

  it('needs a context cue for an ambiguous name, found anywhere on the page', () => {
    expect(mentionsOn(['Wang Yi won the badminton final.'])).toEqual([]);
    expect(mentionsOn(['Wang Yi met the delegation.', 'The foreign minister spoke later.'])).toEqual([{ figure: 'wang-yi', text: 'Wang Yi' }]);
  });

  it('counts a short form only after the full name has appeared', () => {
    expect(mentionsOn(['Meng was detained.', 'Meng Hongwei resigned.', 'Meng pleaded guilty.'])).toEqual([
      { figure: 'meng-hongwei', text: 'Meng Hongwei' },
      { figure: 'meng-hongwei', text: 'Meng' },
    ]);
    expect(mentionsOn(['Meng was detained.'])).toEqual([]);
  });
});

describe('each rule also refuses what it should', () => {
  it('forms: a different name that shares a part is not a mention', () => {
    expect(mentionsOn(['Ambassador Wang Yu met the foreign minister.'])).toEqual([]);
  });

  it('folding: folding joins variants of one name, never split words', () => {
    expect(mentionsOn(['Me ng Hongwei', 'MengHongwei'])).toEqual([]);
  });

  it('scripts: Arabic-script names keep word boundaries', () => {
    expect(mentionsOn(['این یک طالبانی است'])).toEqual([]);
  });

  it('coreference: a short form two figures on the page share is nobody', () => {
    const figures = [
      figureFile('wang-yi', 'Wang Yi', [{ text: 'Wang Yi' }, { text: 'Wang', short: true }]),
      figureFile('wang-yu', 'Wang Yu', [{ text: 'Wang Yu' }, { text: 'Wang', short: true }]),
    ];
    const dataset = compileDataset(figures, '2026-11-28');
    const matcher = new Matcher(dataset);
    expect(mentionsOn(['Wang Yi arrived.', 'Wang spoke.'], matcher, dataset).map((m) => m.text)).toEqual(['Wang Yi', 'Wang']);
    expect(mentionsOn(['Wang Yi and Wang Yu arrived.', 'Wang spoke.'], matcher, dataset).map((m) => m.text)).toEqual(['Wang Yi', 'Wang Yu']);
  });

  it('a phrase listed as not a mention shields the name inside it', () => {
    const figures = [figureFile('chinese-foreign-ministry', 'Chinese Foreign Ministry', [{ text: '外交部' }], { notMentions: ['外交部长'] })];
    const dataset = compileDataset(figures, '2026-11-28');
    const matcher = new Matcher(dataset);
    expect(mentionsOn(['外交部长王毅说，外交部将发表声明。'], matcher, dataset)).toEqual([{ figure: 'chinese-foreign-ministry', text: '外交部' }]);
  });
});

describe('matching with many names', () => {
  it('finds the same names when the dataset has more states than dense rows (links computed on demand)', () => {
    const syllables = ['ta', 'ro', 'lin', 'bes', 'ku', 'mar', 'vo', 'deni', 'shu', 'kel', 'pra', 'zo', 'fen', 'gu', 'ila', 'dor'];
    const word = (i: number) => syllables[i % 16]! + syllables[(i >> 4) % 16]! + syllables[(i >> 8) % 16]!;
    const extra = Array.from({ length: 4000 }, (_, i) => `${word(i)} ${word(i * 7 + 3)}`);
    const patterns = [...REAL_DATASET.patterns];
    const known = new Set(patterns.map((p) => p.text));
    const figureOf = new Map<string, number>();
    extra.forEach((name, i) => {
      const text = foldName(name);
      if (known.has(text)) return;
      known.add(text);
      figureOf.set(text, 10_000 + i);
      patterns.push({ text, entries: [{ figure: 10_000 + i, cue: false, caseMode: 0, capsAt: [], short: false, needsCue: false }] });
    });
    const automaton = buildAutomaton(patterns.map((p) => p.text));
    expect(automaton.denseRows).toBeLessThan(automaton.stateCount / 2);

    const many = new Matcher({ patterns });
    const real = new Matcher(REAL_DATASET);
    const figuresIn = (m: Matcher, text: string) => m.matchBlock(text).candidates.map((c) => `${c.text}:${c.figures.join('/')}`);
    const texts = [
      'Wang Yi met Mullah Abdul Ghani Baradar in Tianjin; the Taliban spokesman Zabihullah Mujahid spoke in Kabul.',
      `Also present: ${extra[5]}, ${extra[1234]} and ${extra[3999]}, with 王毅 and Hua Chunying.`,
      `${extra[77]}${extra[78]} runs two names together; ${extra[9]!.slice(0, -1)} is cut short.`,
    ];
    for (const text of texts) {
      const found = figuresIn(many, text);
      const realFound = figuresIn(real, text);
      expect(found.filter((f) => !/:1\d{4}$/.test(f))).toEqual(realFound);
      for (const name of extra) {
        const figure = figureOf.get(foldName(name));
        if (figure === undefined) continue;
        const standsAlone = new RegExp(`(^|[^a-z])${name}($|[^a-z])`).test(text);
        expect(found.includes(`${name}:${figure}`)).toBe(standsAlone);
      }
    }
  });
});
