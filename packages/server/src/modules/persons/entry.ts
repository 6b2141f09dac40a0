import type * as P from '@kamurj/domain/persons';
import type { Queryable } from '../../db/client.ts';
import { audit, type AuditEvent, type AuditOrigin, type Purpose } from '../audit/index.ts';
import { detectDuplicates, findCandidates, pairRows, type Candidate, type DetectResult } from './dedupe.ts';
import * as repo from './repository.ts';

/**
 * The entry path of a new person, inside the caller's transaction: the record with its search index,
 * version 1 of its history, the audit row, then duplicate detection (review queue; automatic merge only
 * at or above the configured threshold and never for protected persons). Used by `POST /api/persons`
 * and by imports, so that an imported person is in every way a person entered by hand.
 */
export interface NewEntry {
  id: string;
  record: P.PersonData;
  jurisdictionPath: string | null;
  source: 'entry' | 'document' | 'import';
  at: Date;
  actorId: string | null;
  actorName: string;
  purpose: Purpose;
  /** Extra details for the history and audit rows (e.g. the import source and row). */
  details?: Record<string, unknown>;
  /** The audit actor when there is no signed-in caller (command line). */
  auditActor?: AuditEvent['actor'];
}

/**
 * `deferAudit`: a caller writing many changes in one transaction (the border's group commit, ADR 0507)
 * takes the `persons.create` audit event and appends it with its own at the end of the transaction, so
 * that the audit chain's head is not locked from here to the commit.
 */
export async function enterPerson(tx: Queryable, origin: AuditOrigin, e: NewEntry, autoMergeThreshold: number, found?: Candidate[], deferAudit?: (event: AuditEvent) => void): Promise<DetectResult> {
  // The duplicate search reads only other persons (its own id is excluded), so it runs before the writes:
  // the audit row below locks the chain's head until commit, and the search is the slow part (ADR 0505).
  // A caller that has just searched for this very record (the border, ADR 0506) passes what it found.
  const candidates = found ?? (await findCandidates(tx, { id: e.id, record: e.record }));
  await repo.insertPerson(tx, { id: e.id, record: e.record, jurisdictionPath: e.jurisdictionPath, source: e.source, at: e.at, actorId: e.actorId, history: { actorName: e.actorName, details: detailsOf(e) } });
  const event = createdEvent(e);
  if (deferAudit) deferAudit(event);
  else await audit(tx, origin, event);
  return detectDuplicates(tx, origin, { id: e.id, record: e.record, createdAt: e.at }, e.source === 'import' ? 'import' : 'create', autoMergeThreshold, candidates);
}

const detailsOf = (e: NewEntry) => ({ source: e.source, ...e.details });

const createdEvent = (e: NewEntry): AuditEvent => ({
  action: 'persons.create',
  purpose: e.purpose,
  targetType: 'person',
  targetId: e.id,
  details: { ...detailsOf(e), jurisdictionPath: e.jurisdictionPath },
  ...(e.auditActor ? { actor: e.auditActor } : {}),
});

/**
 * New persons as part of a caller's statement (the border's group write, ADR 0509): the rows enterPerson
 * writes — the record with its search index, version 1 of its history, the review pairs of the candidates
 * the caller found before — for NEW_PERSONS_CTES, and the `persons.create` audit events for the caller to
 * append. No automatic merge: a caller with automatic merging on uses enterPerson.
 */
export function enterPersonsPart(entries: readonly { entry: NewEntry; found: readonly Candidate[] }[]): { payload: ReturnType<typeof repo.newPersonsPayload>; events: AuditEvent[] } {
  const payload = repo.newPersonsPayload(
    entries.map(({ entry: e }) => ({ id: e.id, record: e.record, jurisdictionPath: e.jurisdictionPath, source: e.source, at: e.at, actorId: e.actorId, history: { actorName: e.actorName, details: detailsOf(e) } })),
    entries.flatMap(({ entry: e, found }) => pairRows(e.id, found, e.source === 'import' ? 'import' : 'create', e.at)),
  );
  return { payload, events: entries.map(({ entry }) => createdEvent(entry)) };
}
