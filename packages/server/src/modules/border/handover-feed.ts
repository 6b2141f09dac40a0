import type { Queryable } from '../../db/client.ts';
import { feedAfter } from './adjudication-feed.ts';

/**
 * Acknowledged handovers in the order their transactions acknowledged them, for the edge nodes whose
 * referrals they were (ADR 0516): the same cursor and horizon as the adjudication feed (ADR 0515).
 */
export interface FedAcknowledgement {
  handoverId: string;
  crossingId: string;
  kind: string;
  acknowledgedAt: Date;
  acknowledgedByName: string;
  /** The crossing's jurisdiction: a node is sent only what its token reaches. */
  jurisdictionPath: string;
  cursor: string;
}

export async function acknowledgementsAfter(db: Queryable, cursor: string | null | undefined, limit: number): Promise<FedAcknowledgement[]> {
  const rows = await feedAfter<{ id: string; crossing_id: string; kind: string; acknowledged_at: Date; acknowledged_by_name: string; jurisdiction_path: string; tx: string }>(
    db,
    cursor,
    limit,
    (after, horizon, lim) =>
      `SELECT h.id, h.crossing_id, h.kind, h.acknowledged_at, h.acknowledged_by_name, c.jurisdiction_path, h.ack_tx::text AS tx
         FROM border_handovers h JOIN border_crossings c ON c.id = h.crossing_id
        WHERE h.ack_tx IS NOT NULL AND (h.ack_tx, h.id) > ${after} AND h.ack_tx < ${horizon}
        ORDER BY h.ack_tx, h.id
        LIMIT ${lim}`,
  );
  return rows.map((r) => ({ handoverId: r.id, crossingId: r.crossing_id, kind: r.kind, acknowledgedAt: new Date(r.acknowledged_at), acknowledgedByName: r.acknowledged_by_name, jurisdictionPath: r.jurisdiction_path, cursor: `${r.tx}:${r.id}` }));
}
