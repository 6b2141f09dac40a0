/**
 * Recording an action: validate with the domain against the folded log, append it with seq =
 * baseVersion + 1, rewrite the cached columns and tasks, write the audit row (and a second one for a
 * consent override) — all in the caller's transaction. Of two concurrent appends on one version only one
 * commits (primary key on (case_id, seq)); the other becomes CASE.STALE_VERSION with what changed.
 */
import { access } from '@kamurj/domain';
import { appendAction, foldCase, type ActionCommand, type CaseState, type RecordedAction } from '@kamurj/domain/casework';
import { DomainError } from '@kamurj/domain/kernel';
import type { AppDeps } from '../../app-deps.ts';
import type { Queryable } from '../../db/client.ts';
import type { AuthContext } from '../../http/auth-context.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { audit, type AuditOrigin } from '../audit/index.ts';
import { accessActionsFor, caseActor, caseContext, mayRecord, officeDate, type CaseTarget } from './context.ts';
import { extensionOf, reviews, type CaseFacts, type HookContext } from './extensions.ts';
import { presentAction } from './presenter.ts';
import * as repo from './repository.ts';
import { getCaseType } from './registry.ts';

export interface ActionInput {
  code: string;
  baseVersion: number;
  payload?: Record<string, unknown> | undefined;
  override?: { reason: string } | undefined;
}

export interface Appended {
  record: RecordedAction;
  state: CaseState;
  row: repo.CaseRow;
}

/** Raised inside the transaction when another append took the sequence number first. */
class LostRace extends Error {}

export const targetOf = (row: repo.CaseRow): CaseTarget => ({ agencyId: row.agency_id, jurisdictionPath: row.jurisdiction_path });

const factsOf = (row: repo.CaseRow): CaseFacts => ({
  id: row.id,
  number: row.number,
  type: row.case_type,
  agencyId: row.agency_id,
  agencyCode: row.agency_code,
  jurisdictionPath: row.jurisdiction_path,
  subjectPersonIds: row.subject_person_ids,
});

/** Whether the actor may see the case: by its owner and place, or as the receiver of a pending transfer. */
export async function canSee(q: Queryable, auth: AuthContext, row: repo.CaseRow): Promise<boolean> {
  if (access.can(auth.actor, 'cases.read', targetOf(row)) || reviews(auth.actor, row.case_type, targetOf(row))) return true;
  return row.pending_transfer_to !== null && row.pending_transfer_to === auth.agencyCode && access.can(auth.actor, 'cases.transfer');
}

/** The case (404 when it does not exist or the actor may not see it: no oracle for ids). */
export async function visibleCase(q: Queryable, auth: AuthContext, id: string): Promise<repo.CaseRow> {
  const row = await repo.findCase(q, id);
  if (!row || !(await canSee(q, auth, row))) throw notFound('Case', 'CASE.NOT_FOUND');
  return row;
}

/** The visible case with its log, read in one round trip (the log is not returned when the case is not visible). */
async function visibleCaseWithLog(q: Queryable, auth: AuthContext, id: string) {
  const found = await repo.findCaseWithLog(q, id);
  if (!found || !(await canSee(q, auth, found.row))) throw notFound('Case', 'CASE.NOT_FOUND');
  return found;
}

const validation = (code: string, field: string, message: string) => new DomainError(code, 'validation', message, { issues: [{ field, code, message }] });

/** Checks the domain cannot make: the named assignee, agency and file exist here. */
async function checkReferences(tx: Queryable, row: repo.CaseRow, input: ActionInput, effect: string): Promise<void> {
  const p = input.payload ?? {};
  if ((effect === 'assign' || effect === 'reassign') && typeof p.assigneeId === 'string') {
    const staff = await repo.caseStaff(tx, row.agency_id, CASE_STAFF_ROLES);
    if (!staff.some((s) => s.id === p.assigneeId)) {
      throw validation('CASE.ASSIGNEE_INVALID', 'payload.assigneeId', 'The assignee must be an active member of the agency holding the case, with a casework role');
    }
  }
  if (effect === 'transfer-request' && typeof p.toAgencyId === 'string' && !(await repo.agencyByCode(tx, p.toAgencyId))) {
    throw validation('CASE.AGENCY_UNKNOWN', 'payload.toAgencyId', `No agency ${p.toAgencyId.slice(0, 40)}`);
  }
}

/** Access roles whose holders may be given a case: those that work on or supervise cases. */
export const CASE_STAFF_ROLES: readonly string[] = access.ROLES.filter((r) => access.ROLE_GRANTS[r]['cases.write'] || access.ROLE_GRANTS[r]['cases.supervise']);

/**
 * Validates and appends one action inside `tx`. `attachment` is called after the action row exists (the
 * bytes reference it). Throws the domain's refusal, or CASE.STALE_VERSION when the log moved on.
 */
