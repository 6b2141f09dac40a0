/**
 * Consistency of a case type definition (after the generic actions are merged): every code it refers to
 * exists, every status is reachable from the initial one and can reach a terminal one, nothing leaves a
 * terminal status, roles are known. Problems are field issues naming the offending path.
 */
import type { FieldIssue } from '../kernel/errors.ts';
import { ROLES } from '../access/vocabulary.ts';
import type { ActionSpec, CaseTypeDefinition } from './definition.ts';

/** Statuses an action may be taken in. */
export function fromStatuses(def: Pick<CaseTypeDefinition, 'statuses' | 'terminalStatuses'>, action: Pick<ActionSpec, 'from'>): string[] {
  if (action.from === 'any') return [...def.statuses];
  if (action.from === 'any-open') return def.statuses.filter((s) => !def.terminalStatuses.includes(s));
  return [...action.from];
}

function duplicates(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

export interface DefinitionCheckOptions {
  /** Roles recognised besides the definition's own `roles`; default: the access vocabulary's ROLES. */
  knownRoles?: readonly string[];
}

export function definitionProblems(def: CaseTypeDefinition, options: DefinitionCheckOptions = {}): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const add = (field: string, code: string, message: string) => issues.push({ field, code, message });
  const statuses = new Set(def.statuses);
  const terminal = new Set(def.terminalStatuses);
  const actionCodes = new Set(def.actions.map((a) => a.code));
  const deadlineCodes = new Set(def.deadlines.map((d) => d.code));
  const basisByCode = new Map(def.legalBases.map((b) => [b.code, b]));
  const roles = new Set([...(options.knownRoles ?? ROLES), ...def.roles]);

  for (const s of duplicates(def.statuses)) add('statuses', 'CASE.DEFINITION_DUPLICATE_STATUS', `Status "${s}" is declared twice`);
  for (const a of duplicates(def.actions.map((x) => x.code))) add('actions', 'CASE.DEFINITION_DUPLICATE_ACTION', `Action "${a}" is declared twice (generic actions are merged into every case type)`);
  for (const d of duplicates(def.deadlines.map((x) => x.code))) add('deadlines', 'CASE.DEFINITION_DUPLICATE_DEADLINE', `Deadline "${d}" is declared twice`);
  for (const b of duplicates(def.legalBases.map((x) => x.code))) add('legalBases', 'CASE.DEFINITION_DUPLICATE_LEGAL_BASIS', `Legal basis "${b}" is declared twice`);
  if (!statuses.has(def.initialStatus)) add('initialStatus', 'CASE.DEFINITION_UNKNOWN_STATUS', `Initial status "${def.initialStatus}" is not among the statuses`);
  if (terminal.has(def.initialStatus)) add('initialStatus', 'CASE.DEFINITION_TERMINAL_INITIAL', `Initial status "${def.initialStatus}" is terminal`);
  def.terminalStatuses.forEach((s, i) => {
    if (!statuses.has(s)) add(`terminalStatuses.${i}`, 'CASE.DEFINITION_UNKNOWN_STATUS', `Terminal status "${s}" is not among the statuses`);
  });

  def.actions.forEach((a, i) => {
    const at = `actions.${i}`;
    if (Array.isArray(a.from)) {
      a.from.forEach((s, j) => {
        if (!statuses.has(s)) add(`${at}.from.${j}`, 'CASE.DEFINITION_UNKNOWN_STATUS', `Action "${a.code}" starts from unknown status "${s}"`);
      });
      for (const s of duplicates(a.from)) add(`${at}.from`, 'CASE.DEFINITION_DUPLICATE_STATUS', `Action "${a.code}" lists status "${s}" twice`);
    }
    if (a.to !== 'same' && !statuses.has(a.to)) add(`${at}.to`, 'CASE.DEFINITION_UNKNOWN_STATUS', `Action "${a.code}" leads to unknown status "${a.to}"`);
    const leavesTerminal = fromStatuses(def, a).filter((s) => terminal.has(s));
    if (leavesTerminal.length > 0 && !(a.to === 'same' && a.effect === 'note')) {
      add(`${at}.from`, 'CASE.DEFINITION_ACTION_FROM_TERMINAL', `Action "${a.code}" may be taken in terminal status "${leavesTerminal[0]}"; only notes may be added to a closed case`);
    }
    a.roles.forEach((r, j) => {
      if (!roles.has(r)) add(`${at}.roles.${j}`, 'CASE.DEFINITION_UNKNOWN_ROLE', `Action "${a.code}" names unknown role "${r}" (declare new roles in the definition's roles)`);
    });
    const fieldNames = a.fields.map((f) => f.name);
    for (const f of duplicates(fieldNames)) add(`${at}.fields`, 'CASE.DEFINITION_DUPLICATE_FIELD', `Action "${a.code}" declares field "${f}" twice`);
    if (a.effect === 'decision') {
      if (!a.decision) add(`${at}.decision`, 'CASE.DEFINITION_DECISION_INCOMPLETE', `Decision action "${a.code}" must state its outcome(s)`);
      if (fieldNames.includes('legalBasis') || (a.decision?.outcomes && fieldNames.includes('outcome'))) {
        add(`${at}.fields`, 'CASE.DEFINITION_RESERVED_FIELD', `Decision action "${a.code}" must not declare legalBasis/outcome: they are implied`);
      }
      const outcomes = a.decision?.outcome ? [a.decision.outcome] : (a.decision?.outcomes ?? []);
      (a.decision?.legalBases ?? []).forEach((b, j) => {
        if (!basisByCode.has(b)) add(`${at}.decision.legalBases.${j}`, 'CASE.DEFINITION_UNKNOWN_LEGAL_BASIS', `Decision action "${a.code}" names unknown legal basis "${b}"`);
      });
      for (const o of outcomes) {
        const usable = (a.decision?.legalBases ?? [...basisByCode.keys()]).map((b) => basisByCode.get(b)).filter((b) => b && (!b.outcomes || b.outcomes.includes(o)));
        if (usable.length === 0) add(`${at}.decision`, 'CASE.DEFINITION_NO_LEGAL_BASIS', `Decision action "${a.code}" has no legal basis for outcome "${o}"${a.generic ? ' (declare one with outcomes ["procedural"] for procedural decisions)' : ''}`);
      }
    } else if (a.decision) {
      add(`${at}.decision`, 'CASE.DEFINITION_DECISION_WITHOUT_EFFECT', `Action "${a.code}" has a decision but its effect is "${a.effect}"`);
    }
    a.guards.forEach((g, j) => {
      const gat = `${at}.guards.${j}`;
      if (g.kind === 'deadlineNotExpired' && !deadlineCodes.has(g.deadline)) add(gat, 'CASE.DEFINITION_UNKNOWN_DEADLINE', `Action "${a.code}" guards on unknown deadline "${g.deadline}"`);
      if (g.kind === 'actionsRecorded') {
        for (const c of g.actions) if (!actionCodes.has(c)) add(gat, 'CASE.DEFINITION_UNKNOWN_ACTION', `Action "${a.code}" requires unknown action "${c}"`);
      }
      if (g.kind === 'consentRecorded') {
        for (const f of [g.purposeField, g.recipientField]) {
          if (f !== undefined && !fieldNames.includes(f)) add(gat, 'CASE.DEFINITION_UNKNOWN_FIELD', `Action "${a.code}" guards on field "${f}" it does not declare`);
        }
      }
    });
  });

  def.deadlines.forEach((d, i) => {
    for (const [key, codes] of [['startOn', d.startOn], ['stopOn', d.stopOn]] as const) {
      codes.forEach((c, j) => {
        if (!actionCodes.has(c)) add(`deadlines.${i}.${key}.${j}`, 'CASE.DEFINITION_UNKNOWN_ACTION', `Deadline "${d.code}" ${key} unknown action "${c}"`);
      });
    }
    if (d.anchorField !== undefined) {
      for (const c of d.startOn) {
        const field = def.actions.find((a) => a.code === c)?.fields.find((f) => f.name === d.anchorField);
        if (field && (field.type !== 'date' || !field.required)) add(`deadlines.${i}.anchorField`, 'CASE.DEFINITION_BAD_ANCHOR', `Deadline "${d.code}" counts from "${d.anchorField}", which is not a required date of action "${c}"`);
        if (!field && actionCodes.has(c)) add(`deadlines.${i}.anchorField`, 'CASE.DEFINITION_BAD_ANCHOR', `Deadline "${d.code}" counts from "${d.anchorField}", which action "${c}" does not declare`);
      }
    }
  });

  // Reachability over the status graph.
  const edges = new Map<string, Set<string>>(def.statuses.map((s) => [s, new Set<string>()]));
  for (const a of def.actions) {
    if (a.to === 'same' || !statuses.has(a.to)) continue;
    for (const s of fromStatuses(def, a)) edges.get(s)?.add(a.to);
  }
  const reach = (start: readonly string[], next: (s: string) => Iterable<string>) => {
    const seen = new Set(start);
    const queue = [...start];
    while (queue.length > 0) {
      for (const n of next(queue.pop() as string)) {
        if (seen.has(n)) continue;
        seen.add(n);
        queue.push(n);
      }
    }
    return seen;
  };
  if (statuses.has(def.initialStatus)) {
    const reachable = reach([def.initialStatus], (s) => edges.get(s) ?? []);
    for (const s of def.statuses) if (!reachable.has(s)) add('statuses', 'CASE.DEFINITION_UNREACHABLE_STATUS', `Status "${s}" cannot be reached from "${def.initialStatus}"`);
  }
  const reverse = (s: string) => def.statuses.filter((p) => edges.get(p)?.has(s));
  const canEnd = reach(def.terminalStatuses.filter((s) => statuses.has(s)), reverse);
  for (const s of def.statuses) if (!canEnd.has(s)) add('statuses', 'CASE.DEFINITION_DEAD_END', `Status "${s}" can never reach a terminal status`);
  return issues;
}
