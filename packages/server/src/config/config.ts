import { z } from 'zod';

/**
 * Configuration is parsed once, from the environment, into a frozen typed object. Development defaults
 * make `npm start` work with nothing set; in production mode missing secrets are fatal, listed together.
 * Every variable here is documented in the README's configuration table.
 */
const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  KAMURJ_DATA_DIR: z.string().min(1).default('./data'),
  KAMURJ_COUNTRY: z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code such as ARM').default('ARM'),
  KAMURJ_SEED_DEMO: bool.optional(),
  KAMURJ_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  KAMURJ_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  KAMURJ_SESSION_ABSOLUTE_HOURS: z.coerce.number().int().min(1).max(7 * 24).default(12),
  KAMURJ_COOKIE_SECURE: z.enum(['auto', 'true', 'false']).default('auto'),
  KAMURJ_TRUST_PROXY: bool.default(false),
  KAMURJ_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(50 * 1024 * 1024).default(1024 * 1024),
  KAMURJ_LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(100).default(5),
  KAMURJ_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20),
  KAMURJ_REQUIRE_ADMIN_MFA: bool.default(true),
  KAMURJ_WEB_DIST: z.string().optional(),
  KAMURJ_DEMO_PASSWORD: z.string().min(12).optional(),
  KAMURJ_AUTO_MERGE_THRESHOLD: z.coerce.number().min(0.7).max(1.01).default(1.01),
  KAMURJ_BREAK_GLASS_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  // Edge mode (ADR 0503): a crossing point's own server that keeps working while the centre is unreachable.
  KAMURJ_MODE: z.enum(['central', 'edge']).default('central'),
  KAMURJ_EDGE_CENTRE_URL: z.string().url().optional(),
  KAMURJ_EDGE_TOKEN: z.string().regex(/^kmj_[0-9a-f-]{36}\.[A-Za-z0-9_-]{20,100}$/, 'a machine token kmj_<id>.<secret>').optional(),
  KAMURJ_EDGE_NODE_ID: z.string().regex(/^[A-Za-z0-9._-]{2,40}$/, '2–40 letters, digits, dots, dashes or underscores').optional(),
  KAMURJ_EDGE_CROSSING_POINT: z.string().regex(/^[A-Z0-9][A-Z0-9_-]{1,31}$/, 'a crossing point code').optional(),
  KAMURJ_EDGE_PUSH_INTERVAL_MS: z.coerce.number().int().min(50).max(3_600_000).default(2_000),
  KAMURJ_EDGE_PULL_INTERVAL_MS: z.coerce.number().int().min(50).max(86_400_000).default(30_000),
  KAMURJ_EDGE_MAX_BACKOFF_MS: z.coerce.number().int().min(100).max(3_600_000).default(60_000),
  KAMURJ_EDGE_REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  KAMURJ_EDGE_CONFLICT_MINUTES: z.coerce.number().int().min(1).max(7 * 24 * 60).default(60),
  KAMURJ_SCREENING_THREAD: z.enum(['auto', 'on', 'off']).default('auto'),
});

export interface EdgeConfig {
  centreUrl: string;
  token: string;
  nodeId: string;
  crossingPoint: string;
  pushIntervalMs: number;
  pullIntervalMs: number;
  maxBackoffMs: number;
  requestTimeoutMs: number;
}

