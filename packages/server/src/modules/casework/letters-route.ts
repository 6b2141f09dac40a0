/**
 * The decision letter of a case as PDF (issue 6; ADR 0403, 0404): GET /api/cases/:id/decisions/:seq/letter
 * ?lang=hy|ru|en. Only for those who may read the case; every download is audited. The letter names the
 * decision, its legal basis (the case type's basis mapped to the letter's provisions), what the decision
 * created (from the owning module's `describeDecision`) and the reasons as written, addressed to the
 * case's subject with the name in its own script.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { foldCase } from '@kamurj/domain/casework';
import { DomainError } from '@kamurj/domain/kernel';
import type { AppDeps } from '../../app-deps.ts';
import type { AuthContext } from '../../http/auth-context.ts';
import { notFound } from '../../http/errors.ts';
import { route } from '../../http/route.ts';
import { loadProfile } from '../../profiles/profile.ts';
import { audit, originOf, type AuditOrigin } from '../audit/index.ts';
import { LETTER_LANGS, renderDecisionLetter, type Decision, type LetterLang, type Localized } from '../letters/index.ts';
import { findPerson } from '../persons/index.ts';
import { caseContext, officeDate } from './context.ts';
import { visibleCase } from './engine.ts';
import { extensionOf } from './extensions.ts';
import { getCaseType } from './registry.ts';
import * as repo from './repository.ts';

/** The letter's provisions for each legal basis a case type cites (letters/texts.ts LEGAL_BASES). */
const LETTER_BASES: Readonly<Record<string, readonly string[]>> = {
  'LF-TEMPORARY': ['LF-CH3'],
  'LF-PERMANENT': ['LF-CH3'],
  'LF-SPECIAL': ['LF-CH3'],
  'LF-REFUSAL': ['LF-CH3', 'LF-20-4'],
  'LF-EXTENSION-LATE': ['LF-CH3'],
  'LF-REVOCATION': ['LF-CH3'],
  'LF-WORK-PERMIT': ['LF-WORK', 'LF-CH3'],
  'LF-WORK-REFUSAL': ['LF-WORK'],
  'LM-NO-CONSENT': ['LF-WORK'],
};

/** Case outcomes → the letter's decision sentence. Procedural decisions have no letter of their own. */
const LETTER_DECISION: Readonly<Record<string, Decision>> = { granted: 'granted', refused: 'refused', extended: 'extended', revoked: 'withdrawn', partially_granted: 'partially_granted' };

const SUBJECT: Readonly<Record<string, Localized>> = {
  'residence-permit': { hy: 'Կացության կարգավիճակի դիմում', ru: 'Заявление о предоставлении вида на жительство', en: 'Residence status application' },
  'work-permit': { hy: 'Աշխատանքի թույլտվության դիմում', ru: 'Заявление о выдаче разрешения на работу', en: 'Work permit application' },
};

/** Appeal: to the head of the deciding body or the Administrative Court [to confirm the time limit per decision type]. */
const APPEAL = {
  days: 30,
  body: { hy: 'որոշումը կայացրած մարմնի ղեկավարին', ru: 'руководителю органа, принявшего решение,', en: 'the head of the authority that took it' },
} as const;
const SIGNER_TITLE: Localized = { hy: 'Որոշում կայացրած պաշտոնատար անձ', ru: 'Должностное лицо, принявшее решение', en: 'Deciding officer' };

const Params = z.strictObject({ id: z.uuid(), seq: z.coerce.number().int().min(1).max(1_000_000) });
const Query = z.strictObject({ lang: z.enum(LETTER_LANGS) });

const noLetter = (message: string) => new DomainError('CASE.LETTER_NOT_AVAILABLE', 'conflict', message);

export async function decisionLetter(deps: AppDeps, origin: AuditOrigin, auth: AuthContext, id: string, seq: number, lang: LetterLang) {
  const row = await visibleCase(deps.db, auth, id);
  const type = getCaseType(row.case_type, 'case.type');
  const log = await repo.loadLog(deps.db, id);
  const state = foldCase(type, log, caseContext(deps, officeDate(deps)));
  const decision = state.decisions.find((d) => d.seq === seq);
  const entry = log.find((a) => a.seq === seq);
  if (!decision || !entry) throw notFound('Decision', 'CASE.DECISION_NOT_FOUND');
  const letterDecision = LETTER_DECISION[decision.outcome];
  const bases = LETTER_BASES[decision.legalBasis];
  if (!letterDecision || !bases) throw noLetter(`A ${decision.outcome} decision on ${decision.legalBasis} has no decision letter`);
  const subjectId = row.subject_person_ids[0];
  const person = subjectId ? await findPerson(deps.db, subjectId) : undefined;
  const name = person?.record.names.find((n) => n.kind === 'as-written') ?? person?.record.names[0];
  if (!name) throw noLetter('The case has no subject to address the letter to');
  const agency = (await deps.db.query<{ names: Localized }>('SELECT names FROM agencies WHERE id = $1', [row.agency_id])).rows[0];
  const profile = loadProfile(deps.config.country);
  const facts = { id: row.id, number: row.number, type: row.case_type, agencyId: row.agency_id, agencyCode: row.agency_code, jurisdictionPath: row.jurisdiction_path, subjectPersonIds: row.subject_person_ids };
  const described = await extensionOf(row.case_type)?.describeDecision?.(deps.db, facts, { seq, action: decision.action, outcome: decision.outcome, date: decision.date, payload: entry.payload });
  const written = typeof entry.payload.reasons === 'string' ? entry.payload.reasons : '';
  const pdf = await renderDecisionLetter(
    {
      agency: agency?.names ?? { hy: row.agency_code, ru: row.agency_code, en: row.agency_code },
      country: { hy: profile.names.hy ?? profile.names.en ?? '', ru: profile.names.ru ?? profile.names.en ?? '', en: profile.names.en ?? '' },
      caseNumber: row.number,
      date: decision.date,
      subject: SUBJECT[row.case_type] ?? { hy: type.definition.label, ru: type.definition.label, en: type.definition.label },
      addressee: { name: [name.surname, name.givenNames, name.patronymic].filter(Boolean).join(' ') },
      decision: letterDecision,
      legalBasis: bases,
      reasons: [described?.[lang], written].filter(Boolean).join('\n\n'),
      appeal: APPEAL,
      signer: { name: entry.actorName, title: SIGNER_TITLE },
    },
    lang,
  );
  await deps.db.tx((tx) => audit(tx, origin, { action: 'case.letter.download', purpose: 'casework', targetType: 'case', targetId: id, details: { number: row.number, seq, lang } }));
  return { pdf, fileName: `${row.number}-${seq}-${lang}.pdf` };
}

export function letterRoutes(app: FastifyInstance): void {
  route(app, {
    method: 'GET',
    url: '/api/cases/:id/decisions/:seq/letter',
    summary: 'The decision letter as PDF in Armenian, Russian or English (audited)',
    tags: ['cases'],
    auth: 'active',
    params: Params,
    query: Query,
    handler: async ({ req, reply, params, query, auth, deps }) => {
      const { pdf, fileName } = await decisionLetter(deps, originOf(req, deps.clock.now()), auth, params.id, params.seq, query.lang);
      return reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="${fileName}"`).send(Buffer.from(pdf));
    },
  });
}
