/**
 * Which actions an actor may take on a case now, and whether a proposed action may be recorded. Every
 * refusal is a DomainError with a stable code naming the rule (README: error codes).
 */
import { DomainError, type ErrorKind, type FieldIssue } from '../kernel/errors.ts';
import { checkAttachment, DEFAULT_ATTACHMENT_POLICY } from './attachments.ts';
import type { CaseType } from './case-type.ts';
import { findConsent } from './consent.ts';
import { isIsoDate, type IsoDate } from './dates.ts';
import { isBreached } from './deadlines.ts';
import type { ActionSpec, Guard } from './definition.ts';
import { payloadIssues } from './fields.ts';
import { currentDeadline } from './fold.ts';
import type { ActionCommand, CaseActor, CaseContext, CaseState } from './state.ts';

/** Something the server must write to the audit log besides the action itself. */
export interface AuditFlag {
  code: 'CASE.CONSENT_OVERRIDE';
  action: string;
  reason: string;
  permission: string;
}

export type ActionCheck = { ok: true; auditFlags: AuditFlag[] } | { ok: false; error: DomainError };

export interface AllowedAction {
  code: string;
  label: string;
  allowed: boolean;
  /** Error code of the first rule that refuses it. */
  reason?: string;
  message?: string;
  /** Refused only for missing consent, and the actor holds the override permission. */
  overridable?: boolean;
}

const err = (code: string, kind: ErrorKind, message: string, details: Record<string, unknown> = {}) => new DomainError(code, kind, message, details);
const fieldErr = (code: string, field: string, message: string) => err(code, 'validation', message, { issues: [{ field, code, message }] });
/** Actions still possible while a transfer waits for the receiver's answer. */
const DURING_TRANSFER = new Set(['transfer-accept', 'transfer-refuse', 'note']);
const MIN_OVERRIDE_REASON = 10;

/** Guards that need no payload: deadlines, earlier actions, assignment. */
function stateGuardProblem(type: CaseType, state: CaseState, spec: ActionSpec, guard: Guard, date: IsoDate | null): DomainError | null {
  switch (guard.kind) {
    case 'deadlineNotExpired': {
      const run = currentDeadline(state, guard.deadline);
      if (!run || run.stoppedOn !== null || date === null || !isBreached(run, date)) return null;
      const label = type.deadline(guard.deadline)?.label ?? guard.deadline;
      return err('CASE.DEADLINE_EXPIRED', 'conflict', `${spec.label} is no longer possible: the deadline "${label}" expired on ${run.dueOn}`, { deadline: guard.deadline, dueOn: run.dueOn });
    }
    case 'actionsRecorded': {
      const missing = guard.actions.filter((a) => !state.actionCounts[a]);
      if (missing.length === 0) return null;
      return err('CASE.PRECONDITION_FAILED', 'conflict', `${spec.label} needs these steps first: ${missing.join(', ')}`, { missing });
    }
    case 'assigned':
      return state.assignee === null ? err('CASE.NOT_ASSIGNED', 'conflict', `${spec.label}: the case is not assigned to anyone`) : null;
    case 'consentRecorded':
      return null; // needs the payload: see consentProblem
  }
}

/** Status, role, transfer and state-guard rules: everything that does not depend on the payload. */
function gateProblem(type: CaseType, state: CaseState, actor: CaseActor, spec: ActionSpec, date: IsoDate | null): DomainError | null {
  if (state.terminal && spec.effect !== 'note') {
    return err('CASE.ACTION_NOT_ALLOWED_IN_STATUS', 'conflict', `The case is closed (${state.status}); ${spec.label} is not possible`, { status: state.status, action: spec.code });
  }
  if (!type.statusesOf(spec).includes(state.status)) {
    return err('CASE.ACTION_NOT_ALLOWED_IN_STATUS', 'conflict', `${spec.label} is not possible in status ${state.status}`, { status: state.status, action: spec.code, allowedIn: type.statusesOf(spec) });
  }
  if (!actor.roles.some((r) => spec.roles.includes(r))) {
    return err('CASE.ROLE_NOT_ALLOWED', 'forbidden', `${spec.label} needs one of the roles: ${spec.roles.join(', ')}`, { action: spec.code, roles: spec.roles });
  }
  const pending = state.pendingTransfer;
  if (pending && !DURING_TRANSFER.has(spec.effect)) {
    return err('CASE.TRANSFER_PENDING', 'conflict', `The case is being transferred to ${pending.toAgencyId}; it must accept or refuse first`, { toAgencyId: pending.toAgencyId });
  }
  if (spec.effect === 'transfer-accept' || spec.effect === 'transfer-refuse') {
    if (!pending) return err('CASE.NO_PENDING_TRANSFER', 'conflict', 'No transfer is waiting for an answer');
    if (actor.agencyId !== pending.toAgencyId) return err('CASE.NOT_RECEIVING_AGENCY', 'forbidden', `Only ${pending.toAgencyId}, the receiving agency, may answer this transfer`);
  }
  if (spec.effect === 'assign' && state.assignee !== null) {
    return err('CASE.ALREADY_ASSIGNED', 'conflict', `The case is assigned to ${state.assignee}; use reassign`, { assignee: state.assignee });
  }
  for (const guard of spec.guards) {
    const problem = stateGuardProblem(type, state, spec, guard, date);
    if (problem) return problem;
  }
  return null;
}

