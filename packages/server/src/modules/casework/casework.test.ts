import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addCalendarDays, residenceValidUntil } from '@kamurj/domain/casework';
import { stableUuid } from '../../lib/ids.ts';
import { createTestApp, loginAs, type Client, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let worker: Client;
let admin: Client;
const WORKER_ID = stableUuid('demo-user', 'ARM:case.worker');

const WP_SUBMIT = { employerTaxNumber: '02512345', employerName: 'Test LLC', position: 'Engineer', occupationCode: '2512', vacancyId: 'V-1', salaryAmd: 500000 };
// The flows (ADR 0404) need a registered employer and a subject: Dilnoza Karimova (UZB) works, Priya Patel (IND) applies.
const WORKER_PERSON = stableUuid('demo-person', 'dilnoza-k');
const APPLICANT = stableUuid('demo-person', 'priya-p');
const RP_SUBMIT = { kind: 'temporary', ground: 'work', applicantId: APPLICANT, nationality: 'IND', passportNumber: 'V7654321', passportValidUntil: '2028-05-04', feePaid: true };

async function open(c: Client, type = 'work-permit', action?: { code: string; payload?: Record<string, unknown> }, title = 'Test case') {
  const subjectPersonIds = [type === 'work-permit' ? WORKER_PERSON : APPLICANT];
  const res = await c.post('/api/cases', { type, title, office: 'MCS-HQ', subjectPersonIds, ...(action ? { action } : {}) });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; version: number; status: string; number: string };
}
const act = (c: Client, id: string, code: string, baseVersion: number, payload?: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
  c.post(`/api/cases/${id}/actions`, { code, baseVersion, ...(payload ? { payload } : {}), ...extra });
const count = async (sql: string, params: unknown[]) => Number((await t.db.query<{ n: string }>(sql, params)).rows[0]?.n);

async function loginAll() {
  worker = await loginAs(t, 'case.worker');
  admin = await loginAs(t, 'mcs.admin');
}

/** Moves `days` on (sessions do not live that long: everyone logs in again; time never goes back). */
async function later(days: number, fn: () => Promise<void>) {
  t.clock.advance(days * 86_400_000);
  await loginAll();
  await fn();
}

beforeAll(async () => {
  t = await createTestApp();
  await loginAll();
  const employer = await worker.post('/api/work/employers', { taxNumber: WP_SUBMIT.employerTaxNumber, name: WP_SUBMIT.employerName, address: 'Yerevan', region: 'AM-ER' });
  expect(employer.statusCode, employer.body).toBe(201);
});
afterAll(() => t.close());

describe('opening and reading a case', () => {
  it('opens a case with its first action; the read has the timeline, allowed actions with their fields, and is audited', async () => {
    const c = await open(worker, 'work-permit', { code: 'submit', payload: WP_SUBMIT });
    expect(c).toMatchObject({ version: 1, status: 'submitted', agency: 'MCS' });
    expect(c.number).toMatch(/^\d{4}-WP-\d{6}$/);
    const read = (await worker.get(`/api/cases/${c.id}`)).json();
    expect(read.timeline).toHaveLength(1);
    expect(read.timeline[0]).toMatchObject({ seq: 1, code: 'submit', actor: { name: 'Narek Avetisyan', agency: 'MCS' } });
    const send = read.allowedActions.find((a: { code: string }) => a.code === 'send-to-labour-ministry');
    expect(send).toMatchObject({ allowed: true });
    const grant = read.allowedActions.find((a: { code: string }) => a.code === 'grant');
    expect(grant.allowed).toBe(false);
    expect(read.allowedActions.find((a: { code: string }) => a.code === 'assign').fields).toEqual([{ name: 'assigneeId', type: 'string', required: true, values: null, maxLength: 200 }]);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'case.read' AND target_id = $1`, [c.id])).toBeGreaterThanOrEqual(2);
  });

  it('unknown types, places and unknown fields are 400 naming the field; nothing is written', async () => {
    const before = await count('SELECT count(*) AS n FROM cases', []);
    const r1 = await worker.post('/api/cases', { type: 'no-such-type', office: 'MCS-HQ' });
    expect(r1.statusCode).toBe(400);
    expect(r1.json().error.issues[0]).toMatchObject({ field: 'body.type', code: 'CASE.TYPE_UNKNOWN' });
    const r2 = await worker.post('/api/cases', { type: 'work-permit', office: 'MCS-HQ', subjectPersonIds: [WORKER_PERSON], action: { code: 'submit', payload: { ...WP_SUBMIT, salaryAmd: 'lots' } } });
    expect(r2.statusCode).toBe(400);
    expect(r2.json().error.issues[0].field).toBe('payload.salaryAmd');
    const r3 = await worker.post('/api/cases', { type: 'work-permit', office: 'MCS-HQ', colour: 'red' });
    expect(r3.statusCode).toBe(400);
    expect(await count('SELECT count(*) AS n FROM cases', [])).toBe(before);
  });

  it('people without case access are refused; an unknown or unreachable case is 404', async () => {
    const officer = await loginAs(t, 'border.officer');
    expect((await officer.get('/api/cases')).statusCode).toBe(403);
    const c = await open(worker);
    expect((await officer.get(`/api/cases/${c.id}`)).statusCode).toBe(404);
    expect((await worker.get(`/api/cases/${stableUuid('x', 'y')}`)).statusCode).toBe(404);
  });
});

describe('deadlines in working days and the workqueue', () => {
  it('the 15-working-day labour-market check is due on the hand-checked day, flagged when overdue, and found by the queue', async () => {
    const c = await open(worker, 'work-permit', { code: 'submit', payload: WP_SUBMIT }, 'Deadline probe');
    const sent = (await act(worker, c.id, 'send-to-labour-ministry', 1)).json();
    // Sent Sunday 22 Nov 2026: Mon 23 Nov is day 1 … Fri 11 Dec 2026 is day 15 (no Armenian holiday between).
    expect(sent.tasks[0]).toMatchObject({ code: 'labour-market-check', unit: 'working-days', dueOn: '2026-12-11', remindOn: '2026-12-08', breached: false });
    const soon = await worker.get(`/api/cases?due=overdue&text=${encodeURIComponent('deadline probe')}`);
    expect(soon.json().items).toHaveLength(0);
    await later(20, async () => {
      // 12 December 2026
      const overdue = await worker.get(`/api/cases?due=overdue&text=${encodeURIComponent('deadline probe')}`);
      expect(overdue.json().items.map((i: { id: string }) => i.id)).toEqual([c.id]);
      expect(overdue.json().items[0]).toMatchObject({ overdue: true, breached: true });
      expect((await worker.get(`/api/cases/${c.id}`)).json().tasks[0]).toMatchObject({ breached: true, running: true });
    });
  });

  it('filters by type, status, assignee and text, counts per status, pages, and audits the list', async () => {
    const a = await open(worker, 'work-permit', undefined, 'Queue alpha');
    const b = await open(worker, 'work-permit', { code: 'submit', payload: WP_SUBMIT }, 'Queue beta');
    await act(worker, b.id, 'assign', 1, { assigneeId: WORKER_ID });
    const q = (await worker.get('/api/cases?type=work-permit&text=queue')).json();
    expect(q.total).toBe(2);
    expect(q.counts).toEqual([{ status: 'draft', count: 1 }, { status: 'submitted', count: 1 }]);
    const mine = (await worker.get('/api/cases?assignee=me&text=queue')).json();
    expect(mine.items.map((i: { id: string }) => i.id)).toEqual([b.id]);
    const drafts = (await worker.get('/api/cases?status=draft&text=queue')).json();
    expect(drafts.items.map((i: { id: string }) => i.id)).toEqual([a.id]);
    expect(drafts.counts).toHaveLength(2); // counts ignore the status filter, so the tabs keep their numbers
    const page = (await worker.get('/api/cases?text=queue&limit=1&offset=1')).json();
    expect(page.items).toHaveLength(1);
    expect(page.total).toBe(2);
    expect((await worker.get('/api/cases?limit=0')).statusCode).toBe(400);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'case.list'`, [])).toBeGreaterThan(0);
  });

  it('the access clause reaches the worker\'s regions and what lies below them, never a look-alike path', async () => {
    const placed = async (path: string) => {
      const c = await open(worker, 'work-permit', undefined, `Scope ${path}`);
      await t.ownerDb.query('UPDATE cases SET jurisdiction_path = $2 WHERE id = $1', [c.id, path]);
      return c.id;
    };
    const region = await placed('ARM.AM-ER');
    const below = await placed('ARM.AM-ER.YER-01');
    const deeper = await placed('ARM.AM-KT.KT-02.X');
    await placed('ARM.AM-ERX'); // shares the region's letters, is not under it
    await placed('ARM.AM-ER-2');
    await placed('ARM.AM-SH.AM-ER');
    await placed('ARM.AM-ER%'); // a LIKE wildcard in a path means nothing here
    const q = (await worker.get('/api/cases?text=scope%20arm&limit=50')).json();
    expect(q.items.map((i: { id: string }) => i.id).sort()).toEqual([region, below, deeper].sort());
    expect(q.total).toBe(3);
  });

  it('the demo cases of the case worker are in the queue', async () => {
    const q = (await worker.get('/api/cases?text=work%20permit')).json();
    expect(q.items.map((i: { title: string }) => i.title)).toEqual(expect.arrayContaining(['Work permit — Min-jun Lee', 'Work permit — Kwame Osei']));
  });
});

