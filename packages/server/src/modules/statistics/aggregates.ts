import { ALL_CODES, FLOW_CUBOIDS, GRAINS, MIGRATION_CUBOIDS, STOCK_CUBOIDS, STOCK_ORIGIN, firstBit, type Dimension, type FlowCuboid } from '@kamurj/domain/statistics';
import type { Queryable } from '../../db/client.ts';

/**
 * The summary tables kept from the per-traveller facts (ADR 0601, Scale): flow cuboids, stock deltas
 * with monthly checkpoints, and usual-residence event counts. Each table is written by one SQL shape
 * used two ways: over every fact (bulk build, empty tables) or over some travellers' facts, old ones −1
 * and fresh ones +1 (the worker moves the tables by the net difference). SQL text is built from the fixed
 * cuboid catalogue only; every value is a parameter.
 */
export type Scope = { travellers: readonly string[] } | 'all';

/**
 * Sign of a fact row: in the bulk build every fact counts once; for some travellers, their new facts
 * (fresh) count +1 and their old ones −1, so a table moves by the net difference only.
 */
const sign = (scope: Scope, alias: string) => (scope === 'all' ? '1' : `CASE WHEN ${alias}fresh THEN 1 ELSE -1 END`);

export const FACT_COLUMN: Readonly<Record<Dimension, string>> = {
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
const CUBOID_DIMS = ['crossingPoint', 'citizenship', 'citizenGroup', 'sex', 'age5', 'ageBroad', 'transport', 'purpose'] as const satisfies readonly Dimension[];
const CUBOID_KEY = `cuboid, grain, outcome, direction, period, ${CUBOID_DIMS.map((d) => FACT_COLUMN[d]).join(', ')}`;
const STOCK_DIMS = 'citizenship, sex, age5, age_broad, stay_status';
const EVENT_DIMS = 'citizenship, citizen_group, sex, age5, age_broad';
const GRAIN_OF = (alias: string) => `CASE g.grain ${GRAINS.map((g) => `WHEN '${g}' THEN ${alias}.${g}`).join(' ')} END`;

/** `WHERE` for a scope: $1 holds the travellers (no parameter for 'all'). */
const where = (scope: Scope, alias = '') => (scope === 'all' ? '' : `WHERE ${alias}traveller = ANY($1::text[])`);
const params = (scope: Scope): unknown[] => (scope === 'all' ? [] : [scope.travellers]);

/**
 * One cuboid's rows from the facts in two steps: the facts summed per day and cell (crossings, and the
 * first-in-cell flags of each grain in its own column), then those day rows rolled up to every grain.
 * The day step reads each fact once; the roll-up reads far fewer rows than facts × grains.
 */
function cuboidSql(c: FlowCuboid, scope: Scope): string {
  const key = CUBOID_DIMS.filter((d) => c.dims.includes(d)).map((d) => FACT_COLUMN[d]);
  const cols = CUBOID_DIMS.map((d) => (c.dims.includes(d) ? `d.${FACT_COLUMN[d]}` : `'${ALL_CODES}'`));
  const flags = GRAINS.map((g, i) => `sum(${sign(scope, 'f.')} * ((f.firsts >> ${firstBit(c.id, g)}) & 1)) AS p${i}`).join(', ');
  const persons = `CASE g.grain ${GRAINS.map((g, i) => `WHEN '${g}' THEN d.p${i}`).join(' ')} END`;
  return `INSERT INTO stat_flow_cuboids (${CUBOID_KEY}, n, persons)
    SELECT ${c.id}, g.grain, d.outcome, d.direction, ${GRAIN_OF('d')}, ${cols.join(', ')},
           sum(d.n)::bigint, sum(${persons})::bigint
      FROM (SELECT f.outcome, f.direction, ${GRAINS.map((g) => `f.${g}`).join(', ')}${key.map((k) => `, f.${k}`).join('')}, sum(${sign(scope, 'f.')}) AS n, ${flags}
              FROM stat_flow_facts f ${where(scope, 'f.')}
             GROUP BY f.outcome, f.direction, ${GRAINS.map((g) => `f.${g}`).join(', ')}${key.map((k) => `, f.${k}`).join('')}) d
      CROSS JOIN (VALUES ${GRAINS.map((g) => `('${g}')`).join(', ')}) AS g(grain)
     GROUP BY ${Array.from({ length: 13 }, (_, i) => i + 1).join(', ')}
    HAVING sum(d.n) <> 0 OR sum(${persons}) <> 0
    ON CONFLICT (${CUBOID_KEY}) DO UPDATE SET n = stat_flow_cuboids.n + EXCLUDED.n, persons = stat_flow_cuboids.persons + EXCLUDED.persons`;
}

/** +1 at each segment's start, −1 at its end, per day and codes (of the scope's stock segments). */
const segmentDeltas = (scope: Scope) => `SELECT day, ${STOCK_DIMS}, sum(d) AS delta FROM (
    SELECT from_day AS day, ${STOCK_DIMS}, ${sign(scope, '')} AS d FROM stat_stock_segments ${where(scope)}
    UNION ALL
    SELECT to_day, ${STOCK_DIMS}, -${sign(scope, '')} FROM stat_stock_segments ${scope === 'all' ? 'WHERE' : `${where(scope)} AND`} to_day IS NOT NULL) x
  GROUP BY day, ${STOCK_DIMS} HAVING sum(d) <> 0`;

/** A stock cuboid's columns: its key codes from `alias`, the others '*'. */
const stockColumns = (c: FlowCuboid, alias: string) =>
  STOCK_DIMS.split(', ').map((col) => (c.dims.some((d) => FACT_COLUMN[d] === col) ? `${alias}.${col}` : `'${ALL_CODES}'`)).join(', ');

/** Months from parameter $a to $b (YYYY-MM), as a SQL row source `m(month)`. */
const months = (a: number, b: number) =>
  `(SELECT to_char(d, 'YYYY-MM') AS month FROM generate_series(($${a}::text || '-01')::date, ($${b}::text || '-01')::date, interval '1 month') AS d) m`;

export interface CheckpointRange {
  from: string;
  to: string;
}

export async function checkpointRange(tx: Queryable): Promise<CheckpointRange | null> {
  const r = (await tx.query<{ checkpoint_from: string | null; checkpoint_to: string | null }>('SELECT checkpoint_from, checkpoint_to FROM stat_state WHERE id = 1')).rows[0];
  return r?.checkpoint_from && r.checkpoint_to ? { from: r.checkpoint_from, to: r.checkpoint_to } : null;
}

/**
 * Adds the facts of a scope to every summary table: with 'all', every fact (bulk build, empty tables);
 * for some travellers, their fresh facts minus their old ones. Checkpoints are maintained for their
 * current month range: a net change on day D moves every checkpoint of D's month and later.
 */
export async function applyAggregates(tx: Queryable, scope: Scope, range: CheckpointRange | null): Promise<void> {
  for (const c of FLOW_CUBOIDS) await tx.query(cuboidSql(c, scope), params(scope));
  for (const c of STOCK_CUBOIDS) {
    const cols = stockColumns(c, 's');
    await tx.query(
      `INSERT INTO stat_stock_deltas (cuboid, day, ${STOCK_DIMS}, delta)
       SELECT ${c.id}, s.day, ${cols}, sum(s.delta) FROM (${segmentDeltas(scope)}) s
        GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(s.delta) <> 0
       ON CONFLICT (cuboid, day, ${STOCK_DIMS}) DO UPDATE SET delta = stat_stock_deltas.delta + EXCLUDED.delta`,
      params(scope),
    );
    if (range && scope !== 'all') {
      await tx.query(
        `INSERT INTO stat_stock_checkpoints (cuboid, month, ${STOCK_DIMS}, level)
         SELECT ${c.id}, m.month, ${cols}, sum(s.delta)
           FROM (${segmentDeltas(scope)}) s JOIN ${months(2, 3)} ON m.month >= substr(s.day, 1, 7)
          GROUP BY 1, 2, 3, 4, 5, 6, 7 HAVING sum(s.delta) <> 0
         ON CONFLICT (cuboid, month, ${STOCK_DIMS}) DO UPDATE SET level = stat_stock_checkpoints.level + EXCLUDED.level`,
        [...params(scope), range.from, range.to],
      );
    }
  }
  for (const c of MIGRATION_CUBOIDS) {
    const cols = EVENT_DIMS.split(', ').map((col) => (c.dims.some((d) => FACT_COLUMN[d] === col) ? `e.${col}` : `'${ALL_CODES}'`));
    await tx.query(
      // Each event twice: in its month of confirmation (confirmed_day '') and on its day of confirmation.
      `INSERT INTO stat_migration_counts (cuboid, grain, period, kind, confirmed_month, confirmed_day, ${EVENT_DIMS}, n)
       SELECT ${c.id}, g.grain, ${GRAIN_OF('e')}, e.kind, substr(e.confirmed_on, 1, 7), CASE WHEN d.daily THEN e.confirmed_on ELSE '' END, ${cols.join(', ')}, sum(${sign(scope, 'e.')})
         FROM stat_migration_events e CROSS JOIN (VALUES ${GRAINS.map((g) => `('${g}')`).join(', ')}) AS g(grain) CROSS JOIN (VALUES (false), (true)) AS d(daily)
         ${where(scope, 'e.')}
        GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11 HAVING sum(${sign(scope, 'e.')}) <> 0
       ON CONFLICT (cuboid, grain, kind, confirmed_day, period, confirmed_month, ${EVENT_DIMS}) DO UPDATE SET n = stat_migration_counts.n + EXCLUDED.n`,
      params(scope),
    );
  }
}

/**
 * (Re)builds the checkpoints of months [from, to] from the deltas: per month the deltas of that month
 * (earlier days count in the first month), then a running sum. Replaces the stored range.
 */
export async function buildCheckpoints(tx: Queryable, from: string, to: string): Promise<void> {
  await tx.query('DELETE FROM stat_stock_checkpoints');
  await tx.query(
    `INSERT INTO stat_stock_checkpoints (cuboid, month, ${STOCK_DIMS}, level)
     SELECT md.cuboid, m.month, ${STOCK_DIMS.split(', ').map((c) => `md.${c}`).join(', ')}, sum(md.delta)
       FROM (SELECT cuboid, greatest(substr(day, 1, 7), $1::text) AS month, ${STOCK_DIMS}, sum(delta) AS delta
               FROM stat_stock_deltas WHERE substr(day, 1, 7) <= $2::text GROUP BY 1, 2, 3, 4, 5, 6, 7) md
       JOIN ${months(1, 2)} ON md.month <= m.month
      GROUP BY 1, 2, 3, 4, 5, 6, 7
     HAVING sum(md.delta) <> 0`,
    [from, to],
  );
  await tx.query('UPDATE stat_state SET checkpoint_from = $1, checkpoint_to = $2 WHERE id = 1', [from, to]);
}

/**
 * Checkpoints from the first month in which a stock segment starts (or `month` when there is none) to
 * `month`: what a bulk build stores, and where the worker starts when there is no range yet.
 */
export async function startCheckpoints(tx: Queryable, month: string): Promise<void> {
  const first = (await tx.query<{ m: string | null }>(`SELECT substr(min(from_day), 1, 7) AS m FROM stat_stock_segments WHERE from_day > $1`, [STOCK_ORIGIN])).rows[0]?.m;
  await buildCheckpoints(tx, first && first < month ? first : month, month);
}

/**
 * Carries the checkpoints forward to `month` (time passes): each new month is the previous one plus
 * that month's deltas. Starts the range when there is none yet.
 */
export async function extendCheckpoints(tx: Queryable, month: string): Promise<void> {
  const range = await checkpointRange(tx);
  if (!range) return startCheckpoints(tx, month);
  if (range.to >= month) return;
  await tx.query(
    `INSERT INTO stat_stock_checkpoints (cuboid, month, ${STOCK_DIMS}, level)
     SELECT x.cuboid, m.month, ${STOCK_DIMS.split(', ').map((c) => `x.${c}`).join(', ')}, sum(x.v) FROM (
         SELECT cuboid, $1::text AS base, ${STOCK_DIMS}, level AS v FROM stat_stock_checkpoints WHERE month = $1::text
         UNION ALL
         SELECT cuboid, substr(day, 1, 7), ${STOCK_DIMS}, delta FROM stat_stock_deltas WHERE substr(day, 1, 7) > $1::text AND substr(day, 1, 7) <= $3::text) x
       JOIN ${months(2, 3)} ON x.base <= m.month
      GROUP BY 1, 2, 3, 4, 5, 6, 7
     HAVING sum(x.v) <> 0`,
    [range.to, nextMonth(range.to), month],
  );
  await tx.query('UPDATE stat_state SET checkpoint_to = $1 WHERE id = 1', [month]);
}

export function nextMonth(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