export async function appendInTx(
  deps: AppDeps,
  tx: Queryable,
  origin: AuditOrigin,
  auth: AuthContext,
  caseId: string,
  input: ActionInput,
  opts: { allowAttachment?: boolean; attachment?: (tx: Queryable, seq: number) => Promise<void> } = {},
): Promise<Appended> {
  const { row, log } = await visibleCaseWithLog(tx, auth, caseId);
  const type = getCaseType(row.case_type, 'case.type');
  const spec = type.action(input.code);
  if (spec?.effect === 'attachment' && !opts.allowAttachment) {
    throw validation('CASE.ATTACHMENT_UPLOAD_REQUIRED', 'code', 'Files are attached by uploading them (POST /api/cases/:id/attachments)');
  }
  const target = targetOf(row);
  if (spec) {
    const answering = spec.effect === 'transfer-accept' || spec.effect === 'transfer-refuse';
    const receiver = answering && row.pending_transfer_to ? await repo.agencyByCode(tx, row.pending_transfer_to) : undefined;
    const t = receiver ? { agencyId: receiver.id, jurisdictionPath: row.jurisdiction_path } : target;
    if (!mayRecord(auth, spec.effect, t) && !(spec.generic === false && reviews(auth.actor, row.case_type, t))) throw forbidden(`Recording "${spec.label}" on this case needs the permission ${accessActionsFor(spec.effect).join(' or ')}`);
    await checkReferences(tx, row, input, spec.effect);
  }
  const at = deps.clock.now();
  const date = officeDate(deps, at);
  const hook = extensionOf(row.case_type)?.actions?.[input.code];
  const hookCtx: HookContext | undefined = hook && { deps, tx, origin, auth, case: factsOf(row), date, before: foldCase(type, log, caseContext(deps, date)) };
  const commandWith = (payload: Record<string, unknown> | undefined): ActionCommand => ({
    code: input.code,
    baseVersion: input.baseVersion,
    date,
    at: at.toISOString(),
    ...(payload ? { payload } : {}),
    ...(input.override ? { override: input.override } : {}),
  });
  const refusal = (e: DomainError) => (e.code === 'CASE.STALE_VERSION' ? new LostRace() : e);
  let payload = input.payload;
  if (hook?.prepare && hookCtx) {
    try {
      payload = await hook.prepare(hookCtx, input.payload ?? {});
    } catch (e) {
      // The action table's refusals (stale version, status, role, guards) come first, then the module's
      // rule, then missing or malformed fields (a hook may fill those from its registries).
      const plain = appendAction(type, log, caseActor(auth, target), commandWith(input.payload), caseContext(deps, date));
      throw plain.ok || plain.error.kind === 'validation' ? e : refusal(plain.error);
    }
  }
  const result = appendAction(type, log, caseActor(auth, target), commandWith(payload), caseContext(deps, date));
  if (!result.ok) throw refusal(result.error);
  const state = result.state;
  const owner = state.agencyId && state.agencyId !== row.agency_code ? await repo.agencyByCode(tx, state.agencyId) : undefined;
  try {
    await repo.appendAndCache(tx, caseId, result.record, auth.user?.displayName ?? auth.actorName, at, input.baseVersion, state, owner?.id ?? row.agency_id);
  } catch (e) {
    if ((e as { code?: string }).code === '23505') throw new LostRace();
    throw e;
  }
  if (opts.attachment) await opts.attachment(tx, result.record.seq);
  // The audit row comes after every other write of the action: appending it locks the chain head until
  // commit, so nothing else should run while other audited transactions wait for it.
  await audit(tx, origin, {
    action: `case.action.${input.code}`,
    purpose: 'casework',
    targetType: 'case',
    targetId: caseId,
    details: { number: row.number, seq: result.record.seq, from: row.status, to: state.status },
  });
  if (hook?.applied && hookCtx) {
    let version = result.record.seq;
    await hook.applied({
      ...hookCtx,
      record: result.record,
      after: state,
      append: async (code, p) => {
        const next = await appendInTx(deps, tx, origin, auth, caseId, { code, baseVersion: version, payload: p });
        version = next.record.seq;
        return next;
      },
    });
  }
  for (const flag of result.auditFlags) {
    await audit(tx, origin, {
      action: 'case.referral.consent_override',
      purpose: 'casework',
      targetType: 'case',
      targetId: caseId,
      details: { number: row.number, seq: result.record.seq, action: flag.action, permission: flag.permission, reason: flag.reason },
    });
  }
  return { record: result.record, state, row };
}

/** Runs one append in its own transaction; a lost race becomes a 409 that lists the actions since. */
export async function appendOne(
  deps: AppDeps,
  origin: AuditOrigin,
  auth: AuthContext,
  caseId: string,
  input: ActionInput,
  opts: Parameters<typeof appendInTx>[6] = {},
): Promise<Appended> {
  try {
    return await deps.db.tx((tx) => appendInTx(deps, tx, origin, auth, caseId, input, opts));
  } catch (e) {
    if (!(e instanceof LostRace)) throw e;
    const row = await visibleCase(deps.db, auth, caseId);
    const type = getCaseType(row.case_type, 'case.type');
    const since = await repo.loadLog(deps.db, caseId, input.baseVersion);
    throw new DomainError('CASE.STALE_VERSION', 'conflict', `The case changed since you saw it (version ${input.baseVersion}, now ${row.version}); reload and try again`, {
      baseVersion: input.baseVersion,
      version: row.version,
      since: since.map((a) => presentAction(type, a)),
    });
  }
}
