/**
 * Work-permit applications as cases (issue 6; ADR 0404): the work module's hooks on the domain's
 * `work-permit` case type. The employer must be in the registry (tax number); a worker the law exempts
 * (EAEU citizens, permanent residents, …) cannot be the subject of an application; the labour ministry
 * reaches these cases through `cases.labour_review` to record its consent within 15 working days; the
 * grant issues the permit together with employment-based temporary residence; the employer's termination
 * notice ends both. Everything runs in the transaction of the case action.
 */
import { residenceValidUntil } from '@kamurj/domain/casework';
import { DomainError, validationError } from '@kamurj/domain/kernel';
import { isExempt, validateTaxNumber, WORK_EXEMPTIONS } from '@kamurj/domain/work';
import { randomUUID } from 'node:crypto';
import type { Queryable } from '../../db/client.ts';
import { audit } from '../audit/index.ts';
import { extendCaseType, type AppliedContext, type CaseTypeExtension, type HookContext } from '../casework/index.ts';
import { findPerson } from '../persons/index.ts';
import { grantResidenceStatus, nextCardNumber, withdrawResidenceStatus } from '../residence/index.ts';

const invalid = (field: string, code: string, message: string) => validationError([{ field: `payload.${field}`, code, message }]);

interface PermitRow {
  case_id: string;
  person_id: string;
  employer_id: string;
  employer_name: string;
  permit_number: string | null;
  valid_from: string | null;
  valid_to: string | null;
  residence_status_id: string | null;
}

async function permitOf(q: Queryable, caseId: string): Promise<PermitRow> {
  const row = (
    await q.query<PermitRow>(
      `SELECT a.case_id, a.person_id, a.employer_id, e.name AS employer_name, a.permit_number, a.valid_from, a.valid_to, a.residence_status_id
         FROM work_permit_applications a JOIN work_employers e ON e.id = a.employer_id WHERE a.case_id = $1`,
      [caseId],
    )
  ).rows[0];
  if (!row) throw new DomainError('WORK.APPLICATION_NOT_SUBMITTED', 'conflict', 'This case has no submitted work-permit application');
  return row;
}

async function worker(q: Queryable, id: string) {
  let p = await findPerson(q, id);
  for (let hops = 0; p?.merged_into && hops < 20; hops++) p = await findPerson(q, p.merged_into);
  if (!p) throw invalid('workerId', 'PERSONS.NOT_FOUND', 'The worker is not in the person registry');
  return p;
}

/** Refuses when the law exempts the worker from the permit, naming the exemption and its basis. */
async function requirePermit(ctx: HookContext, personId: string, citizenships: readonly string[]) {
  const country = ctx.deps.config.country;
  const status = (
    await ctx.tx.query<{ kind: string; ground: string }>(
      `SELECT kind, ground FROM residence_statuses WHERE person_id = $1 AND withdrawn_at IS NULL AND valid_from <= $2 AND valid_to >= $2 ORDER BY valid_to DESC LIMIT 1`,
      [personId, ctx.date],
    )
  ).rows[0];
  const answer = isExempt(country, { citizenships, residenceStatus: status?.kind ?? null, residenceGround: status?.ground ?? null, date: ctx.date });
  if (!answer.exempt) return;
  const known = WORK_EXEMPTIONS[country] ?? [];
  const named = answer.grounds.map((g) => known.find((e) => e.code === g)).map((e, i) => (e ? `${e.labels.en} (${e.basis})` : answer.grounds[i]));
  throw new DomainError('WORK.PERMIT_NOT_REQUIRED', 'conflict', `This worker needs no work permit: ${named.join('; ')}`, { grounds: answer.grounds });
}

const countryCitizenships = (p: { record: { citizenships: readonly { kind: string; code: string }[] } }) => p.record.citizenships.filter((c) => c.kind === 'country').map((c) => c.code);

async function prepareSubmit(ctx: HookContext, payload: Record<string, unknown>) {
  const country = ctx.deps.config.country;
  if (typeof payload.employerTaxNumber !== 'string') return payload; // the action table names the missing field
  const tax = validateTaxNumber(country, payload.employerTaxNumber);
  if (!tax.ok) throw invalid('employerTaxNumber', tax.code, tax.message);
  const employer = (await ctx.tx.query<{ id: string; name: string }>('SELECT id, name FROM work_employers WHERE country = $1 AND tax_number = $2', [country, tax.value])).rows[0];
  if (!employer) throw invalid('employerTaxNumber', 'WORK.EMPLOYER_NOT_REGISTERED', `No employer with tax number ${tax.value} is registered; register the employer first`);
  if (payload.employerName !== undefined && String(payload.employerName).trim().toLowerCase() !== employer.name.trim().toLowerCase()) {
    throw invalid('employerName', 'WORK.EMPLOYER_NAME_MISMATCH', `The employer with tax number ${tax.value} is registered as “${employer.name}”`);
  }
  const [subject, ...others] = ctx.case.subjectPersonIds;
  if (!subject || others.length) throw new DomainError('WORK.WORKER_REQUIRED', 'validation', 'A work-permit case is about one worker: pick the person when opening the case', { issues: [{ field: 'body.subjectPersonIds', code: 'WORK.WORKER_REQUIRED', message: 'Exactly one worker' }] });
  const person = await worker(ctx.tx, subject);
  await requirePermit(ctx, person.id, countryCitizenships(person));
  return { ...payload, employerTaxNumber: tax.value, employerName: employer.name };
}

