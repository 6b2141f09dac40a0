import { randomUUID } from 'node:crypto';
import { access } from '@kamurj/domain';
import type * as P from '@kamurj/domain/persons';
import { DomainError } from '@kamurj/domain/kernel';
import type { AppDeps } from '../../app-deps.ts';
import type { AuthContext } from '../../http/auth-context.ts';
import { requireCan } from '../../http/access.ts';
import { notFound, staleVersion } from '../../http/errors.ts';
import { audit, type AuditOrigin, type Purpose } from '../audit/index.ts';
import { detectDuplicates, type Candidate } from './dedupe.ts';
import { enterPerson } from './entry.ts';
import { isoDay, jurisdictionFor, targetOf, viewOf } from './gate.ts';
import { toRecord } from './input.ts';
import { presentHistory, presentMasked, presentPerson, presentSummary, type MaskedPerson, type PersonView } from './presenter.ts';
import * as repo from './repository.ts';
import { loadHouseholds, loadLinks } from './relations.ts';
import type { PersonChanges, PersonInput } from './schemas.ts';

const actorName = (auth: AuthContext | null) => auth?.actorName ?? 'system';

/** Loads the record in use for an id (following merge redirects) after the first gate. */
async function loadReadable(deps: AppDeps, auth: AuthContext, id: string, action: access.Action = 'persons.read') {
  requireCan(auth.actor, action);
  const found = await repo.resolveSurvivor(deps.db, id);
  if (!found) throw notFound('Person', 'PERSONS.NOT_FOUND');
  requireCan(auth.actor, action, targetOf(found.row));
  return found;
}

/** The full view of a person the caller may see in full (second gate passed). */
export async function fullView(deps: AppDeps, auth: AuthContext, row: repo.PersonRow, redirectedFrom: string | null): Promise<PersonView> {
  const now = deps.clock.now();
  const today = isoDay(now);
  const mergedFrom = await repo.mergedFrom(deps.db, row.id);
  const ids = [row.id, ...mergedFrom];
  const related = (await deps.db.query<{ id: string }>(
    `SELECT related_person_id AS id FROM person_links WHERE person_id = ANY($1::uuid[]) UNION SELECT person_id FROM person_links WHERE related_person_id = ANY($1::uuid[])
     UNION SELECT m2.person_id FROM household_members m JOIN household_members m2 ON m2.household_id = m.household_id WHERE m.person_id = ANY($1::uuid[])`,
    [ids],
  )).rows.map((r) => r.id);
  const grants = await repo.activeGrants(deps.db, auth.user?.id ?? null, [row.id, ...related], now);
  return presentPerson(row, {
    today,
    redirectedFrom,
    mergedFrom,
    links: await loadLinks(deps.db, auth, ids, today, grants),
    households: await loadHouseholds(deps.db, auth, ids, today, grants),
    breakGlassUntil: await repo.grantExpiry(deps.db, auth.user?.id ?? null, row.id, now),
  });
}

export async function getPerson(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, id: string, purpose: Purpose): Promise<PersonView | MaskedPerson> {
  const { row, redirectedFrom } = await loadReadable(deps, auth, id);
  const now = deps.clock.now();
  const grants = await repo.activeGrants(deps.db, auth.user?.id ?? null, [row.id], now);
  const view = viewOf(auth, row, isoDay(now), grants);
  // Every look at a person is in the audit trail, a masked one too (outcome denied: nothing was shown).
  await deps.db.tx((tx) =>
    audit(tx, origin, {
      action: 'persons.read',
      purpose,
      targetType: 'person',
      targetId: row.id,
      outcome: view === 'full' ? 'success' : 'denied',
      details: { redirectedFrom, masked: view === 'masked', breakGlass: grants.has(row.id) },
    }),
  );
  if (view === 'masked') return presentMasked(row.id, redirectedFrom);
  return fullView(deps, auth, row, redirectedFrom);
}

export async function getHistory(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, id: string, purpose: Purpose) {
  const { row } = await loadReadable(deps, auth, id);
  const now = deps.clock.now();
  const grants = await repo.activeGrants(deps.db, auth.user?.id ?? null, [row.id], now);
  const masked = viewOf(auth, row, isoDay(now), grants) === 'masked';
  await deps.db.tx((tx) =>
    audit(tx, origin, { action: 'persons.history', purpose, targetType: 'person', targetId: row.id, outcome: masked ? 'denied' : 'success' }),
  );
  if (masked) throw new DomainError('PERSONS.PROTECTED', 'forbidden', 'This person is protected; break the glass with a reason to see the record');
  return { items: (await repo.listHistory(deps.db, row.id)).map(presentHistory) };
}

/** Candidate duplicates as sent to the client: masked where the second gate says so. */
export async function presentCandidates(deps: AppDeps, auth: AuthContext, candidates: readonly Candidate[]) {
  const now = deps.clock.now();
  const today = isoDay(now);
  const grants = await repo.activeGrants(deps.db, auth.user?.id ?? null, candidates.map((c) => c.row.id), now);
  return candidates
    .filter((c) => access.can(auth.actor, 'persons.read', targetOf(c.row)))
    .map((c) =>
      viewOf(auth, c.row, today, grants) === 'full'
        ? { person: presentSummary(c.row, today), score: c.score, explanation: c.explanation }
        : { person: presentMasked(c.row.id), score: c.score, explanation: null },
    );
}

