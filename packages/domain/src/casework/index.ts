/**
 * Casework core: case types as data, status as a fold over an append-only action log, allowed actions
 * from the table, generic actions (assignment, transfer, consent-gated referral, notes, attachments,
 * decisions), deadlines on working calendars. Pure: no I/O, no clock. See ./README.md and
 * docs/decisions/0401-casework-core.md.
 */
export {
  caseTypeDefinitionSchema,
  actionSpecSchema,
  fieldSpecSchema,
  guardSchema,
  legalBasisSchema,
  decisionSpecSchema,
  EFFECTS,
  FIELD_TYPES,
  type CaseTypeDefinition,
  type CaseTypeDefinitionInput,
  type ActionSpec,
  type ActionSpecInput,
  type FieldSpec,
  type FieldSpecInput,
  type FieldType,
  type Guard,
  type Effect,
  type DecisionSpec,
  type LegalBasis,
} from './definition.ts';
export { defineCaseType, checkCaseType, type CaseType, type DefinitionResult } from './case-type.ts';
export { definitionProblems, fromStatuses, type DefinitionCheckOptions } from './validate-definition.ts';
export { GENERIC_ACTIONS, GENERIC_ACTION_CODES, CONSENT_OVERRIDE_PERMISSION, withGenericActions, isGenericAction, type GenericActionCode } from './generic-actions.ts';
export { foldCase, initialState, currentDeadline, breachedDeadlines } from './fold.ts';
export { validateAction, allowedActions, type ActionCheck, type AllowedAction, type AuditFlag } from './rules.ts';
export { appendAction, toRecord, type AppendResult } from './append.ts';
export { findConsent, consentValidOn, type ConsentNeed } from './consent.ts';
export { payloadIssues } from './fields.ts';
export {
  checkAttachment,
  checkAttachmentContent,
  sniffMediaType,
  DEFAULT_ATTACHMENT_POLICY,
  type AttachmentPolicy,
  type AttachmentMeta,
} from './attachments.ts';
export type {
  CaseActor,
  ActionCommand,
  RecordedAction,
  CaseState,
  CaseContext,
  ConsentRecord,
  Referral,
  Transfer,
  Decision,
  AttachmentRecord,
  CheckRecord,
} from './state.ts';
export {
  buildCalendar,
  holidayCalendarSchema,
  isWorkingDay,
  addWorkingDays,
  workingDaysBetween,
  nextWorkingDay,
  holidayName,
  MAX_COUNT_DAYS,
  type WorkingCalendar,
  type HolidayCalendarData,
} from './calendar.ts';
export { calendarFor, HOLIDAY_CALENDARS } from './calendars/index.ts';
export {
  deadlineSpecSchema,
  dueDate,
  reminderDate,
  deadlineState,
  isBreached,
  type DeadlineSpec,
  type DeadlineSpecInput,
  type DeadlineRun,
  type DeadlineState,
} from './deadlines.ts';
export { addCalendarDays, calendarDaysBetween, addYears, isIsoDate, isoDateSchema, type IsoDate } from './dates.ts';
export * from './types/index.ts';
