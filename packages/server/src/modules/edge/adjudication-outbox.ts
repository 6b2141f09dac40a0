import type { Queryable } from '../../db/client.ts';

/**
 * The edge node's outbox of adjudications (ADR 0514). An officer's judgement of a hit is appended in the
 * transaction that records it. It names the node's own person, whom the centre does not know, so it is sent
 * tied to that person's latest crossing recorded here: the centre applies it to the person it linked to
 * that crossing. It therefore waits until such a crossing has been accepted by the centre.
 */
export async function enqueueAdjudication(tx: Queryable, adjudication: { id: string; at: Date }): Promise<void> {
  await tx.query('INSERT INTO edge_adjudication_outbox (adjudication_id, queued_at) VALUES ($1, $2)', [adjudication.id, adjudication.at]);
}

export interface PendingAdjudication {
  adjudication_id: string;
  entry_id: string;
  entry_version: number;
  outcome: 'true_hit' | 'false_hit';
  reason: string;
  by_id: string;
  by_name: string;
  at: Date;
  /** The person's latest crossing in the crossing outbox (by sequence), and its state there. */
  crossing_id: string;
  crossing_state: 'delivered' | 'rejected';
}

/**
 * Pending adjudications that can be settled now, in the order they were made: those whose person's latest
 * crossing here the centre has accepted (sent with it) or refused (parked). The others wait for their crossing.
 */
export async function pendingAdjudications(db: Queryable, limit: number): Promise<PendingAdjudication[]> {
  return (await db.query<PendingAdjudication>(
    `SELECT a.id AS adjudication_id, a.entry_id, a.entry_version, a.outcome, a.reason, a.by_id, a.by_name, a.at,
            latest.crossing_id, latest.state AS crossing_state
       FROM edge_adjudication_outbox q
       JOIN border_adjudications a ON a.id = q.adjudication_id
       JOIN LATERAL (
         SELECT o.crossing_id, o.state
           FROM border_crossings c JOIN edge_outbox o ON o.crossing_id = c.id
          WHERE c.person_id = a.person_id
          ORDER BY o.seq DESC
          LIMIT 1
       ) latest ON true
      WHERE q.state = 'pending' AND latest.state IN ('delivered', 'rejected')
      ORDER BY q.queued_at, q.adjudication_id
      LIMIT $1`,
    [limit],
  )).rows;
}

export async function markAdjudicationDelivered(db: Queryable, id: string, crossingId: string, at: Date, response: unknown): Promise<void> {
  await db.query(
    `UPDATE edge_adjudication_outbox SET state = 'delivered', crossing_id = $2, delivered_at = $3, response = $4, attempts = attempts + 1, last_error = NULL WHERE adjudication_id = $1`,
    [id, crossingId, at, JSON.stringify(response)],
  );
}

/** The centre refused it, or the crossing it depends on was refused: kept for review, never retried blindly. */
export async function markAdjudicationRejected(db: Queryable, id: string, crossingId: string | null, error: string, response: unknown): Promise<void> {
  await db.query(
    `UPDATE edge_adjudication_outbox SET state = 'rejected', crossing_id = $2, attempts = attempts + 1, last_error = $3, response = $4 WHERE adjudication_id = $1`,
    [id, crossingId, error.slice(0, 500), response === undefined ? null : JSON.stringify(response)],
  );
}

export async function markAdjudicationAttempt(db: Queryable, id: string, error: string): Promise<void> {
  await db.query('UPDATE edge_adjudication_outbox SET attempts = attempts + 1, last_error = $2 WHERE adjudication_id = $1', [id, error.slice(0, 500)]);
}

export interface AdjudicationOutboxStats {
  pending: number;
  delivered: number;
  rejected: number;
}

export async function adjudicationOutboxStats(db: Queryable): Promise<AdjudicationOutboxStats> {
  const r = (await db.query<{ pending: string; delivered: string; rejected: string }>(
    `SELECT count(*) FILTER (WHERE state = 'pending') AS pending, count(*) FILTER (WHERE state = 'delivered') AS delivered,
            count(*) FILTER (WHERE state = 'rejected') AS rejected
       FROM edge_adjudication_outbox`,
  )).rows[0]!;
  return { pending: Number(r.pending), delivered: Number(r.delivered), rejected: Number(r.rejected) };
}
