/**
 * Residence-status applications as cases (issue 6; ADR 0404): the residence module's hooks on the
 * domain's `residence-permit` case type. Submitting runs the pre-decision checks and records them on the
 * case; the grant creates the status and its card in the same transaction as the decision (the person's
 * stay position is recomputed at once); the refusal records the first day to apply again (art. 20(4));
 * an extension adds the next term; a revocation withdraws the status. Every refusal names its rule and
 * leaves nothing written.
 */
import { addCalendarDays, reapplyAllowedFrom, type ResidenceGround, type ResidenceKind } from '@kamurj/domain/casework';
import { DomainError, validationError } from '@kamurj/domain/kernel';
import { checkGround, RESIDENCE_GROUNDS } from '@kamurj/domain/residence';
import type { Queryable } from '../../db/client.ts';
import { extendCaseType, type AppliedContext, type CaseTypeExtension, type HookContext } from '../casework/index.ts';
import { documentCheck, listCheck, refusalsCheck, type EarlierRefusal } from './applications-checks.ts';
import { holderFor, issuerOf } from './context.ts';
import * as repo from './repository.ts';
import { grantResidenceStatus, withdrawResidenceStatus } from './service-status.ts';

/** The case type's ground codes → the residence registry's (ADR 0404: the two lists were written apart). */
export const REGISTRY_GROUND: Readonly<Record<ResidenceGround, string>> = {
  study: 'study',
  work: 'work',
  marriage: 'marriage',
  'close-relative': 'close_relative',
  entrepreneurship: 'entrepreneurship',
  'armenian-origin': 'armenian_origin',
  'relatives-housing-means': 'lawful_residence',
  'economic-cultural-activity': 'economic_cultural',
};

/** The legal basis a grant or extension must cite for each status kind. */
const BASIS_OF_KIND: Readonly<Record<ResidenceKind, string>> = { temporary: 'LF-TEMPORARY', permanent: 'LF-PERMANENT', special: 'LF-SPECIAL' };
const KIND_LABEL: Readonly<Record<ResidenceKind, { hy: string; ru: string; en: string }>> = {
  temporary: { hy: 'Ժամանակավոր կացության կարգավիճակ', ru: 'Временный вид на жительство', en: 'Temporary residence status' },
  permanent: { hy: 'Մշտական կացության կարգավիճակ', ru: 'Постоянный вид на жительство', en: 'Permanent residence status' },
  special: { hy: 'Հատուկ կացության կարգավիճակ', ru: 'Особый вид на жительство', en: 'Special residence status' },
};

const invalid = (field: string, code: string, message: string) => validationError([{ field: `payload.${field}`, code, message }]);

interface ApplicationRow {
  case_id: string;
  person_id: string;
  kind: ResidenceKind;
  ground: ResidenceGround;
  status_id: string | null;
}

const applicationOf = async (q: Queryable, caseId: string): Promise<ApplicationRow> => {
  const row = (await q.query<ApplicationRow>('SELECT case_id, person_id, kind, ground, status_id FROM residence_applications WHERE case_id = $1', [caseId])).rows[0];
  if (!row) throw new DomainError('RESIDENCE.APPLICATION_NOT_SUBMITTED', 'conflict', 'This case has no submitted residence application');
  return row;
};

/** Refusals of the person on other cases, with the first day to apply again for `ground` (art. 20(4)). */
async function refusalsOf(q: Queryable, personId: string, caseId: string, ground: ResidenceGround): Promise<EarlierRefusal[]> {
  const rows = (
    await q.query<{ number: string; refused_on: string; ground: ResidenceGround }>(
      `SELECT c.number, a.refused_on, a.ground FROM residence_applications a JOIN cases c ON c.id = a.case_id
        WHERE a.person_id = $1 AND a.case_id <> $2 AND a.refused_on IS NOT NULL ORDER BY a.refused_on`,
      [personId, caseId],
    )
  ).rows;
  return rows.map((r) => ({ caseNumber: r.number, refusedOn: r.refused_on, ground: r.ground, reapplyFrom: reapplyAllowedFrom({ decidedOn: r.refused_on, ground: r.ground }, ground) }));
}

/** The applicant: the case's subject (named or the only one), as registered. */
async function applicant(ctx: HookContext, payload: Record<string, unknown>) {
  const subjects = ctx.case.subjectPersonIds;
  const id = typeof payload.applicantId === 'string' ? payload.applicantId : subjects.length === 1 ? subjects[0] : undefined;
  if (!id || !subjects.includes(id)) throw invalid('applicantId', 'RESIDENCE.APPLICANT_NOT_SUBJECT', 'The applicant must be the person the case is about (pick them when opening the case)');
  return holderFor(ctx.tx, null, id, 'residence.manage');
}