function decisionProblem(type: CaseType, spec: ActionSpec, payload: Readonly<Record<string, unknown>>): DomainError | null {
  const d = spec.decision;
  if (spec.effect !== 'decision' || !d) return null;
  const outcome = d.outcome ?? payload.outcome;
  if (typeof outcome !== 'string' || !(d.outcome ? [d.outcome] : (d.outcomes ?? [])).includes(outcome)) {
    return fieldErr('CASE.FIELD_REQUIRED', 'payload.outcome', `outcome is required: one of ${(d.outcomes ?? []).join(', ')}`);
  }
  const code = payload.legalBasis;
  if (typeof code !== 'string' || code.trim() === '') {
    return fieldErr('CASE.LEGAL_BASIS_REQUIRED', 'payload.legalBasis', `${spec.label} is a decision: it must cite its legal basis`);
  }
  const basis = type.definition.legalBases.find((b) => b.code === code);
  const usable = basis && (!d.legalBases || d.legalBases.includes(code)) && (!basis.outcomes || basis.outcomes.includes(outcome));
  if (!usable) return fieldErr('CASE.LEGAL_BASIS_UNKNOWN', 'payload.legalBasis', `${code.slice(0, 40)} is not a legal basis for ${spec.label} (${outcome})`);
  return null;
}

/** Checks of the generic effects that need the payload. */
function effectProblem(state: CaseState, actor: CaseActor, spec: ActionSpec, command: ActionCommand, ctx?: CaseContext): DomainError | null {
  const p = command.payload ?? {};
  switch (spec.effect) {
    case 'reassign':
      return p.assigneeId === state.assignee ? fieldErr('CASE.ALREADY_ASSIGNED', 'payload.assigneeId', `The case is already assigned to ${state.assignee}`) : null;
    case 'transfer-request':
      return p.toAgencyId === (state.agencyId ?? actor.agencyId) ? fieldErr('CASE.TRANSFER_TO_SAME_AGENCY', 'payload.toAgencyId', 'A case cannot be transferred to the agency that holds it') : null;
    case 'consent':
      return typeof p.validUntil === 'string' && p.validUntil < command.date ? fieldErr('CASE.CONSENT_EXPIRED', 'payload.validUntil', 'The consent would already have expired') : null;
    case 'consent-withdraw':
      return state.consents.some((c) => c.id === p.consentId && c.withdrawnOn === null) ? null : fieldErr('CASE.CONSENT_NOT_FOUND', 'payload.consentId', 'No consent in force with that id');
    case 'attachment':
      return checkAttachment({ name: String(p.name), mediaType: String(p.mediaType), size: Number(p.size), sha256: String(p.sha256) }, ctx?.attachments ?? DEFAULT_ATTACHMENT_POLICY);
    default:
      return null;
  }
}

