import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { userInfo } from 'node:os';
import pg from 'pg';
import { TYPES } from './timestamptz.ts';

/** The one database interface the server uses. SQL is always parameterised ($1, $2, …). */
export interface QueryOptions {
  /**
   * A hot statement of fixed text (ADR 0507): on PostgreSQL it is prepared once per connection under a
   * name derived from its text, so later executions skip parsing and planning (after five executions
   * PostgreSQL may keep a generic plan). Only for statements whose text takes few forms.
   *
   * `'generic'`: also planned only once per connection (ADR 0517). PostgreSQL keeps planning a statement
   * whose generic plan it estimates dearer than the custom ones, which `= ANY($1)` over an array of a few
   * keys always is (it assumes ten); outside a transaction, such a statement runs on connections that keep
   * generic plans (`plan_cache_mode`). Only for lookups whose best plan does not depend on the values
   * (keys through a selective index, rows from JSON), never for searches over skewed keys or ranges.
   */
  prepare?: boolean | 'generic';
  /**
   * A read that scans many rows (statistics over the facts): on PostgreSQL it may use parallel workers,
   * which the connections otherwise start without (ADR 0508). In a transaction, the rest of it may too.
   */
  parallel?: boolean;
}

export interface Queryable {
  query<T = Record<string, unknown>>(sql: string, params?: readonly unknown[], options?: QueryOptions): Promise<{ rows: T[]; rowCount: number }>;
  /**
   * One object per database (shared by its transactions): the key of in-process caches of rows that a
   * version number makes immutable, so that two databases in one process never share entries.
   */
  readonly scope?: object;
}

export interface Db extends Queryable {
  readonly kind: 'pglite' | 'postgres';
  /** Runs `fn` in one transaction: everything it writes commits together or not at all. */
  tx<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a script of several statements (migrations only). */
  exec(sql: string): Promise<void>;
  close(): Promise<void>;
}

/** Database role the application runs as on PostgreSQL: it may not change the audit log. */
export const APP_ROLE = 'kamurj_app';

class PgliteDb implements Db {
  readonly kind = 'pglite' as const;
  readonly scope: object = {};
  constructor(readonly pg: PGlite) {}
  async query<T>(sql: string, params: readonly unknown[] = []) {
    const r = await this.pg.query<T>(sql, params as unknown[]);
    return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
  }
  tx<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    return this.pg.transaction(async (t) =>
      fn({
        scope: this.scope,
        query: async <R>(sql: string, params: readonly unknown[] = []) => {
          const r = await t.query<R>(sql, params as unknown[]);
          return { rows: r.rows, rowCount: r.affectedRows ?? r.rows.length };
        },
      }),
    );
  }
  async exec(sql: string) {
    await this.pg.exec(sql);
  }
  async close() {
    if (!this.pg.closed) await this.pg.close();
  }
}

const statementNames = new Map<string, string>();

/** node-postgres query config: named (prepared per connection) when asked. */
function pgQuery(sql: string, params: readonly unknown[], options?: QueryOptions): pg.QueryConfig {
  if (!options?.prepare) return { text: sql, values: params as unknown[] };
  let name = statementNames.get(sql);
  if (!name) statementNames.set(sql, (name = `k${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`));
  return { name, text: sql, values: params as unknown[] };
}

/** Workers per parallel read (PostgreSQL's own default), for the reads that ask (QueryOptions.parallel). */
const PARALLEL_WORKERS = 2;

class PostgresDb implements Db {
  readonly kind = 'postgres' as const;
  readonly scope: object = {};
  /** `generic`: the connections of the statements prepared as 'generic' (QueryOptions.prepare, ADR 0517). */
  constructor(readonly pool: pg.Pool, private readonly generic: pg.Pool) {}
  async query<T>(sql: string, params: readonly unknown[] = [], options?: QueryOptions) {
    if (options?.parallel) return this.tx<{ rows: T[]; rowCount: number }>((tx) => tx.query<T>(sql, params, options));
    const r = await (options?.prepare === 'generic' ? this.generic : this.pool).query(pgQuery(sql, params, options));
    return { rows: r.rows as T[], rowCount: r.rowCount ?? 0 };
  }
  async tx<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await fn({
        scope: this.scope,
        query: async <R>(sql: string, params: readonly unknown[] = [], options?: QueryOptions) => {
          if (options?.parallel) await client.query(`SET LOCAL max_parallel_workers_per_gather = ${PARALLEL_WORKERS}`);
          const r = await client.query(pgQuery(sql, params, options));
          return { rows: r.rows as R[], rowCount: r.rowCount ?? 0 };
        },
      });
      await client.query('COMMIT');
      return result;
    } catch (e) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw e;
    } finally {
      client.release();
    }
  }
  async exec(sql: string) {
    await this.pool.query(sql);
  }
  async close() {
    await Promise.all([this.pool.end(), this.generic.end()]);
  }
}

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** Directory for the embedded database; `memory://` for an in-memory one. */
  dataDir?: string;
  /** A PGlite data-dir tarball to start from (test snapshots). */
  loadDataDir?: Blob | File;
  /** Run as the restricted application role (PostgreSQL only). Off for migrations and admin tasks. */
  asAppRole?: boolean;
  poolSize?: number;
  /**
   * PostgreSQL: open every connection of the pools now (the server, benchmarks). A connection is otherwise
   * opened when a burst first needs it, and a border post's bursts are when a new backend's start costs
   * most (ADR 0526). Connections are kept open either way.
   */
  warmPool?: boolean;
}

