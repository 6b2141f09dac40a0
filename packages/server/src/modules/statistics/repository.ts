import { cmpKey, MIGRATION_CUBOIDS, periodCodes, planFlowCuboid, planSumCuboid, STOCK_CUBOIDS, type CubeCell, type Dimension, type StatQuery } from '@kamurj/domain/statistics';
import type { Queryable } from '../../db/client.ts';
import { checkpointRange, FACT_COLUMN as COLUMN } from './aggregates.ts';

/**
 * Reads of the summary tables (ADR 0601, Scale). Flows read the smallest cuboid that answers the
 * request exactly (domain planFlowCuboid), else count over the facts; stocks read a monthly checkpoint
 * plus at most a month of deltas; migration reads event counts confirmed before the month of `at`
 * plus that month's events. Column names come from fixed maps, never from the request; every value is
 * a parameter.
 */
const GRAIN_COLUMN = { day: 'day', week: 'week', month: 'month', quarter: 'quarter', year: 'year' } as const;

type Filters = Readonly<Partial<Record<Dimension, readonly string[]>>>;

class Sql {
  readonly params: unknown[] = [];
  readonly where: string[] = [];
  p(v: unknown): string {
    this.params.push(v);
    return `$${this.params.length}`;
  }
  filters(filters: Filters): this {
    for (const [d, codes] of Object.entries(filters)) this.where.push(`${COLUMN[d as Dimension]} = ANY(${this.p(codes)}::text[])`);
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

/** The request's filters with a jurisdiction-scoped reader's crossing points as one more filter. */
function flowFilters(q: StatQuery, points: readonly string[] | null): Filters {
  if (!points) return q.filters;
  const asked = q.filters.crossingPoint;
  return { ...q.filters, crossingPoint: asked ? asked.filter((c) => points.includes(c)) : points };
}

/**
 * Crossings (n) or distinct travellers (persons) per period and breakdown: from the planned cuboid,
 * else over the facts. `outcome` admit or refuse; `direction` null for both.
 */
async function flowCells(db: Queryable, q: StatQuery, measure: 'crossings' | 'persons', outcome: 'admit' | 'refuse', direction: 'ENTRY' | 'EXIT' | null, points: readonly string[] | null) {
  const filters = flowFilters(q, points);
  const cuboid = planFlowCuboid({ measure, by: q.by, filters });
  const s = new Sql();
  s.where.push(`outcome = ${s.p(outcome)}`);
  if (direction) s.where.push(`direction = ${s.p(direction)}`);
  s.filters(filters);
  const cols = byCols(q);
  if (cuboid) {
    const v = measure === 'crossings' ? 'n' : 'persons';
    s.where.push(`cuboid = ${s.p(cuboid.id)}`, `grain = ${s.p(q.grain)}`, `period BETWEEN ${s.p(periodCodes(q.from)[q.grain])} AND ${s.p(periodCodes(q.to)[q.grain])}`);
    const group = ['period', ...cols].join(', ');
    const sql = `SELECT ${group}, sum(${v}) AS v FROM stat_flow_cuboids WHERE ${s.where.join(' AND ')} GROUP BY ${group} HAVING sum(${v}) <> 0`;
    return toCells((await db.query<Row>(sql, s.params)).rows, q);
  }
  s.where.push(`day BETWEEN ${s.p(q.from)} AND ${s.p(q.to)}`);
  const v = measure === 'crossings' ? 'count(*)' : 'count(DISTINCT traveller)';
  const group = [GRAIN_COLUMN[q.grain], ...cols].join(', ');
  const sql = `SELECT ${GRAIN_COLUMN[q.grain]} AS period, ${[...cols, `${v} AS v`].join(', ')} FROM stat_flow_facts WHERE ${s.where.join(' AND ')} GROUP BY ${group}`;
  return toCells((await db.query<Row>(sql, s.params, { parallel: true })).rows, q);
}

/** Admitted (or refused) crossings. */
export const crossingCounts = (db: Queryable, q: StatQuery, outcome: 'admit' | 'refuse', direction: 'ENTRY' | 'EXIT' | null, points: readonly string[] | null) =>
  flowCells(db, q, 'crossings', outcome, direction, points);

/** Distinct travellers among the current admitted crossings of each cell. */
export const distinctTravellers = (db: Queryable, q: StatQuery, direction: 'ENTRY' | 'EXIT', points: readonly string[] | null) => flowCells(db, q, 'persons', 'admit', direction, points);

const nextDayMonth = (day: string) => new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 7);
const previousMonth = (month: string) => {
  const [y, m] = [Number(month.slice(0, 4)), Number(month.slice(5, 7))];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
};

/**
 * Foreigners present at the end of `q.at`, from the smallest stock cuboid holding the request's
 * dimensions: the latest monthly checkpoint ending on or before that day plus the deltas after it, or the
 * sum of every delta up to the day when no checkpoint precedes it.
 */
export async function stockAt(db: Queryable, q: StatQuery) {
  const s = new Sql();
  const cuboid = planSumCuboid(STOCK_CUBOIDS, { by: q.by, filters: q.filters });
  s.where.push(`cuboid = ${s.p(cuboid.id)}`);
  s.filters(q.filters);
  const cols = byCols(q);
  const range = await checkpointRange(db);
  const month = nextDayMonth(q.at) !== q.at.slice(0, 7) ? q.at.slice(0, 7) : previousMonth(q.at.slice(0, 7));
  const filter = ` AND ${s.where.join(' AND ')}`;
  let source: string;
  if (range && month >= range.from) {
    const base = month <= range.to ? month : range.to;
    source = `SELECT ${[...cols, 'level AS v'].join(', ')} FROM stat_stock_checkpoints WHERE month = ${s.p(base)}${filter}
      UNION ALL
      -- Days after the checkpoint month: every YYYY-MM-DD of the month sorts at or before YYYY-MM-31.
      SELECT ${[...cols, 'delta'].join(', ')} FROM stat_stock_deltas WHERE day > ${s.p(`${base}-31`)} AND day <= ${s.p(q.at)}${filter}`;
  } else source = `SELECT ${[...cols, 'delta AS v'].join(', ')} FROM stat_stock_deltas WHERE day <= ${s.p(q.at)}${filter}`;
  const rows = (await db.query<Row>(`SELECT ${[...cols, 'sum(v) AS v'].join(', ')} FROM (${source}) x ${cols.length ? `GROUP BY ${cols.join(', ')}` : ''} HAVING sum(v) <> 0`, s.params)).rows;
  return toCells(rows, q, q.at);
}

/**
 * Usual-residence events of a kind dated in the range and established by `q.at`, from the smallest
 * migration cuboid holding the request's dimensions: the monthly counts of months before that of `at`
 * plus the daily counts of that month up to `at` (at most 31 days of rows: a month of confirmations is
 * ~100,000 events at 10,000,000 crossings, too many to count one by one).
 */
export async function migrationEvents(db: Queryable, q: StatQuery, kind: 'IMMIGRATION' | 'EMIGRATION') {
  const s = new Sql();
  s.filters(q.filters);
  const filter = s.where.length ? ` AND ${s.where.join(' AND ')}` : '';
  const cols = byCols(q);
  const month = q.at.slice(0, 7);
  const k = s.p(kind);
  const cuboid = planSumCuboid(MIGRATION_CUBOIDS, { by: q.by, filters: q.filters });
  const cell = `cuboid = ${s.p(cuboid.id)} AND grain = ${s.p(q.grain)} AND kind = ${k} AND period BETWEEN ${s.p(periodCodes(q.from)[q.grain])} AND ${s.p(periodCodes(q.to)[q.grain])}${filter}`;
  const select = `SELECT ${['period', ...cols, 'n AS v'].join(', ')} FROM stat_migration_counts`;
  const months = `${select} WHERE confirmed_day = '' AND confirmed_month < ${s.p(month)} AND ${cell}`;
  const days = `${select} WHERE confirmed_day BETWEEN ${s.p(`${month}-01`)} AND ${s.p(q.at)} AND ${cell}`;
  const group = ['period', ...cols].join(', ');
  const rows = (await db.query<Row>(`SELECT ${group}, sum(v) AS v FROM (${months} UNION ALL ${days}) x GROUP BY ${group} HAVING sum(v) <> 0`, s.params)).rows;
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
