/**
 * Authorised-stay engine: stay rules as data (calendar-year, rolling, per-stay, unlimited), control
 * mode, planning mode and the irregular-residence indicator. Pure: no I/O, no clock, no time zones.
 * See ./README.md and docs/decisions/0201-stay-engine.md.
 */
export { checkStay, irregularStay, type StayCheckResult, type IrregularStayIndicator, type StayReasonCode } from './check.ts';
export { planStay, type StayPlanResult } from './plan.ts';
export {
  stayRuleSchema,
  isLimited,
  overstayCode,
  MAX_WINDOW_DAYS,
  type StayRule,
  type StayRuleKind,
  type LimitedRule,
  type CalendarYearRule,
  type RollingRule,
  type PerStayRule,
  type UnlimitedRule,
} from './rules.ts';
export {
  parseStayRule,
  parseStayCheckInput,
  parseStayPlanInput,
  toFieldIssues,
  stayCheckInputSchema,
  stayPlanInputSchema,
  MAX_MOVEMENTS,
  MAX_COVERED_PERIODS,
  type Movement,
  type CoveredPeriod,
  type StayCheckInput,
  type StayPlanInput,
  type IsoDate,
  type ParseResult,
} from './input.ts';
export { normaliseMovements, type StayWarning, type Stay, type NormalisedHistory } from './movements.ts';
export { StayInputError } from './errors.ts';
export { parseDay, formatDay, dateProblem, MIN_DATE, MAX_DATE, type DayNumber } from './dates.ts';
