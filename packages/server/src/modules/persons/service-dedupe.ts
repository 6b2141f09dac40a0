import { access } from '@kamurj/domain';
import type * as P from '@kamurj/domain/persons';
import { DomainError } from '@kamurj/domain/kernel';
import type { AppDeps } from '../../app-deps.ts';
import type { AuthContext } from '../../http/auth-context.ts';
import { requireCan } from '../../http/access.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { audit, type AuditOrigin } from '../audit/index.ts';
import { batchDedupe, detectDuplicates } from './dedupe.ts';
import { isoDay, targetOf, viewOf } from './gate.ts';
import { mergePersons, unmergePerson } from './merge.ts';
import { presentMasked, presentSummary } from './presenter.ts';
import * as repo from './repository.ts';
import { reachFilter } from './scope-sql.ts';
import { fullView } from './service.ts';

/**
 * The duplicate review queue and the decisions on it: same person (merge), not the same, unsure. Both
 * records must be within the reviewer's `persons.merge` reach and visible in full (second gate).
 */
// A stored pair as the queue reads it: the written row (repository PairRow) with its decision.
interface PairRow extends repo.PairRow {
  status: string;
  decided_at: Date | null;
  decided_by: string | null;
  note: string | null;
}

export async function listPairs(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, f: { status: 'open' | 'pending' | 'unsure' | 'same' | 'different'; limit: number; offset: number }) {
  requireCan(auth.actor, 'persons.merge');
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where = [f.status === 'open' ? `c.status IN ('pending', 'unsure')` : `c.status = ${p(f.status)}`];
  for (const alias of ['pa', 'pb']) {
    const reach = reachFilter(auth.actor, 'persons.merge', `${alias}.jurisdiction_path`, p);
    if (reach) where.push(reach);
  }
  if (f.status === 'open') where.push('pa.merged_into IS NULL AND pb.merged_into IS NULL');
  const from = `FROM duplicate_candidates c JOIN persons pa ON pa.id = c.person_a JOIN persons pb ON pb.id = c.person_b WHERE ${where.join(' AND ')}`;
  const total = Number((await deps.db.query<{ n: string }>(`SELECT count(*)::text AS n ${from}`, params)).rows[0]?.n ?? 0);
  const rows = (await deps.db.query<PairRow>(`SELECT c.* ${from} ORDER BY c.score DESC, c.found_at, c.id LIMIT ${p(f.limit)} OFFSET ${p(f.offset)}`, params)).rows;
  const persons = new Map((await repo.findPersons(deps.db, rows.flatMap((r) => [r.person_a, r.person_b]))).map((r) => [r.id, r]));
  const now = deps.clock.now();
  const today = isoDay(now);
  const grants = await repo.activeGrants(deps.db, auth.user?.id ?? null, [...persons.keys()], now);
  const side = (id: string) => {
    const row = persons.get(id)!;
    return viewOf(auth, row, today, grants) === 'full' ? presentSummary(row, today) : presentMasked(id);
  };
  const items = rows.map((r) => {
    const a = side(r.person_a);
    const b = side(r.person_b);
    return {
      id: r.id,
      score: r.score,
      explanation: a.masked || b.masked ? null : r.explanation,
      foundBy: r.found_by,
      status: r.status,
      foundAt: r.found_at.toISOString(),
      decidedAt: r.decided_at?.toISOString() ?? null,
      decidedBy: r.decided_by,
      note: r.note,
      a,
      b,
    };
  });
  await deps.db.tx((tx) => audit(tx, origin, { action: 'persons.duplicates.list', purpose: 'data_quality', details: { status: f.status, returned: items.map((i) => i.id) } }));
  return { items, total };
}

/** Loads both persons of a decision for update, checks both gates. */
async function loadPairForDecision(deps: AppDeps, auth: AuthContext, ids: string[]) {
  const rows = await repo.findPersons(deps.db, ids);
  if (rows.length !== ids.length) throw notFound('Person', 'PERSONS.NOT_FOUND');
  const now = deps.clock.now();
  const grants = await repo.activeGrants(deps.db, auth.user?.id ?? null, ids, now);
  for (const r of rows) {
    requireCan(auth.actor, 'persons.merge', targetOf(r));
    if (viewOf(auth, r, isoDay(now), grants) === 'masked') throw forbidden('One of the records is protected; break the glass with a reason first');
  }
  return rows;
}

