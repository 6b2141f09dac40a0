import { DomainError } from '@kamurj/domain/kernel';
import type * as P from '@kamurj/domain/persons';
import type { AppDeps } from '../../app-deps.ts';
import type { Queryable } from '../../db/client.ts';
import type { AuthContext } from '../../http/auth-context.ts';
import { requireCan } from '../../http/access.ts';
import { notFound } from '../../http/errors.ts';
import type { AuditOrigin } from '../audit/index.ts';
import { recomputeStayPosition } from '../border/index.ts';
import { findPerson, putPersonDocument } from '../persons/index.ts';

/** Who acts for a residence write: the signed-in caller, or the case module acting on a decision. */
export interface Issuer {
  country: string;
  actorId: string | null;
  actorName: string;
}

export const issuerOf = (deps: AppDeps, auth: AuthContext): Issuer => ({ country: deps.config.country, actorId: auth.actor.id, actorName: auth.actorName });

/** Today at the country's calendar (the clock's UTC date: residence dates are calendar dates). */
export const todayOf = (at: Date) => at.toISOString().slice(0, 10);

/** The holder, merged records followed, with the jurisdiction the access check uses. */
export async function holderFor(db: Queryable, auth: AuthContext | null, personId: string, action: 'residence.manage' | 'residence.read') {
  let row = await findPerson(db, personId);
  for (let hops = 0; row?.merged_into && hops < 20; hops++) row = await findPerson(db, row.merged_into);
  if (!row) throw notFound('Person', 'PERSONS.NOT_FOUND');
  if (auth) requireCan(auth.actor, action, { jurisdictionPath: row.jurisdiction_path });
  return row;
}

/**
 * Puts the visa or residence card on the holder's person record (where the stay engine reads documents)
 * and recomputes the stored stay position, in the caller's transaction.
 */
export async function syncDocument(tx: Queryable, origin: AuditOrigin, issuer: Issuer, personId: string, document: P.PersonDocumentEntry, details: Record<string, unknown>): Promise<void> {
  await putPersonDocument(tx, origin, { personId, document, at: origin.at, actorId: issuer.actorId, actorName: issuer.actorName, purpose: 'casework', details });
  await recomputeStayPosition(tx, issuer.country, personId, origin.at);
}

/** Unique-number conflicts as domain errors (PostgreSQL unique_violation). */
export async function uniquely<T>(code: string, message: string, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if ((e as { code?: string }).code === '23505') throw new DomainError(code, 'conflict', message);
    throw e;
  }
}
