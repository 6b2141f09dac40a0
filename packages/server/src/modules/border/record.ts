import type { FastifyReply } from 'fastify';
import { checkSupersede, decideIdempotency, idempotencyKeyProblem, parseCrossing, parseInstant, requestHash } from '@kamurj/domain/border';
import { DomainError, validationError } from '@kamurj/domain/kernel';
import { access } from '@kamurj/domain';
import type { AppDeps, EdgeDelivery } from '../../app-deps.ts';
import type { AuthContext } from '../../http/auth-context.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { timeOrderedUuid } from '../../lib/ids.ts';
import type { AuditOrigin } from '../audit/index.ts';
import { assess } from './assess.ts';
import { pointFor } from './context.ts';
import { ClaimLost, replayedAnswer, writeGrouped } from './crossing-writer.ts';
import * as repo from './crossings-repository.ts';
import { agencyIdsByCode } from './handovers-repository.ts';
import type { CrossingBody } from './schemas.ts';
import { borderReference } from './settings.ts';

/**
 * Records a crossing (issue 4 §2): validated by the domain (`parseCrossing`: refusal codes, "other" needs
 * text, second line needs a reason, transport shapes), written with its stay position, handovers and audit
 * row in one transaction. Idempotent per sender and `Idempotency-Key`: a replay answers the first result
 * and writes nothing; the same key with another request is 409. Corrections supersede, never edit.
 */
const FUTURE_SLACK_MS = 5 * 60_000;

export async function recordCrossing(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, body: CrossingBody, key: string | undefined, reply: FastifyReply, delivery?: EdgeDelivery) {
  const problem = idempotencyKeyProblem(key, 'headers.idempotency-key');
  if (problem) throw validationError([problem]);
  // An edge node's crossings are keyed `nodeId:seq` in the node's own scope, whichever token delivers them (ADR 0503).
  const scope = delivery ? `edge:${delivery.nodeId}` : `${auth.actor.kind}:${auth.actor.id}`;
  const hash = requestHash(body);
  // A first delivery (nearly every request) does not read its key first: the write claims it in the same
  // transaction, and a lost claim or any failure makes the next attempt look (ADR 0507). A replay then
  // answers the first result; what the failed attempt wrote was rolled back with it.
  for (let attempt = 0; ; attempt++) {
    if (attempt > 0) {
      const stored = await repo.findIdempotent(deps.db, scope, key!);
      const decision = decideIdempotency(stored ? { requestHash: stored.request_hash, state: stored.state } : undefined, hash);
      if (decision.kind === 'replay') {
        void reply.header('idempotent-replayed', 'true');
        void reply.status(stored!.status ?? 201);
        return replayedAnswer(deps.db, stored!.response);
      }
      if (decision.kind === 'conflict') throw new DomainError(decision.code, 'conflict', decision.message);
      if (decision.kind === 'in_progress') throw new DomainError(decision.code, 'conflict', 'The first delivery of this request is still being processed; retry shortly');
    }
    try {
      return await writeCrossing(deps, origin, auth, body, { scope, key: key!, hash }, delivery);
    } catch (e) {
      if (e instanceof ClaimLost && attempt < 3) continue;
      // A repeated request can fail where its first delivery succeeded (a correction of a record it has
      // corrected already): the stored answer decides.
      if (attempt === 0 && (await repo.findIdempotent(deps.db, scope, key!))) continue;
      // Two corrections of one record racing: the unique index on `supersedes` lets one through.
      if ((e as { code?: unknown }).code === '23505' && body.supersedes) {
        throw new DomainError('BORDER.ALREADY_SUPERSEDED', 'conflict', 'This crossing was corrected at the same moment by someone else; reload it');
      }
      throw e;
    }
  }
}

async function writeCrossing(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, body: CrossingBody, idem: { scope: string; key: string; hash: string }, delivery?: EdgeDelivery) {
  // Settings, crossing points and list versions in one read for the whole request (ADR 0507).
  const reference = await borderReference(deps.db);
  const point = await pointFor(deps, auth, body.crossingPoint, 'border.crossing.record', reference);
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

  const a = await assess(deps, auth, point, { direction: body.direction, mrz: body.mrz, manual: body.manual, personId: body.personId ?? undefined, at, ...(target ? { excludeCrossing: target.id } : {}), recording: true, reference });
  // Time-ordered: a busy post's crossings go to the end of the primary-key index (ADR 0508).
  const id = delivery?.crossingId ?? timeOrderedUuid(now.getTime());
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
  return writeGrouped({ deps, origin, auth, body, idem, delivery, point, now, record: parsed.value, assessment: a, target, agencyIds, listHits });
}
