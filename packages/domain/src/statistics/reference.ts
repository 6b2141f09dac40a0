/**
 * The brute-force reference: every indicator recounted straight from the raw records (all crossing
 * records, corrections included, and the persons), day by day where that is simplest. It shares only
 * the code mappings with the incremental engine (facts.ts, residence.ts) — not the folding of
 * corrections, the spells or the residence sweep — so the property test that compares the two checks
 * the engine, not a copy of it.
 */
import { parseDay } from '../stay/dates.ts';
import { UNKNOWN, type CubeCell } from './cube.ts';
import { age5Code, ageBroadCode, ageOn, citizenGroupCode, citizenshipCode, imputedBirthDay, periodCode, sexCode, type Dimension } from './dimensions.ts';
import { STOCK_ORIGIN, travellerKey, type StatCrossing, type StatPerson } from './facts.ts';
import type { StatQuery } from './query.ts';
import type { UsualResidenceRule } from './residence.ts';

export interface RawDataset {
  /** Every record ever written, superseded ones included. */
  readonly crossings: readonly StatCrossing[];
  readonly persons: ReadonlyMap<string, StatPerson>;
  readonly country: string;
  readonly rule: UsualResidenceRule;
}

type Codes = Partial<Record<Dimension, string>>;

function matches(codes: Codes, q: StatQuery): boolean {
  return Object.entries(q.filters).every(([d, list]) => list!.includes(codes[d as Dimension] ?? ''));
}

const keyOf = (period: string, codes: Codes, q: StatQuery) => [period, ...q.by.map((d) => codes[d] ?? '')];

function cellsOf(map: Map<string, number>): CubeCell[] {
  return [...map.entries()].map(([k, value]) => ({ key: JSON.parse(k) as string[], value })).sort((a, b) => cmpKey(a.key, b.key));
}

