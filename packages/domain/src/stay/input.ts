/**
 * Validation of untrusted stay input (CLI lines, API bodies) with zod. Returns field issues with stable
 * codes and dotted paths (`rule.maxDays`, `movements.3.date`, `covered.0.to`) instead of throwing, so a
 * batch can report the problem on its own line and carry on.
 */
import { z } from 'zod';
import type { FieldIssue } from '../kernel/errors.ts';
import { dateProblem } from './dates.ts';
import { stayRuleSchema, type StayRule } from './rules.ts';

/** Per person. A daily commuter for 100 years makes about 73,000 crossings. */
export const MAX_MOVEMENTS = 100_000;
export const MAX_COVERED_PERIODS = 10_000;

/** A calendar date `YYYY-MM-DD` (validated by the parsers below and by the engine). */
export type IsoDate = string;

export interface Movement {
  readonly direction: 'entry' | 'exit';
  readonly date: IsoDate;
}

/** A period under a residence status or long-stay visa, inclusive; excluded from the count (§2.2). */
export interface CoveredPeriod {
  readonly from: IsoDate;
  readonly to: IsoDate;
}

export interface StayCheckInput {
  readonly rule: StayRule;
  readonly movements: readonly Movement[];
  readonly covered?: readonly CoveredPeriod[];
  readonly controlDate: IsoDate;
}

export interface StayPlanInput {
  readonly rule: StayRule;
  /** History before the trip; movements after entryDate are ignored with a warning. */
  readonly movements: readonly Movement[];
  readonly covered?: readonly CoveredPeriod[];
  readonly entryDate: IsoDate;
  /** Omit to ask only "how long could I stay if I enter on entryDate". */
  readonly exitDate?: IsoDate;
}

export type ParseResult<T> = { ok: true; value: T } | { ok: false; issue: FieldIssue; issues: FieldIssue[] };

const isoDate = z.string({ error: 'Expected a date string YYYY-MM-DD' }).superRefine((s, ctx) => {
  const problem = dateProblem(s);
  if (problem) ctx.addIssue({ code: 'custom', message: problem, params: { code: 'STAY.INVALID_DATE' } });
});

const movementSchema = z.object(
  {
    direction: z.enum(['entry', 'exit'], { error: 'direction must be "entry" or "exit"' }),
    date: isoDate,
  },
  { error: 'Expected a movement {"direction":"entry|exit","date":"YYYY-MM-DD"}' },
);

const coveredSchema = z
  .object({ from: isoDate, to: isoDate }, { error: 'Expected a covered period {"from":"YYYY-MM-DD","to":"YYYY-MM-DD"}' })
  .refine((p) => p.from <= p.to, { error: '"to" must not be before "from"', path: ['to'], params: { code: 'STAY.INVALID_PERIOD' } });

const common = {
  rule: stayRuleSchema,
  movements: z
    .array(movementSchema, { error: 'movements must be an array' })
    .max(MAX_MOVEMENTS, { error: `At most ${MAX_MOVEMENTS} movements per person` }),
  covered: z
    .array(coveredSchema, { error: 'covered must be an array' })
    .max(MAX_COVERED_PERIODS, { error: `At most ${MAX_COVERED_PERIODS} covered periods per person` })
    .optional(),
};

const inputError = { error: 'Expected a JSON object' };

export const stayCheckInputSchema = z.object({ ...common, controlDate: isoDate }, inputError);

export const stayPlanInputSchema = z
  .object({ ...common, entryDate: isoDate, exitDate: isoDate.optional() }, inputError)
  .refine((p) => p.exitDate === undefined || p.exitDate >= p.entryDate, {
    error: 'exitDate must not be before entryDate',
    path: ['exitDate'],
    params: { code: 'STAY.INVALID_PERIOD' },
  });

/** Stable code for a zod issue: explicit `params.code` first, then by where it happened. */
function codeFor(issue: z.core.$ZodIssue, field: string): string {
  const explicit = (issue as { params?: { code?: unknown } }).params?.code;
  if (typeof explicit === 'string') return explicit;
  if (issue.code === 'too_big' && field === 'movements') return 'STAY.TOO_MANY_MOVEMENTS';
  if (issue.code === 'too_big' && field === 'covered') return 'STAY.TOO_MANY_PERIODS';
  if (issue.code === 'unrecognized_keys') return field.startsWith('rule') ? 'STAY.INVALID_RULE' : 'STAY.UNKNOWN_FIELD';
  if (field === 'rule' || field.startsWith('rule.')) return 'STAY.INVALID_RULE';
  if (/(^|\.)(date|from|to|controlDate|entryDate|exitDate)$/.test(field)) return 'STAY.INVALID_DATE';
  if (field.endsWith('.direction')) return 'STAY.INVALID_DIRECTION';
  return 'STAY.INVALID_INPUT';
}

/** Converts zod issues to FieldIssues; `prefix` is prepended to paths (e.g. `body`). */
export function toFieldIssues(error: z.ZodError, prefix = ''): FieldIssue[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String);
    if (issue.code === 'unrecognized_keys' && issue.keys.length > 0) path.push(issue.keys[0] as string);
    const joined = path.join('.');
    const field = prefix === '' ? joined || 'line' : joined ? `${prefix}.${joined}` : prefix;
    return { field, code: codeFor(issue, joined), message: issue.message };
  });
}

function parseWith<T>(schema: z.ZodType<T>, raw: unknown, prefix: string): ParseResult<T> {
  const r = schema.safeParse(raw);
  if (r.success) return { ok: true, value: r.data };
  const issues = toFieldIssues(r.error, prefix);
  return { ok: false, issue: issues[0] as FieldIssue, issues };
}

const ruleOnly = z.object({ rule: stayRuleSchema });

/** Validates a rule alone; issue fields start with `rule` (`rule.maxDays`), or `prefix.rule`. */
export function parseStayRule(raw: unknown, prefix = ''): ParseResult<StayRule> {
  const r = parseWith(ruleOnly, { rule: raw }, prefix);
  return r.ok ? { ok: true, value: r.value.rule } : r;
}
export const parseStayCheckInput = (raw: unknown, prefix = ''): ParseResult<StayCheckInput> => parseWith(stayCheckInputSchema, raw, prefix);
export const parseStayPlanInput = (raw: unknown, prefix = ''): ParseResult<StayPlanInput> =>
  parseWith(stayPlanInputSchema as z.ZodType<StayPlanInput>, raw, prefix);
