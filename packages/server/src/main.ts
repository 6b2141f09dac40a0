import { loadConfig, type Config } from './config/config.ts';
import { openDb, type Db } from './db/client.ts';
import { migrate } from './db/migrate.ts';
import { buildApp } from './app.ts';
import { startStatisticsWorker } from './modules/statistics/index.ts';
import { startEdgeSync } from './modules/edge/index.ts';
import { systemClock, type Clock } from './app-deps.ts';
import { loadProfile } from './profiles/profile.ts';
import { seed, type SeedResult } from './seed/seed.ts';

export interface StartOptions {
  env?: Record<string, string | undefined>;
  /** Overrides for tests and tools. */
  port?: number;
  host?: string;
  dataDir?: string;
  databaseUrl?: string;
  logger?: boolean;
  clock?: Clock;
}

export interface RunningServer {
  url: string;
  config: Config;
  seedResult: SeedResult;
  close(): Promise<void>;
}

/**
 * Opens the database (PGlite in the data directory, or PostgreSQL with DATABASE_URL), applies pending
 * migrations, seeds reference data and (outside production) demo accounts, then listens.
 */
export async function prepareDatabase(config: Config): Promise<{ db: Db; seedResult: SeedResult }> {
  const profile = loadProfile(config.country);
  // Migrations and seeding run with the owner's rights; the server itself runs as the restricted role.
  const admin = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, poolSize: 2 });
  try {
    await migrate(admin);
    const seedResult = await seed(admin, profile, { demo: config.seedDemo, demoPassword: config.demoPassword });
    if (!config.databaseUrl) return { db: admin, seedResult }; // PGlite: one embedded instance
    await admin.close();
    // Every connection opened before the first request, and kept (ADR 0526).
    return { db: await openDb({ databaseUrl: config.databaseUrl, asAppRole: true, warmPool: true }), seedResult };
  } catch (e) {
    await admin.close().catch(() => undefined);
    throw e;
  }
}

export async function startServer(opts: StartOptions = {}): Promise<RunningServer> {
  const env = { ...(opts.env ?? process.env) };
  if (opts.port !== undefined) env.PORT = String(opts.port);
  if (opts.host) env.HOST = opts.host;
  if (opts.dataDir) env.KAMURJ_DATA_DIR = opts.dataDir;
  if (opts.databaseUrl !== undefined) env.DATABASE_URL = opts.databaseUrl;
  const config = loadConfig(env);
  const { db, seedResult } = await prepareDatabase(config);
  const logger = opts.logger === false ? false : { level: config.logLevel };
  const app = await buildApp({ db, config, clock: opts.clock ?? systemClock }, { logger, serveWeb: true });
  await app.listen({ port: config.port, host: config.host });
  // Statistics stay within 60 s of the records: the worker empties the change queue every 10 s (ADR 0601).
  const stopStatistics = startStatisticsWorker(db, { country: config.country, now: () => (opts.clock ?? systemClock).now(), onError: (e) => app.log.error(e) });
  // Edge mode (ADR 0503): pull the centre's lists and push this post's crossings, in the background.
  const sync = config.mode === 'edge' ? await startEdgeSync(app.deps, { log: (m) => app.log.warn(m) }) : undefined;
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  let closed = false;
  return {
    url,
    config,
    seedResult,
    close: async () => {
      if (closed) return;
      closed = true;
      await sync?.stop();
      await stopStatistics();
      await app.close(); // stops accepting, lets in-flight requests finish
      await db.close();
    },
  };
}
