import { reachOf, isRole } from '@kamurj/domain/access';
import { api, type QueryValue } from '../../api/client.ts';
import type { Me, Page, UserView } from '../../api/types.ts';
import { lookups } from '../../components/lookups.ts';

const path = (id: string) => `/api/users/${encodeURIComponent(id)}`;

export interface UserChanges {
  version: number;
  displayName?: string;
  roles?: string[];
  jurisdictionIds?: string[];
  disabled?: boolean;
}

export const usersApi = {
  list: (query: Record<string, QueryValue>, signal?: AbortSignal) =>
    api.get<Page<UserView>>('/api/users', query, { signal }),
  get: (id: string, signal?: AbortSignal) => api.get<UserView>(path(id), undefined, { signal }),
  create: (body: { username: string; displayName: string; agencyId: string; roles: string[]; jurisdictionIds: string[] }) =>
    api.post<{ user: UserView; temporaryPassword: string }>('/api/users', body),
  update: (id: string, body: UserChanges) => api.patch<UserView>(path(id), body),
  resetPassword: (id: string) => api.post<{ temporaryPassword: string }>(`${path(id)}/reset-password`, {}),
};

/** Agencies, jurisdictions and roles, which every user form needs. */
export const loadUserLookups = () => Promise.all([lookups.agencies(), lookups.jurisdictions(), lookups.roles()]);

/**
 * Whether the signed-in person manages users of every agency or only of their own (same rule the server
 * applies, from the shared domain vocabulary; the server re-checks).
 */
export function managesAllAgencies(me: Me): boolean {
  const actor = {
    kind: 'user' as const,
    id: me.user.id,
    agencyId: me.user.agency.id,
    roles: me.user.roles.filter(isRole),
    scopes: me.user.jurisdictions.map((j) => j.path),
  };
  return reachOf(actor, 'users.manage').includes('all');
}
