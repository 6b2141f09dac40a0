/** SQL of the casework module: cases, their action log, deadline tasks and attachment bytes. */
import type { CaseState, DeadlineState, RecordedAction } from '@kamurj/domain/casework';
import type { Queryable } from '../../db/client.ts';

export interface CaseRow {
  id: string;
  number: string;
  case_type: string;
  type_version: number;
  title: string;
  status: string;
  terminal: boolean;
  version: number;
  agency_id: string;
  agency_code: string;
  office_id: string | null;
  jurisdiction_path: string;
  assignee_id: string | null;
  assignee_name: string | null;
  household_id: string | null;
  subject_person_ids: string[];
  pending_transfer_to: string | null;
  next_due_on: string | null;
  remind_on: string | null;
  breached: boolean;
  opened_on: string;
  last_action_on: string;
  updated_at: Date;
}

/** Columns of a case row as the code reads them (dates as text: no time-zone conversion). */
export const CASE_COLUMNS = `c.id, c.number, c.case_type, c.type_version, c.title, c.status, c.terminal, c.version, c.agency_id, c.agency_code,
  c.office_id, c.jurisdiction_path, c.assignee_id, u.display_name AS assignee_name, c.household_id, c.subject_person_ids,
  c.pending_transfer_to, c.next_due_on::text AS next_due_on, c.remind_on::text AS remind_on, c.breached,
  c.opened_on::text AS opened_on, c.last_action_on::text AS last_action_on, c.updated_at`;
export const CASE_FROM = 'cases c LEFT JOIN users u ON u.id = c.assignee_id';

export async function findCase(q: Queryable, id: string, lock = false): Promise<CaseRow | undefined> {
  const sql = lock
    ? `SELECT ${CASE_COLUMNS} FROM ${CASE_FROM} WHERE c.id = $1 FOR UPDATE OF c`
    : `SELECT ${CASE_COLUMNS} FROM ${CASE_FROM} WHERE c.id = $1`;
  return (await q.query<CaseRow>(sql, [id])).rows[0];
}

export async function findCases(q: Queryable, ids: readonly string[]): Promise<CaseRow[]> {
  return (await q.query<CaseRow>(`SELECT ${CASE_COLUMNS} FROM ${CASE_FROM} WHERE c.id = ANY($1::uuid[])`, [ids])).rows;
}

export interface NewCase {
  id: string;
  caseType: string;
  typeVersion: number;
  title: string;
  agencyId: string;
  agencyCode: string;
  officeId: string | null;
  jurisdictionPath: string;
  householdId: string | null;
  subjectPersonIds: string[];
  openedOn: string;
  at: Date;
  initialStatus: string;
}

/** Inserts an empty case (version 0) and returns its number (`<year>-<type initials>-<serial>`). */
export async function insertCase(tx: Queryable, c: NewCase): Promise<string> {
  const serial = (await tx.query<{ n: string }>(`SELECT nextval('case_number_seq')::text AS n`)).rows[0]!.n;
  const initials = c.caseType.split('-').map((w) => w[0]!.toUpperCase()).join('');
  const number = `${c.openedOn.slice(0, 4)}-${initials}-${serial.padStart(6, '0')}`;
  await tx.query(
    `INSERT INTO cases (id, number, case_type, type_version, title, status, version, agency_id, agency_code, office_id, jurisdiction_path,
                        household_id, subject_person_ids, search_text, opened_on, last_action_on, created_at, updated_at)
     VALUES ($1,$2,$3,$4,$5,$6,0,$7,$8,$9,$10,$11,$12,$13,$14,$14,$15,$15)`,
    [c.id, number, c.caseType, c.typeVersion, c.title, c.initialStatus, c.agencyId, c.agencyCode, c.officeId, c.jurisdictionPath,
      c.householdId, c.subjectPersonIds, `${number} ${c.title} ${c.caseType}`.toLowerCase(), c.openedOn, c.at],
  );
  return number;
}

export interface LogEntry extends RecordedAction {
  actorName: string;
  recordedAt: Date;
}

interface LogRow {
  seq: number;
  code: string;
  actor_id: string;
  actor_name: string;
  actor_agency: string;
  actor_roles: string[];
  on_date: string;
  at: Date | string;
  payload: Record<string, unknown>;
  override: { reason: string; permission: string } | null;
}

const LOG_COLUMNS = 'seq, code, actor_id, actor_name, actor_agency, actor_roles, on_date::text AS on_date, at, payload, override';

