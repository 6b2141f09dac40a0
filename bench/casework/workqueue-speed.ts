/**
 * Casework at scale (issue 6 §1): a workqueue over N open cases filters and pages in ≤ 100 ms at the 95th
 * percentile on PostgreSQL, against a naive baseline in the same run (load every case in scope, filter,
 * sort and page in memory); recording an action with its audit row ≤ 20 ms at p95 under U concurrent users.
 * "Under U concurrent users" is measured twice: (a) U users at a documented pace (think time exponential
 * around --think seconds, open-loop, latency from the scheduled start: the target figure) and (b) U users
 * with no think time (saturation: throughput and latency), next to pgbench's single-row rates on the same
 * server as the ceiling.
 * Creates a scratch database on 127.0.0.1:5432 (or DATABASE_URL's server), migrates, seeds the demo
 * accounts, bulk-inserts N open cases spread over the regions, then measures through the module's own
 * service functions (the same code the routes run, audit rows included).
 *
 *   npx tsx bench/casework/workqueue-speed.ts [--cases 100000] [--queries 300] [--users 50] [--actions 20] [--think 2] [--ceiling-seconds 10] [--keep]
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../../packages/server/src/config/config.ts';
import { systemClock, type AppDeps } from '../../packages/server/src/app-deps.ts';
import { openDb, pgConnectionString } from '../../packages/server/src/db/client.ts';
import { migrate } from '../../packages/server/src/db/migrate.ts';
import type { AuthContext } from '../../packages/server/src/http/auth-context.ts';
import { stableUuid } from '../../packages/server/src/lib/ids.ts';
import { appendInTx, createCase } from '../../packages/server/src/modules/casework/index.ts';
import { workqueue, scopeClause, type QueueQuery } from '../../packages/server/src/modules/casework/queue.ts';
import { CASE_COLUMNS, CASE_FROM, type CaseRow } from '../../packages/server/src/modules/casework/repository.ts';
import { loadProfile } from '../../packages/server/src/profiles/profile.ts';
import { seed } from '../../packages/server/src/seed/seed.ts';
import { argNumber, machine, writeResults } from '../linkage/common.ts';
import { percentile } from '../persons/queries.ts';

const N = argNumber('--cases', 100_000);
const QUERIES = argNumber('--queries', 300);
const USERS = argNumber('--users', 50);
const ACTIONS = argNumber('--actions', 20);
const KEEP = process.argv.includes('--keep');
/** Mean think time between two actions of one user, in seconds (paced run). */
const THINK = argNumber('--think', 2);
const CEILING_SECONDS = argNumber('--ceiling-seconds', 10);
const loadBefore = loadavg().map((x) => Math.round(x * 100) / 100);
const base = process.env.DATABASE_URL ?? 'postgres://127.0.0.1:5432/postgres';
const dbName = `kamurj_bench_cases_${process.pid}`;
const url = new URL(pgConnectionString(base));
url.pathname = `/${dbName}`;

const STATUSES = ['draft', 'submitted', 'checks', 'labour-market-check', 'granted', 'card-issued'];
const workerId = stableUuid('demo-user', 'ARM:case.worker');
const auth: AuthContext = {
  actor: { kind: 'user', id: workerId, agencyId: stableUuid('agency', 'MCS'), roles: ['case_worker'], scopes: ['ARM.AM-ER', 'ARM.AM-KT'] },
  actorName: 'Narek Avetisyan',
  agencyCode: 'MCS',
  user: { id: workerId, username: 'case.worker', displayName: 'Narek Avetisyan' },
  token: null,
  session: null,
};
const origin = () => ({ auth, clientIp: '127.0.0.1', requestId: null, at: new Date() });

/** A random workqueue query: the filters people use, on a random early page. */
function queryOf(n: number): QueueQuery {
  const r = (k: number) => (n * 2654435761 + k * 40503) % 997;
  const q: QueueQuery = { limit: 50, offset: 50 * (r(1) % 4) };
  if (r(2) % 3 === 0) q.assignee = 'me';
  if (r(3) % 3 === 1) q.status = STATUSES[r(4) % STATUSES.length];
  if (r(5) % 4 === 0) q.type = r(6) % 2 ? 'work-permit' : 'residence-permit';
  if (r(7) % 4 === 1) q.due = r(8) % 2 ? 'overdue' : 'due-soon';
  if (r(9) % 6 === 0) q.text = `bench case ${r(10) % 90 + 10}`;
  return q;
}

