import { createHash, randomUUID } from 'node:crypto';
import { normaliseDocumentNumber } from '@kamurj/domain/border';
import { DomainError, validationError } from '@kamurj/domain/kernel';
import type { FastifyReply } from 'fastify';
import type { AppDeps } from '../../app-deps.ts';
import type { AuthContext } from '../../http/auth-context.ts';
import { requireCan } from '../../http/access.ts';
import { notFound } from '../../http/errors.ts';
import { audit, type AuditOrigin } from '../audit/index.ts';
import { readPersonForBorder } from '../persons/index.ts';
import { fileAirport, manualDocumentOf, parseUpload, settleManifest, type ManifestUpload } from './apis-manifest.ts';
import { inputOf, presentManifest, presentPassenger, presentPreScreen } from './apis-presenter.ts';
import * as repo from './apis-repository.ts';
import { assess } from './assess.ts';
import { displayName, localDate, pointFor } from './context.ts';
import { findEntry, listVersions } from './lists-repository.ts';
import { LIST_IDS, type CrossingPoint } from './settings.ts';

/**
 * Advance passenger information (issue 4 §3, ADR 0504): manifests uploaded before a flight arrives are
 * pre-screened passenger by passenger with the console's own check (`assess`: person match, list hits with
 * the person's adjudication memory, document-list hits, earlier refusals and overstays), stored, re-screened
 * when a list changes before arrival, adjudicated hit by hit, and shown on the arrival point's console.
 */
const DAY = 86_400_000;
const shiftDay = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The pre-screen looks as a border officer of the arrival point would at the console: national person
 * search, protected persons masked. It does not depend on who uploaded the file (an officer, a supervisor
 * or an airline gateway token that may not read persons at all).
 */
function screeningAuth(auth: AuthContext, point: CrossingPoint): AuthContext {
  return {
    actor: { kind: 'user', id: `apis:${point.code}`, agencyId: auth.actor.agencyId, roles: ['border_officer'], scopes: [point.jurisdictionPath] },
    actorName: `apis-prescreen:${point.code}`,
    agencyCode: auth.agencyCode,
    user: null,
    token: null,
    session: null,
  };
}

async function currentVersions(deps: AppDeps): Promise<Record<string, number>> {
  const v = await listVersions(deps.db);
  return Object.fromEntries(Object.values(LIST_IDS).map((id) => [id, v.get(id) ?? 0]));
}
const sameVersions = (a: Record<string, number>, b: Record<string, number>) => Object.values(LIST_IDS).every((id) => (a[id] ?? 0) === (b[id] ?? 0));

/** One traveller through the console check, on the arrival date (noon UTC falls on that date in the zones served). */
async function screenPassenger(deps: AppDeps, sAuth: AuthContext, point: CrossingPoint, p: repo.PassengerInput, arrivalDate: string): Promise<repo.Screened> {
  const a = await assess(deps, sAuth, point, { direction: 'entry', manual: manualDocumentOf(p), at: new Date(`${arrivalDate}T12:00:00Z`) });
  return {
    person: a.person ? { id: a.person.personId, masked: a.person.masked, score: a.person.score, sameDocument: a.person.sameDocument } : null,
    hits: a.hits,
    suppressed: a.suppressed,
    history: a.history,
  };
}

async function screenAll(deps: AppDeps, auth: AuthContext, point: CrossingPoint, passengers: readonly repo.PassengerInput[], arrivalDate: string) {
  const sAuth = screeningAuth(auth, point);
  const out: repo.Screened[] = [];
  for (const p of passengers) out.push(await screenPassenger(deps, sAuth, point, p, arrivalDate));
  return out;
}

class AlreadyStored extends Error {}

async function summary(deps: AppDeps, m: repo.ManifestRow, replayed: boolean) {
  const counts = await repo.countsOf(deps.db, [m.id]);
  return { manifest: presentManifest(m, counts.get(m.id)), errors: m.errors, warnings: m.warnings, replayed };
}

