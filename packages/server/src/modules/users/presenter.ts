import type { UserRow } from './repository.ts';

export const presentJurisdiction = (j: { id: string; path: string; kind: string; code: string; names: Record<string, string>; parent_id?: string | null }) => ({
  id: j.id,
  path: j.path,
  kind: j.kind,
  code: j.code,
  name: j.names,
  ...(j.parent_id !== undefined ? { parentId: j.parent_id } : {}),
});

/** Staff account as the API shows it: never the password hash, the TOTP secret or the lockout counters. */
export const presentUser = (u: UserRow) => ({
  id: u.id,
  username: u.username,
  displayName: u.display_name,
  agency: { id: u.agency_id, code: u.agency_code, name: u.agency_names },
  roles: u.roles,
  jurisdictions: u.jurisdictions.map(presentJurisdiction),
  disabled: u.disabled,
  mfaEnabled: u.totp_enabled,
  mustChangePassword: u.must_change_password,
  lastLoginAt: u.last_login_at ? new Date(u.last_login_at).toISOString() : null,
  createdAt: new Date(u.created_at).toISOString(),
  version: u.version,
});
export type UserView = ReturnType<typeof presentUser>;
