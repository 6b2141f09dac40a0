import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Command } from '../command.ts';
import { startServer } from '../../../server/src/main.ts';
import { DEMO_TOTP_SECRET } from '../../../server/src/seed/seed.ts';

const WEB = fileURLToPath(new URL('../../../web/', import.meta.url));

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the web app when its bundle is missing or older than its sources: no separate build step. */
async function ensureWebBuilt(outDir: string, log: (t: string) => void): Promise<void> {
  const index = join(outDir, 'index.html');
  const srcTime = Math.max(newestMtime(join(WEB, 'src')), statSync(join(WEB, 'index.html')).mtimeMs);
  if (existsSync(index) && statSync(index).mtimeMs >= srcTime) return;
  log('Building the web app (first start or sources changed)…\n');
  const { build } = await import('vite');
  // Vite sets NODE_ENV=production for the bundle; the server's own mode must not change with it.
  const nodeEnv = process.env.NODE_ENV;
  try {
    await build({ configFile: join(WEB, 'vite.config.ts'), logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}

export const startCommand: Command = {
  path: ['start'],
  summary: 'Start the server and web app (migrates and seeds first)',
  help: `Usage: npx kamurj start

Serves the web app and the API on PORT (default 8080). Without DATABASE_URL the data lives in an
embedded PostgreSQL (PGlite) in KAMURJ_DATA_DIR (default ./data). Pending migrations are applied and
reference data seeded on every start; outside production, demo accounts are created once.
See the README for every environment variable.`,
  async run(argv, io) {
    if (argv.length) {
      io.stderr(`start takes no arguments (configure it with environment variables)\n`);
      return 2;
    }
    const outDir = resolve(process.env.KAMURJ_WEB_DIST || join(WEB, 'dist'));
    if (existsSync(join(WEB, 'index.html'))) await ensureWebBuilt(outDir, io.stdout);
    const server = await startServer();
    const { seedResult, config } = server;
    const lines = [
      '',
      `Kamurj is running at ${server.url}  (API docs: ${server.url}/api/docs)`,
      `Country profile: ${seedResult.country}; database: ${config.databaseUrl ? 'PostgreSQL' : `embedded PGlite in ${config.dataDir}`}`,
    ];
    if (seedResult.demoAccounts.length) {
      lines.push(
        '',
        'Demo accounts — FOR DEMONSTRATION ONLY, never use them with real data:',
        `  password for all: ${config.demoPassword}`,
        ...seedResult.demoAccounts.map((a) => `  ${a.username.padEnd(18)} ${a.roles.join(', ').padEnd(18)} ${a.agency}${a.totp ? '  (second factor)' : ''}`),
        `  Accounts marked "second factor" use the TOTP secret ${DEMO_TOTP_SECRET}`,
        '  (add it to an authenticator app, or run: npx kamurj demo totp).',
      );
    }
    io.stdout(`${lines.join('\n')}\n\n`);
    await new Promise<void>((resolve) => {
      const stop = (signal: string) => {
        io.stdout(`\n${signal} received: finishing requests and closing…\n`);
        void server.close().then(resolve, resolve);
      };
      process.once('SIGTERM', () => stop('SIGTERM'));
      process.once('SIGINT', () => stop('SIGINT'));
    });
    return 0;
  },
};
