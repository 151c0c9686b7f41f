/**
 * Folding: one comparable form of text for matching, with a map back to the original.
 *
 * Folding lowercases, applies compatibility decomposition (full-width letters, ligatures),
 * drops diacritics and other combining marks, collapses every run of whitespace and dashes to
 * one space, removes soft hyphens and zero-width characters (the zero-width non-joiner too: Persian
 * writes ذبیح‌الله with one, and pages also write it joined, ذبیحالله, so removing it makes the two
 * one form; the matcher still reads it as a word break at the end of a name), unifies apostrophes and middle
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

/**
 * Characters removed outright: soft hyphen, zero-width space, non-joiner and joiner, word joiner, BOM,
 * Arabic tatweel, Mongolian vowel separator. The non-joiner (U+200C) once folded to a space, which
 * made the joined spelling of a Persian compound name (ذبیحالله) a different form from the one with
 * the non-joiner (ذبیح‌الله), and broke Latin names that carry one from a copy-paste.
 */
const REMOVED = new Set([0x00ad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0x0640, 0x180e]);

/** Characters that fold to a space: whitespace and dashes. */
const SPACE_LIKE = new Set([
  0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a, 0x2028,
  0x2029, 0x202f, 0x205f, 0x3000,
  // dashes and hyphens
  0x2d, 0x2010, 0x2011, 0x2012, 0x2013, 0x2014, 0x2015, 0x2212, 0xfe58, 0xfe63, 0xff0d, 0x058a, 0x1806, 0x2e3a, 0x2e3b,
]);

/** Single-character replacements applied after the rules above. */
const REPLACED = new Map<number, number>([
  // apostrophes and quote-like marks used as apostrophes
  [0x2019, 0x27],
  [0x2018, 0x27],
  [0x02bc, 0x27],
  [0x0060, 0x27],
  [0x00b4, 0x27],
  [0x2032, 0x27],
  [0xff07, 0x27],
  // middle dots used between transliterated name parts (本·拉登)
  [0x30fb, 0xb7],
  [0xff65, 0xb7],
  [0x2027, 0xb7],
  [0x2022, 0xb7],
  [0x2219, 0xb7],
  [0x0387, 0xb7],
  // Arabic-script letter variants: yeh, kaf, teh marbuta, alef forms, heh with yeh, and Urdu's heh
  // (heh goal: ذبیح اللہ مجاہد is ذبیح الله مجاهد)
  [0x064a, 0x06cc],
  [0x0649, 0x06cc],
  [0x0643, 0x06a9],
  [0x0629, 0x0647],
  [0x06c0, 0x0647],
  [0x06c1, 0x0647],
  [0x06c2, 0x0647],
  [0x0623, 0x0627],
  [0x0625, 0x0627],
  [0x0622, 0x0627],
  [0x0671, 0x0627],
]);

const COMBINING_MARK = /\p{M}/u;

/** How a code unit folds, in `unitTable`: a folded unit (>= 0), or one of these. */
const UNIT_UNKNOWN = -1;
export const UNIT_REMOVED = -2;
export const UNIT_SPACE = -3;
/** Folds to several units, or to one outside the BMP: see `foldCodePoint`. */
export const UNIT_MULTI = -4;

/** Fold of every BMP code unit, filled lazily (the expensive normalisation runs once per unit). */
const unitTable = new Int32Array(0x10000).fill(UNIT_UNKNOWN);
const multiCache = new Map<number, string>();

function foldCodePointUncached(cp: number): string {
  let out = '';
  for (const ch of String.fromCodePoint(cp).normalize('NFKD')) {
    if (COMBINING_MARK.test(ch)) continue;
    const c = ch.codePointAt(0)!;
    const replaced = REPLACED.get(c);
    out += replaced !== undefined ? String.fromCharCode(replaced) : ch.toLowerCase();
  }
  return out.normalize('NFC');
}

/** The fold of a code unit (a BMP character, or half of a surrogate pair: UNIT_MULTI). */
export function foldUnit(c: number): number {
  let v = unitTable[c]!;
  if (v !== UNIT_UNKNOWN) return v;
  if (SPACE_LIKE.has(c)) v = UNIT_SPACE;
  else if (REMOVED.has(c)) v = UNIT_REMOVED;
  else if (c >= 0xd800 && c <= 0xdfff) v = UNIT_MULTI;
  else if (REPLACED.has(c)) v = REPLACED.get(c)!;
  else {
    const folded = foldCodePointUncached(c);
    if (folded.length === 0) v = UNIT_REMOVED;
    else if (folded.length === 1 && folded.charCodeAt(0) !== 0x20) v = folded.charCodeAt(0);
    else {
      v = UNIT_MULTI;
      multiCache.set(c, folded);
    }
  }
  unitTable[c] = v;
  return v;
}

/** The fold of a whole code point whose unit folds to UNIT_MULTI (or of an astral code point). */
export function foldCodePoint(cp: number): string {
  let folded = multiCache.get(cp);
  if (folded === undefined) {
    folded = foldCodePointUncached(cp);
    multiCache.set(cp, folded);
  }
  return folded;
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
    const v = foldUnit(c);
    if (v >= 0) {
      push(v, i);
      lastWasSpace = false;
    } else if (v === UNIT_SPACE) {
      if (!lastWasSpace) push(SPACE, i);
      lastWasSpace = true;
    } else if (v === UNIT_MULTI) {
      const start = i;
      let cp = c;
      const next = input.charCodeAt(i + 1);
      if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
        cp = (c - 0xd800) * 0x400 + (next - 0xdc00) + 0x10000;
        i++;
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
    // UNIT_REMOVED: nothing
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

// ASCII is folded eagerly: it is most of most pages.
for (let c = 0; c < 0x80; c++) {
  if (SPACE_LIKE.has(c)) unitTable[c] = UNIT_SPACE;
  else if (c === 0x60) unitTable[c] = 0x27;
  else unitTable[c] = c >= 0x41 && c <= 0x5a ? c + 32 : c;
}

/** Folds a name from the dataset. */
export function foldName(name: string): string {
  return fold(name).text;
}

/** Original end index (exclusive) of the folded range ending at `foldedEnd` (exclusive). */
export function originalEnd(source: string, folded: FoldedText, foldedEnd: number): number {
  if (foldedEnd <= 0) return folded.map[0] ?? 0;
  return endAfter(source, folded.map[foldedEnd - 1]!);
}

/**
 * End (exclusive) of the character starting at `index`: past a surrogate pair, and past combining
 * marks that belong to it (a decomposed "ü" stays whole).
 */
export function endAfter(source: string, index: number): number {
  const unit = source.charCodeAt(index);
  const next = source.charCodeAt(index + 1);
  const isPair = unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
  let end = index + (isPair ? 2 : 1);
  while (end < source.length && COMBINING_MARK.test(source[end]!)) end++;
  return end;
}