async function appliedSubmit(ctx: AppliedContext) {
  const country = ctx.deps.config.country;
  const employer = (await ctx.tx.query<{ id: string }>('SELECT id FROM work_employers WHERE country = $1 AND tax_number = $2', [country, ctx.record.payload.employerTaxNumber])).rows[0]!;
  const person = await worker(ctx.tx, ctx.case.subjectPersonIds[0]!);
  await ctx.tx.query(
    `INSERT INTO work_permit_applications (case_id, person_id, employer_id, created_at) VALUES ($1,$2,$3,$4)
     ON CONFLICT (case_id) DO UPDATE SET person_id = EXCLUDED.person_id, employer_id = EXCLUDED.employer_id`,
    [ctx.case.id, person.id, employer.id, ctx.origin.at],
  );
}

async function prepareWorkerData(ctx: HookContext, payload: Record<string, unknown>) {
  const app = await permitOf(ctx.tx, ctx.case.id);
  if (payload.workerId !== undefined && payload.workerId !== app.person_id) throw invalid('workerId', 'WORK.WORKER_MISMATCH', 'The worker is the person the application was filed for');
  const person = await worker(ctx.tx, app.person_id);
  const citizenships = countryCitizenships(person);
  const nationality = typeof payload.nationality === 'string' ? payload.nationality.toUpperCase() : citizenships[0];
  await requirePermit(ctx, person.id, nationality ? [...new Set([nationality, ...citizenships])] : citizenships);
  const passport = person.record.documents.find((d) => d.type === 'passport' && d.status === 'valid');
  const passportNumber = typeof payload.passportNumber === 'string' ? payload.passportNumber : passport?.number;
  if (!passportNumber || !person.record.documents.some((d) => d.number.replace(/\s/g, '').toUpperCase() === passportNumber.replace(/\s/g, '').toUpperCase())) {
    throw invalid('passportNumber', 'WORK.PASSPORT_NOT_ON_RECORD', 'Record the worker’s passport on the person record first');
  }
  if (typeof payload.contractStart === 'string' && typeof payload.contractEnd === 'string' && payload.contractEnd < payload.contractStart) {
    throw invalid('contractEnd', 'WORK.CONTRACT_DATES', 'The contract must not end before it starts');
  }
  return { ...payload, workerId: app.person_id, ...(nationality ? { nationality } : {}), passportNumber };
}

async function prepareGrant(ctx: HookContext, payload: Record<string, unknown>) {
  const validUntil = String(payload.validUntil ?? '');
  const contractEnd = String(ctx.before.data.contractEnd ?? '');
  const longest = residenceValidUntil('temporary', ctx.date);
  if (validUntil && validUntil <= ctx.date) throw invalid('validUntil', 'WORK.PERMIT_VALIDITY', 'The permit must be valid after the day of the decision');
  if (validUntil && contractEnd && validUntil > contractEnd) throw invalid('validUntil', 'WORK.PERMIT_BEYOND_CONTRACT', `The permit may not outlast the employment contract (ends ${contractEnd})`);
  if (validUntil && validUntil > longest) throw invalid('validUntil', 'WORK.PERMIT_TOO_LONG', `Employment-based temporary residence lasts at most one year (until ${longest})`);
  const taken = typeof payload.permitNumber === 'string' && (await ctx.tx.query('SELECT 1 FROM work_permit_applications WHERE permit_number = $1', [payload.permitNumber])).rows.length > 0;
  if (taken) throw new DomainError('WORK.PERMIT_NUMBER_TAKEN', 'conflict', `Work permit ${String(payload.permitNumber)} is already recorded`);
  const residenceCardNumber = typeof payload.residenceCardNumber === 'string' ? payload.residenceCardNumber : await nextCardNumber(ctx.tx, ctx.date);
  return { ...payload, residenceCardNumber };
}

