/**
 * What one traveller's crossing history contributes to the statistics (docs/statistics/method.md):
 * flow facts (one per current admitted or refused crossing), stock segments (spells of presence cut
 * where the age group or the stay status changes) and usual-residence events. The server stores these
 * per traveller and re-derives them only for travellers whose records changed; the aggregate tables
 * are sums over them. Pure: no clock (future events carry the day they become confirmed).
 */
import { formatDay, parseDay } from '../stay/dates.ts';
import { UNKNOWN } from './cube.ts';
import { age5Code, ageBroadCode, ageOn, birthdayAt, citizenGroupCode, citizenshipCode, imputedBirthDay, sexCode } from './dimensions.ts';
import { residenceEvents, type Spell, type UsualResidenceRule } from './residence.ts';

/** A crossing record as the statistics read it. */
export interface StatCrossing {
  readonly id: string;
  /** UTC instant (ISO); orders movements within a day. */
  readonly occurredAt: string;
  /** Local date at the crossing point. */
  readonly localDate: string;
  readonly direction: 'entry' | 'exit';
  readonly crossingPoint: string;
  readonly decision: 'admit' | 'refuse' | 'second_line';
  readonly personId: string | null;
  /** Issuing state and number of the document, the traveller's key while no person is matched. */
  readonly documentKey: string;
  readonly nationality: string | null;
  readonly transport: string | null;
  readonly purpose: string | null;
  /** The record this one corrects. */
  readonly supersedes: string | null;
  /** Foreigners: the last lawful day of stay computed at this crossing (entries), if any. */
  readonly lastLawfulDay: string | null;
}

export interface StatPerson {
  readonly sex: string | null;
  /** Partial birth date (YYYY, YYYY-MM, YYYY-MM-DD). */
  readonly birthDate: string | null;
}

/** The unit of distinct counting: the matched person, else the document. */
export const travellerKey = (c: Pick<StatCrossing, 'personId' | 'documentKey'>): string => (c.personId ? `p:${c.personId}` : `d:${c.documentKey}`);

export interface PersonAttributes {
  readonly citizenship: string;
  readonly citizenGroup: string;
  readonly sex: string;
}

export interface FlowFact extends PersonAttributes {
  readonly crossingId: string;
  readonly day: string;
  readonly outcome: 'admit' | 'refuse';
  readonly direction: 'ENTRY' | 'EXIT';
  readonly crossingPoint: string;
  readonly age5: string;
  readonly ageBroad: string;
  readonly transport: string;
  readonly purpose: string;
}

/** Present (+1) on every day in [from, to) (to null: still present); foreigners only. */
export interface StockSegment extends PersonAttributes {
  readonly from: string;
  readonly to: string | null;
  readonly age5: string;
  readonly ageBroad: string;
  readonly stayStatus: 'REGULAR' | 'IRREGULAR';
}

export interface MigrationEvent extends PersonAttributes {
  readonly kind: 'IMMIGRATION' | 'EMIGRATION';
  /** Arrival (immigration) or departure (emigration) day. */
  readonly day: string;
  /** The day from which the change of usual residence is established (counted from then on). */
  readonly confirmedOn: string;
  readonly age5: string;
  readonly ageBroad: string;
}

export interface TravellerFacts {
  readonly flows: FlowFact[];
  readonly stock: StockSegment[];
  readonly migration: MigrationEvent[];
}

/** Earliest day a stock segment starts (a traveller present before their first record). */
export const STOCK_ORIGIN = '1900-01-01';

