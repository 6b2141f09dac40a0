import type { Queryable } from '../../db/client.ts';

/** The edge node's one row (ADR 0503): sequence, last recording instant, contact with the centre, versions pulled. */
export interface NodeRow {
  node_id: string;
  seq: string;
  last_recorded_at: Date | null;
  last_contact_at: Date | null;
  last_error_at: Date | null;
  last_error: string | null;
  lists_checked_at: Date | null;
  list_versions: Record<string, number>;
  reference_digest: string | null;
  accounts_digest: string | null;
  accounts: number;
  clearance_cursor: string | null;
  handover_cursor: string | null;
}

/** Creates the row on first use; a database that served another node id is refused (its sequence would mix). */
export async function ensureNode(db: Queryable, nodeId: string): Promise<NodeRow> {
  await db.query(`INSERT INTO edge_node (id, node_id) VALUES (1, $1) ON CONFLICT (id) DO NOTHING`, [nodeId]);
  const row = (await db.query<NodeRow>('SELECT * FROM edge_node WHERE id = 1')).rows[0]!;
  if (row.node_id !== nodeId) {
    throw new Error(`This edge database belongs to node ${row.node_id}; KAMURJ_EDGE_NODE_ID=${nodeId} needs its own data directory`);
  }
  return row;
}

/**
 * Whether this database is an edge node that has taken the centre's reference data (ADR 0503): such a copy
 * is the centre's, versions included, and is not reseeded from the profile at start (a reseed would revert
 * the centre's edits locally and, with versions of its own, collide with them at the next pull).
 */
export async function referenceReplicated(db: Queryable): Promise<boolean> {
  return (await db.query('SELECT 1 FROM edge_node WHERE reference_digest IS NOT NULL')).rows.length > 0;
}

export async function findNode(db: Queryable): Promise<NodeRow | undefined> {
  return (await db.query<NodeRow>('SELECT * FROM edge_node WHERE id = 1')).rows[0];
}

/** Locks the row and hands out the next sequence number with the previous recording instant. */
export async function nextSequence(tx: Queryable, nodeId: string, at: Date): Promise<{ seq: number; previous: Date | null }> {
  const row = (await tx.query<{ seq: string; last_recorded_at: Date | null }>('SELECT seq, last_recorded_at FROM edge_node WHERE id = 1 FOR UPDATE')).rows[0]
    ?? (await ensureNode(tx, nodeId));
  const seq = Number(row.seq) + 1;
  // The latest instant only moves forward, so every later crossing is compared with the furthest point the clock reached.
  await tx.query(`UPDATE edge_node SET seq = $1, last_recorded_at = CASE WHEN last_recorded_at IS NULL OR last_recorded_at < $2 THEN $2 ELSE last_recorded_at END WHERE id = 1`, [seq, at]);
  return { seq, previous: row.last_recorded_at ? new Date(row.last_recorded_at) : null };
}

export async function noteContact(db: Queryable, at: Date): Promise<void> {
  await db.query('UPDATE edge_node SET last_contact_at = $1 WHERE id = 1', [at]);
}

export async function noteError(db: Queryable, at: Date, error: string): Promise<void> {
  await db.query('UPDATE edge_node SET last_error_at = $1, last_error = $2 WHERE id = 1', [at, error.slice(0, 500)]);
}
