import { access } from '@kamurj/domain';
import type { Queryable } from '../../db/client.ts';
import { acknowledgementsAfter } from '../border/index.ts';

/**
 * Handover acknowledgements for the post that made the referral (ADR 0516). The receiving agency
 * acknowledges at the centre; the node that recorded the crossing shows the state on its console. The
 * node's handover and the centre's are two rows (each side wrote its own when the crossing was recorded)
 * of the same crossing, which keeps its id across the link, and the same kind of referral: that pair finds
 * the node's row. The agency's note stays at the centre: it may say where an asylum seeker or a victim
 * was taken, which the post does not need to know.
 */
export interface Acknowledgement {
  crossingId: string;
  kind: string;
  acknowledgedAt: string;
  acknowledgedBy: string;
}

export interface AcknowledgementPage {
  cursor: string | null;
  more: boolean;
  items: Acknowledgement[];
}

export const ACKNOWLEDGEMENT_PAGE = 2000;

/** Centre: acknowledgements after the node's cursor, of crossings this node delivered within the token's reach. */
export async function acknowledgementsFor(db: Queryable, nodeId: string, scopes: readonly string[], cursor: string | undefined, limit = ACKNOWLEDGEMENT_PAGE): Promise<AcknowledgementPage> {
  const fed = await acknowledgementsAfter(db, cursor, limit + 1);
  const page = fed.slice(0, limit);
  const delivered = page.length
    ? new Set((await db.query<{ crossing_id: string }>('SELECT crossing_id FROM edge_deliveries WHERE node_id = $1 AND crossing_id = ANY($2::uuid[])', [nodeId, page.map((a) => a.crossingId)])).rows.map((r) => r.crossing_id))
    : new Set<string>();
  const reaches = (path: string) => scopes.some((scope) => access.withinScope(path, scope));
  const items = page
    .filter((a) => delivered.has(a.crossingId) && reaches(a.jurisdictionPath))
    .map((a) => ({ crossingId: a.crossingId, kind: a.kind, acknowledgedAt: a.acknowledgedAt.toISOString(), acknowledgedBy: a.acknowledgedByName }));
  return { cursor: page.at(-1)?.cursor ?? cursor ?? null, more: fed.length > limit, items };
}

/** Edge: marks the node's open handovers acknowledged (a page received twice changes nothing) and moves the cursor. */
export async function applyAcknowledgements(tx: Queryable, page: AcknowledgementPage): Promise<number> {
  let applied = 0;
  if (page.items.length) {
    const r = await tx.query(
      `UPDATE border_handovers h
          SET state = 'acknowledged', acknowledged_at = u.at, acknowledged_by = 'centre', acknowledged_by_name = u.by
         FROM unnest($1::uuid[], $2::text[], $3::timestamptz[], $4::text[]) AS u(c, k, at, by)
        WHERE h.crossing_id = u.c AND h.kind = u.k AND h.state = 'open'`,
      [page.items.map((a) => a.crossingId), page.items.map((a) => a.kind), page.items.map((a) => a.acknowledgedAt), page.items.map((a) => a.acknowledgedBy)],
    );
    applied = r.rowCount;
  }
  if (page.cursor) await tx.query('UPDATE edge_node SET handover_cursor = $1 WHERE id = 1', [page.cursor]);
  return applied;
}
