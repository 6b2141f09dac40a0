import type { Queryable } from '../../db/client.ts';

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  agency_id: string;
  agency_code: string;
  agency_kind: string;
  agency_names: Record<string, string>;
  disabled: boolean;
  totp_enabled: boolean;
  must_change_password: boolean;
  last_login_at: Date | null;
  created_at: Date;
  version: number;
  roles: string[];
  jurisdictions: { id: string; path: string; kind: string; code: string; names: Record<string, string> }[];
}

const SELECT = `
  SELECT u.id, u.username, u.display_name, u.agency_id, a.code AS agency_code, a.kind AS agency_kind, a.names AS agency_names,
         u.disabled, u.totp_enabled, u.must_change_password, u.last_login_at, u.created_at, u.version,
         coalesce((SELECT array_agg(r.role ORDER BY r.role) FROM user_roles r WHERE r.user_id = u.id), '{}') AS roles,
         coalesce((SELECT jsonb_agg(jsonb_build_object('id', j.id, 'path', j.path, 'kind', j.kind, 'code', j.code, 'names', j.names) ORDER BY j.path)
                   FROM user_jurisdictions uj JOIN jurisdictions j ON j.id = uj.jurisdiction_id WHERE uj.user_id = u.id), '[]'::jsonb) AS jurisdictions
  FROM users u JOIN agencies a ON a.id = u.agency_id`;

export interface UserFilter {
  q?: string | undefined;
  agencyId?: string | undefined;
  role?: string | undefined;
  includeDisabled?: boolean | undefined;
  /** Restricts to these agencies (an agency administrator's reach); undefined = all. */
  agencyIds?: string[] | undefined;
  limit: number;
  offset: number;
}

export async function listUsers(db: Queryable, f: UserFilter): Promise<{ rows: UserRow[]; total: number }> {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  if (f.q) {
    const like = p(`%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    where.push(`(u.username ILIKE ${like} OR u.display_name ILIKE ${like})`);
  }
  if (f.agencyId) where.push(`u.agency_id = ${p(f.agencyId)}`);
  if (f.agencyIds) where.push(`u.agency_id = ANY(${p(f.agencyIds)}::uuid[])`);
  if (f.role) where.push(`EXISTS (SELECT 1 FROM user_roles r WHERE r.user_id = u.id AND r.role = ${p(f.role)})`);
  if (!f.includeDisabled) where.push('NOT u.disabled');
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = await db.query<{ n: string }>(`SELECT count(*)::text AS n FROM users u ${w}`, params);
  const rows = await db.query<UserRow>(`${SELECT} ${w} ORDER BY lower(u.username) LIMIT ${p(f.limit)} OFFSET ${p(f.offset)}`, params);
  return { rows: rows.rows, total: Number(total.rows[0]?.n ?? 0) };
}

export async function findUser(db: Queryable, id: string): Promise<UserRow | undefined> {
  return (await db.query<UserRow>(`${SELECT} WHERE u.id = $1`, [id])).rows[0];
}

export async function usernameTaken(db: Queryable, username: string): Promise<boolean> {
  return (await db.query('SELECT 1 FROM users WHERE lower(username) = lower($1)', [username])).rows.length > 0;
}

export interface NewUser {
  id: string;
  username: string;
  displayName: string;
  agencyId: string;
  passwordHash: string;
  mustChangePassword: boolean;
  roles: string[];
  jurisdictionIds: string[];
  totpSecret?: string | null;
  isDemo?: boolean;
}

export async function insertUser(db: Queryable, u: NewUser): Promise<void> {
  await db.query(
    `INSERT INTO users (id, username, display_name, agency_id, password_hash, must_change_password, totp_secret, totp_enabled, is_demo)
     VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
    [u.id, u.username, u.displayName, u.agencyId, u.passwordHash, u.mustChangePassword, u.totpSecret ?? null, !!u.totpSecret, !!u.isDemo],
  );
  await replaceRoles(db, u.id, u.roles);
  await replaceJurisdictions(db, u.id, u.jurisdictionIds);
}

export async function replaceRoles(db: Queryable, userId: string, roles: string[]) {
  await db.query('DELETE FROM user_roles WHERE user_id = $1', [userId]);
  if (roles.length) await db.query('INSERT INTO user_roles (user_id, role) SELECT $1, unnest($2::text[])', [userId, roles]);
}

export async function replaceJurisdictions(db: Queryable, userId: string, ids: string[]) {
  await db.query('DELETE FROM user_jurisdictions WHERE user_id = $1', [userId]);
  if (ids.length) await db.query('INSERT INTO user_jurisdictions (user_id, jurisdiction_id) SELECT $1, unnest($2::uuid[])', [userId, ids]);
}

/** Bumps the version only if it is still the one the caller read; false means someone else got there first. */
export async function updateUserFields(
  db: Queryable,
  id: string,
  version: number,
  fields: { displayName?: string | undefined; disabled?: boolean | undefined },
): Promise<boolean> {
  const r = await db.query(
    `UPDATE users SET display_name = coalesce($3, display_name), disabled = coalesce($4, disabled),
            version = version + 1, updated_at = now()
     WHERE id = $1 AND version = $2`,
    [id, version, fields.displayName ?? null, fields.disabled ?? null],
  );
  return r.rowCount === 1;
}

export async function setTemporaryPassword(db: Queryable, id: string, hash: string) {
  await db.query(
    `UPDATE users SET password_hash = $2, must_change_password = true, failed_logins = 0, locked_until = NULL,
            version = version + 1, updated_at = now() WHERE id = $1`,
    [id, hash],
  );
}

/** Agency and jurisdiction of many users in one query, for bulk access checks. */
export async function userTargets(db: Queryable, ids: string[]): Promise<Map<string, { agencyId: string }>> {
  const r = await db.query<{ id: string; agency_id: string }>('SELECT id, agency_id FROM users WHERE id = ANY($1::uuid[])', [ids]);
  return new Map(r.rows.map((x) => [x.id, { agencyId: x.agency_id }]));
}
