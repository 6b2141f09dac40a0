/**
 * Calendar dates for casework. Deadlines are counted in whole days at the office that handles the case
 * (the server converts its clock to the country profile's time zone before calling the domain), so a date
 * is a `YYYY-MM-DD` string and arithmetic runs on integer day numbers (the stay engine's days_from_civil),
 * never on `Date`: the result never depends on the host's time zone.
 */
import { z } from 'zod';
import { DomainError } from '../kernel/errors.ts';
import { civilFromDay, dayFromCivil, daysInMonth, formatDay, parseDay, type DayNumber } from '../stay/dates.ts';

export type { DayNumber };
/** A calendar date `YYYY-MM-DD`. */
export type IsoDate = string;

export const isoDateSchema = z.string().refine((s) => parseDay(s) !== null, { message: 'Expected a calendar date YYYY-MM-DD' });

export const isIsoDate = (value: unknown): value is IsoDate => typeof value === 'string' && parseDay(value) !== null;

/** Day number of a date; throws CASE.INVALID_DATE naming the field when it is not a calendar date. */
export function toDay(date: IsoDate, field = 'date'): DayNumber {
  const day = parseDay(date);
  if (day === null) {
    const message = `${String(date).slice(0, 40)} is not a calendar date YYYY-MM-DD`;
    throw new DomainError('CASE.INVALID_DATE', 'validation', message, { issues: [{ field, code: 'CASE.INVALID_DATE', message }] });
  }
  return day;
}

export const fromDay = (day: DayNumber): IsoDate => formatDay(day);

/** Day of the week, 0 = Sunday … 6 = Saturday (the country profile's `workingWeek` numbering). */
export const weekdayOf = (day: DayNumber): number => (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday

export const addCalendarDays = (date: IsoDate, n: number): IsoDate => fromDay(toDay(date) + n);

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export const calendarDaysBetween = (from: IsoDate, to: IsoDate): number => toDay(to) - toDay(from);

/**
 * The same month and day `years` later; 29 February becomes 28 February in a common year (a period in
 * years ends on the corresponding day, or the last day of the month when there is none).
 */
export function addYears(date: IsoDate, years: number): IsoDate {
  const c = civilFromDay(toDay(date));
  const year = c.year + years;
  return fromDay(dayFromCivil(year, c.month, Math.min(c.day, daysInMonth(year, c.month))));
}

export const civilOf = (date: IsoDate) => civilFromDay(toDay(date));
export { dayFromCivil };

export const laterOf = (a: IsoDate, b: IsoDate): IsoDate => (a >= b ? a : b);
