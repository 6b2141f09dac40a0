/**
 * Pure rules of residence status that live outside the action table: terms, re-application after a
 * refusal, the extension window.
 */
import { addCalendarDays, addYears, type IsoDate } from '../dates.ts';
import type { ResidenceGround, ResidenceKind } from './residence-permit.ts';

/** Term of each status in years (§2.4 [secondary]: temporary 1, permanent 5, special 10). */
export const RESIDENCE_TERM_YEARS: Readonly<Record<ResidenceKind, number>> = { temporary: 1, permanent: 5, special: 10 };

/** Last day of validity of a status granted from `validFrom`: the day before the anniversary. */
export const residenceValidUntil = (kind: ResidenceKind, validFrom: IsoDate): IsoDate => addCalendarDays(addYears(validFrom, RESIDENCE_TERM_YEARS[kind]), -1);

export interface Refusal {
  /** Date of the refusal decision. */
  decidedOn: IsoDate;
  /** Ground of the refused application. */
  ground: ResidenceGround;
}

/**
 * First day on which a refused applicant may apply again (Law on Foreigners art. 20(4), as amended in
 * 2008): after one year, stated in the refusal decision; a person refused temporary status for study may
 * apply again at once, but only for study. The year runs from the day after the decision and ends on the
 * same date a year later, so the first day is the day after that [to confirm the counting rule].
 */
export function reapplyAllowedFrom(refusal: Refusal, newGround: ResidenceGround = refusal.ground): IsoDate {
  if (refusal.ground === 'study' && newGround === 'study') return refusal.decidedOn;
  return addCalendarDays(addYears(refusal.decidedOn, 1), 1);
}

/** Minimum days between an extension application and the expiry of the card (§2.4: "not less than 30 days"). */
export const EXTENSION_NOTICE_DAYS = 30;

/** Last day on which an extension may be applied for: 30 days before the last day of validity. */
export const extensionFilingDeadline = (validUntil: IsoDate): IsoDate => addCalendarDays(validUntil, -EXTENSION_NOTICE_DAYS);

/** Whether an extension applied for on `date` is in time (on or before the filing deadline). */
export const extensionFilingInTime = (validUntil: IsoDate, date: IsoDate): boolean => date <= extensionFilingDeadline(validUntil);
