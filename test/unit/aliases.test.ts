/** Every name form of every figure finds that figure, and only it, in a sentence built from it. */
import { describe, expect, it } from 'vitest';
import { cueText } from '../../src/core/dataset-schema';
import { Matcher } from '../../src/core/matcher';
import { mentionsOn } from '../support/figures';
import { REAL_DATASET, REAL_FIGURES } from '../support/real-dataset';

const matcher = new Matcher(REAL_DATASET);
const spaceless = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}·]+$/u;

const cases = REAL_FIGURES.flatMap((figure) =>
  [...figure.aliases, ...figure.nativeNames.map((n) => ({ text: n.text, short: false }))].map(
    (alias) => [figure.id, alias.text, figure, !!('short' in alias && alias.short)] as const,
  ),
);

describe('every alias of every figure', () => {
  it.each(cases)('%s: "%s"', (id, text, figure, short) => {
    const page: string[] = [];
    if (figure.ambiguity) page.push(`Context: ${cueText(figure.ambiguity.cues[0]!)}.`);
    if (short) page.push(`Earlier: ${figure.aliases.find((a) => !a.short)!.text}.`);
    page.push(spaceless.test(text) ? `据报道${text}发表了讲话。` : `Reports say that ${text} spoke on Tuesday.`);
    // What the sentence itself adds (a cue can be another figure's name: بن لادن for al-Qaeda).
    const before = mentionsOn(page.slice(0, -1), matcher, REAL_DATASET).length;
    expect(mentionsOn(page, matcher, REAL_DATASET).slice(before)).toEqual([{ figure: id, text }]);
  });
});
