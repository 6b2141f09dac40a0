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
  const marker = `@${randomUUID()}@`;
  const json = canonicalJson({ ...entry, id: marker });
  const [before, after] = json.split(JSON.stringify(marker));
  if (before === undefined || after === undefined) throw new Error('audit: canonical JSON without its id marker');
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

/**
 * Appends several rows in order with two statements, whatever their number: lock the chain head and read
 * it, then insert the rows (hashes chained here with `chainHash`, the function verifyChain checks) and move
 * the head on. For writes that batch many audited changes in one transaction (ADR 0507).
 */
export async function appendAuditMany(tx: Queryable, entries: readonly Omit<AuditRecord, 'id'>[]): Promise<AuditRecord[]> {
  if (entries.length === 0) return [];
  if (entries.length === 1) return [await appendAudit(tx, entries[0]!)];
  const head = (await tx.query<{ last_id: string; last_hash: string }>('SELECT last_id::text AS last_id, last_hash FROM audit_head FOR UPDATE', [], { prepare: true })).rows[0];
  if (!head) throw new Error('audit: the chain head is missing');
  let id = Number(head.last_id);
  let prev = head.last_hash;
  const params: unknown[] = [];
  const values: string[] = [];
  const records: AuditRecord[] = [];
  for (const entry of entries) {
    const record: AuditRecord = { id: ++id, ...entry };
    const hash = chainHash(prev, record);
    const b = params.length;
    values.push(`($${b + 1}::bigint, $${b + 2}::timestamptz, $${b + 3}::text, $${b + 4}::text, $${b + 5}::text, $${b + 6}::text, $${b + 7}::text[], $${b + 8}::text, $${b + 9}::text,
      $${b + 10}::text, $${b + 11}::text, $${b + 12}::text, $${b + 13}::text, $${b + 14}::text, $${b + 15}::jsonb, $${b + 16}::text, $${b + 17}::text)`);
    params.push(record.id, entry.at, entry.actorType, entry.actorId, entry.actorName, entry.agencyCode, entry.roles, entry.action, entry.purpose, entry.targetType,
      entry.targetId, entry.outcome, entry.clientIp, entry.requestId, JSON.stringify(entry.details), prev, hash);
    records.push(record);
    prev = hash;
  }
  await tx.query(
    `WITH appended AS (
       INSERT INTO audit_log (id, at, actor_type, actor_id, actor_name, agency_code, roles, action, purpose, target_type,
         target_id, outcome, client_ip, request_id, details, prev_hash, hash)
       VALUES ${values.join(',\n')})
     UPDATE audit_head SET last_id = $${params.length + 1}::bigint, last_hash = $${params.length + 2}::text`,
    [...params, id, prev],
    { prepare: true },
  );
  return records;
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
