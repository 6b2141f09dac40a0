import type { FastifyInstance, FastifyRequest } from 'fastify';
import { access } from '@kamurj/domain';
import { DomainError } from '@kamurj/domain/kernel';
import type { AuthContext } from '../../http/auth-context.ts';
import { safeEqual, sha256 } from '../../lib/crypto.ts';
import { findSession, findToken, findUserById, touchSession, touchToken, type UserAuthRow } from './repository.ts';

export const SESSION_COOKIE = 'kamurj_sid';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function userActor(u: UserAuthRow): access.Actor {
  return { kind: 'user', id: u.id, agencyId: u.agency_id, roles: u.roles.filter(access.isRole), scopes: u.scope_paths };
}

/**
 * Resolves who is calling, once per request: a machine token (`Authorization: Bearer kmj_<id>.<secret>`)
 * or a session cookie. Expired or revoked credentials resolve to nobody, with the reason kept so that a
 * protected route can say "your session expired" rather than "log in".
 */
export function installAuthResolution(app: FastifyInstance): void {
  app.decorateRequest('auth', null);
  app.decorateRequest('authProblem', null);
  app.addHook('preHandler', async (req, reply) => {
    const { db, clock, config } = app.deps;
    const now = clock.now();
    const header = req.headers.authorization;
    if (header) {
      req.auth = await fromToken(req, header, now);
      return;
    }
    const raw = req.cookies[SESSION_COOKIE];
    if (!raw) return;
    const session = await findSession(db, sha256(raw));
    const expired =
      !session ||
      session.revoked_at !== null ||
      now.getTime() > new Date(session.absolute_expires_at).getTime() ||
      now.getTime() - new Date(session.last_seen_at).getTime() > config.sessionIdleMs;
    const user = session && !expired ? await findUserById(db, session.user_id) : undefined;
    if (!session || expired || !user || user.disabled) {
      void reply.clearCookie(SESSION_COOKIE, { path: '/' });
      if (session) req.authProblem = 'AUTH.SESSION_EXPIRED';
      return;
    }
    // CSRF: a cookie-authenticated write must echo the session's token in a header, which another site's
    // page cannot read or set. SameSite=Strict cookies are the first line; this is the second.
    if (UNSAFE.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !safeEqual(sent, session.csrf_token)) {
        throw new DomainError('AUTH.CSRF', 'forbidden', 'Missing or wrong CSRF token');
      }
    }
    // Sliding idle expiry; written at most once a minute to spare the database.
    if (now.getTime() - new Date(session.last_seen_at).getTime() > 60_000) await touchSession(db, session.id_hash, now);
    req.auth = {
      actor: userActor(user),
      actorName: user.username,
      agencyCode: user.agency_code,
      user: { id: user.id, username: user.username, displayName: user.display_name },
      token: null,
      session: {
        idHash: session.id_hash,
        state: session.state,
        csrfToken: session.csrf_token,
        createdAt: new Date(session.created_at),
        lastSeenAt: now,
        absoluteExpiresAt: new Date(session.absolute_expires_at),
      },
    } satisfies AuthContext;
  });
}

async function fromToken(req: FastifyRequest, header: string, now: Date): Promise<AuthContext | null> {
  const { db } = req.server.deps;
  const m = /^Bearer kmj_([0-9a-f-]{36})\.([A-Za-z0-9_-]{20,100})$/.exec(header.trim());
  const bad = (code: string, msg: string) => new DomainError(code, 'unauthenticated', msg);
  if (!m) throw bad('AUTH.TOKEN_INVALID', 'The Authorization header is not a Kamurj token');
  const token = await findToken(db, m[1]!);
  if (!token || !safeEqual(sha256(m[2]!), token.secret_hash)) throw bad('AUTH.TOKEN_INVALID', 'Unknown token');
  if (token.revoked_at) throw bad('AUTH.TOKEN_REVOKED', 'The token was revoked');
  if (token.expires_at && new Date(token.expires_at).getTime() <= now.getTime()) throw bad('AUTH.TOKEN_EXPIRED', 'The token expired');
  if (!token.last_used_at || now.getTime() - new Date(token.last_used_at).getTime() > 60_000) await touchToken(db, token.id, now);
  return {
    actor: {
      kind: 'token',
      id: token.id,
      agencyId: token.agency_id,
      roles: [],
      scopes: token.scope_paths,
      tokenActions: token.actions.filter(access.isAction),
    },
    actorName: `token:${token.name}`,
    agencyCode: token.agency_code,
    user: null,
    token: { id: token.id, name: token.name },
    session: null,
  };
}
