/** The rules that read the words next to a name (src/core/neighbours.ts), and the spellings step of issue 18, on the real dataset. */
import { describe, expect, it } from 'vitest';
import { joinVariants } from '../../src/core/dataset-compile';
import { foldName } from '../../src/core/fold';
import { Matcher } from '../../src/core/matcher';
import { mentionsOn } from '../support/figures';
import { REAL_DATASET } from '../support/real-dataset';

const matcher = new Matcher(REAL_DATASET);
const on = (...blocks: string[]) => mentionsOn(blocks, matcher, REAL_DATASET);

describe('another given name before a shared family name or surname', () => {
  it('is another person, whether the surname is short or a family name', () => {
    expect(on('Meng Hongwei vanished.', 'His wife Grace Meng spoke.', 'Meng was sentenced.')).toEqual([
      { figure: 'meng-hongwei', text: 'Meng Hongwei' },
      { figure: 'meng-hongwei', text: 'Meng' },
    ]);
    expect(on('Khalid bin Laden and Hamza bin Laden; later bin Laden spoke.')).toEqual([{ figure: 'osama-bin-laden', text: 'bin Laden' }]);
  });

  it("is not a title, a sentence word, a possessive, another name, or the figure's own given name", () => {
    expect(
      on('Meng Hongwei left.', 'Former President Meng resigned. After Meng left, China’s Meng was tried. Interpol Meng? Hongwei Meng.').map((m) => m.text),
    ).toEqual(['Meng Hongwei', 'Meng', 'Meng', 'Meng', 'Interpol', 'Meng', 'Meng']);
    expect(on('Osama bin Laden; Usama bin Laden; Mohammed bin Laden').map((m) => m.text)).toEqual(['Osama bin Laden', 'Usama bin Laden']);
  });

  it('says nothing in a headline in capitals', () => {
    expect(on('Meng Hongwei left.', 'GRACE MENG SPEAKS').map((m) => m.text)).toEqual(['Meng Hongwei', 'MENG']);
  });
});

describe('a pinyin given name after a Chinese surname', () => {
  it('is another person; a headline word is not', () => {
    expect(on('Foreign Minister Wang Yi spoke.', 'Wang Wenbin and Wang Yu agreed. Wang Says Talks Went Well.').map((m) => m.text)).toEqual(['Wang Yi', 'Wang']);
  });
});

describe('another country before or after a generic body', () => {
  it("names that country's ministry; China's own words do not", () => {
    expect(
      on(
        "China said: Pakistan’s Ministry of Foreign Affairs, the Ministry of Foreign Affairs of Uzbekistan, the PRC Ministry of Foreign Affairs, Beijing's Ministry of Foreign Affairs.",
      ).map((m) => m.text),
    ).toEqual(['Ministry of Foreign Affairs', 'Ministry of Foreign Affairs']);
  });
});

describe('a place lends its name', () => {
  it('to rivers, streets, restaurants and movements, in every script', () => {
    expect(
      on('Kabul River, Kabul Kabob House, Urumqi Road, 乌鲁木齐中路, 新疆大学, East Turkestan Islamic Movement; but Kabul airport and 乌鲁木齐.').map(
        (m) => m.text,
      ),
    ).toEqual(['Kabul', '乌鲁木齐']);
  });
});

describe('contrary cues', () => {
  it('keep Interpol and CCP unmarked where the page shows their other meaning', () => {
    expect(on('Interpol released a new album.')).toEqual([]);
    expect(on('Each CCP in the HACCP plan is logged.', 'China and the CCP.')).toEqual([]);
    expect(on('Interpol issued a notice.', 'The CCP met in Beijing.').map((m) => m.figure)).toEqual(['interpol', 'chinese-communist-party']);
  });
});

