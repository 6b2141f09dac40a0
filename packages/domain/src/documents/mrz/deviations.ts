/**
 * Per-issuer deviations from Doc 9303, as data (Part 3 §7 has ICAO keep deviation lists; reference §1.11
 * item 7). The parser never branches on an issuer code: it looks rows up here and applies their effect.
 * Callers may pass their own table (MrzParseOptions.deviations) as deviations are confirmed.
 */
import type { IssuerDeviation, MrzFormat } from './types.ts';

export type { IssuerDeviation };

export const ISSUER_DEVIATIONS: readonly IssuerDeviation[] = [
  {
    issuer: 'FRA',
    formats: ['TD2'],
    documentCodePrefix: 'ID',
    effect: 'non-icao',
    message: 'French national identity card (1988–2021): non-ICAO 2×36 layout that resembles TD2',
    source: 'domain reference §1.11 item 1',
  },
  {
    issuer: 'BEL',
    formats: ['TD1'],
    when: 'long-number',
    effect: 'note',
    message: 'Belgian cards compute the long-number check digit with position 15 included or excluded',
    source: 'cheminfo/mrz check.test.ts (PRADO BEL-BO-03003, BEL-BO-11005) [secondary]',
  },
  {
    issuer: 'PRT',
    formats: ['TD1'],
    effect: 'note',
    message: 'Portuguese identity cards continue the document number in the optional data',
    source: 'domain reference §1.5 [secondary]',
  },
  {
    issuer: 'CHN',
    formats: ['TD3'],
    documentCodePrefix: 'PO',
    effect: 'note',
    message: 'Chinese official passports put letters in the personal-number field',
    source: 'domain reference §1.11 item 7 [secondary]',
  },
  {
    issuer: 'CHN',
    formats: ['TD3'],
    documentCodePrefix: 'PT',
    effect: 'note',
    message: 'Chinese PT passports put letters in the personal-number field',
    source: 'domain reference §1.11 item 7 [secondary]',
  },
];

export function findDeviations(
  table: readonly IssuerDeviation[],
  issuer: string,
  format: MrzFormat,
  documentCode: string,
  longNumber: boolean,
): IssuerDeviation[] {
  return table.filter(
    (d) =>
      d.issuer === issuer &&
      d.formats.includes(format) &&
      (d.documentCodePrefix === undefined || documentCode.startsWith(d.documentCodePrefix)) &&
      ((d.when ?? 'always') === 'always' || longNumber),
  );
}
