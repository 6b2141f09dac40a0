/**
 * Period codes of the statistics API (ADR 0601): `2026-11-22` day, `2026-W47` ISO week, `2026-11`
 * month, `2026-Q4` quarter, `2026` year. The dashboard needs the days a period covers (drill-down into
 * it), the list of periods of a range (so a period without crossings shows as 0, not as a gap) and the
 * next finer grain. Plain UTC date arithmetic: no time zones are involved, a period is a set of dates.
 */
export const GRAINS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type Grain = (typeof GRAINS)[number];

const DAY_MS = 86_400_000;
const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const toDay = (y: number, m: number, d: number) => Math.floor(Date.UTC(y, m - 1, d) / DAY_MS);
export function formatDay(day: number): string {
  const d = new Date(day * DAY_MS);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}
export function parseDate(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = toDay(y, mo, d);
  return formatDay(day) === text ? day : null;
}

/** Monday of ISO week 1 of `year`: the week that holds 4 January. */
function isoWeekOne(year: number): number {
  const jan4 = toDay(year, 1, 4);
  const weekday = (new Date(jan4 * DAY_MS).getUTCDay() + 6) % 7; // 0 = Monday
  return jan4 - weekday;
}

function isoWeekOf(day: number): { year: number; week: number } {
  const weekday = (new Date(day * DAY_MS).getUTCDay() + 6) % 7;
  const thursday = day - weekday + 3;
  const year = new Date(thursday * DAY_MS).getUTCFullYear();
  return { year, week: Math.floor((thursday - isoWeekOne(year)) / 7) + 1 };
}

/** The grain a period code is written in, or null when it is not a period code. */
export function grainOf(code: string): Grain | null {
  if (/^\d{4}-\d{2}-\d{2}$/.test(code)) return 'day';
  if (/^\d{4}-W\d{2}$/.test(code)) return 'week';
  if (/^\d{4}-\d{2}$/.test(code)) return 'month';
  if (/^\d{4}-Q[1-4]$/.test(code)) return 'quarter';
  if (/^\d{4}$/.test(code)) return 'year';
  return null;
}

/** First and last day (YYYY-MM-DD, inclusive) of a period; null for a code that is not a period. */
export function periodRange(code: string): { from: string; to: string } | null {
  const grain = grainOf(code);
  const year = Number(code.slice(0, 4));
  let first: number;
  let last: number;
  switch (grain) {
    case null:
      return null;
    case 'day': {
      const d = parseDate(code);
      if (d === null) return null;
      first = last = d;
      break;
    }
    case 'week': {
      const week = Number(code.slice(6));
      if (week < 1 || week > isoWeekOf(toDay(year, 12, 28)).week) return null;
      first = isoWeekOne(year) + (week - 1) * 7;
      last = first + 6;
      break;
    }
    case 'month': {
      const month = Number(code.slice(5));
      if (month < 1 || month > 12) return null;
      first = toDay(year, month, 1);
      last = toDay(year, month + 1, 1) - 1;
      break;
    }
    case 'quarter': {
      const q = Number(code.slice(6));
      first = toDay(year, q * 3 - 2, 1);
      last = toDay(year, q * 3 + 1, 1) - 1;
      break;
    }
    case 'year':
      first = toDay(year, 1, 1);
      last = toDay(year + 1, 1, 1) - 1;
      break;
  }
  return { from: formatDay(first), to: formatDay(last) };
}

/** The period of `grain` that holds a day. */
export function periodOf(day: number, grain: Grain): string {
  const d = new Date(day * DAY_MS);
  const y = pad(d.getUTCFullYear(), 4);
  const m = d.getUTCMonth() + 1;
  switch (grain) {
    case 'day':
      return formatDay(day);
    case 'week': {
      const w = isoWeekOf(day);
      return `${pad(w.year, 4)}-W${pad(w.week)}`;
    }
    case 'month':
      return `${y}-${pad(m)}`;
    case 'quarter':
      return `${y}-Q${Math.ceil(m / 3)}`;
    case 'year':
      return y;
  }
}

/** Every period of `grain` touched by [from, to], in order; at most `limit` (a guard for bad input). */
export function periodsBetween(from: string, to: string, grain: Grain, limit = 2000): string[] {
  const a = parseDate(from);
  const b = parseDate(to);
  if (a === null || b === null) return [];
  const out: string[] = [];
  let day = a;
  while (day <= b && out.length < limit) {
    const code = periodOf(day, grain);
    out.push(code);
    day = parseDate(periodRange(code)!.to)! + 1;
  }
  return out;
}

/** The grain a drill-down into one period shows (a day cannot be drilled into). */
export function finerGrain(grain: Grain): Grain | null {
  switch (grain) {
    case 'year':
      return 'quarter';
    case 'quarter':
      return 'month';
    case 'month':
    case 'week':
      return 'day';
    case 'day':
      return null;
  }
}
