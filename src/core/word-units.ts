/**
 * Where words begin and end, per script: which code units make words in a script that separates
 * words by spaces, Arabic's one-letter words joined to the next, and Hangul, whose particles attach
 * to the name before them. Read by the matcher's hot loop, so each answer is a table read or cached.
 */

const WORD = /[\p{L}\p{N}]/u;
const NO_SPACES_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/** 0 = not yet known, 1 = word character of a script that separates words by spaces, 2 = anything else. */
const wordUnitCache = new Uint8Array(0x10000);

export function isWordUnit(code: number): boolean {
  if (code < 0x80) return (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39);
  let known = wordUnitCache[code]!;
  if (known === 0) {
    const ch = String.fromCharCode(code);
    known = WORD.test(ch) && !NO_SPACES_SCRIPT.test(ch) ? 1 : 2;
    wordUnitCache[code] = known;
  }
  return known === 1;
}

/** `boundaryStart` of a pattern in Arabic script. */
export const ARABIC_START = 2;
/** Arabic joins one-letter words to the next: و, ف (and), then ب (with), ل (for), ك (like), or لل (for the). */
const PROCLITIC = /^[\u0648\u0641]?(?:[\u0628\u0644\u06a9]|\u0644\u0644)?$/;

/**
 * Whether the word unit before folded index `start` ends an Arabic proclitic that begins a word
 * (لطالبان, وكابول, للإنتربول): the name then starts a word all the same. Asked only for a match
 * in Arabic script that failed the plain boundary rule.
 */
export function afterProclitic(units: Uint16Array, start: number): boolean {
  let from = start;
  while (from > 0 && start - from < 3 && isWordUnit(units[from - 1]!)) from--;
  if (from > 0 && isWordUnit(units[from - 1]!)) return false;
  return PROCLITIC.test(String.fromCharCode(...units.subarray(from, start)));
}

export function isHangul(code: number): boolean {
  return (code >= 0xac00 && code <= 0xd7a3) || (code >= 0x1100 && code <= 0x11ff) || (code >= 0x3130 && code <= 0x318f);
}
