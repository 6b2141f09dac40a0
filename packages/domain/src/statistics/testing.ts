/**
 * Random crossing histories for the property tests (domain and server): persons with partial birth
 * dates, admitted/refused/second-line crossings, unmatched travellers, and late corrections that change
 * date, direction, decision, person or nationality. Deterministic for a seed.
 */
import { formatDay, parseDay } from '../stay/dates.ts';
import type { StatCrossing, StatPerson } from './facts.ts';

export interface RandomHistory {
  persons: Map<string, StatPerson>;
  crossings: StatCrossing[];
}

function rng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const POINTS = ['ZVARTNOTS', 'BAGRATASHEN', 'MEGHRI'];
const NATIONS = ['ARM', 'RUS', 'IRN', 'GEO', null];
const TRANSPORT = ['air', 'road', null];
const PURPOSES = ['tourism', 'work', null];

const uuid = (prefix: number, n: number) => `${String(prefix).padStart(8, '0')}-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** `start`: first day; histories span about `days` days. */
export function randomHistory(seed: number, opts: { persons: number; crossings: number; corrections: number; start?: string; days?: number }): RandomHistory {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const start = parseDay(opts.start ?? '2024-01-01')!;
  const days = opts.days ?? 900;
  const persons = new Map<string, StatPerson>();
  for (let i = 0; i < opts.persons; i++) {
    const y = 1930 + Math.floor(r() * 90);
    const birth = pick([`${y}`, `${y}-0${1 + Math.floor(r() * 9)}`, formatDay(parseDay(`${y}-01-01`)! + Math.floor(r() * 365)), null]);
    persons.set(uuid(1, i), { sex: pick(['F', 'M', 'X', null]), birthDate: birth });
  }
  const ids = [...persons.keys()];
  const crossings: StatCrossing[] = [];
  const make = (n: number, base?: StatCrossing): StatCrossing => {
    const day = base && r() < 0.5 ? parseDay(base.localDate)! + Math.floor(r() * 5) - 2 : start + Math.floor(r() * days);
    const personId = base && r() < 0.7 ? base.personId : r() < 0.9 ? pick(ids) : null;
    const localDate = formatDay(day);
    return {
      id: uuid(2, n),
      occurredAt: `${localDate}T${String(Math.floor(r() * 24)).padStart(2, '0')}:${String(Math.floor(r() * 60)).padStart(2, '0')}:00.000Z`,
      localDate,
      direction: r() < 0.5 ? 'entry' : 'exit',
      crossingPoint: pick(POINTS),
      decision: r() < 0.85 ? 'admit' : r() < 0.7 ? 'refuse' : 'second_line',
      personId,
      documentKey: personId ? `DOC${personId.slice(-4)}` : `UNM${Math.floor(r() * 5)}`,
      nationality: base && r() < 0.8 ? base.nationality : pick(NATIONS),
      transport: pick(TRANSPORT),
      purpose: pick(PURPOSES),
      supersedes: base ? base.id : null,
      lastLawfulDay: r() < 0.6 ? formatDay(day + Math.floor(r() * 200) - 20) : null,
    };
  };
  for (let i = 0; i < opts.crossings; i++) crossings.push(make(i));
  // Late corrections: each supersedes a record that is still current (the latest of its chain).
  for (let i = 0; i < opts.corrections; i++) {
    const replaced = new Set(crossings.map((c) => c.supersedes));
    const current = crossings.filter((c) => !replaced.has(c.id));
    crossings.push(make(opts.crossings + i, pick(current)));
  }
  return { persons, crossings };
}
