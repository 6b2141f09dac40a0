/** Work: employer tax numbers, work-permit exemptions per profile, employment agencies' standing (ADR 0701). Pure. */
export { TAX_NUMBER_RULES, validateTaxNumber, type TaxNumberRule, type TaxNumberResult } from './tax-number.ts';
export { BLOC_MEMBERSHIPS, WORK_EXEMPTIONS, WORK_ROLES, isExempt, type BlocMembership, type Exemption, type ExemptionTest, type WorkerFacts, type WorkRole } from './exemptions.ts';
export { SANCTION_KINDS, INSPECTION_RESULTS, COMPLAINT_STATES, NOTICE_KINDS, agencyStanding, checkSanction, type SanctionKind, type InspectionResult, type ComplaintState, type NoticeKind, type Standing, type SanctionFact } from './agencies.ts';
