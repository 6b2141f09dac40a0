import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { addCalendarDays } from '@kamurj/domain/casework';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableUuid } from '../../lib/ids.ts';
import { createTestApp, loginAs, type Client, type TestApp } from '../../testing/test-app.ts';

/** Work-permit applications as cases (ADR 0404): employer, exemptions, labour consent, grant with residence, termination. */
let t: TestApp;
let worker: Client;
let labour: Client;
let admin: Client;
const DILNOZA = stableUuid('demo-person', 'dilnoza-k'); // UZB: needs a permit
const IVAN = stableUuid('demo-person', 'ivan-p'); // RUS: EAEU citizen, exempt
const TAX = '03345678';
const SUBMIT = { employerTaxNumber: TAX, position: 'Welder', occupationCode: '7212', vacancyId: 'V-77', salaryAmd: 450000 };

type Case = { id: string; number: string; version: number; status: string; tasks: { code: string; dueOn: string; running: boolean }[]; decisions: { seq: number; outcome: string }[]; data: Record<string, unknown>; allowedActions: { code: string; allowed: boolean }[] };

const open = (subject: string, payload: Record<string, unknown> = SUBMIT) =>
  worker.post('/api/cases', { type: 'work-permit', office: 'MCS-HQ', title: 'Work permit', subjectPersonIds: [subject], action: { code: 'submit', payload } });
async function act(c: Client, id: string, code: string, payload: Record<string, unknown> = {}) {
  const v = ((await c.get(`/api/cases/${id}`)).json() as Case).version;
  return c.post(`/api/cases/${id}/actions`, { code, baseVersion: v, payload });
}
const count = async (sql: string, params: unknown[] = []) => Number((await t.db.query<{ n: string }>(sql, params)).rows[0]?.n);
const today = () => t.clock.now().toISOString().slice(0, 10);
async function textOf(pdf: Buffer): Promise<string> {
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  let out = '';
  for (let p = 1; p <= doc.numPages; p++) out += (await (await doc.getPage(p)).getTextContent()).items.map((i) => ('str' in i ? i.str : '')).join('') + '\n';
  await doc.destroy();
  return out;
}

beforeAll(async () => {
  t = await createTestApp();
  worker = await loginAs(t, 'case.worker');
  labour = await loginAs(t, 'labour.officer');
  admin = await loginAs(t, 'mcs.admin');
  const e = await worker.post('/api/work/employers', { taxNumber: TAX, name: 'Kotayk Metal LLC', address: 'Hrazdan, Kentron 1', region: 'AM-KT' });
  expect(e.statusCode, e.body).toBe(201);
});
afterAll(() => t.close());

describe('opening', () => {
  it('takes the employer from the registry by tax number and refuses an unknown one or another name', async () => {
    const ok = await open(DILNOZA);
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().timeline[0].payload).toMatchObject({ employerTaxNumber: TAX, employerName: 'Kotayk Metal LLC' });
    const cases = await count('SELECT count(*) AS n FROM cases');
    const unknown = await open(DILNOZA, { ...SUBMIT, employerTaxNumber: '09999999' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.issues[0]).toMatchObject({ field: 'payload.employerTaxNumber', code: 'WORK.EMPLOYER_NOT_REGISTERED' });
    const renamed = await open(DILNOZA, { ...SUBMIT, employerName: 'Other LLC' });
    expect(renamed.json().error.issues[0]).toMatchObject({ field: 'payload.employerName', code: 'WORK.EMPLOYER_NAME_MISMATCH' });
    expect(await count('SELECT count(*) AS n FROM cases')).toBe(cases);
  });

  it('refuses an exempt worker (EAEU citizen) naming the exemption, and writes nothing', async () => {
    const cases = await count('SELECT count(*) AS n FROM cases');
    const res = await open(IVAN);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'WORK.PERMIT_NOT_REQUIRED', grounds: ['bloc_citizen'] });
    expect(res.json().error.message).toContain('EAEU');
    expect(await count('SELECT count(*) AS n FROM cases')).toBe(cases);
  });
});

