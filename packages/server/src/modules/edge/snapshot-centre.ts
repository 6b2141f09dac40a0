import { createHash } from 'node:crypto';
import { access } from '@kamurj/domain';
import type { Queryable } from '../../db/client.ts';
import { clearancesAfter, type ClearancePage } from './clearances.ts';
import { acknowledgementsFor, type AcknowledgementPage } from './handover-acknowledgements.ts';

/**
 * What the centre sends an edge node (ADR 0503): a snapshot of each list whose version differs from the
 * node's, the reference items and the post's officer accounts when their digest differs. Snapshots, not
 * deltas: a list entry is never deleted (withdrawn entries stay), so a snapshot is also the delta, and
 * applying one is idempotent. Version first, then entries: entries are never older than the version sent,
 * so a change racing the pull is sent again on the next one.
 */
export const EDGE_ROLES: readonly access.Role[] = ['border_officer', 'border_supervisor'];

export interface ListEntryRow {
  id: string;
  list_id: string;
  kind: string;
  version: number;
  active: boolean;
  agency_code: string;
  agency_id: string;
  data: unknown;
  document_key: string | null;
  search_text: string;
  created_at: Date | string;
  created_by: string | null;
  updated_at: Date | string;
  updated_by: string | null;
}

export interface ReferenceRow {
  table_name: string;
  key: string;
  names: unknown;
  attributes: unknown;
  active: boolean;
  sort_order: number;
  version: number;
  updated_at: Date | string;
}

export interface AccountRow {
  id: string;
  username: string;
  display_name: string;
  agency_id: string;
  password_hash: string;
  must_change_password: boolean;
  disabled: boolean;
  version: number;
  roles: string[];
  jurisdiction_ids: string[];
}

export interface Snapshot {
  at: string;
  listVersions: Record<string, number>;
  lists: { listId: string; version: number; entries: ListEntryRow[] }[];
  reference: { digest: string; items?: ReferenceRow[] };
  accounts: { digest: string; users?: AccountRow[] };
  /** The centre's adjudications after the node's cursor (ADR 0515). */
  clearances: ClearancePage;
  /** Acknowledgements of the node's referrals after its cursor, when it said which node it is (ADR 0516). */
  handovers?: AcknowledgementPage;
}

export interface Known {
  lists: Record<string, number>;
  reference: string | undefined;
  accounts: string | undefined;
  /** The last adjudication the node received (ADR 0515). */
  clearances: string | undefined;
  /** The node asking (its crossings' handovers) and its last acknowledgement received (ADR 0516). */
  node: string | undefined;
  handovers: string | undefined;
}

const digest = (parts: string[]) => createHash('sha256').update(parts.join('\n')).digest('hex').slice(0, 32);

export async function buildSnapshot(db: Queryable, known: Known, tokenScopes: readonly string[], at: Date): Promise<Snapshot> {
  const versions = (await db.query<{ list_id: string; version: string }>('SELECT list_id, version FROM border_list_versions ORDER BY list_id')).rows;
  const listVersions = Object.fromEntries(versions.map((v) => [v.list_id, Number(v.version)]));
  const lists: Snapshot['lists'] = [];
  for (const v of versions) {
    if (known.lists[v.list_id] === Number(v.version)) continue;
    const entries = (await db.query<ListEntryRow>(
      `SELECT id, list_id, kind, version, active, agency_code, agency_id, data, document_key, search_text, created_at, created_by, updated_at, updated_by
         FROM border_list_entries WHERE list_id = $1 ORDER BY id`,
      [v.list_id],
    )).rows;
    lists.push({ listId: v.list_id, version: Number(v.version), entries });
  }

  const items = (await db.query<ReferenceRow>(
    'SELECT table_name, key, names, attributes, active, sort_order, version, updated_at FROM reference_items ORDER BY table_name, key',
  )).rows;
  const referenceDigest = digest(items.map((i) => `${i.table_name}:${i.key}:${i.version}:${i.active}`));

  const users = await postAccounts(db, tokenScopes);
  const accountsDigest = digest(users.map((u) => `${u.id}:${u.version}:${u.disabled}:${u.password_hash}:${u.roles.join(',')}:${u.jurisdiction_ids.join(',')}`));
  return {
    at: at.toISOString(),
    listVersions,
    lists,
    reference: referenceDigest === known.reference ? { digest: referenceDigest } : { digest: referenceDigest, items },
    accounts: accountsDigest === known.accounts ? { digest: accountsDigest } : { digest: accountsDigest, users },
    clearances: await clearancesAfter(db, known.clearances),
    ...(known.node ? { handovers: await acknowledgementsFor(db, known.node, tokenScopes, known.handovers) } : {}),
  };
}

/**
 * The accounts an edge node may hold: border officers and supervisors whose scopes reach the node's
 * crossing point (a national or regional supervisor included), with their border roles only. Accounts
 * with a second factor are left out: their TOTP secret does not leave the centre (ADR 0503).
 */
async function postAccounts(db: Queryable, tokenScopes: readonly string[]): Promise<AccountRow[]> {
  const rows = (await db.query<AccountRow & { totp_enabled: boolean; paths: string[] }>(
    `SELECT u.id, u.username, u.display_name, u.agency_id, u.password_hash, u.must_change_password, u.disabled, u.version, u.totp_enabled,
            array(SELECT r.role FROM user_roles r WHERE r.user_id = u.id AND r.role = ANY($1::text[]) ORDER BY r.role) AS roles,
            array(SELECT uj.jurisdiction_id::text FROM user_jurisdictions uj WHERE uj.user_id = u.id ORDER BY uj.jurisdiction_id) AS jurisdiction_ids,
            array(SELECT j.path FROM user_jurisdictions uj JOIN jurisdictions j ON j.id = uj.jurisdiction_id WHERE uj.user_id = u.id) AS paths
       FROM users u
      WHERE EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = ANY($1::text[]))
      ORDER BY u.id`,
    [EDGE_ROLES],
  )).rows;
  const reachesPost = (paths: string[]) => paths.some((p) => tokenScopes.some((s) => access.withinScope(s, p) || access.withinScope(p, s)));
  return rows
    .filter((u) => !u.totp_enabled && reachesPost(u.paths))
    .map(({ totp_enabled: _t, paths: _p, ...u }) => u);
}
