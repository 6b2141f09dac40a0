/**
 * Control mode: the state of a person's authorised stay on a control date (the Commission calculator's
 * "control" mode and what EES computes at each crossing; domain reference §2.2).
 */
import { formatDay, yearStart, type DayNumber } from './dates.ts';
import { lastLawfulDayNumber, prepare, toDay } from './engine.ts';
import type { IsoDate, StayCheckInput } from './input.ts';
import type { StayWarning } from './movements.ts';
import { overstayCode } from './rules.ts';

export interface StayCheckResult {
  /** Inside the country at the end of the control date (last movement up to it is an entry). */
  readonly present: boolean;
  /** Counted days in the rule's window ending on the control date (covered days excluded). */
  readonly daysUsed: number;
  /** max(0, maxDays − daysUsed); null for the unlimited rule. */
  readonly daysRemaining: number | null;
  /** max(0, daysUsed − maxDays). */
  readonly overstayDays: number;
  /** See lastLawfulDayNumber; null when not present or unlimited. */
  readonly lastLawfulDay: IsoDate | null;
  /** The stay that includes the control date (exit null while inside), if any. */
  readonly currentStay: { readonly entry: IsoDate; readonly exit: IsoDate | null } | null;
  /** The counting window ending on the control date; null for unlimited, or per-stay outside a stay. */
  readonly window: { readonly from: IsoDate; readonly to: IsoDate } | null;
  readonly warnings: readonly StayWarning[];
}

function windowStart(input: StayCheckInput, t: DayNumber, stayEntry: DayNumber | null): DayNumber | null {
  const rule = input.rule;
  if (rule.kind === 'rolling') return t - rule.windowDays + 1;
  if (rule.kind === 'calendar-year') return yearStart(t);
  if (rule.kind === 'per-stay') return stayEntry;
  return null;
}

/** Throws StayInputError (STAY.INVALID_DATE, STAY.INVALID_PERIOD) for dates the types cannot exclude. */
export function checkStay(input: StayCheckInput): StayCheckResult {
  const t = toDay(input.controlDate, 'controlDate');
  const { history, counted, stay, model } = prepare(input.rule, input.movements, input.covered, t);
  const present = history.current !== null;
  const currentStay = stay ? { entry: formatDay(stay.entry), exit: stay.exit === null ? null : formatDay(stay.exit) } : null;
  if (model === null) {
    // Unlimited: nothing is limited, so nothing remains to be counted down. daysUsed is informative:
    // the counted days of the current stay, as for per-stay.
    return {
      present,
      daysUsed: stay ? counted.count(stay.entry, t) : 0,
      daysRemaining: null,
      overstayDays: 0,
      lastLawfulDay: null,
      currentStay,
      window: null,
      warnings: history.warnings,
    };
  }
  const daysUsed = model.at(t);
  const from = windowStart(input, t, stay?.entry ?? null);
  return {
    present,
    daysUsed,
    daysRemaining: Math.max(0, model.maxDays - daysUsed),
    overstayDays: Math.max(0, daysUsed - model.maxDays),
    lastLawfulDay: present && history.current ? formatDay(lastLawfulDayNumber(model, t, history.current.entry)) : null,
    currentStay,
    window: from === null ? null : { from: formatDay(from), to: input.controlDate },
    warnings: history.warnings,
  };
}

export type StayReasonCode =
  | 'STAY.OVERSTAY_CALENDAR_YEAR'
  | 'STAY.OVERSTAY_ROLLING'
  | 'STAY.OVERSTAY_PER_STAY'
  | 'STAY.WITHIN_LIMIT'
  | 'STAY.NOT_PRESENT'
  | 'STAY.NO_LIMIT';

export interface IrregularStayIndicator {
  /** Present at the end of the control date and over the rule's limit. */
  readonly irregular: boolean;
  readonly present: boolean;
  readonly overstayDays: number;
  /** First day over the limit in the current run (lastLawfulDay + 1) when irregular. */
  readonly since: IsoDate | null;
  /** Translatable: clients render `code` with `params`. */
  readonly reason: {
    readonly code: StayReasonCode;
    readonly params: { readonly maxDays?: number; readonly windowDays?: number; readonly daysUsed: number; readonly overstayDays: number };
  };
  readonly warnings: readonly StayWarning[];
}

/** Irregular-residence indicator for statistics and alerts (EES "alerts on expiry", §2.2). */
export function irregularStay(input: StayCheckInput): IrregularStayIndicator {
  const r = checkStay(input);
  const rule = input.rule;
  const params = {
    ...(rule.kind === 'unlimited' ? {} : { maxDays: rule.maxDays }),
    ...(rule.kind === 'rolling' ? { windowDays: rule.windowDays } : {}),
    daysUsed: r.daysUsed,
    overstayDays: r.overstayDays,
  };
  const irregular = r.present && r.overstayDays > 0;
  let code: StayReasonCode;
  if (rule.kind === 'unlimited') code = 'STAY.NO_LIMIT';
  else if (!r.present) code = 'STAY.NOT_PRESENT';
  else code = irregular ? overstayCode(rule) : 'STAY.WITHIN_LIMIT';
  const since = irregular && r.lastLawfulDay !== null ? formatDay(toDay(r.lastLawfulDay, 'lastLawfulDay') + 1) : null;
  return { irregular, present: r.present, overstayDays: r.overstayDays, since, reason: { code, params }, warnings: r.warnings };
}
