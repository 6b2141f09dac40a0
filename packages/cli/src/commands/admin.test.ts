import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIo } from '../command.ts';
import { main } from '../main.ts';
import { openDb, type Db } from '../../../server/src/db/client.ts';
import { openTestDb, type TestDb } from '../../../server/src/testing/test-app.ts';

/** Runs the administrative commands in-process against a private database: PGlite in a temporary
 * directory, or a cloned PostgreSQL database when DATABASE_URL is set. */
let dir: string;
let pgDb: TestDb | undefined;
const saved = { ...process.env };

function io(input = ''): CliIo & { out: string; err: string } {
  const o = { out: '', err: '' };
  return Object.assign(o, {
    readStdin: async () => input,
    stdout: (t: string) => void (o.out += t),
    stderr: (t: string) => void (o.err += t),
  });
}
const run = async (...argv: string[]) => {
  const i = io();
  const code = await main(argv, i);
  return { code, out: i.out, err: i.err };
};
async function owner<T>(fn: (db: Db) => Promise<T>): Promise<T> {
  const db = pgDb ? pgDb.ownerDb : await openDb({ dataDir: dir });
  try {
    return await fn(db);
  } finally {
    if (!pgDb) await db.close();
  }
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kamurj-cli-'));
  if (process.env.DATABASE_URL) {
    pgDb = await openTestDb();
    process.env.DATABASE_URL = pgDb.url;
  }
  process.env.KAMURJ_DATA_DIR = dir;
  process.env.NODE_ENV = 'test';
});
afterAll(async () => {
  process.env = saved;
  await pgDb?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('kamurj administrative commands', () => {
  it('prints usage for no command and help for each command', async () => {
    expect((await run()).code).toBe(2);
    const help = await run('--help');
    expect(help.out).toMatch(/audit verify/);
    expect((await run('users', 'create', '--help')).out).toMatch(/--username/);
    expect((await run('no-such-command')).code).toBe(2);
  });

  it('migrates and seeds', async () => {
    expect((await run('migrate')).code).toBe(0);
    expect((await run('seed')).out).toMatch(/seeded ARM/);
    expect((await run('migrate', '--status')).out).toMatch(/pending: \(none\)/);
  });

  it('creates, lists, resets and disables users, with clear errors', async () => {
    const created = await run('users', 'create', '--username', 'cli.officer', '--display-name', 'CLI Officer', '--agency', 'NSS-BG', '--role', 'border_officer', '--jurisdiction', 'BAGRATASHEN');
    expect(created.code).toBe(0);
    expect(created.out).toMatch(/temporary password: \S+/);
    expect((await run('users', 'list', '--agency', 'NSS-BG')).out).toMatch(/cli\.officer\s+NSS-BG\s+border_officer/);
    const bad = await run('users', 'create', '--username', 'x', '--display-name', 'X', '--agency', 'NOPE', '--role', 'king', '--jurisdiction', 'ARM');
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/--username|Unknown role/);
    expect((await run('users', 'reset-password', 'cli.officer')).out).toMatch(/temporary password/);
    expect((await run('users', 'disable', 'cli.officer')).code).toBe(0);
    expect((await run('users', 'list')).out).toMatch(/cli\.officer.*disabled/);
    expect((await run('users', 'disable', 'nobody')).code).toBe(2);
  });

  it('verifies the audit chain and names the first broken link', async () => {
    const ok = await run('audit', 'verify');
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(/intact: \d+ rows/);
    await owner(async (db) => {
      await db.exec('ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_update');
      await db.query("UPDATE audit_log SET details = '{\"forged\":true}' WHERE id = 3");
      await db.exec('ALTER TABLE audit_log ENABLE TRIGGER audit_log_no_update');
    });
    const broken = await run('audit', 'verify');
    expect(broken.code).toBe(1);
    expect(broken.err).toMatch(/BROKEN at row 3: row 3 was changed/);
    const json = await run('audit', 'verify', '--json');
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, firstBrokenId: 3 });
  });
});
