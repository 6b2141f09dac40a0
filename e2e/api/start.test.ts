import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../../packages/server/src/testing/test-app.ts';

/**
 * The real entry point, as a user runs it: `kamurj start` in a child process on a free port, with an empty
 * data directory (PGlite) or a private PostgreSQL database. It must migrate, seed, print the demo accounts,
 * serve the API and the web app, and stop cleanly on SIGTERM.
 */
const BIN = fileURLToPath(new URL('../../bin/kamurj.mjs', import.meta.url));
let dir: string;
let pgDb: TestDb | undefined;
let child: ChildProcess;
let output = '';
let url = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kamurj-start-'));
  if (process.env.DATABASE_URL) pgDb = await openTestDb();
  child = spawn(process.execPath, [BIN, 'start'], {
    // A web bundle directory of its own, so the first-start build runs here too, as on a fresh clone.
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', KAMURJ_DATA_DIR: dir, KAMURJ_WEB_DIST: join(dir, 'web'), KAMURJ_LOG_LEVEL: 'warn', ...(pgDb ? { DATABASE_URL: pgDb.url } : {}) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  url = await new Promise<string>((resolve, reject) => {
    const timer = setInterval(() => {
      const m = /running at (http:\/\/\S+)/.exec(output);
      if (m) {
        clearInterval(timer);
        resolve(m[1]!);
      }
      if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`server exited: ${output}`));
      }
    }, 100);
  });
}, 180_000);

afterAll(async () => {
  if (child.exitCode === null) child.kill('SIGKILL');
  await pgDb?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('kamurj start', () => {
  it('builds the web app on first start', () => {
    expect(output).toMatch(/Building the web app/);
  });

  it('prints the demo accounts with a demonstration-only warning', () => {
    expect(output).toMatch(/FOR DEMONSTRATION ONLY/);
    for (const u of ['admin', 'mcs.admin', 'auditor', 'border.officer', 'border.supervisor', 'case.worker', 'analyst', 'policy.officer']) {
      expect(output).toContain(`  ${u} `);
    }
  });

  it('is healthy and ready, and serves the API documentation and the web app', async () => {
    expect((await fetch(`${url}/api/health`)).status).toBe(200);
    expect(await (await fetch(`${url}/api/ready`)).json()).toMatchObject({ status: 'ready', pendingMigrations: [] });
    const doc = await (await fetch(`${url}/api/openapi.json`)).json();
    expect(doc.openapi).toBe('3.1.0');
    expect((await fetch(`${url}/api/docs`)).status).toBe(200);
    const page = await fetch(`${url}/users`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<div id="root">/);
    const res = await fetch(`${url}/api/nothing-here`);
    expect(res.status).toBe(404);
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it('shuts down gracefully on SIGTERM', async () => {
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output).toMatch(/SIGTERM received/);
  });
});
