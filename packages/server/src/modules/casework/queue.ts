/**
 * Workqueues: the open cases the actor may see, filtered (type, status, assignee, office, due, household,
 * text), counted per status and paged. Access is part of the SQL (reach of cases.read), so a page never
 * needs a second pass; the list read is audited with the ids returned.
 */
import { access } from '@kamurj/domain';
import type { AppDeps } from '../../app-deps.ts';
import type { AuthContext } from '../../http/auth-context.ts';
import { requireCan } from '../../http/access.ts';
import { audit, type AuditOrigin } from '../audit/index.ts';
import { officeDate } from './context.ts';
import { reviewTypes } from './extensions.ts';
import { presentSummary } from './presenter.ts';
import { findCaseType } from './registry.ts';
import { CASE_COLUMNS, CASE_FROM, type CaseRow } from './repository.ts';

export interface QueueQuery {
  type?: string | undefined;
  status?: string | undefined;
  /** `me`, `none` or a user id. */
  assignee?: string | undefined;
  office?: string | undefined;
  due?: 'overdue' | 'due-soon' | 'breached' | undefined;
  household?: string | undefined;
  text?: string | undefined;
  /** Include closed cases (default: open only). */
  closed?: boolean | undefined;
  /** Cases waiting for the actor's agency to accept or refuse a transfer. */
  incoming?: boolean | undefined;
  limit: number;
  offset: number;
}

class Sql {
  readonly params: unknown[] = [];
  readonly where: string[] = [];
  p(v: unknown): string {
    this.params.push(v);
    return `$${this.params.length}`;
  }
}

/**
 * Cases in one of the jurisdiction subtrees: the path itself, or below it. "Below" is a byte-wise range
 * (`~>=~`/`~<~`, the operators of the `text_pattern_ops` index) instead of `LIKE ANY(...)`, which no
 * index can serve: every string starting with `X.` lies in [`X.`, `X/`) because `/` follows `.`.
 */
function inJurisdictions(s: Sql, scopes: readonly string[]): string[] {
  if (scopes.length === 0) return ['false'];
  return [`c.jurisdiction_path = ANY(${s.p(scopes)}::text[])`, ...scopes.map((x) => `(c.jurisdiction_path ~>=~ ${s.p(`${x}.`)} AND c.jurisdiction_path ~<~ ${s.p(`${x}/`)})`)];
}

/** The access part of the WHERE clause: the widest reach of cases.read (and incoming transfers). */
export function scopeClause(auth: AuthContext, s: Sql): string | null {
  const reaches = access.reachOf(auth.actor, 'cases.read');
  if (reaches.includes('all')) return null;
  const parts: string[] = [];
  if (reaches.includes('agency')) parts.push(`c.agency_id = ${s.p(auth.actor.agencyId)}`);
  if (reaches.includes('jurisdiction')) parts.push(...inJurisdictions(s, auth.actor.scopes));
  if (access.can(auth.actor, 'cases.transfer')) parts.push(`c.pending_transfer_to = ${s.p(auth.agencyCode)}`);
  // Cases of types whose review access the actor holds (e.g. the labour ministry on work permits; ADR 0404).
  for (const r of reviewTypes(auth.actor)) {
    const type = `c.case_type = ${s.p(r.type)}`;
    if (r.reaches.includes('all')) parts.push(type);
    else if (r.reaches.includes('agency')) parts.push(`(${type} AND c.agency_id = ${s.p(auth.actor.agencyId)})`);
    else parts.push(`(${type} AND (${inJurisdictions(s, auth.actor.scopes).join(' OR ')}))`);
  }
  return parts.length ? `(${parts.join(' OR ')})` : 'false';
}

function filters(auth: AuthContext, q: QueueQuery, today: string, withStatus: boolean): Sql {
  const s = new Sql();
  const scope = scopeClause(auth, s);
  if (scope) s.where.push(scope);
  if (!q.closed) s.where.push('NOT c.terminal');
  if (q.type) s.where.push(`c.case_type = ${s.p(q.type)}`);
  if (withStatus && q.status) s.where.push(`c.status = ${s.p(q.status)}`);
  if (q.assignee === 'none') s.where.push('c.assignee_id IS NULL');
  else if (q.assignee) s.where.push(`c.assignee_id = ${s.p(q.assignee === 'me' ? auth.actor.id : q.assignee)}::uuid`);
  if (q.office) s.where.push(`c.office_id = (SELECT id FROM offices WHERE code = ${s.p(q.office)})`);
  if (q.household) s.where.push(`c.household_id = ${s.p(q.household)}::uuid`);
  if (q.incoming) s.where.push(`c.pending_transfer_to = ${s.p(auth.agencyCode)}`);
  if (q.due === 'overdue') s.where.push(`c.next_due_on < ${s.p(today)}::date`);
  if (q.due === 'due-soon') s.where.push(`c.remind_on <= ${s.p(today)}::date AND c.next_due_on >= ${s.p(today)}::date`);
  if (q.due === 'breached') s.where.push(`(c.breached OR c.next_due_on < ${s.p(today)}::date)`);
  if (q.text) s.where.push(`c.search_text LIKE ${s.p(`%${q.text.toLowerCase().replace(/[\\%_]/g, (m) => `\\${m}`)}%`)}`);
  return s;
}

const whereOf = (s: Sql) => (s.where.length ? `WHERE ${s.where.join(' AND ')}` : '');

export async function workqueue(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, q: QueueQuery) {
  requireCan(auth.actor, 'cases.read');
  const today = officeDate(deps);
  const page = filters(auth, q, today, true);
  const limit = page.p(q.limit);
  const offset = page.p(q.offset);
  const counts = filters(auth, q, today, false);
  // The page and the counts are independent reads: on PostgreSQL they run on two pooled connections at once.
  const [pageResult, countResult] = await Promise.all([
    deps.db.query<CaseRow>(
      `SELECT ${CASE_COLUMNS} FROM ${CASE_FROM} ${whereOf(page)} ORDER BY c.next_due_on ASC NULLS LAST, c.number LIMIT ${limit} OFFSET ${offset}`,
      page.params,
    ),
    deps.db.query<{ status: string; n: string }>(`SELECT c.status, count(*)::text AS n FROM cases c ${whereOf(counts)} GROUP BY c.status ORDER BY c.status`, counts.params),
  ]);
  const rows = pageResult.rows;
  const byStatus = countResult.rows.map((r) => ({ status: r.status, count: Number(r.n) }));
  const total = q.status ? (byStatus.find((c) => c.status === q.status)?.count ?? 0) : byStatus.reduce((a, c) => a + c.count, 0);
  await deps.db.tx((tx) =>
    audit(tx, origin, { action: 'case.list', purpose: 'casework', targetType: 'case', details: { criteria: { ...q }, returned: rows.map((r) => r.id) } }),
  );
  return { items: rows.map((r) => presentSummary(r, findCaseType(r.case_type), today)), total, counts: byStatus, today };
}