async function prepareSubmit(ctx: HookContext, payload: Record<string, unknown>) {
  const person = await applicant(ctx, payload);
  const kind = payload.kind as ResidenceKind;
  const ground = payload.ground as ResidenceGround;
  const groundIssue = typeof kind === 'string' && typeof ground === 'string' ? checkGround(kind, REGISTRY_GROUND[ground] ?? ground) : null;
  if (groundIssue) throw invalid('ground', groundIssue.code, groundIssue.message);
  if (typeof ground === 'string') {
    const barred = (await refusalsOf(ctx.tx, person.id, ctx.case.id, ground)).filter((r) => r.reapplyFrom > ctx.date);
    const last = barred.at(-1);
    if (last) {
      throw new DomainError(
        'RESIDENCE.REAPPLY_TOO_EARLY',
        'conflict',
        `Refused on ${last.refusedOn} (case ${last.caseNumber}); under the Law on Foreigners art. 20(4) a new application may be filed from ${last.reapplyFrom}${last.ground === 'study' ? ' (at once only for study)' : ''}`,
        { reapplyFrom: last.reapplyFrom, refusedOn: last.refusedOn, case: last.caseNumber },
      );
    }
  }
  const passport = person.record.documents.find((d) => d.type === 'passport' && d.status === 'valid') ?? person.record.documents.find((d) => d.type === 'passport');
  const nationality = person.record.citizenships.find((c) => c.kind === 'country')?.code;
  return {
    ...payload,
    applicantId: person.id,
    ...(payload.nationality === undefined && nationality ? { nationality } : {}),
    ...(payload.passportNumber === undefined && passport ? { passportNumber: passport.number } : {}),
    ...(payload.passportValidUntil === undefined && passport?.expiryDate ? { passportValidUntil: passport.expiryDate } : {}),
  };
}

/** After submission: the application row, then the checks as actions of the case. */
async function appliedSubmit(ctx: AppliedContext) {
  const p = ctx.record.payload;
  const kind = p.kind as ResidenceKind;
  const ground = p.ground as ResidenceGround;
  const person = await holderFor(ctx.tx, null, String(p.applicantId), 'residence.manage');
  await ctx.tx.query(
    `INSERT INTO residence_applications (case_id, person_id, kind, ground, created_at) VALUES ($1,$2,$3,$4,$5)
     ON CONFLICT (case_id) DO UPDATE SET person_id = EXCLUDED.person_id, kind = EXCLUDED.kind, ground = EXCLUDED.ground`,
    [ctx.case.id, person.id, kind, ground, ctx.origin.at],
  );
  await ctx.append('start-checks');
  await ctx.append('check-document-validity', { ...documentCheck(person.record, { passportNumber: String(p.passportNumber), passportValidUntil: String(p.passportValidUntil), kind, date: ctx.date }) });
  await ctx.append('check-watchlist', { ...(await listCheck(ctx.deps.db, ctx.tx, ctx.deps.config.country, person, ctx.date)) });
  await ctx.append('check-earlier-refusals', { ...refusalsCheck(await refusalsOf(ctx.tx, person.id, ctx.case.id, ground)) });
}

function checkBasis(kind: ResidenceKind, payload: Record<string, unknown>) {
  const want = BASIS_OF_KIND[kind];
  if (payload.legalBasis !== undefined && payload.legalBasis !== want) throw invalid('legalBasis', 'RESIDENCE.LEGAL_BASIS_KIND', `A ${kind} status is granted on ${want}`);
  return payload;
}

async function prepareGrant(ctx: HookContext, payload: Record<string, unknown>) {
  const app = await applicationOf(ctx.tx, ctx.case.id);
  const hits = Object.entries(ctx.before.checks).filter(([, c]) => c.result === 'hit').map(([code]) => code);
  if (hits.length) {
    throw new DomainError('RESIDENCE.CHECKS_NOT_CLEAR', 'conflict', `The pre-decision checks found a problem (${hits.join(', ')}): review it and record the check again, or refuse`, { checks: hits });
  }
  return checkBasis(app.kind, payload);
}

/** Allocates the next residence card number: `RC-<year>-<serial>`. */
export async function nextCardNumber(q: Queryable, date: string): Promise<string> {
  const n = (await q.query<{ n: string }>(`SELECT nextval('residence_card_seq')::text AS n`)).rows[0]!.n;
  return `RC-${date.slice(0, 4)}-${n.padStart(7, '0')}`;
}

const decisionRef = (ctx: AppliedContext) => `${ctx.case.number}#${ctx.record.seq}`;

async function grantTerm(ctx: AppliedContext, validFrom: string) {
  const app = await applicationOf(ctx.tx, ctx.case.id);
  const statusId = await grantResidenceStatus(ctx.tx, ctx.origin, issuerOf(ctx.deps, ctx.auth), {
    personId: app.person_id,
    kind: app.kind,
    ground: REGISTRY_GROUND[app.ground],
    cardNumber: await nextCardNumber(ctx.tx, validFrom),
    validFrom,
    issuingOffice: ctx.case.agencyCode,
    decisionRef: decisionRef(ctx),
  });
  await ctx.tx.query('UPDATE residence_applications SET status_id = $2 WHERE case_id = $1', [ctx.case.id, statusId]);
}

