/** Search test helper: the shortest prefix the search promises to answer (four letters, or two CJK characters). */
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

export function shortPrefix(form: string): string | null {
  let weight = 0;
  let out = '';
  for (const ch of form) {
    out += ch;
    weight += CJK.test(ch) ? 2 : /[\p{L}\p{N}]/u.test(ch) ? 1 : 0;
    if (weight >= 4) return out.length < form.length ? out : null;
  }
  return null;
}