/**
 * Upload: parse, place (flight, arrival, crossing point), pre-screen, store in one transaction with the
 * audit row. The same file again for the same point is a replay (200, nothing written); another file for
 * the same flight and arrival date supersedes the current manifest.
 */
export async function uploadManifest(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, body: ManifestUpload, reply: FastifyReply) {
  requireCan(auth.actor, 'border.apis.submit');
  const now = deps.clock.now();
  const content = body.content.replace(/\r\n?/g, '\n');
  const raw = parseUpload({ ...body, content }, now.toISOString().slice(0, 10));
  const airports = await repo.airportCodes(deps.db);
  let code = body.crossingPoint;
  if (code === undefined) {
    const iata = fileAirport(raw);
    code = [...airports].find(([, i]) => i === iata)?.[0];
    if (code === undefined) {
      const message = iata ? `No crossing point has the airport code ${iata}: give the crossing point` : 'The file names no arrival airport: give the crossing point';
      throw validationError([{ field: 'body.crossingPoint', code: 'BORDER.APIS_NO_CROSSING_POINT', message }], message);
    }
  }
  const point = await pointFor(deps, auth, code, 'border.apis.submit');
  const hash = sha256(content.trim());
  const replay = async () => {
    const existing = await repo.findByContent(deps.db, point.code, hash);
    if (!existing) return null;
    // A replay answers 200 (the route's own status is 201 for a new manifest).
    return reply.status(200).send(await summary(deps, existing, true));
  };
  const earlier = await replay();
  if (earlier) return earlier;

  const m = settleManifest(raw, body, airports.get(point.code) ?? null);
  const versions = await currentVersions(deps);
  const screened = await screenAll(deps, auth, point, m.passengers, m.arrivalDate);
  const rows = m.passengers.map((input, n) => ({ id: randomUUID(), input, screened: screened[n]! }));
  const id = randomUUID();
  const row: Omit<repo.ManifestRow, 'superseded_by'> = {
    id,
    crossing_point: point.code,
    jurisdiction_path: point.jurisdictionPath,
    format: m.format,
    flight_number: m.flight,
    carrier: m.carrier,
    departure_airport: m.departureAirport,
    arrival_airport: m.arrivalAirport,
    scheduled_arrival: m.scheduledArrival,
    arrival_date: m.arrivalDate,
    content_hash: hash,
    source_ref: m.sourceRef,
    rows_read: m.rowsRead,
    passenger_count: rows.length,
    errors: m.errors,
    warnings: m.warnings,
    list_versions: versions,
    screened_at: now,
    uploaded_at: now,
    uploaded_by: auth.actor.id,
    uploaded_by_name: displayName(auth),
  };
  try {
    await deps.db.tx(async (tx) => {
      const previous = await repo.supersedeCurrent(tx, point.code, m.flight, m.arrivalDate, id);
      if (!(await repo.insertManifest(tx, row))) throw new AlreadyStored();
      await repo.insertPassengers(tx, id, rows, now);
      await audit(tx, origin, {
        action: 'border.apis.upload',
        purpose: 'border_control',
        targetType: 'apis_manifest',
        targetId: id,
        details: {
          crossingPoint: point.code,
          flight: m.flight,
          scheduledArrival: m.scheduledArrival,
          format: m.format,
          passengers: rows.length,
          withHits: rows.filter((r) => r.screened.hits.length > 0).map((r) => r.id),
          brokenRows: m.errors.length,
          supersedes: previous,
        },
      });
    });
  } catch (e) {
    if (e instanceof AlreadyStored) return (await replay())!;
    if ((e as { code?: unknown }).code === '23505') throw new DomainError('BORDER.APIS_CONCURRENT_UPLOAD', 'conflict', 'Another manifest for this flight was stored at the same moment; upload again');
    throw e;
  }
  return summary(deps, (await repo.findManifest(deps.db, id))!, false);
}

/**
 * Re-screens the current manifests of a point arriving from yesterday on whose lists changed since they were
 * screened (checked on every read, so nobody needs to remember to do it). Audited per manifest.
 */
