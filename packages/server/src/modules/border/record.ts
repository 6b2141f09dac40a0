import { randomUUID } from 'node:crypto';
import type { FastifyReply } from 'fastify';
import { checkSupersede, decideIdempotency, idempotencyKeyProblem, parseCrossing, parseInstant, requestHash } from '@kamurj/domain/border';
import { DomainError, validationError } from '@kamurj/domain/kernel';
import { access } from '@kamurj/domain';
import type { AppDeps, EdgeDelivery } from '../../app-deps.ts';
import type { AuthContext } from '../../http/auth-context.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { audit, type AuditOrigin } from '../audit/index.ts';
import { registerDocumentHolder } from '../persons/index.ts';
import { assess, historyHits } from './assess.ts';
import { displayName, pointFor } from './context.ts';
import * as repo from './crossings-repository.ts';
import { agencyIdsByCode, handoversOfCrossings, insertHandover } from './handovers-repository.ts';
import { presentCrossing, presentHandover } from './presenter.ts';
import type { CrossingBody } from './schemas.ts';
import { computeStay, movementsOf, saveStayPosition } from './stay.ts';

/**
 * Records a crossing (issue 4 §2): validated by the domain (`parseCrossing`: refusal codes, "other" needs
 * text, second line needs a reason, transport shapes), written with its stay position, handovers and audit
 * row in one transaction. Idempotent per sender and `Idempotency-Key`: a replay answers the first result
 * and writes nothing; the same key with another request is 409. Corrections supersede, never edit.
 */
const FUTURE_SLACK_MS = 5 * 60_000;

class ClaimLost extends Error {}

export async function recordCrossing(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, body: CrossingBody, key: string | undefined, reply: FastifyReply, delivery?: EdgeDelivery) {
  const problem = idempotencyKeyProblem(key, 'headers.idempotency-key');
  if (problem) throw validationError([problem]);
  // An edge node's crossings are keyed `nodeId:seq` in the node's own scope, whichever token delivers them (ADR 0503).
  const scope = delivery ? `edge:${delivery.nodeId}` : `${auth.actor.kind}:${auth.actor.id}`;
  const hash = requestHash(body);
  for (let attempt = 0; ; attempt++) {
    const stored = await repo.findIdempotent(deps.db, scope, key!);
    const decision = decideIdempotency(stored ? { requestHash: stored.request_hash, state: stored.state } : undefined, hash);
    if (decision.kind === 'replay') {
      void reply.header('idempotent-replayed', 'true');
      void reply.status(stored!.status ?? 201);
      return stored!.response;
    }
    if (decision.kind === 'conflict') throw new DomainError(decision.code, 'conflict', decision.message);
    if (decision.kind === 'in_progress') throw new DomainError(decision.code, 'conflict', 'The first delivery of this request is still being processed; retry shortly');
    try {
      return await writeCrossing(deps, origin, auth, body, { scope, key: key!, hash }, delivery);
    } catch (e) {
      if (e instanceof ClaimLost && attempt < 3) continue;
      // Two corrections of one record racing: the unique index on `supersedes` lets one through.
      if ((e as { code?: unknown }).code === '23505' && body.supersedes) {
        throw new DomainError('BORDER.ALREADY_SUPERSEDED', 'conflict', 'This crossing was corrected at the same moment by someone else; reload it');
      }
      throw e;
    }
  }
}

