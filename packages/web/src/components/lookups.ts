import { api } from '../api/client.ts';
import type { Agency, Jurisdiction, RoleInfo } from '../api/types.ts';

/**
 * Reference lists that rarely change during a session (agencies, jurisdictions, roles), fetched once and
 * shared by the pages that need them. Cleared on logout so the next user loads their own view.
 */
const cache = new Map<string, Promise<unknown>>();

function once<T>(key: string, load: () => Promise<T>): Promise<T> {
  let p = cache.get(key) as Promise<T> | undefined;
  if (!p) {
    p = load();
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}

export const lookups = {
  agencies: () => once('agencies', () => api.get<{ items: Agency[] }>('/api/agencies').then((r) => r.items)),
  jurisdictions: () =>
    once('jurisdictions', () => api.get<{ items: Jurisdiction[] }>('/api/jurisdictions').then((r) => r.items)),
  roles: () => once('roles', () => api.get<{ roles: RoleInfo[] }>('/api/access/roles').then((r) => r.roles)),
  clear: () => cache.clear(),
};

/** Jurisdictions in tree order (parents before children), each with its depth for indentation. */
export function jurisdictionTree(items: readonly Jurisdiction[]): { item: Jurisdiction; depth: number }[] {
  const sorted = [...items].sort((a, b) => a.path.localeCompare(b.path));
  return sorted.map((item) => ({ item, depth: item.path.split('.').length - 1 }));
}
