import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../command.ts';
import { openTestDb, type TestDb } from '../../../server/src/testing/test-app.ts';
import { personsDedupeCommand } from './persons.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from '../../../server/src/db/client.ts';
import { migrate } from '../../../server/src/db/migrate.ts';
import { seed } from '../../../server/src/seed/seed.ts';
import { loadProfile } from '../../../server/src/profiles/profile.ts';

/** `kamurj persons dedupe` against a private database (PGlite directory, or a PostgreSQL clone). */
let dir: string;
let pgDb: TestDb | undefined;
const saved = { ...process.env };

function io(): CliIo & { out: string; err: string } {
  const o = { out: '', err: '' };
  return Object.assign(o, { readStdin: async () => '', stdout: (t: string) => void (o.out += t), stderr: (t: string) => void (o.err += t) });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kamurj-cli-persons-'));
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

describe('kamurj persons dedupe', () => {
  it('scans the registry and reports the pairs queued', async () => {
    const i = io();
    expect(await personsDedupeCommand.run(['--json'], i)).toBe(0);
    const r = JSON.parse(i.out);
    expect(r.scanned).toBeGreaterThanOrEqual(20);
    expect(r.autoMerged).toBe(0);
  });
  it('refuses a threshold outside 0.7–1.01', async () => {
    const i = io();
    expect(await personsDedupeCommand.run(['--auto-merge-threshold', '0.2'], i)).toBe(2);
    expect(i.err).toMatch(/0\.7 to 1\.01/);
  });
});
