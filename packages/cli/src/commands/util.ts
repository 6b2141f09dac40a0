import { parseArgs, type ParseArgsConfig } from 'node:util';
import { loadConfig, type Config } from '../../../server/src/config/config.ts';
import { openDb, type Db } from '../../../server/src/db/client.ts';

export class UsageError extends Error {}

export function args<T extends NonNullable<ParseArgsConfig['options']>>(argv: readonly string[], options: T, allowPositionals = false) {
  try {
    return parseArgs({ args: [...argv], options, allowPositionals, strict: true });
  } catch (e) {
    throw new UsageError(e instanceof Error ? e.message : String(e));
  }
}

/** The database with owner rights (administrative commands), from the same configuration as the server. */
export async function withAdminDb<T>(fn: (db: Db, config: Config) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    return await fn(db, config);
  } finally {
    await db.close();
  }
}

/** Wraps a command body: usage errors print the help and exit 2. */
export async function guarded(help: string, io: { stderr(t: string): void }, fn: () => Promise<number>): Promise<number> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`${e.message}\n\n${help.trim()}\n`);
      return 2;
    }
    throw e;
  }
}
