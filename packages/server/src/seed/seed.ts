import { access } from '@kamurj/domain';
import type { Db } from '../db/client.ts';
import { hashPassword } from '../lib/crypto.ts';
import { stableUuid } from '../lib/ids.ts';
import { audit } from '../modules/audit/index.ts';
import { seedCaseworkDemo } from '../modules/casework/index.ts';
import { referenceReplicated } from '../modules/edge/index.ts';
import { insertUser } from '../modules/users/index.ts';
import type { CountryProfile } from '../profiles/profile.ts';
import { seedBorderDemo } from './border-demo.ts';
import { agencyId, jurisdictionId, pathOfCode, seedOrganisation } from './organisation.ts';
import { seedDemoPersons } from './persons.ts';
import { seedReference } from './reference.ts';
import { seedStatisticsDemo } from './statistics-demo.ts';

/**
 * Base32 TOTP secret given to the demo accounts whose roles require a second factor, so a first-time user
 * can log in with any authenticator app (or `npx kamurj demo totp`). Demo data only; never in production.
 */
export const DEMO_TOTP_SECRET = 'KAMURJDEMOSECRETKAMURJDEMOSECRET';

export interface DemoAccount {
  username: string;
  roles: string[];
  agency: string;
  totp: boolean;
}

export interface SeedResult {
  country: string;
  demoAccounts: DemoAccount[];
  createdDemoAccounts: boolean;
}

const systemOrigin = (at: Date) => ({ auth: null, clientIp: null, requestId: null, at });
const systemActor = { type: 'system' as const, id: null, name: 'seed' };

/** Idempotent: reference data and organisation are upserted; demo accounts are created once. */
export async function seed(db: Db, profile: CountryProfile, opts: { demo: boolean; demoPassword: string; now?: Date }): Promise<SeedResult> {
  const at = opts.now ?? new Date();
  const seeded = await db.query<{ value: unknown }>("SELECT value FROM system_settings WHERE key = 'country'");
  const existing = seeded.rows[0]?.value;
  if (existing && existing !== profile.country) {
    throw new Error(`This database was seeded for ${String(existing)}; KAMURJ_COUNTRY=${profile.country} needs a fresh database`);
  }
  await db.tx(async (tx) => {
    await seedOrganisation(tx, profile);
    if (!(await referenceReplicated(tx))) await seedReference(tx, profile, at);
    await tx.query(
      `INSERT INTO system_settings (key, value) VALUES ('country', $1) ON CONFLICT (key) DO NOTHING`,
      [JSON.stringify(profile.country)],
    );
    if (!existing) {
      await audit(tx, systemOrigin(at), { action: 'system.seed', purpose: 'administration', actor: systemActor, details: { country: profile.country } });
    }
  });
  const demoAccounts = profile.demoUsers.map((u) => ({
    username: u.username,
    roles: u.roles,
    agency: u.agency,
    totp: u.roles.some((r) => access.ROLES_REQUIRING_MFA.includes(r)),
  }));
  if (!opts.demo) return { country: profile.country, demoAccounts: [], createdDemoAccounts: false };
  await seedDemoPersons(db, profile.country, profile.regions.map((r) => r.code), at);
  await seedBorderDemo(db, profile.country, at);
  const hash = await hashPassword(opts.demoPassword);
  let created = false;
  await db.tx(async (tx) => {
    for (const u of profile.demoUsers) {
      if ((await tx.query('SELECT 1 FROM users WHERE lower(username) = lower($1)', [u.username])).rows.length) continue;
      const id = stableUuid('demo-user', `${profile.country}:${u.username}`);
      await insertUser(tx, {
        id,
        username: u.username,
        displayName: u.displayName,
        agencyId: agencyId(u.agency),
        passwordHash: hash,
        mustChangePassword: false,
        roles: u.roles,
        jurisdictionIds: u.jurisdictions.map((c) => jurisdictionId(pathOfCode(profile, c))),
        totpSecret: u.roles.some((r) => access.ROLES_REQUIRING_MFA.includes(r)) ? DEMO_TOTP_SECRET : null,
        isDemo: true,
      });
      await audit(tx, systemOrigin(at), {
        action: 'users.create',
        purpose: 'administration',
        actor: systemActor,
        targetType: 'user',
        targetId: id,
        details: { username: u.username, demo: true },
      });
      created = true;
    }
  });
  await seedCaseworkDemo(db, profile.country, at);
  await seedStatisticsDemo(db, profile, at);
  return { country: profile.country, demoAccounts, createdDemoAccounts: created };
}
