import { z } from 'zod';
import { INSPECTION_RESULTS, NOTICE_KINDS, SANCTION_KINDS } from '@kamurj/domain/work';
import { q } from '../../http/route.ts';
import { isoDate } from '../residence/index.ts';

const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const region = z.string().regex(/^[A-Z]{2}-[A-Z]{2}$/, 'A region code such as AM-ER');

export const EmployerBody = z.strictObject({
  taxNumber: text(1, 30),
  name: text(2, 300),
  address: text(2, 500),
  region: region.optional(),
  contacts: z.array(z.strictObject({ kind: z.enum(['phone', 'email', 'other']), value: text(3, 200) })).max(5).default([]),
});
export type EmployerBody = z.infer<typeof EmployerBody>;

export const ListQuery = z.strictObject({ q: q.text(100), limit: q.int(1, 200, 50), offset: q.int(0, 1_000_000, 0) });
export type ListQuery = z.infer<typeof ListQuery>;

export const NoticeBody = z.strictObject({ kind: z.enum(NOTICE_KINDS), effectiveOn: isoDate, personId: z.uuid().optional(), note: text(1, 2000).optional() });
export type NoticeBody = z.infer<typeof NoticeBody>;

export const AgencyBody = z.strictObject({
  registrationNumber: text(2, 40),
  taxNumber: text(1, 30),
  name: text(2, 300),
  address: text(2, 500),
  region: region.optional(),
  phone: text(3, 50).optional(),
  email: z.email().max(200).optional(),
  website: z.url().max(300).optional(),
  registeredOn: isoDate,
});
export type AgencyBody = z.infer<typeof AgencyBody>;

export const InspectionBody = z.strictObject({ inspectedOn: isoDate, result: z.enum(INSPECTION_RESULTS), findings: text(1, 5000) });
export const ComplaintBody = z.strictObject({ receivedOn: isoDate, complainant: text(1, 300).optional(), summary: text(3, 5000), state: z.enum(['open', 'upheld', 'dismissed']).default('open') });
export const SanctionBody = z.strictObject({ kind: z.enum(SANCTION_KINDS), from: isoDate, to: isoDate.optional(), amount: z.number().positive().max(1e12).optional(), reason: text(3, 2000) });
export type SanctionBody = z.infer<typeof SanctionBody>;
