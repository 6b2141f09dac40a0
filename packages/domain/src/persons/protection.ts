/**
 * Protected categories and the second access gate (ADR 0301). Pure: the date of the check is a parameter.
 * Victims of trafficking, asylum seekers and minors are never merged automatically and are shown masked
 * to users without `persons.sensitive.read` unless they break the glass.
 */
import { parsePartialDate } from '../names/match/dates.ts';
import type { ProtectionFlags } from './types.ts';

export type ProtectionReason = 'trafficking_victim' | 'asylum_seeker' | 'minor';

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

/**
 * Under 18 on `today` (YYYY-MM-DD), or possibly so: a partial birth date counts with its latest possible
 * day (born "2008" is treated as possibly a minor until 2026-12-31). Unknown birth date: not a minor (the
 * flag cannot be derived; record the person's protection explicitly).
 */
export function isPossiblyMinor(birthDate: string | null | undefined, today: string): boolean {
  if (!birthDate) return false;
  const d = parsePartialDate(birthDate);
  if (!d) return false;
  const month = d.month ?? 12;
  const day = d.day ?? lastDay(d.year, month);
  // The 18th birthday as text; comparing strings works for dates, including 29 February.
  return today < `${d.year + 18}-${pad(month)}-${pad(day)}`;
}

export function protectionReasons(p: { birthDate: string | null; protection: ProtectionFlags }, today: string): ProtectionReason[] {
  const out: ProtectionReason[] = [];
  if (p.protection.traffickingVictim) out.push('trafficking_victim');
  if (p.protection.asylumSeeker) out.push('asylum_seeker');
  if (isPossiblyMinor(p.birthDate, today)) out.push('minor');
  return out;
}

export const isProtected = (p: { birthDate: string | null; protection: ProtectionFlags }, today: string) => protectionReasons(p, today).length > 0;

export type AutoMergeVerdict = 'merge' | 'below_threshold' | 'protected';

/**
 * Automatic merge only at or above the configured threshold (default 1.01: never) and never when either
 * record is in a protected category: those pairs always go to a person for review.
 */
export function autoMergeVerdict(
  a: { birthDate: string | null; protection: ProtectionFlags },
  b: { birthDate: string | null; protection: ProtectionFlags },
  score: number,
  threshold: number,
  today: string,
): AutoMergeVerdict {
  if (score < threshold) return 'below_threshold';
  if (isProtected(a, today) || isProtected(b, today)) return 'protected';
  return 'merge';
}

/**
 * The second gate, after `can(actor, 'persons.read', target)`: a protected person is shown in full only to
 * holders of `persons.sensitive.read` for the target, or under an unexpired break-the-glass grant.
 */
export function protectedView(input: { protectedPerson: boolean; sensitiveRead: boolean; activeGrant: boolean }): 'full' | 'masked' {
  if (!input.protectedPerson) return 'full';
  return input.sensitiveRead || input.activeGrant ? 'full' : 'masked';
}
