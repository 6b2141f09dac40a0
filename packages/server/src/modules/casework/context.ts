/**
 * What casework needs from its surroundings: the office's calendar date (profile time zone), the
 * country's holiday calendar, and the case actor the domain sees (roles and permissions resolved from
 * the access vocabulary for one case).
 */
import { access } from '@kamurj/domain';
import { toLocalDateTime } from '@kamurj/domain/border';
import { calendarFor, CONSENT_OVERRIDE_PERMISSION, type CaseActor, type CaseContext, type WorkingCalendar } from '@kamurj/domain/casework';
import type { AppDeps } from '../../app-deps.ts';
import type { AuthContext } from '../../http/auth-context.ts';
import { loadProfile, type CountryProfile } from '../../profiles/profile.ts';

const profiles = new Map<string, { profile: CountryProfile; calendar: WorkingCalendar }>();

function countryOf(country: string) {
  let c = profiles.get(country);
  if (!c) {
    const profile = loadProfile(country);
    c = { profile, calendar: calendarFor(profile.country, profile.legal.workingWeek) };
    profiles.set(country, c);
  }
  return c;
}

/** The calendar date at the office (the profile's time zone) for an instant. */
export function officeDate(deps: AppDeps, at: Date = deps.clock.now()): string {
  const { profile } = countryOf(deps.config.country);
  return toLocalDateTime(at.getTime(), profile.timezone)?.date ?? at.toISOString().slice(0, 10);
}

export const calendarOf = (deps: AppDeps): WorkingCalendar => countryOf(deps.config.country).calendar;

export const caseContext = (deps: AppDeps, asOf?: string): CaseContext => ({ calendar: calendarOf(deps), ...(asOf ? { asOf } : {}) });

/** The access target of a case: its owning agency and jurisdiction. */
export interface CaseTarget {
  agencyId: string;
  jurisdictionPath: string;
}

/**
 * The actor as the casework domain sees it on one case: its access roles, plus `case_supervisor` when it
 * may supervise this case, and the consent-override permission when it holds it here (ADR 0402).
 */
export function caseActor(auth: AuthContext, target: CaseTarget): CaseActor {
  const roles: string[] = [...auth.actor.roles];
  if (access.can(auth.actor, 'cases.supervise', target)) roles.push('case_supervisor');
  const permissions = access.can(auth.actor, 'cases.referral.override_consent', target) ? [CONSENT_OVERRIDE_PERMISSION] : [];
  return { id: auth.actor.id, agencyId: auth.agencyCode, roles, permissions };
}

/**
 * The access actions that allow a domain action, by its effect (any one suffices): assignment and
 * transfers have their own; everything else is case work, which a supervisor may also do.
 */
export function accessActionsFor(effect: string): access.Action[] {
  switch (effect) {
    case 'assign':
    case 'reassign':
      return ['cases.assign'];
    case 'transfer-request':
    case 'transfer-accept':
    case 'transfer-refuse':
      return ['cases.transfer'];
    default:
      return ['cases.write', 'cases.supervise'];
  }
}

export const mayRecord = (auth: AuthContext, effect: string, target: CaseTarget): boolean => accessActionsFor(effect).some((a) => access.can(auth.actor, a, target));
