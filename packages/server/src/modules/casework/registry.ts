/**
 * The case types this server knows. Modules register theirs at start (`registerCaseType`); the residence
 * and work-permit types of the domain are registered by default so that casework is usable on its own.
 * A case stores the code and definition version it was opened with; a type is looked up by code.
 */
import { residencePermitType, visaExtensionType, workPermitType, type CaseType } from '@kamurj/domain/casework';
import { DomainError } from '@kamurj/domain/kernel';

const types = new Map<string, CaseType>();

/**
 * Adds a case type. Registering the same code again is allowed only with the same definition version
 * (idempotent start-up of several apps in one process); a different version under the same code throws,
 * since open cases must keep meaning what they meant (a new version needs its own migration path).
 */
export function registerCaseType(type: CaseType): void {
  const code = type.definition.code;
  const known = types.get(code);
  if (known && known.definition.version !== type.definition.version) {
    throw new Error(`Case type ${code} is already registered with version ${known.definition.version}; got version ${type.definition.version}`);
  }
  types.set(code, type);
}

export function findCaseType(code: string): CaseType | undefined {
  return types.get(code);
}

/** The case type or CASE.TYPE_UNKNOWN (validation, naming the field). */
export function getCaseType(code: string, field = 'body.type'): CaseType {
  const t = types.get(code);
  if (!t) {
    const message = `No case type ${code.slice(0, 60)}; known: ${[...types.keys()].join(', ')}`;
    throw new DomainError('CASE.TYPE_UNKNOWN', 'validation', message, { issues: [{ field, code: 'CASE.TYPE_UNKNOWN', message }] });
  }
  return t;
}

export const caseTypes = (): CaseType[] => [...types.values()];

registerCaseType(residencePermitType);
registerCaseType(workPermitType);
registerCaseType(visaExtensionType);
