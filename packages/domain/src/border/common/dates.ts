/**
 * Calendar dates for the border rules: ISO `YYYY-MM-DD` strings compared as strings (same width, so
 * lexical order is date order), validity periods, and durations (years/months/days) for entry bans.
 * Day arithmetic reuses the stay engine's day numbers (no Date, no time zone).
 */
import { civilFromDay, dayFromCivil, daysInMonth } from '../../stay/dates.ts';
import { dateProblem, formatDay, parseDay } from '../../stay/index.ts';

export type IsoDate = string;

export const isIsoDate = (v: unknown): v is IsoDate => typeof v === 'string' && dateProblem(v) === null;

/** An inclusive validity period; an open end is unbounded. */
export interface Validity {
  readonly from?: IsoDate | null;
  readonly until?: IsoDate | null;
}

/** In force on `date` (inclusive at both ends). */
export function inForce(validity: Validity | undefined, date: IsoDate): boolean {
  if (!validity) return true;
  if (validity.from && date < validity.from) return false;
  if (validity.until && date > validity.until) return false;
  return true;
}

export interface Duration {
  readonly years?: number;
  readonly months?: number;
  readonly days?: number;
}

/**
 * `from` + duration, calendar style: years and months first with the day clamped to the month's end
 * (31 Jan + 1 month = 28/29 Feb), then days. Returns null on a bad date or a negative/non-integer part.
 */
export function addDuration(from: IsoDate, d: Duration): IsoDate | null {
  const start = parseDay(from);
  const parts = [d.years ?? 0, d.months ?? 0, d.days ?? 0];
  if (start === null || parts.some((p) => !Number.isInteger(p) || p < 0)) return null;
  const c = civilFromDay(start);
  const monthIndex = c.month - 1 + (d.months ?? 0) + 12 * (d.years ?? 0);
  const year = c.year + Math.floor(monthIndex / 12);
  const month = (monthIndex % 12) + 1;
  if (year > 9999) return null;
  const day = Math.min(c.day, daysInMonth(year, month));
  const end = dayFromCivil(year, month, day) + (d.days ?? 0);
  const text = formatDay(end);
  return parseDay(text) === null ? null : text;
}

/**
 * Last day in force of a period that starts on `from` and lasts `d`: from + d − 1 day, so a one-year
 * ban from 2025-03-10 is in force up to and including 2026-03-09.
 */
export function lastDayOf(from: IsoDate, d: Duration): IsoDate | null {
  const end = addDuration(from, d);
  if (end === null) return null;
  const day = parseDay(end);
  return day === null ? null : formatDay(day - 1);
}

export { parseDay, formatDay, dateProblem };
