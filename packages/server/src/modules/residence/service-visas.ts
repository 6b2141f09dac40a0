import { randomUUID } from 'node:crypto';
import { access } from '@kamurj/domain';
import { DomainError, validationError } from '@kamurj/domain/kernel';
import { checkVisa, type VisaEntries, type VisaType } from '@kamurj/domain/residence';
import type { AppDeps } from '../../app-deps.ts';
import type { Queryable } from '../../db/client.ts';
import type { AuthContext } from '../../http/auth-context.ts';
import { requireCan } from '../../http/access.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { audit, type AuditOrigin } from '../audit/index.ts';
import { reachFilter } from '../persons/index.ts';
import { holderFor, issuerOf, syncDocument, todayOf, uniquely, type Issuer } from './context.ts';
import { presentVisa } from './presenter.ts';
import * as repo from './repository.ts';
import type { VisaBody, VisaQuery } from './schemas.ts';

export interface NewVisa {
  personId: string;
  jurisdictionPath: string | null;
  type: VisaType;
  number: string;
  issuingPost: string;
  validFrom: string;
  validTo: string;
  stayDays: number;
  entries: VisaEntries;
  passportNumber: string | null;
  importId: string | null;
}

/** Records a visa in the caller's transaction: the row, the document on the person record, the stay position, the audit row. */
export async function issueVisa(tx: Queryable, origin: AuditOrigin, issuer: Issuer, v: NewVisa): Promise<string> {
  const id = randomUUID();
  const documentId = randomUUID();
  await uniquely('RESIDENCE.VISA_EXISTS', `Visa ${v.number} is already recorded`, () =>
    repo.insertVisa(tx, {
      id, person_id: v.personId, jurisdiction_path: v.jurisdictionPath, type: v.type, number: v.number, issuing_post: v.issuingPost, valid_from: v.validFrom, valid_to: v.validTo,
      stay_days: v.stayDays, entries: v.entries, passport_number: v.passportNumber, document_id: documentId, import_id: v.importId, created_at: origin.at, created_by: issuer.actorName,
    }),
  );
  await syncDocument(tx, origin, issuer, v.personId, { id: documentId, type: 'visa', number: v.number, issuingState: issuer.country, issueDate: v.validFrom, expiryDate: v.validTo, status: 'valid', mrz: null }, { visaId: id });
  await audit(tx, origin, { action: 'residence.visa.create', purpose: 'casework', targetType: 'visa', targetId: id, details: { personId: v.personId, number: v.number, type: v.type, validFrom: v.validFrom, validTo: v.validTo, importId: v.importId } });
  return id;
}

export async function createVisa(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, body: VisaBody) {
  requireCan(auth.actor, 'residence.manage');
  const issues = checkVisa(body).map((i) => ({ ...i, field: `body.${i.field}` }));
  if (issues.length) throw validationError(issues);
  const holder = await holderFor(deps.db, auth, body.personId, 'residence.manage');
  const id = await deps.db.tx((tx) =>
    issueVisa(tx, origin, issuerOf(deps, auth), { ...body, personId: holder.id, jurisdictionPath: holder.jurisdiction_path, passportNumber: null, importId: null }),
  );
  return presentVisa((await repo.findVisa(deps.db, id))!, todayOf(origin.at));
}

async function readableVisa(deps: AppDeps, auth: AuthContext, id: string, action: 'residence.read' | 'residence.manage') {
  requireCan(auth.actor, action);
  const row = await repo.findVisa(deps.db, id);
  if (!row) throw notFound('Visa', 'RESIDENCE.VISA_NOT_FOUND');
  if (!access.can(auth.actor, action, { jurisdictionPath: row.jurisdiction_path })) throw forbidden();
  return row;
}

export async function getVisa(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, id: string) {
  const row = await readableVisa(deps, auth, id, 'residence.read');
  await deps.db.tx((tx) => audit(tx, origin, { action: 'residence.visa.read', purpose: 'casework', targetType: 'visa', targetId: id, details: { personId: row.person_id } }));
  return presentVisa(row, todayOf(origin.at));
}

export async function withdrawVisa(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, id: string, reason: string) {
  const row = await readableVisa(deps, auth, id, 'residence.manage');
  const issuer = issuerOf(deps, auth);
  await deps.db.tx(async (tx) => {
    if (!(await repo.withdrawVisa(tx, id, origin.at, reason))) throw new DomainError('RESIDENCE.ALREADY_WITHDRAWN', 'conflict', 'This visa was already withdrawn');
    await syncDocument(tx, origin, issuer, row.person_id, { id: row.document_id, type: 'visa', number: row.number, issuingState: issuer.country, issueDate: row.valid_from, expiryDate: row.valid_to, status: 'revoked', mrz: null }, { visaId: id, withdrawn: true });
    await audit(tx, origin, { action: 'residence.visa.withdraw', purpose: 'casework', targetType: 'visa', targetId: id, details: { personId: row.person_id, reason } });
  });
  return presentVisa((await repo.findVisa(deps.db, id))!, todayOf(origin.at));
}

/** Visas the caller may read, filtered in SQL by their reach; the list read is audited with the ids returned. */
export async function listVisas(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, query: VisaQuery) {
  requireCan(auth.actor, 'residence.read');
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const where: string[] = [];
  const reach = reachFilter(auth.actor, 'residence.read', 'v.jurisdiction_path', p);
  if (reach) where.push(reach);
  const today = todayOf(origin.at);
  if (query.personId) where.push(`v.person_id = ${p(query.personId)}`);
  if (query.type) where.push(`v.type = ${p(query.type)}`);
  if (query.q) where.push(`(v.number = ${p(query.q.toUpperCase())} OR v.passport_number = ${p(query.q.toUpperCase().replace(/\s+/g, ''))})`);
  if (query.state === 'withdrawn') where.push('v.withdrawn_at IS NOT NULL');
  if (query.state === 'in_force') where.push(`v.withdrawn_at IS NULL AND v.valid_from <= ${p(today)} AND v.valid_to >= ${p(today)}`);
  if (query.state === 'expired') where.push(`v.withdrawn_at IS NULL AND v.valid_to < ${p(today)}`);
  const { rows, total } = await repo.listVisas(deps.db, where, params, query.limit, query.offset);
  const items = rows.filter((r) => access.can(auth.actor, 'residence.read', { jurisdictionPath: r.jurisdiction_path })).map((r) => presentVisa(r, today));
  await deps.db.tx((tx) => audit(tx, origin, { action: 'residence.visa.list', purpose: 'casework', targetType: 'visa', details: { criteria: query, returned: items.map((i) => i.id) } }));
  return { items, total };
}
