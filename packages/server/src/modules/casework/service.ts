/**
 * The casework service API (used by the routes and, through index.ts, by other modules): open a case of
 * a registered type, record an action, read a case with its timeline, allowed actions and tasks.
 */
import { randomUUID } from 'node:crypto';
import { access } from '@kamurj/domain';
import { allowedActions, foldCase } from '@kamurj/domain/casework';
import { DomainError } from '@kamurj/domain/kernel';
import type { AppDeps } from '../../app-deps.ts';
import type { Queryable } from '../../db/client.ts';
import type { AuthContext } from '../../http/auth-context.ts';
import { requireCan } from '../../http/access.ts';
import { forbidden } from '../../http/errors.ts';
import { audit, type AuditOrigin } from '../audit/index.ts';
import { accessActionsFor, caseActor, caseContext, mayRecord, officeDate } from './context.ts';
import { appendInTx, appendOne, CASE_STAFF_ROLES, targetOf, visibleCase, type ActionInput } from './engine.ts';
import { reviews } from './extensions.ts';
import { presentAllowed, presentCase, presentSummary } from './presenter.ts';
import { caseTypes, getCaseType } from './registry.ts';
import * as repo from './repository.ts';

export interface NewCaseInput {
  type: string;
  title?: string | undefined;
  /** Office that opens the case (its agency and jurisdiction), or … */
  office?: string | undefined;
  /** … a jurisdiction code (region) of the actor's agency. */
  jurisdiction?: string | undefined;
  subjectPersonIds?: string[] | undefined;
  householdId?: string | undefined;
  /** A first action recorded with the opening (e.g. the application's data). */
  action?: { code: string; payload?: Record<string, unknown> | undefined } | undefined;
}

const issue = (code: string, field: string, message: string) => new DomainError(code, 'validation', message, { issues: [{ field, code, message }] });

async function placeOf(tx: Queryable, auth: AuthContext, input: NewCaseInput): Promise<{ agencyId: string; agencyCode: string; officeId: string | null; path: string }> {
  if (input.office) {
    const o = await repo.officeByCode(tx, input.office);
    if (!o) throw issue('CASE.OFFICE_UNKNOWN', 'body.office', `No office ${input.office}`);
    return { agencyId: o.agency_id, agencyCode: o.agency_code, officeId: o.id, path: o.path };
  }
  if (!input.jurisdiction) throw issue('CASE.PLACE_REQUIRED', 'body.office', 'Name the office or the jurisdiction the case belongs to');
  const path = await repo.jurisdictionByCode(tx, input.jurisdiction);
  if (!path) throw issue('CASE.JURISDICTION_UNKNOWN', 'body.jurisdiction', `No jurisdiction ${input.jurisdiction}`);
  return { agencyId: auth.actor.agencyId, agencyCode: auth.agencyCode, officeId: null, path };
}

/** Opens a case (and records its first action, if given) in one transaction with its audit row. */
export async function createCase(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, input: NewCaseInput) {
  requireCan(auth.actor, 'cases.write');
  const type = getCaseType(input.type);
  const id = randomUUID();
  await deps.db.tx(async (tx) => {
    const place = await placeOf(tx, auth, input);
    if (!access.can(auth.actor, 'cases.write', { agencyId: place.agencyId, jurisdictionPath: place.path })) throw forbidden('You may not open cases there');
    if (input.householdId) await householdFor(tx, auth, input.householdId, place.agencyId);
    const at = deps.clock.now();
    const number = await repo.insertCase(tx, {
      id,
      caseType: type.definition.code,
      typeVersion: type.definition.version,
      title: input.title ?? '',
      agencyId: place.agencyId,
      agencyCode: place.agencyCode,
      officeId: place.officeId,
      jurisdictionPath: place.path,
      householdId: input.householdId ?? null,
      subjectPersonIds: input.subjectPersonIds ?? [],
      openedOn: officeDate(deps, at),
      at,
      initialStatus: type.definition.initialStatus,
    });
    await audit(tx, origin, { action: 'case.create', purpose: 'casework', targetType: 'case', targetId: id, details: { number, type: type.definition.code, subjects: input.subjectPersonIds ?? [] } });
    if (input.action) await appendInTx(deps, tx, origin, auth, id, { code: input.action.code, baseVersion: 0, payload: input.action.payload });
  });
  return readCase(deps, origin, auth, id);
}

async function householdFor(q: Queryable, auth: AuthContext, householdId: string, agencyId: string) {
  const h = await repo.findHousehold(q, householdId);
  if (!h || h.agency_id !== agencyId) throw issue('CASE.HOUSEHOLD_UNKNOWN', 'body.householdId', 'No such household in the agency holding the case');
  return h;
}

