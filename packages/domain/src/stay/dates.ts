/**
 * Calendar days as integers. Stay rules count calendar days at the crossing point (domain reference
 * §2.2: entry and exit days both count), so there is no time of day and no time zone: a date is the
 * number of days since 1970-01-01 in the proleptic Gregorian calendar. Integer arithmetic (Howard
 * Hinnant's days_from_civil) rather than `Date`, so the domain never depends on the host's zone.
 */

/** Day number of a validated ISO date. */
export type DayNumber = number;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Earliest and latest dates accepted: the four-digit years of ISO 8601 without extension. */
export const MIN_DATE = '0001-01-01';
export const MAX_DATE = '9999-12-31';

export const isLeapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** Days since 1970-01-01 of a (valid) civil date. */
export function dayFromCivil(y: number, m: number, d: number): DayNumber {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Inverse of dayFromCivil. */
export function civilFromDay(day: DayNumber): { year: number; month: number; day: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp + (mp < 10 ? 3 : -9);
  return { year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d };
}

/** Why a string is not an accepted date, or null when it is one. Messages are English fallbacks. */
export function dateProblem(text: unknown): string | null {
  if (typeof text !== 'string') return 'Expected a date string YYYY-MM-DD';
  const m = ISO_DATE.exec(text);
  if (!m) return `"${text.slice(0, 40)}" is not a date in the form YYYY-MM-DD (no time, no time zone)`;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1) return `${text} is outside the accepted range ${MIN_DATE}..${MAX_DATE}`;
  if (mo < 1 || mo > 12) return `${text} has no month ${m[2]}`;
  if (d < 1 || d > daysInMonth(y, mo)) return `${text} is not a calendar date (month ${m[2]} of ${m[1]} has ${daysInMonth(y, mo)} days)`;
  return null;
}

/** Value of the digit at position i, or -1. */
function digit(text: string, i: number): number {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/**
 * Parses YYYY-MM-DD; null when not a real calendar date (2023-02-29, 2024-13-01, 2024-1-1, …).
 * Hand-rolled rather than a regular expression: it runs for every movement of every traveller.
 */
export function parseDay(text: string): DayNumber | null {
  if (typeof text !== 'string' || text.length !== 10 || text.charCodeAt(4) !== 45 || text.charCodeAt(7) !== 45) return null;
  const a = digit(text, 0);
  const b = digit(text, 1);
  const c = digit(text, 2);
  const e = digit(text, 3);
  const f = digit(text, 5);
  const g = digit(text, 6);
  const h = digit(text, 8);
  const k = digit(text, 9);
  if ((a | b | c | e | f | g | h | k) < 0) return null;
  const y = a * 1000 + b * 100 + c * 10 + e;
  const m = f * 10 + g;
  const d = h * 10 + k;
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return dayFromCivil(y, m, d);
}

const pad = (n: number, w: number) => String(n).padStart(w, '0');

export function formatDay(day: DayNumber): string {
  const c = civilFromDay(day);
  return `${pad(c.year, 4)}-${pad(c.month, 2)}-${pad(c.day, 2)}`;
}

export const MIN_DAY: DayNumber = dayFromCivil(1, 1, 1);
export const MAX_DAY: DayNumber = dayFromCivil(9999, 12, 31);

/** 1 January of the day's year (the calendar-year window start). */
export function yearStart(day: DayNumber): DayNumber {
  return dayFromCivil(civilFromDay(day).year, 1, 1);
}

/** 1 January of the year after the day's year. */
export function nextYearStart(day: DayNumber): DayNumber {
  return dayFromCivil(civilFromDay(day).year + 1, 1, 1);
}
