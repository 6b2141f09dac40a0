import type { AppDeps } from '../../app-deps.ts';
import type { Queryable } from '../../db/client.ts';
import { audit } from '../audit/index.ts';
import { markAdjudicationAttempt, markAdjudicationDelivered, markAdjudicationRejected, pendingAdjudications, type PendingAdjudication } from './adjudication-outbox.ts';
import { CentreUnreachable, describeAnswer, type CentreClient } from './centre-client.ts';
import { noteContact, noteError } from './node-state.ts';
import { markAttempt, markDelivered, markRejected, pendingCrossings, type OutboxRow } from './outbox.ts';

/**
 * Pushes the outbox to the centre in sequence order (ADR 0503). Each crossing is sent with the key
 * `nodeId:seq`; the centre's idempotency makes a repeated delivery (after a timeout, a lost answer or a
 * crash between the centre's commit and ours) answer the first result without a second row, so marking
 * a row delivered only after the answer is safe. A transient failure stops the round (order is kept and
 * the next round retries); an answer that refuses the record itself parks that row as rejected.
 */
export interface PushResult {
  delivered: number;
  rejected: number;
  /** Adjudications made here (ADR 0514), sent after the crossings. */
  adjudications: { delivered: number; rejected: number };
  /** Set when the round stopped on a failure that a later round retries. */
  failure: string | null;
}

const BATCH = 50;

/** Answers that say nothing about the record: the link, the token or the centre itself. Retried. */
export function isTransient(status: number, code: string | undefined): boolean {
  if (status >= 500 || status === 401 || status === 403 || status === 408 || status === 429) return true;
  return status === 409 && code === 'BORDER.IDEMPOTENCY_IN_PROGRESS';
}

export function deliveryBody(nodeId: string, row: OutboxRow) {
  return {
    nodeId,
    seq: Number(row.seq),
    crossingId: row.crossing_id,
    officer: { id: row.officer_id, name: row.officer_name },
    recordedAt: new Date(row.recorded_at).toISOString(),
    clockWarning: row.clock_warning,
    crossing: row.payload,
  };
}

export async function pushOnce(deps: AppDeps, client: CentreClient, nodeId: string): Promise<PushResult> {
  const result: PushResult = { delivered: 0, rejected: 0, adjudications: { delivered: 0, rejected: 0 }, failure: null };
  for (;;) {
    const rows = await pendingCrossings(deps.db, BATCH);
    if (rows.length === 0) return pushAdjudications(deps, client, nodeId, result);
    for (const row of rows) {
      const outcome = await send(deps, client, () => client.request('POST', '/api/edge/crossings', deliveryBody(nodeId, row), { 'idempotency-key': `${nodeId}:${row.seq}` }), {
        delivered: (now, body) => markDelivered(deps.db, row.seq, now, body),
        attempt: (why) => markAttempt(deps.db, row.seq, why),
        rejected: (tx, now, why, body) => markRejected(tx, row.seq, why, body).then(() => auditRejection(tx, nodeId, now, 'crossing', row.crossing_id, { seq: Number(row.seq), answer: why })),
      });
      if (typeof outcome === 'object') return { ...result, failure: outcome.failure };
      result[outcome]++;
    }
  }
}

/** What to write for each kind of answer to one outbox row. */
interface Settle {
  delivered: (now: Date, body: unknown) => Promise<void>;
  attempt: (why: string) => Promise<void>;
  rejected: (tx: Queryable, now: Date, why: string, body: unknown) => Promise<unknown>;
}

/**
 * Sends one outbox row and settles it by the answer: delivered; a transient failure (the link, the token,
 * the centre itself) that stops the round; or a refusal of the record itself, parked and audited.
 */
async function send(deps: AppDeps, client: CentreClient, request: () => ReturnType<CentreClient['request']>, settle: Settle): Promise<'delivered' | 'rejected' | { failure: string }> {
  let answer;
  try {
    answer = await request();
  } catch (e) {
    if (!(e instanceof CentreUnreachable)) throw e;
    await noteError(deps.db, deps.clock.now(), e.message);
    return { failure: e.message };
  }
  const now = deps.clock.now();
  const code = (answer.body as { error?: { code?: string } } | null)?.error?.code;
  if (answer.status === 200 || answer.status === 201) {
    await settle.delivered(now, answer.body);
    await noteContact(deps.db, now);
    return 'delivered';
  }
  const why = describeAnswer(answer);
  if (isTransient(answer.status, code)) {
    await settle.attempt(why);
    await noteError(deps.db, now, why);
    return { failure: why };
  }
  await deps.db.tx((tx) => settle.rejected(tx, now, why, answer.body));
  await noteContact(deps.db, now);
  return 'rejected';
}

function auditRejection(tx: Queryable, nodeId: string, now: Date, targetType: 'crossing' | 'adjudication', targetId: string, details: Record<string, unknown>) {
  return audit(tx, { auth: null, clientIp: null, requestId: null, at: now }, {
    action: 'edge.push.rejected',
    purpose: 'border_control',
    actor: { type: 'system', id: null, name: `edge:${nodeId}` },
    targetType,
    targetId,
    outcome: 'failure',
    details,
  });
}

export function adjudicationBody(nodeId: string, a: PendingAdjudication, crossingId: string) {
  return {
    nodeId,
    adjudicationId: a.adjudication_id,
    crossingId,
    entryId: a.entry_id,
    entryVersion: a.entry_version,
    outcome: a.outcome,
    reason: a.reason,
    officer: { id: a.by_id, name: a.by_name },
    at: new Date(a.at).toISOString(),
  };
}

/**
 * Sends the adjudications made here once the crossings are all sent (ADR 0514). Each goes with its
 * person's latest crossing from this node, which the centre has accepted; one whose crossing is still
 * waiting waits too, and one whose crossing the centre refused is parked as rejected (nothing there
 * names the person). The centre keys them by their own id, so a repeated delivery is the same request.
 */
async function pushAdjudications(deps: AppDeps, client: CentreClient, nodeId: string, result: PushResult): Promise<PushResult> {
  for (;;) {
    const rows = await pendingAdjudications(deps.db, BATCH);
    if (rows.length === 0) return result;
    for (const a of rows) {
      const reject = (tx: Queryable, now: Date, why: string, body: unknown) =>
        markAdjudicationRejected(tx, a.adjudication_id, a.crossing_id, why, body).then(() => auditRejection(tx, nodeId, now, 'adjudication', a.adjudication_id, { crossingId: a.crossing_id, answer: why }));
      if (a.crossing_state === 'rejected') {
        const why = `The centre refused this person's latest crossing here (${a.crossing_id}), so the adjudication cannot be tied to a person there`;
        await deps.db.tx((tx) => reject(tx, deps.clock.now(), why, undefined));
        result.adjudications.rejected++;
        continue;
      }
      const outcome = await send(deps, client, () => client.request('POST', '/api/edge/adjudications', adjudicationBody(nodeId, a, a.crossing_id)), {
        delivered: (now, body) => markAdjudicationDelivered(deps.db, a.adjudication_id, a.crossing_id, now, body),
        attempt: (why) => markAdjudicationAttempt(deps.db, a.adjudication_id, why),
        rejected: reject,
      });
      if (typeof outcome === 'object') return { ...result, failure: outcome.failure };
      result.adjudications[outcome]++;
    }
  }
}
