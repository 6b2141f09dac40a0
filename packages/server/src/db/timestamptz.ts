import pg from 'pg';

/**
 * The `timestamptz` columns of PostgreSQL's text format, read as `Date`s (ADR 0523). The driver's parser
 * (`postgres-date`) runs three regular expressions on every value, one of them with a lazy wildcard that
 * backtracks. A crossing reads about thirty such values (its candidates' and history rows' times), and
 * that parse was a visible part of the event loop's profile. This one reads the format PostgreSQL writes
 * with `DateStyle` ISO, `YYYY-MM-DD HH:MM:SS[.ffffff]±HH[:MM]`, at fixed positions and computes the same
 * expression as the driver's parser. Anything else (years before 1000 or after 9999, BC, `infinity`, an
 * offset with seconds, another `DateStyle`) goes to the driver's parser, so the answer is always the same.
 */
const TIMESTAMPTZ = pg.types.builtins.TIMESTAMPTZ;

/** The driver's own parser (postgres-date): what parseTimestamptz answers like, and falls back to. */
export const driverTimestamptz = pg.types.getTypeParser(TIMESTAMPTZ, 'text') as (value: string) => Date | number | null;

/** Two or four decimal digits at `at`, or −1. */
function digits(s: string, at: number, count: 2 | 4): number {
  let v = 0;
  for (let i = at; i < at + count; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return -1;
    v = v * 10 + d;
  }
  return v;
}

export function parseTimestamptz(s: string): Date | number | null {
  const n = s.length;
  // '-' '-' ' ' ':' ':' at their places; the shortest is 'YYYY-MM-DD HH:MM:SS+HH' (22).
  if (n < 22 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45 || s.charCodeAt(10) !== 32 || s.charCodeAt(13) !== 58 || s.charCodeAt(16) !== 58) return driverTimestamptz(s);
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  const second = digits(s, 17, 2);
  // Years 0–99 would need the driver's correction (Date.UTC reads them as 1900–1999).
  if (year < 1000 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) return driverTimestamptz(s);
  let i = 19;
  let ms = 0;
  if (s.charCodeAt(i) === 46) {
    let j = i + 1;
    while (j < n && s.charCodeAt(j) >= 48 && s.charCodeAt(j) <= 57) j++;
    if (j === i + 1) return driverTimestamptz(s);
    // As the driver computes it: Date.UTC truncates the fraction of a millisecond.
    ms = 1000 * Number.parseFloat(s.slice(i, j));
    i = j;
  }
  const sign = s.charCodeAt(i);
  if (sign !== 43 && sign !== 45) return driverTimestamptz(s);
  const offsetHours = digits(s, i + 1, 2);
  if (offsetHours < 0) return driverTimestamptz(s);
  let offsetMinutes = 0;
  const end = i + 3;
  if (end !== n) {
    if (end + 3 !== n || s.charCodeAt(end) !== 58) return driverTimestamptz(s);
    offsetMinutes = digits(s, end + 1, 2);
    if (offsetMinutes < 0) return driverTimestamptz(s);
  }
  const offset = (sign === 45 ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60) * 1000;
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second, ms) - offset);
}

/** The driver's type parsers with `timestamptz` (text) read by parseTimestamptz: a connection pool's `types`. */
export const TYPES = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === TIMESTAMPTZ && format !== 'binary') return parseTimestamptz;
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;
