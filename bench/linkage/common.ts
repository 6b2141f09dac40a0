/**
 * Shared helpers of the linkage benchmarks: machine description, result files, the datasets (generated
 * population and the tuning data in ../shared/datasets/linkage) in one shape, running `kamurj link`
 * in-process, and a scratch PostgreSQL database for the pg_trgm baseline.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, type as osType, release } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { linkCommand } from '../../packages/cli/src/commands/link.ts';
import { parseCsv } from '../../packages/domain/src/linkage/index.ts';

export const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DATASETS = resolve(ROOT, '../shared/datasets/linkage');

export function machine() {
  return {
    cpu: cpus()[0]?.model ?? 'unknown',
    cores: cpus().length,
    memoryGB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    os: `${osType()} ${release()}`,
  };
}

/**
 * Runs `run(i)` for i = 0, 1, … for `seconds` after 20,000 warm-up calls (for the JIT), in batches of
 * `batch` between clock reads. `run` returns a number that is summed, so that its work cannot be dropped.
 */
export function timeLoop(label: string, run: (i: number) => number, seconds: number, batch = 5_000): { label: string; perSecond: number; microseconds: number; iterations: number } {
  let checksum = 0;
  for (let i = 0; i < 20_000; i++) checksum += run(i);
  const start = performance.now();
  const deadline = start + seconds * 1000;
  let iterations = 0;
  while (performance.now() < deadline) for (let k = 0; k < batch; k++) checksum += run(iterations++);
  const elapsed = (performance.now() - start) / 1000;
  if (checksum === Number.MIN_VALUE) console.log(checksum);
  return { label, perSecond: Math.round(iterations / elapsed), microseconds: Math.round((elapsed / iterations) * 1e9) / 1000, iterations };
}

