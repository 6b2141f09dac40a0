import { z } from 'zod';
import { q } from '../../http/route.ts';
import { CrossingBody, FEED_CURSOR } from '../border/index.ts';

const listId = z.string().regex(/^[a-z0-9-]{1,60}$/);
const digest = z.string().regex(/^[0-9a-f]{32}$/, 'Expected a digest from an earlier snapshot');
const instant = z.union([z.string(), z.date()]);

/** `lists=national-watchlist:3,entry-bans:1`: the list versions the node holds. */
export const SnapshotQuery = z.strictObject({
  lists: z
    .string()
    .max(2000)
    .regex(/^[a-z0-9-]{1,60}:\d{1,15}(,[a-z0-9-]{1,60}:\d{1,15})*$/, 'Expected listId:version pairs separated by commas')
    .optional(),
  reference: digest.optional(),
  accounts: digest.optional(),
  /** The last adjudication received, `transaction:id` (ADR 0515). */
  clearances: z.string().regex(FEED_CURSOR, 'Expected a cursor from an earlier snapshot').optional(),
  /** The node asking, for the acknowledgements of its referrals after `handovers` (ADR 0516). */
  node: z.string().regex(/^[A-Za-z0-9._-]{2,40}$/).optional(),
  handovers: z.string().regex(FEED_CURSOR, 'Expected a cursor from an earlier snapshot').optional(),
});

export const DeliveryBody = z.strictObject({
  nodeId: z.string().regex(/^[A-Za-z0-9._-]{2,40}$/),
  seq: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  crossingId: z.uuid(),
  officer: z.strictObject({ id: z.string().min(1).max(100), name: z.string().trim().min(1).max(200) }),
  recordedAt: z.iso.datetime({ offset: true }),
  clockWarning: z.boolean(),
  crossing: CrossingBody,
});
export type DeliveryBody = z.infer<typeof DeliveryBody>;

/** An adjudication made at the node (ADR 0514), tied to the node's crossing whose person it judged. */
export const AdjudicationDeliveryBody = z.strictObject({
  nodeId: z.string().regex(/^[A-Za-z0-9._-]{2,40}$/),
  adjudicationId: z.uuid(),
  crossingId: z.uuid(),
  entryId: z.uuid(),
  entryVersion: z.number().int().min(1).max(2_147_483_647),
  outcome: z.enum(['true_hit', 'false_hit']),
  reason: z.string().trim().min(1).max(2000),
  officer: z.strictObject({ id: z.string().min(1).max(100), name: z.string().trim().min(1).max(200) }),
  at: z.iso.datetime({ offset: true }),
});
export type AdjudicationDeliveryBody = z.infer<typeof AdjudicationDeliveryBody>;

export const ConflictQuery = z.strictObject({
  state: z.enum(['open', 'resolved', 'all']).default('open'),
  limit: q.int(1, 200, 50),
});

export const ResolveBody = z.strictObject({ resolution: z.string().trim().min(3).max(2000) });

const ListEntry = z.object({
  id: z.uuid(),
  list_id: listId,
  kind: z.enum(['watchlist', 'entry_ban', 'document']),
  version: z.number().int(),
  active: z.boolean(),
  agency_code: z.string(),
  agency_id: z.uuid(),
  data: z.unknown(),
  document_key: z.string().nullable(),
  search_text: z.string(),
  created_at: instant,
  created_by: z.string().nullable(),
  updated_at: instant,
  updated_by: z.string().nullable(),
});

const ReferenceItem = z.object({
  table_name: z.string().min(1),
  key: z.string().min(1),
  names: z.unknown(),
  attributes: z.unknown(),
  active: z.boolean(),
  sort_order: z.number().int(),
  version: z.number().int(),
  updated_at: instant,
});

const Account = z.object({
  id: z.uuid(),
  username: z.string().min(1),
  display_name: z.string().min(1),
  agency_id: z.uuid(),
  password_hash: z.string().min(10),
  must_change_password: z.boolean(),
  disabled: z.boolean(),
  version: z.number().int(),
  roles: z.array(z.enum(['border_officer', 'border_supervisor'])),
  jurisdiction_ids: z.array(z.uuid()),
});

/** A page of one of the centre's feeds (ADR 0515, 0516): its items, the cursor after them, whether more wait. */
const feedPage = <T extends z.ZodRawShape>(item: T) => z.object({ cursor: z.string().regex(FEED_CURSOR).nullable(), more: z.boolean(), items: z.array(z.object(item)) });

/** The centre's snapshot as the edge accepts it (validated before anything is written). */
export const SnapshotSchema = z.object({
  at: z.string(),
  listVersions: z.record(listId, z.number().int()),
  lists: z.array(z.object({ listId, version: z.number().int(), entries: z.array(ListEntry) })),
  reference: z.object({ digest, items: z.array(ReferenceItem).optional() }),
  accounts: z.object({ digest, users: z.array(Account).optional() }),
  // A centre older than ADR 0515 sends none.
  clearances: feedPage({
    adjudicationId: z.uuid(),
    documents: z.array(z.string().regex(/^[0-9a-f]{64}$/)).min(1),
    entryId: z.uuid(),
    entryVersion: z.number().int().min(1),
    outcome: z.enum(['true_hit', 'false_hit']),
    reason: z.string().min(1),
    byName: z.string().min(1),
    at: z.iso.datetime({ offset: true }),
    tx: z.string().regex(/^\d{1,19}$/),
  }).optional(),
  // Sent when the node said which it is; a centre older than ADR 0516 sends none.
  handovers: feedPage({
    crossingId: z.uuid(),
    kind: z.enum(['asylum', 'child', 'health', 'trafficking']),
    acknowledgedAt: z.iso.datetime({ offset: true }),
    acknowledgedBy: z.string().min(1).max(200),
  }).optional(),
});
