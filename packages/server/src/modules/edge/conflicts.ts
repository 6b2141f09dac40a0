import { randomUUID } from 'node:crypto';
import { access } from '@kamurj/domain';
import { DomainError } from '@kamurj/domain/kernel';
import type { CrossingRecordedEvent } from '../../app-deps.ts';
import type { Queryable } from '../../db/client.ts';
import type { AuthContext } from '../../http/auth-context.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { conflictsOf, fixedMinimum, type UseOfDocument } from './conflict-rule.ts';
import type { Warning } from './outbox.ts';

/**
 * The centre's conflict check (ADR 0503), run for every crossing it records (in its transaction, or just
 * before its group's one write statement: ADR 0511), whether an officer at a connected post or an edge
 * node's delivery wrote it: earlier uses of the same document
 * (issuing state + number) at other posts inside the minimum interval become review items. Both crossings
 * stay as recorded; nothing is dropped or refused. Crossings written together (ADR 0507) are checked with
 * one read; their documents differ (the group writer never puts two uses of one document in a group).
 */
export async function flagConflicts(tx: Queryable, events: readonly CrossingRecordedEvent[], minimumMinutes: number): Promise<Warning[][]> {
  const { warnings, items } = await findConflicts(tx, events, minimumMinutes, true);
  // Review items of the whole group in one statement (ADR 0509).
  if (items.length) await tx.query(`WITH ${CONFLICTS_CTE('$1::jsonb')} SELECT 1`, [JSON.stringify(items)], { prepare: true });
  return warnings;
}

/**
 * The same check before the crossings are written (ADR 0511: the group's one write statement): the
 * warnings, and the review items as a part of that statement. Crossings written at the same moment by
 * another process are not seen, as they were not by a check inside the transaction (neither saw the
 * other's uncommitted rows).
 */
export async function conflictsBefore(db: Queryable, events: readonly CrossingRecordedEvent[], minimumMinutes: number) {
  const { warnings, items } = await findConflicts(db, events, minimumMinutes, false);
  return { warnings, part: items.length ? { name: 'conflicts', rows: items, ctes: CONFLICTS_CTE } : null };
}

const CONFLICTS_CTE = (source: string) => `conflicts_written AS (
       INSERT INTO edge_conflicts (id, document_key, crossing_id, other_crossing_id, crossing_point, other_point, jurisdiction_paths, interval_minutes, minimum_minutes, detected_at)
       SELECT * FROM jsonb_to_recordset(${source}) AS x(id uuid, document_key text, crossing_id uuid, other_crossing_id uuid, crossing_point text, other_point text,
         jurisdiction_paths text[], interval_minutes integer, minimum_minutes integer, detected_at timestamptz)
       ON CONFLICT (crossing_id, other_crossing_id) DO NOTHING
       RETURNING 1)`;

/** Uses of the events' documents inside the window; `written`: the events' own crossings are among them already. */
async function findConflicts(db: Queryable, events: readonly CrossingRecordedEvent[], minimumMinutes: number, written: boolean): Promise<{ warnings: Warning[][]; items: unknown[] }> {
  if (events.length === 0) return { warnings: [], items: [] };
  const windowMs = minimumMinutes * 60_000;
  const times = events.map((e) => Date.parse(e.occurredAt));
  const found = (await db.query<{ i: string; id: string; crossing_point: string; occurred_at: Date; supersedes: string | null; jurisdiction_path: string }>(
    `SELECT q.i::text AS i, c.id, c.crossing_point, c.occurred_at, c.supersedes, c.jurisdiction_path
       FROM unnest($1::text[], $2::text[], $3::timestamptz[], $4::timestamptz[]) WITH ORDINALITY AS q(number, state, lo, hi, i)
       JOIN border_crossings c ON c.document_number = q.number AND c.document->>'issuingState' = q.state AND c.occurred_at > q.lo AND c.occurred_at < q.hi`,
    [events.map((e) => e.document.number), events.map((e) => e.document.issuingState), times.map((t) => new Date(t - windowMs)), times.map((t) => new Date(t + windowMs))],
    { prepare: 'generic' },
  )).rows;
  const out: Warning[][] = [];
  const items: unknown[] = [];
  for (const [k, e] of events.entries()) {
    const others = found.filter((r) => Number(r.i) === k + 1);
    const mine = written
      ? others.find((r) => r.id === e.id)
      : { i: String(k + 1), id: e.id, crossing_point: e.crossingPoint, occurred_at: new Date(e.occurredAt), supersedes: e.supersedes, jurisdiction_path: e.jurisdictionPath };
    if (!mine) {
      out.push([]);
      continue;
    }
    const rows = written ? others : [...others, mine];
    const uses: UseOfDocument[] = rows.map((r) => ({ id: r.id, crossingPoint: r.crossing_point, occurredAt: new Date(r.occurred_at).toISOString(), supersedes: r.supersedes }));
    const pairs = conflictsOf({ id: e.id, crossingPoint: e.crossingPoint, occurredAt: e.occurredAt, supersedes: e.supersedes }, uses, fixedMinimum(minimumMinutes));
    const warnings: Warning[] = [];
    for (const p of pairs) {
      const other = rows.find((r) => r.id === p.otherId)!;
      items.push({
        id: randomUUID(), document_key: `${e.document.issuingState}:${e.document.number}`, crossing_id: p.crossingId, other_crossing_id: p.otherId, crossing_point: p.crossingPoint,
        other_point: p.otherPoint, jurisdiction_paths: [mine.jurisdiction_path, other.jurisdiction_path], interval_minutes: p.intervalMinutes, minimum_minutes: p.minimumMinutes, detected_at: e.recordedAt,
      });
      warnings.push({
        code: 'EDGE.DOCUMENT_CONFLICT',
        message: `This document was also used at ${p.otherPoint} ${p.intervalMinutes} minutes apart (minimum ${p.minimumMinutes}); both crossings are kept and sent for review`,
      });
    }
    out.push(warnings);
  }
  return { warnings: out, items };
}

