import type { Queryable } from '../../db/client.ts';

/**
 * Adjudications in the order their transactions wrote them, for the edge nodes (ADR 0515). A cursor is
 * `transaction:id` of the last one a node received. Only transactions older than the oldest one still
 * running are read: an adjudication committed later always has a larger transaction id than every
 * cursor handed out before, so none is skipped.
 */
export interface FedAdjudication {
  id: string;
  personId: string;
  entryId: string;
  entryVersion: number;
  outcome: 'true_hit' | 'false_hit';
  reason: string;
  byName: string;
  at: Date;
  /** This adjudication as a cursor. */
  cursor: string;
}

export const FEED_CURSOR = /^(\d{1,20}):([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const START = { tx: '0', id: '00000000-0000-0000-0000-000000000000' };

/**
 * Rows of a feed after `cursor` (ADR 0515): `sql` gets the placeholders of the cursor as a row
 * `(transaction, id)`, of the horizon (the oldest transaction still running) and of the limit.
 */
export async function feedAfter<R extends Record<string, unknown>>(db: Queryable, cursor: string | null | undefined, limit: number, sql: (after: string, horizon: string, limit: string) => string): Promise<R[]> {
  const m = cursor ? FEED_CURSOR.exec(cursor) : null;
  if (cursor && !m) throw new Error(`feed: malformed cursor ${cursor}`);
  const after = m ? { tx: m[1]!, id: m[2]! } : START;
  return (await db.query<R>(sql('($1::xid8, $2::uuid)', 'pg_snapshot_xmin(pg_current_snapshot())', '$3'), [after.tx, after.id, limit])).rows;
}

export async function adjudicationsAfter(db: Queryable, cursor: string | null | undefined, limit: number): Promise<FedAdjudication[]> {
  const rows = await feedAfter<{ id: string; person_id: string; entry_id: string; entry_version: number; outcome: 'true_hit' | 'false_hit'; reason: string; by_name: string; at: Date; tx: string }>(
    db,
    cursor,
    limit,
    (after, horizon, lim) =>
      `SELECT id, person_id, entry_id, entry_version, outcome, reason, by_name, at, feed_tx::text AS tx
         FROM border_adjudications
        WHERE (feed_tx, id) > ${after} AND feed_tx < ${horizon}
        ORDER BY feed_tx, id
        LIMIT ${lim}`,
  );
  return rows.map((r) => ({ id: r.id, personId: r.person_id, entryId: r.entry_id, entryVersion: r.entry_version, outcome: r.outcome, reason: r.reason, byName: r.by_name, at: new Date(r.at), cursor: `${r.tx}:${r.id}` }));
}
