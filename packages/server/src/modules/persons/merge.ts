import { randomUUID } from 'node:crypto';
import * as P from '@kamurj/domain/persons';
import { DomainError } from '@kamurj/domain/kernel';
import type { Queryable } from '../../db/client.ts';
import { notFound } from '../../http/errors.ts';
import { audit, type AuditOrigin } from '../audit/index.ts';
import * as repo from './repository.ts';

/**
 * Merge and unmerge (ADR 0301). A merge keeps every name form and document of both records on the
 * survivor, marks the other record `merged_into` the survivor (its id keeps working as a redirect) and
 * stores both records exactly as they were, so that an unmerge restores them. Both happen in the caller's
 * transaction, with history rows and an audit row.
 */
export interface MergeRequest {
  survivorId: string;
  mergedId: string;
  candidateId?: string | null;
  automatic: boolean;
  reason?: string | null;
}

const actorOf = (origin: AuditOrigin) => ({ id: origin.auth?.actor.id ?? null, name: origin.auth?.actorName ?? 'system' });

interface Snapshot {
  record: P.PersonData;
  jurisdictionPath: string | null;
  version: number;
}
const snapshot = (r: repo.PersonRow): Snapshot => ({ record: r.record, jurisdictionPath: r.jurisdiction_path, version: r.version });