function prepareRefuse(ctx: HookContext, payload: Record<string, unknown>) {
  const ground = ctx.before.data.ground as ResidenceGround;
  const reapplyFrom = reapplyAllowedFrom({ decidedOn: ctx.date, ground });
  if (payload.reapplyFrom !== undefined && payload.reapplyFrom !== reapplyFrom) {
    throw invalid('reapplyFrom', 'RESIDENCE.REAPPLY_DATE', `Under the Law on Foreigners art. 20(4) a person refused today may apply again from ${reapplyFrom}`);
  }
  return Promise.resolve({ ...payload, reapplyFrom });
}

async function currentStatus(q: Queryable, caseId: string) {
  const app = await applicationOf(q, caseId);
  const status = app.status_id ? await repo.findStatus(q, app.status_id) : undefined;
  if (!status) throw new DomainError('RESIDENCE.STATUS_NOT_FOUND', 'conflict', 'No residence status was granted on this case');
  return status;
}

/** The card handed over is the one the grant issued: its fields are filled in, and must match if typed. */
async function prepareIssueCard(ctx: HookContext, payload: Record<string, unknown>) {
  const s = await currentStatus(ctx.tx, ctx.case.id);
  const issued = { cardNumber: s.card_number, validFrom: s.valid_from, validUntil: s.valid_to };
  for (const [field, value] of Object.entries(issued)) {
    if (payload[field] !== undefined && payload[field] !== value) throw invalid(field, 'RESIDENCE.CARD_MISMATCH', `The granted card has ${field} ${value}`);
  }
  return { ...payload, ...issued };
}

async function appliedRevoke(ctx: AppliedContext) {
  const rows = (
    await ctx.tx.query<{ id: string }>(`SELECT id FROM residence_statuses WHERE decision_ref LIKE $1 AND withdrawn_at IS NULL`, [`${ctx.case.number.replace(/[\\%_]/g, (m) => `\\${m}`)}#%`])
  ).rows;
  const reason = String(ctx.record.payload.reasons ?? 'revoked');
  for (const r of rows) await withdrawResidenceStatus(ctx.tx, ctx.origin, issuerOf(ctx.deps, ctx.auth), r.id, `Case ${ctx.case.number}: ${reason}`);
}

async function describe(q: Queryable, c: { id: string; number: string }, d: { seq: number; action: string; payload: Record<string, unknown> }) {
  if (d.action === 'refuse') {
    const from = String(d.payload.reapplyFrom ?? '');
    return { hy: `Նոր դիմում կարող է ներկայացվել ${from}-ից։`, ru: `Новое заявление может быть подано с ${from}.`, en: `A new application may be filed from ${from}.` };
  }
  const s = (await q.query<repo.StatusRow>('SELECT * FROM residence_statuses WHERE decision_ref = $1', [`${c.number}#${d.seq}`])).rows[0];
  if (!s) return null;
  const kind = KIND_LABEL[s.kind as ResidenceKind];
  const ground = RESIDENCE_GROUNDS.find((g) => g.code === s.ground)?.labels ?? { hy: s.ground, ru: s.ground, en: s.ground };
  return {
    hy: `${kind.hy}, հիմքը՝ ${ground.hy}։ Կացության քարտ № ${s.card_number}, գործում է ${s.valid_from}-ից ${s.valid_to}-ը ներառյալ։`,
    ru: `${kind.ru}, основание: ${ground.ru}. Карта № ${s.card_number}, действует с ${s.valid_from} по ${s.valid_to} включительно.`,
    en: `${kind.en} on the ground: ${ground.en}. Residence card No. ${s.card_number}, valid from ${s.valid_from} to ${s.valid_to} inclusive.`,
  };
}

export const residenceApplications: CaseTypeExtension = {
  actions: {
    submit: { prepare: prepareSubmit, applied: appliedSubmit },
    grant: { prepare: prepareGrant, applied: (ctx) => grantTerm(ctx, ctx.date) },
    refuse: {
      prepare: prepareRefuse,
      applied: async (ctx) => {
        await ctx.tx.query('UPDATE residence_applications SET refused_on = $2, reapply_from = $3 WHERE case_id = $1', [ctx.case.id, ctx.date, ctx.record.payload.reapplyFrom]);
      },
    },
    'issue-card': { prepare: prepareIssueCard },
    'grant-extension': {
      prepare: async (ctx, payload) => checkBasis((await applicationOf(ctx.tx, ctx.case.id)).kind, payload),
      applied: async (ctx) => grantTerm(ctx, addCalendarDays((await currentStatus(ctx.tx, ctx.case.id)).valid_to, 1)),
    },
    revoke: { applied: appliedRevoke },
  },
  describeDecision: describe,
};

extendCaseType('residence-permit', residenceApplications);
