/**
 * Partial birth dates (YYYY, YYYY-MM, YYYY-MM-DD) and their comparison levels. Partial dates are the
 * norm in migration data: documents of some states carry only a year, and unknown parts are often
 * entered as a year alone.
 */
import type { DateLevel } from './weights.ts';

export interface PartialDate {
  readonly year: number;
  readonly month?: number;
  readonly day?: number;
}

const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function allDigits(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 48 || c > 57) return false;
  }
  return s.length > 0;
}

/** Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD`; null when malformed or not a calendar date. */
export function parsePartialDate(text: string): PartialDate | null {
  const parts = text.trim().split('-');
  if (parts.length > 3) return null;
  const [y = '', m, d] = parts;
  if (y.length !== 4 || !allDigits(y)) return null;
  const year = Number(y);
  if (year < 1800 || year > 2200) return null;
  if (m === undefined) return { year };
  if (m.length !== 2 || !allDigits(m)) return null;
  const month = Number(m);
  if (month < 1 || month > 12) return null;
  if (d === undefined) return { year, month };
  if (d.length !== 2 || !allDigits(d)) return null;
  const day = Number(d);
  const max = month === 2 && !isLeap(year) ? 28 : (DAYS_IN_MONTH[month - 1] ?? 31);
  if (day < 1 || day > max) return null;
  return { year, month, day };
}

/** Components both dates know agree (undefined on either side agrees with anything). */
function agrees(a: number | undefined, b: number | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

/** Comparison level of two birth dates (symmetric). */
export function compareBirthDates(a: PartialDate | undefined, b: PartialDate | undefined): DateLevel {
  if (!a || !b) return 'missing';
  const full = a.day !== undefined && b.day !== undefined;
  if (a.year === b.year) {
    if (agrees(a.month, b.month) && agrees(a.day, b.day)) {
      return full && a.month === b.month ? 'exact' : 'compatible';
    }
    if (full && a.day === b.month && a.month === b.day) return 'swapped_day_month';
    return 'same_year_only';
  }
  if (Math.abs(a.year - b.year) === 1 && agrees(a.month, b.month) && agrees(a.day, b.day)) {
    return 'year_off_by_one';
  }
  return 'mismatch';
}

export function formatPartialDate(d: PartialDate): string {
  const p2 = (n: number) => String(n).padStart(2, '0');
  return d.month === undefined ? `${d.year}` : d.day === undefined ? `${d.year}-${p2(d.month)}` : `${d.year}-${p2(d.month)}-${p2(d.day)}`;
}
