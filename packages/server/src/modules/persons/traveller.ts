import { randomUUID } from 'node:crypto';
import { access } from '@kamurj/domain';
import * as P from '@kamurj/domain/persons';
import type { MrzParseResult } from '@kamurj/domain/documents/mrz';
import type { MatchExplanation } from '@kamurj/domain/names';
import type { AppDeps } from '../../app-deps.ts';
import type { Queryable } from '../../db/client.ts';
import type { AuthContext } from '../../http/auth-context.ts';
import { requireCan } from '../../http/access.ts';
import { notFound } from '../../http/errors.ts';
import type { AuditEvent, AuditOrigin } from '../audit/index.ts';
import { findCandidates, findDocumentCandidates, type Candidate } from './dedupe.ts';
import { enterPerson, enterPersonsPart, type NewEntry } from './entry.ts';
import { isoDay, targetOf, viewOf } from './gate.ts';
import { presentSummary, type PersonSummary } from './presenter.ts';
import * as repo from './repository.ts';

/**
 * What other modules (border) need of the registry for a traveller: the persons who may hold a document
 * (through the same duplicate blocking and matcher as every entry path), registration of a new person
 * from a document inside the caller's transaction, and one person read through both gates. Records are
 * returned for server-side use (screening, stay); what may leave the server is `summary` (null when the
 * reader sees the person masked).
 */
export interface DocumentHolder {
  personId: string;
  score: number;
  explanation: MatchExplanation | null;
  /** The candidate holds a document with the same normalised number and issuing state. */
  sameDocument: boolean;
  masked: boolean;
  summary: PersonSummary | null;
  record: P.PersonData;
  jurisdictionPath: string | null;
}

/** A person record from a parsed MRZ, with item ids (nothing saved). */
export function recordFromMrz(parsed: MrzParseResult, mrzText: string): P.PersonData {
  const draft = P.draftFromMrz(parsed, mrzText);
  return {
    ...draft,
    names: draft.names.map((n) => ({ ...n, id: randomUUID() })),
    documents: draft.documents.map((d) => ({ ...d, id: randomUUID() })),
  };
}

export async function findDocumentHolders(deps: AppDeps, auth: AuthContext, record: P.PersonData, limit = 5): Promise<DocumentHolder[]> {
  return (await searchDocumentHolders(deps, auth, record, { limit })).holders;
}

/**
 * findDocumentHolders with what the search found before access filtering (`found`: the duplicate
 * candidates a registration of this record would queue, so that registering does not search again).
 * `holderScore`: a caller that only needs holders scoring at least this (recording a crossing) lets the
 * name blocking skip persons born too far apart to reach it.
 */
export async function searchDocumentHolders(
  deps: AppDeps,
  auth: AuthContext,
  record: P.PersonData,
  opts: { limit?: number; holderScore?: number } = {},
): Promise<{ holders: DocumentHolder[]; found: Candidate[] }> {
  requireCan(auth.actor, 'persons.read');
  const found = await findCandidates(deps.db, { id: null, record }, opts.holderScore === undefined ? {} : { blockFor: opts.holderScore });
  return { holders: await holders(deps, auth, record, found, opts.limit ?? 5), found };
}

/**
 * The registry's holders of this very document (same number and issuing state) whom the matcher accepts
 * by name, best first — what findDocumentHolders ranks first when they exist — without the name-key
 * blocking (ADR 0505: recording a crossing needs the holder, not the list of look-alikes). Empty when
 * the registry does not know the document.
 */
export async function findHoldersOfDocument(deps: AppDeps, auth: AuthContext, record: P.PersonData, limit = 5): Promise<DocumentHolder[]> {
  requireCan(auth.actor, 'persons.read');
  return (await holders(deps, auth, record, await findDocumentCandidates(deps.db, record), limit)).filter((h) => h.sameDocument);
}

async function holders(deps: AppDeps, auth: AuthContext, record: P.PersonData, found: readonly Candidate[], limit: number): Promise<DocumentHolder[]> {
  const candidates = found.filter((c) => access.can(auth.actor, 'persons.read', targetOf(c.row)));
  if (!candidates.length) return [];
  const now = deps.clock.now();
  const today = isoDay(now);
  const grants = await repo.activeGrants(deps.db, auth.user?.id ?? null, candidates.map((c) => c.row.id), now);
  const docs = new Set(record.documents.map((d) => `${P.normalizeStateCode(d.issuingState)}:${P.normalizeDocumentNumber(d.number)}`));
  const holders = candidates.map((c) => {
    const sameDocument = c.row.record.documents.some((d) => docs.has(`${P.normalizeStateCode(d.issuingState)}:${P.normalizeDocumentNumber(d.number)}`));
    const masked = viewOf(auth, c.row, today, grants) === 'masked';
    return {
      personId: c.row.id,
      score: c.score,
      explanation: masked ? null : c.explanation,
      sameDocument,
      masked,
      summary: masked ? null : presentSummary(c.row, today),
      record: c.row.record,
      jurisdictionPath: c.row.jurisdiction_path,
    };
  });
  holders.sort((a, b) => Number(b.sameDocument) - Number(a.sameDocument) || b.score - a.score);
  return holders.slice(0, limit);
}

