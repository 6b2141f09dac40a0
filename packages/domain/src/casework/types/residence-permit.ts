/**
 * Residence status application (Law on Foreigners HO-47-N, Chapter 3; domain reference §2.4) as data:
 * draft → submitted → checks (document validity, watchlists, earlier refusals) → granted / refused →
 * card issued → extension → … ; withdrawal at any point before the decision; revocation after it.
 * Article numbers other than 20(4) are [to confirm] against the official text (arlis.am act 8144).
 */
import type { CaseTypeDefinitionInput, FieldSpecInput } from '../definition.ts';

/** Residence status kinds and their terms (§2.4 [secondary]). */
export const RESIDENCE_KINDS = ['temporary', 'permanent', 'special'] as const;
export type ResidenceKind = (typeof RESIDENCE_KINDS)[number];

/**
 * Grounds listed by the Law on Foreigners for temporary status (study, work, marriage, close relatives,
 * entrepreneurship, Armenian origin), permanent (relatives with housing and means after 3 years' lawful
 * residence, Armenian origin, entrepreneurship) and special (presidential decree) [to confirm article numbers].
 */
export const RESIDENCE_GROUNDS = [
  'study',
  'work',
  'marriage',
  'close-relative',
  'entrepreneurship',
  'armenian-origin',
  'relatives-housing-means',
  'economic-cultural-activity',
] as const;
export type ResidenceGround = (typeof RESIDENCE_GROUNDS)[number];

const CHECK_RESULT: FieldSpecInput = { name: 'result', type: 'enum', values: ['clear', 'hit', 'inconclusive'] };
const CHECKS = ['check-document-validity', 'check-watchlist', 'check-earlier-refusals'];

