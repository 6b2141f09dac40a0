/**
 * Private employment agencies (ADR 0701): a registration with a standing that follows from its sanctions.
 * A revocation ends the registration; a suspension in force suspends it; warnings and fines do not change
 * the standing. Pure: the server stores the sanctions, this decides what the public list shows.
 */
export const SANCTION_KINDS = ['warning', 'fine', 'suspension', 'revocation'] as const;
export type SanctionKind = (typeof SANCTION_KINDS)[number];
export const INSPECTION_RESULTS = ['compliant', 'minor_breaches', 'serious_breaches'] as const;
export type InspectionResult = (typeof INSPECTION_RESULTS)[number];
export const COMPLAINT_STATES = ['open', 'upheld', 'dismissed'] as const;
export type ComplaintState = (typeof COMPLAINT_STATES)[number];
export const NOTICE_KINDS = ['termination', 'hire', 'change'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export type Standing = 'registered' | 'suspended' | 'revoked';

export interface SanctionFact {
  kind: SanctionKind;
  from: string;
  to: string | null;
}

export function agencyStanding(sanctions: readonly SanctionFact[], date: string): Standing {
  if (sanctions.some((s) => s.kind === 'revocation' && s.from <= date)) return 'revoked';
  if (sanctions.some((s) => s.kind === 'suspension' && s.from <= date && (s.to === null || date <= s.to))) return 'suspended';
  return 'registered';
}

/** A suspension needs its end date; a fine its amount; other kinds neither. */
export function checkSanction(s: { kind: SanctionKind; from: string; to: string | null; amount: number | null }): { field: string; code: string; message: string }[] {
  const out: { field: string; code: string; message: string }[] = [];
  if (s.kind === 'suspension' && !s.to) out.push({ field: 'to', code: 'WORK.SUSPENSION_END_REQUIRED', message: 'A suspension needs an end date' });
  if (s.to && s.to < s.from) out.push({ field: 'to', code: 'WORK.DATE_ORDER', message: 'The end is before the start' });
  if (s.kind === 'fine' && (s.amount === null || s.amount <= 0)) out.push({ field: 'amount', code: 'WORK.FINE_AMOUNT_REQUIRED', message: 'A fine needs a positive amount' });
  return out;
}
