import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, connect, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemClock } from '../../packages/server/src/app-deps.ts';
import { buildApp } from '../../packages/server/src/app.ts';
import { DEFAULT_DEMO_PASSWORD, loadConfig } from '../../packages/server/src/config/config.ts';
import { openDb } from '../../packages/server/src/db/client.ts';
import { migrate } from '../../packages/server/src/db/migrate.ts';
import { ensureNode } from '../../packages/server/src/modules/edge/node-state.ts';
import { SnapshotSchema } from '../../packages/server/src/modules/edge/schemas.ts';
import { applySnapshot } from '../../packages/server/src/modules/edge/snapshot-edge.ts';
import { loadProfile } from '../../packages/server/src/profiles/profile.ts';
import { seed } from '../../packages/server/src/seed/seed.ts';
import { openTestDb } from '../../packages/server/src/testing/test-app.ts';

/** Helpers of the edge loopback test: server processes, a TCP link that can be cut, a cookie client. */
const BIN = fileURLToPath(new URL('../../bin/kamurj.mjs', import.meta.url));

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  output: () => string;
}

/**
 * A web bundle stand-in dated in the future, so `kamurj start` does not build the web app (this test is
 * about the API; the browser suite covers the console).
 */
export function fakeWebDist(dir: string): string {
  const web = join(dir, 'web');
  mkdirSync(web, { recursive: true });
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>Kamurj</title>');
  const future = new Date(Date.now() + 365 * 86_400_000);
  utimesSync(join(web, 'index.html'), future, future);
  return web;
}

/**
 * The centre, in this process on a copy of the run's migrated and seeded database (PGlite snapshot, or a
 * clone of the PostgreSQL template when DATABASE_URL is set, so the centre then runs on PostgreSQL as in
 * production while the edge keeps its PGlite). Seeding the demo data in a fresh process was most of this
 * test's time; the edge, which the test kills, stays a real process.
 */
export async function startCentre(): Promise<{ url: string; close(): Promise<void> }> {
  const tdb = await openTestDb();
  const config = loadConfig({ ...process.env, NODE_ENV: 'development', KAMURJ_LOG_LEVEL: 'warn', KAMURJ_MODE: 'central' });
  const app = await buildApp({ db: tdb.db, config, clock: systemClock }, { logger: false, serveWeb: false });
  try {
    await app.listen({ port: 0, host: '127.0.0.1' });
  } catch (e) {
    await app.close();
    await tdb.close();
    throw e;
  }
  const { port } = app.server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await app.close();
      await tdb.close();
    },
  };
}

/**
 * An edge node's data directory as a first `kamurj start` in edge mode leaves it: migrated, reference data
 * and organisation, no demo accounts or persons (the post's accounts arrive with the first pull). With a
 * snapshot, it is applied as the puller does, as if pulled at `at` (the browser journey's offline node).
 */
export async function prepareEdgeDataDir(dataDir: string, opts: { nodeId?: string; snapshot?: unknown; at?: Date } = {}): Promise<void> {
  const db = await openDb({ dataDir });
  try {
    await migrate(db);
    await seed(db, loadProfile(process.env.KAMURJ_COUNTRY ?? 'ARM'), { demo: false, demoPassword: DEFAULT_DEMO_PASSWORD });
    if (opts.snapshot !== undefined) {
      const snapshot = SnapshotSchema.parse(opts.snapshot);
      await ensureNode(db, opts.nodeId ?? 'edge-test');
      await db.tx((tx) => applySnapshot(tx, snapshot, opts.at ?? new Date()));
    }
  } finally {
    await db.close();
  }
}

export async function startProcess(env: Record<string, string>, timeoutMs = 150_000): Promise<ServerProcess> {
  let output = '';
  const child = spawn(process.execPath, [BIN, 'start'], {
    env: { ...process.env, DATABASE_URL: '', PORT: '0', HOST: '127.0.0.1', KAMURJ_LOG_LEVEL: 'warn', NODE_ENV: 'development', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  const url = await new Promise<string>((resolve, reject) => {
    const started = Date.now();
    const timer = setInterval(() => {
      const m = /running at (http:\/\/\S+)/.exec(output);
      if (m) {
        clearInterval(timer);
        resolve(m[1]!);
      } else if (child.exitCode !== null || Date.now() - started > timeoutMs) {
        clearInterval(timer);
        child.kill('SIGKILL');
        reject(new Error(`server did not start: ${output}`));
      }
    }, 100);
  });
  return { url, child, output: () => output };
}

export async function kill(p: ServerProcess): Promise<void> {
  if (p.child.exitCode !== null || p.child.signalCode !== null) return;
  const exited = new Promise((r) => p.child.once('exit', r));
  p.child.kill('SIGKILL');
  await exited;
}

/**
 * A TCP proxy between the edge and the centre. `cut()` drops every connection and refuses new ones;
 * `restore()` lets them through again; `holdNextDeliveryAnswer(cb)` passes the next crossing delivery
 * to the centre but withholds the centre's answer and calls `cb` once the answer has arrived (the
 * moment to kill the edge: the centre has committed, the edge has not heard).
 */
export class Link {
  private server: Server;
  private sockets = new Set<Socket>();
  private up = true;
  private hold: ((() => void) | null) = null;
  port = 0;

  constructor(private target: number) {
    this.server = createServer((client) => this.accept(client));
  }

  async listen(): Promise<string> {
    await new Promise<void>((r) => this.server.listen(0, '127.0.0.1', r));
    this.port = (this.server.address() as { port: number }).port;
    return `http://127.0.0.1:${this.port}`;
  }

  private accept(client: Socket) {
    if (!this.up) return void client.destroy();
    const upstream = connect(this.target, '127.0.0.1');
    this.sockets.add(client).add(upstream);
    client.on('data', (d) => {
      // Connections are kept alive: any request on this connection may be the delivery to hold.
      const cb = this.hold;
      if (cb && d.toString('latin1').startsWith('POST /api/edge/crossings')) {
        this.hold = null;
        upstream.removeAllListeners('data');
        upstream.once('data', () => cb());
      }
      upstream.write(d);
    });
    upstream.on('data', (d) => client.write(d));
    const close = () => {
      client.destroy();
      upstream.destroy();
      this.sockets.delete(client);
      this.sockets.delete(upstream);
    };
    client.on('close', close).on('error', close);
    upstream.on('close', close).on('error', close);
  }

  cut() {
    this.up = false;
    for (const s of this.sockets) s.destroy();
    this.sockets.clear();
  }

  restore() {
    this.up = true;
  }

  holdNextDeliveryAnswer(cb: () => void) {
    this.hold = cb;
  }

  close(): Promise<void> {
    this.cut();
    return new Promise((r) => this.server.close(() => r()));
  }
}

/** A browser-like client: keeps the session cookie and sends the CSRF token on writes. */
export class Http {
  private cookie = '';
  private csrf = '';
  constructor(public base: string) {}

  // The answers are read as loosely as inject()'s res.json() in the server tests.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  async request(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; json: any; headers: Headers }> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(method !== 'GET' && this.csrf ? { 'x-csrf-token': this.csrf } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const set = res.headers.getSetCookie().find((c) => c.startsWith('kamurj_sid='));
    if (set) this.cookie = set.split(';')[0]!;
    const text = await res.text();
    const json = text ? JSON.parse(text) : null;
    if (json && typeof json.csrfToken === 'string') this.csrf = json.csrfToken;
    return { status: res.status, json, headers: res.headers };
  }
}

export async function until<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 60_000, everyMs = 200): Promise<T> {
  const end = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
