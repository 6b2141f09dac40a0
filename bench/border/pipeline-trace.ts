/**
 * `--trace-sql`: wraps a Db so every statement's time is summed by its first words (where the pipeline's
 * round trips go). Diagnostic only; the figures of a traced run are not reported as results.
 */
import type { Db, Queryable } from '../../packages/server/src/db/client.ts';

export interface SqlTrace {
  db: Db;
  report(): string;
}

export function traceDb(inner: Db): SqlTrace {
  const stats = new Map<string, { n: number; ms: number }>();
  const timed = (q: Queryable): Queryable => ({
    ...(q.scope ? { scope: q.scope } : {}),
    async query(sql, params, options) {
      const t = performance.now();
      try {
        return await q.query(sql, params, options);
      } finally {
        const key = sql.replace(/\s+/g, ' ').trim().slice(0, 90);
        const s = stats.get(key) ?? { n: 0, ms: 0 };
        s.n++;
        s.ms += performance.now() - t;
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
        .map(([k, s]) => `${s.ms.toFixed(0).padStart(8)} ms ${String(s.n).padStart(6)}× ${(s.ms / s.n).toFixed(2).padStart(7)} ms  ${k}`)
        .join('\n'),
  };
}
