import { randomUUID } from 'node:crypto';
import { access } from '@kamurj/domain';
import { DomainError } from '@kamurj/domain/kernel';
import type { AppDeps } from '../../app-deps.ts';
import type { Queryable } from '../../db/client.ts';
import type { AuthContext } from '../../http/auth-context.ts';
import { assignableRoles, partitionByAccess, requireCan } from '../../http/access.ts';
import { forbidden, notFound, staleVersion } from '../../http/errors.ts';
import { hashPassword, temporaryPassword } from '../../lib/crypto.ts';
import { audit, type AuditOrigin } from '../audit/index.ts';
import * as repo from './repository.ts';
import { presentUser, type UserView } from './presenter.ts';

async function loadVisible(deps: AppDeps, auth: AuthContext, id: string, action: access.Action) {
  const u = await repo.findUser(deps.db, id);
  if (!u) throw notFound('User', 'USERS.NOT_FOUND');
  requireCan(auth.actor, action, { agencyId: u.agency_id });
  return u;
}

function checkRoles(auth: AuthContext, roles: string[]) {
  const allowed = assignableRoles(auth.actor);
  const bad = roles.filter((r) => !allowed.includes(r as access.Role));
  if (bad.length) {
    throw new DomainError('USERS.ROLE_NOT_ASSIGNABLE', 'forbidden', `You may not assign: ${bad.join(', ')}`, {
      issues: bad.map((r) => ({ field: 'body.roles', code: 'not_assignable', message: `Role ${r} is not yours to assign` })),
    });
  }
}

async function checkRefs(db: Queryable, agencyId: string | undefined, jurisdictionIds: string[]) {
  if (agencyId && !(await db.query('SELECT 1 FROM agencies WHERE id = $1', [agencyId])).rows.length) {
    throw new DomainError('REQUEST.INVALID', 'validation', 'Unknown agency', {
      issues: [{ field: 'body.agencyId', code: 'unknown', message: 'No such agency' }],
    });
  }
  if (jurisdictionIds.length) {
    const found = await db.query<{ id: string }>('SELECT id FROM jurisdictions WHERE id = ANY($1::uuid[])', [jurisdictionIds]);
    const missing = jurisdictionIds.filter((id) => !found.rows.some((r) => r.id === id));
    if (missing.length) {
      throw new DomainError('REQUEST.INVALID', 'validation', 'Unknown jurisdiction', {
        issues: missing.map((id) => ({ field: 'body.jurisdictionIds', code: 'unknown', message: `No jurisdiction ${id}` })),
      });
    }
  }
}

export async function getUser(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, id: string): Promise<UserView> {
  const u = await loadVisible(deps, auth, id, 'users.read');
  await deps.db.tx((tx) => audit(tx, origin, { action: 'users.read', purpose: 'administration', targetType: 'user', targetId: id }));
  return presentUser(u);
}

export async function listUsers(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, filter: Omit<repo.UserFilter, 'agencyIds'>) {
  requireCan(auth.actor, 'users.read');
  const reaches = access.reachOf(auth.actor, 'users.read');
  const agencyIds = reaches.includes('all') ? undefined : [auth.actor.agencyId];
  const { rows, total } = await repo.listUsers(deps.db, { ...filter, agencyIds });
  await deps.db.tx((tx) =>
    audit(tx, origin, { action: 'users.list', purpose: 'administration', details: { filter: { ...filter }, ids: rows.map((r) => r.id) } }),
  );
  return { items: rows.map(presentUser), total };
}

export interface CreateUserInput {
  username: string;
  displayName: string;
  agencyId: string;
  roles: string[];
  jurisdictionIds: string[];
}

