/**
 * Visa extension application (issue 6 §2; Law on Foreigners HO-47-N, Chapter 2 on visas) as data:
 * draft → submitted → granted | refused; withdrawal before the decision. The case worker files the
 * request (which visa, the new last day, why); a senior officer decides. What the grant changes (the
 * visa's validity, the visa document on the person record, the stay position) is the residence module's
 * hook (ADR 0404). Article numbers and the maximum extension are [to confirm] against the official text.
 */
import type { CaseTypeDefinitionInput } from '../definition.ts';

export const visaExtensionDefinition = {
  code: 'visa-extension',
  version: 1,
  label: 'Visa extension application',
  statuses: ['draft', 'submitted', 'granted', 'refused', 'withdrawn'],
  initialStatus: 'draft',
  terminalStatuses: ['granted', 'refused', 'withdrawn'],
  // As for residence status, the decision is a senior officer's, not the case worker's who filed it.
  roles: ['case_supervisor'],
  genericRoles: ['case_worker', 'case_supervisor'],
  legalBases: [
    { code: 'LF-VISA-EXTENSION', citation: 'Law on Foreigners HO-47-N, extension of the term of a visa (Chapter 2) [to confirm article]', outcomes: ['extended'] },
    { code: 'LF-VISA-EXTENSION-REFUSAL', citation: 'Law on Foreigners HO-47-N, grounds for refusing a visa or its extension (Chapter 2) [to confirm article]', outcomes: ['refused'] },
    { code: 'APA-PROCEDURAL', citation: 'Law on Fundamentals of Administrative Action and Administrative Proceedings [to confirm article]', outcomes: ['procedural'] },
  ],
  actions: [
    {
      code: 'submit',
      label: 'Submit visa extension application',
      from: ['draft'],
      to: 'submitted',
      roles: ['case_worker'],
      fields: [
        { name: 'visaId', type: 'string' },
        { name: 'newEndDate', type: 'date' },
        { name: 'reason', type: 'text' },
      ],
    },
    {
      code: 'grant',
      label: 'Extend the visa',
      from: ['submitted'],
      to: 'granted',
      roles: ['case_supervisor'],
      effect: 'decision',
      decision: { outcome: 'extended', legalBases: ['LF-VISA-EXTENSION'] },
      fields: [{ name: 'decisionNumber', type: 'string' }],
    },
    {
      code: 'refuse',
      label: 'Refuse visa extension',
      from: ['submitted'],
      to: 'refused',
      roles: ['case_supervisor'],
      effect: 'decision',
      decision: { outcome: 'refused', legalBases: ['LF-VISA-EXTENSION-REFUSAL'] },
      fields: [{ name: 'decisionNumber', type: 'string' }, { name: 'reasons', type: 'text' }],
    },
    {
      code: 'withdraw',
      label: 'Withdraw application (at the applicant’s request)',
      from: ['draft', 'submitted'],
      to: 'withdrawn',
      roles: ['case_worker'],
      fields: [{ name: 'reason', type: 'text', required: false }],
    },
  ],
} satisfies CaseTypeDefinitionInput;
