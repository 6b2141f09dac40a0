/** Request schemas of the casework routes (strict: unknown fields are errors). */
import { z } from 'zod';
import { q } from '../../http/route.ts';

const code = z.string().trim().min(1).max(80);
const version = z.number().int().min(0);
const payload = z.record(z.string(), z.unknown());
const text = (max = 4000) => z.string().trim().min(1).max(max);

export const CaseParams = z.strictObject({ id: z.uuid() });
export const AttachmentParams = z.strictObject({ id: z.uuid(), attachmentId: z.uuid() });

export const CreateCaseBody = z.strictObject({
  type: code,
  title: z.string().trim().max(200).optional(),
  office: code.optional(),
  jurisdiction: code.optional(),
  subjectPersonIds: z.array(z.uuid()).max(50).optional(),
  householdId: z.uuid().optional(),
  action: z.strictObject({ code, payload: payload.optional() }).optional(),
});

export const QueueQuery = z.strictObject({
  type: q.text(80),
  status: q.text(80),
  assignee: z.union([z.literal('me'), z.literal('none'), z.uuid()]).optional(),
  office: q.text(80),
  due: z.enum(['overdue', 'due-soon', 'breached']).optional(),
  household: z.uuid().optional(),
  text: q.text(100),
  closed: q.bool(),
  incoming: q.bool(),
  limit: q.int(1, 200, 50),
  offset: q.int(0, 1_000_000, 0),
});

export const ActionBody = z.strictObject({
  code,
  baseVersion: version,
  payload: payload.optional(),
  override: z.strictObject({ reason: z.string().max(2000) }).optional(),
});

export const AssignBody = z.strictObject({ baseVersion: version, assigneeId: z.uuid(), reason: text().optional() });
export const TransferBody = z.strictObject({ baseVersion: version, toAgency: code, reason: text() });
export const AnswerTransferBody = z.strictObject({ baseVersion: version, accept: z.boolean(), reason: text().optional() });
export const ConsentBody = z.strictObject({
  baseVersion: version,
  givenBy: text(200),
  relationship: z.enum(['self', 'parent', 'guardian', 'legal-representative']),
  scope: text(200),
  purpose: text(200),
  recipients: z.array(text(200)).max(20).default([]),
  validUntil: z.iso.date(),
  documentId: text(200).optional(),
});
export const ReferralBody = z.strictObject({
  baseVersion: version,
  providerId: text(200),
  service: text(200),
  purpose: text(200),
  note: text().optional(),
  /** Proceed without recorded consent (needs cases.referral.override_consent); audited. */
  overrideReason: z.string().max(2000).optional(),
});
export const NoteBody = z.strictObject({ baseVersion: version, text: text(10_000) });
export const UploadBody = z.strictObject({
  baseVersion: version,
  name: z.string().min(1).max(255),
  mediaType: z.string().min(1).max(100),
  content: z.string().min(1),
  description: text().optional(),
});

const bulkItems = z.array(z.strictObject({ id: z.uuid(), baseVersion: version })).min(1).max(200);
export const BulkActionBody = z.strictObject({ items: bulkItems, code, payload: payload.optional() });
export const BulkAssignBody = z.strictObject({ items: bulkItems, assigneeId: z.uuid(), reason: text().optional() });
export const HouseholdBody = z.strictObject({ label: text(200) });
export const SetHouseholdBody = z.strictObject({ baseVersion: version, householdId: z.uuid().nullable() });