export function cmpKey(a: readonly string[], b: readonly string[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return 0;
}

function byTraveller(data: RawDataset): Map<string, StatCrossing[]> {
  const replaced = new Set(data.crossings.map((c) => c.supersedes).filter((x): x is string => x !== null));
  const out = new Map<string, StatCrossing[]>();
  for (const c of data.crossings) {
    if (replaced.has(c.id)) continue;
    const k = travellerKey(c);
    out.set(k, [...(out.get(k) ?? []), c]);
  }
  for (const list of out.values()) list.sort((a, b) => (a.occurredAt === b.occurredAt ? (a.id < b.id ? -1 : 1) : a.occurredAt < b.occurredAt ? -1 : 1));
  return out;
}

const personOf = (data: RawDataset, c: StatCrossing) => (c.personId ? (data.persons.get(c.personId) ?? null) : null);

export function recount(data: RawDataset, q: StatQuery): CubeCell[] {
  switch (q.indicator.kind) {
    case 'flow':
    case 'refusal':
      return flows(data, q);
    case 'stock':
      return stock(data, q);
    case 'migration':
      return migration(data, q);
  }
}

function flows(data: RawDataset, q: StatQuery): CubeCell[] {
  const counts = new Map<string, Map<string, Set<string> | number>>();
  const refusal = q.indicator.kind === 'refusal';
  for (const [traveller, list] of byTraveller(data)) {
    for (const c of list) {
      if (c.decision !== (refusal ? 'refuse' : 'admit') || c.localDate < q.from || c.localDate > q.to) continue;
      const p = personOf(data, c);
      const age = ageOn(imputedBirthDay(p?.birthDate), parseDay(c.localDate)!);
      const citizenship = citizenshipCode(c.nationality);
      const codes: Codes = {
        direction: c.direction === 'entry' ? 'ENTRY' : 'EXIT',
        crossingPoint: c.crossingPoint,
        citizenship,
        citizenGroup: citizenGroupCode(citizenship, data.country),
        sex: sexCode(p?.sex),
        age5: age5Code(age),
        ageBroad: ageBroadCode(age),
        transport: c.transport ?? UNKNOWN,
        purpose: c.purpose ?? UNKNOWN,
      };
      if (!matches(codes, q)) continue;
      const side = refusal ? 'ALL' : codes.direction!;
      const key = JSON.stringify(keyOf(periodCode(parseDay(c.localDate)!, q.grain), codes, q));
      const m = counts.get(side) ?? new Map<string, Set<string> | number>();
      counts.set(side, m);
      if (q.indicator.measure === 'persons') {
        const s = (m.get(key) as Set<string> | undefined) ?? new Set<string>();
        s.add(traveller);
        m.set(key, s);
      } else m.set(key, ((m.get(key) as number | undefined) ?? 0) + 1);
    }
  }
  const size = (v: Set<string> | number | undefined) => (v === undefined ? 0 : typeof v === 'number' ? v : v.size);
  const out = new Map<string, number>();
  const select = q.indicator.select;
  if (refusal) for (const [k, v] of counts.get('ALL') ?? []) out.set(k, size(v));
  else if (select === 'BALANCE') {
    const entries = counts.get('ENTRY') ?? new Map();
    const exits = counts.get('EXIT') ?? new Map();
    for (const k of new Set([...entries.keys(), ...exits.keys()])) out.set(k, size(entries.get(k)) - size(exits.get(k)));
  } else for (const [k, v] of counts.get(select!) ?? []) out.set(k, size(v));
  return cellsOf(out);
}

/** Present at the end of `day`: the last admitted movement on or before it was an entry. */
function presentAt(moves: readonly StatCrossing[], day: string): { present: boolean; lastEntry: StatCrossing | null } {
  const before = moves.filter((m) => m.localDate <= day);
  if (before.length === 0) return { present: moves[0]!.direction === 'exit', lastEntry: null };
  return { present: before.at(-1)!.direction === 'entry', lastEntry: before.filter((m) => m.direction === 'entry').at(-1) ?? null };
}

function stock(data: RawDataset, q: StatQuery): CubeCell[] {
  const out = new Map<string, number>();
  if (q.at < STOCK_ORIGIN) return [];
  for (const list of byTraveller(data).values()) {
    const moves = list.filter((c) => c.decision === 'admit');
    if (!moves.length) continue;
    const citizenship = citizenshipCode(moves.at(-1)!.nationality);
    if (citizenGroupCode(citizenship, data.country) !== 'FOREIGNER') continue;
    const { present, lastEntry } = presentAt(moves, q.at);
    if (!present) continue;
    const p = personOf(data, moves[0]!);
    const age = ageOn(imputedBirthDay(p?.birthDate), parseDay(q.at)!);
    const lawful = lastEntry?.lastLawfulDay ?? null;
    const codes: Codes = { citizenship, sex: sexCode(p?.sex), age5: age5Code(age), ageBroad: ageBroadCode(age), stayStatus: lawful !== null && q.at > lawful ? 'IRREGULAR' : 'REGULAR' };
    if (!matches(codes, q)) continue;
    const key = JSON.stringify(keyOf(q.at, codes, q));
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return cellsOf(out);
}

/** Day-by-day residence status up to the reference date, under either variant. */
function residenceChanges(moves: readonly StatCrossing[], rule: UsualResidenceRule, until: number): { kind: 'IMMIGRATION' | 'EMIGRATION'; day: number; confirmedOn: number }[] {
  const first = parseDay(moves[0]!.localDate)!;
  const initially = moves[0]!.direction === 'exit';
  const days: boolean[] = [];
  let i = 0;
  let state = initially;
  for (let d = first; d <= until; d++) {
    while (i < moves.length && parseDay(moves[i]!.localDate)! <= d) state = moves[i++]!.direction === 'entry';
    days.push(state);
  }
  const p = (d: number) => (d < first ? initially : days[d - first]!);
  const runStart = (d: number) => {
    let s = d;
    while (s - 1 >= first && p(s - 1) === p(d)) s--;
    return s;
  };
  const events: { kind: 'IMMIGRATION' | 'EMIGRATION'; day: number; confirmedOn: number }[] = [];
  let resident = initially;
  for (let d = first; d <= until; d++) {
    let now: boolean;
    if (rule === '12-months') {
      const run = d - runStart(d) + 1;
      // Resident after 365 days present in a row, non-resident after 365 days absent in a row.
      now = run >= 365 ? p(d) : resident;
    } else {
      let n = 0;
      for (let k = d - 364; k <= d; k++) if (p(k)) n++;
      now = n >= 183;
    }
    if (now !== resident) {
      events.push({ kind: now ? 'IMMIGRATION' : 'EMIGRATION', day: runStart(d), confirmedOn: d });
      resident = now;
    }
  }
  return events;
}

function migration(data: RawDataset, q: StatQuery): CubeCell[] {
  const sides = new Map<string, Map<string, number>>();
  const until = parseDay(q.at)!;
  for (const list of byTraveller(data).values()) {
    const moves = list.filter((c) => c.decision === 'admit');
    if (!moves.length || parseDay(moves[0]!.localDate)! > until) continue;
    const citizenship = citizenshipCode(moves.at(-1)!.nationality);
    const p = personOf(data, moves[0]!);
    for (const e of residenceChanges(moves, data.rule, until)) {
      const day = periodCode(e.day, 'day');
      if (day < q.from || day > q.to) continue;
      const age = ageOn(imputedBirthDay(p?.birthDate), e.day);
      const codes: Codes = { citizenship, citizenGroup: citizenGroupCode(citizenship, data.country), sex: sexCode(p?.sex), age5: age5Code(age), ageBroad: ageBroadCode(age) };
      if (!matches(codes, q)) continue;
      const key = JSON.stringify(keyOf(periodCode(e.day, q.grain), codes, q));
      const m = sides.get(e.kind) ?? new Map<string, number>();
      sides.set(e.kind, m);
      m.set(key, (m.get(key) ?? 0) + 1);
    }
  }
  const select = q.indicator.select;
  if (select !== 'NET') return cellsOf(sides.get(select!) ?? new Map());
  const imm = sides.get('IMMIGRATION') ?? new Map<string, number>();
  const emi = sides.get('EMIGRATION') ?? new Map<string, number>();
  const out = new Map<string, number>();
  for (const k of new Set([...imm.keys(), ...emi.keys()])) out.set(k, (imm.get(k) ?? 0) - (emi.get(k) ?? 0));
  return cellsOf(out);
}
