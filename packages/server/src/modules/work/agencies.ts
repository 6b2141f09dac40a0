import { randomUUID } from 'node:crypto';
import { access } from '@kamurj/domain';
import { validationError } from '@kamurj/domain/kernel';
import { agencyStanding, checkSanction, type SanctionFact } from '@kamurj/domain/work';
import type { z } from 'zod';
import type { AppDeps } from '../../app-deps.ts';
import type { Queryable } from '../../db/client.ts';
import type { AuthContext } from '../../http/auth-context.ts';
import { requireCan } from '../../http/access.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { audit, type AuditOrigin } from '../audit/index.ts';
import { reachFilter } from '../persons/index.ts';
import { jurisdictionOf, listWhere, uniquely } from './common.ts';
import { taxNumberOrThrow } from './employers.ts';
import type { AgencyBody, ComplaintBody, InspectionBody, ListQuery, SanctionBody } from './schemas.ts';

interface AgencyRow { id: string; registration_number: string; tax_number: string; name: string; address: string; region: string | null; jurisdiction_path: string | null; phone: string | null; email: string | null; website: string | null; registered_on: string; created_at: Date }
interface SanctionRow { id: string; kind: SanctionFact['kind']; from_date: string; to_date: string | null; amount: string | null; reason: string; created_at: Date; created_by: string }

const today = (at: Date) => at.toISOString().slice(0, 10);

async function sanctionsOf(db: Queryable, ids: readonly string[]): Promise<Map<string, SanctionRow[]>> {
  const out = new Map<string, SanctionRow[]>(ids.map((id) => [id, []]));
  if (ids.length === 0) return out;
  const rows = (await db.query<SanctionRow & { agency_id: string }>('SELECT * FROM work_agency_sanctions WHERE agency_id = ANY($1::uuid[]) ORDER BY from_date', [ids])).rows;
  for (const r of rows) out.get(r.agency_id)?.push(r);
  return out;
}

const standingOf = (s: readonly SanctionRow[], date: string) => agencyStanding(s.map((x) => ({ kind: x.kind, from: x.from_date, to: x.to_date })), date);

/** What anyone may see of an agency: business data and standing, no person. */
const presentPublic = (r: AgencyRow, s: readonly SanctionRow[], date: string) => ({
  registrationNumber: r.registration_number,
  name: r.name,
  address: r.address,
  region: r.region,
  phone: r.phone,
  email: r.email,
  website: r.website,
  registeredOn: r.registered_on,
  standing: standingOf(s, date),
});

const present = (r: AgencyRow, s: readonly SanctionRow[], date: string) => ({ id: r.id, taxNumber: r.tax_number, ...presentPublic(r, s, date) });

export async function createAgency(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, body: AgencyBody) {
  requireCan(auth.actor, 'work.manage');
  const country = deps.config.country;
  const taxNumber = taxNumberOrThrow(country, body.taxNumber);
  const jurisdictionPath = jurisdictionOf(country, body.region, auth, 'work.manage');
  requireCan(auth.actor, 'work.manage', { jurisdictionPath });
  const id = randomUUID();
  await deps.db.tx(async (tx) => {
    await uniquely('WORK.AGENCY_EXISTS', 'An agency with this registration or tax number is already registered', () =>
      tx.query(
        `INSERT INTO work_agencies (id, country, registration_number, tax_number, name, address, region, jurisdiction_path, phone, email, website, registered_on, created_at, created_by)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)`,
        [id, country, body.registrationNumber, taxNumber, body.name, body.address, body.region ?? null, jurisdictionPath, body.phone ?? null, body.email ?? null, body.website ?? null, body.registeredOn, origin.at, auth.actorName],
      ),
    );
    await audit(tx, origin, { action: 'work.agency.create', purpose: 'casework', targetType: 'employment_agency', targetId: id, details: { registrationNumber: body.registrationNumber, taxNumber } });
  });
  return getAgency(deps, origin, auth, id);
}

