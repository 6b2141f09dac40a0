/**
 * The border pipeline for one traveller (issue 4 §6) — MRZ parse, person match, screening against the
 * watchlist/entry bans and the lost/stolen document list, stay computation, durable write of the crossing
 * with its stay position and audit row — on PostgreSQL with N persons and M historical crossings.
 *
 *   npx tsx bench/border/pipeline.ts [--persons 1000000] [--crossings 10000000] [--watchlist 100000]
 *     [--documents 100000] [--concurrency 16] [--seconds 30] [--rate 500] [--open-seconds 30] [--pool 16]
 *     [--sustain-rate 1000] [--sustain-seconds 20] (the capacity: an open loop at the target rate; does it keep up?)
 *     [--warm-seconds 30] (an unmeasured closed loop before the measured ones, until V8's optimising compiler
 *     has settled: a server in service has compiled its code long ago; ADR 0522)
 *     [--loops-only] (the load phases only, printed, not written: to compare two builds of the server; no
 *     sustained phase unless --sustain-seconds is given)
 *     [--rebuild] (drop and rebuild the scratch database, e.g. after a migration changed) [--trace-sql]
 *     [--profile FILE] (CPU profile of the closed loop only, for Chrome DevTools or speedscope)
 *     [--timeline FILE] (each open-loop answer as [epoch ms, latency ms], to line the tail up with vmstat)
 *     [--build-only] (build or complete the scratch database and stop: the build can run while the machine
 *     is busy, the measurement when it is quiet)
 *
 * Builds or reuses the scratch database `kamurj_bench_border_<persons>_<crossings>` on 127.0.0.1:5432
 * (or DATABASE_URL's server; see pipeline-data.ts), then drives the server's `recordCrossing` service
 * in-process (ADR 0505: the whole production code path of POST /api/border/crossings after
 * authentication — body validation with the route's zod schema, idempotency, the assessment, the write
 * transaction — as a border-post token would call it; no sockets, so the 2 shared cores measure the
 * server, not an HTTP client) with the travellers of pipeline-travellers.ts: closed loop (16 travellers in
 * flight), open loop at `--rate` for latency from the scheduled send time, open loop at `--sustain-rate` for
 * whether the server keeps up with the target (ADR 0511). Baselines in the same
 * run: pgbench single-row INSERT transactions (1 and `--concurrency` clients) and pg_trgm screening of
 * the same names. Writes bench/results/border-pipeline.{json,md}. Nothing asserts on time.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import pg from 'pg';
import type { FastifyReply } from 'fastify';
import { systemClock, type AppDeps } from '../../packages/server/src/app-deps.ts';
import { loadConfig } from '../../packages/server/src/config/config.ts';
import { openDb, pgConnectionString, pgConnections } from '../../packages/server/src/db/client.ts';
import type { AuthContext } from '../../packages/server/src/http/auth-context.ts';
import { recordCrossing } from '../../packages/server/src/modules/border/record.ts';
import { crossingHook } from '../../packages/server/src/modules/edge/index.ts';
import { CrossingBody } from '../../packages/server/src/modules/border/schemas.ts';
import { crossingPoints } from '../../packages/server/src/modules/border/settings.ts';
import { closeScreening, placeScreening, screeningInThread, type ScreeningPlace } from '../../packages/server/src/modules/border/screening-cache.ts';
import { screeningMessages } from '../../packages/server/src/modules/border/screening-thread.ts';
import { argNumber, machine, writeResults } from '../linkage/common.ts';
import { pgbench, trgmScreening } from './pipeline-baselines.ts';
import { buildDatabase, type BuildReport, type BuildSizes } from './pipeline-data.ts';
import { closedLoop, openLoop, type LoadResult } from './pipeline-load.ts';
import { kindSummary, listHitShare, ownIo, postgresCpuSeconds, prewarm, roundTripMs, schedulingPolicies, serverSettings, statementCounters, statementShare, mainThreadSched, mainThreadWait, threadSplit, threadTicks, walCounters, walPerCrossing } from './pipeline-measures.ts';
import { markdown } from './pipeline-report.ts';
import { traceDb } from './pipeline-trace.ts';
import { buildTravellers, KINDS, PackedTravellers } from './pipeline-travellers.ts';

const sizes: BuildSizes = {
  persons: argNumber('--persons', 1_000_000),
  crossings: argNumber('--crossings', 10_000_000),
  watchlist: argNumber('--watchlist', 100_000),
  documents: argNumber('--documents', 100_000),
};
const CONCURRENCY = argNumber('--concurrency', 16);
const SECONDS = argNumber('--seconds', 30);
const RATE = argNumber('--rate', 500);
const OPEN_SECONDS = argNumber('--open-seconds', 30);
/** The sustained rate (issue 4 §6: ≥ 1,000/s) as an open loop: offered, does the server keep up (ADR 0511)? Off with --loops-only unless given. */
const SUSTAIN_RATE = argNumber('--sustain-rate', 1000);
const SUSTAIN_SECONDS = argNumber('--sustain-seconds', process.argv.includes('--loops-only') ? 0 : 20);
const POOL = argNumber('--pool', 16);
const WARMUP = 300;
/**
 * The unmeasured closed loop after the one-at-a-time warm-up (ADR 0522). V8 keeps optimising and
 * deoptimising for the first 20–30 s of concurrent load (`--trace-opt --trace-deopt`: 565 compilations and
 * 6 s of compiler time in the first 10 s, 15 in the third 10 s, 2–7 per 10 s after), on its platform
 * threads and on the event loop's core: measured then, a run is partly a compiler benchmark.
 */
