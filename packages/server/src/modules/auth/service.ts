import { access } from '@kamurj/domain';
import { DomainError } from '@kamurj/domain/kernel';
import type { AppDeps } from '../../app-deps.ts';
import type { SessionState } from '../../http/auth-context.ts';
import { dummyPasswordHash, hashPassword, randomToken, sha256, verifyPassword } from '../../lib/crypto.ts';
import { verifyTotp } from '../../lib/totp.ts';
import { audit, type AuditOrigin } from '../audit/index.ts';
import * as repo from './repository.ts';

const invalidCredentials = () => new DomainError('AUTH.INVALID_CREDENTIALS', 'unauthenticated', 'Wrong username or password');

/** Which step a freshly authenticated user must take before the session is fully active. */
export function nextState(u: repo.UserAuthRow, mfaDone: boolean, requireAdminMfa: boolean): SessionState {
  const needsMfa = requireAdminMfa && u.roles.some((r) => access.isRole(r) && access.ROLES_REQUIRING_MFA.includes(r));
  if (u.totp_enabled && !mfaDone) return 'mfa_required';
  if (needsMfa && !u.totp_enabled) return 'mfa_enrolment_required';
  if (u.must_change_password) return 'password_change_required';
  return 'active';
}

export interface LoginResult {
  cookieValue: string;
  idHash: string;
  userId: string;
}

export async function login(deps: AppDeps, origin: AuditOrigin, username: string, password: string, userAgent: string | null): Promise<LoginResult> {
  const { db, clock, config } = deps;
  const now = clock.now();
  const user = await repo.findUserByUsername(db, username);
  if (!user) {
    await verifyPassword(await dummyPasswordHash(), password); // same work as a real check
    await db.tx((tx) =>
      audit(tx, origin, {
        action: 'auth.login',
        purpose: 'authentication',
        outcome: 'failure',
        actor: { type: 'anonymous', id: null, name: username.slice(0, 100) },
        details: { reason: 'unknown_user' },
      }),
    );
    throw invalidCredentials();
  }
  const actorRef = { type: 'user' as const, id: user.id, name: user.username, agencyCode: user.agency_code, roles: user.roles };
  if (user.locked_until && new Date(user.locked_until).getTime() > now.getTime()) {
    const retryAfterSeconds = Math.ceil((new Date(user.locked_until).getTime() - now.getTime()) / 1000);
    await db.tx((tx) =>
      audit(tx, origin, { action: 'auth.login', purpose: 'authentication', outcome: 'denied', actor: actorRef, targetType: 'user', targetId: user.id, details: { reason: 'locked' } }),
    );
    throw new DomainError('AUTH.LOCKED', 'rate_limited', 'Too many failed attempts; the account is locked for a while', { retryAfterSeconds });
  }
  const ok = await verifyPassword(user.password_hash, password);
  if (!ok || user.disabled) {
    const failures = user.failed_logins + 1;
    const lockMs = access.lockoutMs(failures, config.loginMaxFailures);
    await db.tx(async (tx) => {
      await repo.recordFailedLogin(tx, user.id, lockMs ? new Date(now.getTime() + lockMs) : null);
      await audit(tx, origin, {
        action: 'auth.login',
        purpose: 'authentication',
        outcome: 'failure',
        actor: actorRef,
        targetType: 'user',
        targetId: user.id,
        details: { reason: user.disabled ? 'disabled' : 'wrong_password', failures, lockedForSeconds: lockMs / 1000 },
      });
    });
    throw invalidCredentials();
  }
  const cookieValue = randomToken(32);
  await db.tx(async (tx) => {
    await repo.recordSuccessfulLogin(tx, user.id, now);
    await repo.insertSession(tx, {
      id_hash: sha256(cookieValue),
      user_id: user.id,
      state: nextState(user, false, config.requireAdminMfa),
      csrf_token: randomToken(24),
      client_ip: origin.clientIp,
      user_agent: userAgent,
      created_at: now,
      last_seen_at: now,
      absolute_expires_at: new Date(now.getTime() + config.sessionAbsoluteMs),
    });
    await audit(tx, origin, { action: 'auth.login', purpose: 'authentication', actor: actorRef, targetType: 'user', targetId: user.id });
  });
  return { cookieValue, idHash: sha256(cookieValue), userId: user.id };
}

/** Checks a TOTP code for a user and burns its time step so it cannot be used twice. */
export async function checkTotp(deps: AppDeps, user: repo.UserAuthRow, secret: string | null, code: string): Promise<number> {
  const step = secret ? verifyTotp(secret, code.trim(), deps.clock.now().getTime(), user.totp_last_step === null ? null : Number(user.totp_last_step)) : undefined;
  if (step === undefined) throw new DomainError('AUTH.MFA_INVALID', 'validation', 'The code is not valid; check the time on your device', {
    issues: [{ field: 'body.code', code: 'invalid', message: 'Wrong or expired code' }],
  });
  return step;
}

export async function changePassword(deps: AppDeps, origin: AuditOrigin, user: repo.UserAuthRow, sessionIdHash: string, current: string, next: string) {
  if (!(await verifyPassword(user.password_hash, current))) throw invalidCredentials();
  const problems = access.passwordProblems(next, user.username);
  if (current === next) problems.push({ code: 'too_simple', message: 'Choose a password different from the current one' });
  if (problems.length) {
    throw new DomainError('AUTH.PASSWORD_POLICY', 'validation', problems.map((p) => p.message).join('; '), {
      issues: problems.map((p) => ({ field: 'body.newPassword', code: p.code, message: p.message })),
    });
  }
  const hash = await hashPassword(next);
  const now = deps.clock.now();
  await deps.db.tx(async (tx) => {
    await repo.updatePassword(tx, user.id, hash, false);
    await repo.revokeUserSessions(tx, user.id, now, sessionIdHash);
    await audit(tx, origin, { action: 'auth.password_change', purpose: 'self_service', targetType: 'user', targetId: user.id });
  });
}
