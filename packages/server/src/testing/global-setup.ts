import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDb, pgConnectionString } from '../db/client.ts';
import { migrate } from '../db/migrate.ts';
import { loadProfile } from '../profiles/profile.ts';
import { seed } from '../seed/seed.ts';
import { DEFAULT_DEMO_PASSWORD } from '../config/config.ts';

/**
 * Migrate and seed once for the whole run, then let every test file start from a copy:
 * - PGlite: a data-dir snapshot (tarball) that each file loads into its own in-memory instance;
 * - PostgreSQL (DATABASE_URL set): a template database that each file clones with CREATE DATABASE … TEMPLATE.
 */
declare module 'vitest' {
  export interface ProvidedContext {
    pgliteSnapshot: string;
    pgTemplate: string;
  }
}

export function databaseUrlFor(base: string, dbName: string): string {
  const u = new URL(base);
  u.pathname = `/${dbName}`;
  return u.toString();
}

export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  const profile = loadProfile(process.env.KAMURJ_COUNTRY ?? 'ARM');
  if (url) {
    const template = `kamurj_tpl_${process.pid}`;
    const admin = new pg.Client({ connectionString: pgConnectionString(url) });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${template}`);
    await admin.query(`CREATE DATABASE ${template}`);
    const db = await openDb({ databaseUrl: databaseUrlFor(url, template), poolSize: 1 });
    await migrate(db);
    await seed(db, profile, { demo: true, demoPassword: DEFAULT_DEMO_PASSWORD });
    await db.close();
    project.provide('pgTemplate', template);
    project.provide('pgliteSnapshot', '');
    return async () => {
      // Test files drop their own databases; sweep what a crashed file left behind, then the template.
      const left = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`kamurj_t_${process.pid}_%`]);
      for (const r of left.rows) await admin.query(`DROP DATABASE IF EXISTS ${r.datname} WITH (FORCE)`);
      await admin.query(`DROP DATABASE IF EXISTS ${template} WITH (FORCE)`);
      await admin.end();
    };
  }
  const db = await openDb({ dataDir: 'memory://' });
  await migrate(db);
  await seed(db, profile, { demo: true, demoPassword: DEFAULT_DEMO_PASSWORD });
  const dir = mkdtempSync(join(tmpdir(), 'kamurj-test-'));
  const file = join(dir, 'snapshot.tar');
  const blob = await (db as unknown as { pg: { dumpDataDir(c: 'none'): Promise<Blob> } }).pg.dumpDataDir('none');
  writeFileSync(file, Buffer.from(await blob.arrayBuffer()));
  await db.close();
  project.provide('pgliteSnapshot', file);
  project.provide('pgTemplate', '');
  return () => rmSync(dir, { recursive: true, force: true });
}
