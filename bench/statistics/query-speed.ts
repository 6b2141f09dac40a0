/**
 * Statistics query speed (issue 5; ADR 0601, Scale): dashboard queries through the statistics service
 * (cuboids, stock checkpoints, event counts) versus the equivalent GROUP BY / count(DISTINCT) over the raw
 * border_crossings (+ persons) measured in the same run. PostgreSQL: a fresh scratch database
 * `kamurj_bench_statistics_<n>` on 127.0.0.1:5432 (or DATABASE_URL's server) with n crossings (bulk SQL:
 * persons with about five crossings each, alternating entries and exits over 2024–2026, skewed
 * citizenships, all crossing points, refusals, corrections) and the persons they need; PGlite (on disk
 * in a temporary directory) with m crossings. Also timed: the bulk build, table sizes, and freshness
 * (new crossings counted by the incremental worker, history untouched).
 *
 *   node --import tsx bench/statistics/query-speed.ts                      # 10,000,000 on PostgreSQL, 1,000,000 on PGlite
 *   node --import tsx bench/statistics/query-speed.ts --quick              # 100,000 / 20,000
 *   node --import tsx bench/statistics/query-speed.ts --crossings 500000 --pglite-crossings 0 --runs 30
 *
 * Writes bench/results/statistics-query-speed.{json,md}.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { parseStatQuery, planFlowCuboid, type StatQuery } from '../../packages/domain/src/statistics/index.ts';
import { openDb, pgConnectionString, type Db } from '../../packages/server/src/db/client.ts';
import { migrate } from '../../packages/server/src/db/migrate.ts';
import { computeIndicator, rebuildStatistics, refreshStatistics } from '../../packages/server/src/modules/statistics/index.ts';
import { percentile } from '../persons/queries.ts';

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const QUICK = process.argv.includes('--quick');
const PG_N = Number(arg('crossings') ?? (QUICK ? 100_000 : 10_000_000));
const LITE_N = Number(arg('pglite-crossings') ?? (QUICK ? 20_000 : 1_000_000));
const RUNS = Number(arg('runs') ?? (QUICK ? 20 : 50));
/** The raw baselines take seconds at full size: fewer runs. */
const BASELINE_RUNS = Number(arg('baseline-runs') ?? (QUICK ? 10 : 10));
const TODAY = '2026-06-30';
const log = (s: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${s} (load ${loadavg().map((x) => x.toFixed(2)).join(' ')})`);

/** A person's nationality (by person number): a third citizens, then skewed neighbours and others. */
const NATIONALITY = (p: string) =>
  `(ARRAY['ARM', 'ARM', 'ARM', 'ARM', 'ARM', 'RUS', 'RUS', 'RUS', 'IRN', 'IRN', 'GEO', 'GEO', 'USA', 'FRA', 'CHN', 'IND', 'UKR', 'DEU', 'ITA', 'TUR', 'KAZ', 'UZB', 'SYR', 'LBN'])[1 + (${p} * 7) % 24]`;

/**
 * Persons (one per five crossings) and their crossings: crossing i belongs to person i mod P as their
 * j-th movement (j = i div P), on day start + j × stride (start and stride per person, so spells of two
 * to six months over about 2.5 years), entries and exits alternating (citizens leave first). Points,
 * transport, purpose and nationality vary per person and trip; 1 in 67 is refused; 1 in 211 is later
 * corrected (a record moved by one day superseding it). The statistics trigger is off during the load:
 * the bulk build reads the records, not the queue.
 */
async function loadData(db: Db, n: number): Promise<void> {
  const persons = Math.max(1, Math.floor(n / 5));
  await db.query(
    `INSERT INTO persons (id, record, birth_date, sex, source, created_at, updated_at)
     SELECT md5('p' || i)::uuid, '{}', CASE WHEN i % 23 = 0 THEN NULL ELSE (1940 + (i * 7919) % 80)::text || CASE WHEN i % 9 = 0 THEN '' ELSE '-' || lpad((1 + i % 12)::text, 2, '0') || '-' || lpad((1 + i % 28)::text, 2, '0') END END,
            (ARRAY['F', 'M', 'M', 'F', 'X', 'F', 'M', 'F', 'M', 'M'])[1 + (i * 37) % 10], 'seed', now(), now()
       FROM generate_series(1, $1::bigint) i`,
    [persons],
  );
  await db.query('ALTER TABLE border_crossings DISABLE TRIGGER border_crossings_statistics');
  const insert = (select: string) => `INSERT INTO border_crossings (id, occurred_at, local_date, local_time, time_zone, offset_minutes, direction, crossing_point, jurisdiction_path, officer_id, officer_name,
       person_id, document, document_number, nationality, decision, transport, purpose, supersedes, supersede_reason, stay, recorded_at)
     SELECT id, ts, to_char(ts, 'YYYY-MM-DD'), to_char(ts, 'HH24:MI'), 'Asia/Yerevan', 240, dir, pt, 'ARM.' || CASE WHEN pt IN ('BAGRATASHEN', 'BAVRA', 'GOGAVAN', 'AYRUM') THEN 'AM-TV' WHEN pt = 'MEGHRI' THEN 'AM-SU' ELSE 'AM-ER' END || '.' || pt,
            'bench', 'Bench', md5('p' || p)::uuid, '{}', 'D' || p, nat, CASE WHEN i % 67 = 0 THEN 'refuse' ELSE 'admit' END,
            jsonb_build_object('mode', CASE WHEN pt IN ('ZVARTNOTS', 'SHIRAK') THEN 'air' WHEN pt = 'AYRUM' THEN 'rail' ELSE 'road' END),
            (ARRAY['tourism', 'business', 'work', 'family', 'transit', 'study', 'other', 'tourism'])[1 + (p * 13 + j) % 8], sup, CASE WHEN sup IS NOT NULL THEN 'correction' END,
            CASE WHEN dir = 'entry' AND nat <> 'ARM' THEN jsonb_build_object('kind', 'counted', 'lastLawfulDay', to_char(ts + ((p % 7) * 30 + 20) * interval '1 day', 'YYYY-MM-DD')) END, now()
       FROM (SELECT i, p, j, id, sup, timestamp '2024-01-01' + (((p * 7907) % 200) + j * (60 + (p * 131) % 120) + shift) * interval '1 day' + ((i * 6113) % 86400) * interval '1 second' AS ts,
                    CASE WHEN (j + CASE WHEN nat = 'ARM' THEN 1 ELSE 0 END) % 2 = 0 THEN 'entry' ELSE 'exit' END AS dir, nat,
                    (ARRAY['ZVARTNOTS', 'ZVARTNOTS', 'ZVARTNOTS', 'SHIRAK', 'BAGRATASHEN', 'BAGRATASHEN', 'BAVRA', 'MEGHRI', 'MARGARA', 'AYRUM', 'GOGAVAN'])[1 + (p * 31 + j * 7 + shift) % 11] AS pt
               FROM (SELECT i, p, j, id, sup, shift,
                            ${NATIONALITY('p')} AS nat
                       FROM (${select}) s) y) x`;
  const chunk = 1_000_000;
  for (let lo = 1; lo <= n; lo += chunk) {
    const hi = Math.min(n, lo + chunk - 1);
    await db.query(
      insert(`SELECT i, (i - 1) % $3::bigint + 1 AS p, (i - 1) / $3::bigint AS j, md5('c' || i)::uuid AS id, NULL::uuid AS sup, 0 AS shift FROM generate_series($1::bigint, $2::bigint) i`),
      [lo, hi, persons],
    );
    log(`  crossings ${hi.toLocaleString('en')} / ${n.toLocaleString('en')}`);
  }
  // Corrections: the record one day later supersedes the original (1 in 211).
  await db.query(
    insert(`SELECT i, (i - 1) % $2::bigint + 1 AS p, (i - 1) / $2::bigint AS j, md5('k' || i)::uuid AS id, md5('c' || i)::uuid AS sup, 1 AS shift FROM generate_series(211, $1::bigint, 211) i`),
    [n, persons],
  );
  await db.query('ALTER TABLE border_crossings ENABLE TRIGGER border_crossings_statistics');
  await db.query('ANALYZE');
}

interface Timed {
  name: string;
  indicator: string;
  /** Where the service read it: a cuboid's name, checkpoints, event counts, or the facts. */
  path: string;
  p50: number;
  p95: number;
  p99: number;
  baselineP50: number | null;
  baselineP95: number | null;
  ratioP95: number | null;
}

const NOT_SUPERSEDED = 'NOT EXISTS (SELECT 1 FROM border_crossings s WHERE s.supersedes = c.id)';
const ADMITTED = (dir: string) => `c.decision = 'admit' AND c.direction = '${dir}' AND ${NOT_SUPERSEDED}`;
/** Completed years at the crossing from a partial birth date (YYYY → 1 July, YYYY-MM → the 1st). */
const AGE = `date_part('year', age(c.local_date::date, (CASE length(p.birth_date) WHEN 4 THEN p.birth_date || '-07-01' WHEN 7 THEN p.birth_date || '-01' ELSE p.birth_date END)::date))`;
const AGE_BROAD = `CASE WHEN p.birth_date IS NULL THEN '_U' WHEN ${AGE} < 15 THEN 'Y0T14' WHEN ${AGE} < 65 THEN 'Y15T64' ELSE 'Y_GE65' END`;
/** Each traveller's last admitted movement on or before a day (the raw way to a stock). */
const LAST_MOVE = (d: string) =>
  `SELECT DISTINCT ON (c.person_id) c.person_id, c.direction, c.nationality, c.stay->>'lastLawfulDay' AS lawful FROM border_crossings c
    WHERE c.decision = 'admit' AND c.local_date <= '${d}' AND ${NOT_SUPERSEDED} ORDER BY c.person_id, c.occurred_at DESC`;

/** The dashboard: each entry is an indicator query and the raw SQL a person would write instead. */
const DASHBOARD: { name: string; id: string; raw: (to: string) => Record<string, string>; baseline: ((from: string, to: string, at: string) => string) | null; offCuboid?: true }[] = [
  { name: 'entries by month and citizen group, 24 months', id: 'flows.entries.crossings', raw: (to) => ({ from: shift(to, -729), to, period: 'month', by: 'citizenGroup' }),
    baseline: (f, t) => `SELECT substr(local_date, 1, 7), nationality = 'ARM', count(*) FROM border_crossings c WHERE ${ADMITTED('entry')} AND local_date BETWEEN '${f}' AND '${t}' GROUP BY 1, 2` },
  { name: 'exits by month and crossing point, 24 months', id: 'flows.exits.crossings', raw: (to) => ({ from: shift(to, -729), to, period: 'month', by: 'crossingPoint' }),
    baseline: (f, t) => `SELECT substr(local_date, 1, 7), crossing_point, count(*) FROM border_crossings c WHERE ${ADMITTED('exit')} AND local_date BETWEEN '${f}' AND '${t}' GROUP BY 1, 2` },
  { name: 'balance by year and citizenship', id: 'flows.balance.crossings', raw: (to) => ({ from: '2024-01-01', to, period: 'year', by: 'citizenship' }),
    baseline: (f, t) => `SELECT substr(local_date, 1, 4), nationality, sum(CASE WHEN direction = 'entry' THEN 1 ELSE -1 END) FROM border_crossings c WHERE decision = 'admit' AND ${NOT_SUPERSEDED} AND local_date BETWEEN '${f}' AND '${t}' GROUP BY 1, 2` },
  { name: 'entries per day, last 90 days, by sex', id: 'flows.entries.crossings', raw: (to) => ({ from: shift(to, -89), to, period: 'day', by: 'sex' }),
    baseline: (f, t) => `SELECT local_date, p.sex, count(*) FROM border_crossings c LEFT JOIN persons p ON p.id = c.person_id WHERE ${ADMITTED('entry')} AND local_date BETWEEN '${f}' AND '${t}' GROUP BY 1, 2` },
  { name: 'refusals by quarter, crossing point and direction', id: 'border.refusals.crossings', raw: (to) => ({ from: '2024-01-01', to, period: 'quarter', by: 'crossingPoint,direction' }),
    baseline: (f, t) => `SELECT substr(local_date, 1, 4), (substr(local_date, 6, 2)::int + 2) / 3, crossing_point, direction, count(*) FROM border_crossings c WHERE decision = 'refuse' AND local_date BETWEEN '${f}' AND '${t}' AND ${NOT_SUPERSEDED} GROUP BY 1, 2, 3, 4` },
  { name: 'foreign entries by month, age group and sex, 12 months', id: 'flows.entries.crossings', raw: (to) => ({ from: shift(to, -364), to, period: 'month', by: 'ageBroad,sex', citizenGroup: 'FOREIGNER' }),
    baseline: (f, t) => `SELECT substr(c.local_date, 1, 7), ${AGE_BROAD}, p.sex, count(*) FROM border_crossings c LEFT JOIN persons p ON p.id = c.person_id WHERE ${ADMITTED('entry')} AND c.nationality <> 'ARM' AND c.local_date BETWEEN '${f}' AND '${t}' GROUP BY 1, 2, 3` },
  { name: 'foreign entries by month and crossing point, 12 months', id: 'flows.entries.crossings', raw: (to) => ({ from: shift(to, -364), to, period: 'month', by: 'crossingPoint', citizenGroup: 'FOREIGNER' }),
    baseline: (f, t) => `SELECT substr(local_date, 1, 7), crossing_point, count(*) FROM border_crossings c WHERE ${ADMITTED('entry')} AND nationality <> 'ARM' AND local_date BETWEEN '${f}' AND '${t}' GROUP BY 1, 2` },
  { name: 'persons entering by month and citizen group, 12 months', id: 'flows.entries.persons', raw: (to) => ({ from: shift(to, -364), to, period: 'month', by: 'citizenGroup' }),
    baseline: (f, t) => `SELECT substr(local_date, 1, 7), nationality = 'ARM', count(DISTINCT person_id) FROM border_crossings c WHERE ${ADMITTED('entry')} AND local_date BETWEEN '${f}' AND '${t}' GROUP BY 1, 2` },
  { name: 'persons entering by quarter, sex and age group', id: 'flows.entries.persons', raw: (to) => ({ from: '2024-01-01', to, period: 'quarter', by: 'sex,ageBroad' }),
    baseline: (f, t) => `SELECT substr(c.local_date, 1, 4), (substr(c.local_date, 6, 2)::int + 2) / 3, p.sex, ${AGE_BROAD}, count(DISTINCT c.person_id) FROM border_crossings c LEFT JOIN persons p ON p.id = c.person_id WHERE ${ADMITTED('entry')} AND c.local_date BETWEEN '${f}' AND '${t}' GROUP BY 1, 2, 3, 4` },
  { name: 'persons leaving by year and citizenship', id: 'flows.exits.persons', raw: (to) => ({ from: '2024-01-01', to, period: 'year', by: 'citizenship' }),
    baseline: (f, t) => `SELECT substr(local_date, 1, 4), nationality, count(DISTINCT person_id) FROM border_crossings c WHERE ${ADMITTED('exit')} AND local_date BETWEEN '${f}' AND '${t}' GROUP BY 1, 2` },
  { name: 'foreigners present on a date by citizenship', id: 'stocks.foreigners.present', raw: (to) => ({ at: to, by: 'citizenship' }),
    baseline: (_f, _t, at) => `SELECT nationality, count(*) FROM (${LAST_MOVE(at)}) x WHERE direction = 'entry' AND nationality <> 'ARM' GROUP BY 1` },
  { name: 'irregular residents on a date by sex and age group', id: 'stocks.irregular', raw: (to) => ({ at: to, by: 'sex,ageBroad' }),
    baseline: (_f, _t, at) => `SELECT p.sex, count(*) FROM (${LAST_MOVE(at)}) x JOIN persons p ON p.id = x.person_id WHERE x.direction = 'entry' AND x.nationality <> 'ARM' AND x.lawful < '${at}' GROUP BY 1` },
  { name: 'immigrants by year and citizenship', id: 'migration.immigrants', raw: (to) => ({ from: '2024-01-01', to, at: to, period: 'year', by: 'citizenship' }), baseline: null },
  { name: 'net migration by month, 12 months', id: 'migration.net', raw: (to) => ({ from: shift(to, -364), to, at: to, period: 'month' }), baseline: null },
  { name: 'persons entering by month and transport, 12 months', id: 'flows.entries.persons', raw: (to) => ({ from: shift(to, -364), to, period: 'month', by: 'transport' }),
    baseline: (f, t) => `SELECT substr(local_date, 1, 7), transport->>'mode', count(DISTINCT person_id) FROM border_crossings c WHERE ${ADMITTED('entry')} AND local_date BETWEEN '${f}' AND '${t}' GROUP BY 1, 2` },
  { name: 'persons entering by month and sex, 12 months', id: 'flows.entries.persons', raw: (to) => ({ from: shift(to, -364), to, period: 'month', by: 'sex' }),
    baseline: (f, t) => `SELECT substr(c.local_date, 1, 7), p.sex, count(DISTINCT c.person_id) FROM border_crossings c LEFT JOIN persons p ON p.id = c.person_id WHERE ${ADMITTED('entry')} AND c.local_date BETWEEN '${f}' AND '${t}' GROUP BY 1, 2` },
  { name: 'foreigners entering by purpose, last 30 days (no cuboid: counted over the facts)', id: 'flows.entries.persons', raw: (to) => ({ from: shift(to, -29), to, period: 'month', by: 'purpose', citizenGroup: 'FOREIGNER' }), offCuboid: true,
    baseline: (f, t) => `SELECT substr(local_date, 1, 7), purpose, count(DISTINCT person_id) FROM border_crossings c WHERE ${ADMITTED('entry')} AND nationality <> 'ARM' AND local_date BETWEEN '${f}' AND '${t}' GROUP BY 1, 2` },
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
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ');

function pathOf(q: StatQuery): string {
  const ind = q.indicator;
  if (ind.kind === 'stock') return 'stock checkpoint + deltas';
  if (ind.kind === 'migration') return 'event counts + month of at';
  return planFlowCuboid({ measure: ind.measure, by: q.by, filters: q.filters })?.name ?? 'facts';
}

const TABLES = ['border_crossings', 'persons', 'stat_flow_facts', 'stat_flow_cuboids', 'stat_stock_segments', 'stat_stock_deltas', 'stat_stock_checkpoints', 'stat_migration_events', 'stat_migration_counts'];

async function measure(db: Db, label: string, n: number) {
  log(`${label}: loading ${n.toLocaleString('en')} crossings`);
  const t0 = performance.now();
  await loadData(db, n);
  const loadSeconds = (performance.now() - t0) / 1000;
  log(`${label}: bulk build`);
  const loadBefore = load();
  const t1 = performance.now();
  const build = await rebuildStatistics(db, { country: 'ARM', now: new Date(`${TODAY}T12:00:00Z`) });
  const buildSeconds = (performance.now() - t1) / 1000;
  await db.query('ANALYZE');
  log(`${label}: ${build.travellers.toLocaleString('en')} travellers, ${build.flows.toLocaleString('en')} flow facts in ${buildSeconds.toFixed(1)} s; timing queries`);
  const results: Timed[] = [];
  const all: number[] = [];
  const queryLoad = load();
  for (const q of DASHBOARD) {
    const service: number[] = [];
    const baseline: number[] = [];
    let path = '';
    for (let k = 0; k < RUNS; k++) {
      const to = shift(TODAY, -(k % 60)); // vary the range a little
      const parsed = parseStatQuery(q.id, q.raw(to), TODAY);
      if (!parsed.ok) throw new Error(`${q.name}: ${JSON.stringify(parsed.issues)}`);
      path = pathOf(parsed.query);
      service.push(await time(() => computeIndicator(db, parsed.query, null)));
      if (q.baseline && k < BASELINE_RUNS) baseline.push(await time(() => db.query(q.baseline!(parsed.query.from, parsed.query.to, parsed.query.at))));
    }
    if (!q.offCuboid) all.push(...service);
    const s = stats(service);
    const b = baseline.length ? stats(baseline) : null;
    results.push({ name: q.name, indicator: q.id, path, ...s, baselineP50: b?.p50 ?? null, baselineP95: b?.p95 ?? null, ratioP95: b ? round(b.p95 / Math.max(s.p95, 0.1)) : null });
    log(`  ${q.name} [${path}]: p95 ${s.p95} ms${b ? ` (raw p95 ${b.p95} ms)` : ''}`);
  }
  // Freshness: new entries today by known travellers (their usual nationality), counted by one incremental
  // refresh that re-derives only their travellers.
  const fresh = 200;
  await db.query(
    `INSERT INTO border_crossings (id, occurred_at, local_date, local_time, time_zone, offset_minutes, direction, crossing_point, jurisdiction_path, officer_id, officer_name, person_id, document, document_number, nationality, decision, recorded_at)
     SELECT md5('fresh' || i)::uuid, timestamp '${TODAY} 10:00' + i * interval '1 second', '${TODAY}', '10:00', 'Asia/Yerevan', 240, 'entry', 'ZVARTNOTS', 'ARM.AM-ER.ZVARTNOTS', 'bench', 'Bench',
            md5('p' || i)::uuid, '{}', 'D' || i, ${NATIONALITY('i')}, 'admit', now() FROM generate_series(1, $1::int) i`,
    [fresh],
  );
  const day = parseStatQuery('flows.entries.crossings', { from: TODAY, to: TODAY, period: 'day' }, TODAY);
  if (!day.ok) throw new Error('freshness query');
  const total = async () => (await computeIndicator(db, day.query, null)).cells.reduce((x, c) => x + (c.value ?? 0), 0);
  const beforeFresh = await total();
  const t2 = performance.now();
  const refreshed = await refreshStatistics(db, { country: 'ARM', now: new Date(`${TODAY}T12:00:00Z`) });
  const freshSeconds = (performance.now() - t2) / 1000;
  const counted = (await total()) - beforeFresh;
  log(`${label}: freshness: ${counted} of ${fresh} new entries counted after ${freshSeconds.toFixed(2)} s (${refreshed.travellers} travellers re-derived)`);
  const tables = [];
  for (const table of TABLES) {
    const r = (await db.query<{ n: string; bytes: string }>(`SELECT count(*)::text AS n, pg_total_relation_size('${table}')::text AS bytes FROM ${table}`)).rows[0]!;
    tables.push({ table, rows: Number(r.n), megabytes: round(Number(r.bytes) / 2 ** 20) });
  }
  const overall = stats(all);
  return {
    engine: label,
    crossings: n,
    loadSeconds: round(loadSeconds),
    build: { totalSeconds: round(buildSeconds), ...build, loadAverage: loadBefore },
    freshness: { newCrossings: fresh, counted, seconds: round(freshSeconds), travellersRederived: refreshed.travellers },
    queryLoadAverage: queryLoad,
    overall,
    tables,
    queries: results,
  };
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
  const dir = mkdtempSync(join(tmpdir(), 'kamurj-bench-statistics-'));
  const db = await openDb({ dataDir: dir });
  try {
    await migrate(db);
    return await measure(db, 'pglite', LITE_N);
  } finally {
    await db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const runs: Awaited<ReturnType<typeof measure>>[] = [];
  // Results are written after each engine, so a long run leaves its first half on disk.
  if (PG_N > 0) {
    runs.push(await postgres());
    write(runs);
  }
  if (LITE_N > 0) {
    runs.push(await pglite());
    write(runs);
  }
}

function write(runs: Awaited<ReturnType<typeof measure>>[]) {
  const command = `node --import tsx bench/statistics/query-speed.ts ${process.argv.slice(2).join(' ')}`.trim();
  const report = {
    at: new Date().toISOString(),
    command,
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? '', memoryGiB: round(totalmem() / 2 ** 30), node: process.version },
    runsPerQuery: RUNS,
    baselineRunsPerQuery: BASELINE_RUNS,
    target: 'dashboard query p95 ≤ 100 ms at 10,000,000 crossings (PostgreSQL); new crossings counted within 60 s',
    runs,
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/statistics-query-speed.json', `${JSON.stringify(report, null, 2)}\n`);
  const md = [
    '# Statistics query speed',
    '',
    `Run ${report.at} on ${report.machine.cpus} CPUs (${report.machine.model}, ${report.machine.memoryGiB} GiB, Node ${report.machine.node}), shared with other work: the load average is given next to each figure. ${RUNS} runs per query through the service (\`computeIndicator\`), ${BASELINE_RUNS} of the raw SQL. Command: \`${command}\`.`,
    '',
    ...runs.flatMap((r) => [
      `## ${r.engine}, ${r.crossings.toLocaleString('en')} crossings`,
      '',
      `- Data generation ${r.loadSeconds} s. **Bulk build ${r.build.totalSeconds} s** (facts ${r.build.seconds.facts} s, summary tables ${r.build.seconds.aggregates} s) for ${r.build.travellers.toLocaleString('en')} travellers and ${r.build.flows.toLocaleString('en')} flow facts; load average before: ${r.build.loadAverage}.`,
      `- **Dashboard overall** (every query below but the last): p50 ${r.overall.p50} ms, **p95 ${r.overall.p95} ms**, p99 ${r.overall.p99} ms; load average when timing began: ${r.queryLoadAverage}.`,
      `- **Freshness**: ${r.freshness.counted} of ${r.freshness.newCrossings} new crossings counted after one incremental refresh of ${r.freshness.seconds} s (${r.freshness.travellersRederived} travellers re-derived, no history recomputed); the server's worker runs every 10 s.`,
      '',
      '| Query | read from | p50 ms | p95 ms | p99 ms | raw SQL p50 ms | raw p95 ms | raw p95 ÷ service p95 |',
      '|---|---|---|---|---|---|---|---|',
      ...r.queries.map((q) => `| ${q.name} | ${q.path} | ${q.p50} | ${q.p95} | ${q.p99} | ${q.baselineP50 ?? '—'} | ${q.baselineP95 ?? '—'} | ${q.ratioP95 ?? '—'} |`),
      '',
      '| Table | rows | MiB |',
      '|---|---|---|',
      ...r.tables.map((t) => `| ${t.table} | ${t.rows.toLocaleString('en')} | ${t.megabytes} |`),
      '',
    ]),
    'Raw baselines: the GROUP BY / count(DISTINCT) over `border_crossings` (+ `persons`) with corrections applied; stocks as each traveller\'s last admitted movement on or before the date (DISTINCT ON), a simplification of the method (citizenship as of that movement; irregular without age groups). Migration (usual residence) has no single-statement equivalent, hence no baseline.',
    '',
  ].join('\n');
  writeFileSync('bench/results/statistics-query-speed.md', md);
  console.log(md);
}

await main();
