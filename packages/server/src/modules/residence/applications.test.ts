import { addCalendarDays, addYears, reapplyAllowedFrom, residenceValidUntil } from '@kamurj/domain/casework';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableUuid } from '../../lib/ids.ts';
import { createTestApp, loginAs, type Client, type TestApp } from '../../testing/test-app.ts';
import { seedListEntry } from '../border/index.ts';

/** Residence-status applications as cases (ADR 0404): checks on submission, grant, refusal, revocation. */
let t: TestApp;
let worker: Client;
let admin: Client;
const person = (key: string) => stableUuid('demo-person', key);
const IVAN = person('ivan-p'); // RUS, entered 400 days ago and never left: irregular
const PRIYA = person('priya-p'); // IND, passport V7654321 until 2028-05-04
const NURLAN = person('nurlan-a'); // KAZ, put on an entry ban below
const AHMAD = person('ahmad-h');

type Case = { id: string; number: string; version: number; status: string; timeline: { code: string; payload: Record<string, unknown> }[]; decisions: { seq: number; outcome: string }[]; data: Record<string, unknown> };

const submit = (personId: string, extra: Record<string, unknown> = {}) => ({ kind: 'temporary', ground: 'work', applicantId: personId, feePaid: true, ...extra });
async function apply(personId: string, payload: Record<string, unknown>) {
  return worker.post('/api/cases', { type: 'residence-permit', office: 'MCS-HQ', title: 'Residence application', subjectPersonIds: [personId], action: { code: 'submit', payload } });
}
async function act(c: Client, id: string, code: string, payload: Record<string, unknown> = {}) {
  const v = ((await c.get(`/api/cases/${id}`)).json() as Case).version;
  return c.post(`/api/cases/${id}/actions`, { code, baseVersion: v, payload });
}
const count = async (sql: string, params: unknown[] = []) => Number((await t.db.query<{ n: string }>(sql, params)).rows[0]?.n);
const checkOf = (c: Case, code: string) => c.timeline.filter((a) => a.code === code).at(-1)?.payload;

beforeAll(async () => {
  t = await createTestApp();
  worker = await loginAs(t, 'case.worker');
  admin = await loginAs(t, 'mcs.admin');
  await t.db.tx((tx) =>
    seedListEntry(tx, {
      id: stableUuid('test-entry', 'abenov'), kind: 'entry_ban', agencyCode: 'MCS', agencyId: stableUuid('agency', 'MCS'), at: t.clock.now(),
      data: { names: ['Абенов Нурлан', 'ABENOV NURLAN'], birthDate: '1984-12-16', nationality: 'KAZ', reason: 'Test ban', action: 'refuse_entry', ban: { from: '2026-01-01', until: '2030-12-31' } },
    }),
  );
});
afterAll(() => t.close());

