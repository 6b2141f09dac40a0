import type { CrossingRecordedEvent } from '../../app-deps.ts';
import type { Queryable } from '../../db/client.ts';
import { clockWentBack } from './conflict-rule.ts';
import { nextSequence } from './node-state.ts';

/**
 * The edge node's outbox (ADR 0503). Every crossing recorded at the edge is appended in the transaction
 * that records it, with the next number of the node's own sequence: the idempotency key `nodeId:seq`
 * is fixed before the first delivery attempt, so a push repeated after a crash is the same request.
 */
export interface Warning {
  code: string;
  message: string;
}

export async function enqueueCrossing(tx: Queryable, nodeId: string, e: CrossingRecordedEvent): Promise<Warning[]> {
  const { seq, previous } = await nextSequence(tx, nodeId, e.recordedAt);
  const back = clockWentBack(previous, e.recordedAt);
  await tx.query(
    `INSERT INTO edge_outbox (seq, crossing_id, payload, officer_id, officer_name, recorded_at, clock_warning) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [seq, e.id, JSON.stringify(centrePayload(e)), e.officer.id, e.officer.name, e.recordedAt, back],
  );
  if (!back) return [];
  return [{
    code: 'EDGE.CLOCK_BACKWARDS',
    message: `This post's clock reads ${e.recordedAt.toISOString()}, earlier than the previous crossing recorded here (${previous!.toISOString()}). The crossing is kept in order and flagged; have the clock checked.`,
  }];
}

/**
 * What the centre receives: the officer's request with the instant the edge recorded, without the edge's
 * person id (the centre matches the traveller again against the whole registry, registering the holder
 * when the edge had found or registered a person and the centre finds none).
 */
export function centrePayload(e: CrossingRecordedEvent): Record<string, unknown> {
  const { personId: _edgePerson, registerPerson, ...rest } = e.body;
  return { ...rest, occurredAt: e.occurredAt, ...(registerPerson === true || e.personId !== null ? { registerPerson: true } : {}) };
}

export interface OutboxRow {
  seq: string;
  crossing_id: string;
  payload: Record<string, unknown>;
  officer_id: string;
  officer_name: string;
  recorded_at: Date;
  clock_warning: boolean;
  attempts: number;
}

export async function pendingCrossings(db: Queryable, limit: number): Promise<OutboxRow[]> {
  return (await db.query<OutboxRow>(
    `SELECT seq, crossing_id, payload, officer_id, officer_name, recorded_at, clock_warning, attempts FROM edge_outbox WHERE state = 'pending' ORDER BY seq LIMIT $1`,
    [limit],
  )).rows;
}

export async function markDelivered(db: Queryable, seq: string, at: Date, response: unknown): Promise<void> {
  await db.query(`UPDATE edge_outbox SET state = 'delivered', delivered_at = $2, response = $3, attempts = attempts + 1, last_error = NULL WHERE seq = $1`, [seq, at, JSON.stringify(response)]);
}

/** The centre refused the record itself: kept, visible in the status, never retried blindly nor dropped. */
export async function markRejected(db: Queryable, seq: string, error: string, response: unknown): Promise<void> {
  await db.query(`UPDATE edge_outbox SET state = 'rejected', attempts = attempts + 1, last_error = $2, response = $3 WHERE seq = $1`, [seq, error.slice(0, 500), JSON.stringify(response)]);
}

export async function markAttempt(db: Queryable, seq: string, error: string): Promise<void> {
  await db.query(`UPDATE edge_outbox SET attempts = attempts + 1, last_error = $2 WHERE seq = $1`, [seq, error.slice(0, 500)]);
}

export interface OutboxStats {
  pending: number;
  delivered: number;
  rejected: number;
  clockWarnings: number;
  oldestPendingAt: string | null;
}

export async function outboxStats(db: Queryable): Promise<OutboxStats> {
  const r = (await db.query<{ pending: string; delivered: string; rejected: string; clock: string; oldest: Date | null }>(
    `SELECT count(*) FILTER (WHERE state = 'pending') AS pending, count(*) FILTER (WHERE state = 'delivered') AS delivered,
            count(*) FILTER (WHERE state = 'rejected') AS rejected, count(*) FILTER (WHERE clock_warning) AS clock,
            min(recorded_at) FILTER (WHERE state = 'pending') AS oldest
       FROM edge_outbox`,
  )).rows[0]!;
  return {
    pending: Number(r.pending),
    delivered: Number(r.delivered),
    rejected: Number(r.rejected),
    clockWarnings: Number(r.clock),
    oldestPendingAt: r.oldest ? new Date(r.oldest).toISOString() : null,
  };
}
