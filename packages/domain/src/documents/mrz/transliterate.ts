/**
 * MRZ-only transliteration of names into A–Z (Part 3 §6; reference §6.1, §6.4, §6.8). Deliberately small
 * and self-contained: the general engines live in packages/domain/src/names/. Punctuation is passed through
 * for names.ts, which applies the MRZ punctuation rules; characters with no mapping are reported.
 */

/** ICAO Latin folding, Part 3 §6.A: letters with a multi-letter or non-obvious fold (lower case keys). */
const LATIN: Readonly<Record<string, string>> = {
  ä: 'AE', ö: 'OE', ü: 'UE', å: 'AA', æ: 'AE', œ: 'OE', ø: 'OE', þ: 'TH', ß: 'SS', 'ẞ': 'SS', ĳ: 'IJ',
  ð: 'D', đ: 'D', ñ: 'N', ł: 'L', ı: 'I', ŋ: 'N', ħ: 'H', ŧ: 'T', ĸ: 'K',
};

/**
 * ICAO Cyrillic, Part 3 §6.B (reference §6.4), main column (Russian usage). National variants (Ukrainian
 * initial Y…, Serbian, Macedonian) are not applied: the issuer's own rules decide those.
 */
const CYRILLIC: Readonly<Record<string, string>> = {
  а: 'A', б: 'B', в: 'V', г: 'G', д: 'D', е: 'E', ё: 'E', ж: 'ZH', з: 'Z', и: 'I', й: 'I', к: 'K', л: 'L',
  м: 'M', н: 'N', о: 'O', п: 'P', р: 'R', с: 'S', т: 'T', у: 'U', ф: 'F', х: 'KH', ц: 'TS', ч: 'CH',
  ш: 'SH', щ: 'SHCH', ъ: 'IE', ы: 'Y', ь: '', э: 'E', ю: 'IU', я: 'IA', є: 'IE', ї: 'I', і: 'I', ў: 'U',
  ґ: 'G', ђ: 'D', ѕ: 'DZ', ј: 'J', љ: 'LJ', њ: 'NJ', ќ: 'K', џ: 'DZ',
};

/**
 * Armenian, Armenian passport practice (reference §6.1 "Passport" column, [to confirm] against Decision
 * 725-N). Context-dependent letters (ե, ո, ու, և) are handled in transliterateArmenian.
 */
const ARMENIAN: Readonly<Record<string, string>> = {
  ա: 'A', բ: 'B', գ: 'G', դ: 'D', ե: 'E', զ: 'Z', է: 'E', ը: 'Y', թ: 'T', ժ: 'ZH', ի: 'I', լ: 'L', խ: 'KH',
  ծ: 'TS', կ: 'K', հ: 'H', ձ: 'DZ', ղ: 'GH', ճ: 'CH', մ: 'M', յ: 'Y', ն: 'N', շ: 'SH', ո: 'O', չ: 'CH',
  պ: 'P', ջ: 'J', ռ: 'R', ս: 'S', վ: 'V', տ: 'T', ր: 'R', ց: 'TS', ւ: 'V', փ: 'P', ք: 'K', օ: 'O', ֆ: 'F',
  և: 'EV',
};

/** Armenian punctuation mapped to the Latin marks names.ts understands. */
const ARMENIAN_PUNCTUATION: Readonly<Record<string, string>> = { '֊': '-', '՚': "'", '՝': ',' };

/** Characters names.ts handles itself: they pass through unchanged. */
const PASS_THROUGH = /[\s'’‘ʼ`´\-‐‑–—,.<]/u;

export interface TransliterationResult {
  /** Upper-case A–Z plus the passed-through punctuation. */
  readonly text: string;
  /** Characters that have no MRZ mapping (dropped from `text`). */
  readonly unmapped: readonly string[];
}

const isLetter = (c: string | undefined): boolean => c !== undefined && /\p{L}/u.test(c);

/** Folds one non-Armenian character; null when it has no mapping. */
function foldOne(c: string): string | null {
  if (c >= 'a' && c <= 'z') return c.toUpperCase();
  if (c >= '0' && c <= '9') return c;
  const special = LATIN[c] ?? CYRILLIC[c];
  if (special !== undefined) return special;
  // Part 3 §6.A: all other Latin letters drop their diacritical marks.
  const base = c.normalize('NFD').replace(/\p{M}/gu, '');
  if (base.length > 0 && [...base].every((b) => b >= 'a' && b <= 'z')) return base.toUpperCase();
  const baseSpecial = base.length === 1 ? (LATIN[base] ?? CYRILLIC[base]) : undefined;
  return baseSpecial ?? null;
}

/**
 * Transliterates a name (any mix of Latin, Cyrillic and Armenian) to MRZ letters. Digits pass through
 * (names.ts drops them: names carry no digits, Part 3 §4.6).
 */
export function transliterateToMrz(input: string): TransliterationResult {
  const chars = [...input.normalize('NFC').toLowerCase()];
  let text = '';
  const unmapped: string[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const initial = !isLetter(chars[i - 1]);
    // A stray combining mark (e.g. from lower-casing İ to i + U+0307) just drops, as Part 3 §6.A drops marks.
    if (/\p{M}/u.test(c)) continue;
    if (c === 'ո' && chars[i + 1] === 'ւ') {
      text += 'U'; // ու is one vowel
      i++;
    } else if (c === 'ե' && initial) {
      text += 'YE';
    } else if (c === 'ո' && initial) {
      text += 'VO';
    } else if (c === 'և' && initial) {
      text += 'YEV';
    } else if (ARMENIAN[c] !== undefined) {
      text += ARMENIAN[c];
    } else if (ARMENIAN_PUNCTUATION[c] !== undefined) {
      text += ARMENIAN_PUNCTUATION[c];
    } else if (PASS_THROUGH.test(c)) {
      text += c;
    } else {
      const folded = foldOne(c);
      if (folded === null) unmapped.push(c);
      else text += folded;
    }
  }
  return { text, unmapped };
}
