import type { Queryable } from '../../db/client.ts';
import { applyClearances } from './clearances.ts';
import { applyAcknowledgements } from './handover-acknowledgements.ts';
import type { AccountRow, ListEntryRow, ReferenceRow, Snapshot } from './snapshot-centre.ts';

/**
 * Applies a centre snapshot on an edge node (ADR 0503), inside the caller's one transaction: the lists, the
 * reference items and the accounts change together or not at all. The edge is a replica of these tables;
 * it never changes them itself (central-only writes are refused in edge mode).
 */
export interface Applied {
  lists: string[];
  entries: number;
  referenceItems: number;
  accounts: number;
  /** Adjudications received from the centre (ADR 0515). */
  clearances: number;
  /** The node's handovers marked acknowledged (ADR 0516). */
  handovers: number;
}

export async function applySnapshot(tx: Queryable, s: Omit<Snapshot, 'clearances' | 'handovers'> & { clearances?: Snapshot['clearances'] | undefined; handovers?: Snapshot['handovers'] | undefined }, at: Date): Promise<Applied> {
  const applied: Applied = { lists: [], entries: 0, referenceItems: 0, accounts: 0, clearances: 0, handovers: 0 };
  for (const list of s.lists) {
    for (const e of list.entries) await upsertEntry(tx, e);
    // The local counter always moves, so the edge's prepared screening index is rebuilt (ADR 0502).
    await tx.query(
      `INSERT INTO border_list_versions (list_id, version, updated_at) VALUES ($1, 1, $2)
       ON CONFLICT (list_id) DO UPDATE SET version = border_list_versions.version + 1, updated_at = $2`,
      [list.listId, at],
    );
    applied.lists.push(list.listId);
    applied.entries += list.entries.length;
  }
  if (s.reference.items) {
    for (const i of s.reference.items) await upsertReference(tx, i);
    await tx.query(
      `UPDATE reference_items SET active = false WHERE active AND NOT ((table_name, key) IN (SELECT t, k FROM unnest($1::text[], $2::text[]) AS x(t, k)))`,
      [s.reference.items.map((i) => i.table_name), s.reference.items.map((i) => i.key)],
    );
    applied.referenceItems = s.reference.items.length;
  }
  if (s.accounts.users) {
    for (const u of s.accounts.users) await upsertAccount(tx, u);
    // Accounts the centre no longer sends for this post (moved, role removed, second factor enrolled) stop here.
    await tx.query(`UPDATE users SET disabled = true, updated_at = $2 WHERE NOT disabled AND NOT (id = ANY($1::uuid[]))`, [s.accounts.users.map((u) => u.id), at]);
    applied.accounts = s.accounts.users.length;
  }
  // After the lists: a clearance names entries the node holds by then.
  if (s.clearances) applied.clearances = await applyClearances(tx, s.clearances, at);
  if (s.handovers) applied.handovers = await applyAcknowledgements(tx, s.handovers);
  const known = await tx.query<{ list_versions: Record<string, number> }>('SELECT list_versions FROM edge_node WHERE id = 1');
  const versions = { ...(known.rows[0]?.list_versions ?? {}), ...Object.fromEntries(s.lists.map((l) => [l.listId, l.version])) };
  await tx.query(
    `UPDATE edge_node SET list_versions = $1, reference_digest = $2, accounts_digest = $3, lists_checked_at = $4, last_contact_at = $4,
            accounts = CASE WHEN $5::int IS NULL THEN accounts ELSE $5::int END WHERE id = 1`,
    [JSON.stringify(versions), s.reference.digest, s.accounts.digest, at, s.accounts.users ? s.accounts.users.length : null],
  );
  return applied;
}

async function upsertEntry(tx: Queryable, e: ListEntryRow): Promise<void> {
  await tx.query(
    `INSERT INTO border_list_entries (id, list_id, kind, version, active, agency_code, agency_id, data, document_key, search_text, created_at, created_by, updated_at, updated_by)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)
     ON CONFLICT (id) DO UPDATE SET list_id = $2, kind = $3, version = $4, active = $5, agency_code = $6, agency_id = $7, data = $8,
       document_key = $9, search_text = $10, updated_at = $13, updated_by = $14`,
    [e.id, e.list_id, e.kind, e.version, e.active, e.agency_code, e.agency_id, JSON.stringify(e.data), e.document_key, e.search_text, e.created_at, e.created_by, e.updated_at, e.updated_by],
  );
}

async function upsertReference(tx: Queryable, i: ReferenceRow): Promise<void> {
  await tx.query(
    `INSERT INTO reference_items (table_name, key, names, attributes, active, sort_order, version, updated_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)
     ON CONFLICT (table_name, key) DO UPDATE SET names = $3, attributes = $4, active = $5, sort_order = $6, version = $7, updated_at = $8`,
    [i.table_name, i.key, JSON.stringify(i.names), JSON.stringify(i.attributes), i.active, i.sort_order, i.version, i.updated_at],
  );
}

/** Lockout counters and last login stay the edge's own; everything the centre decides is replaced. */
async function upsertAccount(tx: Queryable, u: AccountRow): Promise<void> {
  await tx.query(
    `INSERT INTO users (id, username, display_name, agency_id, password_hash, must_change_password, disabled, version)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8)
     ON CONFLICT (id) DO UPDATE SET username = $2, display_name = $3, agency_id = $4, password_hash = $5, must_change_password = $6,
       disabled = $7, version = $8, totp_secret = NULL, totp_enabled = false, updated_at = now()`,
    [u.id, u.username, u.display_name, u.agency_id, u.password_hash, u.must_change_password, u.disabled, u.version],
  );
  await tx.query('DELETE FROM user_roles WHERE user_id = $1', [u.id]);
  await tx.query('INSERT INTO user_roles (user_id, role) SELECT $1, unnest($2::text[])', [u.id, u.roles]);
  await tx.query('DELETE FROM user_jurisdictions WHERE user_id = $1', [u.id]);
  // A jurisdiction the edge does not know (created at the centre after this node was seeded) is skipped.
  await tx.query(
    'INSERT INTO user_jurisdictions (user_id, jurisdiction_id) SELECT $1, j.id FROM jurisdictions j WHERE j.id = ANY($2::uuid[])',
    [u.id, u.jurisdiction_ids],
  );
}
