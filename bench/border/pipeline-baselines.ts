/**
 * Same-run baselines of the pipeline benchmark, on the same database: pgbench single-row INSERT
 * transactions (what the server and disk commit at most, one row per transaction) and pg_trgm screening
 * of the same travellers' names (`%`, similarity > 0.3, on a GIN trigram index over every listed name form)
 * plus the document-number lookup — the obvious SQL-only alternative to the prepared screening index.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseMrz } from '../../packages/domain/src/documents/mrz/index.ts';
import type { Db } from '../../packages/server/src/db/client.ts';
import { percentile } from '../persons/queries.ts';

export interface PgbenchResult {
  clients: number;
  seconds: number;
  tps: number;
}

/** `pgbench -n -c C -j C -T S -f insert.sql` against `url` (a scratch table in the same database). */
export async function pgbench(db: Db, url: URL, clients: number, seconds: number): Promise<PgbenchResult> {
  await db.exec('CREATE TABLE IF NOT EXISTS bench_pgbench_insert (id bigserial PRIMARY KEY, v double precision NOT NULL, at timestamptz NOT NULL DEFAULT now())');
  const dir = mkdtempSync(join(tmpdir(), 'kamurj-pgbench-'));
  try {
    const script = join(dir, 'insert.sql');
    writeFileSync(script, 'INSERT INTO bench_pgbench_insert (v) VALUES (random());\n');
    const out = execFileSync(
      'pgbench',
      ['-n', '-c', String(clients), '-j', String(clients), '-T', String(seconds), '-f', script, '-h', url.hostname, '-p', url.port || '5432', '-U', decodeURIComponent(url.username), url.pathname.slice(1)],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const tps = /tps = ([\d.]+)/.exec(out)?.[1];
    if (!tps) throw new Error(`pgbench printed no tps:\n${out}`);
    return { clients, seconds, tps: Math.round(Number(tps)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await db.exec('TRUNCATE bench_pgbench_insert');
  }
}

export interface TrgmResult {
  travellers: number;
  buildSeconds: number;
  nameForms: number;
  p50: number;
  p95: number;
  p99: number;
  perSecondOneConnection: number;
  hitsPerTraveller: number;
}

/** pg_trgm screening of `mrzs` (one connection, one traveller after the other). */
export async function trgmScreening(db: Db, mrzs: readonly string[]): Promise<TrgmResult> {
  const t0 = performance.now();
  await db.exec(`CREATE EXTENSION IF NOT EXISTS pg_trgm;
    DROP TABLE IF EXISTS bench_trgm_names;
    CREATE TABLE bench_trgm_names AS
      SELECT e.id AS entry_id, lower(n) AS name FROM border_list_entries e, jsonb_array_elements_text(e.data->'names') n
       WHERE e.active AND e.kind IN ('watchlist', 'entry_ban');
    CREATE INDEX bench_trgm_names_gin ON bench_trgm_names USING gin (name gin_trgm_ops);
    ANALYZE bench_trgm_names;`);
  const buildSeconds = (performance.now() - t0) / 1000;
  const forms = Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM bench_trgm_names')).rows[0]?.n ?? 0);
  const queries = mrzs.map((m) => {
    const r = parseMrz(m, { referenceDate: '2026-01-01' });
    return { name: `${r.surname ?? ''} ${r.givenNames ?? ''}`.trim().toLowerCase(), doc: `${r.issuingState ?? ''}:${(r.documentNumber ?? '').replace(/</g, '')}` };
  });
  const run = async (q: (typeof queries)[number]) => {
    const names = await db.query<{ entry_id: string }>(
      'SELECT entry_id, max(similarity(name, $1)) AS s FROM bench_trgm_names WHERE name % $1 GROUP BY entry_id ORDER BY s DESC LIMIT 20',
      [q.name],
    );
    const docs = await db.query<{ id: string }>(`SELECT id FROM border_list_entries WHERE kind = 'document' AND document_key = $1 AND active`, [q.doc]);
    return names.rows.length + docs.rows.length;
  };
  for (const q of queries.slice(0, 20)) await run(q);
  const ms: number[] = [];
  let hits = 0;
  const start = performance.now();
  for (const q of queries) {
    const t = performance.now();
    hits += await run(q);
    ms.push(performance.now() - t);
  }
  const seconds = (performance.now() - start) / 1000;
  ms.sort((a, b) => a - b);
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return {
    travellers: queries.length,
    buildSeconds: r2(buildSeconds),
    nameForms: forms,
    p50: r2(percentile(ms, 50)),
    p95: r2(percentile(ms, 95)),
    p99: r2(percentile(ms, 99)),
    perSecondOneConnection: Math.round(queries.length / seconds),
    hitsPerTraveller: r2(hits / queries.length),
  };
}