/** A readable person for the border (merge redirects followed, both gates applied). */
export async function readPersonForBorder(deps: AppDeps, auth: AuthContext, id: string): Promise<Omit<DocumentHolder, 'score' | 'explanation' | 'sameDocument'>> {
  requireCan(auth.actor, 'persons.read');
  const found = await repo.resolveSurvivor(deps.db, id);
  if (!found) throw notFound('Person', 'PERSONS.NOT_FOUND');
  requireCan(auth.actor, 'persons.read', targetOf(found.row));
  const now = deps.clock.now();
  const today = isoDay(now);
  const grants = await repo.activeGrants(deps.db, auth.user?.id ?? null, [found.row.id], now);
  const masked = viewOf(auth, found.row, today, grants) === 'masked';
  return {
    personId: found.row.id,
    masked,
    summary: masked ? null : presentSummary(found.row, today),
    record: found.row.record,
    jurisdictionPath: found.row.jurisdiction_path,
  };
}

/**
 * Registers the holder of a document seen at a crossing point, inside the caller's transaction (the
 * crossing and the person are written together, so a retried crossing never creates a second person).
 * Same entry path as `POST /api/persons`: history, audit row, duplicate detection.
 */
export async function registerDocumentHolder(
  tx: Queryable,
  origin: AuditOrigin,
  auth: AuthContext,
  input: {
    record: P.PersonData;
    jurisdictionPath: string | null;
    at: Date;
    autoMergeThreshold: number;
    crossingId: string;
    found?: Candidate[] | undefined;
    /** Takes the registration's audit event for the caller to append (enterPerson). */
    deferAudit?: ((event: AuditEvent) => void) | undefined;
  },
): Promise<{ personId: string; autoMergedInto: string | null }> {
  requireCan(auth.actor, 'persons.write', { jurisdictionPath: input.jurisdictionPath });
  const id = randomUUID();
  const detected = await enterPerson(
    tx,
    origin,
    {
      id,
      record: input.record,
      jurisdictionPath: input.jurisdictionPath,
      source: 'document',
      at: input.at,
      actorId: auth.actor.id,
      actorName: auth.actorName,
      purpose: 'border_control',
      details: { crossingId: input.crossingId },
    },
    input.autoMergeThreshold,
    input.found,
    input.deferAudit,
  );
  return { personId: detected.autoMergedInto ?? id, autoMergedInto: detected.autoMergedInto };
}

/**
 * Registrations of document holders as part of the caller's statement (the border's group write, ADR
 * 0509): the same person, history, duplicate pairs (of the candidates the caller's search `found`) and
 * audit event as registerDocumentHolder, as rows for NEW_PERSONS_CTES (`payload`) and events the caller
 * appends. Without automatic merging (the caller uses registerDocumentHolder when it is on). Each holder's
 * access is checked here, as there.
 */
export function documentHolderRegistrations(
  inputs: readonly { auth: AuthContext; record: P.PersonData; jurisdictionPath: string | null; at: Date; crossingId: string; found: readonly Candidate[] }[],
): { personIds: string[]; payload: ReturnType<typeof enterPersonsPart>['payload']; events: AuditEvent[] } {
  const entries = inputs.map(({ auth, ...input }) => {
    requireCan(auth.actor, 'persons.write', { jurisdictionPath: input.jurisdictionPath });
    const entry: NewEntry = { id: randomUUID(), record: input.record, jurisdictionPath: input.jurisdictionPath, source: 'document', at: input.at, actorId: auth.actor.id, actorName: auth.actorName, purpose: 'border_control', details: { crossingId: input.crossingId } };
    return { entry, found: input.found };
  });
  const { payload, events } = enterPersonsPart(entries);
  return { personIds: entries.map((e) => e.entry.id), payload, events };
}

/**
 * The travel documents each of these persons' records holds (issuing state and number), for the
 * clearances the centre sends its edge nodes (ADR 0515). A merged record keeps its own documents, and the
 * survivor holds them too. No access gate: the caller is the machine-to-machine sync, audited there.
 */
export async function travelDocumentsOf(db: Queryable, ids: readonly string[]): Promise<Map<string, { issuingState: string; number: string }[]>> {
  const rows = await repo.findPersons(db, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, r.record.documents.map((d) => ({ issuingState: d.issuingState, number: d.number }))]));
}
