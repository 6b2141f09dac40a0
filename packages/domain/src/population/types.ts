/** Public types of the synthetic population generator. */

export type PopulationCountry = 'ARM' | 'KAZ';

/** Name-origin groups; proportions per country are in data/proportions.json. */
export type OriginGroup =
  | 'armenian'
  | 'russian'
  | 'russian-armenian'
  | 'georgian'
  | 'iranian'
  | 'indian'
  | 'syrian-armenian'
  | 'kazakh'
  | 'kyrgyz'
  | 'tajik'
  | 'uzbek'
  | 'other';

/** How an injected duplicate differs from its original (issue 3 §4). */
export type DuplicateKind =
  | 'different-script'
  | 'romanization-era'
  | 'russified-surname'
  | 'year-only-birth-date'
  | 'day-month-swap'
  | 'typo'
  | 'missing-given-name'
  | 'new-passport-number';

export const DUPLICATE_KINDS: readonly DuplicateKind[] = [
  'different-script',
  'romanization-era',
  'russified-surname',
  'year-only-birth-date',
  'day-month-swap',
  'typo',
  'missing-given-name',
  'new-passport-number',
];

/** Russian passport romanization eras (domain reference §6.3). */
export type RussianEra = '1997' | '2010' | '2013';

export interface SyntheticDocument {
  /** ICAO document code: always an ordinary passport. */
  readonly code: 'P';
  readonly number: string;
  /** Issuing state (ICAO code). */
  readonly issuer: string;
  readonly expiryDate: string;
  /** TD3 machine-readable zone, two lines of 44 characters, built with formatMrz. */
  readonly mrz: readonly [string, string];
}

/** One synthetic record. Originals and duplicates look alike; ground truth is in entityId/duplicateOf. */
export interface SyntheticPerson {
  /** Stable id in output order: P000001, P000002, … */
  readonly id: string;
  /** Ground truth: the id of the original record of this person (its own id for an original). */
  readonly entityId: string;
  readonly duplicateOf: string | null;
  readonly duplicateKind: DuplicateKind | null;
  readonly group: OriginGroup;
  readonly nationality: string;
  readonly sex: 'M' | 'F';
  /** As recorded; '' when missing. */
  readonly givenName: string;
  readonly surname: string;
  /** Script of the recorded name: Armn, Cyrl, Geor, Arab or Latn. */
  readonly nameScript: 'Armn' | 'Cyrl' | 'Geor' | 'Arab' | 'Latn';
  /** As recorded: `YYYY-MM-DD`, or `YYYY` when only the year is known. */
  readonly birthDate: string;
  readonly document: SyntheticDocument;
}

export interface PopulationOptions {
  readonly seed: number;
  /** Number of records to produce (originals and duplicates together). */
  readonly size: number;
  readonly country: PopulationCountry;
  /** Expected share of records that are duplicates of an earlier record, in [0, 0.5]. Default 0.1. */
  readonly duplicateRate?: number;
  /** `YYYY-MM-DD`; anchors ages and passport expiry (the domain never reads the clock). Default 2026-01-01. */
  readonly referenceDate?: string;
}

export interface DuplicateTruth {
  readonly originalId: string;
  readonly duplicateId: string;
  readonly kind: DuplicateKind;
}

export interface Population {
  readonly persons: SyntheticPerson[];
  readonly duplicates: DuplicateTruth[];
}
