import { currentCrossings, stayPosition, type Permit, type PersonStatus, type StayPosition } from '@kamurj/domain/border';
import { checkStay, type Movement, type StayRule } from '@kamurj/domain/stay';
import type * as P from '@kamurj/domain/persons';
import type { Queryable } from '../../db/client.ts';
import type { CountryProfile } from '../../profiles/profile.ts';
import type { StayRow } from './crossings-repository.ts';
import { stayRuleFor, type BorderSettings } from './settings.ts';

/**
 * The stay position of a person (issue 4 §4, ADR 0201/0502): movements are the person's current crossings
 * (corrections applied, only admitted ones: a refused traveller never entered; second line is decided by
 * a superseding record), on the local date at the crossing point. Status: citizens of the country and
 * holders of its valid residence permit are exempt; everyone else is counted under the treaty rule of
 * their nationality or the profile's visa-free rule; visas of the country cover (without excluding days).
 */
export interface StayFacts {
  status: PersonStatus;
  nationality: string | null;
  rule: StayRule | null;
  permits: Permit[];
}

const MIN_DAY = '1900-01-01';

export function stayFacts(record: P.PersonData | null, mrzNationality: string | null, date: string, settings: BorderSettings, profile: CountryProfile): StayFacts {
  const country = profile.country;
  const citizenships = record ? record.citizenships.filter((c) => c.kind === 'country').map((c) => c.code) : [];
  if (mrzNationality && !citizenships.includes(mrzNationality)) citizenships.push(mrzNationality);
  const nationality = mrzNationality ?? citizenships.find((c) => c !== country) ?? citizenships[0] ?? null;
  if (citizenships.includes(country)) return { status: 'citizen', nationality: country, rule: null, permits: [] };
  const permits: Permit[] = [];
  let resident = false;
  for (const d of record?.documents ?? []) {
    if (d.issuingState !== country || !d.expiryDate || d.status === 'revoked' || d.status === 'lost' || d.status === 'stolen') continue;
    if (d.type === 'residence_permit') {
      permits.push({ type: 'residence', from: d.issueDate ?? MIN_DAY, to: d.expiryDate });
      if ((d.issueDate ?? MIN_DAY) <= date && date <= d.expiryDate) resident = true;
    } else if (d.type === 'visa') {
      permits.push({ type: 'visa', from: d.issueDate ?? date, to: d.expiryDate, excludesDays: false });
    }
  }
  if (resident) return { status: 'resident', nationality, rule: null, permits };
  return { status: 'foreigner', nationality, rule: stayRuleFor(settings, profile, nationality), permits };
}

/** The current (not superseded) records, oldest first (domain supersession fold). */
export function currentRows<R extends StayRow>(rows: readonly R[]): R[] {
  const fold = currentCrossings(
    rows.map((row) => ({ id: row.id, occurredAt: row.occurred_at.toISOString(), row, ...(row.supersedes ? { supersedes: { id: row.supersedes, reason: row.supersede_reason ?? '' } } : {}) })),
  );
  return fold.current.map((c) => c.record.row);
}

/** Admitted, current crossings as movements, oldest first. */
export function movementsOf(rows: readonly StayRow[]): Movement[] {
  return currentRows(rows)
    .filter((r) => r.decision === 'admit')
    .map((r) => ({ direction: r.direction, date: r.local_date }));
}

export interface ComputedStay {
  facts: StayFacts;
  position: StayPosition;
  present: boolean;
  /** Foreigners: the last day of lawful stay assuming continuous presence (null when not limited or not present). */
  lastLawfulDay: string | null;
}

export function computeStay(facts: StayFacts, movements: readonly Movement[], controlDate: string): ComputedStay {
  const position = stayPosition({ status: facts.status, rule: facts.rule, movements, permits: facts.permits, controlDate });
  const last = [...movements].filter((m) => m.date <= controlDate).sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0)).at(-1);
  const present = last?.direction === 'entry';
  let lastLawfulDay: string | null = null;
  if (facts.status === 'foreigner' && facts.rule && present) {
    try {
      const covered = facts.permits.filter((p) => p.excludesDays !== false).map((p) => ({ from: p.from, to: p.to }));
      lastLawfulDay = checkStay({ rule: facts.rule, movements, covered, controlDate }).lastLawfulDay;
    } catch {
      lastLawfulDay = null;
    }
  }
  return { facts, position, present, lastLawfulDay };
}

/** Stores the person's position after a crossing (the irregular-residence register reads it). */
export async function saveStayPosition(tx: Queryable, personId: string, crossing: LastCrossing, s: ComputedStay, at: Date): Promise<void> {
  await saveStayPositions(tx, [{ personId, crossing, stay: s, at }]);
}

type LastCrossing = { id: string; direction: string; occurredAt: string; crossingPoint: string };

export type StayPositionWrite = { personId: string; crossing: LastCrossing; stay: ComputedStay; at: Date };

/** Rows of a jsonb array for STAY_POSITIONS_CTE (ADR 0509). */
export const stayPositionRows = (positions: readonly StayPositionWrite[]) =>
  positions.map(({ personId, crossing, stay: s, at }) => ({
    person_id: personId, status: s.facts.status, nationality: s.facts.nationality, present: s.present, last_crossing_id: crossing.id, last_direction: crossing.direction,
    last_crossing_at: crossing.occurredAt, last_crossing_point: crossing.crossingPoint, last_lawful_day: s.lastLawfulDay, rule: s.facts.rule ?? null, position: s.position, computed_at: at,
  }));

/** A CTE (named `stays_written`) upserting the positions of the jsonb array `source` (stayPositionRows; each person at most once). */
export const STAY_POSITIONS_CTE = (source: string) => `stays_written AS (
       INSERT INTO border_stay_positions (person_id, status, nationality, present, last_crossing_id, last_direction, last_crossing_at, last_crossing_point, last_lawful_day, rule, position, computed_at)
       SELECT * FROM jsonb_to_recordset(${source}) AS x(person_id uuid, status text, nationality text, present boolean, last_crossing_id uuid, last_direction text,
         last_crossing_at timestamptz, last_crossing_point text, last_lawful_day text, rule jsonb, position jsonb, computed_at timestamptz)
       ON CONFLICT (person_id) DO UPDATE SET status = excluded.status, nationality = excluded.nationality, present = excluded.present,
         last_crossing_id = excluded.last_crossing_id, last_direction = excluded.last_direction, last_crossing_at = excluded.last_crossing_at,
         last_crossing_point = excluded.last_crossing_point, last_lawful_day = excluded.last_lawful_day, rule = excluded.rule, position = excluded.position,
         computed_at = excluded.computed_at)`;

/** saveStayPosition for several persons (each at most once) in one statement (ADR 0507). */
export async function saveStayPositions(tx: Queryable, positions: readonly StayPositionWrite[]): Promise<void> {
  if (positions.length === 0) return;
  await tx.query(`WITH ${STAY_POSITIONS_CTE('$1::jsonb')} SELECT 1`, [JSON.stringify(stayPositionRows(positions))], { prepare: true });
}

/** Days from `a` to `b` (ISO dates). */
export const daysBetween = (a: string, b: string): number => Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
