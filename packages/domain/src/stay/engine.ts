/**
 * Shared preparation for control and planning: dates to day numbers, movements to stays, covered
 * periods merged, and the set of counted days (presence minus covered periods: "periods under a
 * residence permit or long-stay visa are excluded", Reg. (EU) 610/2013; the same reading is applied
 * to Armenian residence status, Law on Foreigners art. 7(1)).
 */
import { MAX_DAY, parseDay, yearStart, type DayNumber } from './dates.ts';
import { StayInputError } from './errors.ts';
import type { CoveredPeriod, Movement } from './input.ts';
import { DaySet, mergeIntervals, subtractIntervals, type DayInterval } from './intervals.ts';
import { normaliseMovements, type NormalisedHistory, type Stay } from './movements.ts';
import type { StayRule } from './rules.ts';
import { usageModel, firstExceeded, lastWithin, type UsageModel } from './usage.ts';

/**
 * Where an open stay ends for counting: far enough past 9999-12-31 that every search finishes first.
 * Modelling "still inside" as "inside until then" is the "stays continuously" assumption of
 * lastLawfulDay; counts on or before the evaluation day are unaffected by it.
 */
export const OPEN_STAY_END: DayNumber = MAX_DAY + 3 * 366;

export function toDay(text: string, field: string): DayNumber {
  const day = parseDay(text);
  if (day === null) throw StayInputError.date(field, text);
  return day;
}

export function coveredIntervals(covered: readonly CoveredPeriod[] | undefined): DayInterval[] {
  const out: DayInterval[] = [];
  (covered ?? []).forEach((p, i) => {
    const from = toDay(p.from, `covered.${i}.from`);
    const to = toDay(p.to, `covered.${i}.to`);
    if (to < from) throw new StayInputError('STAY.INVALID_PERIOD', `covered.${i}.to`, '"to" must not be before "from"');
    out.push({ from, to });
  });
  return mergeIntervals(out);
}

/** First day of the rule's look-back window at `asOf`, used to place a missing entry. */
export function lookBackStart(rule: StayRule, asOf: DayNumber): DayNumber | null {
  if (rule.kind === 'rolling') return asOf - rule.windowDays + 1;
  if (rule.kind === 'calendar-year') return yearStart(asOf);
  return null;
}

/** Presence (open stay extended to OPEN_STAY_END) minus covered days. */
export function countedDays(stays: readonly Stay[], covered: readonly DayInterval[]): DaySet {
  const presence = mergeIntervals(stays.map((s) => ({ from: s.entry, to: s.exit ?? OPEN_STAY_END })));
  return new DaySet(subtractIntervals(presence, covered));
}

/** The stay containing `day`; with an exit and a re-entry that day, the later one. */
export function stayContaining(stays: readonly Stay[], day: DayNumber): Stay | null {
  for (let i = stays.length - 1; i >= 0; i--) {
    const s = stays[i] as Stay;
    if (s.entry <= day && (s.exit === null || s.exit >= day)) return s;
    if ((s.exit ?? OPEN_STAY_END) < day) return null;
  }
  return null;
}

export interface Prepared {
  readonly history: NormalisedHistory;
  readonly counted: DaySet;
  readonly stay: Stay | null;
  /** Null for the unlimited rule. */
  readonly model: UsageModel | null;
}

/** @param plannedEntry planning mode: add an intended entry on `asOf` after the recorded movements. */
export function prepare(
  rule: StayRule,
  movements: readonly Movement[],
  covered: readonly CoveredPeriod[] | undefined,
  asOf: DayNumber,
  plannedEntry = false,
): Prepared {
  const coveredSet = coveredIntervals(covered);
  const history = normaliseMovements(movements, asOf, lookBackStart(rule, asOf), plannedEntry);
  const counted = countedDays(history.stays, coveredSet);
  const stay = stayContaining(history.stays, asOf);
  const model = rule.kind === 'unlimited' ? null : usageModel(rule, counted, stay?.entry ?? null);
  return { history, counted, stay, model };
}

/**
 * Last day a person inside on `day` may remain, staying continuously (decision 0201 §4):
 * - within the limit on `day`: the day before the limit would first be exceeded (capped at 9999-12-31);
 * - already over it: the last day of the current stay on which they were within it, or the day
 *   before entry if never; so lastLawfulDay < controlDate exactly when the person is overstaying.
 */
export function lastLawfulDayNumber(model: UsageModel, day: DayNumber, stayEntry: DayNumber): DayNumber {
  if (model.at(day) > model.maxDays) return lastWithin(model, stayEntry, day - 1);
  const f = firstExceeded(model, day);
  return f === null ? MAX_DAY : Math.min(f - 1, MAX_DAY);
}