describe('Persian and Arabic compound names', () => {
  it('match written with a zero-width non-joiner, with a space, or joined', () => {
    for (const spelling of ['ذبیح‌الله مجاهد', 'ذبیح الله مجاهد', 'ذبیحالله مجاهد', 'ذبيح الله مجاهد']) {
      expect(on(`گفت ${spelling} امروز`)).toEqual([{ figure: 'zabihullah-mujahid', text: spelling }]);
    }
    expect(on('عبد السلام حنفی و عبدالسلام حنفی').map((m) => m.figure)).toEqual(['abdul-salam-hanafi', 'abdul-salam-hanafi']);
  });

  it('end at a zero-width non-joiner before a suffix', () => {
    expect(on('طالبان‌ها آمدند')).toEqual([{ figure: 'taliban', text: 'طالبان' }]);
  });

  it('join only the compound parts of names', () => {
    expect(joinVariants(foldName('تنظيم القاعدة'))).toEqual([foldName('تنظيم القاعدة')]);
    expect(joinVariants(foldName('ذبیح الله مجاهد')).sort()).toEqual([foldName('ذبیح الله مجاهد'), foldName('ذبیحالله مجاهد')].sort());
  });

  it('corefer in Arabic script like Latin surnames', () => {
    expect(on('ذبيح الله مجاهد قال', 'وأضاف مجاهد')).toEqual([
      { figure: 'zabihullah-mujahid', text: 'ذبيح الله مجاهد' },
      { figure: 'zabihullah-mujahid', text: 'مجاهد' },
    ]);
    expect(on('وأضاف مجاهد')).toEqual([]);
  });
});

describe('a zero-width non-joiner inside a Latin name', () => {
  it('does not break it', () => {
    expect(on('Zabi\u200chullah Mujahid said')).toEqual([{ figure: 'zabihullah-mujahid', text: 'Zabi\u200chullah Mujahid' }]);
  });
});

describe('more languages', () => {
  it('reads a Korean name with its particle attached', () => {
    expect(on('탈레반은 카불에서 발표했다')).toEqual([
      { figure: 'taliban', text: '탈레반' },
      { figure: 'kabul', text: '카불' },
    ]);
  });

  it('folds Urdu heh to Arabic heh', () => {
    expect(on('ترجمان ذبیح اللہ مجاہد نے کہا')).toEqual([{ figure: 'zabihullah-mujahid', text: 'ذبیح اللہ مجاہد' }]);
  });
});

describe('Arabic joined prepositions and conjunctions', () => {
  it('do not hide a name they are written onto', () => {
    expect(on('وفد لطالبان في كابول وبكابول وللإنتربول').map((m) => m.text)).toEqual(['طالبان', 'كابول', 'كابول', 'إنتربول']);
  });

  it('are at most a conjunction and a preposition: a longer word that ends in a name is another word', () => {
    expect(on('مستطالبان')).toEqual([]);
  });
});

describe('edges of the neighbour rules', () => {
  it('reads a hyphenated word by its last part', () => {
    expect(on('Osama bin Laden fled.', 'The Saudi-born bin Laden hid. Jean-Paul bin Laden is another man.').map((m) => m.text)).toEqual([
      'Osama bin Laden',
      'bin Laden',
    ]);
    expect(on('Abdul Ghani Baradar spoke.', 'Taliban Co-Founder Baradar Returns').map((m) => m.text)).toEqual(['Abdul Ghani Baradar', 'Taliban', 'Baradar']);
  });

  it('names a body with a capitalised word after a place, and the place with the same word in lower case', () => {
    expect(on('the East Turkestan Government in Exile; the Kabul government; calls for East Turkestan independence').map((m) => m.text)).toEqual([
      'Kabul',
      'East Turkestan',
    ]);
  });
});

describe("Meng Hongwei's wife", () => {
  it("is not him under a woman's title", () => {
    expect(on('Meng Hongwei vanished.', 'Mrs Meng and Ms. Meng spoke; Meng resigned.').map((m) => m.text)).toEqual(['Meng Hongwei', 'Meng']);
  });
});
