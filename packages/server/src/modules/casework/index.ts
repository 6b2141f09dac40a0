/**
 * Casework (issue 6 §1, ADR 0402): the service API other modules build on.
 * - `registerCaseType(type)`: declare a case type (from `defineCaseType`) at start;
 * - `createCase`, `performAction`, `readCase`: open a case, record an action on a version, read it;
 * - `appendInTx`: record an action inside the caller's own transaction (e.g. with its own rows);
 * - `extendCaseType`: a module's hooks on its case type's actions, review access and letter text (ADR 0404).
 */
export { caseworkRoutes } from './routes.ts';
export { registerCaseType, findCaseType, caseTypes } from './registry.ts';
export { createCase, performAction, readCase, type NewCaseInput } from './service.ts';
export { appendInTx, type ActionInput } from './engine.ts';
export { seedCaseworkDemo } from './seeding.ts';
export { extendCaseType, type CaseTypeExtension, type ActionHook, type HookContext, type AppliedContext, type CaseFacts } from './extensions.ts';
