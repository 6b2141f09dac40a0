import { access } from '@kamurj/domain';
import type { AuthContext } from '../../http/auth-context.ts';

/** A registration's jurisdiction: its region; otherwise the actor's first scope when their reach is territorial; otherwise national. */
export function jurisdictionOf(country: string, region: string | undefined, auth: AuthContext, action: access.Action): string | null {
  if (region) return `${country}.${region}`;
  return access.reachOf(auth.actor, action).includes('all') ? null : (auth.actor.scopes[0] ?? null);
}

/** Collects parameterised WHERE parts: `p(value)` adds a parameter and returns its placeholder. */
export function listWhere() {
  const where: string[] = [];
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  return { where, params, p };
}

export { uniquely } from '../residence/index.ts';
