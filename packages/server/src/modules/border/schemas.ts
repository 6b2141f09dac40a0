import { z } from 'zod';
import { DECISIONS, DIRECTIONS, DOCUMENT_STATUSES, DOCUMENT_TYPES, HIT_ACTIONS, LISTED_DOCUMENT_TYPES, REFUSAL_CODES, TRANSPORT_MODES, TRAVEL_PURPOSES } from '@kamurj/domain/border';
import { q } from '../../http/route.ts';
import { REFERRAL_KINDS } from './settings.ts';

const point = z.string().regex(/^[A-Z0-9][A-Z0-9_-]{1,31}$/, 'Expected a crossing point code');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'Expected YYYY-MM-DD');
const partialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, 'Expected YYYY, YYYY-MM or YYYY-MM-DD');
const state = z.string().trim().toUpperCase().pipe(z.string().regex(/^[A-Z]{1,3}$/, 'Expected an ICAO state code'));
const text = (max: number) => z.string().trim().min(1).max(max);

/** A document typed by hand when there is no MRZ (or it cannot be read). */
export const ManualDocument = z.strictObject({
  documentType: z.enum(DOCUMENT_TYPES).default('passport'),
  documentNumber: z.string().trim().toUpperCase().pipe(z.string().regex(/^[A-Z0-9 -]{1,30}$/, 'Letters and digits')),
  issuingState: state,
  nationality: state.optional(),
  surname: text(100),
  givenNames: z.string().trim().max(100).default(''),
  birthDate: partialDate.optional(),
  sex: z.enum(['M', 'F', 'X']).optional(),
  expiryDate: isoDate.optional(),
});
export type ManualDocument = z.infer<typeof ManualDocument>;

export const CheckBody = z
  .strictObject({
    crossingPoint: point,
    direction: z.enum(DIRECTIONS),
    mrz: z.string().min(1).max(400).optional(),
    manual: ManualDocument.optional(),
    /** The person the officer chose among the candidates (otherwise the best match is used). */
    personId: z.uuid().optional(),
  })
  .refine((b) => (b.mrz === undefined) !== (b.manual === undefined), { message: 'Send either mrz or manual', path: ['mrz'] });
export type CheckBody = z.infer<typeof CheckBody>;

export const Transport = z.strictObject({
  mode: z.enum(TRANSPORT_MODES),
  flightNumber: z.string().max(20).optional(),
  vehiclePlate: z.string().max(20).optional(),
  plateCountry: z.string().max(3).optional(),
});

export const Referral = z.strictObject({ kind: z.enum(REFERRAL_KINDS), note: z.string().trim().max(2000).optional() });

export const CrossingBody = z
  .strictObject({
    crossingPoint: point,
    direction: z.enum(DIRECTIONS),
    /** The document as checked: its MRZ, or the manual form. */
    mrz: z.string().min(1).max(400).optional(),
    manual: ManualDocument.optional(),
    /** The matched person; null or absent with registerPerson to register the holder from the document. */
    personId: z.uuid().nullable().optional(),
    registerPerson: z.boolean().optional(),
    decision: z.enum(DECISIONS),
    refusal: z.strictObject({ code: z.enum(REFUSAL_CODES), text: z.string().max(2000).optional() }).optional(),
    reason: z.string().max(2000).optional(),
    transport: Transport.optional(),
    purpose: z.enum(TRAVEL_PURPOSES).optional(),
    declaredAddress: z.string().max(500).optional(),
    referrals: z.array(Referral).max(4).optional(),
    /** A correction: this record replaces an earlier one, for a reason. */
    supersedes: z.strictObject({ id: z.uuid(), reason: text(2000) }).optional(),
    /** When the crossing happened (a post uploading late); default now. */
    occurredAt: z.string().max(40).optional(),
  })
  .refine((b) => (b.mrz === undefined) !== (b.manual === undefined), { message: 'Send either mrz or manual', path: ['mrz'] });
export type CrossingBody = z.infer<typeof CrossingBody>;

export const CrossingQuery = z.strictObject({
  crossingPoint: point.optional(),
  personId: z.uuid().optional(),
  from: isoDate.optional(),
  to: isoDate.optional(),
  limit: q.int(1, 200, 50),
  offset: q.int(0, 1_000_000, 0),
});

export const AdjudicationBody = z.strictObject({
  personId: z.uuid(),
  entryId: z.uuid(),
  entryVersion: z.number().int().min(1),
  outcome: z.enum(['true_hit', 'false_hit']),
  reason: text(2000),
});

const validity = z.strictObject({ from: isoDate.nullable().optional(), until: isoDate.nullable().optional() });

export const PersonEntryBody = z.strictObject({
  names: z.array(text(200)).min(1).max(20),
  birthDate: partialDate.nullable().optional(),
  sex: z.enum(['M', 'F', 'X']).nullable().optional(),
  nationality: state.nullable().optional(),
  documents: z.array(z.strictObject({ number: text(30), issuingState: state.optional() })).max(20).optional(),
  reason: text(2000),
  action: z.enum(HIT_ACTIONS),
  validity: validity.optional(),
  /** Entry bans: from a date, for a duration or until a date (null until: until lifted). */
  ban: z
    .strictObject({
      from: isoDate,
      until: isoDate.nullable().optional(),
      duration: z.strictObject({ years: z.number().int().min(0).max(99).optional(), months: z.number().int().min(0).max(1200).optional(), days: z.number().int().min(0).max(36500).optional() }).optional(),
    })
    .optional(),
});

export const DocumentEntryBody = z.strictObject({
  number: text(30),
  issuingState: state,
  documentType: z.enum(LISTED_DOCUMENT_TYPES),
  status: z.enum(DOCUMENT_STATUSES),
  reportedOn: isoDate,
  reason: z.string().trim().max(2000).optional(),
  action: z.enum(HIT_ACTIONS).optional(),
  validity: validity.optional(),
});

export const KIND_PARAM = z.strictObject({ kind: z.enum(['watchlist', 'entry_ban', 'document']) });
export const ENTRY_PARAM = z.strictObject({ id: z.uuid() });

export const ListQuery = z.strictObject({
  q: q.text(100),
  active: q.bool(),
  limit: q.int(1, 200, 50),
  offset: q.int(0, 1_000_000, 0),
});

export const EntryChange = z.strictObject({
  version: z.number().int().min(1),
  /** Withdraw (false) or reinstate (true) the entry; nothing is deleted. */
  active: z.boolean().optional(),
  entry: z.union([PersonEntryBody, DocumentEntryBody]).optional(),
});

export const ImportBody = z.strictObject({
  csv: z.string().min(1).max(5_000_000),
  action: z.enum(HIT_ACTIONS).optional(),
});

export const HandoverQuery = z.strictObject({
  state: z.enum(['open', 'acknowledged', 'all']).default('open'),
  limit: q.int(1, 200, 50),
  offset: q.int(0, 1_000_000, 0),
});

export const AcknowledgeBody = z.strictObject({ note: z.string().trim().max(2000).optional() });

export const IrregularQuery = z.strictObject({
  nationality: z.string().trim().toUpperCase().pipe(z.string().regex(/^[A-Z]{1,3}$/)).optional(),
  crossingPoint: point.optional(),
  minDays: q.int(1, 100_000, 1),
  limit: q.int(1, 200, 50),
  offset: q.int(0, 1_000_000, 0),
});
