import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, Client, DEMO_PASSWORD, type TestApp } from '../../testing/test-app.ts';
import { totpCode } from '../../lib/totp.ts';
import { DEMO_TOTP_SECRET } from '../../seed/seed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ KAMURJ_LOGIN_RATE_PER_MINUTE: '1000' });
});
afterAll(() => t.close());

describe('login', () => {
  it('sets an HttpOnly, SameSite=Strict session cookie and returns the shell for the role', async () => {
    const c = new Client(t);
    const res = await c.post('/api/auth/login', { username: 'border.officer', password: DEMO_PASSWORD });
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((k) => k.name === 'kamurj_sid')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Strict');
    expect(res.json()).toMatchObject({ state: 'active', modules: ['border', 'persons', 'visas'], user: { username: 'border.officer', roles: ['border_officer'] } });
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
  });

  it('marks the cookie Secure behind HTTPS', async () => {
    const res = await t.app.inject({
      method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      payload: JSON.stringify({ username: 'analyst', password: DEMO_PASSWORD }),
    });
    const secure = await createTestApp({ KAMURJ_COOKIE_SECURE: 'true' });
    try {
      const r2 = await secure.app.inject({ method: 'POST', url: '/api/auth/login', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ username: 'analyst', password: DEMO_PASSWORD }) });
      expect(r2.cookies.find((k) => k.name === 'kamurj_sid')!.secure).toBe(true);
    } finally {
      await secure.close();
    }
    expect(res.statusCode).toBe(200);
  });

  it('answers the same for an unknown user and a wrong password', async () => {
    const a = await new Client(t).post('/api/auth/login', { username: 'nobody', password: 'whatever-long-enough' });
    const b = await new Client(t).post('/api/auth/login', { username: 'analyst', password: 'wrong-password-here' });
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().error.code).toBe(b.json().error.code);
  });

  it('locks the account after repeated failures, progressively, and unlocks after the wait', async () => {
    const c = new Client(t);
    for (let i = 0; i < 5; i++) expect((await c.post('/api/auth/login', { username: 'case.worker', password: `wrong-${i}-password` })).statusCode).toBe(401);
    const locked = await c.post('/api/auth/login', { username: 'case.worker', password: DEMO_PASSWORD });
    expect(locked.statusCode).toBe(429);
    expect(locked.json().error).toMatchObject({ code: 'AUTH.LOCKED' });
    expect(locked.headers['retry-after']).toBe('60');
    t.clock.advance(61_000);
    // One more failure after the lock doubles it.
    expect((await c.post('/api/auth/login', { username: 'case.worker', password: 'still-wrong-pass' })).statusCode).toBe(401);
    const again = await c.post('/api/auth/login', { username: 'case.worker', password: DEMO_PASSWORD });
    expect(again.json().error.retryAfterSeconds).toBe(120);
    t.clock.advance(121_000);
    expect((await c.post('/api/auth/login', { username: 'case.worker', password: DEMO_PASSWORD })).statusCode).toBe(200);
  });

  it('rate-limits login attempts per client address', async () => {
    const strict = await createTestApp({ KAMURJ_LOGIN_RATE_PER_MINUTE: '3' });
    try {
      const c = new Client(strict);
      const codes = [];
      for (let i = 0; i < 5; i++) codes.push((await c.post('/api/auth/login', { username: 'nobody', password: 'x-long-password' })).statusCode);
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await strict.close();
    }
  });
});

describe('second factor', () => {
  it('requires the TOTP code for administrators and rejects a replayed code', async () => {
    const c = new Client(t);
    const res = await c.post('/api/auth/login', { username: 'admin', password: DEMO_PASSWORD });
    expect(res.json()).toMatchObject({ state: 'mfa_required', modules: [] });
    expect((await c.get('/api/users')).json().error.code).toBe('AUTH.STEP_REQUIRED');
    expect((await c.post('/api/auth/mfa/verify', { code: '000000' })).statusCode).toBe(400);
    t.clock.advance(30_000);
    const code = totpCode(DEMO_TOTP_SECRET, t.clock.ms);
    const ok = await c.post('/api/auth/mfa/verify', { code });
    expect(ok.json()).toMatchObject({ state: 'active' });
    expect(ok.json().modules).toContain('users');
    const replay = new Client(t);
    await replay.post('/api/auth/login', { username: 'admin', password: DEMO_PASSWORD });
    expect((await replay.post('/api/auth/mfa/verify', { code })).statusCode).toBe(400);
  });

  it('makes a new administrator enrol a second factor before anything else', async () => {
    const admin = await loginAs(t, 'admin');
    const agencies = (await admin.get('/api/agencies')).json().items;
    const juris = (await admin.get('/api/jurisdictions')).json().items;
    const created = await admin.post('/api/users', {
      username: 'new.admin', displayName: 'New Admin', agencyId: agencies.find((a: { code: string }) => a.code === 'POLICE').id,
      roles: ['agency_admin'], jurisdictionIds: [juris[0].id],
    });
    expect(created.statusCode).toBe(201);
    const c = new Client(t);
    expect((await c.post('/api/auth/login', { username: 'new.admin', password: created.json().temporaryPassword })).json().state).toBe('mfa_enrolment_required');
    const { secret } = (await c.post('/api/auth/mfa/setup')).json();
    t.clock.advance(30_000);
    const enabled = await c.post('/api/auth/mfa/enable', { code: totpCode(secret, t.clock.ms) });
    expect(enabled.json().state).toBe('password_change_required');
    const changed = await c.post('/api/auth/password', { currentPassword: created.json().temporaryPassword, newPassword: 'a-much-better-passphrase' });
    expect(changed.json().state).toBe('active');
  });
});