/** Connections opened to PostgreSQL by this process (benchmarks report those opened under load). */
export const pgConnections = { opened: 0 };

/** Opens `n` connections of the pool at once and returns them to it; if one cannot be opened, says so. */
async function fillPool(pool: pg.Pool, n: number, what: string): Promise<void> {
  const got = await Promise.allSettled(Array.from({ length: n }, () => pool.connect()));
  for (const g of got) if (g.status === 'fulfilled') g.value.release();
  const failed = got.find((g): g is PromiseRejectedResult => g.status === 'rejected');
  if (failed) throw new Error(`could not open the ${n} connections of the ${what} pool: ${(failed.reason as Error).message}`, { cause: failed.reason });
}

/**
 * libpq defaults the user to the operating-system user when a URL names none (`postgres://host/db`);
 * node-postgres reads $USER, which minimal environments (CI, containers) do not set.
 */
export function pgConnectionString(url: string): string {
  const u = new URL(url);
  if (!u.username) u.username = process.env.PGUSER ?? process.env.USER ?? userInfo().username;
  return u.toString();
}

export async function openDb(opts: OpenOptions): Promise<Db> {
  if (opts.databaseUrl) {
    // Session settings go in the startup packet, so that they hold before a connection's first statement:
    // - no JIT compilation (ADR 0506): every statement here is a short transaction or reads summary
    //   tables; stale row estimates (a one-row table with many dead versions, a common name key) pushed
    //   plans over jit_above_cost, and compiling then took 10–30 ms of a 1 ms statement (a URL's own
    //   `options` may say otherwise);
    // - no parallel query (ADR 0508): a parallel plan starts worker processes, 30–40 ms before the first
    //   row, and the registry's name blocking (1.5 ms of work over a common name) was planned parallel
    //   often enough to take 5 ms on average; the few reads that scan many rows ask for workers themselves
    //   (`SET LOCAL`, statistics' fact counts);
    // - the restricted application role, which migrations always create: a connection that cannot take it
    //   fails instead of running with the owner's rights.
    // - a second, smaller pool whose connections keep generic plans, for the statements prepared as
    //   'generic' (ADR 0517); it opens its connections when one of them first runs (with `warmPool`, at once).
    const url = new URL(pgConnectionString(opts.databaseUrl));
    const own = url.searchParams.get('options') ?? '';
    const startup = [own, /\bjit\b/.test(own) ? '' : '-c jit=off', /\bmax_parallel_workers_per_gather\b/.test(own) ? '' : '-c max_parallel_workers_per_gather=0', opts.asAppRole ? `-c role=${APP_ROLE}` : ''].filter(Boolean).join(' ');
    const poolOf = (options: string, max: number) => {
      const u = new URL(url);
      u.searchParams.set('options', options);
      // timestamptz read without the driver's regular expressions, to the same Date (ADR 0523).
      // Idle connections are kept (no idle timeout; ADR 0526): one closed after a quiet spell is opened
      // again in the next burst, and a new backend's first statements load its caches and plans.
      const pool = new pg.Pool({ connectionString: u.toString(), max, types: TYPES, idleTimeoutMillis: 0 });
      pool.on('connect', () => void pgConnections.opened++);
      // An idle connection that the server drops (restart, failover, admin shutdown) must not crash the
      // process: the pool discards it and the next query opens a new one.
      pool.on('error', (err) => console.warn(`database connection lost: ${err.message}`));
      return pool;
    };
    const max = opts.poolSize ?? 10;
    const pool = poolOf(startup, max);
    // Fail fast with a readable message when the server is unreachable.
    await pool.query('SELECT 1');
    const genericMax = Math.max(1, Math.ceil(max / 2));
    const generic = poolOf(`${startup} -c plan_cache_mode=force_generic_plan`, genericMax);
    if (opts.warmPool) {
      try {
        await Promise.all([fillPool(pool, max, 'main'), fillPool(generic, genericMax, 'generic-plan')]);
      } catch (e) {
        await Promise.all([pool.end(), generic.end()]);
        throw e;
      }
    }
    return new PostgresDb(pool, generic);
  }
  const dir = opts.dataDir ?? 'memory://';
  if (!dir.startsWith('memory://')) mkdirSync(dir, { recursive: true });
  const instance = await PGlite.create(dir.startsWith('memory://') ? undefined : dir, {
    ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}),
  });
  return new PgliteDb(instance);
}
