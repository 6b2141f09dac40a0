import { cmpKey, periodCodes, type CubeCell, type Dimension, type StatQuery } from '@kamurj/domain/statistics';
import type { Queryable } from '../../db/client.ts';

/**
 * Reads of the count tables. Column names come from the fixed map below, never from the request;
 * every value is a parameter.
 */
const COLUMN: Readonly<Record<Dimension, string>> = {
  direction: 'direction',
  crossingPoint: 'crossing_point',
  citizenship: 'citizenship',
  citizenGroup: 'citizen_group',
  sex: 'sex',
  age5: 'age5',
  ageBroad: 'age_broad',
  transport: 'transport',
  purpose: 'purpose',
  stayStatus: 'stay_status',
};
const GRAIN_COLUMN = { day: 'day', week: 'week', month: 'month', quarter: 'quarter', year: 'year' } as const;

class Sql {
  readonly params: unknown[] = [];
  readonly where: string[] = [];
  p(v: unknown): string {
    this.params.push(v);
    return `$${this.params.length}`;
  }
  filters(q: StatQuery, points: readonly string[] | null): this {
    for (const [d, codes] of Object.entries(q.filters)) this.where.push(`${COLUMN[d as Dimension]} = ANY(${this.p(codes)}::text[])`);
    if (points) this.where.push(`crossing_point = ANY(${this.p(points)}::text[])`);
    return this;
  }
}

type Row = { period: string; v: string | number } & Record<string, string>;

function toCells(rows: Row[], q: StatQuery, period?: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of rows) out.set(JSON.stringify([period ?? r.period, ...q.by.map((d) => r[COLUMN[d]]!)]), Number(r.v));
  return out;
}

const byCols = (q: StatQuery) => q.by.map((d) => COLUMN[d]);

/** Admitted (or refused) crossings from the pre-aggregated counts. */
export async function crossingCounts(db: Queryable, q: StatQuery, outcome: 'admit' | 'refuse', direction: 'ENTRY' | 'EXIT' | null, points: readonly string[] | null) {
  const s = new Sql();
  s.where.push(`grain = ${s.p(q.grain)}`, `outcome = ${s.p(outcome)}`, `period BETWEEN ${s.p(periodCodes(q.from)[q.grain])} AND ${s.p(periodCodes(q.to)[q.grain])}`);
  if (direction) s.where.push(`direction = ${s.p(direction)}`);
  s.filters(q, points);
  const group = ['period', ...byCols(q)].join(', ');
  const rows = (await db.query<Row>(`SELECT ${group}, sum(n) AS v FROM stat_flow_counts WHERE ${s.where.join(' AND ')} GROUP BY ${group} HAVING sum(n) <> 0`, s.params)).rows;
  return toCells(rows, q);
}

/** Distinct travellers among the current admitted crossings of each cell. */
export async function distinctTravellers(db: Queryable, q: StatQuery, direction: 'ENTRY' | 'EXIT', points: readonly string[] | null) {
  const s = new Sql();
  s.where.push(`outcome = 'admit'`, `direction = ${s.p(direction)}`, `day BETWEEN ${s.p(q.from)} AND ${s.p(q.to)}`);
  s.filters(q, points);
  const group = [GRAIN_COLUMN[q.grain], ...byCols(q)].join(', ');
  const rows = (await db.query<Row>(`SELECT ${GRAIN_COLUMN[q.grain]} AS period, ${[...byCols(q), 'count(DISTINCT traveller) AS v'].join(', ')} FROM stat_flow_facts WHERE ${s.where.join(' AND ')} GROUP BY ${group}`, s.params)).rows;
  return toCells(rows, q);
}

/** Foreigners present at the end of `q.at`: the sum of stock changes up to that day. */
export async function stockAt(db: Queryable, q: StatQuery) {
  const s = new Sql();
  s.where.push(`day <= ${s.p(q.at)}`);
  s.filters(q, null);
  const cols = byCols(q);
  const rows = (
    await db.query<Row>(`SELECT ${[...cols, 'sum(delta) AS v'].join(', ')} FROM stat_stock_deltas WHERE ${s.where.join(' AND ')} ${cols.length ? `GROUP BY ${cols.join(', ')}` : ''} HAVING sum(delta) <> 0`, s.params)
  ).rows;
  return toCells(rows, q, q.at);
}

/** Usual-residence events of a kind dated in the range and established by `q.at`. */
export async function migrationEvents(db: Queryable, q: StatQuery, kind: 'IMMIGRATION' | 'EMIGRATION') {
  const s = new Sql();
  s.where.push(`kind = ${s.p(kind)}`, `day BETWEEN ${s.p(q.from)} AND ${s.p(q.to)}`, `confirmed_on <= ${s.p(q.at)}`);
  s.filters(q, null);
  const group = [GRAIN_COLUMN[q.grain], ...byCols(q)].join(', ');
  const rows = (await db.query<Row>(`SELECT ${GRAIN_COLUMN[q.grain]} AS period, ${[...byCols(q), 'count(*) AS v'].join(', ')} FROM stat_migration_events WHERE ${s.where.join(' AND ')} GROUP BY ${group}`, s.params)).rows;
  return toCells(rows, q);
}

/** a − b over the union of cells (balance, net migration). */
export function difference(a: Map<string, number>, b: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const k of new Set([...a.keys(), ...b.keys()])) out.set(k, (a.get(k) ?? 0) - (b.get(k) ?? 0));
  return out;
}

export function sortedCells(m: Map<string, number>): CubeCell[] {
  return [...m.entries()].map(([k, value]) => ({ key: JSON.parse(k) as string[], value })).sort((x, y) => cmpKey(x.key, y.key));
}

export async function refreshedAt(db: Queryable): Promise<string | null> {
  const r = (await db.query<{ refreshed_at: Date | null }>('SELECT refreshed_at FROM stat_state WHERE id = 1')).rows[0];
  return r?.refreshed_at ? r.refreshed_at.toISOString() : null;
}

export async function pointPaths(db: Queryable): Promise<{ code: string; jurisdiction_path: string }[]> {
  return (await db.query<{ code: string; jurisdiction_path: string }>('SELECT code, jurisdiction_path FROM stat_points ORDER BY code')).rows;
}