async function refreshStale(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, point: CrossingPoint): Promise<void> {
  const versions = await currentVersions(deps);
  const today = localDate(deps.clock.now(), point.timeZone);
  const stale = (await repo.upcomingManifests(deps.db, point.code, shiftDay(today, -1))).filter((m) => !sameVersions(m.list_versions, versions));
  for (const m of stale) {
    const passengers = await repo.passengersOf(deps.db, m.id);
    const screened = await screenAll(deps, auth, point, passengers.map(inputOf), m.arrival_date);
    const results = passengers.map((p, n) => ({ id: p.id, screened: screened[n]! }));
    const at = deps.clock.now();
    await deps.db.tx(async (tx) => {
      await repo.updateScreening(tx, m.id, results, versions, at);
      await audit(tx, origin, {
        action: 'border.apis.rescreen',
        purpose: 'border_control',
        targetType: 'apis_manifest',
        targetId: m.id,
        details: { from: m.list_versions, to: versions, withHits: results.filter((r) => r.screened.hits.length > 0).map((r) => r.id) },
      });
    });
  }
}

export async function listManifests(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, q: { crossingPoint: string; from?: string | undefined; to?: string | undefined; limit: number; offset: number }) {
  const point = await pointFor(deps, auth, q.crossingPoint);
  await refreshStale(deps, origin, auth, point);
  const today = localDate(deps.clock.now(), point.timeZone);
  const from = q.from ?? shiftDay(today, -1);
  const to = q.to ?? shiftDay(today, 7);
  const { rows, total } = await repo.listManifests(deps.db, { crossingPoint: point.code, from, to, limit: q.limit, offset: q.offset });
  const counts = await repo.countsOf(deps.db, rows.map((r) => r.id));
  await deps.db.tx((tx) =>
    audit(tx, origin, { action: 'border.apis.list', purpose: 'border_control', targetType: 'apis_manifest', details: { crossingPoint: point.code, from, to, returned: rows.map((r) => r.id) } }),
  );
  return { items: rows.map((r) => presentManifest(r, counts.get(r.id))), total, from, to };
}

async function readableManifest(deps: AppDeps, auth: AuthContext, id: string) {
  const m = await repo.findManifest(deps.db, id);
  if (!m) throw notFound('Manifest', 'BORDER.APIS_MANIFEST_NOT_FOUND');
  const point = await pointFor(deps, auth, m.crossing_point);
  return { m, point };
}

/** One manifest with every passenger's pre-screen (audited: it names travellers). */
export async function getManifest(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, id: string) {
  const { point } = await readableManifest(deps, auth, id);
  await refreshStale(deps, origin, auth, point);
  const m = (await repo.findManifest(deps.db, id))!;
  const passengers = await repo.passengersOf(deps.db, id);
  const adjudications = await repo.adjudicationsOf(deps.db, passengers.filter((p) => p.hit_count > 0).map((p) => p.id));
  const counts = await repo.countsOf(deps.db, [id]);
  await deps.db.tx((tx) =>
    audit(tx, origin, { action: 'border.apis.read', purpose: 'border_control', targetType: 'apis_manifest', targetId: id, details: { flight: m.flight_number, passengers: passengers.length } }),
  );
  return { manifest: presentManifest(m, counts.get(id)), errors: m.errors, warnings: m.warnings, passengers: passengers.map((p) => presentPassenger(p, adjudications)) };
}

/** The console panel: travellers on flights due at the point (yesterday to tomorrow) with hits or history. */
export async function expectedArrivals(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, q: { crossingPoint: string }) {
  const point = await pointFor(deps, auth, q.crossingPoint);
  await refreshStale(deps, origin, auth, point);
  const today = localDate(deps.clock.now(), point.timeZone);
  const [from, to] = [shiftDay(today, -1), shiftDay(today, 1)];
  const flagged = await repo.flaggedArrivals(deps.db, point.code, from, to, 200);
  const { rows } = await repo.listManifests(deps.db, { crossingPoint: point.code, from, to, limit: 200, offset: 0 });
  const counts = await repo.countsOf(deps.db, rows.map((r) => r.id));
  const adjudications = await repo.adjudicationsOf(deps.db, flagged.map((p) => p.id));
  await deps.db.tx((tx) =>
    audit(tx, origin, { action: 'border.apis.arrivals', purpose: 'border_control', targetType: 'apis_passenger', details: { crossingPoint: point.code, from, to, returned: flagged.map((p) => p.id) } }),
  );
  return {
    from,
    to,
    flights: rows.map((r) => presentManifest(r, counts.get(r.id))),
    travellers: flagged.map((p) => ({ ...presentPassenger(p, adjudications), manifestId: p.manifest_id, flight: p.flight_number, scheduledArrival: p.scheduled_arrival })),
  };
}