async function agencies(db: Queryable, where: string[], params: unknown[], p: (v: unknown) => string, query: ListQuery) {
  if (query.q) where.push(`(registration_number = ${p(query.q)} OR tax_number = ${p(query.q.replace(/[\s-]/g, ''))} OR lower(name) LIKE ${p(`%${query.q.toLowerCase()}%`)})`);
  const w = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const total = Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM work_agencies ${w}`, params)).rows[0]?.n ?? 0);
  const rows = (await db.query<AgencyRow>(`SELECT * FROM work_agencies ${w} ORDER BY name, id LIMIT ${p(query.limit)} OFFSET ${p(query.offset)}`, params)).rows;
  return { rows, total, sanctions: await sanctionsOf(db, rows.map((r) => r.id)) };
}

export async function listAgencies(deps: AppDeps, auth: AuthContext, query: ListQuery) {
  requireCan(auth.actor, 'work.read');
  const { where, params, p } = listWhere();
  const reach = reachFilter(auth.actor, 'work.read', 'jurisdiction_path', p);
  if (reach) where.push(reach);
  const date = today(deps.clock.now());
  const { rows, total, sanctions } = await agencies(deps.db, where, params, p, query);
  return { items: rows.map((r) => present(r, sanctions.get(r.id) ?? [], date)), total };
}

/** The public register (no login): agencies in good standing or suspended; revoked ones leave the list. */
export async function publicAgencies(deps: AppDeps, query: ListQuery) {
  const { where, params, p } = listWhere();
  where.push(`NOT EXISTS (SELECT 1 FROM work_agency_sanctions s WHERE s.agency_id = work_agencies.id AND s.kind = 'revocation' AND s.from_date <= ${p(today(deps.clock.now()))})`);
  const date = today(deps.clock.now());
  const { rows, total, sanctions } = await agencies(deps.db, where, params, p, query);
  return { items: rows.map((r) => presentPublic(r, sanctions.get(r.id) ?? [], date)), total };
}

async function loadAgency(deps: AppDeps, auth: AuthContext, id: string, action: 'work.read' | 'work.manage') {
  requireCan(auth.actor, action);
  const row = (await deps.db.query<AgencyRow>('SELECT * FROM work_agencies WHERE id = $1', [id])).rows[0];
  if (!row) throw notFound('Employment agency', 'WORK.AGENCY_NOT_FOUND');
  if (!access.can(auth.actor, action, { jurisdictionPath: row.jurisdiction_path })) throw forbidden();
  return row;
}

/** An agency with inspections, complaints (complainants are personal data: the read is audited) and sanctions. */
export async function getAgency(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, id: string) {
  const row = await loadAgency(deps, auth, id, 'work.read');
  const date = today(origin.at);
  const inspections = await deps.db.query<{ id: string; inspected_on: string; result: string; findings: string; created_by: string }>('SELECT * FROM work_agency_inspections WHERE agency_id = $1 ORDER BY inspected_on DESC', [id]);
  const complaints = await deps.db.query<{ id: string; received_on: string; complainant: string | null; summary: string; state: string }>('SELECT * FROM work_agency_complaints WHERE agency_id = $1 ORDER BY received_on DESC', [id]);
  const sanctions = await sanctionsOf(deps.db, [id]);
  await deps.db.tx((tx) => audit(tx, origin, { action: 'work.agency.read', purpose: 'casework', targetType: 'employment_agency', targetId: id }));
  const s = sanctions.get(id) ?? [];
  return {
    ...present(row, s, date),
    inspections: inspections.rows.map((i) => ({ id: i.id, inspectedOn: i.inspected_on, result: i.result, findings: i.findings, createdBy: i.created_by })),
    complaints: complaints.rows.map((c) => ({ id: c.id, receivedOn: c.received_on, complainant: c.complainant, summary: c.summary, state: c.state })),
    sanctions: s.map((x) => ({ id: x.id, kind: x.kind, from: x.from_date, to: x.to_date, amount: x.amount === null ? null : Number(x.amount), reason: x.reason, createdBy: x.created_by })),
  };
}

type Sub = { kind: 'inspection'; body: z.infer<typeof InspectionBody> } | { kind: 'complaint'; body: z.infer<typeof ComplaintBody> } | { kind: 'sanction'; body: SanctionBody };

/** Records an inspection, complaint or sanction of an agency (one transaction with its audit row). */
export async function addToAgency(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, id: string, sub: Sub) {
  await loadAgency(deps, auth, id, 'work.manage');
  if (sub.kind === 'sanction') {
    const issues = checkSanction({ kind: sub.body.kind, from: sub.body.from, to: sub.body.to ?? null, amount: sub.body.amount ?? null }).map((i) => ({ ...i, field: `body.${i.field}` }));
    if (issues.length) throw validationError(issues);
  }
  const subId = randomUUID();
  await deps.db.tx(async (tx) => {
    if (sub.kind === 'inspection') {
      await tx.query('INSERT INTO work_agency_inspections (id, agency_id, inspected_on, result, findings, created_at, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7)', [subId, id, sub.body.inspectedOn, sub.body.result, sub.body.findings, origin.at, auth.actorName]);
    } else if (sub.kind === 'complaint') {
      await tx.query('INSERT INTO work_agency_complaints (id, agency_id, received_on, complainant, summary, state, created_at, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)', [subId, id, sub.body.receivedOn, sub.body.complainant ?? null, sub.body.summary, sub.body.state, origin.at, auth.actorName]);
    } else {
      await tx.query('INSERT INTO work_agency_sanctions (id, agency_id, kind, from_date, to_date, amount, reason, created_at, created_by) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)', [subId, id, sub.body.kind, sub.body.from, sub.body.to ?? null, sub.body.amount ?? null, sub.body.reason, origin.at, auth.actorName]);
    }
    await audit(tx, origin, { action: `work.agency.${sub.kind}`, purpose: 'casework', targetType: 'employment_agency', targetId: id, details: { id: subId } });
  });
  return getAgency(deps, origin, auth, id);
}
