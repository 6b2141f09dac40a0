import { addCalendarDays } from '@kamurj/domain/casework';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { passportMrz, record } from '../../testing/border.ts';
import { createTestApp, loginAs, type Client, type TestApp } from '../../testing/test-app.ts';

/** Visa extension applications as cases (issue 6 §2; ADR 0404): submission checks, grant, refusal. */
let t: TestApp;
let officer: Client;
let worker: Client;
let supervisor: Client;
let today: string;

type Case = { id: string; status: string; version: number; data: Record<string, unknown>; decisions: { outcome: string; legalBasis: string }[] };

beforeAll(async () => {
  t = await createTestApp();
  officer = await loginAs(t, 'border.officer');
  worker = await loginAs(t, 'case.worker');
  supervisor = await loginAs(t, 'mcs.admin');
  today = t.clock.now().toISOString().slice(0, 10);
});
afterAll(() => t.close());

const count = async (sql: string, params: unknown[] = []) => Number((await t.db.query<{ n: string }>(sql, params)).rows[0]?.n);
const stayOf = async (personId: string) =>
  (await t.db.query<{ last_lawful_day: string | null; position: { kind: string; by?: string } }>('SELECT last_lawful_day, position FROM border_stay_positions WHERE person_id = $1', [personId])).rows[0];
const visaOf = async (id: string) => (await t.db.query<{ valid_to: string; document_id: string; person_id: string }>('SELECT valid_to, document_id, person_id FROM residence_visas WHERE id = $1', [id])).rows[0]!;
const documentExpiry = async (personId: string, documentId: string) =>
  (await t.db.query<{ e: string }>(`SELECT d->>'expiryDate' AS e FROM persons p, jsonb_array_elements(p.record->'documents') d WHERE p.id = $1 AND d->>'id' = $2`, [personId, documentId])).rows[0]?.e;

/**
 * A traveller of the case worker's territory who entered 200 days ago (the visa-free days of the stay
 * rule are used up) and holds a visa from 5 days ago to 10 days ahead: lawful exactly until the visa ends.
 */
async function travellerWithVisa(surname: string, passport: string, visaNumber: string) {
  const person = await worker.post('/api/persons', {
    person: { names: [{ surname, givenNames: 'TEST' }], birthDate: '1988-02-03', sex: 'F', citizenships: [{ code: 'IND' }], registeredIn: 'AM-ER', documents: [{ type: 'passport', number: passport, issuingState: 'IND' }] },
  });
  expect(person.statusCode, person.body).toBe(201);
  const personId = person.json().person.id as string;
  const mrz = passportMrz({ surname, given: 'TEST', number: passport, state: 'IND', birth: '1988-02-03' });
  const entry = await record(officer, { crossingPoint: 'ZVARTNOTS', direction: 'entry', mrz, decision: 'admit', occurredAt: `${addCalendarDays(today, -200)}T08:00:00Z`, personId });
  expect(entry.statusCode, entry.body).toBe(201);
  const visa = await worker.post('/api/residence/visas', {
    personId, type: 'visitor', number: visaNumber, issuingPost: 'New Delhi', validFrom: addCalendarDays(today, -5), validTo: addCalendarDays(today, 10), stayDays: 60, entries: 'single',
  });
  expect(visa.statusCode, visa.body).toBe(201);
  return { personId, visaId: visa.json().id as string };
}

const apply = (personId: string, payload: Record<string, unknown>) =>
  worker.post('/api/cases', { type: 'visa-extension', office: 'MCS-HQ', title: 'Visa extension', subjectPersonIds: [personId], action: { code: 'submit', payload } });
async function act(c: Client, id: string, code: string, payload: Record<string, unknown> = {}) {
  const v = ((await c.get(`/api/cases/${id}`)).json() as Case).version;
  return c.post(`/api/cases/${id}/actions`, { code, baseVersion: v, payload });
}