describe('submission runs the pre-decision checks', () => {
  it('records document, list and earlier-refusal checks with their findings; the passport comes from the person record', async () => {
    const res = await apply(PRIYA, submit(PRIYA));
    expect(res.statusCode, res.body).toBe(201);
    const c = res.json() as Case;
    expect(c.status).toBe('checks');
    expect(c.timeline.map((a) => a.code)).toEqual(['submit', 'start-checks', 'check-document-validity', 'check-watchlist', 'check-earlier-refusals']);
    expect(c.timeline[0]?.payload).toMatchObject({ nationality: 'IND', passportNumber: 'V7654321', passportValidUntil: '2028-05-04' });
    expect(checkOf(c, 'check-document-validity')).toEqual({ result: 'clear', details: 'DOCUMENT_VALID {"number":"V7654321","until":"2028-05-04"}' });
    expect(checkOf(c, 'check-watchlist')).toEqual({ result: 'clear', details: 'NO_LIST_HITS' });
    expect(checkOf(c, 'check-earlier-refusals')).toEqual({ result: 'clear', details: 'NO_EARLIER_REFUSALS' });
  });

  it('a list hit is recorded and blocks the grant until reviewed; an expired passport is a hit', async () => {
    const c = (await apply(NURLAN, submit(NURLAN))).json() as Case;
    expect(checkOf(c, 'check-watchlist')).toMatchObject({ result: 'hit', details: expect.stringContaining('LIST_HIT {"source":"entry_ban","reason":"Test ban"') });
    const grant = await act(admin, c.id, 'grant', { decisionNumber: 'D-NA', legalBasis: 'LF-TEMPORARY' });
    expect(grant.statusCode).toBe(409);
    expect(grant.json().error).toMatchObject({ code: 'RESIDENCE.CHECKS_NOT_CLEAR', checks: ['check-watchlist'] });
    expect(await count('SELECT count(*) AS n FROM residence_statuses WHERE person_id = $1', [NURLAN])).toBe(0);
    const expired = (await apply(PRIYA, submit(PRIYA, { passportNumber: 'V7654321', passportValidUntil: '2020-01-01' }))).json() as Case;
    expect(checkOf(expired, 'check-document-validity')).toMatchObject({ result: 'inconclusive', details: expect.stringContaining('DOCUMENT_EXPIRY_DIFFERS') });
    const unknown = (await apply(PRIYA, submit(PRIYA, { passportNumber: 'ZZ000000', passportValidUntil: '2030-01-01' }))).json() as Case;
    expect(checkOf(unknown, 'check-document-validity')).toMatchObject({ result: 'hit', details: 'DOCUMENT_NOT_ON_RECORD {"number":"ZZ000000"}' });
  });

  it('bad input is refused naming the rule, and nothing is written', async () => {
    const cases = await count('SELECT count(*) AS n FROM cases');
    const study = await apply(PRIYA, submit(PRIYA, { kind: 'permanent', ground: 'study' }));
    expect(study.statusCode).toBe(400);
    expect(study.json().error.issues[0]).toMatchObject({ field: 'payload.ground', code: 'RESIDENCE.GROUND_NOT_FOR_KIND' });
    const other = await apply(PRIYA, submit(IVAN));
    expect(other.statusCode).toBe(400);
    expect(other.json().error.issues[0]).toMatchObject({ field: 'payload.applicantId', code: 'RESIDENCE.APPLICANT_NOT_SUBJECT' });
    expect(await count('SELECT count(*) AS n FROM cases')).toBe(cases);
  });
});

