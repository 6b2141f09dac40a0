/**
 * International migration under the UN usual-residence rule (domain reference §3.1; method.md):
 * a traveller becomes usually resident (an immigrant) or stops being resident (an emigrant) according
 * to the country profile's variant:
 * - `12-months`: present without interruption for 365 days (immigration, dated at the arrival), or
 *   absent without interruption for 365 days (emigration, dated at the departure);
 * - `6-of-12-months`: resident on a day when present on at least 183 of the last 365 days (more than six
 *   of the last twelve months); the status change is dated at the start of the spell of presence
 *   (immigration) or absence (emigration) in which it happens.
 * A traveller whose first movement is an exit was resident before it; anyone else starts non-resident.
 * Each event carries the day it becomes established (`confirmedOn`: the day the condition is first met), so events can be derived once and
 * filtered by the reference date instead of being recomputed every day.
 */

export type UsualResidenceRule = '12-months' | '6-of-12-months';

export interface ResidenceEvent {
  readonly kind: 'IMMIGRATION' | 'EMIGRATION';
  readonly day: number;
  readonly confirmedOn: number;
}

const YEAR = 365;
const MOST_OF_YEAR = 183;

/** A spell of presence [from, to) in day numbers; from null = present before the first record. */
export interface Spell {
  readonly from: number | null;
  readonly to: number | null;
  /** The last lawful day set by each entry of the spell, from that entry's day on (in time order). */
  readonly lawful: readonly { readonly from: number; readonly lastLawfulDay: number | null }[];
}

/** `firstDay`: the day of the first admitted movement (null: none). */
export function residenceEvents(spells: readonly Spell[], firstDay: number | null, rule: UsualResidenceRule): ResidenceEvent[] {
  if (firstDay === null) return [];
  return rule === '12-months' ? continuousRule(spells, firstDay) : mostOfYearRule(spells, firstDay);
}

function continuousRule(spells: readonly Spell[], firstDay: number): ResidenceEvent[] {
  const events: ResidenceEvent[] = [];
  let resident = spells[0]?.from === null;
  // Walk presence spells and the absences between them in order.
  let absentSince: number | null = resident ? null : firstDay;
  for (const s of spells) {
    if (absentSince !== null && s.from !== null && resident && s.from - absentSince >= YEAR) {
      events.push({ kind: 'EMIGRATION', day: absentSince, confirmedOn: absentSince + YEAR - 1 });
      resident = false;
    }
    if (!resident && s.from !== null && (s.to === null || s.to - s.from >= YEAR)) {
      events.push({ kind: 'IMMIGRATION', day: s.from, confirmedOn: s.from + YEAR - 1 });
      resident = true;
    }
    absentSince = s.to;
  }
  if (absentSince !== null && resident) events.push({ kind: 'EMIGRATION', day: absentSince, confirmedOn: absentSince + YEAR - 1 });
  return events;
}

function mostOfYearRule(spells: readonly Spell[], firstDay: number): ResidenceEvent[] {
  const initiallyPresent = spells[0]?.from === null;
  const lastChange = spells.reduce((m, s) => Math.max(m, s.from ?? firstDay, s.to ?? firstDay), firstDay);
  const end = lastChange + YEAR + 1; // after this the window no longer changes
  const present = new Uint8Array(end - firstDay + 1);
  for (const s of spells) {
    const a = Math.max(s.from ?? firstDay, firstDay);
    const b = s.to === null ? end + 1 : Math.min(s.to, end + 1);
    for (let d = a; d < b; d++) present[d - firstDay] = 1;
  }
  const at = (d: number) => (d < firstDay ? (initiallyPresent ? 1 : 0) : present[d - firstDay]!);
  let count = initiallyPresent ? YEAR : 0;
  let resident = initiallyPresent;
  let spellStart = firstDay;
  const events: ResidenceEvent[] = [];
  for (let d = firstDay; d <= end; d++) {
    const p = at(d);
    if (p !== at(d - 1)) spellStart = d;
    count += p - at(d - YEAR);
    const now = count >= MOST_OF_YEAR;
    if (now !== resident) {
      events.push({ kind: now ? 'IMMIGRATION' : 'EMIGRATION', day: spellStart, confirmedOn: d });
      resident = now;
    }
  }
  return events;
}
