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
});

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
    if (!e.DATABASE_URL) problems.push('DATABASE_URL: required in production (the embedded database is for trials)');
    if (e.KAMURJ_SEED_DEMO) problems.push('KAMURJ_SEED_DEMO: demo accounts must not be seeded in production');
    if (e.KAMURJ_COOKIE_SECURE === 'false') problems.push('KAMURJ_COOKIE_SECURE: must not be false in production');
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
  });
}