export async function decide(
  deps: AppDeps,
  origin: AuditOrigin,
  auth: AuthContext,
  pairId: string,
  body: { decision: P.ReviewDecision; note?: string | undefined; survivorId?: string | undefined },
) {
  requireCan(auth.actor, 'persons.merge');
  const pair = (await deps.db.query<PairRow>('SELECT * FROM duplicate_candidates WHERE id = $1', [pairId])).rows[0];
  if (!pair) throw notFound('Duplicate pair', 'PERSONS.PAIR_NOT_FOUND');
  const rows = await loadPairForDecision(deps, auth, [pair.person_a, pair.person_b]);
  if (pair.status === 'same' || pair.status === 'different') {
    throw new DomainError('PERSONS.PAIR_DECIDED', 'conflict', 'This pair has already been decided', { status: pair.status });
  }
  if (body.survivorId && body.survivorId !== pair.person_a && body.survivorId !== pair.person_b) {
    throw new DomainError('REQUEST.INVALID', 'validation', 'The survivor must be one of the pair', { issues: [{ field: 'body.survivorId', code: 'not_in_pair', message: 'Choose one of the two records' }] });
  }
  await deps.db.tx(async (tx) => {
    if (body.decision === 'same') {
      // The older record survives unless the reviewer chose; its id is the one other systems know longest.
      const older = [...rows].sort((x, y) => x.created_at.getTime() - y.created_at.getTime() || (x.id < y.id ? -1 : 1))[0]!;
      const survivorId = body.survivorId ?? older.id;
      const mergedId = survivorId === pair.person_a ? pair.person_b : pair.person_a;
      await mergePersons(tx, origin, { survivorId, mergedId, candidateId: pair.id, automatic: false, reason: body.note ?? null });
    }
    await tx.query('UPDATE duplicate_candidates SET status = $2, decided_at = $3, decided_by = $4, note = $5 WHERE id = $1', [
      pair.id,
      body.decision,
      origin.at,
      auth.actorName,
      body.note ?? null,
    ]);
    await audit(tx, origin, {
      action: 'persons.duplicates.decide',
      purpose: 'data_quality',
      targetType: 'duplicate_pair',
      targetId: pair.id,
      details: { decision: body.decision, personA: pair.person_a, personB: pair.person_b, score: pair.score, note: body.note ?? null },
    });
  });
  return { id: pair.id, status: body.decision };
}

export async function merge(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, survivorId: string, mergedId: string, reason: string | null) {
  requireCan(auth.actor, 'persons.merge');
  await loadPairForDecision(deps, auth, [...new Set([survivorId, mergedId])]);
  const result = await deps.db.tx(async (tx) => {
    const r = await mergePersons(tx, origin, { survivorId, mergedId, automatic: false, reason });
    const survivor = (await repo.findPerson(tx, survivorId))!;
    // The merged record can reveal new pairs (its names now live on the survivor).
    await detectDuplicates(tx, origin, { id: survivorId, record: survivor.record, createdAt: survivor.created_at }, 'merge', 1.01);
    return r;
  });
  const row = (await repo.findPerson(deps.db, survivorId))!;
  return { person: await fullView(deps, auth, row, null), conflicts: result.conflicts };
}

export async function unmerge(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, mergedId: string, reason: string | null) {
  requireCan(auth.actor, 'persons.merge');
  const merged = await repo.findPerson(deps.db, mergedId);
  if (!merged) throw notFound('Person', 'PERSONS.NOT_FOUND');
  if (!merged.merged_into) throw new DomainError('PERSONS.NOT_MERGED', 'conflict', 'This record is not merged into another');
  await loadPairForDecision(deps, auth, [merged.id, merged.merged_into]);
  const { survivorId } = await deps.db.tx((tx) => unmergePerson(tx, origin, mergedId, reason));
  const [a, b] = await Promise.all([repo.findPerson(deps.db, survivorId), repo.findPerson(deps.db, mergedId)]);
  return { survivor: await fullView(deps, auth, a!, null), restored: await fullView(deps, auth, b!, null) };
}

/** Batch detection over the persons in the caller's `persons.merge` reach. */
export async function runBatch(deps: AppDeps, origin: () => AuditOrigin, auth: AuthContext) {
  requireCan(auth.actor, 'persons.merge');
  const result = await batchDedupe(deps.db, origin, {
    autoMergeThreshold: deps.config.autoMergeThreshold,
    jurisdictionFilter: (path) => access.can(auth.actor, 'persons.merge', { jurisdictionPath: path }),
  });
  await deps.db.tx((tx) => audit(tx, origin(), { action: 'persons.dedupe.batch', purpose: 'data_quality', details: { ...result } }));
  return result;
}
