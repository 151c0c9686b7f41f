/**
 * Folding: one comparable form of text for matching, with a map back to the original.
 *
 * Folding lowercases, applies compatibility decomposition (full-width letters, ligatures),
 * drops diacritics and other combining marks, collapses every run of whitespace and dashes to
 * one space, removes soft hyphens and zero-width characters, unifies apostrophes and middle
 * dots, and unifies Arabic-script letter variants. The same function folds the page text and
 * the dataset's names, so both sides always agree.
 */

export interface FoldedText {
  /** The folded text. */
  readonly text: string;
  /** For each folded UTF-16 unit, the index of the original unit it came from; one extra entry holds the original length. */
  readonly map: Int32Array;
}

const SPACE = 0x20;

/** Characters removed outright: soft hyphen, zero-width space/joiner, word joiner, BOM, Arabic tatweel, Mongolian vowel separator. */
const REMOVED = new Set([0x00ad, 0x200b, 0x200d, 0x2060, 0xfeff, 0x0640, 0x180e]);

/** Characters that fold to a space: whitespace, dashes, and the zero-width non-joiner (a word break inside Persian names). */
const SPACE_LIKE = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004,
  0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0x200c,
  // dashes and hyphens
  0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d, 0x058a,
  0x1806, 0x2e3a, 0x2e3b,
]);

/** Single-character replacements applied after the rules above. */
const REPLACED = new Map<number, number>([
  // apostrophes and quote-like marks used as apostrophes
  [0x2019, 0x27], [0x2018, 0x27], [0x02bc, 0x27], [0x0060, 0x27], [0x00b4, 0x27], [0x2032, 0x27], [0xff07, 0x27],
  // middle dots used between transliterated name parts (本·拉登)
  [0x30fb, 0xb7], [0xff65, 0xb7], [0x2027, 0xb7], [0x2022, 0xb7], [0x2219, 0xb7], [0x0387, 0xb7],
  // Arabic-script letter variants: yeh, kaf, teh marbuta, alef forms, heh with yeh
  [0x064a, 0x06cc], [0x0649, 0x06cc], [0x0643, 0x06a9], [0x0629, 0x0647], [0x06c0, 0x0647],
  [0x0623, 0x0627], [0x0625, 0x0627], [0x0622, 0x0627], [0x0671, 0x0627],
]);

const COMBINING_MARK = /\p{M}/u;

/** Cache of folded forms of non-ASCII code points (the expensive normalisation runs once per code point). */
const codePointCache = new Map<number, string>();

function foldCodePoint(cp: number): string {
  const cached = codePointCache.get(cp);
  if (cached !== undefined) return cached;
  let out = '';
  for (const ch of String.fromCodePoint(cp).normalize('NFKD')) {
    if (COMBINING_MARK.test(ch)) continue;
    const c = ch.codePointAt(0)!;
    const replaced = REPLACED.get(c);
    out += replaced !== undefined ? String.fromCharCode(replaced) : ch.toLowerCase();
  }
  out = out.normalize('NFC');
  codePointCache.set(cp, out);
  return out;
}

/** Folds `input`; `map` leads from every folded unit back to the original text. */
export function fold(input: string): FoldedText {
  const length = input.length;
  let units = new Uint16Array(length + 8);
  let map = new Int32Array(length + 9);
  let n = 0;
  let lastWasSpace = true; // leading whitespace is dropped

  const push = (unit: number, from: number): void => {
    if (n >= units.length) {
      const grownUnits = new Uint16Array(units.length * 2);
      grownUnits.set(units);
      units = grownUnits;
      const grownMap = new Int32Array(map.length * 2);
      grownMap.set(map);
      map = grownMap;
    }
    units[n] = unit;
    map[n] = from;
    n++;
  };

  for (let i = 0; i < length; i++) {
    const c = input.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x41 && c <= 0x5a) {
        push(c + 32, i);
        lastWasSpace = false;
      } else if (SPACE_LIKE.has(c)) {
        if (!lastWasSpace) push(SPACE, i);
        lastWasSpace = true;
      } else if (c === 0x60) {
        push(0x27, i);
        lastWasSpace = false;
      } else {
        push(c, i);
        lastWasSpace = false;
      }
      continue;
    }
    if (SPACE_LIKE.has(c)) {
      if (!lastWasSpace) push(SPACE, i);
      lastWasSpace = true;
      continue;
    }
    if (REMOVED.has(c)) continue;
    let cp = c;
    const start = i;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < length) {
      const next = input.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        cp = (c - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000;
        i++;
      }
    }
    const replaced = REPLACED.get(cp);
    if (replaced !== undefined) {
      push(replaced, start);
      lastWasSpace = false;
      continue;
    }
    const folded = foldCodePoint(cp);
    for (let k = 0; k < folded.length; k++) {
      const unit = folded.charCodeAt(k);
      if (unit === SPACE) {
        if (!lastWasSpace) push(SPACE, start);
        lastWasSpace = true;
      } else {
        push(unit, start);
        lastWasSpace = false;
      }
    }
  }
  // A trailing space carries no information and would only complicate the boundary rules.
  if (n > 0 && units[n - 1] === SPACE) n--;
  const finalMap = map.slice(0, n + 1);
  finalMap[n] = length;
  return { text: decodeUnits(units, n), map: finalMap };
}

function decodeUnits(units: Uint16Array, n: number): string {
  let text = '';
  const CHUNK = 8192;
  for (let i = 0; i < n; i += CHUNK) {
    text += String.fromCharCode.apply(null, units.subarray(i, Math.min(n, i + CHUNK)) as unknown as number[]);
  }
  return text;
}

/** Folds a name from the dataset. */
export function foldName(name: string): string {
  return fold(name).text;
}

/** Original end index (exclusive) of the folded range ending at `foldedEnd` (exclusive). */
export function originalEnd(source: string, folded: FoldedText, foldedEnd: number): number {
  if (foldedEnd <= 0) return folded.map[0] ?? 0;
  const lastStart = folded.map[foldedEnd - 1]!;
  const unit = source.charCodeAt(lastStart);
  const next = source.charCodeAt(lastStart + 1);
  const isPair = unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
  let end = lastStart + (isPair ? 2 : 1);
  // Keep combining marks that belong to the last letter (a decomposed "ü") inside the range.
  while (end < source.length && COMBINING_MARK.test(source[end]!)) end++;
  return end;
}