export type Config = Readonly<{
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  country: string;
  seedDemo: boolean;
  logLevel: string;
  sessionIdleMs: number;
  sessionAbsoluteMs: number;
  cookieSecure: 'auto' | 'true' | 'false';
  trustProxy: boolean;
  bodyLimit: number;
  loginMaxFailures: number;
  loginRatePerMinute: number;
  requireAdminMfa: boolean;
  webDist: string | undefined;
  demoPassword: string;
  /** Duplicate pairs scoring at least this are merged without review (never protected persons); 1.01 = off. */
  autoMergeThreshold: number;
  breakGlassMs: number;
  mode: 'central' | 'edge';
  /** Set in edge mode only: how this crossing point's server reaches the centre. */
  edge: Readonly<EdgeConfig> | undefined;
  /** Centre: two uses of one document at different crossing points closer than this are a conflict. */
  edgeConflictMinutes: number;
  /** Screening in a worker thread (ADR 0510): auto = once the lists hold 20,000 active entries. */
  screeningThread: 'auto' | 'on' | 'off';
}>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export const DEFAULT_DEMO_PASSWORD = 'Kamurj-demo-2026!';

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "not set", as shells and .env files commonly produce them.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.NODE_ENV === 'production') {
    // An edge node (ADR 0503) keeps its own embedded database by design; the centre needs PostgreSQL.
    if (!e.DATABASE_URL && e.KAMURJ_MODE !== 'edge') problems.push('DATABASE_URL: required in production (the embedded database is for trials)');
    if (e.KAMURJ_SEED_DEMO) problems.push('KAMURJ_SEED_DEMO: demo accounts must not be seeded in production');
    if (e.KAMURJ_COOKIE_SECURE === 'false') problems.push('KAMURJ_COOKIE_SECURE: must not be false in production');
  }
  if (e.KAMURJ_MODE === 'edge') {
    for (const k of ['KAMURJ_EDGE_CENTRE_URL', 'KAMURJ_EDGE_TOKEN', 'KAMURJ_EDGE_NODE_ID', 'KAMURJ_EDGE_CROSSING_POINT'] as const) {
      if (!e[k]) problems.push(`${k}: required when KAMURJ_MODE=edge`);
    }
    if (e.DATABASE_URL) problems.push('DATABASE_URL: an edge node keeps its own embedded database; leave it unset');
  }
  if (problems.length) throw new ConfigError(problems);
  return Object.freeze({
    env: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: e.KAMURJ_DATA_DIR,
    country: e.KAMURJ_COUNTRY,
    seedDemo: e.KAMURJ_SEED_DEMO ?? e.NODE_ENV !== 'production',
    logLevel: e.KAMURJ_LOG_LEVEL,
    sessionIdleMs: e.KAMURJ_SESSION_IDLE_MINUTES * 60_000,
    sessionAbsoluteMs: e.KAMURJ_SESSION_ABSOLUTE_HOURS * 3_600_000,
    cookieSecure: e.KAMURJ_COOKIE_SECURE,
    trustProxy: e.KAMURJ_TRUST_PROXY,
    bodyLimit: e.KAMURJ_BODY_LIMIT_BYTES,
    loginMaxFailures: e.KAMURJ_LOGIN_MAX_FAILURES,
    loginRatePerMinute: e.KAMURJ_LOGIN_RATE_PER_MINUTE,
    requireAdminMfa: e.KAMURJ_REQUIRE_ADMIN_MFA,
    webDist: e.KAMURJ_WEB_DIST,
    demoPassword: e.KAMURJ_DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD,
    autoMergeThreshold: e.KAMURJ_AUTO_MERGE_THRESHOLD,
    breakGlassMs: e.KAMURJ_BREAK_GLASS_MINUTES * 60_000,
    mode: e.KAMURJ_MODE,
    edge:
      e.KAMURJ_MODE === 'edge'
        ? Object.freeze({
            centreUrl: e.KAMURJ_EDGE_CENTRE_URL!.replace(/\/+$/, ''),
            token: e.KAMURJ_EDGE_TOKEN!,
            nodeId: e.KAMURJ_EDGE_NODE_ID!,
            crossingPoint: e.KAMURJ_EDGE_CROSSING_POINT!,
            pushIntervalMs: e.KAMURJ_EDGE_PUSH_INTERVAL_MS,
            pullIntervalMs: e.KAMURJ_EDGE_PULL_INTERVAL_MS,
            maxBackoffMs: e.KAMURJ_EDGE_MAX_BACKOFF_MS,
            requestTimeoutMs: e.KAMURJ_EDGE_REQUEST_TIMEOUT_MS,
          })
        : undefined,
    edgeConflictMinutes: e.KAMURJ_EDGE_CONFLICT_MINUTES,
    screeningThread: e.KAMURJ_SCREENING_THREAD,
  });
}
