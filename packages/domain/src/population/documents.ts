/**
 * Synthetic passports: numbers in each issuer's shape, unique within a run (a bijection of a counter),
 * and a valid TD3 machine-readable zone built with formatMrz.
 */
import { formatMrz } from '../documents/mrz/index.ts';
import type { Rng } from './prng.ts';
import type { SyntheticDocument } from './types.ts';

/** Number shapes: `A` a letter, `9` a digit, other characters literal. Illustrative, not official. */
const NUMBER_SHAPES: Readonly<Record<string, string>> = {
  ARM: 'AA9999999',
  RUS: '999999999',
  GEO: '99AA99999',
  IRN: 'A99999999',
  IND: 'A9999999',
  SYR: 'N99999999',
  KAZ: 'N99999999',
  KGZ: 'AC9999999',
  TJK: 'A99999999',
  UZB: 'FA9999999',
};
const DEFAULT_SHAPE = 'AA9999999';
const ARM_SERIES = ['AN', 'AM', 'AT', 'AR', 'AS'];

/**
 * The digits come from (counter × M + offset) mod 10^d, a bijection because M is coprime to 10, so two
 * documents of one run never share a number (up to 10^d documents per issuer shape).
 */
export function documentNumber(issuer: string, counter: number, offset: number, rng: Rng): string {
  const shape = NUMBER_SHAPES[issuer] ?? DEFAULT_SHAPE;
  const digitCount = [...shape].filter((c) => c === '9').length;
  const modulus = 10 ** digitCount;
  const value = (((counter % modulus) * 7_654_321 + offset) % modulus + modulus) % modulus;
  let digits = String(value).padStart(digitCount, '0');
  const series = issuer === 'ARM' ? rng.pick(ARM_SERIES) : '';
  let out = '';
  let letterIndex = 0;
  for (const c of shape) {
    if (c === '9') {
      out += digits.charAt(0);
      digits = digits.slice(1);
    } else if (c === 'A') {
      out += series ? series.charAt(letterIndex++) : String.fromCharCode(65 + rng.int(0, 25));
    } else out += c;
  }
  return out;
}

export interface DocumentInput {
  readonly number: string;
  readonly issuer: string;
  readonly nationality: string;
  readonly surname: string;
  readonly givenNames: string;
  /** `YYYY-MM-DD` or `YYYY`. */
  readonly birthDate: string;
  readonly sex: 'M' | 'F';
  readonly expiryDate: string;
}

export function makeDocument(input: DocumentInput): SyntheticDocument {
  const result = formatMrz({
    format: 'TD3',
    documentCode: 'P',
    issuingState: input.issuer,
    documentNumber: input.number,
    nationality: input.nationality,
    birthDate: input.birthDate,
    sex: input.sex,
    expiryDate: input.expiryDate,
    surname: input.surname,
    givenNames: input.givenNames,
  });
  if (!result.ok) {
    // The generator only passes Latin names and well-formed fields; reaching this is a bug.
    throw new Error(`synthetic MRZ failed: ${result.errors.map((e) => e.message).join('; ')}`);
  }
  const [l1 = '', l2 = ''] = result.lines;
  return { code: 'P', number: input.number, issuer: input.issuer, expiryDate: input.expiryDate, mrz: [l1, l2] };
}
