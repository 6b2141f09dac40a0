import { randomUUID } from 'node:crypto';
import { access } from '@kamurj/domain';
import { DECISIONS, DIRECTIONS, HIT_ACTIONS, REFUSAL_CODES, TRANSPORT_MODES, TRAVEL_PURPOSES, DOCUMENT_TYPES } from '@kamurj/domain/border';
import { DomainError } from '@kamurj/domain/kernel';
import type { FastifyReply } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { Queryable } from '../../db/client.ts';
import type { AuthContext } from '../../http/auth-context.ts';
import { requireCan } from '../../http/access.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { audit, type AuditOrigin } from '../audit/index.ts';
import { readPersonForBorder } from '../persons/index.ts';
import { preScreenNote } from './apis-service.ts';
import { assess } from './assess.ts';
import { displayName, pointFor } from './context.ts';
import * as repo from './crossings-repository.ts';
import { handoversOfCrossings } from './handovers-repository.ts';
import { findEntry } from './lists-repository.ts';
import { presentAssessment, presentCrossing, presentHandover } from './presenter.ts';
import type { CheckBody } from './schemas.ts';
import { borderReference, crossingPoints, loadSettings, REFERRAL_KINDS } from './settings.ts';

/** What the console needs before the first traveller: the actor's crossing points and the code lists. */
export async function consoleContext(deps: AppDeps, auth: AuthContext) {
  requireCan(auth.actor, 'border.crossing.record');
  const points = (await crossingPoints(deps.db, deps.config.country)).filter((p) => access.can(auth.actor, 'border.crossing.record', { jurisdictionPath: p.jurisdictionPath }));
  const settings = await loadSettings(deps.db, deps.config.country);
  return {
    crossingPoints: points,
    directions: DIRECTIONS,
    decisions: DECISIONS,
    refusalCodes: REFUSAL_CODES,
    transportModes: TRANSPORT_MODES,
    purposes: TRAVEL_PURPOSES,
    documentTypes: DOCUMENT_TYPES,
    hitActions: HIT_ACTIONS,
    referralKinds: REFERRAL_KINDS,
    referralAgencies: settings.referrals,
  };
}

/** One call for the whole result panel; the look at the person is audited (purpose border_control). */
export async function checkTraveller(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, body: CheckBody) {
  const reference = await borderReference(deps.db);
  const point = await pointFor(deps, auth, body.crossingPoint, 'border.crossing.record', reference);
  const now = deps.clock.now();
  const a = await assess(deps, auth, point, { direction: body.direction, mrz: body.mrz, manual: body.manual, personId: body.personId, at: now, reference });
  await deps.db.tx((tx) =>
    audit(tx, origin, {
      action: 'border.check',
      purpose: 'border_control',
      targetType: 'person',
      targetId: a.person?.personId ?? null,
      outcome: a.person?.masked ? 'denied' : 'success',
      details: {
        crossingPoint: point.code,
        direction: body.direction,
        documentNumber: a.document.number,
        issuingState: a.document.issuingState,
        candidates: a.candidates.map((c) => c.personId),
        hits: a.hits.map((h) => ({ entryId: h.entryId, version: h.entryVersion, score: h.score })),
        suppressed: a.suppressed.map((h) => h.entryId),
      },
    }),
  );
  // A traveller who was on a pre-screened manifest for this point (ADR 0504).
  const preScreen = body.direction === 'entry' ? await preScreenNote(deps, point, a.document, a.date) : null;
  return { ...presentAssessment(a, point.code, body.direction, now), preScreen };
}

async function readableCrossing(deps: AppDeps, auth: AuthContext, id: string) {
  const row = await repo.findCrossing(deps.db, id);
  if (!row) throw notFound('Crossing', 'BORDER.CROSSING_NOT_FOUND');
  const target = { jurisdictionPath: row.jurisdiction_path };
  if (!access.can(auth.actor, 'border.crossing.record', target) && !access.can(auth.actor, 'border.crossing.supervise', target)) throw forbidden();
  return row;
}