/** Consent guards: refused without consent unless overridden with a reason and the permission. */
function consentProblem(state: CaseState, actor: CaseActor, spec: ActionSpec, command: ActionCommand, flags: AuditFlag[]): DomainError | null {
  const p = command.payload ?? {};
  for (const g of spec.guards) {
    if (g.kind !== 'consentRecorded') continue;
    const need = {
      scope: g.scope,
      ...(g.purposeField ? { purpose: String(p[g.purposeField]) } : {}),
      ...(g.recipientField ? { recipient: String(p[g.recipientField]) } : {}),
    };
    if (findConsent(state, need, command.date)) continue;
    const missing = `${spec.label} needs the person's recorded consent (${g.scope}${need.purpose ? `, purpose "${need.purpose}"` : ''}${need.recipient ? `, to ${need.recipient}` : ''}), in force on ${command.date}`;
    if (!command.override) return err('CASE.CONSENT_REQUIRED', 'conflict', missing, { scope: g.scope, overridable: !!g.overridePermission });
    if (!g.overridePermission) return err('CASE.CONSENT_REQUIRED', 'conflict', `${missing}; this rule cannot be overridden`);
    if (!(actor.permissions ?? []).includes(g.overridePermission)) {
      return err('CASE.OVERRIDE_NOT_PERMITTED', 'forbidden', `Proceeding without consent needs the permission ${g.overridePermission}`, { permission: g.overridePermission });
    }
    const reason = command.override.reason?.trim() ?? '';
    if (reason.length < MIN_OVERRIDE_REASON) {
      return fieldErr('CASE.OVERRIDE_REASON_REQUIRED', 'override.reason', `Proceeding without consent needs a reason of at least ${MIN_OVERRIDE_REASON} characters`);
    }
    flags.push({ code: 'CASE.CONSENT_OVERRIDE', action: spec.code, reason, permission: g.overridePermission });
  }
  return null;
}

/** Whether `command` may be appended to the case whose folded state is `state`. */
export function validateAction(type: CaseType, state: CaseState, actor: CaseActor, command: ActionCommand, ctx?: CaseContext): ActionCheck {
  const fail = (error: DomainError): ActionCheck => ({ ok: false, error });
  const spec = type.action(command.code);
  if (!spec) return fail(fieldErr('CASE.ACTION_UNKNOWN', 'code', `Case type ${type.definition.code} has no action ${String(command.code).slice(0, 60)}`));
  if (command.baseVersion !== state.version) {
    return fail(err('CASE.STALE_VERSION', 'conflict', `The case changed since you saw it (version ${command.baseVersion}, now ${state.version}); reload and try again`, { baseVersion: command.baseVersion, version: state.version }));
  }
  if (!isIsoDate(command.date)) return fail(fieldErr('CASE.INVALID_DATE', 'date', 'date must be a calendar date YYYY-MM-DD'));
  if (state.lastActionOn !== null && command.date < state.lastActionOn) {
    return fail(fieldErr('CASE.DATE_BEFORE_LAST_ACTION', 'date', `The last action is dated ${state.lastActionOn}; the log is append-only and in date order`));
  }
  const gate = gateProblem(type, state, actor, spec, command.date);
  if (gate) return fail(gate);
  const payload = command.payload ?? {};
  const issues: FieldIssue[] = payloadIssues(spec.fields, payload, spec.effect === 'decision' ? ['legalBasis', ...(spec.decision?.outcomes ? ['outcome'] : [])] : []);
  if (issues.length > 0) {
    const code = issues.some((i) => i.code === 'CASE.FIELD_REQUIRED') ? 'CASE.FIELD_REQUIRED' : 'CASE.FIELD_INVALID';
    return fail(err(code, 'validation', `${spec.label}: ${issues.map((i) => i.message).join('; ')}`, { issues }));
  }
  const problem = decisionProblem(type, spec, payload) ?? effectProblem(state, actor, spec, command, ctx);
  if (problem) return fail(problem);
  const auditFlags: AuditFlag[] = [];
  const consent = consentProblem(state, actor, spec, command, auditFlags);
  return consent ? fail(consent) : { ok: true, auditFlags };
}

/**
 * Every action of the case type with whether the actor may take it now (as of `date`, default the
 * state's as-of day). Payload-dependent rules (fields, which consent) are checked on submission; an
 * action needing consent is shown refused when no consent of its scope is in force at all.
 */
export function allowedActions(type: CaseType, state: CaseState, actor: CaseActor, date: IsoDate | null = state.asOf): AllowedAction[] {
  return type.definition.actions.map((spec) => {
    const base = { code: spec.code, label: spec.label };
    const problem = gateProblem(type, state, actor, spec, date);
    if (problem) return { ...base, allowed: false, reason: problem.code, message: problem.message };
    for (const g of spec.guards) {
      if (g.kind !== 'consentRecorded' || (date !== null && findConsent(state, { scope: g.scope }, date))) continue;
      const overridable = !!g.overridePermission && (actor.permissions ?? []).includes(g.overridePermission);
      return { ...base, allowed: false, reason: 'CASE.CONSENT_REQUIRED', message: `${spec.label} needs recorded consent (${g.scope})`, overridable };
    }
    return { ...base, allowed: true };
  });
}