/** The case with its timeline, tasks, allowed actions for this user and attachments. Audited. */
export async function readCase(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, id: string) {
  const row = await visibleCase(deps.db, auth, id);
  const type = getCaseType(row.case_type, 'case.type');
  const log = await repo.loadLog(deps.db, id);
  const today = officeDate(deps);
  const state = foldCase(type, log, caseContext(deps, today));
  const target = targetOf(row);
  const receiver = row.pending_transfer_to ? await repo.agencyByCode(deps.db, row.pending_transfer_to) : undefined;
  const allowed = allowedActions(type, state, caseActor(auth, target), today).map((a) => {
    const spec = type.action(a.code)!;
    const answering = spec.effect === 'transfer-accept' || spec.effect === 'transfer-refuse';
    const t = answering && receiver ? { agencyId: receiver.id, jurisdictionPath: row.jurisdiction_path } : target;
    if (!a.allowed || mayRecord(auth, spec.effect, t) || (!spec.generic && reviews(auth.actor, row.case_type, t))) return a;
    return { ...a, allowed: false, reason: 'ACCESS.FORBIDDEN', message: `Needs the permission ${accessActionsFor(spec.effect).join(' or ')}` };
  });
  const attachments = await repo.listAttachments(deps.db, id);
  const h = row.household_id ? await repo.findHousehold(deps.db, row.household_id) : undefined;
  const household = h ? { id: h.id, label: h.label, members: (await repo.householdMembers(deps.db, h.id)).map((m) => ({ id: m.id, number: m.number, type: m.case_type, status: m.status })) } : null;
  await deps.db.tx((tx) => audit(tx, origin, { action: 'case.read', purpose: 'casework', targetType: 'case', targetId: id, details: { number: row.number, version: row.version } }));
  return presentCase(row, type, state, log, allowed, attachments, household, today);
}

/** Records one action on a case (optimistic concurrency on baseVersion) and returns the case. */
export async function performAction(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, id: string, input: ActionInput) {
  await appendOne(deps, origin, auth, id, input);
  return readCase(deps, origin, auth, id);
}

export async function createHousehold(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, label: string) {
  requireCan(auth.actor, 'cases.write');
  const id = randomUUID();
  await deps.db.tx(async (tx) => {
    await repo.insertHousehold(tx, { id, label, agencyId: auth.actor.agencyId, at: deps.clock.now(), by: auth.actor.id });
    await audit(tx, origin, { action: 'case.household.create', purpose: 'casework', targetType: 'case_household', targetId: id, details: { label } });
  });
  return { id, label };
}

/** Puts a case into a household (or takes it out: null). Version-checked like an action. */
export async function setCaseHousehold(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, id: string, householdId: string | null, baseVersion: number) {
  await deps.db.tx(async (tx) => {
    const row = await visibleCase(tx, auth, id);
    requireCan(auth.actor, 'cases.write', targetOf(row));
    if (row.version !== baseVersion) throw new DomainError('CASE.STALE_VERSION', 'conflict', `The case changed since you saw it (version ${baseVersion}, now ${row.version}); reload and try again`, { baseVersion, version: row.version, since: [] });
    if (householdId) await householdFor(tx, auth, householdId, row.agency_id);
    await repo.setHousehold(tx, id, householdId, deps.clock.now());
    await audit(tx, origin, { action: 'case.household.set', purpose: 'casework', targetType: 'case', targetId: id, details: { number: row.number, from: row.household_id, to: householdId } });
  });
  return readCase(deps, origin, auth, id);
}

/** People of the actor's agency who may be given cases (for assignment forms). */
export async function caseStaff(deps: AppDeps, auth: AuthContext) {
  if (!access.can(auth.actor, 'cases.assign')) throw forbidden();
  return { items: (await repo.caseStaff(deps.db, auth.actor.agencyId, CASE_STAFF_ROLES)).map((u) => ({ id: u.id, name: u.display_name })) };
}

/** The registered case types with their statuses (for filters and the "open a case" form). */
export function listCaseTypes(auth: AuthContext) {
  requireCan(auth.actor, 'cases.read');
  return {
    items: caseTypes().map((t) => ({
      code: t.definition.code,
      version: t.definition.version,
      label: t.definition.label,
      statuses: t.definition.statuses,
      initialStatus: t.definition.initialStatus,
      terminalStatuses: t.definition.terminalStatuses,
      // What the "open a case" form offers as the first action: the type's own actions from its initial status.
      openingActions: t.definition.actions
        .filter((a) => !a.generic && a.to !== 'same' && !t.isTerminal(a.to) && t.statusesOf(a).includes(t.definition.initialStatus))
        .map((a) => presentAllowed(t, { code: a.code, label: a.label, allowed: true })),
    })),
  };
}

export { presentSummary };
