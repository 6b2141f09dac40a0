import type { Queryable } from '../../db/client.ts';
import { randomUUID } from 'node:crypto';
import { canonicalJson, chainHash, GENESIS_HASH, type AuditRecord } from './chain.ts';

export interface AuditRow {
  id: string;
  at: Date;
  actor_type: AuditRecord['actorType'];
  actor_id: string | null;
  actor_name: string | null;
  agency_code: string | null;
  roles: string[];
  action: string;
  purpose: string;
  target_type: string | null;
  target_id: string | null;
  outcome: AuditRecord['outcome'];
  client_ip: string | null;
  request_id: string | null;
  details: Record<string, unknown>;
  prev_hash: string;
  hash: string;
}

export const rowToRecord = (r: AuditRow): AuditRecord => ({
  id: Number(r.id),
  at: new Date(r.at).toISOString(),
  actorType: r.actor_type,
  actorId: r.actor_id,
  actorName: r.actor_name,
  agencyCode: r.agency_code,
  roles: [...(r.roles ?? [])],
  action: r.action,
  purpose: r.purpose,
  targetType: r.target_type,
  targetId: r.target_id,
  outcome: r.outcome,
  clientIp: r.client_ip,
  requestId: r.request_id,
  details: r.details ?? {},
});

/**
 * Appends one row in one statement: lock the chain head (one row; `FOR UPDATE` waits for the append
 * before and then sees its head), hash, insert the row and move the head on. Appends are serialised and
 * the chain has no gaps; the lock is held until the surrounding transaction commits, together with the
 * change it records, so the statement that takes it is the last round trip before COMMIT (ADR 0505, 0402).
 * The hash is `chainHash` computed by the server: the record's canonical JSON is sent in two halves
 * around the id, which only the head knows (split at a random marker no content can contain).
 */
export async function appendAudit(tx: Queryable, entry: Omit<AuditRecord, 'id'>): Promise<AuditRecord> {
  const [before, after] = halves(entry);
  const r = await tx.query<{ id: string }>(
    `WITH head AS (SELECT last_id + 1 AS id, last_hash AS prev FROM audit_head FOR UPDATE),
     hashed AS (SELECT id, prev, encode(sha256(convert_to(prev || chr(10) || $15::text || id::text || $16::text, 'UTF8')), 'hex') AS hash FROM head),
     appended AS (
       INSERT INTO audit_log (id, at, actor_type, actor_id, actor_name, agency_code, roles, action, purpose, target_type,
         target_id, outcome, client_ip, request_id, details, prev_hash, hash)
       SELECT id, $1::timestamptz, $2::text, $3::text, $4::text, $5::text, $6::text[], $7::text, $8::text, $9::text, $10::text,
              $11::text, $12::text, $13::text, $14::jsonb, prev, hash FROM hashed
       RETURNING id, hash)
     UPDATE audit_head SET last_id = appended.id, last_hash = appended.hash FROM appended RETURNING appended.id::text AS id`,
    [
      entry.at, entry.actorType, entry.actorId, entry.actorName, entry.agencyCode, entry.roles,
      entry.action, entry.purpose, entry.targetType, entry.targetId, entry.outcome, entry.clientIp,
      entry.requestId, JSON.stringify(entry.details), before, after,
    ],
    { prepare: true },
  );
  const id = r.rows[0]?.id;
  if (id === undefined) throw new Error('audit: the chain head is missing');
  return { id: Number(id), ...entry };
}

/** The canonical JSON of a record in two halves around its id, which only the chain head knows. */
function halves(entry: Omit<AuditRecord, 'id'>): [string, string] {
  const marker = `@${randomUUID()}@`;
  const [before, after] = canonicalJson({ ...entry, id: marker }).split(JSON.stringify(marker));
  if (before === undefined || after === undefined) throw new Error('audit: canonical JSON without its id marker');
  return [before, after];
}

/**
 * Appending rows as part of a caller's statement (ADR 0509): `ctes(source)` are common table expressions
 * (the statement must start `WITH RECURSIVE`) that lock the chain head, chain the rows' hashes in the
 * server in order (`chainHash`, as appendAudit does for one row), insert them and move the head on;
 * `source` is the SQL of a jsonb array holding `rows`. The CTE `audit_chain` has (n, id) of each row,
 * n from 1. The head stays locked until the transaction commits, so the statement is the caller's last.
 */
export function auditAppendPart(entries: readonly Omit<AuditRecord, 'id'>[]): { rows: unknown[]; ctes: (source: string) => string } {
  const rows = entries.map((e, i) => {
    const [before, after] = halves(e);
    return { n: i + 1, at: e.at, actor_type: e.actorType, actor_id: e.actorId, actor_name: e.actorName, agency_code: e.agencyCode, roles: e.roles, action: e.action, purpose: e.purpose, target_type: e.targetType, target_id: e.targetId, outcome: e.outcome, client_ip: e.clientIp, request_id: e.requestId, details: e.details, before, after };
  });
  return { rows, ctes: AUDIT_APPEND_CTES };
}

