/**
 * "Days used" as a function of the day, and the two searches built on it, without walking day by day.
 *
 * For each rule, used(d) is piecewise linear in d with slope −1, 0 or +1 between breakpoints:
 * - rolling (N in W days, Reg. (EU) 610/2013): used(d) = |C ∩ [d−W+1, d]|; each step adds day d and
 *   drops day d−W, so the slope changes only at the boundaries of C and at those boundaries + W;
 * - calendar-year (Law on Foreigners art. 7(1), one reading): used(d) = |C ∩ [1 Jan, d]|; slope changes
 *   at boundaries of C, and the count restarts on each 1 January;
 * - per-stay (visitor visa, §2.3): used(d) = |C ∩ [stay entry, d]|; slope changes at boundaries of C.
 * C is the set of counted days: presence minus covered periods. Evaluating used(d) costs O(log n)
 * (DaySet prefix sums) and the searches visit each breakpoint at most once, so one person costs
 * O((movements + covered periods) · log) whatever the window length.
 *
 * Invariant relied on by the searches: if nextBreak(c) = b then used is linear on [c, b−1], and if
 * prevBreak(q) = p then used is linear on [p, q]. (A day d where the slope changes has d or d−1
 * among the breakpoints.)
 */
import { MAX_DAY, nextYearStart, yearStart, type DayNumber } from './dates.ts';
import type { DaySet } from './intervals.ts';
import type { LimitedRule } from './rules.ts';

export interface UsageModel {
  readonly maxDays: number;
  /** Days used on day d (counted days in the rule's window ending on d). */
  at(d: DayNumber): number;
  /** Smallest breakpoint > d (may be +Infinity). */
  nextBreak(d: DayNumber): number;
  /** Largest breakpoint <= d (may be -Infinity). */
  prevBreak(d: DayNumber): number;
}

/**
 * @param counted presence minus covered periods; an open stay extends to the far future, which is the
 *   "stays continuously from the control date" assumption (days after the control date only matter for
 *   the forward search).
 * @param stayEntry first day of the stay the per-stay rule measures (null: not in a stay).
 */
export function usageModel(rule: LimitedRule, counted: DaySet, stayEntry: DayNumber | null): UsageModel {
  const maxDays = rule.maxDays;
  switch (rule.kind) {
    case 'rolling': {
      const w = rule.windowDays;
      return {
        maxDays,
        at: (d) => counted.count(d - w + 1, d),
        nextBreak: (d) => Math.min(counted.nextBoundary(d), counted.nextBoundary(d - w) + w),
        prevBreak: (d) => Math.max(counted.prevBoundary(d), counted.prevBoundary(d - w) + w),
      };
    }
    case 'calendar-year':
      return {
        maxDays,
        at: (d) => counted.count(yearStart(d), d),
        nextBreak: (d) => Math.min(counted.nextBoundary(d), nextYearStart(d)),
        prevBreak: (d) => Math.max(counted.prevBoundary(d), yearStart(d)),
      };
    case 'per-stay':
      return {
        maxDays,
        at: (d) => (stayEntry === null || d < stayEntry ? 0 : counted.count(stayEntry, d)),
        nextBreak: (d) => counted.nextBoundary(d),
        prevBreak: (d) => Math.max(counted.prevBoundary(d), stayEntry ?? Number.NEGATIVE_INFINITY),
      };
  }
}

/**
 * First day f > from on which used(f) > maxDays, given used(from) <= maxDays; null when none up to
 * the day after 9999-12-31. Each linear piece is solved in closed form: with slope +1 the limit is
 * crossed exactly maxDays − used + 1 days later.
 */
export function firstExceeded(model: UsageModel, from: DayNumber): DayNumber | null {
  const n = model.maxDays;
  let cur = from;
  let value = model.at(cur);
  while (cur <= MAX_DAY) {
    const next = model.nextBreak(cur);
    if (next > cur + 1) {
      const slope = model.at(cur + 1) - value;
      if (slope > 0) {
        const f = cur + (n - value) + 1;
        if (f <= next - 1) return f;
      }
    }
    if (!Number.isFinite(next)) return null;
    cur = next;
    value = model.at(cur);
    if (value > n) return cur;
  }
  return null;
}

/**
 * Last day d in [lo, hi] with used(d) <= maxDays, or lo − 1 when there is none (the person was over
 * the limit from the first day of the stay, e.g. entered with a full rolling window).
 */
export function lastWithin(model: UsageModel, lo: DayNumber, hi: DayNumber): DayNumber {
  const n = model.maxDays;
  let q = hi;
  while (q >= lo) {
    const vq = model.at(q);
    if (vq <= n) return q;
    const p = Math.max(lo, model.prevBreak(q));
    if (q > p) {
      const slope = vq - model.at(q - 1);
      // Rising towards q: the limit was last respected (vq − n) days earlier, if still in this piece.
      if (slope > 0 && q - (vq - n) >= p) return q - (vq - n);
    }
    q = p - 1;
  }
  return lo - 1;
}
