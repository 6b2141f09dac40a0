import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { APP_ROLE, type Db } from './client.ts';

const MIGRATIONS_DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

export interface Migration {
  version: string;
  name: string;
  sql: string;
  checksum: string;
}

/** Plain, numbered SQL files; the same SQL runs on PGlite and PostgreSQL. */
export function loadMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((file) => {
      const sql = readFileSync(join(dir, file), 'utf8');
      return {
        version: file.slice(0, 4),
        name: file.replace(/\.sql$/, ''),
        sql,
        checksum: createHash('sha256').update(sql).digest('hex'),
      };
    });
}

const ENSURE_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations (
  version text PRIMARY KEY, name text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`;

export interface MigrationStatus {
  applied: string[];
  pending: string[];
  /** Applied migrations whose file changed since: the database and the code disagree. */
  changed: string[];
}

export async function migrationStatus(db: Db, migrations = loadMigrations()): Promise<MigrationStatus> {
  const exists = await db.query<{ t: string | null }>(`SELECT to_regclass('schema_migrations')::text AS t`);
  const applied = exists.rows[0]?.t
    ? (await db.query<{ version: string; checksum: string }>('SELECT version, checksum FROM schema_migrations')).rows
    : [];
  const byVersion = new Map(applied.map((r) => [r.version, r.checksum]));
  return {
    applied: applied.map((r) => r.version).sort(),
    pending: migrations.filter((m) => !byVersion.has(m.version)).map((m) => m.name),
    changed: migrations.filter((m) => byVersion.has(m.version) && byVersion.get(m.version) !== m.checksum).map((m) => m.name),
  };
}

/** Applies pending migrations, each in its own transaction. Returns the names applied. */
export async function migrate(db: Db, migrations = loadMigrations()): Promise<string[]> {
  await db.exec(ENSURE_TABLE);
  const status = await migrationStatus(db, migrations);
  if (status.changed.length) {
    throw new Error(`Applied migrations were edited afterwards: ${status.changed.join(', ')}. Add a new migration instead.`);
  }
  const done: string[] = [];
  for (const m of migrations.filter((x) => status.pending.includes(x.name))) {
    await db.exec(`BEGIN;\n${m.sql}\n;INSERT INTO schema_migrations (version, name, checksum) VALUES ('${m.version}', '${m.name}', '${m.checksum}');\nCOMMIT;`);
    done.push(m.name);
  }
  if (db.kind === 'postgres') await applyGrants(db);
  return done;
}

/**
 * PostgreSQL: the server runs as a restricted role that can read and write the application's tables but
 * cannot UPDATE, DELETE or TRUNCATE the audit log, nor delete persons (ADR 0512). (On PGlite, a
 * single-user engine, the triggers in 0002_audit.sql and 0026_border_person_checks.sql are the guard.)
 */
async function applyGrants(db: Db): Promise<void> {
  await db.exec(`
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${APP_ROLE}') THEN
    CREATE ROLE ${APP_ROLE} NOLOGIN;
  END IF;
END $$;
GRANT ${APP_ROLE} TO CURRENT_USER;
GRANT USAGE ON SCHEMA public TO ${APP_ROLE};
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${APP_ROLE};
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO ${APP_ROLE};
REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${APP_ROLE};
REVOKE UPDATE, DELETE, TRUNCATE ON person_history FROM ${APP_ROLE};
REVOKE DELETE, TRUNCATE ON persons FROM ${APP_ROLE};
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON schema_migrations FROM ${APP_ROLE};
`);
}