describe('decisions', () => {
  it('the grant creates the status and card in the same transaction; the irregular indicator clears at once', async () => {
    const before = (await t.db.query<{ last_lawful_day: string }>('SELECT last_lawful_day FROM border_stay_positions WHERE person_id = $1', [IVAN])).rows[0];
    const today = t.clock.now().toISOString().slice(0, 10);
    expect(before!.last_lawful_day < today).toBe(true);
    const c = (await apply(IVAN, submit(IVAN))).json() as Case;
    expect(c.status).toBe('checks');
    const worker403 = await act(worker, c.id, 'grant', { decisionNumber: 'D-1', legalBasis: 'LF-TEMPORARY' });
    expect(worker403.json().error.code).toBe('CASE.ROLE_NOT_ALLOWED');
    const wrongBasis = await act(admin, c.id, 'grant', { decisionNumber: 'D-1', legalBasis: 'LF-PERMANENT' });
    expect(wrongBasis.json().error.issues[0]).toMatchObject({ field: 'payload.legalBasis', code: 'RESIDENCE.LEGAL_BASIS_KIND' });
    expect(await count('SELECT count(*) AS n FROM residence_statuses WHERE person_id = $1', [IVAN])).toBe(0);
    const granted = await act(admin, c.id, 'grant', { decisionNumber: 'D-1', legalBasis: 'LF-TEMPORARY' });
    expect(granted.statusCode, granted.body).toBe(200);
    const status = (await t.db.query<{ card_number: string; valid_from: string; valid_to: string; kind: string; ground: string }>('SELECT * FROM residence_statuses WHERE person_id = $1', [IVAN])).rows;
    expect(status).toHaveLength(1);
    expect(status[0]).toMatchObject({ kind: 'temporary', ground: 'work', valid_to: residenceValidUntil('temporary', status[0]!.valid_from), card_number: expect.stringMatching(/^RC-\d{4}-\d{7}$/) });
    const after = (await t.db.query<{ last_lawful_day: string; position: { kind: string } }>('SELECT last_lawful_day, position FROM border_stay_positions WHERE person_id = $1', [IVAN])).rows[0]!;
    // A resident's stay is not counted (the stay engine's status "resident"): no last lawful day, not irregular.
    expect(after).toMatchObject({ last_lawful_day: null, position: { kind: 'exempt', reason: 'resident' } });
    const stay = (await worker.get(`/api/border/persons/${IVAN}/stay`)).json();
    expect(stay).toMatchObject({ irregular: false, status: 'resident', position: { kind: 'exempt', reason: 'resident' } });
    // The card handed over is the granted one; a different number is refused.
    const mismatch = await act(worker, c.id, 'issue-card', { cardNumber: 'X-1' });
    expect(mismatch.json().error.issues[0]).toMatchObject({ field: 'payload.cardNumber', code: 'RESIDENCE.CARD_MISMATCH' });
    const issued = await act(worker, c.id, 'issue-card', {});
    expect(issued.json()).toMatchObject({ status: 'card-issued', data: { cardNumber: status[0]!.card_number } });
    // Revocation withdraws the status: the card is revoked on the person record and the person is irregular again.
    const revoked = await act(admin, c.id, 'revoke', { decisionNumber: 'D-2', reasons: 'Work ended', legalBasis: 'LF-REVOCATION' });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(await count('SELECT count(*) AS n FROM residence_statuses WHERE person_id = $1 AND withdrawn_at IS NOT NULL', [IVAN])).toBe(1);
    expect((await worker.get(`/api/border/persons/${IVAN}/stay`)).json()).toMatchObject({ irregular: true });
  });

  it('a refusal records the first day to apply again; an earlier application is refused naming art. 20(4); a study application after a work refusal waits too', async () => {
    const c = (await apply(AHMAD, submit(AHMAD, { nationality: 'SYR', passportNumber: 'N/A', passportValidUntil: '2030-01-01' }))).json() as Case;
    const today = t.clock.now().toISOString().slice(0, 10);
    const wrong = await act(admin, c.id, 'refuse', { decisionNumber: 'R-1', reasons: 'No contract', legalBasis: 'LF-REFUSAL', reapplyFrom: today });
    expect(wrong.json().error.issues[0]).toMatchObject({ field: 'payload.reapplyFrom', code: 'RESIDENCE.REAPPLY_DATE' });
    const refused = await act(admin, c.id, 'refuse', { decisionNumber: 'R-1', reasons: 'No contract', legalBasis: 'LF-REFUSAL' });
    expect(refused.statusCode, refused.body).toBe(200);
    const from = reapplyAllowedFrom({ decidedOn: today, ground: 'work' });
    expect(from).toBe(addCalendarDays(addYears(today, 1), 1));
    expect(refused.json().timeline.at(-1).payload.reapplyFrom).toBe(from);
    const cases = await count('SELECT count(*) AS n FROM cases');
    const again = await apply(AHMAD, submit(AHMAD, { nationality: 'SYR', passportNumber: 'N/A', passportValidUntil: '2030-01-01' }));
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'RESIDENCE.REAPPLY_TOO_EARLY', reapplyFrom: from });
    expect(again.json().error.message).toContain('art. 20(4)');
    expect(await count('SELECT count(*) AS n FROM cases')).toBe(cases);
    // A new application for study is not barred by a refusal for work (the one-year bar applies to the refused ground's
    // application; study applications may be filed at once only after a study refusal).
    const studyAfterWork = await apply(AHMAD, submit(AHMAD, { ground: 'study', nationality: 'SYR', passportNumber: 'N/A', passportValidUntil: '2030-01-01' }));
    expect(studyAfterWork.statusCode).toBe(409);
  });

  it('letters: every decision prints in hy, ru and en; a reader outside the case gets 404', async () => {
    const c = (await apply(PRIYA, submit(PRIYA))).json() as Case;
    const granted = (await act(admin, c.id, 'grant', { decisionNumber: 'D-9', legalBasis: 'LF-TEMPORARY' })).json() as Case;
    const seq = granted.decisions[0]!.seq;
    for (const lang of ['hy', 'ru', 'en']) {
      const pdf = await worker.get(`/api/cases/${c.id}/decisions/${seq}/letter?lang=${lang}`);
      expect(pdf.statusCode, pdf.body.slice(0, 200)).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect((await worker.get(`/api/cases/${c.id}/decisions/${seq}/letter?lang=de`)).statusCode).toBe(400);
    expect((await worker.get(`/api/cases/${c.id}/decisions/1/letter?lang=en`)).statusCode).toBe(404);
    expect((await (await loginAs(t, 'analyst')).get(`/api/cases/${c.id}/decisions/${seq}/letter?lang=en`)).statusCode).toBe(404);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'case.letter.download' AND target_id = $1`, [c.id])).toBe(3);
  });
});