/** The permit and employment-based temporary residence, granted together (§2.5 step 5). */
async function appliedGrant(ctx: AppliedContext) {
  const app = await permitOf(ctx.tx, ctx.case.id);
  const p = ctx.record.payload;
  const statusId = await grantResidenceStatus(ctx.tx, ctx.origin, { country: ctx.deps.config.country, actorId: ctx.auth.actor.id, actorName: ctx.auth.actorName }, {
    personId: app.person_id,
    kind: 'temporary',
    ground: 'work',
    cardNumber: String(p.residenceCardNumber),
    validFrom: ctx.date,
    validTo: String(p.validUntil),
    issuingOffice: ctx.case.agencyCode,
    decisionRef: `${ctx.case.number}#${ctx.record.seq}`,
  });
  await ctx.tx.query('UPDATE work_permit_applications SET permit_number = $2, valid_from = $3, valid_to = $4, residence_status_id = $5 WHERE case_id = $1', [
    ctx.case.id, p.permitNumber, ctx.date, p.validUntil, statusId,
  ]);
}

async function prepareTermination(ctx: HookContext, payload: Record<string, unknown>) {
  const app = await permitOf(ctx.tx, ctx.case.id);
  const on = String(payload.terminationDate ?? '');
  if (on && (on > ctx.date || (app.valid_from !== null && on < app.valid_from))) {
    throw invalid('terminationDate', 'WORK.TERMINATION_DATE', `The employment ended between the permit’s first day (${app.valid_from}) and today (${ctx.date})`);
  }
  return payload;
}

/** The employer's notice is kept with the employer; the permit ends and the residence it founded is withdrawn. */
async function appliedTermination(ctx: AppliedContext) {
  const app = await permitOf(ctx.tx, ctx.case.id);
  const p = ctx.record.payload;
  const noticeId = randomUUID();
  const note = [`Case ${ctx.case.number}`, String(p.reason), typeof p.details === 'string' ? p.details : ''].filter(Boolean).join(': ');
  await ctx.tx.query(`INSERT INTO work_employer_notices (id, employer_id, person_id, kind, effective_on, note, created_at, created_by) VALUES ($1,$2,$3,'termination',$4,$5,$6,$7)`, [
    noticeId, app.employer_id, app.person_id, p.terminationDate, note, ctx.origin.at, ctx.auth.actorName,
  ]);
  await audit(ctx.tx, ctx.origin, { action: 'work.employer.notice', purpose: 'casework', targetType: 'employer', targetId: app.employer_id, details: { noticeId, kind: 'termination', personId: app.person_id, effectiveOn: p.terminationDate, case: ctx.case.number } });
  if (app.residence_status_id) {
    await withdrawResidenceStatus(ctx.tx, ctx.origin, { country: ctx.deps.config.country, actorId: ctx.auth.actor.id, actorName: ctx.auth.actorName }, app.residence_status_id, `Employment ended on ${String(p.terminationDate)} (case ${ctx.case.number})`);
  }
  await ctx.tx.query('UPDATE work_permit_applications SET ended_on = $2, end_reason = $3, notice_id = $4 WHERE case_id = $1', [ctx.case.id, p.terminationDate, p.reason, noticeId]);
}

async function describe(q: Queryable, c: { id: string }, d: { action: string; payload: Record<string, unknown> }) {
  if (d.action !== 'grant') return null;
  const app = await permitOf(q, c.id);
  const p = d.payload;
  return {
    hy: `Աշխատանքի թույլտվություն № ${String(p.permitNumber)}՝ ${app.employer_name} գործատուի մոտ աշխատելու համար, գործում է ${app.valid_from}-ից ${app.valid_to}-ը ներառյալ։ Դրա հետ տրվում է աշխատանքի հիմքով ժամանակավոր կացության կարգավիճակ, կացության քարտ № ${String(p.residenceCardNumber)}։`,
    ru: `Разрешение на работу № ${String(p.permitNumber)} у работодателя ${app.employer_name}, действует с ${app.valid_from} по ${app.valid_to} включительно. Вместе с ним предоставлен временный вид на жительство на основании работы, карта № ${String(p.residenceCardNumber)}.`,
    en: `Work permit No. ${String(p.permitNumber)} for employment with ${app.employer_name}, valid from ${app.valid_from} to ${app.valid_to} inclusive. Temporary residence status on the ground of work is granted with it, residence card No. ${String(p.residenceCardNumber)}.`,
  };
}

export const workPermits: CaseTypeExtension = {
  reviewAccess: 'cases.labour_review',
  actions: {
    submit: { prepare: prepareSubmit, applied: appliedSubmit },
    'enter-worker-data': { prepare: prepareWorkerData },
    grant: { prepare: prepareGrant, applied: appliedGrant },
    'notify-termination': { prepare: prepareTermination, applied: appliedTermination },
  },
  describeDecision: describe,
};

extendCaseType('work-permit', workPermits);