describe('from application to decision and termination', () => {
  it('labour consent within 15 working days, grant with residence, letter, termination notice ends both', async () => {
    const c = (await open(DILNOZA)).json() as Case;
    // Granting before the labour ministry's consent is refused by the action table.
    const early = await act(admin, c.id, 'grant', { permitNumber: 'WP-1', validUntil: addCalendarDays(today(), 200), legalBasis: 'LF-WORK-PERMIT' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('CASE.ACTION_NOT_ALLOWED_IN_STATUS');
    const sent = (await act(worker, c.id, 'send-to-labour-ministry')).json() as Case;
    const task = sent.tasks.find((x) => x.code === 'labour-market-check')!;
    expect(task).toMatchObject({ running: true });
    // The labour officer sees the case in the workqueue with its due date; other case types stay hidden.
    const queue = (await labour.get('/api/cases?type=work-permit&status=labour-market-check')).json();
    expect(queue.items.find((i: { id: string }) => i.id === c.id)).toMatchObject({ nextDueOn: task.dueOn });
    expect((await labour.get('/api/cases?type=residence-permit')).json().total).toBe(0);
    // The case worker cannot record the ministry's consent; the labour officer cannot take the MCS's steps.
    expect((await act(worker, c.id, 'labour-consent', { result: 'consent', reference: 'MLSA-1' })).json().error.code).toBe('CASE.ROLE_NOT_ALLOWED');
    const consent = await act(labour, c.id, 'labour-consent', { result: 'consent', reference: 'MLSA-2026-17' });
    expect(consent.statusCode, consent.body).toBe(200);
    expect((consent.json() as Case).tasks.find((x) => x.code === 'labour-market-check')).toMatchObject({ running: false });
    expect((await act(labour, c.id, 'add-note', { text: 'x' })).statusCode).toBe(403);
    // Worker data: the passport must be on the person record; an EAEU nationality is refused.
    const eaeu = await act(worker, c.id, 'enter-worker-data', { nationality: 'KAZ', contractStart: today(), contractEnd: addCalendarDays(today(), 300) });
    expect(eaeu.json().error.code).toBe('WORK.PERMIT_NOT_REQUIRED');
    const data = await act(worker, c.id, 'enter-worker-data', { contractStart: today(), contractEnd: addCalendarDays(today(), 300) });
    expect(data.statusCode, data.body).toBe(200);
    expect((data.json() as Case).data).toMatchObject({ workerId: DILNOZA, nationality: 'UZB', passportNumber: 'FA1234567' });
    // The permit may not outlast the contract; nothing is granted on a refusal.
    const tooLong = await act(admin, c.id, 'grant', { permitNumber: 'WP-1', validUntil: addCalendarDays(today(), 320), legalBasis: 'LF-WORK-PERMIT' });
    expect(tooLong.json().error.issues[0]).toMatchObject({ field: 'payload.validUntil', code: 'WORK.PERMIT_BEYOND_CONTRACT' });
    expect(await count('SELECT count(*) AS n FROM residence_statuses WHERE person_id = $1', [DILNOZA])).toBe(0);
    const until = addCalendarDays(today(), 300);
    const granted = await act(admin, c.id, 'grant', { permitNumber: 'WP-2026-0001', validUntil: until, legalBasis: 'LF-WORK-PERMIT' });
    expect(granted.statusCode, granted.body).toBe(200);
    const status = (await t.db.query<{ id: string; kind: string; ground: string; valid_to: string; card_number: string }>('SELECT * FROM residence_statuses WHERE person_id = $1', [DILNOZA])).rows;
    expect(status).toEqual([expect.objectContaining({ kind: 'temporary', ground: 'work', valid_to: until })]);
    const stay = (await worker.get(`/api/border/persons/${DILNOZA}/stay`)).json();
    expect(stay).toMatchObject({ status: 'resident', irregular: false, position: { kind: 'exempt', reason: 'resident' } });
    // The letter of the grant, in Armenian.
    const seq = (granted.json() as Case).decisions[0]!.seq;
    const pdf = await worker.get(`/api/cases/${c.id}/decisions/${seq}/letter?lang=hy`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const ru = await labour.get(`/api/cases/${c.id}/decisions/${seq}/letter?lang=ru`);
    expect(ru.statusCode).toBe(200);
    // Addressed to the worker in her own script; what was granted, with the legal basis of work permits.
    const text = await textOf(ru.rawPayload);
    expect(text).toContain('Каримова');
    expect(text).toContain('WP-2026-0001');
    expect(text).toContain('Разрешение на работу');
    // A termination in the future is refused; the notice ends the permit and withdraws the residence.
    const future = await act(worker, c.id, 'notify-termination', { terminationDate: addCalendarDays(today(), 5), reason: 'resignation' });
    expect(future.json().error.issues[0]).toMatchObject({ field: 'payload.terminationDate', code: 'WORK.TERMINATION_DATE' });
    const ended = await act(worker, c.id, 'notify-termination', { terminationDate: today(), reason: 'resignation' });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json().status).toBe('employment-ended');
    expect(await count(`SELECT count(*) AS n FROM work_employer_notices WHERE person_id = $1 AND kind = 'termination'`, [DILNOZA])).toBe(1);
    expect(await count('SELECT count(*) AS n FROM residence_statuses WHERE id = $1 AND withdrawn_at IS NOT NULL', [status[0]!.id])).toBe(1);
    expect((await t.db.query<{ ended_on: string }>('SELECT ended_on FROM work_permit_applications WHERE case_id = $1', [c.id])).rows[0]?.ended_on).toBe(today());
    expect((await worker.get(`/api/border/persons/${DILNOZA}/stay`)).json()).toMatchObject({ status: 'foreigner' });
  });
});