/** One crossing with its correction chain and handovers. */
export async function getCrossing(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, id: string) {
  const row = await readableCrossing(deps, auth, id);
  const chain: repo.CrossingRow[] = [row];
  for (let r = row; r.supersedes && chain.length < 50; ) {
    const prev = await repo.findCrossing(deps.db, r.supersedes);
    if (!prev) break;
    chain.push(prev);
    r = prev;
  }
  const handovers = await handoversOfCrossings(deps.db, chain.map((c) => c.id));
  await deps.db.tx((tx) => audit(tx, origin, { action: 'border.crossing.read', purpose: 'border_control', targetType: 'crossing', targetId: id, details: { personId: row.person_id } }));
  return { crossing: presentCrossing(row), history: chain.slice(1).map(presentCrossing), handovers: handovers.map(presentHandover) };
}

export async function listCrossings(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, q: { crossingPoint?: string | undefined; personId?: string | undefined; from?: string | undefined; to?: string | undefined; limit: number; offset: number }) {
  requireCan(auth.actor, 'border.crossing.record');
  const reaches = [...access.reachOf(auth.actor, 'border.crossing.record'), ...access.reachOf(auth.actor, 'border.crossing.supervise')];
  const within = reaches.includes('all') ? null : [...auth.actor.scopes];
  const { rows, total } = await repo.listCrossings(deps.db, { ...q, within });
  await deps.db.tx((tx) =>
    audit(tx, origin, { action: 'border.crossing.list', purpose: 'border_control', targetType: 'crossing', details: { criteria: q, returned: rows.map((r) => r.id) } }),
  );
  return { items: rows.map(presentCrossing), total };
}

