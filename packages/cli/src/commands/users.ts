import { randomUUID } from 'node:crypto';
import { access } from '@kamurj/domain';
import type { Command } from '../command.ts';
import type { Db } from '../../../server/src/db/client.ts';
import { hashPassword, temporaryPassword } from '../../../server/src/lib/crypto.ts';
import { audit } from '../../../server/src/modules/audit/index.ts';
import { insertUser } from '../../../server/src/modules/users/index.ts';
import { args, guarded, UsageError, withAdminDb } from './util.ts';

const cliOrigin = () => ({ auth: null, clientIp: null, requestId: null, at: new Date() });
const cliActor = { type: 'system' as const, id: null, name: `cli:${process.env.USER ?? 'unknown'}` };

async function findUserId(db: Db, username: string): Promise<string> {
  const r = await db.query<{ id: string }>('SELECT id FROM users WHERE lower(username) = lower($1)', [username]);
  if (!r.rows[0]) throw new UsageError(`No user ${username}`);
  return r.rows[0].id;
}

const createHelp = `Usage: npx kamurj users create --username NAME --display-name "Full Name" --agency CODE
                              --role ROLE [--role ROLE…] --jurisdiction CODE [--jurisdiction CODE…]

Creates a staff account and prints a one-time temporary password (changed at first login).
Roles: ${access.ROLES.join(', ')}. Agency and jurisdiction are codes (e.g. MCS, ARM, AM-TV, ZVARTNOTS).`;

export const usersCreateCommand: Command = {
  path: ['users', 'create'],
  summary: 'Create a staff account (prints a temporary password)',
  help: createHelp,
  run: (argv, io) =>
    guarded(createHelp, io, async () => {
      const { values: v } = args(argv, {
        username: { type: 'string' },
        'display-name': { type: 'string' },
        agency: { type: 'string' },
        role: { type: 'string', multiple: true },
        jurisdiction: { type: 'string', multiple: true },
      });
      if (!v.username || !v['display-name'] || !v.agency || !v.role?.length || !v.jurisdiction?.length) {
        throw new UsageError('--username, --display-name, --agency, --role and --jurisdiction are required');
      }
      if (!/^[a-z0-9][a-z0-9._-]{2,63}$/.test(v.username)) throw new UsageError('--username: 3–64 lower-case letters, digits, dot, dash, underscore');
      const bad = v.role.filter((r) => !access.isRole(r));
      if (bad.length) throw new UsageError(`Unknown role: ${bad.join(', ')}`);
      return withAdminDb(async (db) => {
        const agency = (await db.query<{ id: string }>('SELECT id FROM agencies WHERE code = $1', [v.agency])).rows[0];
        if (!agency) throw new UsageError(`Unknown agency ${v.agency}`);
        const js = await db.query<{ id: string; code: string }>('SELECT id, code FROM jurisdictions WHERE code = ANY($1::text[])', [v.jurisdiction]);
        const missing = v.jurisdiction!.filter((c) => !js.rows.some((j) => j.code === c));
        if (missing.length) throw new UsageError(`Unknown jurisdiction: ${missing.join(', ')}`);
        if ((await db.query('SELECT 1 FROM users WHERE lower(username) = lower($1)', [v.username])).rows.length) {
          throw new UsageError(`Username ${v.username} is taken`);
        }
        const password = temporaryPassword();
        const id = randomUUID();
        const passwordHash = await hashPassword(password);
        await db.tx(async (tx) => {
          await insertUser(tx, {
            id, username: v.username!, displayName: v['display-name']!, agencyId: agency.id, passwordHash, mustChangePassword: true,
            roles: v.role!, jurisdictionIds: js.rows.map((j) => j.id),
          });
          await audit(tx, cliOrigin(), { action: 'users.create', purpose: 'administration', actor: cliActor, targetType: 'user', targetId: id, details: { username: v.username } });
        });
        io.stdout(`created ${v.username} (${id})\ntemporary password: ${password}\n`);
        return 0;
      });
    }),
};

const listHelp = `Usage: npx kamurj users list [--agency CODE]

Lists staff accounts: username, agency, roles, state.`;

export const usersListCommand: Command = {
  path: ['users', 'list'],
  summary: 'List staff accounts',
  help: listHelp,
  run: (argv, io) =>
    guarded(listHelp, io, async () => {
      const { values } = args(argv, { agency: { type: 'string' } });
      return withAdminDb(async (db) => {
        const r = await db.query<{ username: string; code: string; roles: string[] | null; disabled: boolean; totp_enabled: boolean }>(
          `SELECT u.username, a.code, (SELECT array_agg(role ORDER BY role) FROM user_roles WHERE user_id = u.id) AS roles, u.disabled, u.totp_enabled
           FROM users u JOIN agencies a ON a.id = u.agency_id WHERE ($1::text IS NULL OR a.code = $1) ORDER BY u.username`,
          [values.agency ?? null],
        );
        for (const u of r.rows) {
          io.stdout(`${u.username.padEnd(24)} ${u.code.padEnd(12)} ${(u.roles ?? []).join(',').padEnd(30)} ${u.disabled ? 'disabled' : 'active'}${u.totp_enabled ? ' 2fa' : ''}\n`);
        }
        return 0;
      });
    }),
};

const resetHelp = `Usage: npx kamurj users reset-password USERNAME

Sets a new temporary password (printed), clears a lockout and ends the user's sessions.`;

export const usersResetCommand: Command = {
  path: ['users', 'reset-password'],
  summary: 'Set a temporary password for a user',
  help: resetHelp,
  run: (argv, io) =>
    guarded(resetHelp, io, async () => {
      const { positionals } = args(argv, {}, true);
      if (positionals.length !== 1) throw new UsageError('Give exactly one username');
      return withAdminDb(async (db) => {
        const id = await findUserId(db, positionals[0]!);
        const password = temporaryPassword();
        const hash = await hashPassword(password);
        await db.tx(async (tx) => {
          await tx.query('UPDATE users SET password_hash = $2, must_change_password = true, failed_logins = 0, locked_until = NULL, version = version + 1 WHERE id = $1', [id, hash]);
          await tx.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [id]);
          await audit(tx, cliOrigin(), { action: 'users.reset_password', purpose: 'administration', actor: cliActor, targetType: 'user', targetId: id });
        });
        io.stdout(`temporary password: ${password}\n`);
        return 0;
      });
    }),
};

const disableHelp = `Usage: npx kamurj users disable USERNAME

Disables an account and ends its sessions.`;

export const usersDisableCommand: Command = {
  path: ['users', 'disable'],
  summary: 'Disable an account',
  help: disableHelp,
  run: (argv, io) =>
    guarded(disableHelp, io, async () => {
      const { positionals } = args(argv, {}, true);
      if (positionals.length !== 1) throw new UsageError('Give exactly one username');
      return withAdminDb(async (db) => {
        const id = await findUserId(db, positionals[0]!);
        await db.tx(async (tx) => {
          await tx.query('UPDATE users SET disabled = true, version = version + 1 WHERE id = $1', [id]);
          await tx.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL', [id]);
          await audit(tx, cliOrigin(), { action: 'users.update', purpose: 'administration', actor: cliActor, targetType: 'user', targetId: id, details: { changes: { disabled: true } } });
        });
        io.stdout(`disabled ${positionals[0]}\n`);
        return 0;
      });
    }),
};
