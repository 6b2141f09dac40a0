/**
 * What the pipeline benchmark measures besides the loads (ADR 0511): the OS cache warmed before the loops,
 * the share of crossings with a list hit, latency per traveller kind, WAL per crossing (ADR 0512), the
 * server's settings and the machine's round trip (ADR 0513), and the CPU and system calls of Node and
 * PostgreSQL.
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { Queryable } from '../../packages/server/src/db/client.ts';
import { percentile } from '../persons/queries.ts';

/** Reads every table and index of the public schema through the OS cache (pg_prewarm `read`); returns the MB read. */
export async function prewarm(db: Queryable): Promise<number> {
  await db.query('CREATE EXTENSION IF NOT EXISTS pg_prewarm');
  const r = await db.query<{ blocks: string }>(
    `SELECT coalesce(sum(pg_prewarm(c.oid, 'read')), 0) AS blocks FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relpersistence = 'p' AND ((n.nspname = 'public' AND c.relkind IN ('r', 'i', 'm'))
         OR c.oid IN (SELECT reltoastrelid FROM pg_class WHERE relnamespace = 'public'::regnamespace)
         OR c.oid IN (SELECT indexrelid FROM pg_index WHERE indrelid IN (SELECT reltoastrelid FROM pg_class WHERE relnamespace = 'public'::regnamespace)))`,
  );
  return Math.round((Number(r.rows[0]?.blocks ?? 0) * 8) / 1024);
}

export interface HitShare {
  crossings: number;
  withListHit: number;
  listHitsPerCrossing: number;
}

/**
 * The crossings the two loops recorded (time-ordered ids from `since`), with a watchlist, entry-ban or
 * document hit, and such hits per crossing: the screening workload's shape (ADR 0511).
 */