export const residencePermitDefinition = {
  code: 'residence-permit',
  version: 1,
  label: 'Residence status application',
  statuses: ['draft', 'submitted', 'checks', 'granted', 'refused', 'card-issued', 'extension-requested', 'withdrawn', 'revoked', 'expired'],
  initialStatus: 'draft',
  terminalStatuses: ['refused', 'withdrawn', 'revoked', 'expired'],
  // A decision on residence status is taken by a senior officer, not the case worker who prepared it.
  roles: ['case_supervisor'],
  genericRoles: ['case_worker', 'case_supervisor'],
  legalBases: [
    { code: 'LF-TEMPORARY', citation: 'Law on Foreigners HO-47-N, temporary residence status (Chapter 3) [to confirm article]', outcomes: ['granted', 'extended'] },
    { code: 'LF-PERMANENT', citation: 'Law on Foreigners HO-47-N, permanent residence status (Chapter 3) [to confirm article]', outcomes: ['granted', 'extended'] },
    { code: 'LF-SPECIAL', citation: 'Law on Foreigners HO-47-N, special residence status by decree of the President (Chapter 3) [to confirm article]', outcomes: ['granted', 'extended'] },
    { code: 'LF-REFUSAL', citation: 'Law on Foreigners HO-47-N art. 20: grounds for refusing residence status [to confirm paragraph]', outcomes: ['refused'] },
    { code: 'LF-EXTENSION-LATE', citation: 'Law on Foreigners HO-47-N: extension applied for less than 30 days before expiry [to confirm article]', outcomes: ['refused'] },
    { code: 'LF-REVOCATION', citation: 'Law on Foreigners HO-47-N: termination of residence status [to confirm article]', outcomes: ['revoked'] },
    { code: 'APA-PROCEDURAL', citation: 'Law on Fundamentals of Administrative Action and Administrative Proceedings [to confirm article]', outcomes: ['procedural'] },
  ],
  deadlines: [
    {
      // "An application for extension … not less than 30 days before its expiration" (§2.4 [secondary]).
      code: 'extension-filing',
      label: 'Last day to apply for extension (30 days before expiry)',
      unit: 'calendar-days',
      length: 30,
      direction: 'before',
      anchorField: 'validUntil',
      startOn: ['issue-card'],
      stopOn: ['request-extension'],
      remindBefore: 10,
      basis: 'Law on Foreigners HO-47-N [to confirm article]',
    },
  ],
  actions: [
    {
      code: 'edit-application',
      label: 'Edit application',
      from: ['draft'],
      to: 'same',
      roles: ['case_worker'],
      fields: [
        { name: 'kind', type: 'enum', required: false, values: [...RESIDENCE_KINDS] },
        { name: 'ground', type: 'enum', required: false, values: [...RESIDENCE_GROUNDS] },
        { name: 'applicantId', type: 'string', required: false },
      ],
    },
    {
      code: 'submit',
      label: 'Submit application',
      from: ['draft'],
      to: 'submitted',
      roles: ['case_worker'],
      fields: [
        { name: 'kind', type: 'enum', values: [...RESIDENCE_KINDS] },
        { name: 'ground', type: 'enum', values: [...RESIDENCE_GROUNDS] },
        { name: 'applicantId', type: 'string' },
        { name: 'nationality', type: 'code' },
        { name: 'passportNumber', type: 'string' },
        { name: 'passportValidUntil', type: 'date' },
        { name: 'feePaid', type: 'boolean' },
      ],
    },
    { code: 'start-checks', label: 'Start checks', from: ['submitted'], to: 'checks', roles: ['case_worker'] },
    { code: 'check-document-validity', label: 'Record document validity check', from: ['checks'], to: 'same', roles: ['case_worker'], effect: 'check', fields: [CHECK_RESULT, { name: 'details', type: 'text', required: false }] },
    { code: 'check-watchlist', label: 'Record watchlist check', from: ['checks'], to: 'same', roles: ['case_worker'], effect: 'check', fields: [CHECK_RESULT, { name: 'details', type: 'text', required: false }] },
    { code: 'check-earlier-refusals', label: 'Record earlier-refusals check', from: ['checks'], to: 'same', roles: ['case_worker'], effect: 'check', fields: [CHECK_RESULT, { name: 'details', type: 'text', required: false }] },
    {
      code: 'grant',
      label: 'Grant residence status',
      from: ['checks'],
      to: 'granted',
      roles: ['case_supervisor'],
      effect: 'decision',
      decision: { outcome: 'granted', legalBases: ['LF-TEMPORARY', 'LF-PERMANENT', 'LF-SPECIAL'] },
      guards: [{ kind: 'actionsRecorded', actions: CHECKS }],
      fields: [{ name: 'decisionNumber', type: 'string' }],
    },
    {
      code: 'refuse',
      label: 'Refuse residence status',
      from: ['checks'],
      to: 'refused',
      roles: ['case_supervisor'],
      effect: 'decision',
      decision: { outcome: 'refused', legalBases: ['LF-REFUSAL'] },
      // The refusal must state when the person may apply again (art. 20(4)): see reapplyAllowedFrom.
      fields: [{ name: 'decisionNumber', type: 'string' }, { name: 'reasons', type: 'text' }, { name: 'reapplyFrom', type: 'date' }],
    },
    {
      code: 'issue-card',
      label: 'Issue residence card',
      from: ['granted'],
      to: 'card-issued',
      roles: ['case_worker'],
      fields: [{ name: 'cardNumber', type: 'string' }, { name: 'validFrom', type: 'date' }, { name: 'validUntil', type: 'date' }],
    },
    {
      code: 'request-extension',
      label: 'Apply for extension',
      from: ['card-issued'],
      to: 'extension-requested',
      roles: ['case_worker'],
      guards: [{ kind: 'deadlineNotExpired', deadline: 'extension-filing' }],
      fields: [{ name: 'feePaid', type: 'boolean' }],
    },
    {
      code: 'grant-extension',
      label: 'Extend residence status',
      from: ['extension-requested'],
      to: 'granted',
      roles: ['case_supervisor'],
      effect: 'decision',
      decision: { outcome: 'extended', legalBases: ['LF-TEMPORARY', 'LF-PERMANENT', 'LF-SPECIAL'] },
      fields: [{ name: 'decisionNumber', type: 'string' }],
    },
    {
      code: 'refuse-extension',
      label: 'Refuse extension',
      from: ['extension-requested'],
      to: 'card-issued',
      roles: ['case_supervisor'],
      effect: 'decision',
      decision: { outcome: 'refused', legalBases: ['LF-REFUSAL', 'LF-EXTENSION-LATE'] },
      fields: [{ name: 'decisionNumber', type: 'string' }, { name: 'reasons', type: 'text' }],
    },
    {
      code: 'withdraw',
      label: 'Withdraw application (at the applicant’s request)',
      from: ['draft', 'submitted', 'checks'],
      to: 'withdrawn',
      roles: ['case_worker'],
      fields: [{ name: 'reason', type: 'text', required: false }],
    },
    {
      code: 'revoke',
      label: 'Revoke residence status',
      from: ['granted', 'card-issued'],
      to: 'revoked',
      roles: ['case_supervisor'],
      effect: 'decision',
      decision: { outcome: 'revoked', legalBases: ['LF-REVOCATION'] },
      fields: [{ name: 'decisionNumber', type: 'string' }, { name: 'reasons', type: 'text' }],
    },
    { code: 'record-expiry', label: 'Record expiry of the card', from: ['card-issued'], to: 'expired', roles: ['case_worker'], fields: [{ name: 'expiredOn', type: 'date' }] },
  ],
} satisfies CaseTypeDefinitionInput;