describe('the action table: status, roles, fields, decisions', () => {
  it('an action not allowed in the status is 409 naming the rule, and nothing is recorded', async () => {
    const c = await open(worker);
    const audits = await count(`SELECT count(*) AS n FROM audit_log WHERE target_id = $1`, [c.id]);
    const res = await act(worker, c.id, 'send-to-labour-ministry', 0);
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ code: 'CASE.ACTION_NOT_ALLOWED_IN_STATUS', status: 'draft' });
    expect(await count('SELECT count(*) AS n FROM case_actions WHERE case_id = $1', [c.id])).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE target_id = $1 AND action LIKE 'case.action.%'`, [c.id])).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE target_id = $1`, [c.id])).toBe(audits);
  });

  it('missing required fields are 400 with one issue per field; a case worker may not take a supervisor decision', async () => {
    const c = await open(worker);
    const res = await act(worker, c.id, 'submit', 0, { employerName: 'X' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('CASE.FIELD_REQUIRED');
    expect(res.json().error.issues.map((i: { field: string }) => i.field)).toContain('payload.employerTaxNumber');
    // Submission runs the pre-decision checks and records them (ADR 0404).
    const rp = await open(worker, 'residence-permit', { code: 'submit', payload: RP_SUBMIT });
    expect(rp).toMatchObject({ status: 'checks', version: 5 });
    const v = rp.version;
    const denied = await act(worker, rp.id, 'grant', v, { decisionNumber: 'D-1', legalBasis: 'LF-TEMPORARY' });
    expect(denied.statusCode).toBe(403);
    expect(denied.json().error.code).toBe('CASE.ROLE_NOT_ALLOWED');
    // The agency's head supervises (ADR 0402): a decision needs a legal basis, then it is recorded with it.
    const noBasis = await act(admin, rp.id, 'grant', v, { decisionNumber: 'D-1' });
    expect(noBasis.json().error.code).toBe('CASE.LEGAL_BASIS_REQUIRED');
    const granted = await act(admin, rp.id, 'grant', v, { decisionNumber: 'D-1', legalBasis: 'LF-TEMPORARY' });
    expect(granted.statusCode, granted.body).toBe(200);
    expect(granted.json().decisions[0]).toMatchObject({ outcome: 'granted', legalBasis: 'LF-TEMPORARY' });
    expect(granted.json().decisions[0].citation).toContain('Law on Foreigners');
  });

  it('an expired deadline refuses the late action (extension applied for after the last day)', async () => {
    const rp = await open(worker, 'residence-permit', { code: 'submit', payload: RP_SUBMIT });
    let v = rp.version;
    const step = async (c: Client, code: string, payload?: Record<string, unknown>) => {
      const r = await act(c, rp.id, code, v, payload);
      expect(r.statusCode, r.body).toBe(200);
      v = r.json().version;
      return r.json();
    };
    await step(admin, 'grant', { decisionNumber: 'D-2', legalBasis: 'LF-TEMPORARY' });
    // The card handed over is the one the grant issued (its number and one year's validity are filled in).
    const issued = await step(worker, 'issue-card', {});
    const from = String(issued.data.validFrom);
    expect(issued.data).toMatchObject({ cardNumber: expect.stringMatching(/^RC-\d{4}-\d{7}$/), validUntil: residenceValidUntil('temporary', from) });
    // Last day to apply: 30 calendar days before the last day of validity.
    const lastDay = addCalendarDays(String(issued.data.validUntil), -30);
    expect(issued.tasks[0]).toMatchObject({ code: 'extension-filing', dueOn: lastDay, running: true, breached: false });
    await later(340, async () => {
      // 340 days after the grant: less than 30 days before expiry
      const late = await act(worker, rp.id, 'request-extension', v, { feePaid: true });
      expect(late.statusCode).toBe(409);
      expect(late.json().error).toMatchObject({ code: 'CASE.DEADLINE_EXPIRED', dueOn: lastDay });
      expect((await worker.get(`/api/cases/${rp.id}`)).json().tasks[0]).toMatchObject({ breached: true });
    });
  });
});