/** An officer's judgement of a pre-screen hit; for a known person it also enters the person's adjudication memory. */
export async function adjudicatePassenger(
  deps: AppDeps,
  origin: AuditOrigin,
  auth: AuthContext,
  passengerId: string,
  body: { entryId: string; entryVersion: number; outcome: 'true_hit' | 'false_hit'; reason: string },
) {
  requireCan(auth.actor, 'border.crossing.record');
  if (!auth.user) throw new DomainError('BORDER.ADJUDICATION_BY_PERSON', 'forbidden', 'Hits are adjudicated by an officer, not a machine token');
  const p = await repo.findPassenger(deps.db, passengerId);
  if (!p) throw notFound('Passenger', 'BORDER.APIS_PASSENGER_NOT_FOUND');
  requireCan(auth.actor, 'border.crossing.record', { jurisdictionPath: p.jurisdiction_path });
  if (!p.hits.some((h) => h.entryId === body.entryId && h.entryVersion === body.entryVersion)) {
    throw new DomainError('BORDER.APIS_NO_SUCH_HIT', 'conflict', 'This traveller has no pre-screen hit on that entry version; open the manifest again');
  }
  const entry = await findEntry(deps.db, body.entryId);
  if (!entry || entry.version !== body.entryVersion) {
    throw new DomainError('CONFLICT.STALE_VERSION', 'conflict', 'The entry changed since the hit was shown; open the manifest again', { current: { version: entry?.version ?? null } });
  }
  const person = p.person_id ? await readPersonForBorder(deps, auth, p.person_id) : null;
  const a: repo.AdjudicationRow = { id: randomUUID(), passenger_id: p.id, entry_id: entry.id, entry_version: entry.version, outcome: body.outcome, reason: body.reason, by_id: auth.actor.id, by_name: displayName(auth), at: deps.clock.now() };
  await deps.db.tx(async (tx) => {
    await repo.insertAdjudication(tx, a);
    if (person) {
      const id = randomUUID();
      await tx.query(
        `INSERT INTO border_adjudications (id, person_id, entry_id, entry_version, outcome, reason, by_id, by_name, at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
        [id, person.personId, a.entry_id, a.entry_version, a.outcome, a.reason, a.by_id, a.by_name, a.at],
      );
      await deps.onHitAdjudicated?.(tx, { id, at: a.at });
    }
    await audit(tx, origin, {
      action: 'border.apis.adjudicate',
      purpose: 'border_control',
      targetType: 'apis_passenger',
      targetId: p.id,
      details: { personId: person?.personId ?? null, entryId: entry.id, entryVersion: entry.version, listId: entry.list_id, outcome: body.outcome, reason: body.reason },
    });
  });
  return presentPassenger(p, await repo.adjudicationsOf(deps.db, [p.id]));
}

/**
 * For the console check: the same document (normalised number and issuing state) on a current manifest of
 * this point arriving from the day before to the day after, with its pre-screen. Null when there is none.
 */
export async function preScreenNote(deps: AppDeps, point: CrossingPoint, doc: { number: string; issuingState: string }, date: string) {
  const p = await repo.findPreScreened(deps.db, point.code, normaliseDocumentNumber(doc.number), doc.issuingState, shiftDay(date, -1), shiftDay(date, 1));
  if (!p) return null;
  return presentPreScreen(p, await repo.adjudicationsOf(deps.db, [p.id]));
}
