import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Client, type TestApp } from '../../testing/test-app.ts';
import { PUBLIC_RATE_PER_MINUTE } from './routes.ts';

let t: TestApp;
let mcs: Client;

beforeAll(async () => {
  t = await createTestApp();
  mcs = await loginAs(t, 'case.worker');
});
afterAll(() => t.close());

describe('employers', () => {
  it('registers with a valid TIN, refuses a bad one and a duplicate, records a termination notice; territory applies', async () => {
    const body = { taxNumber: '0123 4567', name: 'Ararat Build LLC', address: 'Yerevan, Tigran Mets 5', region: 'AM-ER', contacts: [{ kind: 'phone', value: '+374 10 555555' }] };
    const bad = await mcs.post('/api/work/employers', { ...body, taxNumber: '1234567' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0]).toMatchObject({ field: 'body.taxNumber', code: 'WORK.TAX_NUMBER_FORMAT' });
    const created = await mcs.post('/api/work/employers', body);
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ taxNumber: '01234567', name: 'Ararat Build LLC', notices: [] });
    const dup = await mcs.post('/api/work/employers', { ...body, taxNumber: '01234567' });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('WORK.EMPLOYER_EXISTS');
    // Outside the case worker's territory (Yerevan, Kotayk).
    expect((await mcs.post('/api/work/employers', { ...body, taxNumber: '76543210', region: 'AM-SH' })).statusCode).toBe(403);

    const id = created.json().id as string;
    const notice = await mcs.post(`/api/work/employers/${id}/notices`, { kind: 'termination', effectiveOn: '2026-11-30', note: 'Contract ended' });
    expect(notice.statusCode).toBe(201);
    expect((await mcs.get(`/api/work/employers/${id}`)).json().notices).toMatchObject([{ kind: 'termination', effectiveOn: '2026-11-30' }]);
    expect((await mcs.get('/api/work/employers?q=ararat')).json().items.map((e: { id: string }) => e.id)).toContain(id);
    // The labour ministry reads nationally but does not register; border officers have no work access.
    const mlsa = await loginAs(t, 'policy.officer');
    expect((await mlsa.get(`/api/work/employers/${id}`)).statusCode).toBe(200);
    expect((await mlsa.post('/api/work/employers', { ...body, taxNumber: '11112222' })).statusCode).toBe(403);
    expect((await (await loginAs(t, 'border.officer')).get('/api/work/employers')).statusCode).toBe(403);
    const audits = (await t.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE action LIKE 'work.employer.%'`)).rows.map((r) => r.action);
    expect(audits).toEqual(expect.arrayContaining(['work.employer.create', 'work.employer.notice', 'work.employer.read']));
  });

  it('lists the exemptions of the profile with labels', async () => {
    const r = (await mcs.get('/api/work/exemptions')).json();
    expect(r.items.map((e: { code: string }) => e.code)).toEqual(expect.arrayContaining(['bloc_citizen', 'permanent_resident', 'lecturer_researcher']));
    expect(r.items[0].labels.hy).toMatch(/ԵԱՏՄ/);
  });
});

describe('private employment agencies', () => {
  it('registration, inspection, complaint, sanctions; the public list has no personal data and drops revoked agencies', async () => {
    const body = { registrationNumber: 'PEA-001', taxNumber: '02345678', name: 'Work Abroad Agency', address: 'Yerevan, Abovyan 1', region: 'AM-ER', email: 'info@example.am', registeredOn: '2025-01-15' };
    const a = await mcs.post('/api/work/agencies', body);
    expect(a.statusCode).toBe(201);
    expect((await mcs.post('/api/work/agencies', { ...body, taxNumber: '03456789' })).statusCode).toBe(409);
    const id = a.json().id as string;
    expect((await mcs.post(`/api/work/agencies/${id}/inspections`, { inspectedOn: '2026-10-01', result: 'serious_breaches', findings: 'Fees charged to workers' })).statusCode).toBe(201);
    await mcs.post(`/api/work/agencies/${id}/complaints`, { receivedOn: '2026-09-20', complainant: 'Արամ Պետրոսյան', summary: 'Charged a placement fee' });
    const noEnd = await mcs.post(`/api/work/agencies/${id}/sanctions`, { kind: 'suspension', from: '2026-11-01', reason: 'Fees' });
    expect(noEnd.json().error.issues[0]).toMatchObject({ field: 'body.to', code: 'WORK.SUSPENSION_END_REQUIRED' });
    const suspended = await mcs.post(`/api/work/agencies/${id}/sanctions`, { kind: 'suspension', from: '2026-11-01', to: '2026-12-31', reason: 'Fees charged to workers' });
    expect(suspended.json()).toMatchObject({ standing: 'suspended', complaints: [{ complainant: 'Արամ Պետրոսյան' }] });

    const pub = await t.app.inject({ method: 'GET', url: '/api/public/employment-agencies' });
    expect(pub.statusCode).toBe(200);
    const item = pub.json().items.find((i: { registrationNumber: string }) => i.registrationNumber === 'PEA-001');
    expect(item).toEqual({ registrationNumber: 'PEA-001', name: 'Work Abroad Agency', address: 'Yerevan, Abovyan 1', region: 'AM-ER', phone: null, email: 'info@example.am', website: null, registeredOn: '2025-01-15', standing: 'suspended' });
    expect(pub.body).not.toContain('Պետրոսյան');
    expect(pub.body).not.toContain(id);

    await mcs.post(`/api/work/agencies/${id}/sanctions`, { kind: 'revocation', from: '2026-11-20', reason: 'Repeated breaches' });
    const after = (await t.app.inject({ method: 'GET', url: '/api/public/employment-agencies', remoteAddress: '10.0.0.2' })).json();
    expect(after.items.map((i: { registrationNumber: string }) => i.registrationNumber)).not.toContain('PEA-001');
  });

  it('the public list is rate-limited per client address', async () => {
    const hit = () => t.app.inject({ method: 'GET', url: '/api/public/employment-agencies?limit=1', remoteAddress: '10.9.9.9' });
    for (let i = 0; i < PUBLIC_RATE_PER_MINUTE; i++) expect((await hit()).statusCode).toBe(200);
    const limited = await hit();
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });
});
