import { access } from '@kamurj/domain';
import { forbidden } from './errors.ts';

/**
 * Bulk-aware access check: the caller loads the targets of many ids in one query, this decides each with
 * the pure `can`. Unknown ids count as denied (no oracle for which ids exist).
 */
export function partitionByAccess(
  actor: access.Actor,
  action: access.Action,
  ids: readonly string[],
  targets: ReadonlyMap<string, access.Target>,
): { allowed: string[]; denied: string[] } {
  const allowed: string[] = [];
  const denied: string[] = [];
  for (const id of ids) {
    const t = targets.get(id);
    (t && access.can(actor, action, t) ? allowed : denied).push(id);
  }
  return { allowed, denied };
}

export function requireCan(actor: access.Actor, action: access.Action, target?: access.Target): void {
  if (!access.can(actor, action, target)) throw forbidden();
}

/** The roles this actor may hand out. */
export function assignableRoles(actor: access.Actor): access.Role[] {
  const out = new Set<access.Role>();
  for (const r of actor.roles) for (const x of access.ASSIGNABLE_ROLES[r] ?? []) out.add(x);
  return access.ROLES.filter((r) => out.has(r));
}
