import { randomUUID } from 'node:crypto';
import { access } from '@kamurj/domain';
import { validationError } from '@kamurj/domain/kernel';
import { validateTaxNumber } from '@kamurj/domain/work';
import type { AppDeps } from '../../app-deps.ts';
import type { AuthContext } from '../../http/auth-context.ts';
import { requireCan } from '../../http/access.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { audit, type AuditOrigin } from '../audit/index.ts';
import { findPerson, reachFilter } from '../persons/index.ts';
import { jurisdictionOf, listWhere, uniquely } from './common.ts';
import type { EmployerBody, ListQuery, NoticeBody } from './schemas.ts';

interface EmployerRow { id: string; country: string; tax_number: string; name: string; address: string; region: string | null; jurisdiction_path: string | null; contacts: { kind: string; value: string }[]; created_at: Date; created_by: string }
interface NoticeRow { id: string; employer_id: string; person_id: string | null; kind: string; effective_on: string; note: string | null; created_at: Date; created_by: string }

const present = (r: EmployerRow) => ({ id: r.id, taxNumber: r.tax_number, name: r.name, address: r.address, region: r.region, contacts: r.contacts, createdAt: r.created_at.toISOString(), createdBy: r.created_by });
const presentNotice = (n: NoticeRow) => ({ id: n.id, personId: n.person_id, kind: n.kind, effectiveOn: n.effective_on, note: n.note, createdAt: n.created_at.toISOString(), createdBy: n.created_by });

/** The tax number checked by the profile's rule, as a field problem. */
export function taxNumberOrThrow(country: string, value: string): string {
  const r = validateTaxNumber(country, value);
  if (!r.ok) throw validationError([{ field: 'body.taxNumber', code: r.code, message: r.message }]);
  return r.value;
}

export async function createEmployer(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, body: EmployerBody) {
  requireCan(auth.actor, 'work.manage');
  const country = deps.config.country;
  const taxNumber = taxNumberOrThrow(country, body.taxNumber);
  const jurisdictionPath = jurisdictionOf(country, body.region, auth, 'work.manage');
  requireCan(auth.actor, 'work.manage', { jurisdictionPath });
  const id = randomUUID();
  await deps.db.tx(async (tx) => {
    await uniquely('WORK.EMPLOYER_EXISTS', `An employer with tax number ${taxNumber} is already registered`, () =>
      tx.query(`INSERT INTO work_employers (id, country, tax_number, name, address, region, jurisdiction_path, contacts, created_at, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)`, [
        id, country, taxNumber, body.name, body.address, body.region ?? null, jurisdictionPath, JSON.stringify(body.contacts), origin.at, auth.actorName,
      ]),
    );
    await audit(tx, origin, { action: 'work.employer.create', purpose: 'casework', targetType: 'employer', targetId: id, details: { taxNumber, name: body.name } });
  });
  return getEmployer(deps, origin, auth, id);
}

export async function listEmployers(deps: AppDeps, auth: AuthContext, query: ListQuery) {
  requireCan(auth.actor, 'work.read');
  const { where, params, p } = listWhere();
  const reach = reachFilter(auth.actor, 'work.read', 'jurisdiction_path', p);
  if (reach) where.push(reach);
  if (query.q) where.push(`(tax_number = ${p(query.q.replace(/[\s-]/g, ''))} OR lower(name) LIKE ${p(`%${query.q.toLowerCase()}%`)})`);
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = Number((await deps.db.query<{ n: string }>(`SELECT count(*) AS n FROM work_employers ${w}`, params)).rows[0]?.n ?? 0);
  const rows = (await deps.db.query<EmployerRow>(`SELECT * FROM work_employers ${w} ORDER BY name, id LIMIT ${p(query.limit)} OFFSET ${p(query.offset)}`, params)).rows;
  return { items: rows.map(present), total };
}

async function loadEmployer(deps: AppDeps, auth: AuthContext, id: string, action: 'work.read' | 'work.manage') {
  requireCan(auth.actor, action);
  const row = (await deps.db.query<EmployerRow>('SELECT * FROM work_employers WHERE id = $1', [id])).rows[0];
  if (!row) throw notFound('Employer', 'WORK.EMPLOYER_NOT_FOUND');
  if (!access.can(auth.actor, action, { jurisdictionPath: row.jurisdiction_path })) throw forbidden();
  return row;
}

/** An employer with its notices; the notices name workers, so the read is audited. */
export async function getEmployer(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, id: string) {
  const row = await loadEmployer(deps, auth, id, 'work.read');
  const notices = (await deps.db.query<NoticeRow>('SELECT * FROM work_employer_notices WHERE employer_id = $1 ORDER BY effective_on DESC, created_at DESC', [id])).rows;
  await deps.db.tx((tx) => audit(tx, origin, { action: 'work.employer.read', purpose: 'casework', targetType: 'employer', targetId: id }));
  return { ...present(row), notices: notices.map(presentNotice) };
}

/** An employer's notice (termination of employment, hire, change) about a foreign worker. */
export async function addNotice(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, id: string, body: NoticeBody) {
  await loadEmployer(deps, auth, id, 'work.manage');
  if (body.personId && !(await findPerson(deps.db, body.personId))) throw validationError([{ field: 'body.personId', code: 'PERSONS.NOT_FOUND', message: 'Person not found' }]);
  const noticeId = randomUUID();
  await deps.db.tx(async (tx) => {
    await tx.query(`INSERT INTO work_employer_notices (id, employer_id, person_id, kind, effective_on, note, created_at, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)`, [
      noticeId, id, body.personId ?? null, body.kind, body.effectiveOn, body.note ?? null, origin.at, auth.actorName,
    ]);
    await audit(tx, origin, { action: 'work.employer.notice', purpose: 'casework', targetType: 'employer', targetId: id, details: { noticeId, kind: body.kind, personId: body.personId ?? null, effectiveOn: body.effectiveOn } });
  });
  return { id: noticeId, employerId: id, kind: body.kind, effectiveOn: body.effectiveOn, personId: body.personId ?? null, note: body.note ?? null };
}
