/**
 * A case type declared as data: statuses, actions (the table of allowed next steps), required fields,
 * guards, deadlines and legal bases. Modules declare one with `defineCaseType` (./case-type.ts), which
 * parses it with these schemas, merges the generic actions and rejects inconsistent tables.
 */
import { z } from 'zod';
import { codeSchema, deadlineSpecSchema } from './deadlines.ts';

export const FIELD_TYPES = ['string', 'text', 'date', 'integer', 'number', 'boolean', 'enum', 'code', 'string-list'] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const fieldSpecSchema = z
  .strictObject({
    name: z.string().regex(/^[a-z][a-zA-Z0-9]*$/, { message: 'Expected a camelCase field name' }),
    type: z.enum(FIELD_TYPES),
    required: z.boolean().default(true),
    /** Allowed values of an `enum` field. */
    values: z.array(z.string().min(1)).min(1).optional(),
    maxLength: z.number().int().min(1).max(100_000).optional(),
  })
  .refine((f) => (f.type === 'enum') === (f.values !== undefined), { message: 'values are required for enum fields and only for them' });
export type FieldSpec = z.output<typeof fieldSpecSchema>;
export type FieldSpecInput = z.input<typeof fieldSpecSchema>;

/** Conditions on the case (not on the payload) that must hold before an action, as data. */
export const guardSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('consentRecorded'),
    /** What the consent must cover, e.g. `referral`. */
    scope: z.string().min(1),
    /** Payload field that must equal the consent's purpose (when given). */
    purposeField: z.string().optional(),
    /** Payload field naming the recipient, which the consent must list (or list none = any). */
    recipientField: z.string().optional(),
    /** A permission that lets an actor proceed without consent, with a reason; audited. */
    overridePermission: z.string().min(1).optional(),
  }),
  z.strictObject({ kind: z.literal('deadlineNotExpired'), deadline: codeSchema }),
  z.strictObject({ kind: z.literal('actionsRecorded'), actions: z.array(codeSchema).min(1) }),
  z.strictObject({ kind: z.literal('assigned') }),
]);
export type Guard = z.output<typeof guardSchema>;

/** What an action does to the case besides its status. Generic effects belong to the generic actions. */
export const EFFECTS = [
  'none',
  'assign',
  'reassign',
  'transfer-request',
  'transfer-accept',
  'transfer-refuse',
  'consent',
  'consent-withdraw',
  'referral',
  'note',
  'attachment',
  'decision',
  'check',
] as const;
export type Effect = (typeof EFFECTS)[number];

export const decisionSpecSchema = z
  .strictObject({
    /** The outcome this action always records (e.g. `granted`), or … */
    outcome: z.string().min(1).optional(),
    /** … the outcomes the payload's `outcome` field may take. */
    outcomes: z.array(z.string().min(1)).min(1).optional(),
    /** Legal bases this action accepts (codes of the definition's `legalBases`); absent = all that fit the outcome. */
    legalBases: z.array(z.string().min(1)).min(1).optional(),
  })
  .refine((d) => (d.outcome === undefined) !== (d.outcomes === undefined), { message: 'Give either outcome or outcomes' });
export type DecisionSpec = z.output<typeof decisionSpecSchema>;

export const actionSpecSchema = z.strictObject({
  code: codeSchema,
  label: z.string().min(1),
  /** Statuses the action may be taken in: a list, `any-open` (every non-terminal status) or `any`. */
  from: z.union([z.literal('any-open'), z.literal('any'), z.array(codeSchema).min(1)]),
  /** Status after the action, or `same`. */
  to: z.union([z.literal('same'), codeSchema]),
  /** Role codes allowed to take the action (strings: modules may add roles). */
  roles: z.array(z.string().min(1)).min(1),
  fields: z.array(fieldSpecSchema).default([]),
  guards: z.array(guardSchema).default([]),
  effect: z.enum(EFFECTS).default('none'),
  /** For `effect: decision`: the outcome; a legal basis code is always required. */
  decision: decisionSpecSchema.optional(),
  /** Set when merged from the generic actions. */
  generic: z.boolean().default(false),
});
export type ActionSpec = z.output<typeof actionSpecSchema>;
export type ActionSpecInput = z.input<typeof actionSpecSchema>;

export const legalBasisSchema = z.strictObject({
  code: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._()-]*$/, { message: 'Expected a legal basis code such as LF-20-4' }),
  /** The provision, e.g. "Law on Foreigners HO-47-N art. 20(4)". */
  citation: z.string().min(1),
  /** Decision outcomes this basis can support; absent = any. */
  outcomes: z.array(z.string().min(1)).optional(),
});
export type LegalBasis = z.output<typeof legalBasisSchema>;

export const caseTypeDefinitionSchema = z.strictObject({
  code: codeSchema,
  version: z.number().int().min(1),
  label: z.string().min(1),
  statuses: z.array(codeSchema).min(1),
  initialStatus: codeSchema,
  terminalStatuses: z.array(codeSchema).min(1),
  /** Roles this case type introduces beyond the access vocabulary (e.g. `labour_market_officer`). */
  roles: z.array(z.string().regex(/^[a-z][a-z0-9_]*$/)).default([]),
  actions: z.array(actionSpecSchema).min(1),
  deadlines: z.array(deadlineSpecSchema).default([]),
  legalBases: z.array(legalBasisSchema).min(1),
  /** Roles that may take the generic actions (assign, transfer, refer, note, …). */
  genericRoles: z.array(z.string().min(1)).min(1).default(['case_worker']),
  /** Per generic action, roles instead of genericRoles. */
  genericActionRoles: z.record(z.string(), z.array(z.string().min(1)).min(1)).default({}),
});
export type CaseTypeDefinition = z.output<typeof caseTypeDefinitionSchema>;
export type CaseTypeDefinitionInput = z.input<typeof caseTypeDefinitionSchema>;
