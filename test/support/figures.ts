/** Small hand-made figure files for tests of the matcher and the dataset checks. */
import type { FigureFile } from '../../src/core/dataset-schema';
import { compileDataset } from '../../src/core/dataset-compile';
import { Matcher } from '../../src/core/matcher';
import { resolveMentions } from '../../src/core/resolve';

export function figureFile(id: string, name: string, aliases: FigureFile['aliases'], extra: Partial<FigureFile> = {}): FigureFile {
  const sources = [{ id: 'src', title: 'A source', publisher: 'Publisher', url: 'https://example.org/a', asOf: '2024' }];
  return {
    id,
    name,
    category: 'person',
    nativeNames: [],
    aliases,
    roleThen: { text: 'Role then', sources: ['src'] },
    roleNow: { text: 'Role now', sources: ['src'] },
    summary: { text: 'Summary.', sources: ['src'] },
    facts: [],
    relations: [],
    inThisStory: [],
    checks: [],
    sources,
    reviewed: '2026-11-28',
    ...extra,
  };
}

const SAMPLE_FIGURES: FigureFile[] = [
  figureFile(
    'wang-yi',
    'Wang Yi',
    [
      { text: 'Wang Yi', needsCue: true },
      { text: 'Wang', short: true, needsCue: true },
    ],
    {
      nativeNames: [{ text: '王毅', lang: 'zh-Hans' }],
      ambiguity: { with: 'Other people named Wang Yi', cues: ['foreign minister', '外长'] },
    },
  ),
  figureFile('meng-hongwei', 'Meng Hongwei', [{ text: 'Meng Hongwei' }, { text: 'Meng', short: true }], {
    nativeNames: [
      { text: '孟宏伟', lang: 'zh-Hans' },
      { text: '孟宏偉', lang: 'zh-Hant' },
    ],
  }),
  figureFile(
    'abdul-ghani-baradar',
    'Abdul Ghani Baradar',
    [{ text: 'Abdul Ghani Baradar' }, { text: 'Ghani Baradar' }, { text: 'Mullah Baradar' }, { text: 'Baradar', short: true }],
    { nativeNames: [{ text: 'عبدالغنی برادر', lang: 'prs' }] },
  ),
  figureFile('osama-bin-laden', 'Osama bin Laden', [{ text: 'Osama bin Laden' }, { text: 'bin Laden', case: 'proper' }]),
  figureFile('taliban', 'Taliban', [{ text: 'Taliban' }, { text: 'Taleban' }], {
    category: 'organization',
    nativeNames: [
      { text: 'طالبان', lang: 'ps' },
      { text: '塔利班', lang: 'zh-Hans' },
    ],
  }),
  figureFile('al-qaeda', 'al-Qaeda', [{ text: 'al-Qaeda' }, { text: 'al-Qaida' }], { category: 'organization' }),
  figureFile('chinese-communist-party', 'Chinese Communist Party', [{ text: 'Chinese Communist Party' }, { text: 'CCP' }], {
    category: 'organization',
  }),
  figureFile('urumqi', 'Ürümqi', [{ text: 'Ürümqi' }, { text: 'Urumchi' }], { category: 'place' }),
];

export const SAMPLE_DATASET = compileDataset(SAMPLE_FIGURES, '2026-11-28');

/** Figure ids named on a page made of these blocks, in order, with the text as written. */
export function mentionsOn(blocks: string[], matcher = new Matcher(SAMPLE_DATASET), dataset = SAMPLE_DATASET) {
  const matches = blocks.map((b) => matcher.matchBlock(b));
  const resolution = resolveMentions(matches, new Set(matches.flatMap((m) => m.cues)));
  return matches.flatMap((m) => m.candidates.filter((c) => resolution.has(c)).map((c) => ({ figure: dataset.figures[resolution.get(c)!]!.id, text: c.text })));
}