export function argNumber(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  const v = i >= 0 ? Number(process.argv[i + 1]) : Number.NaN;
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

export function writeResults(name: string, report: object, markdown: string): void {
  const dir = join(ROOT, 'bench/results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(join(dir, `${name}.md`), markdown.endsWith('\n') ? markdown : `${markdown}\n`);
  console.log(markdown);
}

/** One record of any dataset, as the benchmarks compare them. */
export interface BenchRecord {
  id: string;
  entity: string;
  given: string;
  surname: string;
  /** ISO (YYYY-MM-DD or YYYY) or ''. */
  dob: string;
  sex: string;
  nationality: string;
  document: string;
}

export interface Dataset {
  name: string;
  file: string;
  records: BenchRecord[];
  /** `kamurj link` arguments after --input FILE. */
  linkArgs: string[];
}

const rowsOf = (file: string) => {
  const rows = parseCsv(readFileSync(file, 'utf8')).map((r) => r.fields);
  const header = rows[0] ?? [];
  return rows.slice(1).map((r) => (c: string) => r[header.indexOf(c)] ?? '');
};

const febrlDob = (s: string) => (/^\d{8}$/.test(s) ? `${s.slice(0, 4)}-${s.slice(4, 6)}-${s.slice(6, 8)}` : '');

export function febrl(n: 1 | 2): Dataset {
  const file = join(DATASETS, `febrl-dataset${n}.csv`);
  return {
    name: `FEBRL dataset${n}`,
    file,
    records: rowsOf(file).map((c) => ({
      id: c('rec_id'),
      entity: c('rec_id').replace(/-(org|dup-\d+)$/, ''),
      given: c('given_name'),
      surname: c('surname'),
      dob: febrlDob(c('date_of_birth')),
      sex: '',
      nationality: '',
      document: '',
    })),
    linkArgs: ['--id', 'rec_id', '--field', 'given_name=given_name', '--field', 'surname=surname', '--field', 'birth_date=date_of_birth:YYYYMMDD', '--field', 'national_id=soc_sec_id', '--field', 'postcode=postcode', '--field', 'address=address_1', '--field', 'city=suburb'],
  };
}

export function splinkFake(): Dataset {
  const file = join(DATASETS, 'splink-fake_1000.csv');
  return {
    name: 'splink fake_1000',
    file,
    records: rowsOf(file).map((c) => ({ id: c('unique_id'), entity: c('cluster'), given: c('first_name'), surname: c('surname'), dob: c('dob'), sex: '', nationality: '', document: '' })),
    linkArgs: ['--id', 'unique_id', '--field', 'given_name=first_name', '--field', 'surname=surname', '--field', 'birth_date=dob', '--field', 'city=city', '--field', 'email=email'],
  };
}

export const GENERATED_LINK_ARGS = ['--id', 'id', '--field', 'given_name=given_name', '--field', 'surname=surname', '--field', 'birth_date=birth_date', '--field', 'sex=sex', '--field', 'nationality=nationality', '--field', 'document_number=document_number'];

export function generatedDataset(file: string, name: string): Dataset {
  return {
    name,
    file,
    records: rowsOf(file).map((c) => ({ id: c('id'), entity: c('entity_id'), given: c('given_name'), surname: c('surname'), dob: c('birth_date'), sex: c('sex'), nationality: c('nationality'), document: c('document_number') })),
    linkArgs: GENERATED_LINK_ARGS,
  };
}

/** Runs `kamurj link` in this process; returns cluster ids by record id, and the seconds taken. */
export async function runLink(file: string, args: readonly string[]): Promise<{ clusters: Map<string, string>; seconds: number; stderr: string }> {
  let out = '';
  let stderr = '';
  const started = performance.now();
  const code = await linkCommand.run(['--input', file, ...args], { readStdin: async () => '', stdout: (t) => (out += t), stderr: (t) => (stderr += t) });
  const seconds = (performance.now() - started) / 1000;
  if (code !== 0) throw new Error(`kamurj link failed (${code}): ${stderr}`);
  const clusters = new Map(parseCsv(out).slice(1).map((r) => [r.fields[0] ?? '', r.fields[1] ?? ''] as const));
  return { clusters, seconds, stderr };
}

/** Connected components of pairs (baseline clustering). */
export function components(ids: readonly string[], pairs: readonly (readonly [string, string])[]): Map<string, string> {
  const parent = new Map(ids.map((id) => [id, id] as const));
  const find = (x: string): string => {
    let r = x;
    while (parent.get(r) !== r) r = parent.get(r) as string;
    parent.set(x, r);
    return r;
  };
  for (const [a, b] of pairs) {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(ra, rb);
  }
  return new Map(ids.map((id) => [id, find(id)] as const));
}

export const PG_URL = process.env.KAMURJ_BENCH_PG ?? 'postgres://root@127.0.0.1:5432/test';

/** A scratch database with pg_trgm, unaccent and fuzzystrmatch, dropped afterwards. Null if PostgreSQL is unavailable. */
export async function withScratchDb<T>(fn: (client: pg.Client, info: { version: string }) => Promise<T>): Promise<T | null> {
  const admin = new pg.Client({ connectionString: PG_URL });
  try {
    await admin.connect();
  } catch (e) {
    console.error(`PostgreSQL not available at ${PG_URL}: ${e instanceof Error ? e.message : String(e)}; baseline skipped`);
    return null;
  }
  const name = `kamurj_bench_${process.pid}`;
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'`);
    const url = new URL(PG_URL);
    url.pathname = `/${name}`;
    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    try {
      for (const ext of ['pg_trgm', 'unaccent', 'fuzzystrmatch']) await client.query(`CREATE EXTENSION IF NOT EXISTS ${ext}`);
      const version = ((await client.query('SHOW server_version')).rows[0] as { server_version: string }).server_version;
      return await fn(client, { version });
    } finally {
      await client.end();
    }
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`).catch(() => undefined);
    await admin.end();
  }
}

/** Loads records into table `people` (name = given + surname), in batches. */
export async function loadPeople(client: pg.Client, records: readonly BenchRecord[]): Promise<void> {
  await client.query('DROP TABLE IF EXISTS people');
  await client.query('CREATE TABLE people (id text PRIMARY KEY, given text, surname text, name text, dob text, year text)');
  for (let i = 0; i < records.length; i += 5000) {
    const batch = records.slice(i, i + 5000);
    await client.query(
      `INSERT INTO people SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[])`,
      [batch.map((r) => r.id), batch.map((r) => r.given), batch.map((r) => r.surname), batch.map((r) => `${r.given} ${r.surname}`.trim()), batch.map((r) => r.dob), batch.map((r) => r.dob.slice(0, 4))],
    );
  }
  await client.query('ANALYZE people');
}
