import { z } from 'zod';
import * as P from '@kamurj/domain/persons';
import { q } from '../../http/route.ts';

/**
 * What the persons API accepts. Objects are strict (unknown fields are errors); limits are tight enough
 * that a 10 MB name is refused naming its field. Content rules that need the domain (real calendar dates,
 * one script per name, known citizenship codes) are checked in input.ts.
 */
const text = (max: number) => z.string().trim().max(max);
const optText = (max: number) => text(max).nullable().optional();

export const partialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'YYYY, YYYY-MM or YYYY-MM-DD');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');
export const stateCode = z.string().regex(/^[A-Z]{1,3}$/, 'an ICAO code such as ARM, XXA or D');
export const regionCode = z.string().regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'an ISO 3166-2 code such as AM-ER');

export const NameInput = z.strictObject({
  id: z.uuid().optional(),
  surname: text(200).default(''),
  givenNames: text(200).default(''),
  patronymic: optText(200),
  kind: z.enum(P.NAME_KINDS).default('as-written'),
  source: optText(200),
});

export const DocumentInput = z.strictObject({
  id: z.uuid().optional(),
  type: z.enum(P.DOCUMENT_TYPES),
  number: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .regex(/^[A-Za-z0-9 <\-/]+$/, 'letters A–Z, digits, spaces, dashes'),
  issuingState: stateCode,
  issueDate: isoDate.nullable().optional(),
  expiryDate: isoDate.nullable().optional(),
  status: z.enum(P.DOCUMENT_STATUSES).default('valid'),
  mrz: z.string().max(300).nullable().optional(),
});

export const AddressInput = z.strictObject({
  id: z.uuid().optional(),
  kind: z.enum(P.ADDRESS_KINDS).default('residence'),
  country: z.string().regex(/^[A-Z]{3}$/, 'ISO 3166-1 alpha-3'),
  region: regionCode.nullable().optional(),
  community: optText(200),
  line: optText(300),
  since: partialDate.nullable().optional(),
});

export const ContactInput = z.strictObject({
  id: z.uuid().optional(),
  kind: z.enum(P.CONTACT_KINDS),
  value: text(200).min(1),
});

export const ProtectionInput = z.strictObject({
  traffickingVictim: z.boolean().default(false),
  asylumSeeker: z.boolean().default(false),
});

const sections = {
  names: z.array(NameInput).min(1).max(32),
  birthDate: partialDate.nullable().optional(),
  sex: z.enum(['M', 'F', 'X']).nullable().optional(),
  citizenships: z.array(z.strictObject({ code: stateCode })).max(8),
  documents: z.array(DocumentInput).max(16),
  addresses: z.array(AddressInput).max(8),
  contacts: z.array(ContactInput).max(8),
  protection: ProtectionInput,
  registeredIn: regionCode.nullable().optional(),
};

export const PersonInput = z.strictObject({
  ...sections,
  citizenships: sections.citizenships.default([]),
  documents: sections.documents.default([]),
  addresses: sections.addresses.default([]),
  contacts: sections.contacts.default([]),
  protection: ProtectionInput.default({ traffickingVictim: false, asylumSeeker: false }),
});
export type PersonInput = z.infer<typeof PersonInput>;

/** A change names the version it read and replaces only the sections it sends. */
export const PersonChanges = z.strictObject({
  version: z.number().int().min(1),
  purpose: z.enum(['border_control', 'casework', 'data_quality']).optional(),
  names: sections.names.optional(),
  birthDate: sections.birthDate,
  sex: sections.sex,
  citizenships: sections.citizenships.optional(),
  documents: sections.documents.optional(),
  addresses: sections.addresses.optional(),
  contacts: sections.contacts.optional(),
  protection: ProtectionInput.optional(),
  registeredIn: sections.registeredIn,
});
export type PersonChanges = z.infer<typeof PersonChanges>;

/** Why personal data is read (purpose limitation): required on every read of persons. */
export const READ_PURPOSES = ['border_control', 'casework', 'data_quality', 'oversight', 'statistics'] as const;
export const WRITE_PURPOSES = ['border_control', 'casework', 'data_quality'] as const;
export const purposeQuery = z.strictObject({ purpose: z.enum(READ_PURPOSES) });

export const SearchQuery = z.strictObject({
  q: q.text(200),
  documentNumber: z.string().trim().min(1).max(40).optional(),
  birthDate: partialDate.optional(),
  nationality: stateCode.optional(),
  sex: z.enum(['M', 'F', 'X']).optional(),
  purpose: z.enum(READ_PURPOSES),
  limit: q.int(1, 100, 20),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const CreateBody = z.strictObject({
  person: PersonInput,
  purpose: z.enum(WRITE_PURPOSES).default('casework'),
  source: z.enum(['entry', 'document', 'import']).default('entry'),
});

export const FromDocumentBody = z.strictObject({
  mrz: z.string().min(1).max(1000),
  purpose: z.enum(READ_PURPOSES),
});

export const CheckBody = z.strictObject({ person: PersonInput, purpose: z.enum(READ_PURPOSES) });
