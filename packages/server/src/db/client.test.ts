import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openTestDb, type TestDb } from '../testing/test-app.ts';
import { APP_ROLE, openDb, pgConnections } from './client.ts';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

const setting = async (q: { query: TestDb['db']['query'] }, name: string, options?: { parallel?: boolean }) =>
  (await q.query<{ v: string }>('SELECT current_setting($1) AS v', [name], options)).rows[0]!.v;

describe('database connections', () => {
  it.runIf(process.env.DATABASE_URL)('start as the application role, without JIT compilation or parallel workers (ADR 0506, 0508)', async () => {
    // Every connection of the pool, not only the first: several reads at once.
    const seen = await Promise.all([0, 1, 2].map(() => t.db.query<{ u: string; jit: string; workers: string }>(
      "SELECT current_user AS u, current_setting('jit') AS jit, current_setting('max_parallel_workers_per_gather') AS workers, pg_sleep(0.05)::text AS s",
    )));
    for (const r of seen) expect(r.rows[0]).toMatchObject({ u: APP_ROLE, jit: 'off', workers: '0' });
  });

  it.runIf(process.env.DATABASE_URL)('a read that asks for parallel workers gets them, for itself only', async () => {
    expect(await setting(t.db, 'max_parallel_workers_per_gather', { parallel: true })).toBe('2');
    // The connection it ran on went back to the pool as it was.
    const after = await Promise.all(Array.from({ length: 5 }, () => setting(t.db, 'max_parallel_workers_per_gather')));
    expect(after).toEqual(['0', '0', '0', '0', '0']);
    // In a transaction, from that read on.
    await t.db.tx(async (tx) => {
      expect(await setting(tx, 'max_parallel_workers_per_gather')).toBe('0');
      expect(await setting(tx, 'max_parallel_workers_per_gather', { parallel: true })).toBe('2');
    });
  });

  it.runIf(process.env.DATABASE_URL)("a statement prepared as 'generic' is planned once, outside a transaction only (ADR 0517)", async () => {
    // A lookup by a few keys: PostgreSQL estimates its generic plan (ten keys assumed) dearer than the custom
    // ones and would plan it at every execution.
    const lookup = 'SELECT count(*)::int AS n FROM pg_class WHERE relname = ANY($1::text[])';
    const plans = async (q: TestDb['db'], prepare: true | 'generic') => {
      // One after the other, so that the pool hands out the same connection, whose counters are then read.
      for (let i = 0; i < 7; i++) expect((await q.query<{ n: number }>(lookup, [['pg_class']], { prepare })).rows[0]!.n).toBe(1);
      return (await q.query<{ generic: number; custom: number }>('SELECT generic_plans::int AS generic, custom_plans::int AS custom FROM pg_prepared_statements WHERE statement = $1', [lookup], { prepare })).rows[0];
    };
    expect(await plans(t.db, 'generic')).toEqual({ generic: 7, custom: 0 });
    expect((await plans(t.db, true))!.custom).toBeGreaterThanOrEqual(5);
    // Its connections keep generic plans; the others and a transaction's connection do not.
    const modes = await Promise.all([0, 1, 2].map(() => t.db.query<{ m: string }>("SELECT current_setting('plan_cache_mode') AS m, pg_sleep(0.05)::text AS s", [], { prepare: 'generic' })));
    expect(modes.map((r) => r.rows[0]!.m)).toEqual(['force_generic_plan', 'force_generic_plan', 'force_generic_plan']);
    expect(await setting(t.db, 'plan_cache_mode')).toBe('auto');
    await t.db.tx(async (tx) => {
      expect((await tx.query<{ m: string }>("SELECT current_setting('plan_cache_mode') AS m", [], { prepare: 'generic' })).rows[0]!.m).toBe('auto');
    });
  });

  it.runIf(process.env.DATABASE_URL)('a warm pool opens all its connections at once and keeps them when idle (ADR 0526)', async () => {
    // Only the timers are fake: a pool that closed idle connections would do so when they are advanced.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const before = pgConnections.opened;
    const db = await openDb({ databaseUrl: t.url!, poolSize: 3, warmPool: true });
    try {
      // Three connections and the generic-plan pool's two (half, rounded up).
      expect(pgConnections.opened - before).toBe(5);
      vi.advanceTimersByTime(10 * 60_000);
      vi.useRealTimers();
      // A burst as wide as both pools opens none.
      const sleep = 'SELECT pg_sleep(0.05)::text AS s';
      await Promise.all([...[0, 1, 2].map(() => db.query(sleep)), ...[0, 1].map(() => db.query(sleep, [], { prepare: 'generic' }))]);
      expect(pgConnections.opened - before).toBe(5);
    } finally {
      vi.useRealTimers();
      await db.close();
    }
  });

  it.runIf(process.env.DATABASE_URL)('a warm pool that cannot open all its connections fails at once, saying so, and keeps none (ADR 0526)', async () => {
    // A login of its own that may hold two connections: the pools want five.
    const role = `kamurj_t_limited_${Math.random().toString(36).slice(2, 10)}`;
    await t.ownerDb.query(`CREATE ROLE ${role} LOGIN CONNECTION LIMIT 2`);
    try {
      const url = new URL(t.url!);
      url.username = role;
      await expect(openDb({ databaseUrl: url.toString(), poolSize: 3, warmPool: true })).rejects.toThrow(/could not open the \d connections of the (main|generic-plan) pool: too many connections for role/);
      // The connections it did open were closed with its pools (a server process leaves the view as it exits).
      const held = async () => (await t.ownerDb.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = $1', [role])).rows[0]!.n;
      await expect.poll(held, { timeout: 3000, interval: 50 }).toBe(0);
    } finally {
      await t.ownerDb.query(`DROP ROLE ${role}`);
    }
  });

  it('answers a parallel read like any other on either database', async () => {
    const r = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM generate_series(1, $1::int)', [1000], { parallel: true });
    expect(r.rows[0]!.n).toBe(1000);
  });
});

describe('large JSON columns (migration 0022)', () => {
  it('are compressed with LZ4 where the server has it, with pglz otherwise', async () => {
    const lz4 = (await t.db.query<{ v: boolean }>("SELECT 'lz4' = ANY ((SELECT enumvals FROM pg_settings WHERE name = 'default_toast_compression')::text[]) AS v")).rows[0]!.v;
    const columns = (await t.db.query<{ c: string }>(
      "SELECT attrelid::regclass::text || '.' || attname || '=' || coalesce(nullif(attcompression::text, ''), '-') AS c FROM pg_attribute WHERE attrelid = ANY ('{border_idempotency,persons,audit_log}'::regclass[]) AND attname IN ('response', 'record', 'details') ORDER BY 1",
    )).rows.map((r) => r.c);
    const method = lz4 ? 'l' : '-';
    expect(columns).toEqual([`audit_log.details=${method}`, `border_idempotency.response=${method}`, `persons.record=${method}`]);
    // A large answer is stored and read back whole.
    const big = { text: 'Ա'.repeat(20_000) };
    await t.db.query("INSERT INTO border_idempotency (scope, key, request_hash, state, status, response, created_at) VALUES ('test', 'lz4', 'h', 'completed', 201, $1::jsonb, now())", [JSON.stringify(big)]);
    expect((await t.db.query<{ response: unknown }>("SELECT response FROM border_idempotency WHERE scope = 'test' AND key = 'lz4'")).rows[0]!.response).toEqual(big);
  });
});
