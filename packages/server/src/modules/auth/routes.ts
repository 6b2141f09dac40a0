import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { access } from '@kamurj/domain';
import { DomainError } from '@kamurj/domain/kernel';
import { route } from '../../http/route.ts';
import type { AuthContext, SessionState } from '../../http/auth-context.ts';
import { RateLimiter } from '../../lib/rate-limit.ts';
import { newTotpSecret, otpauthUri } from '../../lib/totp.ts';
import { audit, originOf } from '../audit/index.ts';
import { findUser, presentUser } from '../users/index.ts';
import * as repo from './repository.ts';
import { SESSION_COOKIE, userActor } from './resolve.ts';
import * as service from './service.ts';

const code = z.string().trim().regex(/^\d{6}$/, 'six digits');

export function authRoutes(app: FastifyInstance): void {
  const { config, clock } = app.deps;
  const limiter = new RateLimiter(config.loginRatePerMinute, 60_000);

  const cookieOptions = (req: FastifyRequest) => ({
    httpOnly: true,
    sameSite: 'strict' as const,
    path: '/',
    secure: config.cookieSecure === 'true' || (config.cookieSecure === 'auto' && req.protocol === 'https'),
  });

  /** The caller's own view: who they are, what they may open, the CSRF token for writes. */
  async function me(auth: AuthContext, state: SessionState, csrfToken: string, absoluteExpiresAt: Date, lastSeenAt: Date) {
    const user = (await findUser(app.deps.db, auth.user!.id))!;
    const actor = auth.actor;
    const active = state === 'active';
    return {
      state,
      user: presentUser(user),
      actions: active ? access.actionsOf(actor) : [],
      modules: active ? access.modulesOf(actor) : [],
      csrfToken,
      idleExpiresAt: new Date(lastSeenAt.getTime() + config.sessionIdleMs).toISOString(),
      absoluteExpiresAt: absoluteExpiresAt.toISOString(),
    };
  }
  const meOf = async (auth: AuthContext) => {
    const s = (await repo.findSession(app.deps.db, auth.session!.idHash))!;
    return me(auth, s.state, s.csrf_token, new Date(s.absolute_expires_at), clock.now());
  };
  const sessionOnly = (auth: AuthContext) => {
    if (!auth.session || !auth.user) throw new DomainError('AUTH.SESSION_REQUIRED', 'forbidden', 'Only for interactive sessions');
    return { session: auth.session, userId: auth.user.id };
  };

  route(app, {
    method: 'POST',
    url: '/api/auth/login',
    summary: 'Log in with username and password; the response says which step comes next',
    tags: ['auth'],
    auth: 'public',
    body: z.strictObject({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(1024) }),
    handler: async ({ req, reply, body, deps }) => {
      const wait = limiter.hit(req.ip, clock.now().getTime());
      if (wait) throw new DomainError('RATE_LIMITED', 'rate_limited', 'Too many login attempts from this address', { retryAfterSeconds: wait });
      const result = await service.login(deps, originOf(req, clock.now()), body.username, body.password, req.headers['user-agent'] ?? null);
      void reply.setCookie(SESSION_COOKIE, result.cookieValue, cookieOptions(req));
      const u = (await repo.findUserById(deps.db, result.userId))!;
      const s = (await repo.findSession(deps.db, result.idHash))!;
      const auth: AuthContext = {
        actor: userActor(u),
        actorName: u.username,
        agencyCode: u.agency_code,
        user: { id: u.id, username: u.username, displayName: u.display_name },
        token: null,
        session: null,
      };
      return me(auth, s.state, s.csrf_token, new Date(s.absolute_expires_at), clock.now());
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/auth/me',
    summary: 'The current session: user, state, modules, CSRF token',
    tags: ['auth'],
    auth: 'pending',
    handler: async ({ auth }) => {
      if (!auth.session) throw new DomainError('AUTH.SESSION_REQUIRED', 'forbidden', 'Only for interactive sessions');
      return meOf(auth);
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/auth/logout',
    summary: 'End the current session',
    tags: ['auth'],
    auth: 'pending',
    status: 204,
    body: z.strictObject({}).optional(),
    handler: async ({ req, reply, auth, deps }) => {
      const { session } = sessionOnly(auth);
      await deps.db.tx(async (tx) => {
        await repo.revokeSession(tx, session.idHash, clock.now());
        await audit(tx, originOf(req, clock.now()), { action: 'auth.logout', purpose: 'authentication' });
      });
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return undefined;
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/auth/mfa/verify',
    summary: 'Second step of login: a code from the authenticator app',
    tags: ['auth'],
    auth: 'pending',
    body: z.strictObject({ code }),
    handler: async ({ req, body, auth, deps }) => {
      const { session, userId } = sessionOnly(auth);
      if (session.state !== 'mfa_required') throw new DomainError('AUTH.STEP_NOT_EXPECTED', 'conflict', 'No code is expected now');
      const user = (await repo.findUserById(deps.db, userId))!;
      const origin = originOf(req, clock.now());
      let step: number;
      try {
        step = await service.checkTotp(deps, user, user.totp_secret, body.code);
      } catch (e) {
        await deps.db.tx((tx) => audit(tx, origin, { action: 'auth.mfa_verify', purpose: 'authentication', outcome: 'failure' }));
        throw e;
      }
      await deps.db.tx(async (tx) => {
        await repo.setTotpLastStep(tx, userId, step);
        await repo.setSessionState(tx, session.idHash, service.nextState(user, true, config.requireAdminMfa));
        await audit(tx, origin, { action: 'auth.mfa_verify', purpose: 'authentication' });
      });
      return meOf(auth);
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/auth/mfa/setup',
    summary: 'Start enrolling an authenticator app: returns a new secret (not active until confirmed)',
    tags: ['auth'],
    auth: 'pending',
    body: z.strictObject({}).optional(),
    handler: async ({ auth, deps }) => {
      const { session, userId } = sessionOnly(auth);
      if (session.state !== 'active' && session.state !== 'mfa_enrolment_required') {
        throw new DomainError('AUTH.STEP_NOT_EXPECTED', 'conflict', 'Finish logging in first');
      }
      const user = (await repo.findUserById(deps.db, userId))!;
      if (user.totp_enabled) throw new DomainError('AUTH.MFA_ALREADY_ENABLED', 'conflict', 'A second factor is already enrolled');
      const secret = newTotpSecret();
      await repo.setTotp(deps.db, userId, secret, false, null);
      return { secret, otpauthUri: otpauthUri('Kamurj', user.username, secret) };
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/auth/mfa/enable',
    summary: 'Confirm enrolment with a first code',
    tags: ['auth'],
    auth: 'pending',
    body: z.strictObject({ code }),
    handler: async ({ req, body, auth, deps }) => {
      const { session, userId } = sessionOnly(auth);
      const user = (await repo.findUserById(deps.db, userId))!;
      if (user.totp_enabled) throw new DomainError('AUTH.MFA_ALREADY_ENABLED', 'conflict', 'A second factor is already enrolled');
      if (!user.totp_secret) throw new DomainError('AUTH.STEP_NOT_EXPECTED', 'conflict', 'Call /api/auth/mfa/setup first');
      const step = await service.checkTotp(deps, user, user.totp_secret, body.code);
      await deps.db.tx(async (tx) => {
        await repo.setTotp(tx, userId, user.totp_secret, true, step);
        const next = service.nextState({ ...user, totp_enabled: true }, true, config.requireAdminMfa);
        if (session.state !== 'active') await repo.setSessionState(tx, session.idHash, next);
        await audit(tx, originOf(req, clock.now()), { action: 'auth.mfa_enable', purpose: 'self_service', targetType: 'user', targetId: userId });
      });
      return meOf(auth);
    },
  });

  route(app, {
    method: 'POST',
    url: '/api/auth/password',
    summary: 'Change one’s own password (also the forced change after a reset)',
    tags: ['auth'],
    auth: 'pending',
    body: z.strictObject({ currentPassword: z.string().min(1).max(1024), newPassword: z.string().min(1).max(1024) }),
    handler: async ({ req, body, auth, deps }) => {
      const { session, userId } = sessionOnly(auth);
      if (session.state === 'mfa_required' || session.state === 'mfa_enrolment_required') {
        throw new DomainError('AUTH.STEP_REQUIRED', 'forbidden', 'Finish the second factor first', { state: session.state });
      }
      const user = (await repo.findUserById(deps.db, userId))!;
      await service.changePassword(deps, originOf(req, clock.now()), user, session.idHash, body.currentPassword, body.newPassword);
      if (session.state === 'password_change_required') await repo.setSessionState(deps.db, session.idHash, 'active');
      return meOf(auth);
    },
  });

  route(app, {
    method: 'GET',
    url: '/api/access/roles',
    summary: 'The role vocabulary, with the roles the caller may assign',
    tags: ['auth'],
    auth: 'active',
    handler: async ({ auth }) => {
      const assignable = new Set(auth.actor.roles.flatMap((r) => access.ASSIGNABLE_ROLES[r] ?? []));
      return {
        roles: access.ROLES.map((code) => ({ code, assignable: assignable.has(code), actions: Object.keys(access.ROLE_GRANTS[code]) })),
      };
    },
  });
}

