import type * as P from '@kamurj/domain/persons';
import { DomainError } from '@kamurj/domain/kernel';
import type { AppDeps } from '../../app-deps.ts';
import type { AuthContext } from '../../http/auth-context.ts';
import { requireCan } from '../../http/access.ts';
import { notFound } from '../../http/errors.ts';
import { audit, type AuditOrigin } from '../audit/index.ts';
import { isoDay, targetOf, viewOf } from './gate.ts';
import * as repo from './repository.ts';
import { insertHousehold, insertLink } from './relations.ts';
import { fullView } from './service.ts';

/** Every person named must exist, be in use (not merged), be writable by the caller and visible in full. */
async function writableAll(deps: AppDeps, auth: AuthContext, ids: string[]) {
  requireCan(auth.actor, 'persons.write');
  const unique = [...new Set(ids)];
  const rows = await repo.findPersons(deps.db, unique);
  if (rows.length !== unique.length) throw notFound('Person', 'PERSONS.NOT_FOUND');
  const now = deps.clock.now();
  const grants = await repo.activeGrants(deps.db, auth.user?.id ?? null, unique, now);
  for (const r of rows) {
    requireCan(auth.actor, 'persons.write', targetOf(r));
    if (r.merged_into) throw new DomainError('PERSONS.MERGED', 'conflict', 'A record was merged into another; use the surviving record', { mergedInto: r.merged_into });
    if (viewOf(auth, r, isoDay(now), grants) === 'masked') throw new DomainError('PERSONS.PROTECTED', 'forbidden', 'A person is protected; break the glass with a reason first');
  }
  return rows;
}

export async function addLink(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, personId: string, relatedId: string, relation: P.FamilyRelation) {
  await writableAll(deps, auth, [personId, relatedId]);
  await deps.db.tx(async (tx) => {
    const id = await insertLink(tx, personId, relatedId, relation, origin.at, auth.actorName);
    await audit(tx, origin, { action: 'persons.link', purpose: 'casework', targetType: 'person', targetId: personId, details: { linkId: id, relatedId, relation } });
  });
  return fullView(deps, auth, (await repo.findPerson(deps.db, personId))!, null);
}

export async function addHousehold(
  deps: AppDeps,
  origin: AuditOrigin,
  auth: AuthContext,
  body: { label: string; region?: string | null | undefined; community?: string | null | undefined; members: { personId: string; role: 'head' | 'member' }[] },
) {
  const ids = body.members.map((m) => m.personId);
  if (new Set(ids).size !== ids.length) {
    throw new DomainError('REQUEST.INVALID', 'validation', 'A person is listed twice', { issues: [{ field: 'body.members', code: 'duplicate', message: 'Each person once' }] });
  }
  await writableAll(deps, auth, ids);
  const id = await deps.db.tx(async (tx) => {
    const hid = await insertHousehold(tx, { label: body.label, region: body.region ?? null, community: body.community ?? null, members: body.members }, origin.at, auth.actorName);
    await audit(tx, origin, { action: 'persons.household.create', purpose: 'casework', targetType: 'household', targetId: hid, details: { members: body.members } });
    return hid;
  });
  return { id };
}