describe('visa extension applications', () => {
  it('the grant extends the visa and its document and moves the stay position, in one decision', async () => {
    const { personId, visaId } = await travellerWithVisa('KAPOOR', 'Z1111111', 'VX-0001');
    const end = addCalendarDays(today, 10);
    expect(await stayOf(personId)).toMatchObject({ last_lawful_day: end, position: { kind: 'covered', by: 'visa' } });
    const newEnd = addCalendarDays(today, 40);
    const opened = await apply(personId, { visaId: 'vx-0001', newEndDate: newEnd, reason: 'Medical treatment' });
    expect(opened.statusCode, opened.body).toBe(201);
    const c = opened.json() as Case;
    // The visa named by its number is recorded by its id.
    expect(c).toMatchObject({ status: 'submitted', data: { visaId, newEndDate: newEnd } });
    // The case worker files; only a supervisor decides.
    const byWorker = await act(worker, c.id, 'grant', { decisionNumber: 'VE-1', legalBasis: 'LF-VISA-EXTENSION' });
    expect(byWorker.json().error.code).toBe('CASE.ROLE_NOT_ALLOWED');
    const wrongBasis = await act(supervisor, c.id, 'grant', { decisionNumber: 'VE-1', legalBasis: 'LF-VISA-EXTENSION-REFUSAL' });
    expect(wrongBasis.statusCode).toBe(400);
    expect((await visaOf(visaId)).valid_to).toBe(end);
    const granted = await act(supervisor, c.id, 'grant', { decisionNumber: 'VE-1', legalBasis: 'LF-VISA-EXTENSION' });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json()).toMatchObject({ status: 'granted', decisions: [{ outcome: 'extended', legalBasis: 'LF-VISA-EXTENSION' }] });
    const visa = await visaOf(visaId);
    expect(visa.valid_to).toBe(newEnd);
    expect(await documentExpiry(personId, visa.document_id)).toBe(newEnd);
    expect(await stayOf(personId)).toMatchObject({ last_lawful_day: newEnd, position: { kind: 'covered', by: 'visa' } });
    const audits = (await t.db.query<{ details: Record<string, unknown> }>(`SELECT details FROM audit_log WHERE action = 'residence.visa.extend' AND target_id = $1`, [visaId])).rows;
    expect(audits).toHaveLength(1);
    expect(audits[0]!.details).toMatchObject({ previousValidTo: end, validTo: newEnd });
    // A decided case takes no second decision.
    const again = await act(supervisor, c.id, 'refuse', { decisionNumber: 'VE-2', reasons: 'x', legalBasis: 'LF-VISA-EXTENSION-REFUSAL' });
    expect(again.statusCode).toBe(409);
    expect((await visaOf(visaId)).valid_to).toBe(newEnd);
  });

  it('a refusal leaves the visa, its document and the stay position as they were', async () => {
    const { personId, visaId } = await travellerWithVisa('MEHTA', 'Z2222222', 'VX-0002');
    const before = await stayOf(personId);
    const c = (await apply(personId, { visaId, newEndDate: addCalendarDays(today, 30), reason: 'Tourism' })).json() as Case;
    const refused = await act(supervisor, c.id, 'refuse', { decisionNumber: 'VE-3', reasons: 'No grounds shown', legalBasis: 'LF-VISA-EXTENSION-REFUSAL' });
    expect(refused.statusCode, refused.body).toBe(200);
    expect(refused.json()).toMatchObject({ status: 'refused', decisions: [{ outcome: 'refused' }] });
    const visa = await visaOf(visaId);
    expect(visa.valid_to).toBe(addCalendarDays(today, 10));
    expect(await documentExpiry(personId, visa.document_id)).toBe(addCalendarDays(today, 10));
    expect(await stayOf(personId)).toEqual(before);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'residence.visa.extend' AND target_id = $1`, [visaId])).toBe(0);
  });

  it('another person’s visa, a date not after the current end, a withdrawn or unknown visa are refused naming the rule, with nothing written', async () => {
    const a = await travellerWithVisa('SINGH', 'Z3333333', 'VX-0003');
    const b = await travellerWithVisa('RAO', 'Z4444444', 'VX-0004');
    const cases = await count('SELECT count(*) AS n FROM cases');
    const audits = await count('SELECT count(*) AS n FROM audit_log');
    const other = await apply(a.personId, { visaId: b.visaId, newEndDate: addCalendarDays(today, 30), reason: 'x' });
    expect(other.statusCode).toBe(400);
    expect(other.json().error.issues[0]).toMatchObject({ field: 'payload.visaId', code: 'VISA_EXTENSION.VISA_NOT_SUBJECTS' });
    for (const date of [addCalendarDays(today, 10), addCalendarDays(today, 5)]) {
      const early = await apply(a.personId, { visaId: a.visaId, newEndDate: date, reason: 'x' });
      expect(early.statusCode).toBe(400);
      expect(early.json().error.issues[0]).toMatchObject({ field: 'payload.newEndDate', code: 'VISA_EXTENSION.NOT_AFTER_CURRENT_END' });
    }
    const unknown = await apply(a.personId, { visaId: 'VX-9999', newEndDate: addCalendarDays(today, 30), reason: 'x' });
    expect(unknown.json().error.issues[0]).toMatchObject({ field: 'payload.visaId', code: 'VISA_EXTENSION.VISA_NOT_FOUND' });
    expect(await count('SELECT count(*) AS n FROM cases')).toBe(cases);
    expect(await count('SELECT count(*) AS n FROM audit_log')).toBe(audits);
    // A visa withdrawn after the submission cannot be extended by the decision either.
    const c = (await apply(b.personId, { visaId: b.visaId, newEndDate: addCalendarDays(today, 30), reason: 'x' })).json() as Case;
    expect((await worker.post(`/api/residence/visas/${b.visaId}/withdraw`, { reason: 'Issued in error' })).statusCode).toBe(200);
    const grant = await act(supervisor, c.id, 'grant', { decisionNumber: 'VE-4', legalBasis: 'LF-VISA-EXTENSION' });
    expect(grant.statusCode).toBe(409);
    expect(grant.json().error.code).toBe('VISA_EXTENSION.VISA_WITHDRAWN');
    expect(((await supervisor.get(`/api/cases/${c.id}`)).json() as Case).status).toBe('submitted');
    expect((await visaOf(b.visaId)).valid_to).toBe(addCalendarDays(today, 10));
    const withdrawnAtSubmit = await apply(b.personId, { visaId: b.visaId, newEndDate: addCalendarDays(today, 30), reason: 'x' });
    expect(withdrawnAtSubmit.json().error.code).toBe('VISA_EXTENSION.VISA_WITHDRAWN');
  });
});
