import { canonicalJson } from '@kamurj/domain/border';
import type { Queryable } from '../../db/client.ts';

export const REFERENCE_TABLES = ['countries', 'document-codes', 'languages', 'regions', 'crossing-points'] as const;
export type ReferenceTable = (typeof REFERENCE_TABLES)[number];

export interface ReferenceRow {
  table_name: ReferenceTable;
  key: string;
  names: Record<string, string>;
  attributes: Record<string, unknown>;
  active: boolean;
  sort_order: number;
  version: number;
  updated_at: Date;
}

export async function tableCounts(db: Queryable): Promise<Map<string, number>> {
  const r = await db.query<{ table_name: string; n: string }>('SELECT table_name, count(*)::text AS n FROM reference_items GROUP BY table_name');
  return new Map(r.rows.map((x) => [x.table_name, Number(x.n)]));
}

export async function listItems(db: Queryable, table: ReferenceTable, f: { q?: string | undefined; activeOnly?: boolean | undefined; limit: number; offset: number }) {
  const params: unknown[] = [table];
  let where = 'table_name = $1';
  if (f.q) {
    params.push(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where += ` AND (key ILIKE $2 OR names->>'en' ILIKE $2 OR names->>'hy' ILIKE $2 OR names->>'ru' ILIKE $2)`;
  }
  if (f.activeOnly) where += ' AND active';
  const total = await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM reference_items WHERE ${where}`, params);
  const rows = await db.query<ReferenceRow>(
    `SELECT * FROM reference_items WHERE ${where} ORDER BY sort_order, key LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, f.limit, f.offset],
  );
  return { rows: rows.rows, total: Number(total.rows[0]?.n ?? 0) };
}

export async function findItem(db: Queryable, table: ReferenceTable, key: string): Promise<ReferenceRow | undefined> {
  return (await db.query<ReferenceRow>('SELECT * FROM reference_items WHERE table_name = $1 AND key = $2', [table, key])).rows[0];
}

export interface ItemInput {
  key: string;
  names: Record<string, string>;
  attributes?: Record<string, unknown>;
  active?: boolean;
  sortOrder?: number;
}

/**
 * Inserts or refreshes items from seed data in two statements, recording a history version for each item
 * that is new or changed (unchanged items are left alone, so reseeding is cheap and adds no history).
 */
export async function upsertItems(db: Queryable, table: ReferenceTable, items: ItemInput[], at: Date, by: string | null): Promise<number> {
  const existing = new Map(
    (await db.query<ReferenceRow>('SELECT * FROM reference_items WHERE table_name = $1', [table])).rows.map((r) => [r.key, r]),
  );
  const changed = items.flatMap((item, i) => {
    const before = existing.get(item.key);
    const after = { names: item.names, attributes: item.attributes ?? {}, active: item.active ?? true };
    // jsonb keeps its own key order: compared in canonical form, or every start would rewrite every item.
    if (before && canonicalJson(snapshot(before)) === canonicalJson(after)) return [];
    return [{ key: item.key, ...after, sort_order: item.sortOrder ?? i, version: before ? before.version + 1 : 1, before: before ? snapshot(before) : null }];
  });
  if (!changed.length) return 0;
  await db.query(
    `INSERT INTO reference_items (table_name, key, names, attributes, active, sort_order, version, updated_at, updated_by)
     SELECT $1, x.key, x.names, x.attributes, x.active, x.sort_order, x.version, $3, $4
     FROM jsonb_to_recordset($2::jsonb) AS x(key text, names jsonb, attributes jsonb, active boolean, sort_order int, version int)
     ON CONFLICT (table_name, key) DO UPDATE SET names = EXCLUDED.names, attributes = EXCLUDED.attributes, active = EXCLUDED.active,
       sort_order = EXCLUDED.sort_order, version = EXCLUDED.version, updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by`,
    [table, JSON.stringify(changed), at, by],
  );
  await db.query(
    `INSERT INTO reference_history (table_name, key, version, changed_at, changed_by, before, after)
     SELECT $1, x.key, x.version, $3, $4, x.before, jsonb_build_object('names', x.names, 'attributes', x.attributes, 'active', x.active)
     FROM jsonb_to_recordset($2::jsonb) AS x(key text, names jsonb, attributes jsonb, active boolean, version int, before jsonb)`,
    [table, JSON.stringify(changed), at, by],
  );
  return changed.length;
}

export const snapshot = (r: ReferenceRow) => ({ names: r.names, attributes: r.attributes, active: r.active });

export async function updateItem(
  db: Queryable,
  table: ReferenceTable,
  key: string,
  version: number,
  next: { names: Record<string, string>; active: boolean; attributes: Record<string, unknown> },
  at: Date,
  by: string,
): Promise<boolean> {
  const r = await db.query(
    `UPDATE reference_items SET names = $4, active = $5, attributes = $6, version = version + 1, updated_at = $7, updated_by = $8
     WHERE table_name = $1 AND key = $2 AND version = $3`,
    [table, key, version, JSON.stringify(next.names), next.active, JSON.stringify(next.attributes), at, by],
  );
  return r.rowCount === 1;
}

export async function insertHistory(db: Queryable, table: string, key: string, version: number, at: Date, by: string | null, before: unknown, after: unknown) {
  await db.query(
    'INSERT INTO reference_history (table_name, key, version, changed_at, changed_by, before, after) VALUES ($1,$2,$3,$4,$5,$6,$7)',
    [table, key, version, at, by, before === null ? null : JSON.stringify(before), JSON.stringify(after)],
  );
}

export async function history(db: Queryable, table: ReferenceTable, key: string) {
  return (
    await db.query<{ version: number; changed_at: Date; changed_by_username: string | null; before: unknown; after: unknown }>(
      `SELECT h.version, h.changed_at, u.username AS changed_by_username, h.before, h.after
       FROM reference_history h LEFT JOIN users u ON u.id = h.changed_by
       WHERE h.table_name = $1 AND h.key = $2 ORDER BY h.version DESC`,
      [table, key],
    )
  ).rows;
}
