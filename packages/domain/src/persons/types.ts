/**
 * The person record as stored and as sent over the wire. Names are kept as written, with their script and
 * every form found on documents (never only a transliteration: ADR 0102, 0301). Items of the repeated
 * sections carry ids so that a merge can carry them over and an unmerge can take exactly them back.
 */
import type { NameScript } from '../names/script.ts';

export const NAME_KINDS = ['as-written', 'document-latin', 'mrz', 'other'] as const;
export type NameKind = (typeof NAME_KINDS)[number];

export interface PersonNameEntry {
  readonly id: string;
  readonly surname: string;
  readonly givenNames: string;
  readonly patronymic: string | null;
  readonly script: NameScript;
  readonly kind: NameKind;
  /** Where the form was read, e.g. "passport AM1234567". */
  readonly source: string | null;
}

/** `country`: an ISO 3166-1 state; `status`: an ICAO nationality status (XXA stateless, XXB/XXC refugee, XXX). */
export type CitizenshipKind = 'country' | 'status';
export interface Citizenship {
  readonly code: string;
  readonly kind: CitizenshipKind;
}

export const DOCUMENT_TYPES = ['passport', 'id_card', 'travel_document', 'residence_permit', 'visa', 'birth_certificate', 'other'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export const DOCUMENT_STATUSES = ['valid', 'expired', 'lost', 'stolen', 'revoked'] as const;
export type DocumentStatus = (typeof DOCUMENT_STATUSES)[number];

export interface PersonDocumentEntry {
  readonly id: string;
  readonly type: DocumentType;
  readonly number: string;
  /** ICAO code of the issuing state or organisation. */
  readonly issuingState: string;
  readonly issueDate: string | null;
  readonly expiryDate: string | null;
  readonly status: DocumentStatus;
  /** The machine-readable zone as read, lines separated by "\n". */
  readonly mrz: string | null;
}

export const ADDRESS_KINDS = ['residence', 'registration', 'abroad'] as const;
export type AddressKind = (typeof ADDRESS_KINDS)[number];
export interface AddressEntry {
  readonly id: string;
  readonly kind: AddressKind;
  /** ISO 3166-1 alpha-3. */
  readonly country: string;
  /** Region (marz) code, ISO 3166-2, e.g. AM-ER. */
  readonly region: string | null;
  /** Community (hamaynk), city or village, as written. */
  readonly community: string | null;
  readonly line: string | null;
  readonly since: string | null;
}

export const CONTACT_KINDS = ['phone', 'email', 'other'] as const;
export type ContactKind = (typeof CONTACT_KINDS)[number];
export interface ContactEntry {
  readonly id: string;
  readonly kind: ContactKind;
  readonly value: string;
}

/** Protected categories recorded on the person; "minor" is derived from the birth date at each check. */
export interface ProtectionFlags {
  readonly traffickingVictim: boolean;
  readonly asylumSeeker: boolean;
}

export type Sex = 'M' | 'F' | 'X';

export interface PersonData {
  readonly names: readonly PersonNameEntry[];
  /** `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  readonly birthDate: string | null;
  readonly sex: Sex | null;
  readonly citizenships: readonly Citizenship[];
  readonly documents: readonly PersonDocumentEntry[];
  readonly addresses: readonly AddressEntry[];
  readonly contacts: readonly ContactEntry[];
  readonly protection: ProtectionFlags;
  /** Region (marz) code where the person is registered with the migration service; decides jurisdiction. */
  readonly registeredIn: string | null;
}

export const FAMILY_RELATIONS = ['parent', 'child', 'spouse', 'sibling', 'guardian', 'ward', 'other'] as const;
export type FamilyRelation = (typeof FAMILY_RELATIONS)[number];

/** The relation seen from the other person ("A is parent of B" ⇔ "B is child of A"). */
export const INVERSE_RELATION: Readonly<Record<FamilyRelation, FamilyRelation>> = {
  parent: 'child',
  child: 'parent',
  spouse: 'spouse',
  sibling: 'sibling',
  guardian: 'ward',
  ward: 'guardian',
  other: 'other',
};

export const REVIEW_DECISIONS = ['same', 'different', 'unsure'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];
