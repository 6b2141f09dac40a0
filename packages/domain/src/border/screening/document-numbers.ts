/**
 * Document numbers on lists: one normal form for storage and lookup, and the O/0 confusion key.
 * Readers and typists confuse the letter O and the digit 0 more than any other pair (ICAO 9303 Part 3
 * forbids neither in document numbers, so the MRZ check digit is the only guard). A number that equals a
 * listed one only after that substitution is a *candidate* to review, never an automatic hit.
 */
/** Upper case; spaces, dashes, dots, slashes and MRZ fillers removed. */
export const normaliseDocumentNumber = (raw: string): string => raw.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** The O/0 confusion key: every letter O read as the digit 0. */
export const confusableKey = (normalised: string): string => normalised.replace(/O/g, '0');

export type DocumentMatchKind = 'exact' | 'normalised' | 'confusable';

/**
 * How the number a traveller showed relates to a listed (normalised) number: `exact` when it is the same
 * as written (trimmed, upper case), `normalised` when equal once separators are removed, `confusable`
 * when equal only with O read as 0, or null.
 */
export function compareDocumentNumbers(travellerRaw: string, listed: string): DocumentMatchKind | null {
  const written = travellerRaw.trim().toUpperCase();
  if (written === listed) return 'exact';
  const norm = normaliseDocumentNumber(written);
  if (norm === listed) return 'normalised';
  if (norm !== '' && confusableKey(norm) === confusableKey(listed)) return 'confusable';
  return null;
}
