import type { access } from '@kamurj/domain';

export type SessionState = 'active' | 'mfa_required' | 'mfa_enrolment_required' | 'password_change_required';

export interface SessionInfo {
  idHash: string;
  state: SessionState;
  csrfToken: string;
  createdAt: Date;
  lastSeenAt: Date;
  absoluteExpiresAt: Date;
}

/** Who is calling, resolved once per request by the auth module's hook. */
export interface AuthContext {
  actor: access.Actor;
  /** Display name for the audit log. */
  actorName: string;
  agencyCode: string;
  user: { id: string; username: string; displayName: string } | null;
  token: { id: string; name: string } | null;
  session: SessionInfo | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
    /** Why credentials that came with the request were not accepted (e.g. AUTH.SESSION_EXPIRED). */
    authProblem: string | null;
  }
}
