/**
 * The MRZ name field (Part 3 §4.6; Part 4 §4.2.2.1 and §4.2.3; Parts 5–7 §4.2.2): primary identifier,
 * `<<`, secondary identifier, components separated by `<`, padded with `<`.
 */
import { transliterateToMrz } from './transliterate.ts';

export interface ParsedName {
  /** Primary identifier components joined with spaces ("" when the primary identifier is empty). */
  readonly surname: string;
  /** Secondary identifier components joined with spaces ("" when absent). */
  readonly givenNames: string;
  /**
   * A letter in the last position means the name may have been truncated, even when it exactly fits
   * (Part 4 §4.2.3.4).
   */
  readonly possiblyTruncated: boolean;
}

const components = (text: string): string => text.split('<').filter((c) => c.length > 0).join(' ');

/** Reads a name field. Lenient about stray fillers (`ANNA<<<MARIA` reads as "ANNA MARIA"). */
export function parseNameField(field: string): ParsedName {
  const last = field.charAt(field.length - 1);
  const body = field.replace(/<+$/, '');
  const split = body.indexOf('<<');
  const primary = split < 0 ? body : body.slice(0, split);
  const secondary = split < 0 ? '' : body.slice(split + 2);
  return {
    surname: components(primary),
    givenNames: components(secondary),
    possiblyTruncated: last >= 'A' && last <= 'Z',
  };
}

/**
 * One identifier (primary or secondary) in MRZ form, Part 3 §4.6.5 punctuation rules (reference §1.6):
 * apostrophes dropped without a filler (D'ARTAGNAN → DARTAGNAN); hyphens, commas and spaces become one `<`;
 * other punctuation and digits are dropped.
 */
export function identifierToMrz(text: string): { value: string; unmapped: readonly string[] } {
  const { text: latin, unmapped } = transliterateToMrz(text);
  const value = latin
    .replace(/['’‘ʼ`´]/gu, '')
    .replace(/[\s\-‐‑–—,<]+/gu, '<')
    .replace(/[^A-Z<]/g, '')
    .replace(/<+/g, '<')
    .replace(/^<|<$/g, '');
  return { value, unmapped };
}

/**
 * Splits a full name written "PRIMARY, SECONDARY" at its first comma (the comma between primary and
 * secondary identifiers becomes `<<`; any other comma a single `<`). Without a comma, all is primary.
 */
export function splitFullName(full: string): { surname: string; givenNames: string } {
  const i = full.indexOf(',');
  return i < 0 ? { surname: full, givenNames: '' } : { surname: full.slice(0, i), givenNames: full.slice(i + 1) };
}

const stripFillers = (s: string): string => s.replace(/<+$/, '');

/**
 * Secondary identifier cut to `budget` characters so that the cut ends with a letter when possible:
 * if the cut would end on a separator, the component before it loses one letter so that the first letter
 * of the next component fits ("secondary components may be shortened", Part 4 §4.2.3).
 */
function cutSecondary(secondary: string, budget: number): string | null {
  if (secondary.length <= budget) return secondary;
  const cut = secondary.slice(0, budget);
  if (!cut.endsWith('<')) return cut;
  // cut = "...XY<": drop Y when X is a letter, so the next component's initial fits.
  if (budget >= 3 && /[A-Z]/.test(cut.charAt(budget - 3))) {
    return (secondary.slice(0, budget - 2) + secondary.slice(budget - 1)).slice(0, budget);
  }
  return null;
}

/**
 * Builds the name field of `length` characters from MRZ-form identifiers (output of identifierToMrz).
 *
 * Truncation (Part 4 §4.2.3, Part 5/6/7 equivalents), only on overflow. Of the truncations the standard
 * allows, this one keeps the primary identifier whole when it can:
 *  1. Primary-only names: cut, then drop trailing fillers, so the name ends with a letter.
 *  2. If the primary leaves no room for `<<` plus one letter, cut it to `length − 3` (dropping a
 *     trailing filler, which gives the secondary identifier more room).
 *  3. Fill the remaining positions with the secondary identifier, cut to end with a letter (cutSecondary);
 *     if that is impossible, shorten the primary by one more letter and retry.
 * ICAO example 4.2.3.2 a (NILAVADHANANANDA<<CHAYAPA<DEJTHAMRONG<K) comes out exactly.
 */
export function buildNameField(
  primary: string,
  secondary: string,
  length: number,
): { field: string; truncated: boolean } {
  const pad = (s: string): string => s.padEnd(length, '<');
  if (secondary === '') {
    if (primary.length <= length) return { field: pad(primary), truncated: false };
    return { field: pad(stripFillers(primary.slice(0, length))), truncated: true };
  }
  const full = `${primary}<<${secondary}`;
  if (full.length <= length) return { field: pad(full), truncated: false };
  let p = primary.length + 3 > length ? stripFillers(primary.slice(0, length - 3)) : primary;
  for (;;) {
    const sec = cutSecondary(secondary, length - p.length - 2);
    if (sec !== null) return { field: pad(`${p}<<${sec}`), truncated: true };
    if (p.length <= 1) {
      return { field: pad(`${p}<<${stripFillers(secondary.slice(0, length - p.length - 2))}`), truncated: true };
    }
    p = stripFillers(p.slice(0, -1));
  }
}

/** Transliterates and builds a name field in one step. */
export function formatNameField(
  surname: string,
  givenNames: string,
  length: number,
): { field: string; truncated: boolean; unmapped: readonly string[] } {
  const p = identifierToMrz(surname);
  const s = identifierToMrz(givenNames);
  const built = buildNameField(p.value, s.value, length);
  return { ...built, unmapped: [...p.unmapped, ...s.unmapped] };
}
