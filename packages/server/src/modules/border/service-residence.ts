import { access } from '@kamurj/domain';
import { DomainError } from '@kamurj/domain/kernel';
import type { AppDeps } from '../../app-deps.ts';
import type { AuthContext } from '../../http/auth-context.ts';
import { requireCan } from '../../http/access.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { audit, type AuditOrigin } from '../audit/index.ts';
import { readPersonForBorder } from '../persons/index.ts';
import { displayName, localDate } from './context.ts';
import { crossingsOfPerson } from './crossings-repository.ts';
import * as h from './handovers-repository.ts';
import { presentHandover } from './presenter.ts';
import { loadSettings, profileOf } from './settings.ts';
import { computeStay, daysBetween, movementsOf, stayFacts } from './stay.ts';

/** Handovers addressed to the reader's agency (or all, for a national reach). */
export async function listHandovers(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, q: { state: 'open' | 'acknowledged' | 'all'; limit: number; offset: number }) {
  requireCan(auth.actor, 'border.handover.acknowledge');
  const national = access.reachOf(auth.actor, 'border.handover.acknowledge').includes('all');
  const { rows, total } = await h.listHandovers(deps.db, { agencyIds: national ? null : [auth.actor.agencyId], ...q });
  await deps.db.tx((tx) => audit(tx, origin, { action: 'border.handover.list', purpose: 'border_control', targetType: 'handover', details: { criteria: q, returned: rows.map((r) => r.id) } }));
  return { items: rows.map(presentHandover), total };
}

export async function acknowledgeHandover(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, id: string, note: string | undefined) {
  requireCan(auth.actor, 'border.handover.acknowledge');
  const row = await h.findHandover(deps.db, id);
  if (!row) throw notFound('Handover', 'BORDER.HANDOVER_NOT_FOUND');
  if (!access.can(auth.actor, 'border.handover.acknowledge', { agencyId: row.agency_id })) throw forbidden('This handover is addressed to another agency');
  const at = deps.clock.now();
  await deps.db.tx(async (tx) => {
    if (!(await h.acknowledgeHandover(tx, id, { at, by: auth.actor.id, byName: displayName(auth), note: note ?? null }))) {
      throw new DomainError('BORDER.HANDOVER_ALREADY_ACKNOWLEDGED', 'conflict', 'This handover was already acknowledged');
    }
    await audit(tx, origin, { action: 'border.handover.acknowledge', purpose: 'border_control', targetType: 'handover', targetId: id, details: { kind: row.kind, personId: row.person_id, crossingId: row.crossing_id, note: note ?? null } });
  });
  return presentHandover((await h.findHandover(deps.db, id))!);
}

/**
 * The irregular-residence register (issue 4 §4): foreigners whose last movement is an entry and whose
 * lawful stay ended before today (at the country's time zone), with days overstayed; filters and paging.
 * Reads the register kept by every crossing (border_stay_positions); the target is the owning agency.
 */
