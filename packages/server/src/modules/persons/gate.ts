import { access } from '@kamurj/domain';
import * as P from '@kamurj/domain/persons';
import type { AuthContext } from '../../http/auth-context.ts';
import type { PersonRow } from './repository.ts';

/**
 * Access to persons in two gates (ADR 0301): first `can(actor, action, target)` with the person's
 * jurisdiction (border staff read nationally, case workers in their territory); then, for protected
 * persons (trafficking victims, asylum seekers, minors), `persons.sensitive.read` or an unexpired
 * break-the-glass grant, else the person is shown masked.
 */
export const targetOf = (row: Pick<PersonRow, 'jurisdiction_path'>): access.Target => ({ jurisdictionPath: row.jurisdiction_path });

export const isoDay = (d: Date) => d.toISOString().slice(0, 10);

export function protectionOf(row: Pick<PersonRow, 'record'>, today: string): P.ProtectionReason[] {
  return P.protectionReasons(row.record, today);
}

export function viewOf(auth: AuthContext, row: PersonRow, today: string, grants: ReadonlySet<string>): 'full' | 'masked' {
  return P.protectedView({
    protectedPerson: protectionOf(row, today).length > 0,
    sensitiveRead: access.can(auth.actor, 'persons.sensitive.read', targetOf(row)),
    activeGrant: grants.has(row.id),
  });
}

/**
 * The jurisdiction a new or changed record belongs to: its registration region when given; otherwise,
 * for an actor whose writing reaches only their territory, their first scope (a person registered at
 * Zvartnots belongs to Zvartnots, inside Armavir); otherwise national.
 */
export function jurisdictionFor(country: string, registeredIn: string | null, auth: AuthContext): string | null {
  if (registeredIn) return `${country}.${registeredIn}`;
  const reaches = access.reachOf(auth.actor, 'persons.write');
  if (reaches.includes('all')) return null;
  return auth.actor.scopes[0] ?? null;
}
