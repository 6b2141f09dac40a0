/**
 * Dimension codes of the statistics (docs/statistics/method.md): SDMX-like codes, with `_U` for
 * unknown. The web app labels these codes (hy/ru/en); crossing points and citizenships are open lists
 * (reference data), so their codes are not listed here.
 */
import { TRANSPORT_MODES } from '../border/crossings/transport.ts';
import { TRAVEL_PURPOSES } from '../border/crossings/crossing.ts';
import { civilFromDay, dayFromCivil, parseDay } from '../stay/dates.ts';
import { UNKNOWN } from './cube.ts';

export const GRAINS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type Grain = (typeof GRAINS)[number];

export const DIMENSIONS = ['direction', 'crossingPoint', 'citizenship', 'citizenGroup', 'sex', 'age5', 'ageBroad', 'transport', 'purpose', 'stayStatus'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const SEX_CODES = ['F', 'M', 'O', UNKNOWN] as const;
/** Five-year groups: Y0T4 … Y80T84, then Y_GE85 (SDMX AGE codelist style). */
export const AGE5_CODES = [...Array.from({ length: 17 }, (_, i) => `Y${i * 5}T${i * 5 + 4}`), 'Y_GE85', UNKNOWN] as const;
/** Broad groups: children, working age, older persons; each is a union of five-year groups. */
export const AGE_BROAD_CODES = ['Y0T14', 'Y15T64', 'Y_GE65', UNKNOWN] as const;
export const CITIZEN_GROUP_CODES = ['CITIZEN', 'FOREIGNER', UNKNOWN] as const;
export const DIRECTION_CODES = ['ENTRY', 'EXIT'] as const;
export const TRANSPORT_CODES = [...TRANSPORT_MODES, UNKNOWN] as const;
export const PURPOSE_CODES = [...TRAVEL_PURPOSES, UNKNOWN] as const;
/** Foreigners present: still within their lawful stay, or past their last lawful day (irregular). */
export const STAY_STATUS_CODES = ['REGULAR', 'IRREGULAR'] as const;

/** Closed code lists (null: an open list from reference data — crossing points, ISO 3166-1 alpha-3). */
export const DIMENSION_CODES: Readonly<Record<Dimension, readonly string[] | null>> = {
  direction: DIRECTION_CODES,
  crossingPoint: null,
  citizenship: null,
  citizenGroup: CITIZEN_GROUP_CODES,
  sex: SEX_CODES,
  age5: AGE5_CODES,
  ageBroad: AGE_BROAD_CODES,
  transport: TRANSPORT_CODES,
  purpose: PURPOSE_CODES,
  stayStatus: STAY_STATUS_CODES,
};

/** Shape of codes in open lists. */
export const OPEN_CODE: Readonly<Record<'crossingPoint' | 'citizenship', RegExp>> = {
  crossingPoint: /^[A-Z0-9][A-Z0-9_-]{1,31}$/,
  citizenship: /^(?:[A-Z]{3}|_U)$/,
};

export function isDimension(v: string): v is Dimension {
  return (DIMENSIONS as readonly string[]).includes(v);
}

export function isValidCode(dim: Dimension, code: string): boolean {
  const list = DIMENSION_CODES[dim];
  if (list) return list.includes(code);
  return OPEN_CODE[dim as 'crossingPoint' | 'citizenship'].test(code);
}

export const sexCode = (sex: string | null | undefined): string => (sex === 'F' || sex === 'M' ? sex : sex === 'X' ? 'O' : UNKNOWN);

export function age5Code(age: number | null): string {
  if (age === null || age < 0) return UNKNOWN;
  return age >= 85 ? 'Y_GE85' : `Y${Math.floor(age / 5) * 5}T${Math.floor(age / 5) * 5 + 4}`;
}

export function ageBroadCode(age: number | null): string {
  if (age === null || age < 0) return UNKNOWN;
  return age < 15 ? 'Y0T14' : age < 65 ? 'Y15T64' : 'Y_GE65';
}

/**
 * A full birth date from a partial one (YYYY, YYYY-MM, YYYY-MM-DD): a missing month is taken as July
 * and a missing day as the 1st of the month (mid-year/the month's start; method.md §Age). null when absent or bad.
 */
export function imputedBirthDay(birth: string | null | undefined): number | null {
  if (!birth) return null;
  if (/^\d{4}$/.test(birth)) return dayFromCivil(Number(birth), 7, 1);
  if (/^\d{4}-\d{2}$/.test(birth)) return parseDay(`${birth}-01`);
  return parseDay(birth);
}

/** Completed years on `day` (day numbers); null when the birth date is unknown. */
export function ageOn(birthDay: number | null, day: number): number | null {
  if (birthDay === null || day < birthDay) return null;
  const b = civilFromDay(birthDay);
  const d = civilFromDay(day);
  return d.year - b.year - (d.month < b.month || (d.month === b.month && d.day < b.day) ? 1 : 0);
}

/** The day the person turns `years` old (29 February births turn on 1 March in common years). */
export function birthdayAt(birthDay: number, years: number): number {
  const b = civilFromDay(birthDay);
  const y = b.year + years;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return b.month === 2 && b.day === 29 && !leap ? dayFromCivil(y, 3, 1) : dayFromCivil(y, b.month, b.day);
}

export const citizenGroupCode = (citizenship: string, country: string): string =>
  citizenship === UNKNOWN ? UNKNOWN : citizenship === country ? 'CITIZEN' : 'FOREIGNER';

export const citizenshipCode = (nationality: string | null | undefined): string => (nationality && /^[A-Z]{3}$/.test(nationality) ? nationality : UNKNOWN);

// ---- periods ----

const MONDAY = dayFromCivil(2024, 1, 1); // a Monday
const pad2 = (n: number) => String(n).padStart(2, '0');

/** ISO 8601 week of a day: the week's year (the year of its Thursday) and number. */
export function isoWeek(day: number): { year: number; week: number } {
  const weekday = (((day - MONDAY) % 7) + 7) % 7; // 0 = Monday
  const thursday = day - weekday + 3;
  const year = civilFromDay(thursday).year;
  return { year, week: Math.floor((thursday - dayFromCivil(year, 1, 1)) / 7) + 1 };
}

/** Period code of a day: 2026-11-22, 2026-W47, 2026-11, 2026-Q4, 2026. */
export function periodCode(day: number, grain: Grain): string {
  const c = civilFromDay(day);
  switch (grain) {
    case 'day':
      return `${c.year}-${pad2(c.month)}-${pad2(c.day)}`;
    case 'week': {
      const w = isoWeek(day);
      return `${w.year}-W${pad2(w.week)}`;
    }
    case 'month':
      return `${c.year}-${pad2(c.month)}`;
    case 'quarter':
      return `${c.year}-Q${Math.ceil(c.month / 3)}`;
    case 'year':
      return String(c.year);
  }
}

/** First day of the period containing `day` (day numbers). */
export function periodStart(day: number, grain: Grain): number {
  const c = civilFromDay(day);
  switch (grain) {
    case 'day':
      return day;
    case 'week':
      return day - ((((day - MONDAY) % 7) + 7) % 7);
    case 'month':
      return dayFromCivil(c.year, c.month, 1);
    case 'quarter':
      return dayFromCivil(c.year, Math.floor((c.month - 1) / 3) * 3 + 1, 1);
    case 'year':
      return dayFromCivil(c.year, 1, 1);
  }
}

/** Last day of the period containing `day`. */
export function periodEnd(day: number, grain: Grain): number {
  const c = civilFromDay(day);
  switch (grain) {
    case 'day':
      return day;
    case 'week':
      return periodStart(day, 'week') + 6;
    case 'month':
      return dayFromCivil(c.month === 12 ? c.year + 1 : c.year, c.month === 12 ? 1 : c.month + 1, 1) - 1;
    case 'quarter': {
      const q = Math.floor((c.month - 1) / 3);
      return q === 3 ? dayFromCivil(c.year + 1, 1, 1) - 1 : dayFromCivil(c.year, q * 3 + 4, 1) - 1;
    }
    case 'year':
      return dayFromCivil(c.year + 1, 1, 1) - 1;
  }
}

/** Every period code of a day given as YYYY-MM-DD (stored next to facts so sums need no date maths). */
export function periodCodes(day: string): Record<Grain, string> {
  const d = parseDay(day);
  if (d === null) throw new RangeError(`Not a date: ${day}`);
  return { day, week: periodCode(d, 'week'), month: day.slice(0, 7), quarter: periodCode(d, 'quarter'), year: day.slice(0, 4) };
}

/** The periods of a grain touched by [from, to] (day numbers, inclusive), in order. */
export function periodsBetween(from: number, to: number, grain: Grain): string[] {
  const out: string[] = [];
  let last = '';
  for (let d = from; d <= to; d++) {
    const p = periodCode(d, grain);
    if (p !== last) out.push((last = p));
  }
  return out;
}

/** Number of periods in [from, to] without listing them (for request limits). */
export function periodCount(from: number, to: number, grain: Grain): number {
  if (to < from) return 0;
  const a = civilFromDay(from);
  const b = civilFromDay(to);
  switch (grain) {
    case 'day':
      return to - from + 1;
    case 'week':
      return Math.floor((to - ((((to - MONDAY) % 7) + 7) % 7) - (from - ((((from - MONDAY) % 7) + 7) % 7))) / 7) + 1;
    case 'month':
      return (b.year - a.year) * 12 + b.month - a.month + 1;
    case 'quarter':
      return (b.year - a.year) * 4 + Math.ceil(b.month / 3) - Math.ceil(a.month / 3) + 1;
    case 'year':
      return b.year - a.year + 1;
  }
}
