/**
 * Statistics query speed (issue 5): dashboard queries through the statistics service against the
 * pre-aggregated tables, versus the equivalent GROUP BY over the raw border_crossings table measured in
 * the same run. PostgreSQL: a fresh scratch database `kamurj_bench_statistics_<n>` on 127.0.0.1:5432
 * (or DATABASE_URL's server) with n crossings (bulk SQL) and the persons they need; PGlite in memory
 * with m crossings. The aggregation catch-up (the worker emptying the change queue) is timed too.
 *
 *   node --import tsx bench/statistics/query-speed.ts                      # 10,000,000 on PostgreSQL, 1,000,000 on PGlite
 *   node --import tsx bench/statistics/query-speed.ts --quick              # 100,000 / 20,000
 *   node --import tsx bench/statistics/query-speed.ts --crossings 500000 --pglite-crossings 0 --runs 30
 *
 * Writes bench/results/statistics-query-speed.{json,md}.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import pg from 'pg';
import { parseStatQuery } from '../../packages/domain/src/statistics/index.ts';
import { openDb, pgConnectionString, type Db } from '../../packages/server/src/db/client.ts';
import { migrate } from '../../packages/server/src/db/migrate.ts';
import { computeIndicator, refreshStatistics } from '../../packages/server/src/modules/statistics/index.ts';
import { percentile } from '../persons/queries.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const QUICK = process.argv.includes('--quick');
const PG_N = Number(arg('crossings') ?? (QUICK ? 100_000 : 10_000_000));
const LITE_N = Number(arg('pglite-crossings') ?? (QUICK ? 20_000 : 1_000_000));
const RUNS = Number(arg('runs') ?? (QUICK ? 15 : 50));
const TODAY = '2025-12-31';
const log = (s: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${s} (load ${loadavg().map((x) => x.toFixed(2)).join(' ')})`);

/** Persons (one per five crossings) and crossings spread over 2024–2025 with skewed citizenships. */
async function loadData(db: Db, n: number): Promise<void> {
  const persons = Math.max(1, Math.floor(n / 5));
  await db.query(
    `INSERT INTO persons (id, record, birth_date, sex, source, created_at, updated_at)
     SELECT md5('p' || i)::uuid, '{}', (1940 + (i * 7919) % 80)::text || CASE WHEN i % 9 = 0 THEN '' ELSE '-' || lpad((1 + i % 12)::text, 2, '0') || '-' || lpad((1 + i % 28)::text, 2, '0') END,
            (ARRAY['F', 'M', 'M', 'F', 'X'])[1 + i % 5], 'seed', now(), now()
       FROM generate_series(1, $1::int) i`,
    [persons],
  );
  const chunk = 1_000_000;
  for (let lo = 1; lo <= n; lo += chunk) {
    const hi = Math.min(n, lo + chunk - 1);
    await db.query(
      `INSERT INTO border_crossings (id, occurred_at, local_date, local_time, time_zone, offset_minutes, direction, crossing_point, jurisdiction_path, officer_id, officer_name,
         person_id, document, document_number, nationality, decision, transport, purpose, stay, recorded_at)
       SELECT md5('c' || i)::uuid, ts, to_char(ts, 'YYYY-MM-DD'), '12:00', 'Asia/Yerevan', 240, dir, pt, 'ARM.AM-ER.' || pt, 'bench', 'Bench',
              md5('p' || p)::uuid, '{}', 'D' || p, nat, CASE WHEN i % 53 = 0 THEN 'refuse' ELSE 'admit' END,
              jsonb_build_object('mode', CASE WHEN pt IN ('ZVARTNOTS', 'SHIRAK') THEN 'air' WHEN pt = 'AYRUM' THEN 'rail' ELSE 'road' END),
              (ARRAY['tourism', 'business', 'work', 'family', 'transit', 'study', 'other'])[1 + (i * 13) % 7],
              CASE WHEN dir = 'entry' AND nat <> 'ARM' THEN jsonb_build_object('kind', 'counted', 'lastLawfulDay', to_char(ts + ((p % 7) * 30 + 20) * interval '1 day', 'YYYY-MM-DD')) END,
              now()
         FROM (SELECT i, 1 + (i - 1) % $3::bigint AS p, timestamp '2024-01-01 00:00' + ((i::bigint * 729 * 86400) / $4::bigint) * interval '1 second' AS ts,
                      CASE WHEN ((i - 1) / $3::bigint) % 2 = 0 THEN 'entry' ELSE 'exit' END AS dir,
                      (ARRAY['ZVARTNOTS', 'SHIRAK', 'BAGRATASHEN', 'BAVRA', 'MEGHRI', 'MARGARA', 'AYRUM', 'GOGAVAN'])[1 + (i * 31) % 8] AS pt,
                      (ARRAY['ARM', 'ARM', 'ARM', 'RUS', 'RUS', 'IRN', 'GEO', 'USA', 'FRA', 'CHN', 'IND', 'UKR', 'DEU', 'ITA', 'TUR', 'KAZ'])[1 + ((1 + (i - 1) % $3::bigint) * 7) % 16] AS nat
                 FROM generate_series($1::bigint, $2::bigint) i) x`,
      [lo, hi, persons, n],
    );
    log(`  crossings ${hi.toLocaleString('en')} / ${n.toLocaleString('en')}`);
  }
  await db.query('ANALYZE');
}