describe('CSRF and sessions', () => {
  it('rejects a cookie-authenticated write without the CSRF token', async () => {
    const c = await loginAs(t, 'analyst');
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: c.cookie, 'content-type': 'application/json' }, payload: '{}' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('AUTH.CSRF');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: c.cookie, 'x-csrf-token': 'forged', 'content-type': 'application/json' }, payload: '{}' });
    expect(wrong.statusCode).toBe(403);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await c.get('/api/auth/me')).statusCode).toBe(401);
  });

  it('expires an idle session and, regardless of activity, an old one', async () => {
    const c = await loginAs(t, 'analyst');
    t.clock.advance(29 * 60_000);
    expect((await c.get('/api/auth/me')).statusCode).toBe(200);
    t.clock.advance(31 * 60_000);
    const idle = await c.get('/api/auth/me');
    expect(idle.statusCode).toBe(401);
    expect(idle.json().error.code).toBe('AUTH.SESSION_EXPIRED');

    const d = await loginAs(t, 'analyst');
    const start = t.clock.ms;
    let first: { code: string; afterMinutes: number } | undefined;
    while (!first && t.clock.ms - start < 13 * 3_600_000) {
      t.clock.advance(20 * 60_000);
      const r = await d.get('/api/auth/me');
      if (r.statusCode !== 200) first = { code: r.json().error.code, afterMinutes: (t.clock.ms - start) / 60_000 };
    }
    // Active every 20 minutes, yet ended by the 12-hour absolute limit.
    expect(first).toEqual({ code: 'AUTH.SESSION_EXPIRED', afterMinutes: 12 * 60 + 20 });
  });

  it('changes the password and ends the other sessions', async () => {
    const a = await loginAs(t, 'policy.officer');
    const b = await loginAs(t, 'policy.officer');
    const weak = await a.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.issues[0].field).toBe('body.newPassword');
    expect((await a.post('/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'policy officer new pass' })).statusCode).toBe(200);
    expect((await a.get('/api/auth/me')).statusCode).toBe(200);
    expect((await b.get('/api/auth/me')).statusCode).toBe(401);
    expect((await new Client(t).post('/api/auth/login', { username: 'policy.officer', password: DEMO_PASSWORD })).statusCode).toBe(401);
  });
});

describe('machine tokens', () => {
  it('authenticates with a scoped token until it is revoked', async () => {
    const admin = await loginAs(t, 'admin');
    const juris = (await admin.get('/api/jurisdictions')).json().items as { id: string; code: string }[];
    const created = await admin.post('/api/tokens', { name: 'Bagratashen node 1', actions: ['reference.read', 'border.crossing.record'], jurisdictionIds: [juris.find((j) => j.code === 'BAGRATASHEN')!.id] });
    expect(created.statusCode).toBe(201);
    const bearer = { authorization: `Bearer ${created.json().secret}` };
    expect((await t.app.inject({ method: 'GET', url: '/api/reference', headers: bearer })).statusCode).toBe(200);
    // A token never administers: no users, no audit.
    expect((await t.app.inject({ method: 'GET', url: '/api/users', headers: bearer })).statusCode).toBe(403);
    // Tokens are not cookies: no CSRF token needed, and a forged one does not matter.
    expect((await admin.post(`/api/tokens/${created.json().token.id}/revoke`)).json().revokedAt).not.toBeNull();
    const after = await t.app.inject({ method: 'GET', url: '/api/reference', headers: bearer });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('AUTH.TOKEN_REVOKED');
    expect((await t.app.inject({ method: 'GET', url: '/api/reference', headers: { authorization: 'Bearer nonsense' } })).statusCode).toBe(401);
  });

  it('refuses administrative actions in a token', async () => {
    const admin = await loginAs(t, 'admin');
    const juris = (await admin.get('/api/jurisdictions')).json().items;
    const res = await admin.post('/api/tokens', { name: 'evil', actions: ['users.manage'], jurisdictionIds: [juris[0].id] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues[0].field).toMatch(/^body\.actions/);
  });
});
