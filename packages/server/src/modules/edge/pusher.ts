import type { AppDeps } from '../../app-deps.ts';
import { audit } from '../audit/index.ts';
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
  const result: PushResult = { delivered: 0, rejected: 0, failure: null };
  for (;;) {
    const rows = await pendingCrossings(deps.db, BATCH);
    if (rows.length === 0) return result;
    for (const row of rows) {
      let answer;
      try {
        answer = await client.request('POST', '/api/edge/crossings', deliveryBody(nodeId, row), { 'idempotency-key': `${nodeId}:${row.seq}` });
      } catch (e) {
        if (!(e instanceof CentreUnreachable)) throw e;
        await noteError(deps.db, deps.clock.now(), e.message);
        return { ...result, failure: e.message };
      }
      const now = deps.clock.now();
      const code = (answer.body as { error?: { code?: string } } | null)?.error?.code;
      if (answer.status === 200 || answer.status === 201) {
        await markDelivered(deps.db, row.seq, now, answer.body);
        await noteContact(deps.db, now);
        result.delivered++;
      } else if (isTransient(answer.status, code)) {
        const why = describeAnswer(answer);
        await markAttempt(deps.db, row.seq, why);
        await noteError(deps.db, now, why);
        return { ...result, failure: why };
      } else {
        const why = describeAnswer(answer);
        await deps.db.tx(async (tx) => {
          await markRejected(tx, row.seq, why, answer.body);
          await audit(tx, { auth: null, clientIp: null, requestId: null, at: now }, {
            action: 'edge.push.rejected',
            purpose: 'border_control',
            actor: { type: 'system', id: null, name: `edge:${nodeId}` },
            targetType: 'crossing',
            targetId: row.crossing_id,
            outcome: 'failure',
            details: { seq: Number(row.seq), answer: why },
          });
        });
        await noteContact(deps.db, now);
        result.rejected++;
      }
    }
  }
}
