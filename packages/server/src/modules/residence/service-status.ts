import { randomUUID } from 'node:crypto';
import { access } from '@kamurj/domain';
import { DomainError, validationError } from '@kamurj/domain/kernel';
import { addDays, checkGround, residenceValidTo, type ResidenceKind } from '@kamurj/domain/residence';
import type { AppDeps } from '../../app-deps.ts';
import type { Queryable } from '../../db/client.ts';
import type { AuthContext } from '../../http/auth-context.ts';
import { requireCan } from '../../http/access.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { audit, type AuditOrigin } from '../audit/index.ts';
import { holderFor, issuerOf, syncDocument, todayOf, uniquely, type Issuer } from './context.ts';
import { presentAddress, presentStatus, presentVisa } from './presenter.ts';
import * as repo from './repository.ts';
import type { AddressBody, StatusBody } from './schemas.ts';

export interface GrantInput {
  personId: string;
  kind: ResidenceKind;
  ground: string;
  cardNumber: string;
  validFrom: string;
  validTo?: string | undefined;
  issuingOffice: string;
  decisionRef?: string | undefined;
}

/**
 * Grants a residence status and issues its card, in the caller's transaction (the case module calls this
 * when a residence decision is recorded): the status row, the card as a residence_permit document on the
 * person record, the recomputed stay position and the audit row. Access is the caller's to check.
 */
export async function grantResidenceStatus(tx: Queryable, origin: AuditOrigin, issuer: Issuer, input: GrantInput): Promise<string> {
  const groundIssue = checkGround(input.kind, input.ground);
  const validTo = input.validTo ?? residenceValidTo(input.kind, input.validFrom);
  const issues = [
    ...(groundIssue ? [{ ...groundIssue, field: 'body.ground' }] : []),
    ...(validTo < input.validFrom ? [{ field: 'body.validTo', code: 'RESIDENCE.VALIDITY_ORDER', message: 'The status must not end before it starts' }] : []),
    ...(validTo > residenceValidTo(input.kind, input.validFrom) ? [{ field: 'body.validTo', code: 'RESIDENCE.VALIDITY_TOO_LONG', message: `A ${input.kind} status lasts at most its term` }] : []),
  ];
  if (issues.length) throw validationError(issues);
  const holder = await holderFor(tx, null, input.personId, 'residence.manage');
  const id = randomUUID();
  const documentId = randomUUID();
  await uniquely('RESIDENCE.CARD_EXISTS', `Residence card ${input.cardNumber} is already recorded`, () =>
    repo.insertStatus(tx, {
      id, person_id: holder.id, jurisdiction_path: holder.jurisdiction_path, kind: input.kind, ground: input.ground, card_number: input.cardNumber, valid_from: input.validFrom, valid_to: validTo,
      issuing_office: input.issuingOffice, decision_ref: input.decisionRef ?? null, document_id: documentId, created_at: origin.at, created_by: issuer.actorName,
    }),
  );
  await syncDocument(tx, origin, issuer, holder.id, { id: documentId, type: 'residence_permit', number: input.cardNumber, issuingState: issuer.country, issueDate: input.validFrom, expiryDate: validTo, status: 'valid', mrz: null }, { residenceStatusId: id });
  await audit(tx, origin, { action: 'residence.status.grant', purpose: 'casework', targetType: 'residence_status', targetId: id, details: { personId: holder.id, kind: input.kind, ground: input.ground, validFrom: input.validFrom, validTo, decisionRef: input.decisionRef ?? null } });
  return id;
}

/** Withdraws a status in the caller's transaction: the card document is revoked and the stay position recomputed. */
export async function withdrawResidenceStatus(tx: Queryable, origin: AuditOrigin, issuer: Issuer, id: string, reason: string): Promise<void> {
  const row = await repo.findStatus(tx, id);
  if (!row) throw notFound('Residence status', 'RESIDENCE.STATUS_NOT_FOUND');
  if (!(await repo.withdrawStatus(tx, id, origin.at, reason))) throw new DomainError('RESIDENCE.ALREADY_WITHDRAWN', 'conflict', 'This status was already withdrawn');
  await syncDocument(tx, origin, issuer, row.person_id, { id: row.document_id, type: 'residence_permit', number: row.card_number, issuingState: issuer.country, issueDate: row.valid_from, expiryDate: row.valid_to, status: 'revoked', mrz: null }, { residenceStatusId: id, withdrawn: true });
  await audit(tx, origin, { action: 'residence.status.withdraw', purpose: 'casework', targetType: 'residence_status', targetId: id, details: { personId: row.person_id, reason } });
}

export async function createStatus(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, body: StatusBody) {
  requireCan(auth.actor, 'residence.manage');
  await holderFor(deps.db, auth, body.personId, 'residence.manage');
  const id = await deps.db.tx((tx) => grantResidenceStatus(tx, origin, issuerOf(deps, auth), body));
  return presentStatus((await repo.findStatus(deps.db, id))!, todayOf(origin.at));
}

export async function withdrawStatus(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, id: string, reason: string) {
  requireCan(auth.actor, 'residence.manage');
  const row = await repo.findStatus(deps.db, id);
  if (!row) throw notFound('Residence status', 'RESIDENCE.STATUS_NOT_FOUND');
  if (!access.can(auth.actor, 'residence.manage', { jurisdictionPath: row.jurisdiction_path })) throw forbidden();
  await deps.db.tx((tx) => withdrawResidenceStatus(tx, origin, issuerOf(deps, auth), id, reason));
  return presentStatus((await repo.findStatus(deps.db, id))!, todayOf(origin.at));
}

export async function registerAddress(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, personId: string, body: AddressBody) {
  requireCan(auth.actor, 'residence.manage');
  const holder = await holderFor(deps.db, auth, personId, 'residence.manage');
  if (body.statusId) {
    const s = await repo.findStatus(deps.db, body.statusId);
    if (!s || s.person_id !== holder.id) throw validationError([{ field: 'body.statusId', code: 'RESIDENCE.STATUS_NOT_OF_PERSON', message: 'This status is not the person’s' }]);
  }
  const id = randomUUID();
  await deps.db.tx(async (tx) => {
    await repo.registerAddress(tx, { id, person_id: holder.id, status_id: body.statusId ?? null, region: body.region, community: body.community, line: body.line, registered_from: body.registeredFrom, created_at: origin.at, created_by: auth.actorName }, addDays(body.registeredFrom, -1));
    await audit(tx, origin, { action: 'residence.address.register', purpose: 'casework', targetType: 'person', targetId: holder.id, details: { addressId: id, region: body.region } });
  });
  return presentAddress((await repo.addressesOf(deps.db, holder.id)).find((a) => a.id === id)!);
}

/** A person's visas, statuses and address registrations (audited read). */
export async function personResidence(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, personId: string) {
  requireCan(auth.actor, 'residence.read');
  const holder = await holderFor(deps.db, auth, personId, 'residence.read');
  const today = todayOf(origin.at);
  const visas = await repo.visasOf(deps.db, holder.id);
  const statuses = await repo.statusesOf(deps.db, holder.id);
  const addresses = await repo.addressesOf(deps.db, holder.id);
  await deps.db.tx((tx) => audit(tx, origin, { action: 'residence.person.read', purpose: 'casework', targetType: 'person', targetId: holder.id }));
  return { personId: holder.id, visas: visas.map((v) => presentVisa(v, today)), statuses: statuses.map((s) => presentStatus(s, today)), addresses: addresses.map(presentAddress) };
}
