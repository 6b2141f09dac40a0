/**
 * A validated case type: the definition with the generic actions merged, and lookups the fold and the
 * rules use. Build one per module at start with `defineCaseType`; it throws on an inconsistent table.
 */
import { DomainError, type FieldIssue } from '../kernel/errors.ts';
import { caseTypeDefinitionSchema, type ActionSpec, type CaseTypeDefinition } from './definition.ts';
import type { DeadlineSpec } from './deadlines.ts';
import { withGenericActions } from './generic-actions.ts';
import { definitionProblems, fromStatuses, type DefinitionCheckOptions } from './validate-definition.ts';

export interface CaseType {
  readonly definition: CaseTypeDefinition;
  action(code: string): ActionSpec | undefined;
  deadline(code: string): DeadlineSpec | undefined;
  isTerminal(status: string): boolean;
  /** Statuses in which the action may be taken. */
  statusesOf(action: ActionSpec): readonly string[];
}

export type DefinitionResult = { ok: true; caseType: CaseType } | { ok: false; error: DomainError };

/** Parses, merges the generic actions and checks a definition; never throws. */
export function checkCaseType(input: unknown, options: DefinitionCheckOptions = {}): DefinitionResult {
  const parsed = caseTypeDefinitionSchema.safeParse(input);
  const code = (input as { code?: unknown } | null)?.code;
  const name = typeof code === 'string' ? `Case type "${code}"` : 'Case type';
  const fail = (issues: FieldIssue[]) => ({
    ok: false as const,
    error: new DomainError('CASE.DEFINITION_INVALID', 'validation', `${name} is not consistent: ${issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`, { issues }),
  });
  if (!parsed.success) {
    return fail(parsed.error.issues.map((i) => ({ field: i.path.map(String).join('.') || '(definition)', code: 'CASE.DEFINITION_SCHEMA', message: i.message })));
  }
  const definition = withGenericActions(parsed.data);
  const issues = definitionProblems(definition, options);
  if (issues.length > 0) return fail(issues);
  const actions = new Map(definition.actions.map((a) => [a.code, a]));
  const deadlines = new Map(definition.deadlines.map((d) => [d.code, d]));
  const terminal = new Set(definition.terminalStatuses);
  const from = new Map(definition.actions.map((a) => [a.code, Object.freeze(fromStatuses(definition, a))]));
  const caseType: CaseType = Object.freeze({
    definition,
    action: (c: string) => actions.get(c),
    deadline: (c: string) => deadlines.get(c),
    isTerminal: (s: string) => terminal.has(s),
    statusesOf: (a: ActionSpec) => from.get(a.code) ?? [],
  });
  return { ok: true, caseType };
}

/** As checkCaseType, throwing CASE.DEFINITION_INVALID (with every problem as an issue). */
export function defineCaseType(input: unknown, options: DefinitionCheckOptions = {}): CaseType {
  const result = checkCaseType(input, options);
  if (!result.ok) throw result.error;
  return result.caseType;
}
