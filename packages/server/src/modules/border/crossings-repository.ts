import type { CrossingRecord } from '@kamurj/domain/border';
import { batchedRead } from '../../db/batched.ts';
import type { Queryable } from '../../db/client.ts';

export interface CrossingRow {
  id: string;
  occurred_at: Date;
  local_date: string;
  local_time: string;
  time_zone: string;
  offset_minutes: number;
  direction: 'entry' | 'exit';
  crossing_point: string;
  jurisdiction_path: string;
  officer_id: string;
  officer_name: string;
  person_id: string | null;
  document: CrossingRecord['document'];
  document_number: string;
  nationality: string | null;
  decision: 'admit' | 'refuse' | 'second_line';
  refusal_code: string | null;
  refusal_text: string | null;
  reason: string | null;
  transport: CrossingRecord['transport'] | null;
  purpose: string | null;
  declared_address: string | null;
  supersedes: string | null;
  supersede_reason: string | null;
  hits: unknown[];
  stay: unknown;
  recorded_at: Date;
  superseded_by?: string | null;
}

/** What the supersession fold and the stay need of a crossing row (see crossingsForStay). */
export type StayRow = Pick<CrossingRow, 'id' | 'occurred_at' | 'local_date' | 'direction' | 'crossing_point' | 'decision' | 'supersedes' | 'supersede_reason' | 'superseded_by'>;
/** A stay row with what history hits (earlier refusals and overstays) need: `stay` holds only kind and overstayDays. */
export type HistoryRow = StayRow & Pick<CrossingRow, 'refusal_code' | 'stay'>;

const COLS = `c.id, c.occurred_at, c.local_date, c.local_time, c.time_zone, c.offset_minutes, c.direction, c.crossing_point, c.jurisdiction_path,
  c.officer_id, c.officer_name, c.person_id, c.document, c.document_number, c.nationality, c.decision, c.refusal_code, c.refusal_text, c.reason,
  c.transport, c.purpose, c.declared_address, c.supersedes, c.supersede_reason, c.hits, c.stay, c.recorded_at,
  (SELECT s.id FROM border_crossings s WHERE s.supersedes = c.id) AS superseded_by`;

export type NewCrossing = CrossingRecord & { jurisdictionPath: string; officerName: string; nationality: string | null; hits: unknown[]; recordedAt: Date; stay: unknown };

/** A crossing as a row of the jsonb array CROSSINGS_CTE reads (a JSON null or missing key is SQL NULL). */
export const crossingPayload = (r: NewCrossing) => ({
  id: r.id, occurred_at: r.occurredAt, local_date: r.local.date, local_time: r.local.time, time_zone: r.local.timeZone, offset_minutes: r.local.offsetMinutes,
  direction: r.direction, crossing_point: r.crossingPoint, jurisdiction_path: r.jurisdictionPath, officer_id: r.officerId, officer_name: r.officerName,
  person_id: r.personId, document: r.document, document_number: r.document.number, nationality: r.nationality, decision: r.decision,
  refusal_code: r.refusal?.code ?? null, refusal_text: r.refusal?.text ?? null, reason: r.reason ?? null, transport: r.transport ?? null, purpose: r.purpose ?? null,
  declared_address: r.declaredAddress ?? null, supersedes: r.supersedes?.id ?? null, supersede_reason: r.supersedes?.reason ?? null, hits: r.hits,
  recorded_at: r.recordedAt, stay: r.stay ?? null,
});
export type CrossingPayload = ReturnType<typeof crossingPayload>;

export const CROSSINGS_CTE = (source: string) => `crossings_written AS (
       INSERT INTO border_crossings (id, occurred_at, local_date, local_time, time_zone, offset_minutes, direction, crossing_point, jurisdiction_path,
         officer_id, officer_name, person_id, document, document_number, nationality, decision, refusal_code, refusal_text, reason, transport, purpose,
         declared_address, supersedes, supersede_reason, hits, recorded_at, stay)
       SELECT * FROM jsonb_to_recordset(${source}) AS x(id uuid, occurred_at timestamptz, local_date text, local_time text, time_zone text, offset_minutes integer,
         direction text, crossing_point text, jurisdiction_path text, officer_id text, officer_name text, person_id uuid, document jsonb, document_number text,
         nationality text, decision text, refusal_code text, refusal_text text, reason text, transport jsonb, purpose text, declared_address text, supersedes uuid,
         supersede_reason text, hits jsonb, recorded_at timestamptz, stay jsonb)
       RETURNING 1)`;

/**
 * Claims idempotency keys with their answers (ADR 0507): `answers_claimed` has a row per key claimed; a
 * key another delivery holds already is not (the caller rolls back and replays). Until commit the rows are
 * invisible, so `pending` is never seen by others; the state remains in the table for keys written by
 * earlier versions.
 */
export const ANSWERS_CTE = (source: string) => `answers_claimed AS (
       INSERT INTO border_idempotency (scope, key, request_hash, state, status, response, created_at)
       SELECT scope, key, request_hash, 'completed', status, response, created_at
         FROM jsonb_to_recordset(${source}) AS x(scope text, key text, request_hash text, status integer, response jsonb, created_at timestamptz)
       ON CONFLICT (scope, key) DO NOTHING
       RETURNING 1)`;

