/**
 * Latin folding for comparison keys, after ICAO Doc 9303 Part 3 §6.A (domain reference §6.8).
 * ICAO allows two spellings for some letters (Ä -> AE or A, Ö -> OE or O, Ü -> UE or U, Ñ -> N or NXX);
 * keys take the one-letter form, so ÖSKENBAY and OSKENBAY meet; OESKENBAY is one edit away and is caught
 * by the fuzzy level. Ə (not ICAO-listed) folds to A, as Azerbaijani passports write it.
 */

const SPECIAL: Readonly<Record<string, string>> = {
  ß: 'ss',
  ẞ: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  þ: 'th',
  ð: 'd',
  đ: 'd',
  ł: 'l',
  ı: 'i',
  ŋ: 'n',
  ə: 'a',
  ĳ: 'ij',
  ŀ: 'l',
};

const MARKS = /\p{M}/gu;

/**
 * Lower-case a–z form of a Latin string: diacritics dropped, special letters expanded, every other
 * character (apostrophes, modifier letters, middle dots, digits, other scripts) removed.
 */
export function foldLatin(text: string): string {
  const lower = text.toLowerCase();
  let expanded = '';
  for (const ch of lower) expanded += SPECIAL[ch] ?? ch;
  const stripped = expanded.normalize('NFD').replace(MARKS, '');
  let out = '';
  for (let i = 0; i < stripped.length; i++) {
    const c = stripped.charCodeAt(i);
    if (c >= 0x61 && c <= 0x7a) out += stripped.charAt(i);
  }
  return out;
}

/** Upper-case MRZ-style form: A–Z, names separated by single spaces. */
export function toIcaoLatin(text: string): string {
  return text
    .split(/[\s<,]+/u)
    .map((w) => foldLatin(w).toUpperCase())
    .filter((w) => w !== '')
    .join(' ');
}
