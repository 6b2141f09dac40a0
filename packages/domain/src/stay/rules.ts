/**
 * Stay rules as data, one per nationality/document/treaty (domain reference §2.2, §4.5). Four kinds:
 *
 * - `calendar-year` — Law on Foreigners art. 7(1): visa-free nationals may stay "180 days within one
 *   year". Whether "year" is the calendar year or a rolling 365 days is not settled (§2.2, open
 *   question), so both are expressible: this kind counts days in the control date's calendar year;
 *   `{"kind":"rolling","maxDays":180,"windowDays":365}` is the other reading.
 * - `rolling` — N days in any M-day window ending on the control date, inclusive; the Iran MoU of
 *   5 Jun 2016 (90/180) and the Schengen rule of Reg. (EU) 610/2013 (90/180).
 * - `per-stay` — length of the current continuous stay (visitor visa: ≤ 120 days per stay, §2.3).
 * - `unlimited` — citizens, dual citizens, residents: nothing is limited.
 */
import { z } from 'zod';

/** Longest rolling window accepted (ten years): keeps the engine's work per person bounded. */
export const MAX_WINDOW_DAYS = 3660;

export type CalendarYearRule = { readonly kind: 'calendar-year'; readonly maxDays: number };
export type RollingRule = { readonly kind: 'rolling'; readonly maxDays: number; readonly windowDays: number };
export type PerStayRule = { readonly kind: 'per-stay'; readonly maxDays: number };
export type UnlimitedRule = { readonly kind: 'unlimited' };
export type StayRule = CalendarYearRule | RollingRule | PerStayRule | UnlimitedRule;
export type StayRuleKind = StayRule['kind'];
export type LimitedRule = Exclude<StayRule, UnlimitedRule>;

const days = (field: string, max: number) =>
  z
    .number({ error: `${field} must be a number of days` })
    .int({ error: `${field} must be a whole number of days` })
    .min(1, { error: `${field} must be at least 1` })
    .max(max, { error: `${field} must be at most ${max}` });

/**
 * zod schema of one rule. Unknown keys are errors (a misspelt "windowdays" must not silently fall back
 * to a default). Bounds make every rule finite: a calendar year never has more than 366 days, so
 * maxDays ≤ 365 guarantees a continuous stay is eventually exceeded; for rolling windows maxDays must
 * be below windowDays for the same reason (90/90 would be "unlimited" in disguise).
 */
export const stayRuleSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('calendar-year'), maxDays: days('maxDays', 365) }),
    z
      .strictObject({ kind: z.literal('rolling'), maxDays: days('maxDays', MAX_WINDOW_DAYS - 1), windowDays: days('windowDays', MAX_WINDOW_DAYS) })
      .refine((r) => r.maxDays < r.windowDays, { error: 'maxDays must be smaller than windowDays', path: ['maxDays'] }),
    z.strictObject({ kind: z.literal('per-stay'), maxDays: days('maxDays', 36600) }),
    z.strictObject({ kind: z.literal('unlimited') }),
  ],
  {
    error: (issue) =>
      typeof issue.input === 'object' && issue.input !== null
        ? 'kind must be one of "calendar-year", "rolling", "per-stay", "unlimited"'
        : 'Expected a rule object such as {"kind":"rolling","maxDays":90,"windowDays":180}',
  },
);

export const isLimited = (rule: StayRule): rule is LimitedRule => rule.kind !== 'unlimited';

/** Reason code for an overstay under this rule (structured and translatable; see README). */
export function overstayCode(rule: LimitedRule): 'STAY.OVERSTAY_CALENDAR_YEAR' | 'STAY.OVERSTAY_ROLLING' | 'STAY.OVERSTAY_PER_STAY' {
  switch (rule.kind) {
    case 'calendar-year':
      return 'STAY.OVERSTAY_CALENDAR_YEAR';
    case 'rolling':
      return 'STAY.OVERSTAY_ROLLING';
    case 'per-stay':
      return 'STAY.OVERSTAY_PER_STAY';
  }
}