interface Timed {
  name: string;
  p50: number;
  p95: number;
  p99: number;
  baselineP50: number | null;
  baselineP95: number | null;
  ratioP95: number | null;
}

/** The dashboard: each entry is an indicator query and the raw GROUP BY a person would write instead. */
const DASHBOARD: { name: string; id: string; raw: (to: string) => Record<string, string>; baseline: ((from: string, to: string) => string) | null }[] = [
  { name: 'entries by month and citizen group, 24 months', id: 'flows.entries.crossings', raw: (to) => ({ from: '2024-01-01', to, period: 'month', by: 'citizenGroup' }),
    baseline: (f, t) => `SELECT substr(local_date, 1, 7), nationality = 'ARM', count(*) FROM border_crossings c WHERE decision = 'admit' AND direction = 'entry' AND local_date BETWEEN '${f}' AND '${t}' AND NOT EXISTS (SELECT 1 FROM border_crossings s WHERE s.supersedes = c.id) GROUP BY 1, 2` },
  { name: 'exits by month and crossing point', id: 'flows.exits.crossings', raw: (to) => ({ from: '2024-01-01', to, period: 'month', by: 'crossingPoint' }),
    baseline: (f, t) => `SELECT substr(local_date, 1, 7), crossing_point, count(*) FROM border_crossings c WHERE decision = 'admit' AND direction = 'exit' AND local_date BETWEEN '${f}' AND '${t}' AND NOT EXISTS (SELECT 1 FROM border_crossings s WHERE s.supersedes = c.id) GROUP BY 1, 2` },
  { name: 'balance by year and citizenship', id: 'flows.balance.crossings', raw: (to) => ({ from: '2024-01-01', to, period: 'year', by: 'citizenship' }),
    baseline: (f, t) => `SELECT substr(local_date, 1, 4), nationality, sum(CASE WHEN direction = 'entry' THEN 1 ELSE -1 END) FROM border_crossings c WHERE decision = 'admit' AND local_date BETWEEN '${f}' AND '${t}' AND NOT EXISTS (SELECT 1 FROM border_crossings s WHERE s.supersedes = c.id) GROUP BY 1, 2` },
  { name: 'entries per day, last 90 days, by sex', id: 'flows.entries.crossings', raw: (to) => ({ from: shift(to, -89), to, period: 'day', by: 'sex' }),
    baseline: (f, t) => `SELECT local_date, p.sex, count(*) FROM border_crossings c LEFT JOIN persons p ON p.id = c.person_id WHERE decision = 'admit' AND direction = 'entry' AND local_date BETWEEN '${f}' AND '${t}' AND NOT EXISTS (SELECT 1 FROM border_crossings s WHERE s.supersedes = c.id) GROUP BY 1, 2` },
  { name: 'refusals by quarter and crossing point', id: 'border.refusals.crossings', raw: (to) => ({ from: '2024-01-01', to, period: 'quarter', by: 'crossingPoint,direction' }),
    baseline: (f, t) => `SELECT substr(local_date, 1, 4), (substr(local_date, 6, 2)::int + 2) / 3, crossing_point, direction, count(*) FROM border_crossings c WHERE decision = 'refuse' AND local_date BETWEEN '${f}' AND '${t}' AND NOT EXISTS (SELECT 1 FROM border_crossings s WHERE s.supersedes = c.id) GROUP BY 1, 2, 3, 4` },
  { name: 'entries by month, age group and sex (foreigners)', id: 'flows.entries.crossings', raw: (to) => ({ from: shift(to, -364), to, period: 'month', by: 'ageBroad,sex', citizenGroup: 'FOREIGNER' }), baseline: null },
  { name: 'foreigners present on a date by citizenship', id: 'stocks.foreigners.present', raw: (to) => ({ at: to, by: 'citizenship' }), baseline: null },
  { name: 'irregular residents on a date by sex and age', id: 'stocks.irregular', raw: (to) => ({ at: to, by: 'sex,ageBroad' }), baseline: null },
  { name: 'immigrants by year and citizenship', id: 'migration.immigrants', raw: (to) => ({ from: '2024-01-01', to, period: 'year', by: 'citizenship' }), baseline: null },
  { name: 'distinct persons entering, one month, by citizen group', id: 'flows.entries.persons', raw: (to) => ({ from: shift(to, -29), to, period: 'month', by: 'citizenGroup' }),
    baseline: (f, t) => `SELECT substr(local_date, 1, 7), nationality = 'ARM', count(DISTINCT person_id) FROM border_crossings c WHERE decision = 'admit' AND direction = 'entry' AND local_date BETWEEN '${f}' AND '${t}' AND NOT EXISTS (SELECT 1 FROM border_crossings s WHERE s.supersedes = c.id) GROUP BY 1, 2` },
];

function shift(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

async function time(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return { p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), p99: round(percentile(s, 99)) };
};
const round = (x: number) => Math.round(x * 10) / 10;

