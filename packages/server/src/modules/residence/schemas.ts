import { z } from 'zod';
import { RESIDENCE_KINDS, VISA_ENTRIES, VISA_TYPES } from '@kamurj/domain/residence';
import { q } from '../../http/route.ts';

export const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'A date YYYY-MM-DD').refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), 'Not a calendar date');
const text = (min: number, max: number) => z.string().trim().min(min).max(max);

export const VisaBody = z.strictObject({
  personId: z.uuid(),
  type: z.enum(VISA_TYPES),
  number: text(3, 40).transform((s) => s.toUpperCase()),
  issuingPost: text(2, 100),
  validFrom: isoDate,
  validTo: isoDate,
  stayDays: z.number().int().min(1).max(3660),
  entries: z.enum(VISA_ENTRIES),
});
export type VisaBody = z.infer<typeof VisaBody>;

export const VisaQuery = z.strictObject({
  q: q.text(60),
  personId: z.uuid().optional(),
  type: z.enum(VISA_TYPES).optional(),
  state: z.enum(['in_force', 'expired', 'withdrawn', 'all']).default('all'),
  limit: q.int(1, 200, 50),
  offset: q.int(0, 1_000_000, 0),
});
export type VisaQuery = z.infer<typeof VisaQuery>;

export const WithdrawBody = z.strictObject({ reason: text(3, 2000) });

export const StatusBody = z.strictObject({
  personId: z.uuid(),
  kind: z.enum(RESIDENCE_KINDS),
  ground: text(2, 40),
  cardNumber: text(3, 40).transform((s) => s.toUpperCase()),
  validFrom: isoDate,
  /** Defaults to the term of the kind. */
  validTo: isoDate.optional(),
  issuingOffice: text(2, 100),
  decisionRef: text(1, 100).optional(),
});
export type StatusBody = z.infer<typeof StatusBody>;

export const StatusQuery = z.strictObject({ personId: z.uuid().optional(), limit: q.int(1, 200, 50), offset: q.int(0, 1_000_000, 0) });

export const AddressBody = z.strictObject({ region: text(2, 20), community: text(1, 200), line: text(1, 300), registeredFrom: isoDate, statusId: z.uuid().optional() });
export type AddressBody = z.infer<typeof AddressBody>;

export const EvisaImportBody = z.strictObject({ fileName: text(1, 200), content: z.string().min(1).max(5_000_000) });
