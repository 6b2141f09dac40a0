import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, Client, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let agencies: { id: string; code: string }[];
let juris: { id: string; code: string }[];
beforeAll(async () => {
  t = await createTestApp();
  const admin = await loginAs(t, 'admin');
  agencies = (await admin.get('/api/agencies')).json().items;
  juris = (await admin.get('/api/jurisdictions')).json().items;
});
afterAll(() => t.close());
const agency = (code: string) => agencies.find((a) => a.code === code)!.id;
const place = (code: string) => juris.find((j) => j.code === code)!.id;

describe('user administration', () => {
  it('creates a user with a temporary password that must be changed at first login', async () => {
    const admin = await loginAs(t, 'admin');
    const res = await admin.post('/api/users', {
      username: 'officer.one', displayName: 'Officer One', agencyId: agency('NSS-BG'), roles: ['border_officer'], jurisdictionIds: [place('BAGRATASHEN')],
    });
    expect(res.statusCode).toBe(201);
    const { user, temporaryPassword } = res.json();
    expect(user).toMatchObject({ username: 'officer.one', roles: ['border_officer'], mustChangePassword: true, version: 1 });
    expect(user.jurisdictions[0].path).toBe('ARM.AM-TV.BAGRATASHEN');
    expect(JSON.stringify(user)).not.toMatch(/password_hash|totp_secret|argon2/);
    const c = new Client(t);
    expect((await c.post('/api/auth/login', { username: 'officer.one', password: temporaryPassword })).json().state).toBe('password_change_required');
    expect((await c.get('/api/reference')).json().error.code).toBe('AUTH.STEP_REQUIRED');
    const dup = await admin.post('/api/users', { username: 'Officer.One'.toLowerCase(), displayName: 'x', agencyId: agency('MCS'), roles: ['analyst'], jurisdictionIds: [] });
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.code).toBe('USERS.USERNAME_TAKEN');
  });

  it('keeps an agency administrator inside the own agency and its assignable roles', async () => {
    const mcsAdmin = await loginAs(t, 'mcs.admin');
    const list = (await mcsAdmin.get('/api/users?limit=200')).json();
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.every((u: { agency: { code: string } }) => u.agency.code === 'MCS')).toBe(true);
    const other = await mcsAdmin.post('/api/users', { username: 'nss.person', displayName: 'x', agencyId: agency('NSS-BG'), roles: ['border_officer'], jurisdictionIds: [] });
    expect(other.statusCode).toBe(403);
    const sysadmin = await mcsAdmin.post('/api/users', { username: 'mcs.root', displayName: 'x', agencyId: agency('MCS'), roles: ['system_admin'], jurisdictionIds: [] });
    expect(sysadmin.statusCode).toBe(403);
    expect(sysadmin.json().error.code).toBe('USERS.ROLE_NOT_ASSIGNABLE');
    const ok = await mcsAdmin.post('/api/users', { username: 'mcs.caseworker2', displayName: 'Case Worker', agencyId: agency('MCS'), roles: ['case_worker'], jurisdictionIds: [place('AM-ER')] });
    expect(ok.statusCode).toBe(201);
    const nssUser = (await (await loginAs(t, 'admin')).get('/api/users?q=border.officer')).json().items[0];
    expect((await mcsAdmin.get(`/api/users/${nssUser.id}`)).statusCode).toBe(403);
  });

  it('detects a stale update and shows the current record', async () => {
    const admin = await loginAs(t, 'admin');
    const u = (await admin.get('/api/users?q=analyst')).json().items[0];
    const first = await admin.patch(`/api/users/${u.id}`, { version: u.version, displayName: 'Mariam H.' });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(u.version + 1);
    const stale = await admin.patch(`/api/users/${u.id}`, { version: u.version, displayName: 'Lost update' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'CONFLICT.STALE_VERSION', current: { displayName: 'Mariam H.' } });
  });

  it('disables accounts in bulk, checking every id in one pass, and ends their sessions', async () => {
    const victim = await loginAs(t, 'border.supervisor');
    const mcsAdmin = await loginAs(t, 'mcs.admin');
    const admin = await loginAs(t, 'admin');
    const all = (await admin.get('/api/users?limit=200')).json().items as { id: string; username: string; agency: { code: string } }[];
    const sup = all.find((u) => u.username === 'border.supervisor')!;
    const mcsOne = all.find((u) => u.username === 'mcs.caseworker2')!;
    const res = await mcsAdmin.post('/api/users/bulk-status', { ids: [sup.id, mcsOne.id, '00000000-0000-4000-8000-000000000000'], disabled: true });
    expect(res.json()).toEqual({ updated: [mcsOne.id], denied: [sup.id, '00000000-0000-4000-8000-000000000000'] });
    expect((await victim.get('/api/auth/me')).statusCode).toBe(200);
    await admin.post('/api/users/bulk-status', { ids: [sup.id], disabled: true });
    expect((await victim.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('resets a password and ends the user’s sessions', async () => {
    const victim = await loginAs(t, 'case.worker');
    const admin = await loginAs(t, 'admin');
    const u = (await admin.get('/api/users?q=case.worker')).json().items.find((x: { username: string }) => x.username === 'case.worker');
    const res = await admin.post(`/api/users/${u.id}/reset-password`);
    expect(res.json().temporaryPassword).toMatch(/^\w{4}-\w{4}-\w{4}-\w{4}$/);
    expect((await victim.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('names the offending fields of a bad request', async () => {
    const admin = await loginAs(t, 'admin');
    const res = await admin.post('/api/users', { username: 'A B', displayName: '', agencyId: 'nope', roles: ['emperor'], jurisdictionIds: [], extra: 1 });
    expect(res.statusCode).toBe(400);
    const fields = res.json().error.issues.map((i: { field: string }) => i.field).sort();
    expect(fields).toEqual(['body.agencyId', 'body.displayName', 'body.extra', 'body.roles.0', 'body.username']);
  });
});
