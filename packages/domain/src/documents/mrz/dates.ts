/**
 * MRZ dates: `YYMMDD` (Part 3 §4.8 / reference §1.9). Unknown parts of a birth date are written `<`.
 *
 * Century policy (Doc 9303 has none; ADR docs/decisions/0101-mrz-century-policy.md):
 *  - Birth date: the latest century that does not put the date after the reference date. Holders aged 100
 *    or more therefore read as infants; the VIZ or the full record must override (documented limitation).
 *  - Expiry / valid-until date: the year in the 100-year window [reference − 69, reference + 30]. Real
 *    validity periods are at most about 10–15 years ahead, and MRZs date from 1980 (Doc 9303 first edition),
 *    so 30 years ahead leaves room for long-validity cards while keeping decades of expired documents
 *    (archive scans) in the right century.
 * The reference date is always a parameter: the domain never reads the clock.
 */

export const EXPIRY_YEARS_AHEAD = 30;

export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export type DateResult =
  | { readonly ok: true; readonly iso: string | null; readonly partial: boolean }
  | { readonly ok: false; readonly message: string };

const pad2 = (n: number): string => String(n).padStart(2, '0');
const pad4 = (n: number): string => String(n).padStart(4, '0');

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function isRealDate(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Parses `YYYY-MM-DD` strictly; null when malformed or not a calendar date. */
export function parseIsoDate(text: string): DateParts | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isRealDate(year, month, day) ? { year, month, day } : null;
}

export function toIso(d: DateParts): string {
  return `${pad4(d.year)}-${pad2(d.month)}-${pad2(d.day)}`;
}

/** -1, 0, 1 comparing dates field by field (avoids time zones entirely). */
export function compareDates(a: DateParts, b: DateParts): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

/** A two-character part: a number, `unknown` for `<<`, or `invalid` (a mix, or a non-digit). */
function part(text: string): number | 'unknown' | 'invalid' {
  if (text === '<<') return 'unknown';
  return /^\d\d$/.test(text) ? Number(text) : 'invalid';
}

/** Birth date with the century policy above; unknown parts are left out of the ISO string. */
export function parseBirthDate(raw: string, ref: DateParts): DateResult {
  const [yy, mm, dd] = [part(raw.slice(0, 2)), part(raw.slice(2, 4)), part(raw.slice(4, 6))];
  if (raw.length !== 6 || yy === 'invalid' || mm === 'invalid' || dd === 'invalid') {
    return { ok: false, message: `"${raw}" is not YYMMDD (digits, or "<<" for an unknown part)` };
  }
  if (mm !== 'unknown' && (mm < 1 || mm > 12)) return { ok: false, message: `month ${pad2(mm)} out of range` };
  if (dd !== 'unknown' && (dd < 1 || dd > 31)) return { ok: false, message: `day ${pad2(dd)} out of range` };
  const partial = yy === 'unknown' || mm === 'unknown' || dd === 'unknown';
  // A date with an unknown year cannot be written as an ISO prefix: null, but still well-formed.
  if (yy === 'unknown') return { ok: true, iso: null, partial };
  let year = Math.floor(ref.year / 100) * 100 + yy;
  const probe = { year, month: mm === 'unknown' ? 1 : mm, day: mm === 'unknown' || dd === 'unknown' ? 1 : dd };
  if (compareDates(probe, ref) > 0) year -= 100;
  if (mm === 'unknown') return { ok: true, iso: pad4(year), partial };
  if (dd === 'unknown') return { ok: true, iso: `${pad4(year)}-${pad2(mm)}`, partial };
  if (!isRealDate(year, mm, dd)) return { ok: false, message: `${toIso({ year, month: mm, day: dd })} is not a calendar date` };
  return { ok: true, iso: toIso({ year, month: mm, day: dd }), partial };
}

/** Expiry / valid-until date: complete dates only, year in [ref − 69, ref + 30]. */
export function parseExpiryDate(raw: string, ref: DateParts): DateResult {
  if (!/^\d{6}$/.test(raw)) return { ok: false, message: `"${raw}" is not YYMMDD (expiry dates have no unknown parts)` };
  const [yy, month, day] = [Number(raw.slice(0, 2)), Number(raw.slice(2, 4)), Number(raw.slice(4, 6))];
  const top = ref.year + EXPIRY_YEARS_AHEAD;
  const year = top - ((((top - yy) % 100) + 100) % 100);
  if (!isRealDate(year, month, day)) {
    return { ok: false, message: `${pad4(year)}-${pad2(month)}-${pad2(day)} is not a calendar date` };
  }
  return { ok: true, iso: toIso({ year, month, day }), partial: false };
}

/**
 * Writes a date as the MRZ `YYMMDD`. Accepts `YYYY-MM-DD`, or for birth dates `YYYY-MM`, `YYYY` and null
 * (unknown parts become `<`). Returns null on a malformed or impossible date.
 */
export function formatMrzDate(value: string | null, allowPartial: boolean): string | null {
  if (value === null) return allowPartial ? '<<<<<<' : null;
  const full = parseIsoDate(value);
  if (full) return `${pad2(full.year % 100)}${pad2(full.month)}${pad2(full.day)}`;
  if (!allowPartial) return null;
  const m = /^(\d{4})(?:-(\d{2}))?$/.exec(value);
  if (!m) return null;
  const month = m[2] === undefined ? null : Number(m[2]);
  if (month !== null && (month < 1 || month > 12)) return null;
  return `${pad2(Number(m[1]) % 100)}${month === null ? '<<' : pad2(month)}<<`;
}