/** The naive way: every open case the actor may see, then filter, sort and page in memory. */
async function naiveQueue(deps: AppDeps, q: QueueQuery, today: string) {
  const s = { params: [] as unknown[], where: [] as string[], p(v: unknown) { this.params.push(v); return `$${this.params.length}`; } };
  const scope = scopeClause(auth, s as never);
  const rows = (await deps.db.query<CaseRow>(`SELECT ${CASE_COLUMNS} FROM ${CASE_FROM} WHERE NOT c.terminal${scope ? ` AND ${scope}` : ''}`, s.params)).rows;
  const hit = rows.filter((r) =>
    (!q.type || r.case_type === q.type) && (!q.status || r.status === q.status) && (q.assignee !== 'me' || r.assignee_id === workerId) &&
    (q.due !== 'overdue' || (r.next_due_on !== null && r.next_due_on < today)) && (q.due !== 'due-soon' || (r.remind_on !== null && r.remind_on <= today && (r.next_due_on ?? '') >= today)) &&
    (!q.text || `${r.number} ${r.title} ${r.case_type}`.toLowerCase().includes(q.text)));
  hit.sort((a, b) => (a.next_due_on ?? '9999').localeCompare(b.next_due_on ?? '9999') || a.number.localeCompare(b.number));
  return { items: hit.slice(q.offset, q.offset + q.limit), total: hit.length };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A small seeded generator, so two runs offer the same schedule. */
function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * What the server itself does with trivial transactions from the same number of clients: single-row
 * INSERTs into a table of their own, and single-row UPDATEs of one row (fully serialised, like the audit
 * chain head). Null when pgbench is not installed.
 */
async function pgbenchCeiling(clients: number) {
  const dir = mkdtempSync(join(tmpdir(), 'kamurj-pgbench-'));
  writeFileSync(join(dir, 'insert.sql'), 'INSERT INTO bench_ceiling_rows (v) VALUES (random());\n');
  writeFileSync(join(dir, 'update.sql'), 'UPDATE bench_ceiling_head SET n = n + 1;\n');
  await db.exec('CREATE TABLE bench_ceiling_rows (id bigserial PRIMARY KEY, v double precision NOT NULL); CREATE TABLE bench_ceiling_head (n bigint NOT NULL); INSERT INTO bench_ceiling_head VALUES (0)');
  const env = { ...process.env, PGPASSWORD: decodeURIComponent(url.password), PGUSER: decodeURIComponent(url.username) };
  const run = (script: string) => {
    const out = spawnSync('pgbench', ['-n', '-h', url.hostname, '-p', url.port || '5432', '-c', String(clients), '-j', '2', '-T', String(CEILING_SECONDS), '-f', join(dir, script), dbName], { env, encoding: 'utf8' });
    if (out.error || out.status !== 0) return null;
    const tps = /tps = ([\d.]+)/.exec(out.stdout);
    return tps ? Math.round(Number(tps[1])) : null;
  };
  try {
    const insertPerSecond = run('insert.sql');
    if (insertPerSecond === null) return null;
    return { tool: 'pgbench', clients, seconds: CEILING_SECONDS, insertPerSecond, serialisedUpdatePerSecond: run('update.sql') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return { n: s.length, p50: r2(percentile(s, 50)), p95: r2(percentile(s, 95)), p99: r2(percentile(s, 99)), max: r2(s.at(-1) ?? 0) };
};

const admin = new pg.Client({ connectionString: pgConnectionString(base) });
await admin.connect();
await admin.query(`DROP DATABASE IF EXISTS ${dbName}`);
await admin.query(`CREATE DATABASE ${dbName} TEMPLATE template0 ENCODING 'UTF8'`);
const db = await openDb({ databaseUrl: url.toString(), poolSize: 20 });
try {
  const profile = loadProfile('ARM');
  await migrate(db);
  await seed(db, profile, { demo: true, demoPassword: 'Bench-password-2026!' });
  const deps: AppDeps = { db, config: loadConfig({ NODE_ENV: 'test', DATABASE_URL: url.toString(), KAMURJ_LOG_LEVEL: 'silent' }), clock: systemClock };
  const paths = (await db.query<{ path: string }>(`SELECT path FROM jurisdictions WHERE kind = 'marz' ORDER BY path`)).rows.map((r) => r.path);
  const t0 = performance.now();
  await db.query(
    `INSERT INTO cases (id, number, case_type, type_version, title, status, terminal, version, agency_id, agency_code, jurisdiction_path, assignee_id,
                        search_text, next_due_on, remind_on, breached, opened_on, last_action_on, created_at, updated_at)
     SELECT gen_random_uuid(), 'B-' || lpad(g::text, 7, '0'), CASE WHEN g % 2 = 0 THEN 'residence-permit' ELSE 'work-permit' END, 1, 'Bench case ' || g,
            ($1::text[])[1 + g % cardinality($1::text[])], false, 3, $2, 'MCS', ($3::text[])[1 + (g / 7) % cardinality($3::text[])],
            CASE WHEN g % 5 = 0 THEN $4::uuid END, lower('b-' || lpad(g::text, 7, '0') || ' bench case ' || g || ' ' || CASE WHEN g % 2 = 0 THEN 'residence-permit' ELSE 'work-permit' END),
            CASE WHEN g % 4 <> 0 THEN current_date + ((g * 7919) % 120 - 30) END, CASE WHEN g % 4 <> 0 THEN current_date + ((g * 7919) % 120 - 33) END,
            false, current_date - 40, current_date - 1, now(), now()
       FROM generate_series(1, $5::int) g`,
    [STATUSES, auth.actor.agencyId, paths, workerId, N],
  );
  await db.query('ANALYZE cases');
  const loadSeconds = (performance.now() - t0) / 1000;
  const inScope = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM cases WHERE jurisdiction_path IN ('ARM.AM-ER', 'ARM.AM-KT')`)).rows[0]?.n);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: profile.timezone }).format(new Date());

  const queries = Array.from({ length: QUERIES }, (_, i) => queryOf(i + 1));
  for (const q of queries.slice(0, 10)) await workqueue(deps, origin(), auth, q); // warm-up
  const fast: number[] = [];
  const naive: number[] = [];
  let mismatches = 0;
  // The module's queries first, then the baseline's: interleaved, the baseline's 18,000-row reads would
  // leave their garbage collection to land in the next indexed query.
  const answers = [];
  for (const q of queries) {
    const a = performance.now();
    answers.push(await workqueue(deps, origin(), auth, q));
    fast.push(performance.now() - a);
  }
  for (const [i, q] of queries.entries()) {
    const b = performance.now();
    const n = await naiveQueue(deps, q, today);
    naive.push(performance.now() - b);
    const r = answers[i]!;
    if (n.total !== r.total || n.items.map((x) => x.id).join() !== r.items.map((x) => x.id).join()) mismatches += 1;
  }

  // U users, each on a case of their own. (a) Paced, open-loop: each user records an action, then thinks
  // for a time drawn from an exponential distribution around THINK seconds; every action has a scheduled
  // start and its latency runs from that moment (a late start counts against us, no coordinated omission).
  // (b) Saturation: the same users with no think time at all. (c) The ceiling: pgbench on the same server.
  const cases: string[] = [];
  for (let u = 0; u < 2 * USERS; u++) cases.push((await createCase(deps, origin(), auth, { type: 'work-permit', title: `Concurrency ${u}`, office: 'MCS-HQ' })).id);
  const record = (id: string, k: number) =>
    db.tx((tx) => appendInTx(deps, tx, origin(), auth, id, { code: 'add-note', baseVersion: k, payload: { text: `note ${k}` } }));
  const random = mulberry32(20261122);
  const paced: number[] = [];
  const p0 = performance.now();
  await Promise.all(
    cases.slice(0, USERS).map(async (id) => {
      let due = p0 + random() * THINK * 1000; // users do not start in step
      for (let k = 0; k < ACTIONS; k++) {
        const wait = due - performance.now();
        if (wait > 0) await sleep(wait);
        await record(id, k);
        paced.push(performance.now() - due);
        due += -Math.log(1 - random()) * THINK * 1000;
      }
    }),
  );
  const pacedWall = (performance.now() - p0) / 1000;
  const saturated: number[] = [];
  const s0 = performance.now();
  await Promise.all(
    cases.slice(USERS).map(async (id) => {
      for (let k = 0; k < ACTIONS; k++) {
        const s = performance.now();
        await record(id, k);
        saturated.push(performance.now() - s);
      }
    }),
  );
  const wall = (performance.now() - s0) / 1000;
  const recorded = Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM case_actions WHERE case_id = ANY($1::uuid[])', [cases])).rows[0]?.n);
  const audited = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM audit_log WHERE action = 'case.action.add-note'`)).rows[0]?.n);
  const version = (await db.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v;
  const ceiling = await pgbenchCeiling(USERS);
  const loadAfter = loadavg().map((x) => Math.round(x * 100) / 100);

  const report = {
    benchmark: 'casework-workqueue',
    date: new Date().toISOString(),
    machine: { ...machine(), postgres: version },
    cases: N,
    casesInScope: inScope,
    loadSeconds: Math.round(loadSeconds * 10) / 10,
    workqueue: { queries: QUERIES, indexed: stats(fast), naiveBaseline: stats(naive), resultMismatches: mismatches, targetP95Ms: 100 },
    actions: {
      users: USERS,
      actionsPerUser: ACTIONS,
      recorded,
      auditRows: audited,
      targetP95Ms: 20,
      paced: { thinkMeanSeconds: THINK, offeredPerSecond: Math.round((USERS / THINK) * 10) / 10, throughputPerSecond: Math.round(paced.length / pacedWall), latencyFromSchedule: stats(paced) },
      saturation: { throughputPerSecond: Math.round(saturated.length / wall), latency: stats(saturated) },
      ceiling,
    },
    loadAverage: { before: loadBefore, after: loadAfter },
  };
  const md = [
    '# Casework: workqueue and action recording',
    '',
    `Command: \`npx tsx bench/casework/workqueue-speed.ts --cases ${N} --queries ${QUERIES} --users ${USERS} --actions ${ACTIONS} --think ${THINK}\` (${report.date}, PostgreSQL ${version}).`,
    '',
    `${N} open cases (${inScope} in the case worker's two regions), bulk-loaded in ${report.loadSeconds} s. Queries: random filters (assignee, status, type, due, text) on one of the first four pages of 50, each audited.`,
    '',
    '| Workqueue | p50 ms | p95 ms | p99 ms | max ms |',
    '|---|---|---|---|---|',
    `| indexed SQL (the module) | ${report.workqueue.indexed.p50} | ${report.workqueue.indexed.p95} | ${report.workqueue.indexed.p99} | ${report.workqueue.indexed.max} |`,
    `| naive: load scope, filter in memory | ${report.workqueue.naiveBaseline.p50} | ${report.workqueue.naiveBaseline.p95} | ${report.workqueue.naiveBaseline.p99} | ${report.workqueue.naiveBaseline.max} |`,
    '',
    `Same answers from both: ${mismatches === 0 ? 'yes' : `no (${mismatches} differ)`}. Target: p95 ≤ 100 ms.`,
    '',
    `Recording an action with its audit row (\`add-note\` through the module's \`appendInTx\`, one transaction each), ${USERS} users, ${ACTIONS} actions each, ${recorded} actions and ${audited} audit rows written. Target: p95 ≤ 20 ms under ${USERS} concurrent users.`,
    '',
    '| Actions | offered | done/s | p50 ms | p95 ms | p99 ms | max ms |',
    '|---|---|---|---|---|---|---|',
    `| (a) paced: think time exponential, mean ${THINK} s; latency from the scheduled start | ${report.actions.paced.offeredPerSecond}/s | ${report.actions.paced.throughputPerSecond} | ${report.actions.paced.latencyFromSchedule.p50} | ${report.actions.paced.latencyFromSchedule.p95} | ${report.actions.paced.latencyFromSchedule.p99} | ${report.actions.paced.latencyFromSchedule.max} |`,
    `| (b) saturation: no think time | as fast as possible | ${report.actions.saturation.throughputPerSecond} | ${report.actions.saturation.latency.p50} | ${report.actions.saturation.latency.p95} | ${report.actions.saturation.latency.p99} | ${report.actions.saturation.latency.max} |`,
    '',
    ceiling
      ? `Ceiling on this server in the same run (pgbench, ${USERS} clients, ${ceiling.seconds} s each, autocommit): ${ceiling.insertPerSecond} single-row INSERTs/s into a fresh table; ${ceiling.serialisedUpdatePerSecond} single-row UPDATEs/s of one row (every transaction waits for the one before, as audited writes do on the audit chain head).`
      : 'pgbench was not found: no ceiling reference in this run.',
    '',
    `Machine: ${report.machine.cpu}, ${report.machine.cores} cores shared by Node and PostgreSQL, ${report.machine.memoryGB} GB, Node ${report.machine.node}, ${report.machine.os}. Load average (1/5/15 min) before: ${loadBefore.join(' / ')}, after: ${loadAfter.join(' / ')}.`,
    '',
  ].join('\n');
  writeResults(`casework-workqueue${N === 100_000 ? '' : `-${N}`}`, report, md);
} finally {
  await db.close();
  if (!KEEP) {
    // pool.end() returns before the server has reaped every backend; dropping WITH (FORCE) at once would
    // terminate them under the pool's feet. Wait for them to go first (FORCE only as a last resort).
    for (let i = 0; i < 50; i++) {
      const n = Number((await admin.query<{ n: string }>('SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1', [dbName])).rows[0]?.n);
      if (n === 0) break;
      await sleep(100);
    }
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  }
  await admin.end();
}