async function measure(db: Db, label: string, n: number) {
  log(`${label}: loading ${n.toLocaleString('en')} crossings`);
  const t0 = performance.now();
  await loadData(db, n);
  const loadSeconds = (performance.now() - t0) / 1000;
  log(`${label}: catch-up (worker emptying the change queue)`);
  const t1 = performance.now();
  const r = await refreshStatistics(db, { country: 'ARM', now: new Date(), batch: 5000 });
  const catchUpSeconds = (performance.now() - t1) / 1000;
  log(`${label}: ${r.travellers.toLocaleString('en')} travellers in ${catchUpSeconds.toFixed(1)} s; timing queries`);
  const results: Timed[] = [];
  for (const q of DASHBOARD) {
    const service: number[] = [];
    const baseline: number[] = [];
    for (let k = 0; k < RUNS; k++) {
      const to = shift(TODAY, -(k % 60)); // vary the range a little
      const parsed = parseStatQuery(q.id, q.raw(to), TODAY);
      if (!parsed.ok) throw new Error(`${q.name}: ${JSON.stringify(parsed.issues)}`);
      service.push(await time(() => computeIndicator(db, parsed.query, null)));
      if (q.baseline) baseline.push(await time(() => db.query(q.baseline!(parsed.query.from, parsed.query.to))));
    }
    const s = stats(service);
    const b = baseline.length ? stats(baseline) : null;
    results.push({ name: q.name, ...s, baselineP50: b?.p50 ?? null, baselineP95: b?.p95 ?? null, ratioP95: b ? round(b.p95 / Math.max(s.p95, 0.1)) : null });
    log(`  ${q.name}: p95 ${s.p95} ms${b ? ` (raw GROUP BY p95 ${b.p95} ms)` : ''}`);
  }
  const tables = (await db.query<{ t: string; n: string }>(
    `SELECT 'stat_flow_counts' AS t, count(*) AS n FROM stat_flow_counts UNION ALL SELECT 'stat_flow_facts', count(*) FROM stat_flow_facts
     UNION ALL SELECT 'stat_stock_deltas', count(*) FROM stat_stock_deltas UNION ALL SELECT 'stat_migration_events', count(*) FROM stat_migration_events`,
  )).rows.map((x) => ({ table: x.t, rows: Number(x.n) }));
  return { engine: label, crossings: n, loadSeconds: round(loadSeconds), catchUpSeconds: round(catchUpSeconds), travellers: r.travellers, tables, queries: results };
}

async function postgres() {
  const base = process.env.DATABASE_URL ?? 'postgres://127.0.0.1:5432/postgres';
  const name = `kamurj_bench_statistics_${PG_N}`;
  const admin = new pg.Client({ connectionString: pgConnectionString(base) });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8'`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const db = await openDb({ databaseUrl: url.toString(), poolSize: 2 });
  try {
    await migrate(db);
    return await measure(db, 'postgresql', PG_N);
  } finally {
    await db.close();
    if (!process.argv.includes('--keep')) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

async function pglite() {
  const db = await openDb({ dataDir: 'memory://' });
  try {
    await migrate(db);
    return await measure(db, 'pglite', LITE_N);
  } finally {
    await db.close();
  }
}

async function main() {
  const runs = [];
  if (PG_N > 0) runs.push(await postgres());
  if (LITE_N > 0) runs.push(await pglite());
  const report = { at: new Date().toISOString(), cpus: cpus().length, runsPerQuery: RUNS, target: 'dashboard query p95 ≤ 100 ms at 10,000,000 crossings (PostgreSQL)', runs };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/statistics-query-speed.json', `${JSON.stringify(report, null, 2)}\n`);
  const md = [
    '# Statistics query speed',
    '',
    `Run ${report.at} on ${report.cpus} CPUs, ${RUNS} runs per query. Command: \`node --import tsx bench/statistics/query-speed.ts ${process.argv.slice(2).join(' ')}\`.`,
    '',
    ...runs.flatMap((r) => [
      `## ${r.engine}, ${r.crossings.toLocaleString('en')} crossings`,
      '',
      `Bulk load ${r.loadSeconds} s; aggregation catch-up ${r.catchUpSeconds} s for ${r.travellers.toLocaleString('en')} travellers. Tables: ${r.tables.map((t) => `${t.table} ${t.rows.toLocaleString('en')}`).join(', ')}.`,
      '',
      '| Query | p50 ms | p95 ms | p99 ms | raw GROUP BY p50 ms | raw p95 ms | raw p95 ÷ service p95 |',
      '|---|---|---|---|---|---|---|',
      ...r.queries.map((q) => `| ${q.name} | ${q.p50} | ${q.p95} | ${q.p99} | ${q.baselineP50 ?? '—'} | ${q.baselineP95 ?? '—'} | ${q.ratioP95 ?? '—'} |`),
      '',
    ]),
    'Stocks and migration have no single raw GROUP BY equivalent (they need each traveller\'s history), hence no baseline.',
    '',
  ].join('\n');
  writeFileSync('bench/results/statistics-query-speed.md', md);
  console.log(md);
}

await main();