interface ConflictRow {
  id: string;
  document_key: string;
  crossing_id: string;
  other_crossing_id: string;
  crossing_point: string;
  other_point: string;
  jurisdiction_paths: string[];
  interval_minutes: number;
  minimum_minutes: number;
  detected_at: Date;
  state: 'open' | 'resolved';
  resolution: string | null;
  resolved_at: Date | null;
  resolved_by_name: string | null;
  crossings: { id: string; crossingPoint: string; occurredAt: string; direction: string; decision: string; officerName: string; personId: string | null }[];
}

const SELECT = `SELECT k.*, (SELECT jsonb_agg(jsonb_build_object('id', c.id, 'crossingPoint', c.crossing_point, 'occurredAt', c.occurred_at, 'direction', c.direction,
    'decision', c.decision, 'officerName', c.officer_name, 'personId', c.person_id) ORDER BY c.occurred_at)
    FROM border_crossings c WHERE c.id IN (k.crossing_id, k.other_crossing_id)) AS crossings FROM edge_conflicts k`;

/** A supervisor of either post reviews the pair. */
const mayReview = (auth: AuthContext, r: Pick<ConflictRow, 'jurisdiction_paths'>) =>
  r.jurisdiction_paths.some((p) => access.can(auth.actor, 'border.crossing.supervise', { jurisdictionPath: p }));

export function presentConflict(r: ConflictRow) {
  return {
    id: r.id,
    document: { issuingState: r.document_key.split(':')[0]!, number: r.document_key.slice(r.document_key.indexOf(':') + 1) },
    crossingPoints: [r.crossing_point, r.other_point],
    intervalMinutes: r.interval_minutes,
    minimumMinutes: r.minimum_minutes,
    detectedAt: new Date(r.detected_at).toISOString(),
    state: r.state,
    resolution: r.resolution,
    resolvedAt: r.resolved_at ? new Date(r.resolved_at).toISOString() : null,
    resolvedBy: r.resolved_by_name,
    crossings: (r.crossings ?? []).map((c) => ({ ...c, occurredAt: new Date(c.occurredAt).toISOString() })),
  };
}

export async function listConflicts(db: Queryable, auth: AuthContext, state: 'open' | 'resolved' | 'all', limit: number) {
  const rows = (await db.query<ConflictRow>(`${SELECT} WHERE ($1 = 'all' OR k.state = $1) ORDER BY k.detected_at DESC, k.id LIMIT 1000`, [state])).rows;
  const mine = rows.filter((r) => mayReview(auth, r));
  return { items: mine.slice(0, limit).map(presentConflict), total: mine.length };
}

export async function resolveConflict(tx: Queryable, auth: AuthContext, id: string, resolution: string, at: Date) {
  const row = (await tx.query<ConflictRow>(`${SELECT} WHERE k.id = $1 FOR UPDATE OF k`, [id])).rows[0];
  if (!row) throw notFound('Conflict', 'EDGE.CONFLICT_NOT_FOUND');
  if (!mayReview(auth, row)) throw forbidden();
  if (row.state === 'resolved') throw new DomainError('EDGE.CONFLICT_RESOLVED', 'conflict', 'This conflict was already reviewed');
  await tx.query(`UPDATE edge_conflicts SET state = 'resolved', resolution = $2, resolved_at = $3, resolved_by = $4, resolved_by_name = $5 WHERE id = $1`, [
    id, resolution, at, auth.actor.id, auth.user?.displayName ?? auth.actorName,
  ]);
  return presentConflict((await tx.query<ConflictRow>(`${SELECT} WHERE k.id = $1`, [id])).rows[0]!);
}
