import { readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../app.ts';
import type { Clock } from '../app-deps.ts';
import { loadConfig, DEFAULT_DEMO_PASSWORD, type Config } from '../config/config.ts';
import { openDb, pgConnectionString, type Db } from '../db/client.ts';
import { totpCode } from '../lib/totp.ts';
import { DEMO_TOTP_SECRET } from '../seed/seed.ts';
import { databaseUrlFor } from './global-setup.ts';

export const DEMO_PASSWORD = DEFAULT_DEMO_PASSWORD;

export class TestClock implements Clock {
  constructor(public ms = Date.UTC(2026, 10, 22, 9, 0, 0)) {}
  now = () => new Date(this.ms);
  advance(ms: number) {
    this.ms += ms;
  }
}

export interface TestDb {
  /** PostgreSQL URL of this file's private database (undefined on PGlite). */
  url?: string;
  db: Db;
  /** Connection with owner rights (PostgreSQL) — what a DBA could do; the same instance on PGlite. */
  ownerDb: Db;
  close(): Promise<void>;
}

/** A private copy of the migrated, seeded database for one test file. */
export async function openTestDb(): Promise<TestDb> {
  const template = inject('pgTemplate');
  const base = process.env.DATABASE_URL;
  if (template && base) {
    const name = `kamurj_t_${process.ppid}_${randomBytes(4).toString('hex')}`;
    const admin = new pg.Client({ connectionString: pgConnectionString(base) });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    const url = databaseUrlFor(base, name);
    const ownerDb = await openDb({ databaseUrl: url, poolSize: 2 });
    const db = await openDb({ databaseUrl: url, asAppRole: true, poolSize: 5 });
    return {
      url,
      db,
      ownerDb,
      close: async () => {
        await db.close();
        await ownerDb.close();
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      },
    };
  }
  const snapshot = readFileSync(inject('pgliteSnapshot'));
  const db = await openDb({ dataDir: 'memory://', loadDataDir: new Blob([snapshot]) });
  return { db, ownerDb: db, close: () => db.close() };
}

export interface TestApp extends TestDb {
  app: FastifyInstance;
  clock: TestClock;
  config: Config;
}

export async function createTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const tdb = await openTestDb();
  const clock = new TestClock();
  const config = loadConfig({ NODE_ENV: 'test', ...env });
  const app = await buildApp({ db: tdb.db, config, clock });
  await app.ready();
  return {
    ...tdb,
    app,
    clock,
    config,
    close: async () => {
      await app.close();
      await tdb.close();
    },
  };
}

/** A logged-in browser-like client: keeps the cookie, sends the CSRF token on writes. */
export class Client {
  cookie = '';
  csrf = '';
  constructor(readonly t: TestApp) {}

  async request(method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE', url: string, body?: unknown, headers: Record<string, string> = {}): Promise<LightMyRequestResponse> {
    const res = await this.t.app.inject({
      method,
      url,
      headers: {
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(method !== 'GET' && this.csrf ? { 'x-csrf-token': this.csrf } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });
    const set = res.cookies.find((c) => c.name === 'kamurj_sid');
    if (set) this.cookie = set.value ? `kamurj_sid=${set.value}` : '';
    const json = res.headers['content-type']?.toString().includes('json') ? res.json() : undefined;
    if (json && typeof json.csrfToken === 'string') this.csrf = json.csrfToken;
    return res;
  }
  get = (url: string) => this.request('GET', url);
  post = (url: string, body: unknown = {}) => this.request('POST', url, body);
  patch = (url: string, body: unknown) => this.request('PATCH', url, body);
}

/**
 * Logs a demo account in through every step it needs (second factor with the demo secret). Advances the
 * test clock past the TOTP step so codes are never replayed between logins.
 */
export async function loginAs(t: TestApp, username: string, password = DEMO_PASSWORD): Promise<Client> {
  const c = new Client(t);
  const res = await c.post('/api/auth/login', { username, password });
  if (res.statusCode !== 200) throw new Error(`login ${username}: ${res.statusCode} ${res.body}`);
  if (res.json().state === 'mfa_required') {
    t.clock.advance(30_000);
    const r2 = await c.post('/api/auth/mfa/verify', { code: totpCode(DEMO_TOTP_SECRET, t.clock.ms) });
    if (r2.statusCode !== 200) throw new Error(`mfa ${username}: ${r2.statusCode} ${r2.body}`);
  }
  return c;
}
