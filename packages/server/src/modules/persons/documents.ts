import { randomUUID } from 'node:crypto';
import type * as P from '@kamurj/domain/persons';
import { DomainError } from '@kamurj/domain/kernel';
import type { Queryable } from '../../db/client.ts';
import type { AuthContext } from '../../http/auth-context.ts';
import { requireCan } from '../../http/access.ts';
import { audit, type AuditOrigin, type Purpose } from '../audit/index.ts';
import { enterPerson } from './entry.ts';
import { jurisdictionFor } from './gate.ts';
import * as repo from './repository.ts';

/**
 * Adds or replaces one document of a person inside the caller's transaction, for modules that issue
 * documents (residence: visas and residence cards, ADR 0701). The record gets a new version with its
 * history row and audit row, like any change; a document with the same id is replaced (withdrawal marks
 * it revoked), otherwise it is added. Merged records forward to their survivor.
 */
export async function putPersonDocument(
  tx: Queryable,
  origin: AuditOrigin,
  input: { personId: string; document: P.PersonDocumentEntry; at: Date; actorId: string | null; actorName: string; purpose: Purpose; details?: Record<string, unknown> },
): Promise<{ personId: string }> {
  let row = await repo.findPerson(tx, input.personId, true);
  for (let hops = 0; row?.merged_into && hops < 20; hops++) row = await repo.findPerson(tx, row.merged_into, true);
  if (!row) throw new DomainError('PERSONS.NOT_FOUND', 'not_found', 'Person not found');
  const docs = row.record.documents;
  const documents = docs.some((d) => d.id === input.document.id) ? docs.map((d) => (d.id === input.document.id ? input.document : d)) : [...docs, input.document];
  const record: P.PersonData = { ...row.record, documents };
  if (!(await repo.updatePerson(tx, row.id, row.version, { record, jurisdictionPath: row.jurisdiction_path, mergedInto: null, at: input.at }))) {
    throw new DomainError('PERSONS.STALE_VERSION', 'conflict', 'The person changed at the same time; try again');
  }
  const details = { sections: ['documents'], documentId: input.document.id, documentType: input.document.type, ...input.details };
  await repo.appendHistory(tx, { personId: row.id, version: row.version + 1, at: input.at, actorId: input.actorId, actorName: input.actorName, action: 'update', record, mergedInto: null, details });
  await audit(tx, origin, { action: 'persons.update', purpose: input.purpose, targetType: 'person', targetId: row.id, details });
  return { personId: row.id };
}

/**
 * Registers a person known from a document another module received (the holder of an imported e-visa),
 * inside the caller's transaction, through the same entry path as `POST /api/persons` (history, audit,
 * duplicate detection). The jurisdiction is the importer's, as for a person entered by hand.
 */
export async function registerPersonFromDocument(
  tx: Queryable,
  origin: AuditOrigin,
  auth: AuthContext,
  input: { record: P.PersonData; country: string; at: Date; autoMergeThreshold: number; purpose: Purpose; details: Record<string, unknown> },
): Promise<{ personId: string; jurisdictionPath: string | null }> {
  const jurisdictionPath = jurisdictionFor(input.country, input.record.registeredIn, auth);
  requireCan(auth.actor, 'persons.write', { jurisdictionPath });
  const id = randomUUID();
  const detected = await enterPerson(
    tx,
    origin,
    { id, record: input.record, jurisdictionPath, source: 'document', at: input.at, actorId: auth.actor.id, actorName: auth.actorName, purpose: input.purpose, details: input.details },
    input.autoMergeThreshold,
  );
  return { personId: detected.autoMergedInto ?? id, jurisdictionPath };
}