const byTime = (a: StatCrossing, b: StatCrossing) => (a.occurredAt < b.occurredAt ? -1 : a.occurredAt > b.occurredAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export type { Spell };

/**
 * Spells of presence from admitted movements in time order. Present at the end of a day after an
 * entry, absent after an exit; a traveller whose first movement is an exit was present before it. An
 * entry while present keeps the spell (and takes its last lawful day); an exit while absent is ignored.
 */
export function presenceSpells(moves: readonly StatCrossing[]): Spell[] {
  const spells: Spell[] = [];
  if (moves.length === 0) return spells;
  let present = moves[0]!.direction === 'exit';
  let start: number | null = null;
  let lawful: { from: number; lastLawfulDay: number | null }[] = [];
  for (const m of moves) {
    const day = parseDay(m.localDate)!;
    if (m.direction === 'entry') {
      const last = spells.at(-1);
      if (!present && last && last.to === day) {
        // Left and came back on the same day: present at the end of it, so the spell goes on (as the
        // day-by-day definition counts it: one unbroken run of days present).
        spells.pop();
        start = last.from;
        lawful = [...last.lawful];
      } else if (!present) {
        start = day;
        lawful = [];
      }
      present = true;
      lawful.push({ from: day, lastLawfulDay: m.lastLawfulDay ? parseDay(m.lastLawfulDay) : null });
    } else if (present) {
      if (start === null || day > start) spells.push({ from: start, to: day, lawful });
      present = false;
    }
  }
  if (present) spells.push({ from: start, to: null, lawful });
  return spells;
}

/** The traveller's current records, admitted movements, and attributes (latest admitted nationality). */
export function currentOf(records: readonly (StatCrossing & { readonly superseded: boolean })[]): StatCrossing[] {
  return records.filter((r) => !r.superseded).sort(byTime);
}

export function travellerFacts(
  current: readonly StatCrossing[],
  person: StatPerson | null,
  opts: { country: string; rule: UsualResidenceRule },
): TravellerFacts {
  const birth = imputedBirthDay(person?.birthDate ?? null);
  const sex = sexCode(person?.sex);
  const flows: FlowFact[] = [];
  for (const c of current) {
    if (c.decision === 'second_line') continue;
    const day = parseDay(c.localDate);
    if (day === null) continue;
    const citizenship = citizenshipCode(c.nationality);
    const age = ageOn(birth, day);
    flows.push({
      crossingId: c.id,
      day: c.localDate,
      outcome: c.decision,
      direction: c.direction === 'entry' ? 'ENTRY' : 'EXIT',
      crossingPoint: c.crossingPoint,
      citizenship,
      citizenGroup: citizenGroupCode(citizenship, opts.country),
      sex,
      age5: age5Code(age),
      ageBroad: ageBroadCode(age),
      transport: c.transport ?? UNKNOWN,
      purpose: c.purpose ?? UNKNOWN,
    });
  }
  const moves = current.filter((c) => c.decision === 'admit' && parseDay(c.localDate) !== null);
  const last = moves.at(-1);
  const citizenship = citizenshipCode(last?.nationality);
  const attrs: PersonAttributes = { citizenship, citizenGroup: citizenGroupCode(citizenship, opts.country), sex };
  const spells = presenceSpells(moves);
  const stock = attrs.citizenGroup === 'FOREIGNER' ? stockSegments(spells, birth, attrs) : [];
  const migration = residenceEvents(spells, moves.length ? parseDay(moves[0]!.localDate)! : null, opts.rule).map((e) => {
    const age = ageOn(birth, e.day);
    return { ...attrs, kind: e.kind, day: formatDay(e.day), confirmedOn: formatDay(e.confirmedOn), age5: age5Code(age), ageBroad: ageBroadCode(age) };
  });
  return { flows, stock, migration };
}

/** Cuts each spell where the five-year age group or the stay status changes. */
function stockSegments(spells: readonly Spell[], birth: number | null, attrs: PersonAttributes): StockSegment[] {
  const out: StockSegment[] = [];
  const origin = parseDay(STOCK_ORIGIN)!;
  for (const s of spells) {
    const from = Math.max(s.from ?? origin, origin);
    const to = s.to;
    if (to !== null && to <= from) continue;
    const cuts = new Set<number>();
    const inside = (d: number) => d > from && (to === null || d < to);
    if (birth !== null) {
      if (inside(birth)) cuts.add(birth);
      for (let years = 5; years <= 85; years += 5) {
        const b = birthdayAt(birth, years);
        if (inside(b)) cuts.add(b);
      }
    }
    // Irregular on a day after the last lawful day set by the latest entry on or before it.
    for (const l of s.lawful) {
      if (inside(l.from)) cuts.add(l.from);
      if (l.lastLawfulDay !== null && inside(l.lastLawfulDay + 1)) cuts.add(l.lastLawfulDay + 1);
    }
    const irregularOn = (d: number) => {
      const l = s.lawful.filter((x) => x.from <= d).at(-1);
      return l !== undefined && l.lastLawfulDay !== null && d > l.lastLawfulDay;
    };
    const points = [from, ...[...cuts].sort((a, b) => a - b)];
    points.forEach((p, i) => {
      const end = i + 1 < points.length ? points[i + 1]! : to;
      const age = ageOn(birth, p);
      out.push({
        ...attrs,
        from: formatDay(p),
        to: end === null ? null : formatDay(end),
        age5: age5Code(age),
        ageBroad: ageBroadCode(age),
        stayStatus: irregularOn(p) ? 'IRREGULAR' : 'REGULAR',
      });
    });
  }
  return out;
}