/** A new crossing as the database stores and findCrossing reads it. */
export function storedRow(r: NewCrossing, j: CrossingPayload): CrossingRow {
  return {
    id: r.id,
    occurred_at: new Date(r.occurredAt),
    local_date: r.local.date,
    local_time: r.local.time,
    time_zone: r.local.timeZone,
    offset_minutes: r.local.offsetMinutes,
    direction: r.direction,
    crossing_point: r.crossingPoint,
    jurisdiction_path: r.jurisdictionPath,
    officer_id: r.officerId,
    officer_name: r.officerName,
    person_id: r.personId,
    document: j.document as CrossingRow['document'],
    document_number: r.document.number,
    nationality: r.nationality,
    decision: r.decision,
    refusal_code: r.refusal?.code ?? null,
    refusal_text: r.refusal?.text ?? null,
    reason: r.reason ?? null,
    transport: (j.transport ?? null) as CrossingRow['transport'],
    purpose: r.purpose ?? null,
    declared_address: r.declaredAddress ?? null,
    supersedes: r.supersedes?.id ?? null,
    supersede_reason: r.supersedes?.reason ?? null,
    hits: j.hits as unknown[],
    stay: (j.stay ?? null) as unknown,
    recorded_at: r.recordedAt,
    superseded_by: null,
  };
}

export async function findCrossing(db: Queryable, id: string): Promise<CrossingRow | undefined> {
  return (await db.query<CrossingRow>(`SELECT ${COLS} FROM border_crossings c WHERE c.id = $1`, [id])).rows[0];
}

/** Every record of a person (current and superseded), oldest first. */
export async function crossingsOfPerson(db: Queryable, personId: string): Promise<CrossingRow[]> {
  return (await db.query<CrossingRow>(`SELECT ${COLS} FROM border_crossings c WHERE c.person_id = $1 ORDER BY c.occurred_at, c.id`, [personId])).rows;
}

/**
 * Every record of each person with only what the stay and the history hits need (no document or hits to
 * parse; of the stay JSON only kind and overstayDays), oldest first: the write transaction reads the
 * histories once, for its stay computations and history hits (ADR 0505, 0506), with one statement for a
 * group of crossings (ADR 0507). Every person asked for has an entry.
 */
export async function crossingsForStay(db: Queryable, personIds: readonly string[]): Promise<Map<string, HistoryRow[]>> {
  const out = new Map<string, HistoryRow[]>(personIds.map((id) => [id, []]));
  if (personIds.length === 0) return out;
  const rows = (await db.query<HistoryRow & { person_id: string }>(
    `SELECT c.person_id, c.id, c.occurred_at, c.local_date, c.direction, c.crossing_point, c.decision, c.supersedes, c.supersede_reason, c.refusal_code,
       CASE WHEN c.stay IS NOT NULL THEN jsonb_build_object('kind', c.stay->'kind', 'overstayDays', c.stay->'overstayDays') END AS stay,
       (SELECT s.id FROM border_crossings s WHERE s.supersedes = c.id) AS superseded_by
     FROM border_crossings c WHERE c.person_id = ANY($1::uuid[]) ORDER BY c.person_id, c.occurred_at, c.id`,
    [personIds],
    { prepare: 'generic' },
  )).rows;
  for (const { person_id, ...row } of rows) out.get(person_id)?.push(row);
  return out;
}

/**
 * Every record of a document (for travellers not yet matched to a person), oldest first. Concurrent
 * travellers' reads share one statement (batchedRead, ADR 0509); each takes its own number's rows.
 */
export async function crossingsOfDocument(db: Queryable, number: string): Promise<CrossingRow[]> {
  const byNumber = await batchedRead(db, 'border.crossings-of-document', [number], async (numbers) => {
    const rows = (await db.query<CrossingRow>(`SELECT ${COLS} FROM border_crossings c WHERE c.document_number = ANY($1::text[]) ORDER BY c.occurred_at, c.id`, [numbers], { prepare: 'generic' })).rows;
    const out = new Map<string, CrossingRow[]>();
    for (const r of rows) out.set(r.document_number, [...(out.get(r.document_number) ?? []), r]);
    return out;
  });
  return [...(byNumber.get(number) ?? [])];
}

export interface CrossingFilter {
  crossingPoint?: string | undefined;
  personId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  /** Jurisdiction paths the reader reaches (null: national). */
  within: string[] | null;
  limit: number;
  offset: number;
}

export async function listCrossings(db: Queryable, f: CrossingFilter): Promise<{ rows: CrossingRow[]; total: number }> {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where: string[] = ['true'];
  if (f.crossingPoint) where.push(`c.crossing_point = ${p(f.crossingPoint)}`);
  if (f.personId) where.push(`c.person_id = ${p(f.personId)}`);
  if (f.from) where.push(`c.local_date >= ${p(f.from)}`);
  if (f.to) where.push(`c.local_date <= ${p(f.to)}`);
  if (f.within) {
    const scopes = f.within;
    where.push(`(c.jurisdiction_path = ANY(${p(scopes)}::text[]) OR ${scopes.map((s) => `c.jurisdiction_path LIKE ${p(`${s.replace(/[\\%_]/g, (x) => `\\${x}`)}.%`)}`).join(' OR ') || 'false'})`);
  }
  const sqlWhere = where.join(' AND ');
  const total = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM border_crossings c WHERE ${sqlWhere}`, params)).rows[0]?.n ?? 0);
  const rows = (await db.query<CrossingRow>(`SELECT ${COLS} FROM border_crossings c WHERE ${sqlWhere} ORDER BY c.occurred_at DESC, c.id LIMIT ${p(f.limit)} OFFSET ${p(f.offset)}`, params)).rows;
  return { rows, total };
}

export async function findIdempotent(db: Queryable, scope: string, key: string): Promise<{ request_hash: string; state: 'pending' | 'completed'; status: number | null; response: unknown } | undefined> {
  return (await db.query<{ request_hash: string; state: 'pending' | 'completed'; status: number | null; response: unknown }>(
    'SELECT request_hash, state, status, response FROM border_idempotency WHERE scope = $1 AND key = $2',
    [scope, key],
  )).rows[0];
}

