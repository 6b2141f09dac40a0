import type { Queryable } from '../../db/client.ts';
import type { SessionState } from '../../http/auth-context.ts';

export interface UserAuthRow {
  id: string;
  username: string;
  display_name: string;
  agency_id: string;
  agency_code: string;
  agency_names: Record<string, string>;
  password_hash: string;
  must_change_password: boolean;
  disabled: boolean;
  totp_secret: string | null;
  totp_enabled: boolean;
  totp_last_step: string | null;
  failed_logins: number;
  locked_until: Date | null;
  roles: string[];
  scope_paths: string[];
}

const USER_AUTH_SELECT = `
  SELECT u.id, u.username, u.display_name, u.agency_id, a.code AS agency_code, a.names AS agency_names,
         u.password_hash, u.must_change_password, u.disabled, u.totp_secret, u.totp_enabled,
         u.totp_last_step::text AS totp_last_step, u.failed_logins, u.locked_until,
         coalesce((SELECT array_agg(r.role ORDER BY r.role) FROM user_roles r WHERE r.user_id = u.id), '{}') AS roles,
         coalesce((SELECT array_agg(j.path ORDER BY j.path) FROM user_jurisdictions uj JOIN jurisdictions j ON j.id = uj.jurisdiction_id
                   WHERE uj.user_id = u.id), '{}') AS scope_paths
  FROM users u JOIN agencies a ON a.id = u.agency_id`;

export async function findUserByUsername(db: Queryable, username: string): Promise<UserAuthRow | undefined> {
  return (await db.query<UserAuthRow>(`${USER_AUTH_SELECT} WHERE lower(u.username) = lower($1)`, [username])).rows[0];
}

export async function findUserById(db: Queryable, id: string): Promise<UserAuthRow | undefined> {
  return (await db.query<UserAuthRow>(`${USER_AUTH_SELECT} WHERE u.id = $1`, [id])).rows[0];
}

export async function recordFailedLogin(db: Queryable, userId: string, lockedUntil: Date | null): Promise<void> {
  await db.query('UPDATE users SET failed_logins = failed_logins + 1, locked_until = $2 WHERE id = $1', [userId, lockedUntil]);
}

export async function recordSuccessfulLogin(db: Queryable, userId: string, at: Date): Promise<void> {
  await db.query('UPDATE users SET failed_logins = 0, locked_until = NULL, last_login_at = $2 WHERE id = $1', [userId, at]);
}

export interface SessionRow {
  id_hash: string;
  user_id: string;
  state: SessionState;
  csrf_token: string;
  created_at: Date;
  last_seen_at: Date;
  absolute_expires_at: Date;
  revoked_at: Date | null;
}

export async function insertSession(db: Queryable, s: Omit<SessionRow, 'revoked_at'> & { client_ip: string | null; user_agent: string | null }) {
  await db.query(
    `INSERT INTO sessions (id_hash, user_id, state, csrf_token, client_ip, user_agent, created_at, last_seen_at, absolute_expires_at)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
    [s.id_hash, s.user_id, s.state, s.csrf_token, s.client_ip, s.user_agent?.slice(0, 300) ?? null, s.created_at, s.last_seen_at, s.absolute_expires_at],
  );
}

export async function findSession(db: Queryable, idHash: string): Promise<SessionRow | undefined> {
  return (await db.query<SessionRow>('SELECT * FROM sessions WHERE id_hash = $1', [idHash])).rows[0];
}

export async function touchSession(db: Queryable, idHash: string, at: Date): Promise<void> {
  await db.query('UPDATE sessions SET last_seen_at = $2 WHERE id_hash = $1', [idHash, at]);
}

export async function setSessionState(db: Queryable, idHash: string, state: SessionState): Promise<void> {
  await db.query('UPDATE sessions SET state = $2 WHERE id_hash = $1', [idHash, state]);
}

export async function revokeSession(db: Queryable, idHash: string, at: Date): Promise<void> {
  await db.query('UPDATE sessions SET revoked_at = $2 WHERE id_hash = $1 AND revoked_at IS NULL', [idHash, at]);
}

/** Ends every other session of a user (after a password change or reset, or when disabled). */
export async function revokeUserSessions(db: Queryable, userId: string, at: Date, exceptIdHash: string | null = null) {
  await db.query(
    'UPDATE sessions SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL AND ($3::text IS NULL OR id_hash <> $3)',
    [userId, at, exceptIdHash],
  );
}

export async function updatePassword(db: Queryable, userId: string, hash: string, mustChange: boolean) {
  await db.query(
    'UPDATE users SET password_hash = $2, must_change_password = $3, version = version + 1, updated_at = now() WHERE id = $1',
    [userId, hash, mustChange],
  );
}

export async function setTotp(db: Queryable, userId: string, secret: string | null, enabled: boolean, lastStep: number | null) {
  await db.query('UPDATE users SET totp_secret = $2, totp_enabled = $3, totp_last_step = $4 WHERE id = $1', [userId, secret, enabled, lastStep]);
}

export async function setTotpLastStep(db: Queryable, userId: string, step: number) {
  await db.query('UPDATE users SET totp_last_step = $2 WHERE id = $1', [userId, step]);
}

export interface TokenAuthRow {
  id: string;
  name: string;
  agency_id: string;
  agency_code: string;
  secret_hash: string;
  actions: string[];
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
  scope_paths: string[];
}

export async function findToken(db: Queryable, id: string): Promise<TokenAuthRow | undefined> {
  return (
    await db.query<TokenAuthRow>(
      `SELECT t.id, t.name, t.agency_id, a.code AS agency_code, t.secret_hash, t.actions, t.expires_at, t.revoked_at, t.last_used_at,
              coalesce((SELECT array_agg(j.path) FROM api_token_jurisdictions tj JOIN jurisdictions j ON j.id = tj.jurisdiction_id
                        WHERE tj.token_id = t.id), '{}') AS scope_paths
       FROM api_tokens t JOIN agencies a ON a.id = t.agency_id WHERE t.id = $1`,
      [id],
    )
  ).rows[0];
}

export async function touchToken(db: Queryable, id: string, at: Date) {
  await db.query('UPDATE api_tokens SET last_used_at = $2 WHERE id = $1', [id, at]);
}
