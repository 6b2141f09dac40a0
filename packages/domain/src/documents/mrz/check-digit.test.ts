import { describe, expect, it } from 'vitest';
import { blindSpotClass, charValue, checkDigit, checkDigitChar, checkSum, isMrzChar, verifyCheckDigit } from './check-digit.ts';

describe('check digits (Doc 9303 Part 3 §4.9, Appendix A)', () => {
  it.each([
    ['1. date 27 Jul 1952', '520727', 103, 3],
    ['2. number AB2134 in a 9-character field', 'AB2134<<<', 125, 5],
    ['3. TD3 composite', 'HA672242<6' + '5802254' + '9601086<<<<<<<<<<<<<<0', 448, 8],
    ['4. TD1 composite', 'D231458907<<<<<<<<<<<<<<<' + '3407127' + '9507122' + '<<<<<<<<<<<', 392, 2],
    ['5. TD2 composite', 'HA672242<6' + '5802254' + '9601086<<<<<<<', 448, 8],
  ])('Appendix A example %s', (_label, input, sum, digit) => {
    expect(checkSum(input)).toBe(sum);
    expect(checkDigit(input)).toBe(digit);
    expect(checkDigitChar(input)).toBe(String(digit));
    expect(verifyCheckDigit(input, String(digit))).toBe(true);
  });

  it('values: digits 0–9, letters 10–35, filler 0, anything else -1', () => {
    expect(charValue('<')).toBe(0);
    expect(charValue('7')).toBe(7);
    expect(charValue('A')).toBe(10);
    expect(charValue('Z')).toBe(35);
    expect(charValue('a')).toBe(-1);
    expect(charValue('Ä')).toBe(-1);
    expect(isMrzChar('<')).toBe(true);
    expect(isMrzChar(' ')).toBe(false);
  });

  it('returns null on non-MRZ data and rejects non-digit check characters', () => {
    expect(checkDigit('ab')).toBeNull();
    expect(() => checkDigitChar('é')).toThrow(RangeError);
    expect(verifyCheckDigit('520727', '<')).toBe(false);
    expect(verifyCheckDigit('520727', 'X')).toBe(false);
    expect(checkDigit('')).toBe(0);
  });

  it('blind spots: classes congruent mod 10 (G↔6, <↔0 invisible)', () => {
    expect(blindSpotClass('G')).toBe(blindSpotClass('6'));
    expect(blindSpotClass('<')).toBe(blindSpotClass('0'));
    expect(new Set(['0', '<', 'A', 'K', 'U'].map(blindSpotClass)).size).toBe(1);
    expect(checkDigit('G12')).toBe(checkDigit('612'));
    expect(blindSpotClass('O')).not.toBe(blindSpotClass('0'));
  });
});
