import { ROLE_GRANTS, MODULES, type Action, type Reach, type Role, type ModuleCode } from './vocabulary.ts';

/**
 * Who is acting. Jurisdiction scopes are materialised paths (`ARM`, `ARM.AM-TV`, `ARM.AM-TV.BCP-BAGRATASHEN`):
 * a scope reaches itself and everything below it.
 */
export interface Actor {
  kind: 'user' | 'token';
  id: string;
  agencyId: string;
  roles: readonly Role[];
  scopes: readonly string[];
  /**
   * For machine tokens: the only actions the token may use (intersected with nothing else: a token's
   * reach is its jurisdiction scopes). Undefined for users.
   */
  tokenActions?: readonly Action[];
}

/** What is acted upon. Fields left out are not constrained by this target. */
export interface Target {
  agencyId?: string | null;
  jurisdictionPath?: string | null;
}

const REACH_ORDER: Record<Reach, number> = { jurisdiction: 1, agency: 2, all: 3 };

/** The widest reach each of the actor's roles gives for the action, or undefined if none. */
export function reachOf(actor: Actor, action: Action): Reach[] {
  if (actor.kind === 'token') {
    return actor.tokenActions?.includes(action) ? ['jurisdiction'] : [];
  }
  const reaches: Reach[] = [];
  for (const role of actor.roles) {
    const r = ROLE_GRANTS[role]?.[action];
    if (r) reaches.push(r);
  }
  return reaches.sort((a, b) => REACH_ORDER[b] - REACH_ORDER[a]);
}

/** True when `path` is `scope` or lies below it. */
export function withinScope(path: string, scope: string): boolean {
  return path === scope || path.startsWith(`${scope}.`);
}

export const inAnyScope = (path: string, scopes: readonly string[]) => scopes.some((s) => withinScope(path, s));

/**
 * The one access decision. Pure: everything it needs is in its arguments. Without a target it answers
 * "may the actor perform this kind of action at all" (used to build the shell and to reject early).
 */
export function can(actor: Actor, action: Action, target?: Target): boolean {
  const reaches = reachOf(actor, action);
  if (reaches.length === 0) return false;
  if (!target) return true;
  return reaches.some((reach) => {
    switch (reach) {
      case 'all':
        return true;
      case 'agency':
        return target.agencyId != null && target.agencyId === actor.agencyId;
      case 'jurisdiction':
        // A record with no jurisdiction is national: only a national scope reaches it.
        return target.jurisdictionPath != null
          ? inAnyScope(target.jurisdictionPath, actor.scopes)
          : actor.scopes.some((s) => !s.includes('.'));
    }
  });
}

/** Every action the actor holds in some reach (sent to the web app to shape the UI; the server re-checks). */
export function actionsOf(actor: Actor): Action[] {
  const out = new Set<Action>();
  if (actor.kind === 'token') return [...(actor.tokenActions ?? [])];
  for (const role of actor.roles) for (const a of Object.keys(ROLE_GRANTS[role] ?? {})) out.add(a as Action);
  return [...out].sort();
}

export function modulesOf(actor: Actor): ModuleCode[] {
  return MODULES.filter((m) => can(actor, m.action)).map((m) => m.code);
}
