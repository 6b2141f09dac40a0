import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../command.ts';
import { main } from '../main.ts';
import { openDb, type Db } from '../../../server/src/db/client.ts';
import { migrate } from '../../../server/src/db/migrate.ts';
import { loadProfile } from '../../../server/src/profiles/profile.ts';
import { seed } from '../../../server/src/seed/seed.ts';
import { openTestDb, type TestDb } from '../../../server/src/testing/test-app.ts';

/** `kamurj persons import` and `kamurj seed --persons N`, in-process against a private database. */
let dir: string;
let pgDb: TestDb | undefined;
const saved = { ...process.env };

const run = async (...argv: string[]) => {
  const o = { out: '', err: '' };
  const io: CliIo = { readStdin: async () => '', stdout: (t) => void (o.out += t), stderr: (t) => void (o.err += t) };
  const code = await main(argv, io);
  return { code, ...o };
};
async function withDb<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = pgDb ? pgDb.ownerDb : await openDb({ dataDir: dir });
  try {
    return await fn(db);
  } finally {
    if (!pgDb) await db.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kamurj-cli-import-'));
  if (process.env.DATABASE_URL) {
    pgDb = await openTestDb();
    process.env.DATABASE_URL = pgDb.url;
  } else {
    const db = await openDb({ dataDir: dir });
    await migrate(db);
    await seed(db, loadProfile('ARM'), { demo: true, demoPassword: 'Kamurj-demo-2026!' });
    await db.close();
  }
  process.env.KAMURJ_DATA_DIR = dir;
  process.env.NODE_ENV = 'test';
});
afterAll(async () => {
  process.env = saved;
  await pgDb?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('kamurj persons import', () => {
  it('loads the valid rows with duplicate detection and names the line and column of each bad one', async () => {
    const file = join(dir, 'police.csv');
    writeFileSync(
      file,
      [
        'ref,surname,given_name,surname_latin,given_name_latin,birth_date,sex,nationality,document_number,document_issuer,region',
        // The Russian-document form of the demo person Tigran Sargsyan (1979-01-30).
        'A1,Саргсян,Тигран,SARGSIAN,TIGRAN,1979-01-30,M,ARM,,,AM-ER',
        'A2,Ներսիսյան,Աննա,NERSISYAN,ANNA,1994-02-11,F,ARM,AN7770001,ARM,AM-KT',
        'A3,Ներսիսյան,Մարիամ,,,1994-02-30,F,ARM,,,AM-KT',
        'A4,Ներսիսյան,Լևոն,,,1990,M,QQQ,,,AM-KT',
        'A5,,,,,1990,M,ARM,,,AM-KT',
        '"A6","Ներսիսյան","Armen",,,1990,M,ARM,,,AM-KT',
      ].join('\n'),
    );
    const r = await run('persons', 'import', '--input', file, '--source', 'police-2019');
    expect(r.code, r.err).toBe(1);
    expect(r.out).toMatch(/imported 2 of 6 persons from "police-2019": 4 rejected, [1-9]\d* possible duplicates queued, 0 merged automatically/);
    expect(r.err).toMatch(/ignored columns: ref/);
    expect(r.err).toMatch(/row 4, birth_date: PERSONS\.INVALID_DATE/);
    expect(r.err).toMatch(/row 5, nationality: PERSONS\.UNKNOWN_CITIZENSHIP/);
    expect(r.err).toMatch(/row 6, surname: /);
    expect(r.err).toMatch(/row 7, surname: PERSONS\.MIXED_SCRIPT/);

    await withDb(async (db) => {
      const imported = await db.query<{ id: string; jurisdiction_path: string }>(`SELECT id, jurisdiction_path FROM persons WHERE source = 'import' ORDER BY jurisdiction_path`);
      expect(imported.rows.map((p) => p.jurisdiction_path)).toEqual(['ARM.AM-ER', 'ARM.AM-KT']);
      const pairs = await db.query<{ found_by: string }>('SELECT found_by FROM duplicate_candidates WHERE person_a = $1 OR person_b = $1', [imported.rows[0]!.id]);
      expect(pairs.rows.map((p) => p.found_by)).toContain('import');
      const audit = await db.query<{ actor_name: string; details: { source: string; created: number } }>(`SELECT actor_name, details FROM audit_log WHERE action = 'persons.import'`);
      expect(audit.rows[0]?.details).toMatchObject({ source: 'police-2019', created: 2, rejected: 4 });
      expect(audit.rows[0]?.actor_name).toMatch(/^cli:/);
    });
  });

  it('reads JSON Lines and refuses a missing source or file', async () => {
    const file = join(dir, 'ngo.jsonl');
    writeFileSync(file, `${JSON.stringify({ names: [{ surname: 'Hakobyan', givenNames: 'Sona' }], citizenships: [{ code: 'ARM' }] })}\nnot json\n`);
    const r = await run('persons', 'import', '--input', file, '--source', 'ngo', '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out)).toMatchObject({ created: 1, rejected: 1, errors: [{ row: 2, code: 'PERSONS.IMPORT_INVALID_JSON' }] });
    expect((await run('persons', 'import', '--input', file)).code).toBe(2);
    expect((await run('persons', 'import', '--input', join(dir, 'nope.csv'), '--source', 'x')).code).toBe(2);
  });
});

describe('kamurj seed --persons', () => {
  it('bulk-loads generated persons, one audit row per batch, and reports the rate', async () => {
    const r = await run('seed', '--no-demo', '--persons', '120', '--seed', '3', '--batch-size', '50');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/persons: 120 created \(seed 3\) in [\d.]+ s — [\d,]+ persons\/s, \d+ name keys, 120 document numbers, 3 batches/);
    await withDb(async (db) => {
      const audit = await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM audit_log WHERE action = 'persons.bulk_seed' AND details->>'seed' = '3'`);
      expect(audit.rows[0]?.n).toBe('3');
    });
    const again = await run('seed', '--no-demo', '--persons', '120', '--seed', '3');
    expect(again.out).toMatch(/persons: 0 created, 120 already loaded/);
    expect((await run('seed', '--persons', '0')).code).toBe(2);
    const keys = async () => withDb(async (db) => (await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM person_name_keys WHERE key LIKE 'p:%'`)).rows[0]?.n);
    const before = await keys();
    const reindexed = await run('persons', 'reindex');
    expect(reindexed.out).toMatch(/reindexed \d+ persons/);
    expect(await keys()).toBe(before);
    expect((await run('seed', '--seed', '4')).code).toBe(2);
  });
});
