/**
 * Comparison keys for one name token. Each key is computed once per record (prepareRecord), so the
 * per-pair work is string equality plus, rarely, a bounded edit distance.
 *
 * 1. pivot  — a–z Latin: native scripts through the document-style engine (Armenian passport practice,
 *             ICAO Cyrillic with Central Asian letters, Georgian 2002, BGN/PCGN Arabic), then ICAO folding.
 * 2. strict — pivot with ROMANIZATION-ERA differences removed (domain reference §6.3): tc|ts (FMS 2010 Ц),
 *             iu|yu and ia|ya (ICAO vs 1997), x|kh (ISO/HM vs BGN). Equal strict keys = same spelling.
 * 3. loose  — a phonetic skeleton that bridges Russified Armenian forms (§6.2) and Western Armenian:
 *             Հ/h dropped (Harutyunyan ~ Арутюнян), ղ|gh|g|k|q one class (Ghazaryan ~ Казарян; Gevorg ~
 *             Kevork), e|i|y one vowel (-yan ~ -ian ~ -ян; Yulia ~ Iuliia), initial vo ~ o (Voskanyan ~
 *             Осканян), double letters collapsed, then the surname-stem rewrites of data/surname-stems.json
 *             (ogan- ~ ovan-: Оганесян ~ Ованесян ~ Hovhannisyan).
 * 4. consonant — consonant skeleton used when one side is Arabic script, where short vowels are unwritten.
 */
import { foldLatin } from '../fold.ts';
import type { NameScript } from '../script.ts';
import { transliterate } from '../translit/transliterate.ts';

/** Native script -> a–z pivot. Mixed tokens go through every engine (each passes other scripts through). */
export function pivotLatin(token: string, script: NameScript): string {
  switch (script) {
    case 'Latn':
    case 'unknown':
      return foldLatin(token);
    case 'Armn':
      return foldLatin(transliterate(token, 'armn-passport-practice'));
    case 'Cyrl':
      return foldLatin(transliterate(token, 'cyrl-passport-central-asia'));
    case 'Geor':
      return foldLatin(transliterate(token, 'ggg-kat-Geor-Latn-2002'));
    case 'Arab':
      return foldLatin(transliterate(arabicForKeys(token), 'bgnpcgn-ara-Arab-Latn-1956'));
    case 'mixed': {
      let t = transliterate(token, 'armn-passport-practice');
      t = transliterate(t, 'cyrl-passport-central-asia');
      t = transliterate(t, 'ggg-kat-Geor-Latn-2002');
      return foldLatin(transliterate(arabicForKeys(t), 'bgnpcgn-ara-Arab-Latn-1956'));
    }
  }
}

/**
 * Persian letters the BGN/PCGN Arabic table lacks are mapped to their Arabic counterparts (ی -> ي,
 * ک -> ك), and the article ال is detached so "الحسن" keys like "Hassan" (§6.7: al-/el- variants).
 */
function arabicForKeys(token: string): string {
  const t = token.replace(/ی/g, 'ي').replace(/ک/g, 'ك');
  return t.length > 3 && t.startsWith('ال') ? t.slice(2) : t;
}

/** Replaces every `from` (in order) — literal, left to right, no regex. */
function replaceSeq(s: string, pairs: readonly (readonly [string, string])[]): string {
  let out = s;
  for (const [from, to] of pairs) if (out.includes(from)) out = out.split(from).join(to);
  return out;
}

function collapseRuns(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) if (i === 0 || s.charCodeAt(i) !== s.charCodeAt(i - 1)) out += s.charAt(i);
  return out;
}

/** Romanization-era normalisation (see file comment, key 2). */
export function strictKey(pivot: string): string {
  let s = '';
  // FMS 2010 wrote Ц as TC; "tch" (ч after т, as in Mkrtchyan) must stay.
  for (let i = 0; i < pivot.length; i++) {
    const ch = pivot.charAt(i);
    if (ch === 'c' && i > 0 && pivot.charAt(i - 1) === 't' && pivot.charAt(i + 1) !== 'h') s += 's';
    else s += ch;
  }
  return replaceSeq(s, [
    ['iu', 'yu'],
    ['ia', 'ya'],
    ['x', 'kh'],
  ]);
}

/** Letter classes of the loose key, longest first. Upper-case letters are class symbols. */
const LOOSE_CLASSES: readonly (readonly [string, string])[] = [
  ['shch', 'S'],
  ['sch', 'S'],
  ['tch', 'C'],
  ['dzh', 'J'],
  ['dj', 'J'],
  ['sh', 'S'],
  ['zh', 'Z'],
  ['ch', 'C'],
  ['kh', 'X'],
  ['gh', 'K'],
  ['ts', 'T'],
  ['tz', 'T'],
  ['ph', 'f'],
  ['th', 't'],
  ['ou', 'u'],
  ['j', 'J'],
  ['c', 'T'],
  ['q', 'K'],
  ['g', 'K'],
  ['k', 'K'],
  ['w', 'v'],
  ['y', 'i'],
  ['e', 'i'],
  ['h', ''],
];

export type StemRewrite = readonly [from: string, to: string];

/** Phonetic skeleton before the stem rewrites (also used to key the stem data itself). */
export function looseSkeleton(strict: string): string {
  let s = collapseRuns(replaceSeq(strict, LOOSE_CLASSES));
  if (s.startsWith('vo')) s = s.slice(1); // ո -> vo initially (BGN/PCGN), Russian о
  return s;
}

/** Loose key: skeleton, then the first matching prefix rewrite. */
export function looseKey(strict: string, stems: readonly StemRewrite[]): string {
  const s = looseSkeleton(strict);
  for (const [from, to] of stems) if (s.length > from.length && s.startsWith(from)) return to + s.slice(from.length);
  return s;
}

const CONSONANT_CLASSES: readonly (readonly [string, string])[] = [
  ['sh', 'S'],
  ['ch', 'C'],
  ['kh', 'X'],
  ['gh', 'K'],
  ['zh', 'Z'],
  ['dh', 'z'],
  ['th', 's'],
  ['ph', 'f'],
  ['q', 'K'],
  ['k', 'K'],
  ['g', 'K'],
  ['c', 'K'],
];

/** Consonant skeleton for Arabic-script comparisons (vowels and semivowels w/y/v dropped, h kept). */
export function consonantKey(strict: string): string {
  const classed = replaceSeq(strict, CONSONANT_CLASSES);
  let out = '';
  for (const ch of classed) if (!'aeiouywv'.includes(ch)) out += ch;
  return collapseRuns(out);
}