describe('optimistic concurrency', () => {
  it('a stale update is 409 and lists what was recorded since', async () => {
    const c = await open(worker);
    expect((await act(worker, c.id, 'add-note', 0, { text: 'first' })).statusCode).toBe(200);
    const stale = await act(worker, c.id, 'add-note', 0, { text: 'second' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'CASE.STALE_VERSION', baseVersion: 0, version: 1 });
    expect(stale.json().error.since).toEqual([expect.objectContaining({ seq: 1, code: 'add-note', payload: { text: 'first' } })]);
  });

  it('parallel actions on one version: exactly one wins; retried on the new version, none is lost', async () => {
    const c = await open(worker);
    const n = 8;
    const first = await Promise.all(Array.from({ length: n }, (_, i) => act(worker, c.id, 'add-note', 0, { text: `note ${i}` })));
    expect(first.filter((r) => r.statusCode === 200)).toHaveLength(1);
    expect(first.filter((r) => r.statusCode === 409)).toHaveLength(n - 1);
    const pending = first.map((r, i) => ({ r, i })).filter(({ r }) => r.statusCode === 409).map(({ i }) => i);
    for (const i of pending) {
      for (;;) {
        const v = (await worker.get(`/api/cases/${c.id}`)).json().version;
        const r = await act(worker, c.id, 'add-note', v, { text: `note ${i}` });
        if (r.statusCode === 200) break;
        expect(r.statusCode).toBe(409);
      }
    }
    const notes = (await worker.get(`/api/cases/${c.id}`)).json().notes.map((x: { text: string }) => x.text).sort();
    expect(notes).toEqual(Array.from({ length: n }, (_, i) => `note ${i}`).sort());
    const seqs = (await t.db.query<{ seq: number }>('SELECT seq FROM case_actions WHERE case_id = $1 ORDER BY seq', [c.id])).rows.map((r) => r.seq);
    expect(seqs).toEqual(Array.from({ length: n }, (_, i) => i + 1));
  });

  it('the log is append-only in the database', async () => {
    const c = await open(worker);
    await act(worker, c.id, 'add-note', 0, { text: 'kept' });
    await expect(t.db.query(`UPDATE case_actions SET payload = '{}' WHERE case_id = $1`, [c.id])).rejects.toThrow(/append-only/);
    await expect(t.db.query(`DELETE FROM case_actions WHERE case_id = $1`, [c.id])).rejects.toThrow(/append-only/);
  });
});