export async function createPerson(
  deps: AppDeps,
  origin: AuditOrigin,
  auth: AuthContext,
  body: { person: PersonInput; purpose: Purpose; source: 'entry' | 'document' | 'import' },
) {
  requireCan(auth.actor, 'persons.write');
  const now = deps.clock.now();
  const record = await toRecord(deps.db, body.person, now);
  const jurisdictionPath = jurisdictionFor(deps.config.country, record.registeredIn, auth);
  requireCan(auth.actor, 'persons.write', { jurisdictionPath });
  const id = randomUUID();
  const detected = await deps.db.tx((tx) =>
    enterPerson(tx, origin, { id, record, jurisdictionPath, source: body.source, at: now, actorId: auth.actor.id, actorName: actorName(auth), purpose: body.purpose }, deps.config.autoMergeThreshold),
  );
  const found = (await repo.resolveSurvivor(deps.db, id))!;
  return {
    person: await fullView(deps, auth, found.row, found.redirectedFrom),
    autoMergedInto: detected.autoMergedInto,
    duplicates: await presentCandidates(deps, auth, detected.candidates.filter((c) => c.row.id !== detected.autoMergedInto)),
  };
}

/** The stored record as input again, so that a change can replace only the sections it sends. */
function asInput(r: P.PersonData): PersonInput {
  return {
    names: r.names.map(({ script: _s, ...n }) => n),
    birthDate: r.birthDate,
    sex: r.sex,
    citizenships: r.citizenships.map((c) => ({ code: c.code })),
    documents: r.documents.map((d) => ({ ...d })),
    addresses: r.addresses.map((a) => ({ ...a })),
    contacts: r.contacts.map((c) => ({ ...c })),
    protection: { ...r.protection },
    registeredIn: r.registeredIn,
  };
}

export async function updatePerson(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, id: string, changes: PersonChanges) {
  requireCan(auth.actor, 'persons.write');
  const row = await repo.findPerson(deps.db, id);
  if (!row) throw notFound('Person', 'PERSONS.NOT_FOUND');
  requireCan(auth.actor, 'persons.write', targetOf(row));
  if (row.merged_into) throw new DomainError('PERSONS.MERGED', 'conflict', 'This record was merged into another; change the surviving record', { mergedInto: row.merged_into });
  const now = deps.clock.now();
  const grants = await repo.activeGrants(deps.db, auth.user?.id ?? null, [row.id], now);
  if (viewOf(auth, row, isoDay(now), grants) === 'masked') throw new DomainError('PERSONS.PROTECTED', 'forbidden', 'This person is protected; break the glass with a reason first');
  const { version, purpose, ...sections } = changes;
  const defined = Object.fromEntries(Object.entries(sections).filter(([, v]) => v !== undefined)) as Partial<PersonInput>;
  const record = await toRecord(deps.db, { ...asInput(row.record), ...defined }, now, 'body');
  const jurisdictionPath = changes.registeredIn !== undefined ? jurisdictionFor(deps.config.country, record.registeredIn, auth) : row.jurisdiction_path;
  requireCan(auth.actor, 'persons.write', { jurisdictionPath });
  const detected = await deps.db.tx(async (tx) => {
    if (!(await repo.updatePerson(tx, id, version, { record, jurisdictionPath, mergedInto: null, at: now }))) return null;
    await repo.appendHistory(tx, { personId: id, version: version + 1, at: now, actorId: auth.actor.id, actorName: actorName(auth), action: 'update', record, mergedInto: null, details: { sections: Object.keys(defined) } });
    await audit(tx, origin, { action: 'persons.update', purpose: purpose ?? 'casework', targetType: 'person', targetId: id, details: { sections: Object.keys(defined) } });
    return detectDuplicates(tx, origin, { id, record, createdAt: row.created_at }, 'update', deps.config.autoMergeThreshold);
  });
  if (!detected) {
    // Someone else wrote first: answer with the record as it is now (read after the transaction).
    const current = await repo.findPerson(deps.db, id);
    throw staleVersion(current ? await fullView(deps, auth, current, null) : null);
  }
  const found = (await repo.resolveSurvivor(deps.db, id))!;
  return { person: await fullView(deps, auth, found.row, found.redirectedFrom), duplicates: await presentCandidates(deps, auth, detected.candidates) };
}

/**
 * Break the glass: a user who may read the person, but not protected persons, gets time-boxed access to
 * this one person after giving a reason. The grant and the reason are audited (purpose break_the_glass).
 */
export async function breakGlass(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, id: string, reason: string) {
  if (!auth.user) throw new DomainError('PERSONS.BREAK_GLASS_USER_ONLY', 'forbidden', 'Only a person signed in can break the glass');
  const { row } = await loadReadable(deps, auth, id, 'persons.break_glass');
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + deps.config.breakGlassMs);
  await deps.db.tx(async (tx) => {
    await tx.query('INSERT INTO break_glass_grants (id, user_id, person_id, reason, granted_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6)', [
      randomUUID(),
      auth.user!.id,
      row.id,
      reason,
      now,
      expiresAt,
    ]);
    await audit(tx, origin, { action: 'persons.break_glass', purpose: 'break_the_glass', targetType: 'person', targetId: row.id, details: { reason, expiresAt: expiresAt.toISOString() } });
  });
  return { personId: row.id, expiresAt: expiresAt.toISOString() };
}