export async function irregularResidents(
  deps: AppDeps,
  origin: AuditOrigin,
  auth: AuthContext,
  q: { nationality?: string | undefined; crossingPoint?: string | undefined; minDays: number; limit: number; offset: number },
) {
  const settings = await loadSettings(deps.db, deps.config.country);
  const owner = (await h.agencyIdsByCode(deps.db, [settings.irregularResidenceOwner])).get(settings.irregularResidenceOwner) ?? null;
  requireCan(auth.actor, 'residence.irregular.read', { agencyId: owner });
  const profile = profileOf(deps.config.country);
  const today = localDate(deps.clock.now(), profile.timezone);
  const params: unknown[] = [today];
  const where = [`s.present`, `s.status = 'foreigner'`, `s.last_lawful_day IS NOT NULL`, `s.last_lawful_day < $1`, 'p.merged_into IS NULL'];
  if (q.nationality) {
    params.push(q.nationality);
    where.push(`s.nationality = $${params.length}`);
  }
  if (q.crossingPoint) {
    params.push(q.crossingPoint);
    where.push(`s.last_crossing_point = $${params.length}`);
  }
  // Overstayed at least minDays: last lawful day on or before today − minDays.
  params.push(new Date(Date.parse(`${today}T00:00:00Z`) - q.minDays * 86_400_000).toISOString().slice(0, 10));
  where.push(`s.last_lawful_day <= $${params.length}`);
  const w = where.join(' AND ');
  const total = Number((await deps.db.query<{ n: string }>(`SELECT count(*) AS n FROM border_stay_positions s JOIN persons p ON p.id = s.person_id WHERE ${w}`, params)).rows[0]?.n ?? 0);
  params.push(q.limit, q.offset);
  const rows = (await deps.db.query<{ person_id: string; nationality: string | null; last_lawful_day: string; last_crossing_at: Date; last_crossing_point: string; rule: unknown; record: { names: { surname: string; givenNames: string; kind: string }[]; birthDate: string | null }; trafficking_victim: boolean; asylum_seeker: boolean }>(
    `SELECT s.person_id, s.nationality, s.last_lawful_day, s.last_crossing_at, s.last_crossing_point, s.rule, p.record, p.trafficking_victim, p.asylum_seeker
       FROM border_stay_positions s JOIN persons p ON p.id = s.person_id
      WHERE ${w} ORDER BY s.last_lawful_day, s.person_id LIMIT $${params.length - 1} OFFSET $${params.length}`,
    params,
  )).rows;
  const sensitive = access.can(auth.actor, 'persons.sensitive.read');
  const items = rows.map((r) => {
    const masked = (r.trafficking_victim || r.asylum_seeker) && !sensitive;
    const n = r.record.names.find((x) => x.kind === 'as-written') ?? r.record.names[0];
    return {
      personId: r.person_id,
      masked,
      name: masked || !n ? null : `${n.surname} ${n.givenNames}`.trim(),
      birthDate: masked ? null : r.record.birthDate,
      nationality: r.nationality,
      enteredAt: r.last_crossing_at.toISOString(),
      crossingPoint: r.last_crossing_point,
      lastLawfulDay: r.last_lawful_day,
      daysOverstayed: daysBetween(r.last_lawful_day, today),
      rule: r.rule,
    };
  });
  await deps.db.tx((tx) =>
    audit(tx, origin, { action: 'border.irregular.list', purpose: 'border_control', targetType: 'person', details: { criteria: q, returned: items.map((i) => i.personId) } }),
  );
  return { items, total, today };
}

/** A person's stay position today and why, for the person page (audited). */
export async function personStay(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, personId: string) {
  const person = await readPersonForBorder(deps, auth, personId);
  const settings = await loadSettings(deps.db, deps.config.country);
  const profile = profileOf(deps.config.country);
  const today = localDate(deps.clock.now(), profile.timezone);
  const rows = await crossingsOfPerson(deps.db, person.personId);
  const movements = movementsOf(rows);
  const facts = stayFacts(person.masked ? null : person.record, null, today, settings, profile);
  const s = computeStay(person.masked ? { ...facts, status: 'foreigner' } : facts, movements, today);
  await deps.db.tx((tx) =>
    audit(tx, origin, { action: 'border.stay.read', purpose: 'border_control', targetType: 'person', targetId: person.personId, outcome: person.masked ? 'denied' : 'success' }),
  );
  if (person.masked) return { personId: person.personId, masked: true as const };
  const last = rows.filter((r) => r.decision === 'admit').at(-1);
  return {
    personId: person.personId,
    masked: false as const,
    today,
    status: s.facts.status,
    nationality: s.facts.nationality,
    rule: s.facts.rule,
    position: s.position,
    present: s.present,
    lastLawfulDay: s.lastLawfulDay,
    irregular: s.facts.status === 'foreigner' && s.present && s.lastLawfulDay !== null && s.lastLawfulDay < today,
    daysOverstayed: s.lastLawfulDay && s.lastLawfulDay < today && s.present ? daysBetween(s.lastLawfulDay, today) : 0,
    movements: movements.slice(-10).reverse(),
    lastCrossing: last ? { id: last.id, direction: last.direction, crossingPoint: last.crossing_point, date: last.local_date } : null,
  };
}
