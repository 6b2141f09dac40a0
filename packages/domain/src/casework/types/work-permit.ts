/**
 * Work permit application on workpermit.am since 1 Jan 2022 (domain reference §2.5 [checked]): the
 * employer applies and posts the vacancy; the Ministry of Labour and Social Affairs checks the local
 * labour market and consents within 15 working days (tracked); the employer enters the foreigner's data;
 * the work permit is granted together with employment-based temporary residence; the employer notifies
 * the end of employment. Whether a permit is needed at all: work-permit-exemptions.ts.
 * Article numbers of the Law on Foreigners on work permits are [to confirm]; maximum term [to confirm].
 */
import type { CaseTypeDefinitionInput } from '../definition.ts';

export const workPermitDefinition = {
  code: 'work-permit',
  version: 1,
  label: 'Work permit application',
  statuses: ['draft', 'submitted', 'labour-market-check', 'labour-consent-given', 'worker-data-entered', 'granted', 'refused', 'withdrawn', 'employment-ended'],
  initialStatus: 'draft',
  terminalStatuses: ['refused', 'withdrawn', 'employment-ended'],
  // Employers act through their own accounts on the portal; the labour ministry's officers run the check.
  roles: ['employer_representative', 'labour_market_officer', 'case_supervisor'],
  genericRoles: ['case_worker', 'case_supervisor'],
  legalBases: [
    { code: 'LF-WORK-PERMIT', citation: 'Law on Foreigners HO-47-N, work permits [to confirm article]', outcomes: ['granted'] },
    { code: 'LF-WORK-REFUSAL', citation: 'Law on Foreigners HO-47-N, grounds for refusing a work permit [to confirm article]', outcomes: ['refused'] },
    { code: 'LM-NO-CONSENT', citation: 'Labour-market check: suitable local candidates found (Government decision on the work-permit procedure) [to confirm act]', outcomes: ['refused'] },
    { code: 'APA-PROCEDURAL', citation: 'Law on Fundamentals of Administrative Action and Administrative Proceedings [to confirm article]', outcomes: ['procedural'] },
  ],
  deadlines: [
    {
      code: 'labour-market-check',
      label: 'Labour-market check and consent (15 working days)',
      unit: 'working-days',
      length: 15,
      startOn: ['send-to-labour-ministry'],
      stopOn: ['labour-consent', 'labour-refusal'],
      remindBefore: 3,
      basis: 'workpermit.am procedure, step 3 (since 1 Jan 2022)',
    },
  ],
  actions: [
    {
      code: 'edit-application',
      label: 'Edit application',
      from: ['draft'],
      to: 'same',
      roles: ['employer_representative', 'case_worker'],
      fields: [
        { name: 'employerTaxNumber', type: 'code', required: false },
        { name: 'position', type: 'string', required: false },
      ],
    },
    {
      code: 'submit',
      label: 'Submit employer application',
      from: ['draft'],
      to: 'submitted',
      roles: ['employer_representative', 'case_worker'],
      fields: [
        { name: 'employerTaxNumber', type: 'code' },
        { name: 'employerName', type: 'string' },
        { name: 'position', type: 'string' },
        { name: 'occupationCode', type: 'code' },
        { name: 'vacancyId', type: 'string' },
        { name: 'salaryAmd', type: 'integer' },
      ],
    },
    { code: 'send-to-labour-ministry', label: 'Send for labour-market check', from: ['submitted'], to: 'labour-market-check', roles: ['case_worker'] },
    {
      code: 'labour-consent',
      label: 'Labour ministry consents',
      from: ['labour-market-check'],
      to: 'labour-consent-given',
      roles: ['labour_market_officer'],
      effect: 'check',
      fields: [{ name: 'result', type: 'enum', values: ['consent'] }, { name: 'reference', type: 'string' }],
    },
    {
      code: 'labour-refusal',
      label: 'Labour ministry refuses consent',
      from: ['labour-market-check'],
      to: 'refused',
      roles: ['labour_market_officer'],
      effect: 'decision',
      decision: { outcome: 'refused', legalBases: ['LM-NO-CONSENT'] },
      fields: [{ name: 'reference', type: 'string' }, { name: 'reasons', type: 'text' }],
    },
    {
      code: 'enter-worker-data',
      label: 'Employer enters the worker’s data',
      from: ['labour-consent-given'],
      to: 'worker-data-entered',
      roles: ['employer_representative', 'case_worker'],
      fields: [
        { name: 'workerId', type: 'string' },
        { name: 'nationality', type: 'code' },
        { name: 'passportNumber', type: 'string' },
        { name: 'contractStart', type: 'date' },
        { name: 'contractEnd', type: 'date' },
      ],
    },
    {
      // The permit and employment-based temporary residence are granted together (§2.5 step 5).
      code: 'grant',
      label: 'Grant work permit and residence',
      from: ['worker-data-entered'],
      to: 'granted',
      roles: ['case_supervisor'],
      effect: 'decision',
      decision: { outcome: 'granted', legalBases: ['LF-WORK-PERMIT'] },
      guards: [{ kind: 'actionsRecorded', actions: ['labour-consent'] }],
      fields: [
        { name: 'permitNumber', type: 'string' },
        { name: 'validUntil', type: 'date' },
        { name: 'residenceCardNumber', type: 'string', required: false },
      ],
    },
    {
      code: 'refuse',
      label: 'Refuse work permit',
      from: ['worker-data-entered'],
      to: 'refused',
      roles: ['case_supervisor'],
      effect: 'decision',
      decision: { outcome: 'refused', legalBases: ['LF-WORK-REFUSAL'] },
      fields: [{ name: 'reasons', type: 'text' }],
    },
    {
      code: 'withdraw',
      label: 'Employer withdraws the application',
      from: ['draft', 'submitted', 'labour-market-check', 'labour-consent-given', 'worker-data-entered'],
      to: 'withdrawn',
      roles: ['employer_representative', 'case_worker'],
      fields: [{ name: 'reason', type: 'text', required: false }],
    },
    {
      code: 'notify-termination',
      label: 'Employer notifies termination of employment',
      from: ['granted'],
      to: 'employment-ended',
      roles: ['employer_representative', 'case_worker'],
      fields: [
        { name: 'terminationDate', type: 'date' },
        { name: 'reason', type: 'enum', values: ['contract-ended', 'resignation', 'dismissal', 'other'] },
        { name: 'details', type: 'text', required: false },
      ],
    },
  ],
} satisfies CaseTypeDefinitionInput;