const toEntry = (r: LogRow): LogEntry => ({
  seq: r.seq,
  code: r.code,
  actor: { id: r.actor_id, agencyId: r.actor_agency, roles: r.actor_roles },
  date: r.on_date,
  at: new Date(r.at).toISOString(),
  payload: r.payload,
  ...(r.override ? { override: r.override } : {}),
  actorName: r.actor_name,
  recordedAt: new Date(r.at),
});

export async function loadLog(q: Queryable, caseId: string, afterSeq = 0): Promise<LogEntry[]> {
  const rows = (await q.query<LogRow>(`SELECT ${LOG_COLUMNS} FROM case_actions WHERE case_id = $1 AND seq > $2 ORDER BY seq`, [caseId, afterSeq])).rows;
  return rows.map(toEntry);
}

/** The case row and its whole log in one round trip (what recording an action folds over). */
export async function findCaseWithLog(q: Queryable, id: string): Promise<{ row: CaseRow; log: LogEntry[] } | undefined> {
  const r = (
    await q.query<CaseRow & { log: LogRow[] }>(
      `SELECT ${CASE_COLUMNS},
              (SELECT coalesce(json_agg(a ORDER BY a.seq), '[]') FROM (SELECT ${LOG_COLUMNS} FROM case_actions WHERE case_id = c.id) a) AS log
         FROM ${CASE_FROM} WHERE c.id = $1`,
      [id],
    )
  ).rows[0];
  if (!r) return undefined;
  const { log, ...row } = r;
  return { row, log: log.map(toEntry) };
}

/** Earliest due date and reminder day of the running deadlines. */
function dueSummary(deadlines: readonly DeadlineState[]) {
  const running = deadlines.filter((d) => d.running).sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  const first = running[0];
  return { nextDueOn: first?.dueOn ?? null, remindOn: first?.remindOn ?? null, breached: deadlines.some((d) => d.breached) };
}

/**
 * One statement (one round trip) appends the entry, rewrites the cached columns from the folded state
 * and brings the tasks in line with it (upsert the deadlines of the fold, delete any other row). The
 * cache update is guarded by the version the append was based on, so a cache row can never move
 * backwards. A concurrent append of the same seq fails on the primary key (23505) and nothing is written.
 */
export async function appendAndCache(
  tx: Queryable,
  caseId: string,
  rec: RecordedAction,
  actorName: string,
  at: Date,
  baseVersion: number,
  state: CaseState,
  agencyId: string,
): Promise<void> {
  const due = dueSummary(state.deadlines);
  const assignee = state.assignee && /^[0-9a-f-]{36}$/.test(state.assignee) ? state.assignee : null;
  const tasks = state.deadlines.map((d) => ({
    code: d.code, started_by: d.startedBy, label: d.label, unit: d.unit, started_on: d.startedOn, due_on: d.dueOn, remind_on: d.remindOn, stopped_on: d.stoppedOn, breached: d.breached,
  }));
  const r = await tx.query<{ cached: number }>(
    `WITH appended AS (
       INSERT INTO case_actions (case_id, seq, code, actor_id, actor_name, actor_agency, actor_roles, on_date, at, payload, override)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11)
       RETURNING case_id),
     cached AS (
       UPDATE cases SET status = $13, terminal = $14, version = $2, agency_id = $15, agency_code = $16, assignee_id = $17, pending_transfer_to = $18,
              next_due_on = $19, remind_on = $20, breached = $21, last_action_on = $22, updated_at = $9
        WHERE id = $1 AND version = $12
       RETURNING id),
     folded AS (
       SELECT * FROM jsonb_to_recordset($23::jsonb)
         AS t(code text, started_by integer, label text, unit text, started_on date, due_on date, remind_on date, stopped_on date, breached boolean)),
     dropped AS (
       DELETE FROM case_tasks d WHERE d.case_id = $1
          AND NOT EXISTS (SELECT 1 FROM folded f WHERE f.code = d.code AND f.started_by = d.started_by)),
     upserted AS (
       INSERT INTO case_tasks (case_id, code, started_by, label, unit, started_on, due_on, remind_on, stopped_on, breached)
       SELECT $1, code, started_by, label, unit, started_on, due_on, remind_on, stopped_on, breached FROM folded
       ON CONFLICT (case_id, code, started_by) DO UPDATE SET label = EXCLUDED.label, unit = EXCLUDED.unit, started_on = EXCLUDED.started_on,
         due_on = EXCLUDED.due_on, remind_on = EXCLUDED.remind_on, stopped_on = EXCLUDED.stopped_on, breached = EXCLUDED.breached)
     SELECT (SELECT count(*) FROM cached)::int AS cached`,
    [
      caseId, rec.seq, rec.code, rec.actor.id, actorName, rec.actor.agencyId, [...rec.actor.roles], rec.date, at, JSON.stringify(rec.payload), rec.override ? JSON.stringify(rec.override) : null,
      baseVersion, state.status, state.terminal, agencyId, state.agencyId, assignee, state.pendingTransfer?.toAgencyId ?? null,
      due.nextDueOn, due.remindOn, due.breached, state.lastActionOn, JSON.stringify(tasks),
    ],
  );
  if (r.rows[0]?.cached !== 1) throw new Error(`case ${caseId}: cache row not at version ${baseVersion}`);
}

