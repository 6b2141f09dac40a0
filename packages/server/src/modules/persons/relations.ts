import { randomUUID } from 'node:crypto';
import * as P from '@kamurj/domain/persons';
import { DomainError } from '@kamurj/domain/kernel';
import type { Queryable } from '../../db/client.ts';
import type { AuthContext } from '../../http/auth-context.ts';
import * as repo from './repository.ts';
import { displayName, type HouseholdView, type LinkView } from './presenter.ts';
import { viewOf } from './gate.ts';

/**
 * Family links and households. A link is stored once and shown from both sides (the inverse relation from
 * the other side). Links and memberships stay attached to the record they were made for; a survivor shows
 * those of the records merged into it, so an unmerge needs to move nothing.
 */
interface LinkRow {
  id: string;
  person_id: string;
  related_person_id: string;
  relation: P.FamilyRelation;
}

async function namesFor(db: Queryable, auth: AuthContext, ids: string[], today: string, grants: ReadonlySet<string>): Promise<Map<string, string | null>> {
  const rows = await repo.findPersons(db, ids);
  return new Map(rows.map((r) => [r.id, viewOf(auth, r, today, grants) === 'full' ? displayName(r.record) : null]));
}

export async function loadLinks(db: Queryable, auth: AuthContext, ids: string[], today: string, grants: ReadonlySet<string>): Promise<LinkView[]> {
  const rows = (
    await db.query<LinkRow>(
      'SELECT id, person_id, related_person_id, relation FROM person_links WHERE person_id = ANY($1::uuid[]) OR related_person_id = ANY($1::uuid[]) ORDER BY created_at, id',
      [ids],
    )
  ).rows;
  const own = new Set(ids);
  const views = rows.map((l) =>
    own.has(l.person_id)
      ? { id: l.id, relation: l.relation, personId: l.related_person_id }
      : { id: l.id, relation: P.INVERSE_RELATION[l.relation], personId: l.person_id },
  );
  const names = await namesFor(db, auth, [...new Set(views.map((v) => v.personId))], today, grants);
  return views.map((v) => ({ ...v, name: names.get(v.personId) ?? null }));
}

export async function loadHouseholds(db: Queryable, auth: AuthContext, ids: string[], today: string, grants: ReadonlySet<string>): Promise<HouseholdView[]> {
  const hs = (
    await db.query<{ id: string; label: string; region: string | null; community: string | null; role: 'head' | 'member' }>(
      `SELECT h.id, h.label, h.region, h.community, m.role FROM households h JOIN household_members m ON m.household_id = h.id
        WHERE m.person_id = ANY($1::uuid[]) ORDER BY h.created_at, h.id`,
      [ids],
    )
  ).rows;
  if (!hs.length) return [];
  const members = (
    await db.query<{ household_id: string; person_id: string; role: 'head' | 'member' }>(
      'SELECT household_id, person_id, role FROM household_members WHERE household_id = ANY($1::uuid[]) ORDER BY role, person_id',
      [hs.map((h) => h.id)],
    )
  ).rows;
  const names = await namesFor(db, auth, [...new Set(members.map((m) => m.person_id))], today, grants);
  const seen = new Set<string>();
  return hs
    .filter((h) => !seen.has(h.id) && seen.add(h.id))
    .map((h) => ({
      ...h,
      members: members.filter((m) => m.household_id === h.id).map((m) => ({ personId: m.person_id, role: m.role, name: names.get(m.person_id) ?? null })),
    }));
}

export async function insertLink(tx: Queryable, personId: string, relatedId: string, relation: P.FamilyRelation, at: Date, by: string | null): Promise<string> {
  if (personId === relatedId) throw new DomainError('PERSONS.LINK_SELF', 'validation', 'A person cannot be linked to itself', { issues: [{ field: 'body.personId', code: 'self', message: 'Choose another person' }] });
  const exists = await tx.query(
    `SELECT 1 FROM person_links WHERE (person_id = $1 AND related_person_id = $2 AND relation = $3) OR (person_id = $2 AND related_person_id = $1 AND relation = $4)`,
    [personId, relatedId, relation, P.INVERSE_RELATION[relation]],
  );
  if (exists.rows.length) throw new DomainError('PERSONS.LINK_EXISTS', 'conflict', 'This link is already recorded');
  const id = randomUUID();
  await tx.query('INSERT INTO person_links (id, person_id, related_person_id, relation, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6)', [id, personId, relatedId, relation, at, by]);
  return id;
}

export async function insertHousehold(
  tx: Queryable,
  h: { label: string; region: string | null; community: string | null; members: { personId: string; role: 'head' | 'member' }[] },
  at: Date,
  by: string | null,
): Promise<string> {
  const id = randomUUID();
  await tx.query('INSERT INTO households (id, label, region, community, created_at, created_by) VALUES ($1, $2, $3, $4, $5, $6)', [id, h.label, h.region, h.community, at, by]);
  for (const m of h.members) await tx.query('INSERT INTO household_members (household_id, person_id, role) VALUES ($1, $2, $3)', [id, m.personId, m.role]);
  return id;
}
