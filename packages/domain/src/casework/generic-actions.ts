/**
 * Actions every case type gets, declared once and merged into each definition by `defineCaseType`.
 * Their roles come from the definition (`genericRoles`, or `genericActionRoles[code]`).
 */
import type { ActionSpec, CaseTypeDefinition } from './definition.ts';

/** Permission that lets an actor refer without recorded consent; every use is flagged for the audit. */
export const CONSENT_OVERRIDE_PERMISSION = 'cases.referral.override_consent';

export const GENERIC_ACTION_CODES = [
  'assign',
  'reassign',
  'transfer',
  'accept-transfer',
  'refuse-transfer',
  'record-consent',
  'withdraw-consent',
  'refer',
  'add-note',
  'attach-file',
  'record-decision',
] as const;
export type GenericActionCode = (typeof GENERIC_ACTION_CODES)[number];

type Template = Omit<ActionSpec, 'roles' | 'generic'>;

const text = (name: string, required = true) => ({ name, type: 'text' as const, required, maxLength: 4000 });
const str = (name: string, required = true) => ({ name, type: 'string' as const, required, maxLength: 200 });

export const GENERIC_ACTIONS: readonly Template[] = [
  { code: 'assign', label: 'Assign', from: 'any-open', to: 'same', effect: 'assign', fields: [str('assigneeId')], guards: [] },
  { code: 'reassign', label: 'Reassign', from: 'any-open', to: 'same', effect: 'reassign', fields: [str('assigneeId'), text('reason')], guards: [{ kind: 'assigned' }] },
  { code: 'transfer', label: 'Transfer to another agency', from: 'any-open', to: 'same', effect: 'transfer-request', fields: [str('toAgencyId'), text('reason')], guards: [] },
  { code: 'accept-transfer', label: 'Accept transfer', from: 'any-open', to: 'same', effect: 'transfer-accept', fields: [], guards: [] },
  { code: 'refuse-transfer', label: 'Refuse transfer', from: 'any-open', to: 'same', effect: 'transfer-refuse', fields: [text('reason')], guards: [] },
  {
    code: 'record-consent',
    label: 'Record consent',
    from: 'any-open',
    to: 'same',
    effect: 'consent',
    fields: [
      str('givenBy'),
      { name: 'relationship', type: 'enum', required: true, values: ['self', 'parent', 'guardian', 'legal-representative'] },
      str('scope'),
      str('purpose'),
      { name: 'recipients', type: 'string-list', required: false },
      { name: 'validUntil', type: 'date', required: true },
      str('documentId', false),
    ],
    guards: [],
  },
  { code: 'withdraw-consent', label: 'Withdraw consent', from: 'any-open', to: 'same', effect: 'consent-withdraw', fields: [str('consentId'), text('reason', false)], guards: [] },
  {
    code: 'refer',
    label: 'Refer to a service provider',
    from: 'any-open',
    to: 'same',
    effect: 'referral',
    fields: [str('providerId'), str('service'), str('purpose'), text('note', false)],
    // Primero's rule: no referral without the person's consent to it, for that purpose and that provider.
    guards: [{ kind: 'consentRecorded', scope: 'referral', purposeField: 'purpose', recipientField: 'providerId', overridePermission: CONSENT_OVERRIDE_PERMISSION }],
  },
  { code: 'add-note', label: 'Add note', from: 'any', to: 'same', effect: 'note', fields: [{ name: 'text', type: 'text', required: true, maxLength: 10_000 }], guards: [] },
  {
    code: 'attach-file',
    label: 'Attach file',
    from: 'any-open',
    to: 'same',
    effect: 'attachment',
    fields: [str('name'), str('mediaType'), { name: 'size', type: 'integer', required: true }, str('sha256'), text('description', false)],
    guards: [],
  },
  {
    // Procedural decisions (suspension, request for documents, extension of a time limit). Decisions on
    // the merits are the case type's own status-changing decision actions.
    code: 'record-decision',
    label: 'Record a procedural decision',
    from: 'any-open',
    to: 'same',
    effect: 'decision',
    decision: { outcome: 'procedural' },
    fields: [text('summary')],
    guards: [],
  },
];

/** The definition with the generic actions appended (duplicated codes are left for the validator to report). */
export function withGenericActions(def: CaseTypeDefinition): CaseTypeDefinition {
  const generic: ActionSpec[] = GENERIC_ACTIONS.map((t) => ({
    ...t,
    fields: t.fields.map((f) => ({ ...f })),
    guards: t.guards.map((g) => ({ ...g })),
    roles: [...(def.genericActionRoles[t.code] ?? def.genericRoles)],
    generic: true,
  }));
  return { ...def, actions: [...def.actions.filter((a) => !a.generic), ...generic] };
}

export const isGenericAction = (code: string): code is GenericActionCode => (GENERIC_ACTION_CODES as readonly string[]).includes(code);