export async function createUser(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, input: CreateUserInput) {
  requireCan(auth.actor, 'users.manage', { agencyId: input.agencyId });
  checkRoles(auth, input.roles);
  await checkRefs(deps.db, input.agencyId, input.jurisdictionIds);
  const password = temporaryPassword();
  const passwordHash = await hashPassword(password);
  const id = randomUUID();
  await deps.db.tx(async (tx) => {
    if (await repo.usernameTaken(tx, input.username)) {
      throw new DomainError('USERS.USERNAME_TAKEN', 'conflict', 'This username is already in use', {
        issues: [{ field: 'body.username', code: 'taken', message: 'Already in use' }],
      });
    }
    await repo.insertUser(tx, { id, ...input, passwordHash, mustChangePassword: true });
    await audit(tx, origin, {
      action: 'users.create',
      purpose: 'administration',
      targetType: 'user',
      targetId: id,
      details: { username: input.username, agencyId: input.agencyId, roles: input.roles, jurisdictionIds: input.jurisdictionIds },
    });
  });
  const user = (await repo.findUser(deps.db, id))!;
  return { user: presentUser(user), temporaryPassword: password };
}

export interface UpdateUserInput {
  version: number;
  displayName?: string | undefined;
  roles?: string[] | undefined;
  jurisdictionIds?: string[] | undefined;
  disabled?: boolean | undefined;
}

export async function updateUser(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, id: string, input: UpdateUserInput): Promise<UserView> {
  const before = await loadVisible(deps, auth, id, 'users.manage');
  if (input.roles) {
    // Roles the actor may not assign must stay as they are: an agency administrator cannot strip a
    // system administrator's role any more than grant it.
    const allowed = assignableRoles(auth.actor);
    const changed = [...new Set([...input.roles, ...before.roles])].filter((r) => input.roles!.includes(r) !== before.roles.includes(r));
    checkRoles(auth, changed.filter((r) => !allowed.includes(r as access.Role)));
  }
  if (input.disabled && auth.user?.id === id) throw new DomainError('USERS.CANNOT_DISABLE_SELF', 'conflict', 'You cannot disable your own account');
  await checkRefs(deps.db, undefined, input.jurisdictionIds ?? []);
  await deps.db.tx(async (tx) => {
    if (!(await repo.updateUserFields(tx, id, input.version, input))) {
      const current = await repo.findUser(tx, id);
      throw staleVersion(current ? presentUser(current) : null);
    }
    if (input.roles) await repo.replaceRoles(tx, id, [...new Set(input.roles)]);
    if (input.jurisdictionIds) await repo.replaceJurisdictions(tx, id, [...new Set(input.jurisdictionIds)]);
    if (input.disabled) await tx.query('UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL', [id, origin.at]);
    const { version: _v, ...changes } = input;
    await audit(tx, origin, { action: 'users.update', purpose: 'administration', targetType: 'user', targetId: id, details: { changes } });
  });
  return presentUser((await repo.findUser(deps.db, id))!);
}

export async function resetPassword(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, id: string) {
  await loadVisible(deps, auth, id, 'users.manage');
  if (auth.user?.id === id) throw forbidden('Use "change password" for your own account');
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  await deps.db.tx(async (tx) => {
    await repo.setTemporaryPassword(tx, id, hash);
    await tx.query('UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL', [id, origin.at]);
    await audit(tx, origin, { action: 'users.reset_password', purpose: 'administration', targetType: 'user', targetId: id });
  });
  return { temporaryPassword: password };
}

/** Disables or enables many accounts at once; ids the actor may not manage are reported, not touched. */
export async function setDisabledMany(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, ids: string[], disabled: boolean) {
  requireCan(auth.actor, 'users.manage');
  const unique = [...new Set(ids)].filter((x) => x !== auth.user?.id);
  const targets = await repo.userTargets(deps.db, unique);
  const { allowed, denied } = partitionByAccess(auth.actor, 'users.manage', unique, targets);
  await deps.db.tx(async (tx) => {
    if (allowed.length) {
      await tx.query('UPDATE users SET disabled = $2, version = version + 1, updated_at = now() WHERE id = ANY($1::uuid[])', [allowed, disabled]);
      if (disabled) await tx.query('UPDATE sessions SET revoked_at = $2 WHERE user_id = ANY($1::uuid[]) AND revoked_at IS NULL', [allowed, origin.at]);
    }
    await audit(tx, origin, {
      action: disabled ? 'users.disable_many' : 'users.enable_many',
      purpose: 'administration',
      outcome: denied.length && !allowed.length ? 'denied' : 'success',
      details: { allowed, denied },
    });
  });
  return { updated: allowed, denied };
}
