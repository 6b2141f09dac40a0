/**
 * Test helpers: actors, valid payloads for any action of any case type, and a driver that interprets
 * random numbers as a sequence of commands (so fast-check can shrink a failing path).
 */
import { calendarFor } from '../calendars/index.ts';
import type { CaseType } from '../case-type.ts';
import { addCalendarDays, type IsoDate } from '../dates.ts';
import type { ActionSpec, FieldSpec } from '../definition.ts';
import { CONSENT_OVERRIDE_PERMISSION } from '../generic-actions.ts';
import type { CaseActor, CaseContext, CaseState } from '../state.ts';

export const ARM = calendarFor('ARM');
export const ctx: CaseContext = { calendar: ARM };
export const AGENCIES = ['MCS', 'MOLSA', 'POLICE'] as const;
export const PROVIDERS = ['ngo-1', 'ngo-2'] as const;
export const PURPOSES = ['legal-aid', 'shelter'] as const;
export const SHA = 'a'.repeat(64);

export const actor = (roles: string[], agencyId = 'MCS', id = 'u1', permissions: string[] = []): CaseActor => ({ id, agencyId, roles, permissions });

/** Every role any action of the type names, plus one no action names. */
export const rolesOf = (type: CaseType): string[] => [...new Set(type.definition.actions.flatMap((a) => a.roles)), 'auditor'];

function fieldValue(f: FieldSpec, n: number, date: IsoDate): unknown {
  switch (f.type) {
    case 'string':
      return `${f.name}-${n % 5}`;
    case 'text':
      return `Text ${n}`;
    case 'date':
      return addCalendarDays(date, 40 + (n % 400));
    case 'integer':
      return 1 + (n % 1000);
    case 'number':
      return n / 7;
    case 'boolean':
      return n % 2 === 0;
    case 'enum':
      return f.values?.[n % f.values.length];
    case 'code':
      return ['ARM', 'RUS', 'IRN', 'A-1'][n % 4];
    case 'string-list':
      return [`item-${n % 3}`];
  }
}

/** A payload that satisfies the fields and the effect's own rules (as far as the state allows). */
export function validPayload(type: CaseType, state: CaseState, spec: ActionSpec, n: number, date: IsoDate): Record<string, unknown> {
  const p: Record<string, unknown> = {};
  for (const f of spec.fields) if (f.required || n % 3 === 0) p[f.name] = fieldValue(f, n + f.name.length, date);
  switch (spec.effect) {
    case 'assign':
    case 'reassign':
      p.assigneeId = ['u1', 'u2', 'u3'].filter((u) => u !== state.assignee)[n % 2];
      break;
    case 'transfer-request':
      p.toAgencyId = AGENCIES.filter((a) => a !== state.agencyId)[n % 2];
      break;
    case 'consent':
      Object.assign(p, { scope: 'referral', purpose: PURPOSES[n % 2], recipients: n % 4 < 2 ? [] : [PROVIDERS[n % 2]] });
      break;
    case 'consent-withdraw':
      p.consentId = state.consents.find((c) => c.withdrawnOn === null)?.id ?? 'consent-999';
      break;
    case 'referral':
      Object.assign(p, { providerId: PROVIDERS[n % 2], purpose: PURPOSES[(n >> 1) % 2] });
      break;
    case 'attachment':
      Object.assign(p, { name: 'scan.pdf', mediaType: 'application/pdf', size: 1000 + n, sha256: SHA });
      break;
    case 'decision': {
      const d = spec.decision;
      const outcome = d?.outcome ?? d?.outcomes?.[n % d.outcomes.length];
      if (d?.outcomes) p.outcome = outcome;
      const bases = type.definition.legalBases.filter((b) => (!d?.legalBases || d.legalBases.includes(b.code)) && (!b.outcomes || b.outcomes.includes(String(outcome))));
      p.legalBasis = bases[n % bases.length]?.code;
      break;
    }
    default:
      break;
  }
  return p;
}

export type PayloadMode = 'valid' | 'drop-required' | 'unknown-field' | 'wrong-type';

/** A valid payload spoiled the way `mode` says (when the action has something to spoil). */
export function spoil(spec: ActionSpec, payload: Record<string, unknown>, mode: PayloadMode, n: number): Record<string, unknown> {
  const out = { ...payload };
  const required = spec.fields.filter((f) => f.required).map((f) => f.name);
  if (spec.effect === 'decision') required.push('legalBasis');
  if (mode === 'drop-required' && required.length > 0) delete out[required[n % required.length] as string];
  if (mode === 'unknown-field') out.notAField = 'x';
  if (mode === 'wrong-type' && required.length > 0) out[required[n % required.length] as string] = { nested: true };
  return out;
}

export { CONSENT_OVERRIDE_PERMISSION };
