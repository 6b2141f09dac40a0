/**
 * Working calendars: which days count as working days in a country. Public holidays are data per country
 * profile (calendars/ARM.json, calendars/KAZ.json, validated by `holidayCalendarSchema`); the working week
 * comes from the country profile (`legal.workingWeek`, 0 = Sunday). Government decisions that move a
 * working day (a Saturday worked in exchange for a bridge day) are dated entries in the same file.
 */
import { z } from 'zod';
import { dayFromCivil, fromDay, isoDateSchema, toDay, weekdayOf, type DayNumber, type IsoDate } from './dates.ts';
import { civilFromDay, daysInMonth } from '../stay/dates.ts';

const names = z.strictObject({ hy: z.string().min(1).optional(), ru: z.string().min(1), en: z.string().min(1), kk: z.string().min(1).optional() });

const recurringHoliday = z
  .strictObject({
    month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31),
    names,
    /** First and last year in which the day is a holiday (inclusive); absent = open. */
    fromYear: z.number().int().min(1900).max(9999).optional(),
    toYear: z.number().int().min(1900).max(9999).optional(),
    /** With `weekendHolidays: next-working-day`: false for holidays that give no substitute day. */
    substitute: z.boolean().default(true),
    basis: z.string().optional(),
  })
  .refine((h) => h.day <= daysInMonth(2024, h.month), { message: 'No such day in that month' })
  .refine((h) => h.fromYear === undefined || h.toYear === undefined || h.fromYear <= h.toYear, { message: 'fromYear is after toYear' });

const datedDay = z.strictObject({
  date: isoDateSchema,
  /** `holiday`: a non-working day this once; `working-day`: a weekend day worked this once. */
  kind: z.enum(['holiday', 'working-day']),
  names: names.optional(),
  basis: z.string().optional(),
});

export const holidayCalendarSchema = z.strictObject({
  country: z.string().regex(/^[A-Z]{3}$/),
  about: z.array(z.string()),
  uncertain: z.array(z.string()),
  sources: z.array(z.string()),
  /** Used when the country profile gives none. */
  defaultWorkingWeek: z.array(z.number().int().min(0).max(6)).min(1),
  /** What happens when a holiday falls on a weekly rest day. */
  weekendHolidays: z.enum(['no-substitute', 'next-working-day']),
  recurring: z.array(recurringHoliday),
  dated: z.array(datedDay),
});
export type HolidayCalendarData = z.input<typeof holidayCalendarSchema>;

/** A compiled calendar: cheap to query, pure (its cache depends only on its data). */
export interface WorkingCalendar {
  readonly country: string;
  readonly workingWeek: readonly number[];
  isWorkingDay(day: DayNumber): boolean;
  /** English name of the holiday on that day, if any. */
  holidayName(day: DayNumber): string | undefined;
}

/** Longest span a single count may walk (ten years), so a bad input cannot loop for long. */
export const MAX_COUNT_DAYS = 3660;

