/**
 * `--trace-sql`: wraps a Db so every statement's time is summed by its first words (where the pipeline's
 * round trips go). Diagnostic only; the figures of a traced run are not reported as results.
 */
import type { Db, Queryable, QueryOptions } from '../../packages/server/src/db/client.ts';

export interface SqlTrace {
  db: Db;
  report(): string;
}

export function traceDb(inner: Db): SqlTrace {
  const stats = new Map<string, { n: number; ms: number; sent: number; received: number }>();
  const timed = (q: Queryable): Queryable => ({
    ...(q.scope ? { scope: q.scope } : {}),
    async query<T>(sql: string, params?: readonly unknown[], options?: QueryOptions) {
      const t = performance.now();
      let received = 0;
      try {
        const result = await q.query<T>(sql, params, options);
        received = approximateBytes(result.rows);
        return result;
      } finally {
        const key = sql.replace(/\s+/g, ' ').trim().slice(0, 90);
        const s = stats.get(key) ?? { n: 0, ms: 0, sent: 0, received: 0 };
        s.n++;
        s.ms += performance.now() - t;
        // What goes over the connection, roughly: the statement's text (unless prepared before) and its parameters.
        s.sent += (options?.prepare ? 0 : sql.length) + approximateBytes(params ?? []);
        s.received += received;
        stats.set(key, s);
      }
    },
  });
  const top = timed(inner);
  const db: Db = {
    ...(inner.scope ? { scope: inner.scope } : {}),
    kind: inner.kind,
    query: top.query,
    tx: (fn) => inner.tx((tx) => fn(timed(tx))),
    exec: (sql) => inner.exec(sql),
    close: () => inner.close(),
  };
  return {
    db,
    report: () =>
      [...stats]
        .sort((a, b) => b[1].ms - a[1].ms)
        .slice(0, 30)
        .map(([k, s]) => `${s.ms.toFixed(0).padStart(8)} ms ${String(s.n).padStart(6)}× ${(s.ms / s.n).toFixed(2).padStart(7)} ms ${String(Math.round(s.sent / s.n)).padStart(7)} B out ${String(Math.round(s.received / s.n)).padStart(7)} B in  ${k}`)
        .join('\n'),
  };
}

/** Bytes of a value as text, about what the wire protocol carries for it. */
function approximateBytes(value: unknown): number {
  try {
    return Buffer.byteLength(JSON.stringify(value, (_k, v: unknown) => (v instanceof Uint8Array ? `x${'0'.repeat(v.length)}` : v)) ?? '');
  } catch {
    return 0;
  }
}
