/**
 * Consent as the case records it: who consented, to what (scope), for which purpose, to whom, until
 * when. A consent counts on a day when it was recorded on or before that day, has not expired and has not
 * been withdrawn.
 */
import type { IsoDate } from './dates.ts';
import type { CaseState, ConsentRecord } from './state.ts';

export interface ConsentNeed {
  scope: string;
  /** When given, the consent's purpose must be exactly this. */
  purpose?: string;
  /** When given, the consent must name this recipient or name none. */
  recipient?: string;
}

export const consentValidOn = (c: ConsentRecord, date: IsoDate): boolean => c.withdrawnOn === null && c.recordedOn <= date && date <= c.validUntil;

export function findConsent(state: Pick<CaseState, 'consents'>, need: ConsentNeed, date: IsoDate): ConsentRecord | undefined {
  return state.consents.findLast(
    (c) =>
      consentValidOn(c, date) &&
      c.scope === need.scope &&
      (need.purpose === undefined || c.purpose === need.purpose) &&
      (need.recipient === undefined || c.recipients.length === 0 || c.recipients.includes(need.recipient)),
  );
}
