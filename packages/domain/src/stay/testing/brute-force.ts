/**
 * Reference implementation for tests and the benchmark: the rules exactly as worded, walking day by
 * day and re-counting every window from scratch (O(days × window)). Deliberately naive and
 * independent of DaySet/usage.ts; it shares only date parsing and the movement normalisation (whose
 * anomaly policy is tested by hand in movements.test.ts).
 */
import { formatDay, parseDay, yearStart } from '../dates.ts';
import type { StayCheckInput, StayPlanInput } from '../input.ts';
import { normaliseMovements } from '../movements.ts';

export interface BruteCheck {
  present: boolean;
  daysUsed: number;
  daysRemaining: number | null;
  overstayDays: number;
  lastLawfulDay: string | null;
}

const day = (s: string): number => {
  const d = parseDay(s);
  if (d === null) throw new Error(`bad date ${s}`);
  return d;
};

interface World {
  /** counted(d): inside and not covered (an open stay continues forever). */
  counted(d: number): boolean;
  used(d: number): number;
  maxDays: number | null;
  stayEntry: number | null;
  openEntry: number | null;
  horizon: number;
}

function world(input: Pick<StayCheckInput, 'rule' | 'movements' | 'covered'>, asOf: number, planned = false): World {
  const rule = input.rule;
  const lookBack = rule.kind === 'rolling' ? asOf - rule.windowDays + 1 : rule.kind === 'calendar-year' ? yearStart(asOf) : null;
  const history = normaliseMovements(input.movements, asOf, lookBack, planned);
  const covered = (input.covered ?? []).map((p) => [day(p.from), day(p.to)] as const);
  const lastCovered = covered.reduce((m, [, to]) => Math.max(m, to), asOf);
  const extra = rule.kind === 'rolling' ? rule.windowDays : rule.kind === 'calendar-year' ? 366 * 9 : rule.kind === 'per-stay' ? rule.maxDays : 0;
  const horizon = lastCovered + extra + 10;
  const inside = (d: number) => history.stays.some((s) => s.entry <= d && d <= (s.exit ?? Number.POSITIVE_INFINITY));
  const isCovered = (d: number) => covered.some(([from, to]) => from <= d && d <= to);
  // Memoised per day only to keep the test suite quick; every window is still re-summed day by day.
  const cache = new Map<number, boolean>();
  const counted = (d: number) => {
    let c = cache.get(d);
    if (c === undefined) cache.set(d, (c = inside(d) && !isCovered(d)));
    return c;
  };
  let stayEntry: number | null = null;
  for (const s of history.stays) if (s.entry <= asOf && asOf <= (s.exit ?? Number.POSITIVE_INFINITY)) stayEntry = s.entry;
  const sum = (from: number, to: number) => {
    let n = 0;
    for (let d = from; d <= to; d++) if (counted(d)) n++;
    return n;
  };
  const used = (d: number): number => {
    switch (rule.kind) {
      case 'rolling':
        return sum(d - rule.windowDays + 1, d);
      case 'calendar-year':
        return sum(day(`${formatDay(d).slice(0, 4)}-01-01`), d);
      case 'per-stay':
      case 'unlimited':
        return stayEntry === null ? 0 : sum(stayEntry, d);
    }
  };
  return {
    counted,
    used,
    maxDays: rule.kind === 'unlimited' ? null : rule.maxDays,
    stayEntry,
    openEntry: history.current?.entry ?? null,
    horizon,
  };
}

function lastLawful(w: World, t: number, openEntry: number): number {
  const n = w.maxDays as number;
  if (w.used(t) <= n) {
    for (let s = t + 1; s <= w.horizon; s++) if (w.used(s) > n) return s - 1;
    throw new Error('brute force: horizon too short');
  }
  for (let d = t - 1; d >= openEntry; d--) if (w.used(d) <= n) return d;
  return openEntry - 1;
}

export function bruteCheck(input: StayCheckInput): BruteCheck {
  const t = day(input.controlDate);
  const w = world(input, t);
  const used = w.used(t);
  const present = w.openEntry !== null;
  if (w.maxDays === null) return { present, daysUsed: used, daysRemaining: null, overstayDays: 0, lastLawfulDay: null };
  return {
    present,
    daysUsed: used,
    daysRemaining: Math.max(0, w.maxDays - used),
    overstayDays: Math.max(0, used - w.maxDays),
    lastLawfulDay: w.openEntry === null ? null : formatDay(lastLawful(w, t, w.openEntry)),
  };
}

export interface BrutePlan {
  lawful: boolean | null;
  firstExceededDay: string | null;
  latestLawfulExit: string | null;
  maxStayDays: number | null;
}

export function brutePlan(input: StayPlanInput): BrutePlan {
  const e = day(input.entryDate);
  const w = world(input, e, true);
  const x = input.exitDate === undefined ? null : day(input.exitDate);
  if (w.maxDays === null) return { lawful: x === null ? null : true, firstExceededDay: null, latestLawfulExit: null, maxStayDays: null };
  const n = w.maxDays;
  let first: number | null = null;
  for (let d = e; d <= w.horizon; d++) {
    if (w.used(d) > n) {
      first = d;
      break;
    }
  }
  if (first === null) throw new Error('brute force: horizon too short');
  const latest = first === e ? null : first - 1;
  return {
    lawful: x === null ? null : first > x,
    firstExceededDay: x !== null && first <= x ? formatDay(first) : null,
    latestLawfulExit: latest === null ? null : formatDay(latest),
    maxStayDays: latest === null ? 0 : latest - e + 1,
  };
}