const WARM_SECONDS = argNumber('--warm-seconds', 30);
const TRACE = process.argv.includes('--trace-sql');
const LOOPS_ONLY = process.argv.includes('--loops-only');
// Where screening runs (ADR 0510): the server's default is auto (the thread for lists this large).
const SCREENING = (process.argv.includes('--screening') ? process.argv[process.argv.indexOf('--screening') + 1] : 'auto') as ScreeningPlace;
if (!['auto', 'thread', 'event-loop'].includes(SCREENING)) throw new Error('--screening auto|thread|event-loop');
const REBUILD = process.argv.includes('--rebuild');
const TRGM_SAMPLE = 500;
const PROFILE = process.argv.includes('--profile') ? process.argv[process.argv.indexOf('--profile') + 1] : undefined;
/** Each open-loop answer as [epoch ms, latency ms], to line the tail up with vmstat or the server's log. */
const TIMELINE = process.argv.includes('--timeline') ? process.argv[process.argv.indexOf('--timeline') + 1] : undefined;

const base = process.env.DATABASE_URL ?? 'postgres://127.0.0.1:5432/postgres';
const dbName = `kamurj_bench_border_${sizes.persons}_${sizes.crossings}`;
const url = new URL(pgConnectionString(base));
url.pathname = `/${dbName}`;
const load = () => loadavg().map((x) => Math.round(x * 100) / 100);
const log = (s: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${s} (load ${load().join(' ')})`);

/** A border-post machine token with national reach that may record crossings and register holders. */
const auth: AuthContext = {
  actor: { kind: 'token', id: '00000000-0000-4000-8000-0000000be0c1', agencyId: '00000000-0000-4000-8000-000000000001', roles: [], scopes: ['ARM'], tokenActions: ['border.crossing.record', 'persons.read', 'persons.write'] },
  actorName: 'token:bench-post',
  agencyCode: 'NSS-BG',
  user: null,
  token: { id: '00000000-0000-4000-8000-0000000be0c1', name: 'bench-post' },
  session: null,
};

/** What recordCrossing sets on the reply (status, replay header); the answer itself is returned. */
const reply = { header: () => reply, status: () => reply } as unknown as FastifyReply;

async function ensureDatabase(): Promise<void> {
  const admin = new pg.Client({ connectionString: pgConnectionString(base) });
  await admin.connect();
  try {
    if (REBUILD) await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    const exists = (await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [dbName])).rowCount;
    if (!exists) await admin.query(`CREATE DATABASE ${dbName} TEMPLATE template0 ENCODING 'UTF8'`);
  } finally {
    await admin.end();
  }
}

async function main() {
  await ensureDatabase();
  const adminDb = await openDb({ databaseUrl: url.toString(), poolSize: 4 });
  log(`database ${dbName}`);
  const build: BuildReport = await buildDatabase(adminDb, sizes);
  if (process.argv.includes('--build-only')) {
    log(`built: ${JSON.stringify(build.built)}`);
    await adminDb.close();
    return;
  }
  // Earlier runs left dead row versions in the tables every crossing writes (one per update of the audit
  // head and of a stay position); where autovacuum is off (as on this machine's server) they pile up
  // from run to run and slow the next one. Each run starts from vacuumed tables.
  // The statistics worker's change queue (ADR 0601): the bulk load queued every traveller, and each run
  // queues its own. A server in service empties it (a bulk build at the worker's first tick, then every
  // 10 s), so its traveller index stays small and in memory; here nothing empties it, and at 10,000,000
  // rows every crossing's queue entry was a write to a random page of a 600 MB index (ADR 0512). Each run
  // starts from an empty queue. The statistics themselves are not part of the pipeline (issue 4 §6;
  // bench/statistics measures them) and the worker does not run during the loops.
  const queued = (await adminDb.query<{ n: string }>('SELECT count(*) AS n FROM stat_queue')).rows[0]!.n;
  await adminDb.query('TRUNCATE stat_queue');
  log(`emptied the statistics queue (${Number(queued).toLocaleString('en')} travellers)`);
  const av = (await adminDb.query<{ a: string }>(`SELECT current_setting('autovacuum') AS a`)).rows[0]?.a;
  log(`vacuum of the written tables (autovacuum ${av}) …`);
  await adminDb.query('VACUUM ANALYZE audit_head, audit_log, border_stay_positions, border_idempotency, border_crossings, persons, person_name_keys, person_document_keys, person_history, duplicate_candidates');
  // The database's tables and indexes in the operating system's cache (ADR 0511), as on a server in service
  // whose memory holds them (this machine's does: 24 GB for a 13 GB database). Without it a run read the
  // pages no earlier run had touched since the machine booted from disk, so its tail depended on how many
  // runs came before it. `read` is synchronous and leaves shared_buffers as they are.
  const tp = performance.now();
  const warmed = await prewarm(adminDb);
  // PostgreSQL's time by statement, where the server loads pg_stat_statements (otherwise its view refuses and nothing is reported).
  await adminDb.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements').catch(() => undefined);
  const prewarmSeconds = Math.round((performance.now() - tp) / 100) / 10;
  log(`read ${warmed.toLocaleString('en')} MB of tables and indexes into the OS cache in ${prewarmSeconds} s`);
  // As the server opens it (main.ts): every connection at once, kept (ADR 0526).
  const raw = await openDb({ databaseUrl: url.toString(), poolSize: POOL, asAppRole: true, warmPool: true });
  const trace = TRACE ? traceDb(raw) : null;
  const db = trace?.db ?? raw;
  const config = loadConfig({ NODE_ENV: 'production', DATABASE_URL: url.toString(), KAMURJ_LOG_LEVEL: 'silent', KAMURJ_DEMO_PASSWORD: 'unused-password-1' });
  // The same in-transaction hook buildApp installs (ADR 0503: at the centre, conflicting uses of a document).
  const deps: AppDeps = { db, config, clock: systemClock, onCrossingsRecorded: crossingHook(config) };
  placeScreening(db, SCREENING);
  const run = Date.now().toString(36);
  try {
    const version = (await db.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0]?.v ?? '?';
    const settings = await serverSettings(db);
    log(`server settings: ${Object.entries(settings).map(([k, v]) => `${k}=${v}`).join(' ')}`);
    // Whether a woken server process may preempt the event loop (ADR 0519): read, not set; the operator sets it.
    const scheduling = await schedulingPolicies(db);
    log(`scheduling: PostgreSQL ${scheduling.postgres ?? 'not on this machine'}, Node's main thread ${scheduling.node ?? 'unknown'}`);
    const points = (await crossingPoints(db, 'ARM')).map((p) => p.code);
    const needed = WARMUP + Math.ceil((WARM_SECONDS + SECONDS) * 2500) + Math.ceil(RATE * OPEN_SECONDS) + Math.ceil(SUSTAIN_RATE * SUSTAIN_SECONDS) + 100;
    log(`building ${needed.toLocaleString('en')} travellers …`);
    // Runs on a reused database are numbered, so that each run's new travellers are new (pipeline-travellers.ts).
    const runNo = Number((await adminDb.query<{ n: number }>(
      `INSERT INTO bench_border_meta (phase, detail) VALUES ('runs', '{"n": 0}') ON CONFLICT (phase) DO UPDATE SET detail = jsonb_build_object('n', (bench_border_meta.detail->>'n')::int + 1) RETURNING (detail->>'n')::int AS n`,
    )).rows[0]?.n ?? 0);
    // Off the heap the server's code runs in, as a server's requests are (PackedTravellers; ADR 0527).
    const travellers = new PackedTravellers(buildTravellers(sizes, needed, points, runNo));
    let cursor = 0;
    // Per traveller kind, from the actual send (not the schedule): which kinds make the tail (ADR 0511).
    const byKind = Object.fromEntries(KINDS.map((k) => [k, [] as number[]]));
    const send = async (i: number) => {
      const t0 = performance.now();
      const t = travellers.at(i);
      const body = CrossingBody.parse(t.body);
      const key = `bench:${run}:${cursor}`;
      await recordCrossing(deps, { auth, clientIp: '127.0.0.1', requestId: key, at: deps.clock.now() }, auth, body, key, reply);
      byKind[t.kind]!.push(performance.now() - t0);
    };
    const next = () => send(cursor++ % travellers.length);

    log('warm-up (prepares the screening lists) …');
    const tw = performance.now();
    // The longest the event loop was held during the warm-up: preparing the lists, on the loop or not (ADR 0510).
    const loopDelay = monitorEventLoopDelay({ resolution: 10 });
    loopDelay.enable();
    for (let i = 0; i < WARMUP; i++) await next();
    loopDelay.disable();
    const warmupSeconds = (performance.now() - tw) / 1000;
    const warmupLoopMaxMs = Math.round(loopDelay.max / 1e6);
    // Until V8's optimising compiler has settled (ADR 0522): the same load as the measured closed loop, unmeasured.
    let warmLoop: { seconds: number; perSecond: number } | null = null;
    if (WARM_SECONDS > 0) {
      log(`warm-up under load: ${CONCURRENCY} concurrent for ${WARM_SECONDS} s, not measured …`);
      const w = await closedLoop(CONCURRENCY, WARM_SECONDS, () => next());
      warmLoop = { seconds: WARM_SECONDS, perSecond: w.perSecond };
      log(`  ${w.perSecond}/s`);
    }
    const resetKinds = () => {
      for (const k of Object.values(byKind)) k.length = 0;
    };
    resetKinds();
    if (trace) {
      const tt = performance.now();
      for (let i = 0; i < 200; i++) await next();
      console.error(`traced: 200 travellers one after the other in ${Math.round(performance.now() - tt)} ms\n${trace.report()}`);
      return;
    }

    const loadBefore = { closed: load(), open: [] as number[], sustained: [] as number[], baselines: [] as number[] };
    const loopsStart = Date.now();
    // The machine's speed before and after the loads (ADR 0513): a comparison of two runs is only as good as this is steady.
    const roundTrip = { before: await roundTripMs(adminDb), after: Number.NaN };
    log(`closed loop: ${CONCURRENCY} concurrent for ${SECONDS} s …`);
    const profiler = PROFILE ? new Session() : null;
    if (profiler) {
      profiler.connect();
      await profiler.post('Profiler.enable');
      await profiler.post('Profiler.start');
    }
    const statements0 = await statementCounters(adminDb);
    // Connections to the database opened during each measured loop (ADR 0526: a new backend mid-burst is a stall).
    const connectionsOpened = { closed: 0, open: 0, sustained: 0 };
    let opened0 = pgConnections.opened;
    const cpu0 = process.cpuUsage();
    const threads0 = threadTicks();
    const sched0 = mainThreadSched();
    const pg0 = postgresCpuSeconds();
    const io0 = ownIo();
    const messages0 = { ...screeningMessages };
    const closed = await closedLoop(CONCURRENCY, SECONDS, () => next());
    connectionsOpened.closed = pgConnections.opened - opened0;
    const cpu = process.cpuUsage(cpu0);
    const nodeThreadsMsPerCrossing = threadSplit(threads0, threadTicks(), closed.completed);
    const mainThread = mainThreadWait(sched0, mainThreadSched(), closed.completed);
    const pg1 = postgresCpuSeconds();
    const io1 = ownIo();
    // Screenings per message to the screening thread (ADR 0525: those asked for together travel together).
    const threadMessages = { perCrossing: Math.round(((screeningMessages.messages - messages0.messages) / Math.max(1, closed.completed)) * 100) / 100, screeningsPerMessage: Math.round(((screeningMessages.screenings - messages0.screenings) / Math.max(1, screeningMessages.messages - messages0.messages)) * 100) / 100 };
    // Where PostgreSQL's time goes, by statement (pg_stat_statements, when the server loads it), read
    // outside the CPU readings' window.
    const statements = statementShare(statements0, await statementCounters(adminDb), closed.completed);
    const per = (a: number, b: number) => Math.round(((b - a) / Math.max(1, closed.completed)) * 10) / 10;
    const ioPerCrossing = io0 && io1 ? { writes: per(io0.syscw, io1.syscw), bytesWritten: Math.round(per(io0.wchar, io1.wchar)), reads: per(io0.syscr, io1.syscr), bytesRead: Math.round(per(io0.rchar, io1.rchar)) } : null;
    const pgCpuMsPerCrossing = pg0 === null || pg1 === null ? null : Math.round(((pg1 - pg0) * 1000 / Math.max(1, closed.completed)) * 100) / 100;
    if (profiler && PROFILE) {
      const { profile } = await profiler.post('Profiler.stop');
      writeFileSync(PROFILE, JSON.stringify(profile));
      profiler.disconnect();
    }
    // Node's own CPU per crossing: less sensitive to other load than wall-clock rates (PostgreSQL not included).
    const nodeCpuMsPerCrossing = Math.round(((cpu.user + cpu.system) / 1000 / Math.max(1, closed.completed)) * 100) / 100;
    log(`  ${closed.perSecond}/s p99 ${closed.p99} ms`);
    const sequentialMs = kindSummary(byKind);
    resetKinds();
    loadBefore.open = load();
    log(`open loop: ${RATE}/s for ${OPEN_SECONDS} s …`);
    // At most one second of backlog in flight: beyond it requests are dropped and counted (a target miss).
    const timeline: Array<[number, number]> | undefined = TIMELINE ? [] : undefined;
    const wal0 = await walCounters(adminDb);
    const openSched0 = mainThreadSched();
    opened0 = pgConnections.opened;
    const open = await openLoop(RATE, OPEN_SECONDS, () => next(), RATE, timeline);
    connectionsOpened.open = pgConnections.opened - opened0;
    const openMainThread = mainThreadWait(openSched0, mainThreadSched(), open.completed);
    const walOpen = walPerCrossing(wal0, await walCounters(adminDb), open.completed);
    if (TIMELINE) writeFileSync(TIMELINE, JSON.stringify(timeline));
    const openByKind = kindSummary(byKind);
    log(`  p50 ${open.p50} p99 ${open.p99} ms`);
    const screened = await listHitShare(adminDb, loopsStart);
    // The capacity: the closed loop's rate is bounded by its 16 travellers in flight (16 / latency); offered
    // SUSTAIN_RATE, the server keeps up when it completes them with at most one second of backlog.
    let sustained: (LoadResult & { rate: number }) | null = null;
    if (SUSTAIN_SECONDS > 0) {
      loadBefore.sustained = load();
      log(`sustained: ${SUSTAIN_RATE}/s for ${SUSTAIN_SECONDS} s …`);
      opened0 = pgConnections.opened;
      sustained = { rate: SUSTAIN_RATE, ...(await openLoop(SUSTAIN_RATE, SUSTAIN_SECONDS, () => next(), SUSTAIN_RATE)) };
      connectionsOpened.sustained = pgConnections.opened - opened0;
      log(`  ${sustained.perSecond}/s p50 ${sustained.p50} p99 ${sustained.p99} ms, ${sustained.dropped} not sent`);
    }
    roundTrip.after = await roundTripMs(adminDb);
    const keptUp = (x: (LoadResult & { rate: number }) | null, seconds: number) => x !== null && !x.dropped && !Object.keys(x.errors).length && x.completed >= 0.99 * x.rate * seconds;
    if (LOOPS_ONLY) {
      // Comparing two builds of the server in one session: no baselines, nothing written to bench/results.
      console.log(JSON.stringify({ settings, scheduling, roundTrip, warmLoop, screening: screeningInThread(db) ? 'thread' : 'event-loop', warmupLoopMaxMs, closed: { perSecond: closed.perSecond, p50: closed.p50, p99: closed.p99, nodeCpuMsPerCrossing, nodeThreadsMsPerCrossing, mainThread, pgCpuMsPerCrossing, ioPerCrossing, threadMessages, statements }, open: { rate: RATE, perSecond: open.perSecond, p50: open.p50, p99: open.p99, wal: walOpen, mainThread: openMainThread }, openByKind, screened, connectionsOpened, ...(sustained ? { sustained: { rate: SUSTAIN_RATE, perSecond: sustained.perSecond, p50: sustained.p50, p99: sustained.p99, dropped: sustained.dropped } } : {}) }));
      process.exit(0);
    }

    loadBefore.baselines = load();
    log('baselines: pgbench …');
    const pgb1 = await pgbench(adminDb, url, 1, 10);
    const pgbN = await pgbench(adminDb, url, CONCURRENCY, 10);
    log('baselines: pg_trgm …');
    const trgm = await trgmScreening(adminDb, Array.from({ length: Math.min(TRGM_SAMPLE, travellers.length) }, (_, i) => travellers.at(i).body.mrz!));
    const counts = (await db.query<{ c: string; a: string }>('SELECT (SELECT count(*) FROM border_crossings) AS c, (SELECT count(*) FROM audit_log) AS a')).rows[0]!;

    const report = {
      benchmark: 'border/pipeline',
      command: `npx tsx bench/border/pipeline.ts --persons ${sizes.persons} --crossings ${sizes.crossings} --watchlist ${sizes.watchlist} --documents ${sizes.documents} --concurrency ${CONCURRENCY} --seconds ${SECONDS} --rate ${RATE} --open-seconds ${OPEN_SECONDS} --sustain-rate ${SUSTAIN_RATE} --sustain-seconds ${SUSTAIN_SECONDS} --warm-seconds ${WARM_SECONDS} --pool ${POOL}`,
      date: new Date().toISOString(),
      machine: { ...machine(), postgres: version, nodeFlags: START_FLAGS },
      serverSettings: settings,
      scheduling,
      database: dbName,
      sizes,
      build: { ...build, historicalCrossings: build.crossings },
      travellers: travellers.kinds,
      prewarm: { mb: warmed, seconds: prewarmSeconds },
      statisticsQueueEmptied: Number(queued),
      warmupSeconds: Math.round(warmupSeconds * 10) / 10,
      warmupLoopMaxMs,
      warmLoop,
      screening: screeningInThread(db) ? 'thread' : 'event-loop',
      load: loadBefore,
      roundTrip,
      closed: { concurrency: CONCURRENCY, ...closed, nodeCpuMsPerCrossing, nodeThreadsMsPerCrossing, mainThread, pgCpuMsPerCrossing, ioPerCrossing, threadMessages, statements },
      byKind: { closed: sequentialMs, open: openByKind },
      screened,
      open: { rate: RATE, ...open, wal: walOpen, mainThread: openMainThread },
      sustained,
      connectionsOpened,
      baselines: { pgbench: [pgb1, pgbN], trgm },
      ratios: { closedOverPgbench1: Math.round((closed.perSecond / pgb1.tps) * 1000) / 1000, closedOverPgbenchN: Math.round((closed.perSecond / pgbN.tps) * 1000) / 1000 },
      targets: {
        sustained: { want: 1000, got: sustained?.perSecond ?? null, met: SUSTAIN_RATE >= 1000 && keptUp(sustained, SUSTAIN_SECONDS) },
        p99At500: { want: 25, got: open.p99, met: RATE >= 500 && open.p99 <= 25 && keptUp({ rate: RATE, ...open }, OPEN_SECONDS) },
      },
      rowsAfter: { crossings: Number(counts.c), auditRows: Number(counts.a) },
    };
    writeResults('border-pipeline', report, markdown(report));
  } finally {
    await closeScreening(db);
    await db.close();
    await adminDb.close();
  }
}


// The benchmark runs the server's code in this process, so it runs with the Node flags `npm start` gives the
// server (package.json; ADR 0511: a larger young generation). Without them it starts itself again with them.
const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } };
const START_FLAGS = pkg.scripts.start.match(/--[a-z-]+=\S+/g) ?? [];
const running = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
if (START_FLAGS.every((f) => running.includes(f))) await main();
else process.exit(spawnSync(process.execPath, [...process.execArgv, ...START_FLAGS, ...process.argv.slice(1)], { stdio: 'inherit' }).status ?? 1);