/** An officer's judgement of a hit: true or false, and why (audited). */
export async function adjudicate(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, body: { personId: string; entryId: string; entryVersion: number; outcome: 'true_hit' | 'false_hit'; reason: string }) {
  requireCan(auth.actor, 'border.crossing.record');
  if (!auth.user) throw new DomainError('BORDER.ADJUDICATION_BY_PERSON', 'forbidden', 'Hits are adjudicated by an officer, not a machine token');
  const person = await readPersonForBorder(deps, auth, body.personId);
  const entry = await findEntry(deps.db, body.entryId);
  if (!entry) throw notFound('List entry', 'BORDER.ENTRY_NOT_FOUND');
  if (entry.version !== body.entryVersion) {
    throw new DomainError('CONFLICT.STALE_VERSION', 'conflict', 'The entry changed since the hit was shown; check the traveller again', { current: { version: entry.version } });
  }
  const id = randomUUID();
  const at = deps.clock.now();
  await deps.db.tx(async (tx) => {
    await tx.query(
      `INSERT INTO border_adjudications (id, person_id, entry_id, entry_version, outcome, reason, by_id, by_name, at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
      [id, person.personId, entry.id, entry.version, body.outcome, body.reason, auth.actor.id, displayName(auth), at],
    );
    // At an edge node it also joins the outbox to the centre (ADR 0514).
    await deps.onHitAdjudicated?.(tx, { id, at });
    await audit(tx, origin, {
      action: 'border.hit.adjudicate',
      purpose: 'border_control',
      targetType: 'person',
      targetId: person.personId,
      details: { entryId: entry.id, entryVersion: entry.version, listId: entry.list_id, outcome: body.outcome, reason: body.reason },
    });
  });
  return { id, personId: person.personId, entryId: entry.id, entryVersion: entry.version, outcome: body.outcome, reason: body.reason, by: displayName(auth), at: at.toISOString() };
}

/** An adjudication made at an edge node, as the node delivers it (ADR 0514). */
export interface DeliveredAdjudication {
  id: string;
  /** The node's crossing (delivered before) whose person, as the centre linked it, was adjudicated. */
  crossingId: string;
  entryId: string;
  entryVersion: number;
  outcome: 'true_hit' | 'false_hit';
  reason: string;
  officer: { id: string; name: string };
  at: string;
}

/**
 * Records at the centre an adjudication made at an edge node (ADR 0514). The node's person is its own, so
 * the judgement goes to the person the centre linked to the node's crossing. The entry version is the one
 * the officer saw: if the entry has changed since, the adjudication is kept and, as for any older version,
 * no longer suppresses the hit. A repeated delivery answers the first result (marked `idempotent-replayed`)
 * and writes nothing; the same id with another content is refused. `alsoInTx` writes the delivery's own
 * record (the edge module's).
 */
export async function recordDeliveredAdjudication(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, d: DeliveredAdjudication, reply: FastifyReply, alsoInTx: (tx: Queryable) => Promise<void>) {
  type Row = { id: string; person_id: string; entry_id: string; entry_version: number; outcome: 'true_hit' | 'false_hit'; reason: string; by_id: string; by_name: string; at: Date };
  const answer = (r: Row) => ({ id: r.id, personId: r.person_id, crossingId: d.crossingId, entryId: r.entry_id, entryVersion: r.entry_version, outcome: r.outcome, reason: r.reason, by: r.by_name, at: new Date(r.at).toISOString() });
  const stored = (await deps.db.query<Row>('SELECT id, person_id, entry_id, entry_version, outcome, reason, by_id, by_name, at FROM border_adjudications WHERE id = $1', [d.id])).rows[0];
  if (stored) {
    const same = stored.entry_id === d.entryId && stored.entry_version === d.entryVersion && stored.outcome === d.outcome && stored.reason === d.reason && stored.by_id === d.officer.id;
    if (!same) throw new DomainError('BORDER.ADJUDICATION_ID_REUSED', 'conflict', `Adjudication ${d.id} was delivered before with other content`);
    void reply.header('idempotent-replayed', 'true');
    return answer(stored);
  }
  const crossing = await repo.findCrossing(deps.db, d.crossingId);
  if (!crossing) throw notFound('Crossing', 'BORDER.CROSSING_NOT_FOUND');
  if (!access.can(auth.actor, 'border.crossing.record', { jurisdictionPath: crossing.jurisdiction_path })) {
    throw new DomainError('BORDER.CROSSING_OUT_OF_SCOPE', 'conflict', 'The crossing was not recorded at a post this token serves');
  }
  if (!crossing.person_id) {
    throw new DomainError('BORDER.CROSSING_WITHOUT_PERSON', 'conflict', 'The centre linked no person to this crossing, so the adjudication cannot be applied here');
  }
  const entry = await findEntry(deps.db, d.entryId);
  if (!entry) throw notFound('List entry', 'BORDER.ENTRY_NOT_FOUND');
  if (d.entryVersion > entry.version) {
    throw new DomainError('BORDER.ENTRY_VERSION_UNKNOWN', 'conflict', `The entry is at version ${entry.version} here; the node adjudicated version ${d.entryVersion}`);
  }
  const row: Row = { id: d.id, person_id: crossing.person_id, entry_id: entry.id, entry_version: d.entryVersion, outcome: d.outcome, reason: d.reason, by_id: d.officer.id, by_name: d.officer.name, at: new Date(d.at) };
  await deps.db.tx(async (tx) => {
    await tx.query(
      `INSERT INTO border_adjudications (id, person_id, entry_id, entry_version, outcome, reason, by_id, by_name, at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
      [row.id, row.person_id, row.entry_id, row.entry_version, row.outcome, row.reason, row.by_id, row.by_name, row.at],
    );
    await alsoInTx(tx);
    await audit(tx, origin, {
      action: 'border.hit.adjudicate',
      purpose: 'border_control',
      targetType: 'person',
      targetId: row.person_id,
      details: { entryId: entry.id, entryVersion: d.entryVersion, listId: entry.list_id, outcome: d.outcome, reason: d.reason, deliveredFor: { crossingId: crossing.id, officer: d.officer, at: d.at } },
    });
  });
  return answer(row);
}