export async function listHitShare(db: Queryable, since: number): Promise<HitShare> {
  // The range of time-ordered ids from `since` to now (the built history's random ids rarely fall in it;
  // recorded_at drops those that do).
  const bound = (ms: number) => {
    const hex = ms.toString(16).padStart(12, '0');
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-0000-0000-000000000000`;
  };
  const row = (await db.query<{ n: string; hit: string; hits: string }>(
    `SELECT count(*) AS n, count(*) FILTER (WHERE l > 0) AS hit, coalesce(sum(l), 0) AS hits
       FROM (SELECT (SELECT count(*) FROM jsonb_array_elements(hits) h WHERE h->>'source' IN ('watchlist', 'entry_ban', 'document')) AS l
               FROM border_crossings WHERE id >= $1::uuid AND id < $2::uuid AND recorded_at >= $3) x`,
    [bound(since), bound(Date.now() + 1), new Date(since)],
  )).rows[0]!;
  const n = Number(row.n);
  return { crossings: n, withListHit: Number(row.hit), listHitsPerCrossing: n ? Math.round((Number(row.hits) / n) * 100) / 100 : 0 };
}

export type KindSummary = Record<string, { count: number; meanMs: number | null; p50: number | null; p99: number | null }>;

export function kindSummary(byKind: Record<string, number[]>): KindSummary {
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return Object.fromEntries(
    Object.entries(byKind).map(([k, v]) => {
      const sorted = [...v].sort((a, b) => a - b);
      const none = !sorted.length;
      return [k, { count: sorted.length, meanMs: none ? null : r2(sorted.reduce((a, b) => a + b, 0) / sorted.length), p50: none ? null : r2(percentile(sorted, 50)), p99: none ? null : r2(percentile(sorted, 99)) }];
    }),
  );
}

/** The server's WAL counters (pg_stat_wal, PostgreSQL 14+: the whole server, which runs nothing else here); null where unavailable. */
export async function walCounters(db: Queryable): Promise<{ bytes: number; fpi: number } | null> {
  try {
    const r = await db.query<{ bytes: string; fpi: string }>('SELECT wal_bytes::text AS bytes, wal_fpi::text AS fpi FROM pg_stat_wal');
    return r.rows[0] ? { bytes: Number(r.rows[0].bytes), fpi: Number(r.rows[0].fpi) } : null;
  } catch {
    return null;
  }
}

export interface WalPerCrossing {
  /** kB of WAL per crossing written. */
  kB: number;
  /** Full-page images per crossing: a page's first change after a checkpoint copies the whole page (ADR 0512). */
  fullPages: number;
}

/** WAL per crossing between two walCounters readings. */
export function walPerCrossing(a: { bytes: number; fpi: number } | null, b: { bytes: number; fpi: number } | null, crossings: number): WalPerCrossing | null {
  if (!a || !b || crossings <= 0) return null;
  return { kB: Math.round(((b.bytes - a.bytes) / crossings / 1000) * 10) / 10, fullPages: Math.round(((b.fpi - a.fpi) / crossings) * 100) / 100 };
}

/**
 * The PostgreSQL settings that decide how much a write-heavy run writes to disk and when (ADR 0513): the
 * figures depend on them as much as on the code, so every report names them. Values as the server shows them.
 */
const SERVER_SETTINGS = ['shared_buffers', 'max_wal_size', 'checkpoint_timeout', 'wal_compression', 'full_page_writes', 'synchronous_commit', 'bgwriter_lru_maxpages', 'huge_pages', 'autovacuum'] as const;

export async function serverSettings(db: Queryable): Promise<Record<string, string>> {
  const r = await db.query<{ name: string; value: string }>(
    `SELECT name, current_setting(name) AS value FROM pg_settings WHERE name = ANY($1::text[]) ORDER BY array_position($1::text[], name)`,
    [[...SERVER_SETTINGS]],
  );
  return Object.fromEntries(r.rows.map((x) => [x.name, x.value]));
}

/**
 * The machine's speed just before a load phase: the median of `n` `SELECT 1` round trips on one connection.
 * A shared virtual machine's speed drifts within a session (ADR 0513: 0.13–0.40 ms on one machine), often by
 * more than the change a comparison is after, so each run records it next to its figures.
 */
export async function roundTripMs(db: Queryable, n = 300): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await db.query('SELECT 1');
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  return Math.round(percentile(times, 50) * 1000) / 1000;
}

/** Node's own reads and writes (sockets included) from /proc/self/io: bytes and system calls. */
export function ownIo(): { wchar: number; syscw: number; rchar: number; syscr: number } | null {
  try {
    const fields = Object.fromEntries(readFileSync('/proc/self/io', 'utf8').trim().split('\n').map((l) => { const [k, v] = l.split(':'); return [k!.trim(), Number(v)]; }));
    return { wchar: fields.wchar ?? 0, syscw: fields.syscw ?? 0, rchar: fields.rchar ?? 0, syscr: fields.syscr ?? 0 };
  } catch {
    return null;
  }
}

/**
 * A process's (or thread's) /proc/<pid>/stat: its command name and the fields after it (field 3 onwards,
 * so field n is at n - 3). Null when it is gone or not on Linux.
 */
function procStat(pid: number | string): { comm: string; fields: string[] } | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = stat.lastIndexOf(')');
    return { comm: stat.slice(stat.indexOf('(') + 1, close), fields: stat.slice(close + 2).split(' ') };
  } catch {
    return null;
  }
}

/**
 * CPU seconds (user + system) of every PostgreSQL server process on this machine, from /proc (Linux; null
 * elsewhere). The pool's connections live through a load phase, so the difference over the phase is the
 * database's share of the work (other databases' activity on the same server included).
 */
export function postgresCpuSeconds(): number | null {
  try {
    let ticks = 0;
    for (const pid of readdirSync('/proc')) {
      if (!/^\d+$/.test(pid)) continue;
      const stat = procStat(pid); // null: the process ended meanwhile
      if (stat?.comm.startsWith('postgres')) ticks += Number(stat.fields[11]) + Number(stat.fields[12]);
    }
    return ticks / 100;
  } catch {
    return null;
  }
}

const POLICIES: Record<string, string> = { '0': 'SCHED_OTHER', '1': 'SCHED_FIFO', '2': 'SCHED_RR', '3': 'SCHED_BATCH', '5': 'SCHED_IDLE', '6': 'SCHED_DEADLINE' };
const policyOf = (stat: { fields: string[] } | null) => {
  const policy = stat?.fields[38]; // field 41
  return policy === undefined ? null : (POLICIES[policy] ?? `policy ${policy}`);
};

/**
 * The scheduling policies the loads ran under (ADR 0519): of a server process serving one of the pool's
 * connections (null when PostgreSQL runs on another machine) and of Node's main thread. Under SCHED_BATCH
 * a woken PostgreSQL process does not preempt the event loop; the deployment guide offers it where the two
 * share the cores.
 */
export async function schedulingPolicies(db: Queryable): Promise<{ postgres: string | null; node: string | null }> {
  const backend = (await db.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid;
  const server = backend === undefined ? null : procStat(backend);
  return { postgres: server?.comm.startsWith('postgres') ? policyOf(server) : null, node: policyOf(procStat(`self/task/${process.pid}`)) };
}

/** The main thread's scheduler counters (Linux /proc/self/task/<pid>/schedstat and status; null elsewhere). */
export interface MainThreadSched {
  runNs: number;
  waitNs: number;
  involuntary: number;
}

export function mainThreadSched(): MainThreadSched | null {
  try {
    const [run, wait] = readFileSync(`/proc/self/task/${process.pid}/schedstat`, 'utf8').trim().split(' ').map(Number);
    const involuntary = Number(/nonvoluntary_ctxt_switches:\s*(\d+)/.exec(readFileSync(`/proc/self/task/${process.pid}/status`, 'utf8'))?.[1]);
    return run === undefined || wait === undefined || Number.isNaN(involuntary) ? null : { runNs: run, waitNs: wait, involuntary };
  } catch {
    return null;
  }
}

/**
 * Per crossing, the main thread's time running, its time runnable but waiting for a core (the run queue),
 * and how often the kernel took the core from it: the event loop is the pipeline's one serial stage, so
 * its wait is added to every crossing it handles while the two cores are busy with other threads and
 * PostgreSQL's processes.
 */
export interface MainThreadWait {
  runningMs: number;
  waitingMs: number;
  preempted: number;
}

export function mainThreadWait(before: MainThreadSched | null, after: MainThreadSched | null, crossings: number): MainThreadWait | null {
  if (!before || !after) return null;
  const per = (x: number, scale: number) => Math.round((x / scale / Math.max(1, crossings)) * 100) / 100;
  return { runningMs: per(after.runNs - before.runNs, 1e6), waitingMs: per(after.waitNs - before.waitNs, 1e6), preempted: per(after.involuntary - before.involuntary, 1) };
}

/** CPU ticks (user + system, 1/100 s) of each of Node's own threads, from /proc/self/task (Linux; null elsewhere). */
export function threadTicks(): Map<number, number> | null {
  try {
    const out = new Map<number, number>();
    for (const tid of readdirSync('/proc/self/task')) {
      try {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
        out.set(Number(tid), Number(fields[11]) + Number(fields[12]));
      } catch {
        // the thread ended meanwhile
      }
    }
    return out;
  } catch {
    return null;
  }
}

/**
 * Node's CPU per crossing split by thread (ms): the main thread (the event loop), the busiest other thread
 * (with screening in its thread, ADR 0510, that is the screening thread) and all the others (garbage
 * collection helpers, libuv's pool, the compiler).
 */
export function threadSplit(before: Map<number, number> | null, after: Map<number, number> | null, crossings: number): { main: number; busiestOther: number; rest: number } | null {
  if (!before || !after) return null;
  const used = [...after].map(([tid, t]) => [tid, t - (before.get(tid) ?? 0)] as const);
  const ms = (ticks: number) => Math.round((ticks * 10 / Math.max(1, crossings)) * 100) / 100;
  const main = used.find(([tid]) => tid === process.pid)?.[1] ?? 0;
  const others = used.filter(([tid]) => tid !== process.pid).map(([, t]) => t).sort((a, b) => b - a);
  return { main: ms(main), busiestOther: ms(others[0] ?? 0), rest: ms(others.slice(1).reduce((a, b) => a + b, 0)) };
}

/** One statement's counters in pg_stat_statements (summed over the roles and databases that ran it). */
interface StatementCounters {
  query: string;
  calls: number;
  execMs: number;
  planMs: number;
  rows: number;
  hits: number;
  reads: number;
  walBytes: number;
  fpi: number;
}

/**
 * pg_stat_statements' counters by statement, or null where the extension is not loaded
 * (`shared_preload_libraries`; the benchmark creates the extension in its scratch database when it is).
 * Nothing is reset: a phase's figures are the difference of two readings (statementShare).
 */
export async function statementCounters(db: Queryable): Promise<Map<string, StatementCounters> | null> {
  try {
    const r = await db.query<{ id: string; query: string; calls: string; exec: number; plan: number; rows: string; hits: string; reads: string; wal: string; fpi: string }>(
      `SELECT queryid::text AS id, min(query) AS query, sum(calls)::text AS calls, sum(total_exec_time)::float8 AS exec, sum(total_plan_time)::float8 AS plan,
              sum(rows)::text AS rows, sum(shared_blks_hit)::text AS hits, sum(shared_blks_read)::text AS reads, sum(wal_bytes)::text AS wal, sum(wal_fpi)::text AS fpi
         FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) GROUP BY queryid`,
    );
    return new Map(r.rows.map((x) => [x.id, { query: x.query, calls: Number(x.calls), execMs: x.exec, planMs: x.plan, rows: Number(x.rows), hits: Number(x.hits), reads: Number(x.reads), walBytes: Number(x.wal), fpi: Number(x.fpi) }]));
  } catch {
    return null;
  }
}

/** A statement named by what it touches: its common table expressions, or its verb and the tables it reads. */
export function statementLabel(query: string): string {
  const q = query.replace(/\s+/g, ' ').trim();
  if (/^WITH\b/i.test(q)) {
    const ctes = [...q.matchAll(/(?:^WITH (?:RECURSIVE )?|, ?)(\w+) AS \(/gi)].map((m) => m[1]);
    return `WITH ${ctes.slice(0, 3).join(', ')}${ctes.length > 3 ? ', …' : ''}`;
  }
  const tables = [...new Set([...q.matchAll(/\b(?:FROM|JOIN|INTO|UPDATE) (?!unnest|jsonb_|LATERAL|\()([a-z_][\w.]*)/gi)].map((m) => m[1]))];
  return `${q.split(' ')[0]!.toUpperCase()} ${tables.slice(0, 3).join(', ')}${tables.length > 3 ? ', …' : ''}`.trim();
}

export interface StatementShare {
  label: string;
  callsPerCrossing: number;
  /** Execution and planning time per crossing (ms of a server process's time, waits included). */
  execMs: number;
  planMs: number;
  rowsPerCall: number;
  /** Shared-buffer pages found (hits) and read from the OS per crossing. */
  hits: number;
  reads: number;
  walKB: number;
  fpi: number;
}

/**
 * Where PostgreSQL's time goes in a phase, per crossing, by statement (the `top` by execution + planning
 * time, then the rest together): which statements a change should aim at, and counts (pages, WAL, full-page
 * images) that a shared machine's speed does not move (ADR 0513). Null without pg_stat_statements.
 */
export interface StatementsPerCrossing {
  statements: StatementShare[];
  execMs: number;
  planMs: number;
}

export function statementShare(before: Map<string, StatementCounters> | null, after: Map<string, StatementCounters> | null, crossings: number, top = 8): StatementsPerCrossing | null {
  if (!before || !after || crossings <= 0) return null;
  const n = Math.max(1, crossings);
  const round = (x: number, d = 100) => Math.round(x * d) / d;
  // The benchmark's own readings of the view are not the server's work.
  const diffs = [...after].filter(([, a]) => !a.query.includes('pg_stat_statements')).map(([id, a]) => {
    const b = before.get(id);
    const d = (k: Exclude<keyof StatementCounters, 'query'>) => a[k] - (b?.[k] ?? 0);
    return { label: statementLabel(a.query), calls: d('calls'), execMs: d('execMs'), planMs: d('planMs'), rows: d('rows'), hits: d('hits'), reads: d('reads'), walBytes: d('walBytes'), fpi: d('fpi') };
  }).filter((x) => x.calls > 0).sort((x, y) => y.execMs + y.planMs - (x.execMs + x.planMs));
  const share = (label: string, xs: typeof diffs): StatementShare => {
    const sum = (k: Exclude<keyof (typeof diffs)[number], 'label'>) => xs.reduce((s, x) => s + x[k], 0);
    return { label, callsPerCrossing: round(sum('calls') / n), execMs: round(sum('execMs') / n, 1000), planMs: round(sum('planMs') / n, 1000), rowsPerCall: round(sum('rows') / Math.max(1, sum('calls')), 10), hits: round(sum('hits') / n, 10), reads: round(sum('reads') / n, 10), walKB: round(sum('walBytes') / n / 1000, 10), fpi: round(sum('fpi') / n) };
  };
  const statements = diffs.slice(0, top).map((x) => share(x.label, [x]));
  if (diffs.length > top) statements.push(share(`${diffs.length - top} other statements`, diffs.slice(top)));
  return { statements, execMs: round(diffs.reduce((s, x) => s + x.execMs, 0) / n, 1000), planMs: round(diffs.reduce((s, x) => s + x.planMs, 0) / n, 1000) };
}
