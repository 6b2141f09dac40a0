import type { FieldIssue } from '../kernel/errors.ts';
import { RESIDENCE_TERM_YEARS, VISA_LIMITS, groundOf, type ResidenceKind, type VisaEntries, type VisaType } from './codes.ts';

/** ISO date arithmetic on calendar days (UTC, no time zone: these are legal dates). */
const DAY = 86_400_000;
const toMs = (d: string) => Date.parse(`${d}T00:00:00Z`);
export const addDays = (d: string, n: number): string => new Date(toMs(d) + n * DAY).toISOString().slice(0, 10);
export const daysBetween = (a: string, b: string): number => Math.round((toMs(b) - toMs(a)) / DAY);

/** Same day `years` later (29 February falls back to 28 February). */
export function addYears(d: string, years: number): string {
  const [y, m, day] = d.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y + years, m - 1, day));
  if (target.getUTCMonth() !== m - 1) target.setUTCDate(0);
  return target.toISOString().slice(0, 10);
}

/** The last day of a status granted on `from`: the term of its kind (§2.4), the day before the anniversary. */
export const residenceValidTo = (kind: ResidenceKind, from: string): string => addDays(addYears(from, RESIDENCE_TERM_YEARS[kind]), -1);

/** The ground must found the status kind (e.g. study founds only temporary residence). */
export function checkGround(kind: ResidenceKind, ground: string): FieldIssue | null {
  const g = groundOf(ground);
  if (!g) return { field: 'ground', code: 'RESIDENCE.UNKNOWN_GROUND', message: `Unknown ground "${ground}"` };
  if (!g.kinds.includes(kind)) return { field: 'ground', code: 'RESIDENCE.GROUND_NOT_FOR_KIND', message: `The ground "${ground}" does not found ${kind} residence` };
  return null;
}

export interface Reapplication {
  allowed: boolean;
  /** The first day a new application may be filed (null when there is no waiting time). */
  earliest: string | null;
}

/**
 * Law on Foreigners art. 20(4): after a refusal the foreigner may apply again one year after the refusal,
 * except when the application is for study, which may be filed at once.
 */
export function reapplication(input: { refusedOn: string; ground: string; applyingOn: string }): Reapplication {
  if (input.ground === 'study') return { allowed: true, earliest: null };
  const earliest = addYears(input.refusedOn, 1);
  return { allowed: input.applyingOn >= earliest, earliest };
}

export interface ExtensionCheck {
  allowed: boolean;
  /** The last day an extension may be filed: 30 days before expiry. */
  latestFilingDay: string;
  code: 'ok' | 'RESIDENCE.EXTENSION_TOO_LATE' | 'RESIDENCE.STATUS_EXPIRED';
}

/** §2.4: an extension of temporary residence is filed at least 30 days before the status expires. */
export function extensionCheck(input: { validTo: string; filedOn: string }): ExtensionCheck {
  const latestFilingDay = addDays(input.validTo, -30);
  if (input.filedOn > input.validTo) return { allowed: false, latestFilingDay, code: 'RESIDENCE.STATUS_EXPIRED' };
  if (input.filedOn > latestFilingDay) return { allowed: false, latestFilingDay, code: 'RESIDENCE.EXTENSION_TOO_LATE' };
  return { allowed: true, latestFilingDay, code: 'ok' };
}

export interface VisaFacts {
  type: VisaType;
  validFrom: string;
  validTo: string;
  stayDays: number;
  entries: VisaEntries;
}

/** Checks a visa against the limits of its type (§2.3); field problems, empty when valid. */
export function checkVisa(v: VisaFacts): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const limits = VISA_LIMITS[v.type];
  if (v.validTo < v.validFrom) issues.push({ field: 'validTo', code: 'RESIDENCE.VALIDITY_ORDER', message: 'The visa must not end before it starts' });
  else if (limits.maxValidityDays !== null && daysBetween(v.validFrom, v.validTo) + 1 > limits.maxValidityDays) {
    issues.push({ field: 'validTo', code: 'RESIDENCE.VALIDITY_TOO_LONG', message: `A ${v.type} visa is valid for at most ${limits.maxValidityDays} days` });
  }
  if (!Number.isInteger(v.stayDays) || v.stayDays < 1) issues.push({ field: 'stayDays', code: 'RESIDENCE.STAY_INVALID', message: 'The duration of stay is a whole number of days, at least 1' });
  else if (limits.stayOptions && !limits.stayOptions.includes(v.stayDays)) {
    issues.push({ field: 'stayDays', code: 'RESIDENCE.STAY_NOT_OFFERED', message: `A ${v.type} visa allows ${limits.stayOptions.join(' or ')} days of stay` });
  } else if (limits.maxStayDays !== null && v.stayDays > limits.maxStayDays) {
    issues.push({ field: 'stayDays', code: 'RESIDENCE.STAY_TOO_LONG', message: `A ${v.type} visa allows at most ${limits.maxStayDays} days per stay` });
  }
  return issues;
}

/** A visa or status is in force on `date` when it is not withdrawn and the date is within its validity. */
export const inForce = (r: { validFrom: string; validTo: string; withdrawn: boolean }, date: string): boolean => !r.withdrawn && r.validFrom <= date && date <= r.validTo;