const AUDIT_APPEND_CTES = (source: string) => `audit_in AS (
       SELECT * FROM jsonb_to_recordset(${source}) AS e(n bigint, at timestamptz, actor_type text, actor_id text, actor_name text, agency_code text, roles text[],
         action text, purpose text, target_type text, target_id text, outcome text, client_ip text, request_id text, details jsonb, before text, after text)),
     audit_head_row AS (SELECT last_id, last_hash FROM audit_head WHERE EXISTS (SELECT 1 FROM audit_in) FOR UPDATE),
     audit_chain (n, id, prev, hash) AS (
       SELECT 0::bigint, last_id, NULL::text, last_hash FROM audit_head_row
       UNION ALL
       SELECT c.n + 1, c.id + 1, c.hash, encode(sha256(convert_to(c.hash || chr(10) || e.before || (c.id + 1)::text || e.after, 'UTF8')), 'hex')
         FROM audit_chain c JOIN audit_in e ON e.n = c.n + 1),
     audit_rows AS (
       INSERT INTO audit_log (id, at, actor_type, actor_id, actor_name, agency_code, roles, action, purpose, target_type, target_id, outcome, client_ip, request_id, details, prev_hash, hash)
       SELECT c.id, e.at, e.actor_type, e.actor_id, e.actor_name, e.agency_code, coalesce(e.roles, '{}'), e.action, e.purpose, e.target_type, e.target_id, e.outcome,
              e.client_ip, e.request_id, coalesce(e.details, '{}'), c.prev, c.hash
         FROM audit_chain c JOIN audit_in e ON e.n = c.n),
     audit_moved AS (
       UPDATE audit_head SET last_id = last.id, last_hash = last.hash
         FROM (SELECT id, hash FROM audit_chain WHERE n > 0 ORDER BY n DESC LIMIT 1) last)`;

/**
 * Appends several rows in order with one statement, whatever their number (auditAppendPart): for writes
 * that batch many audited changes in one transaction (ADR 0507, 0509).
 */
export async function appendAuditMany(tx: Queryable, entries: readonly Omit<AuditRecord, 'id'>[]): Promise<AuditRecord[]> {
  if (entries.length === 0) return [];
  const part = auditAppendPart(entries);
  const r = await tx.query<{ id: string }>(`WITH RECURSIVE ${part.ctes('$1::jsonb')} SELECT id::text AS id FROM audit_chain WHERE n > 0 ORDER BY n`, [JSON.stringify(part.rows)], { prepare: true });
  if (r.rows.length !== entries.length) throw new Error('audit: the chain head is missing');
  return entries.map((entry, i) => ({ id: Number(r.rows[i]!.id), ...entry }));
}

export interface AuditFilter {
  username?: string | undefined;
  actorId?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  action?: string | undefined;
  from?: Date | undefined;
  to?: Date | undefined;
  limit: number;
  offset: number;
}

export async function searchAudit(db: Queryable, f: AuditFilter): Promise<{ rows: AuditRow[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (f.username) add('lower(actor_name) = lower(?)', f.username);
  if (f.actorId) add('actor_id = ?', f.actorId);
  if (f.targetType) add('target_type = ?', f.targetType);
  if (f.targetId) add('target_id = ?', f.targetId);
  if (f.action) add('action = ?', f.action);
  if (f.from) add('at >= ?', f.from.toISOString());
  if (f.to) add('at < ?', f.to.toISOString());
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM audit_log ${w}`, params);
  const rows = await db.query<AuditRow>(
    `SELECT * FROM audit_log ${w} ORDER BY id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, f.limit, f.offset],
  );
  return { rows: rows.rows, total: Number(total.rows[0]?.n ?? 0) };
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  firstBrokenId?: number;
  reason?: string;
}

/** Walks the chain in id order, in pages, recomputing each hash. */
export async function verifyChain(db: Queryable, pageSize = 5_000): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  let expectedId = 1;
  let checked = 0;
  for (;;) {
    const page = await db.query<AuditRow>('SELECT * FROM audit_log WHERE id >= $1 ORDER BY id LIMIT $2', [expectedId, pageSize]);
    for (const row of page.rows) {
      const id = Number(row.id);
      if (id !== expectedId) return { ok: false, checked, firstBrokenId: expectedId, reason: `row ${expectedId} is missing (next is ${id})` };
      if (row.prev_hash !== prevHash) return { ok: false, checked, firstBrokenId: id, reason: `row ${id} does not link to row ${id - 1}` };
      const hash = chainHash(prevHash, rowToRecord(row));
      if (hash !== row.hash) return { ok: false, checked, firstBrokenId: id, reason: `row ${id} was changed after it was written` };
      prevHash = row.hash;
      expectedId = id + 1;
      checked++;
    }
    if (page.rows.length < pageSize) break;
  }
  const head = (await db.query<{ last_id: string; last_hash: string }>('SELECT last_id, last_hash FROM audit_head')).rows[0];
  if (head && (Number(head.last_id) !== expectedId - 1 || head.last_hash !== prevHash)) {
    return { ok: false, checked, firstBrokenId: expectedId, reason: `rows after ${expectedId - 1} were removed (the head names row ${head.last_id})` };
  }
  return { ok: true, checked };
}
