/** The example case types, validated at import (an inconsistent table fails at start, not mid-case). */
import { defineCaseType } from '../case-type.ts';
import { residencePermitDefinition } from './residence-permit.ts';
import { visaExtensionDefinition } from './visa-extension.ts';
import { workPermitDefinition } from './work-permit.ts';

export const residencePermitType = defineCaseType(residencePermitDefinition);
export const workPermitType = defineCaseType(workPermitDefinition);
export const visaExtensionType = defineCaseType(visaExtensionDefinition);

export { residencePermitDefinition, RESIDENCE_KINDS, RESIDENCE_GROUNDS, type ResidenceKind, type ResidenceGround } from './residence-permit.ts';
export { RESIDENCE_TERM_YEARS, residenceValidUntil, reapplyAllowedFrom, extensionFilingDeadline, extensionFilingInTime, EXTENSION_NOTICE_DAYS, type Refusal } from './residence-rules.ts';
export { workPermitDefinition } from './work-permit.ts';
export { visaExtensionDefinition } from './visa-extension.ts';
export {
  workPermitRequired,
  NATIONALITY_EXEMPTIONS,
  CATEGORY_EXEMPTIONS,
  WORK_PERMIT_REQUIRED_FROM,
  type WorkPermitAnswer,
  type NationalityExemption,
  type CategoryExemption,
} from './work-permit-exemptions.ts';
