/**
 * Planning mode (the Commission calculator's "planning" mode, Reg. (EU) 610/2013; domain reference
 * §2.2): given the history, an intended entry date and optionally an intended exit date, is the trip
 * lawful, on which day would the limit first be exceeded, and what is the latest lawful exit, i.e.
 * "how many days could I stay if I enter on D".
 */
import { formatDay, MAX_DAY } from './dates.ts';
import { prepare, toDay } from './engine.ts';
import { StayInputError } from './errors.ts';
import type { IsoDate, StayPlanInput } from './input.ts';
import type { StayWarning } from './movements.ts';
import { firstExceeded } from './usage.ts';

export interface StayPlanResult {
  /** Whether staying from entryDate to exitDate respects the rule every day; null without exitDate. */
  readonly lawful: boolean | null;
  /** First day of the trip on which the limit is exceeded; null when none (or no exitDate). */
  readonly firstExceededDay: IsoDate | null;
  /**
   * Latest exit keeping every day of the trip within the rule (capped at 9999-12-31); null when even
   * entering on entryDate is over the limit, and for unlimited rules.
   */
  readonly latestLawfulExit: IsoDate | null;
  /** Days from entryDate to latestLawfulExit inclusive; 0 when entry is already over; null if unlimited. */
  readonly maxStayDays: number | null;
  readonly daysUsedOnEntry: number;
  readonly daysUsedOnExit: number | null;
  readonly warnings: readonly StayWarning[];
}

/**
 * History movements after entryDate are ignored (warning STAY.MOVEMENTS_AFTER_DATE). If the history
 * ends inside the country, the planned entry is a double entry: the person is treated as never having
 * left (STAY.DOUBLE_ENTRY), which is what the border would assume too.
 */
export function planStay(input: StayPlanInput): StayPlanResult {
  const e = toDay(input.entryDate, 'entryDate');
  const x = input.exitDate === undefined ? null : toDay(input.exitDate, 'exitDate');
  if (x !== null && x < e) throw new StayInputError('STAY.INVALID_PERIOD', 'exitDate', 'exitDate must not be before entryDate');
  const { history, counted, model } = prepare(input.rule, input.movements, input.covered, e, true);
  const current = history.current;
  // The planned entry is the last movement kept, so the person is inside from entryDate on.
  const stayEntry = current?.entry ?? e;
  if (model === null) {
    return {
      lawful: x === null ? null : true,
      firstExceededDay: null,
      latestLawfulExit: null,
      maxStayDays: null,
      daysUsedOnEntry: counted.count(stayEntry, e),
      daysUsedOnExit: x === null ? null : counted.count(stayEntry, x),
      warnings: history.warnings,
    };
  }
  const onEntry = model.at(e);
  let latest: number | null = null;
  let first: number | null;
  if (onEntry > model.maxDays) first = e;
  else {
    const f = firstExceeded(model, e);
    latest = f === null ? MAX_DAY : Math.min(f - 1, MAX_DAY);
    first = f;
  }
  const exceededInTrip = x !== null && first !== null && first <= x ? first : null;
  return {
    lawful: x === null ? null : exceededInTrip === null,
    firstExceededDay: exceededInTrip === null ? null : formatDay(exceededInTrip),
    latestLawfulExit: latest === null ? null : formatDay(latest),
    maxStayDays: latest === null ? 0 : latest - e + 1,
    daysUsedOnEntry: onEntry,
    daysUsedOnExit: x === null ? null : model.at(x),
    warnings: history.warnings,
  };
}