export async function insertAttachment(tx: Queryable, a: { id: string; caseId: string; seq: number; name: string; mediaType: string; sha256: string; content: Uint8Array; at: Date }) {
  await tx.query(
    `INSERT INTO case_attachments (id, case_id, seq, name, media_type, size, sha256, content, created_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
    [a.id, a.caseId, a.seq, a.name, a.mediaType, a.content.byteLength, a.sha256, a.content, a.at],
  );
}

export interface AttachmentRow {
  id: string;
  seq: number;
  name: string;
  media_type: string;
  size: number;
  sha256: string;
}

export async function listAttachments(q: Queryable, caseId: string): Promise<AttachmentRow[]> {
  return (await q.query<AttachmentRow>('SELECT id, seq, name, media_type, size, sha256 FROM case_attachments WHERE case_id = $1 ORDER BY seq', [caseId])).rows;
}

export async function findAttachmentContent(q: Queryable, caseId: string, id: string): Promise<(AttachmentRow & { content: Uint8Array }) | undefined> {
  return (await q.query<AttachmentRow & { content: Uint8Array }>('SELECT id, seq, name, media_type, size, sha256, content FROM case_attachments WHERE case_id = $1 AND id = $2', [caseId, id])).rows[0];
}

export async function agencyByCode(q: Queryable, code: string): Promise<{ id: string; code: string } | undefined> {
  return (await q.query<{ id: string; code: string }>('SELECT id, code FROM agencies WHERE code = $1', [code])).rows[0];
}

export async function officeByCode(q: Queryable, code: string) {
  return (
    await q.query<{ id: string; agency_id: string; agency_code: string; path: string }>(
      `SELECT o.id, o.agency_id, a.code AS agency_code, j.path FROM offices o JOIN agencies a ON a.id = o.agency_id JOIN jurisdictions j ON j.id = o.jurisdiction_id WHERE o.code = $1`,
      [code],
    )
  ).rows[0];
}

export async function jurisdictionByCode(q: Queryable, code: string): Promise<string | undefined> {
  return (await q.query<{ path: string }>('SELECT path FROM jurisdictions WHERE code = $1', [code])).rows[0]?.path;
}

/** Active users of an agency holding one of `roles` (who may be given a case). */
export async function caseStaff(q: Queryable, agencyId: string, roles: readonly string[]) {
  return (
    await q.query<{ id: string; display_name: string }>(
      `SELECT DISTINCT u.id, u.display_name FROM users u JOIN user_roles r ON r.user_id = u.id
        WHERE u.agency_id = $1 AND NOT u.disabled AND r.role = ANY($2) ORDER BY u.display_name, u.id`,
      [agencyId, roles],
    )
  ).rows;
}

export async function insertHousehold(tx: Queryable, h: { id: string; label: string; agencyId: string; at: Date; by: string }) {
  await tx.query('INSERT INTO case_households (id, label, agency_id, created_at, created_by) VALUES ($1,$2,$3,$4,$5)', [h.id, h.label, h.agencyId, h.at, h.by]);
}

export async function findHousehold(q: Queryable, id: string) {
  return (await q.query<{ id: string; label: string; agency_id: string }>('SELECT id, label, agency_id FROM case_households WHERE id = $1', [id])).rows[0];
}

export async function householdMembers(q: Queryable, householdId: string) {
  return (await q.query<{ id: string; number: string; case_type: string; status: string }>('SELECT id, number, case_type, status FROM cases WHERE household_id = $1 ORDER BY number', [householdId])).rows;
}

export async function setHousehold(tx: Queryable, caseId: string, householdId: string | null, at: Date) {
  await tx.query('UPDATE cases SET household_id = $2, updated_at = $3 WHERE id = $1', [caseId, householdId, at]);
}