export async function mergePersons(tx: Queryable, origin: AuditOrigin, m: MergeRequest): Promise<{ mergeId: string; conflicts: P.MergeConflict[] }> {
  if (m.survivorId === m.mergedId) throw new DomainError('PERSONS.MERGE_SELF', 'validation', 'A person cannot be merged with itself');
  // Lock both rows in id order so two merges of the same pair cannot interleave or deadlock.
  const [first, second] = [m.survivorId, m.mergedId].sort();
  const a = await repo.findPerson(tx, first!, true);
  const b = await repo.findPerson(tx, second!, true);
  if (!a || !b) throw notFound('Person', 'PERSONS.NOT_FOUND');
  const survivor = a.id === m.survivorId ? a : b;
  const merged = a.id === m.survivorId ? b : a;
  if (survivor.merged_into || merged.merged_into) {
    throw new DomainError('PERSONS.ALREADY_MERGED', 'conflict', 'One of the records has already been merged into another; use the survivor');
  }
  const { data, conflicts } = P.mergeRecords(survivor.record, merged.record);
  const at = origin.at;
  const actor = actorOf(origin);
  await repo.updatePerson(tx, survivor.id, survivor.version, { record: data, jurisdictionPath: survivor.jurisdiction_path, mergedInto: null, at });
  await repo.updatePerson(tx, merged.id, merged.version, { record: merged.record, jurisdictionPath: merged.jurisdiction_path, mergedInto: survivor.id, at });
  const mergeId = randomUUID();
  await tx.query(
    `INSERT INTO person_merges (id, survivor_id, merged_id, survivor_before, merged_before, survivor_version, candidate_id, automatic, reason, merged_at, merged_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
    [mergeId, survivor.id, merged.id, JSON.stringify(snapshot(survivor)), JSON.stringify(snapshot(merged)), survivor.version + 1, m.candidateId ?? null, m.automatic, m.reason ?? null, at, actor.name],
  );
  const details = { mergeId, survivorId: survivor.id, mergedId: merged.id, automatic: m.automatic, conflicts };
  await repo.appendHistory(tx, { personId: survivor.id, version: survivor.version + 1, at, actorId: actor.id, actorName: actor.name, action: 'merge', record: data, mergedInto: null, details });
  await repo.appendHistory(tx, { personId: merged.id, version: merged.version + 1, at, actorId: actor.id, actorName: actor.name, action: 'merged_into', record: merged.record, mergedInto: survivor.id, details });
  const [pa, pb] = [survivor.id, merged.id].sort();
  await tx.query(
    `UPDATE duplicate_candidates SET status = 'same', decided_at = $3, decided_by = $4 WHERE person_a = $1 AND person_b = $2`,
    [pa, pb, at, actor.name],
  );
  await audit(tx, origin, {
    action: m.automatic ? 'persons.merge.automatic' : 'persons.merge',
    purpose: 'data_quality',
    targetType: 'person',
    targetId: survivor.id,
    details: { ...details, reason: m.reason ?? null },
  });
  return { mergeId, conflicts };
}

interface MergeRow {
  id: string;
  survivor_id: string;
  merged_id: string;
  survivor_before: Snapshot;
  merged_before: Snapshot;
  survivor_version: number;
}

/** The merge that made `mergedId` a redirect, if it is still in effect. */
export async function findActiveMerge(db: Queryable, mergedId: string): Promise<MergeRow | undefined> {
  return (
    await db.query<MergeRow>(
      `SELECT id, survivor_id, merged_id, survivor_before, merged_before, survivor_version FROM person_merges
        WHERE merged_id = $1 AND unmerged_at IS NULL ORDER BY merged_at DESC LIMIT 1`,
      [mergedId],
    )
  ).rows[0];
}

/**
 * Restores both records exactly as they were before the merge. Only while the survivor is unchanged since
 * the merge: a later edit or merge would otherwise be lost silently (409 names what to do instead).
 */
export async function unmergePerson(tx: Queryable, origin: AuditOrigin, mergedId: string, reason: string | null): Promise<{ survivorId: string }> {
  const m = await findActiveMerge(tx, mergedId);
  if (!m) throw new DomainError('PERSONS.NOT_MERGED', 'conflict', 'This record is not merged into another');
  const [first, second] = [m.survivor_id, m.merged_id].sort();
  const a = (await repo.findPerson(tx, first!, true))!;
  const b = (await repo.findPerson(tx, second!, true))!;
  const survivor = a.id === m.survivor_id ? a : b;
  const merged = a.id === m.survivor_id ? b : a;
  if (survivor.version !== m.survivor_version || merged.merged_into !== survivor.id) {
    throw new DomainError('PERSONS.CHANGED_SINCE_MERGE', 'conflict', 'The surviving record changed after the merge; undo the later changes (or merges) first, or split the record by hand', {
      survivorId: survivor.id,
    });
  }
  const at = origin.at;
  const actor = actorOf(origin);
  const sb = m.survivor_before;
  const mb = m.merged_before;
  await repo.updatePerson(tx, survivor.id, survivor.version, { record: sb.record, jurisdictionPath: sb.jurisdictionPath, mergedInto: null, at });
  await repo.updatePerson(tx, merged.id, merged.version, { record: mb.record, jurisdictionPath: mb.jurisdictionPath, mergedInto: null, at });
  await tx.query('UPDATE person_merges SET unmerged_at = $2, unmerged_by = $3 WHERE id = $1', [m.id, at, actor.name]);
  const details = { mergeId: m.id, survivorId: survivor.id, mergedId: merged.id };
  await repo.appendHistory(tx, { personId: survivor.id, version: survivor.version + 1, at, actorId: actor.id, actorName: actor.name, action: 'unmerge', record: sb.record, mergedInto: null, details });
  await repo.appendHistory(tx, { personId: merged.id, version: merged.version + 1, at, actorId: actor.id, actorName: actor.name, action: 'unmerge', record: mb.record, mergedInto: null, details });
  // Undoing a merge is a decision that the two are different people.
  const [pa, pb] = [survivor.id, merged.id].sort();
  await tx.query(
    `UPDATE duplicate_candidates SET status = 'different', decided_at = $3, decided_by = $4, note = 'unmerged' WHERE person_a = $1 AND person_b = $2`,
    [pa, pb, at, actor.name],
  );
  await audit(tx, origin, { action: 'persons.unmerge', purpose: 'data_quality', targetType: 'person', targetId: merged.id, details: { ...details, reason } });
  return { survivorId: survivor.id };
}
