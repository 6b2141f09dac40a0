/**
 * Appending to the log with optimistic concurrency. The client names the version it saw; if another
 * action was appended since, the command is refused with CASE.STALE_VERSION and nothing is written: the
 * client reloads, sees what changed, and retries on the new version. The server makes the check atomic
 * with a unique (case, seq) key, so of two concurrent appends on one version only one commits.
 */
import type { CaseType } from './case-type.ts';
import type { DomainError } from '../kernel/errors.ts';
import { foldCase } from './fold.ts';
import { validateAction, type AuditFlag } from './rules.ts';
import type { ActionCommand, CaseActor, CaseContext, CaseState, RecordedAction } from './state.ts';

export type AppendResult =
  | { ok: true; record: RecordedAction; log: readonly RecordedAction[]; state: CaseState; auditFlags: AuditFlag[] }
  | { ok: false; error: DomainError; log: readonly RecordedAction[]; state: CaseState };

/** The log entry for a validated command (the override is kept only when it was used). */
export function toRecord(actor: CaseActor, command: ActionCommand, seq: number, auditFlags: readonly AuditFlag[]): RecordedAction {
  const flag = auditFlags.find((f) => f.code === 'CASE.CONSENT_OVERRIDE');
  return {
    seq,
    code: command.code,
    actor: { id: actor.id, agencyId: actor.agencyId, roles: [...actor.roles] },
    date: command.date,
    ...(command.at !== undefined ? { at: command.at } : {}),
    payload: { ...(command.payload ?? {}) },
    ...(flag ? { override: { reason: flag.reason, permission: flag.permission } } : {}),
  };
}

/**
 * Validates `command` against the state folded from `log` and, when it is accepted, returns the new log
 * (a new array: the given one is never changed) and the new state. A refusal returns the log and state
 * unchanged, with the error naming the rule.
 */
export function appendAction(type: CaseType, log: readonly RecordedAction[], actor: CaseActor, command: ActionCommand, ctx: CaseContext): AppendResult {
  const state = foldCase(type, log, { ...ctx, asOf: ctx.asOf ?? command.date });
  const check = validateAction(type, state, actor, command, ctx);
  if (!check.ok) return { ok: false, error: check.error, log, state };
  const record = toRecord(actor, command, log.length + 1, check.auditFlags);
  const next = [...log, record];
  return { ok: true, record, log: next, state: foldCase(type, next, ctx), auditFlags: check.auditFlags };
}
