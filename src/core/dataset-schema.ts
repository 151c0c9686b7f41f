// Build-time validation of assets/figures/*.json. Not bundled into the extension.
import { z } from 'zod';
import { FIGURE_ID_PATTERN } from './figure-id';
import { CATEGORIES } from './settings-model';

const isoDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'must be a date as YYYY, YYYY-MM or YYYY-MM-DD');

const sourceRefs = z.array(z.string().min(1)).min(1, 'every fact needs at least one source id');

const nonEmpty = z.string().trim().min(1, 'must not be empty');

const sourceSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'source id must be lowercase letters, digits and dashes'),
  title: nonEmpty,
  publisher: nonEmpty,
  url: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  asOf: isoDate,
  /**
   * A copy or relay of another outlet's report (a syndication site, an aggregator, a reposted
   * text), cited because the original could not be reached. Shown as such on the card and listed by
   * the build's freshness report.
   */
  relay: z.literal(true).optional(),
  /** The page's title (or the page itself) could not be confirmed at review: the card says so. */
  unverified: z.literal(true).optional(),
});

const evidenceUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

const aliasSchema = z.strictObject({
  text: nonEmpty,
  /** any: any letter case; proper: first letter capitalised (or all capitals); upper: capitals only. */
  case: z.enum(['any', 'proper', 'upper']).optional(),
  /** A short form (surname): counts only after a full name of the same figure has appeared on the page. */
  short: z.boolean().optional(),
  /** Counts only where one of the figure's context cues is on the page. */
  needsCue: z.boolean().optional(),
  /** Counts unless one of the figure's `ambiguity.contrary` cues (the name's other meaning) is on the page. */
  unlessContrary: z.boolean().optional(),
  /** A family name shared by relatives (bin Laden): a different given name directly before it names another person. Short forms always have this rule. */
  family: z.boolean().optional(),
  /** A Chinese surname (a short form): a pinyin given name directly after it names another person (Wang Wenbin, Meng Wanzhou). */
  surnameFirst: z.boolean().optional(),
  /** A body every country has: another country's name before it ("Pakistan's"), or "of <country>" after it, names that country's. */
  qualified: z.boolean().optional(),
  lang: z.string().optional(),
  note: z.string().optional(),
  /** Address of a real page that uses this form. Kept in the source files for review; never bundled. */
  evidence: evidenceUrl.optional(),
});

const nativeNameSchema = z.strictObject({
  text: nonEmpty,
  lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/, 'must be a BCP 47 language tag such as zh-Hans or ps'),
  /** Address of a real page that uses this form. Kept in the source files for review; never bundled. */
  evidence: evidenceUrl.optional(),
});

/** A context cue: a phrase, or a phrase with the address of a real page that uses it (never bundled). */
export const cueSchema = z.union([nonEmpty, z.strictObject({ text: nonEmpty, evidence: evidenceUrl })]);

/** The text of a cue, with or without evidence. */
export function cueText(cue: z.infer<typeof cueSchema>): string {
  return typeof cue === 'string' ? cue : cue.text;
}

const datedText = z.strictObject({
  text: nonEmpty,
  from: isoDate.optional(),
  to: isoDate.optional(),
  asOf: isoDate.optional(),
  /**
   * The role can no longer change (a death, a dissolution): the freshness report leaves it out
   * however old its `asOf`.
   */
  final: z.literal(true).optional(),
  sources: sourceRefs,
});

const relationTypes = [
  'met',
  'spoke-with',
  'spokesperson-of',
  'member-of',
  'leader-of',
  'founded',
  'works-for',
  'wrote-for',
  'reported-on',
  'quoted-by',
  'accused',
  'part-of',
  'located-in',
  'allied-with',
  'sheltered',
  'succeeded',
] as const;

const relationSchema = z.strictObject({
  type: z.enum(relationTypes),
  target: z.string().min(1),
  text: nonEmpty,
  date: isoDate.optional(),
  sources: sourceRefs,
});

const storyItemSchema = z.strictObject({
  text: nonEmpty,
  quote: z
    .strictObject({
      text: nonEmpty,
      lang: z.string().optional(),
      date: isoDate.optional(),
      where: nonEmpty,
    })
    .optional(),
  /** Set when this is an allegation only its speaker (or the story) makes: shown as a claim, never as fact. */
  claimBy: z.string().optional(),
  sources: sourceRefs,
});

const checkSchema = z.strictObject({
  story: nonEmpty,
  record: nonEmpty,
  sources: sourceRefs,
});

export const figureSchema = z.strictObject({
  $schema: z.string().optional(),
  id: z.string().regex(FIGURE_ID_PATTERN, 'id must be lowercase words joined by dashes'),
  name: nonEmpty,
  category: z.enum(CATEGORIES),
  nativeNames: z.array(nativeNameSchema),
  aliases: z.array(aliasSchema).min(1, 'a figure needs at least one alias'),
  ambiguity: z
    .strictObject({
      with: nonEmpty,
      cues: z.array(cueSchema).min(1, 'an ambiguous figure needs at least one cue'),
      /** Words or phrases that show the name's other meaning (album, HACCP): a form with `unlessContrary` does not count on a page that holds one. */
      contrary: z.array(cueSchema).optional(),
    })
    .optional(),
  /** Longer phrases that contain a name of this figure but mean something else (外交部长, the minister, for the ministry 外交部). */
  notMentions: z.array(nonEmpty).optional(),
  roleThen: datedText,
  roleNow: datedText,
  summary: z.strictObject({ text: nonEmpty, sources: sourceRefs }),
  facts: z.array(z.strictObject({ date: isoDate.optional(), text: nonEmpty, sources: sourceRefs })),
  relations: z.array(relationSchema),
  inThisStory: z.array(storyItemSchema),
  checks: z.array(checkSchema),
  sources: z.array(sourceSchema).min(1, 'a figure needs at least one source'),
  reviewed: isoDate,
});

export type FigureFile = z.infer<typeof figureSchema>;
export type AliasFile = z.infer<typeof aliasSchema>;