async function writeCrossing(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, body: CrossingBody, idem: { scope: string; key: string; hash: string }, delivery?: EdgeDelivery) {
  const point = await pointFor(deps, auth, body.crossingPoint);
  const now = deps.clock.now();
  const at = body.occurredAt === undefined ? now : new Date(parseInstant(body.occurredAt) ?? Number.NaN);
  if (Number.isNaN(at.getTime())) throw validationError([{ field: 'body.occurredAt', code: 'BORDER.INVALID_INSTANT', message: 'Expected an ISO 8601 instant with Z or an offset' }]);
  // A post's clock may run ahead of the centre's: its crossing is kept as the post recorded it (ADR 0503).
  if (!delivery && at.getTime() > now.getTime() + FUTURE_SLACK_MS) throw validationError([{ field: 'body.occurredAt', code: 'BORDER.IN_FUTURE', message: 'A crossing cannot be recorded in the future' }]);

  let target: repo.CrossingRow | undefined;
  if (body.supersedes) {
    target = await repo.findCrossing(deps.db, body.supersedes.id);
    if (!target) throw notFound('Crossing', 'BORDER.SUPERSEDES_UNKNOWN');
    const mayCorrect = access.can(auth.actor, 'border.crossing.record', { jurisdictionPath: target.jurisdiction_path }) || access.can(auth.actor, 'border.crossing.supervise', { jurisdictionPath: target.jurisdiction_path });
    if (!mayCorrect) throw forbidden();
    const existing = [{ id: target.id, occurredAt: target.occurred_at.toISOString() }, ...(target.superseded_by ? [{ id: target.superseded_by, occurredAt: '', supersedes: { id: target.id, reason: '' } }] : [])];
    const ok = checkSupersede(existing, { id: 'new', supersedes: body.supersedes });
    if (!ok.ok) throw new DomainError(ok.code, 'conflict', ok.message);
  }

  const a = await assess(deps, auth, point, { direction: body.direction, mrz: body.mrz, manual: body.manual, personId: body.personId ?? undefined, at, ...(target ? { excludeCrossing: target.id } : {}), recording: true });
  const id = delivery?.crossingId ?? randomUUID();
  const chosen = body.personId === undefined ? (a.person?.personId ?? null) : body.personId;
  const parsed = parseCrossing(
    {
      id,
      direction: body.direction,
      crossingPoint: point.code,
      occurredAt: at.toISOString(),
      officerId: delivery?.officer.id ?? auth.actor.id,
      personId: chosen,
      document: a.crossingDocument,
      decision: body.decision,
      ...(body.refusal ? { refusal: body.refusal } : {}),
      ...(body.reason ? { reason: body.reason } : {}),
      ...(body.transport ? { transport: body.transport } : {}),
      ...(body.purpose ? { purpose: body.purpose } : {}),
      ...(body.declaredAddress ? { declaredAddress: body.declaredAddress } : {}),
      ...(body.supersedes ? { supersedes: body.supersedes } : {}),
    },
    { timeZone: point.timeZone },
  );
  if (!parsed.ok) throw validationError(parsed.issues.map((i) => ({ ...i, field: i.field.startsWith('document') ? 'body.mrz' : `body.${i.field}` })));
  const settings = a.settings;
  // Agencies are read only when the officer refers the traveller (most crossings have no referral).
  const agencyIds = body.referrals?.length ? await agencyIdsByCode(deps.db, Object.values(settings.referrals)) : new Map<string, string>();
  for (const r of body.referrals ?? []) {
    if (!agencyIds.get(settings.referrals[r.kind])) throw new DomainError('BORDER.NO_RECEIVING_AGENCY', 'validation', `No agency ${settings.referrals[r.kind]} receives ${r.kind} referrals`, { issues: [{ field: 'body.referrals', code: 'BORDER.NO_RECEIVING_AGENCY', message: 'Not configured' }] });
  }
  const listHits = a.hits.map((h) => ({ source: h.source, entryId: h.entryId, entryVersion: h.entryVersion, score: h.score, action: h.action }));

  return deps.db.tx(async (tx) => {
    let personId = parsed.value.personId;
    let registered: string | null = null;
    if (personId === null && body.registerPerson) {
      const r = await registerDocumentHolder(tx, origin, auth, { record: a.documentRecord, jurisdictionPath: point.jurisdictionPath, at: now, autoMergeThreshold: deps.config.autoMergeThreshold, crossingId: id, found: a.found ?? undefined });
      personId = r.personId;
      registered = r.personId;
    }
    const record = { ...parsed.value, personId };
    // The stay after this crossing: the person's current records without the corrected one, plus this one.
    const earlier = personId ? (await repo.crossingsForStay(tx, personId)).filter((r) => r.id !== target?.id) : [];
    // Earlier refusals and overstays of the person, from this one read (ADR 0506); of the assessed person
    // or document otherwise.
    const history = a.historyDeferred ? (personId === a.person?.personId ? historyHits(earlier).hits : []) : a.history;
    const hits = [...listHits, ...history.map((h) => ({ source: h.source, crossingId: h.crossingId }))];
    const date = record.local.date;
    const movements = [...movementsOf(earlier), ...(record.decision === 'admit' ? [{ direction: record.direction, date }] : [])];
    const lastDate = [date, ...earlier.map((r) => r.local_date)].sort().at(-1) ?? date;
    const stay = computeStay(a.stay.facts, movements, lastDate);
    const row = await repo.insertCrossing(tx, { ...record, jurisdictionPath: point.jurisdictionPath, officerName: delivery?.officer.name ?? displayName(auth), nationality: a.document.nationality, hits, recordedAt: now, stay: stay.position });
    if (personId) {
      const latest = [
        ...earlier.filter((r) => !r.superseded_by).map((r) => ({ id: r.id, direction: r.direction, occurredAt: r.occurred_at.toISOString(), crossingPoint: r.crossing_point })),
        { id, direction: record.direction, occurredAt: record.occurredAt, crossingPoint: record.crossingPoint },
      ].sort((x, y) => (x.occurredAt < y.occurredAt ? -1 : x.occurredAt > y.occurredAt ? 1 : 0)).at(-1)!;
      await saveStayPosition(tx, personId, latest, stay, now);
    }
    for (const r of body.referrals ?? []) {
      const code = settings.referrals[r.kind];
      await insertHandover(tx, { id: randomUUID(), crossingId: id, personId, kind: r.kind, agencyId: agencyIds.get(code)!, agencyCode: code, crossingPoint: point.code, note: r.note ?? null, at: now, by: auth.actor.id, byName: displayName(auth) });
    }
    const warnings = (await deps.onCrossingRecorded?.(tx, { id, occurredAt: record.occurredAt, recordedAt: now, crossingPoint: point.code, document: { number: record.document.number, issuingState: record.document.issuingState }, personId, supersedes: body.supersedes?.id ?? null, officer: { id: record.officerId, name: delivery?.officer.name ?? displayName(auth) }, body, delivery })) ?? [];
    const response = {
      crossing: presentCrossing(row),
      registeredPerson: registered,
      stay: { status: stay.facts.status, position: stay.position, lastLawfulDay: stay.lastLawfulDay },
      handovers: body.referrals?.length ? (await handoversOfCrossings(tx, [id])).map(presentHandover) : [],
      ...(warnings.length ? { warnings } : {}),
    };
    // The key is stored with the answer in the same transaction (one statement): a second delivery racing
    // this one waits on the key's row and, when this commits, loses the claim and replays this answer.
    if (!(await repo.storeIdempotent(tx, idem.scope, idem.key, idem.hash, now, 201, response))) throw new ClaimLost();
    // Last, so the audit chain's head row (locked until commit; every audited write waits for it) is held
    // for as short a time as possible (ADR 0505).
    await audit(tx, origin, {
      action: body.supersedes ? 'border.crossing.correct' : 'border.crossing.record',
      purpose: 'border_control',
      targetType: 'crossing',
      targetId: id,
      details: {
        personId,
        registeredPerson: registered,
        crossingPoint: point.code,
        direction: record.direction,
        decision: record.decision,
        refusal: record.refusal?.code ?? null,
        supersedes: body.supersedes ?? null,
        hits: hits.length,
        referrals: (body.referrals ?? []).map((r) => r.kind),
        idempotencyKey: idem.key,
        ...(delivery ? { edgeNode: delivery.nodeId, edgeSeq: delivery.seq, officerId: delivery.officer.id, clockWarning: delivery.clockWarning } : {}),
        ...(warnings.length ? { warnings: warnings.map((w) => w.code) } : {}),
      },
    });
    return response;
  });
}