export function buildCalendar(input: HolidayCalendarData, workingWeek?: readonly number[]): WorkingCalendar {
  const data = holidayCalendarSchema.parse(input);
  const week = new Set(workingWeek ?? data.defaultWorkingWeek);
  if (week.size === 0 || [...week].some((d) => !Number.isInteger(d) || d < 0 || d > 6)) {
    throw new Error(`Working week must list days 0 (Sunday) … 6 (Saturday): ${JSON.stringify(workingWeek)}`);
  }
  const extraWorking = new Set<DayNumber>();
  const dated = new Map<DayNumber, string>();
  for (const d of data.dated) {
    if (d.kind === 'working-day') extraWorking.add(toDay(d.date));
    else dated.set(toDay(d.date), d.names?.en ?? 'Non-working day');
  }
  const byYear = new Map<number, Map<DayNumber, string>>();

  /** Base holidays of one year (recurring in force that year, plus dated ones). */
  const base = (year: number): Map<DayNumber, string> => {
    const out = new Map<DayNumber, string>();
    for (const h of data.recurring) {
      if ((h.fromYear !== undefined && year < h.fromYear) || (h.toYear !== undefined && year > h.toYear)) continue;
      if (h.month === 2 && h.day === 29 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0))) continue;
      out.set(dayFromCivil(year, h.month, h.day), h.names.en);
    }
    return out;
  };

  const holidaysOf = (year: number): Map<DayNumber, string> => {
    const cached = byYear.get(year);
    if (cached) return cached;
    const days = new Map<DayNumber, string>();
    const merged = new Map([...base(year - 1), ...base(year)]);
    for (const [d, n] of dated) merged.set(d, n);
    if (data.weekendHolidays === 'next-working-day') {
      // A holiday on a rest day moves the rest day to the next day that is neither a rest day nor a holiday.
      const substitutable = new Set<DayNumber>();
      for (const y of [year - 1, year]) {
        for (const h of data.recurring) {
          if (!h.substitute || (h.fromYear !== undefined && y < h.fromYear) || (h.toYear !== undefined && y > h.toYear)) continue;
          substitutable.add(dayFromCivil(y, h.month, h.day));
        }
      }
      for (const d of [...merged.keys()].sort((a, b) => a - b)) {
        if (!substitutable.has(d) || week.has(weekdayOf(d))) continue;
        let s = d + 1;
        while (!week.has(weekdayOf(s)) || merged.has(s)) s += 1;
        merged.set(s, `${merged.get(d)} (substitute day)`);
      }
    }
    for (const [d, n] of merged) if (civilFromDay(d).year === year) days.set(d, n);
    byYear.set(year, days);
    return days;
  };

  return Object.freeze({
    country: data.country,
    workingWeek: Object.freeze([...week].sort()),
    isWorkingDay(day: DayNumber): boolean {
      if (extraWorking.has(day)) return true;
      if (holidaysOf(civilFromDay(day).year).has(day)) return false;
      return week.has(weekdayOf(day));
    },
    holidayName(day: DayNumber): string | undefined {
      return holidaysOf(civilFromDay(day).year).get(day);
    },
  });
}

export const isWorkingDay = (date: IsoDate, calendar: WorkingCalendar): boolean => calendar.isWorkingDay(toDay(date));

function checkCount(n: number): void {
  if (!Number.isInteger(n) || Math.abs(n) > MAX_COUNT_DAYS) throw new RangeError(`Day count must be an integer within ±${MAX_COUNT_DAYS}: ${n}`);
}

/**
 * The date on which the n-th working day after `date` falls (the start date itself is not counted, as
 * a period runs from the day after the event). n = 0 returns `date`; a negative n counts backwards
 * (the n-th working day before `date`), which is how reminders are placed before a due date.
 */
export function addWorkingDays(date: IsoDate, n: number, calendar: WorkingCalendar): IsoDate {
  checkCount(n);
  let day = toDay(date);
  const step = n < 0 ? -1 : 1;
  let left = Math.abs(n);
  let walked = 0;
  while (left > 0) {
    day += step;
    walked += 1;
    if (walked > MAX_COUNT_DAYS * 2) throw new RangeError('The calendar has too few working days to count that far');
    if (calendar.isWorkingDay(day)) left -= 1;
  }
  return fromDay(day);
}

/**
 * Working days from `from` to `to`: those after `from` up to and including `to`; when `to` is earlier,
 * minus those from `to` up to but excluding `from`. Inverse of addWorkingDays in both directions:
 * workingDaysBetween(d, addWorkingDays(d, n)) = n.
 */
export function workingDaysBetween(from: IsoDate, to: IsoDate, calendar: WorkingCalendar): number {
  const a = toDay(from, 'from');
  const b = toDay(to, 'to');
  if (Math.abs(b - a) > MAX_COUNT_DAYS * 2) throw new RangeError('Dates are too far apart to count working days');
  let count = 0;
  if (a <= b) {
    for (let d = a + 1; d <= b; d += 1) if (calendar.isWorkingDay(d)) count += 1;
    return count;
  }
  for (let d = b; d < a; d += 1) if (calendar.isWorkingDay(d)) count += 1;
  return count === 0 ? 0 : -count;
}

/** `date` when it is a working day, else the next working day. */
export function nextWorkingDay(date: IsoDate, calendar: WorkingCalendar): IsoDate {
  let day = toDay(date);
  for (let i = 0; !calendar.isWorkingDay(day); i += 1) {
    if (i > MAX_COUNT_DAYS) throw new RangeError('No working day found');
    day += 1;
  }
  return fromDay(day);
}

export const holidayName = (date: IsoDate, calendar: WorkingCalendar): string | undefined => calendar.holidayName(toDay(date));
