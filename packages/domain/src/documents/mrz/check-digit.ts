/**
 * Check digits, Doc 9303 Part 3 §4.9: character values `0`–`9` → 0–9, `A`–`Z` → 10–35, filler `<` → 0;
 * weights 7, 3, 1 repeating from the left; the digit is the weighted sum modulo 10.
 */

const WEIGHTS = [7, 3, 1] as const;

/** True for the 37 characters allowed in an MRZ (Part 3 §4.3): A–Z, 0–9 and the filler `<`. */
export function isMrzChar(c: string): boolean {
  return c.length === 1 && ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c === '<');
}

/** Value of one MRZ character for the check-digit sum, or -1 when the character is not an MRZ character. */
export function charValue(c: string): number {
  if (c === '<') return 0;
  if (c.length !== 1) return -1;
  if (c >= '0' && c <= '9') return c.charCodeAt(0) - 48;
  if (c >= 'A' && c <= 'Z') return c.charCodeAt(0) - 55;
  return -1;
}

/** Weighted sum of Part 3 §4.9 (exposed because Appendix A quotes the sums), or null on a non-MRZ character. */
export function checkSum(data: string): number | null {
  let sum = 0;
  for (let i = 0; i < data.length; i++) {
    const v = charValue(data.charAt(i));
    if (v < 0) return null;
    sum += v * WEIGHTS[i % 3]!;
  }
  return sum;
}

/** The check digit (0–9) over `data`, or null when `data` holds a character outside the MRZ set. */
export function checkDigit(data: string): number | null {
  const sum = checkSum(data);
  return sum === null ? null : sum % 10;
}

/** The check digit as the character written in the MRZ. Throws on non-MRZ data (a programming error). */
export function checkDigitChar(data: string): string {
  const d = checkDigit(data);
  if (d === null) throw new RangeError(`not MRZ data: ${JSON.stringify(data)}`);
  return String(d);
}

/**
 * Whether `written` (one character from the MRZ) is the correct check digit for `data`.
 * A check-digit position must hold a digit: `<` is never accepted here (the TD3 empty personal-number
 * exception, Part 4 §4.2.2.2, is handled by the caller).
 */
export function verifyCheckDigit(data: string, written: string): boolean {
  if (written.length !== 1 || written < '0' || written > '9') return false;
  return checkDigit(data) === written.charCodeAt(0) - 48;
}

/**
 * The ten classes of characters whose values are congruent modulo 10: substituting one member of a class
 * for another is invisible to every check digit (weights 7, 3, 1 are coprime with 10). E.g. G↔6 and `<`↔0.
 */
export function blindSpotClass(c: string): number {
  const v = charValue(c);
  return v < 0 ? -1 : v % 10;
}
