import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { startServer } from '../../packages/server/src/main.ts';
import { en } from '../../packages/web/src/i18n/en.ts';
import { hy } from '../../packages/web/src/i18n/hy.ts';
import { DEMO_PASSWORD, freshTotp, visit, openBrowserSession, type BrowserSession } from './harness.ts';

interface Named {
  id: string;
  code: string;
  kind?: string;
}

describe('browser journey: administrator creates a border officer, who signs in, and sees both in the audit log', () => {
  let srv: Awaited<ReturnType<typeof startServer>>;
  let session: BrowserSession;
  let page: Page;
  const officer = `border.e2e${Date.now().toString(36)}`;
  const officerPassword = 'Sahman-e2e-long-passphrase-2026';
  let temporaryPassword = '';
  let officerId = '';

  beforeAll(async () => {
    session = await openBrowserSession('journey');
    ({ srv, page } = session);
  });

  afterAll(() => session?.close());

  const h1 = () => page.locator('main h1');

  async function signIn(username: string, password: string) {
    await expect.poll(() => page.locator('#login-username').count()).toBe(1);
    await page.fill('#login-username', username);
    await page.fill('#login-password', password);
    await page.locator('main form button[type=submit]').click();
  }

  async function secondFactor(username: string, step: string) {
    await page.locator('#mfa-code').waitFor();
    await visit(page, step);
    await page.fill('#mfa-code', await freshTotp(username));
    await page.locator('main form button[type=submit]').click();
    await page.locator('nav.app-nav').waitFor();
  }

  async function signOut() {
    await page.click('#logout');
    await page.locator('#login-username').waitFor();
  }

  it('signs the administrator in with a second factor', async () => {
    await page.goto(srv.url);
    await expect.poll(() => h1().textContent()).toBe(en['login.title']);
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    await visit(page, 'login');
    await signIn('admin', DEMO_PASSWORD);
    await secondFactor('admin', 'admin-second-factor');
    await visit(page, 'admin-home');
  });

  it('switches the interface to Armenian', async () => {
    await page.selectOption('#lang-select', 'hy');
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('hy');
    await expect.poll(() => page.locator('a[data-module=users]').textContent()).toBe(hy['module.users']);
    await expect.poll(() => page.locator('#logout').textContent()).toBe(hy['common.signOut']);
    expect(await h1().textContent()).toContain('Բարի գալուստ');
    await visit(page, 'admin-home-hy');
  });

  it('creates a border officer at Zvartnots and shows the temporary password', async () => {
    await page.click('a[data-module=users]');
    await expect.poll(() => h1().textContent()).toBe(hy['module.users']);
    await page.locator('main table').waitFor();
    await visit(page, 'users-list');

    await page.click('a[href="#/users/new"]');
    await page.locator('#user-username').waitFor();
    const agencies = (await (await page.request.get(`${srv.url}/api/agencies`)).json()) as { items: Named[] };
    const jurisdictions = (await (await page.request.get(`${srv.url}/api/jurisdictions`)).json()) as { items: Named[] };
    const nssBg = agencies.items.find((a) => a.code === 'NSS-BG');
    const zvartnots = jurisdictions.items.find((j) => j.kind === 'bcp' && /ZVARTNOTS/i.test(j.code));
    expect(nssBg, 'agency NSS-BG is seeded').toBeDefined();
    expect(zvartnots, 'Zvartnots crossing point is seeded').toBeDefined();

    await page.fill('#user-username', officer);
    await page.fill('#user-displayName', 'Արամ Սահմանյան');
    await page.selectOption('#user-agency', nssBg!.id);
    await page.check('input[name=roles][value=border_officer]');
    await page.check(`input[name=jurisdictionIds][value="${zvartnots!.id}"]`);
    await visit(page, 'user-create-form');
    await page.locator('main form button[type=submit]').click();

    const secret = page.locator('#temp-password');
    await secret.waitFor();
    temporaryPassword = ((await secret.textContent()) ?? '').trim();
    expect(temporaryPassword.length).toBeGreaterThanOrEqual(8);
    const openLink = await page.locator(`main a[href^="#/users/"]:not([href="#/users/new"]):not([href="#/users"])`).first().getAttribute('href');
    officerId = decodeURIComponent(openLink!.replace('#/users/', ''));
    expect(officerId).not.toBe('');
    await visit(page, 'user-created');
    await signOut();
    await visit(page, 'signed-out');
  });

  it('the new officer must change the temporary password, then sees only the border-officer shell', async () => {
    await signIn(officer, temporaryPassword);
    await page.locator('#pw-new').waitFor();
    expect(await h1().textContent()).toBe(hy['password.forcedTitle']);
    await visit(page, 'officer-password-change');
    await page.fill('#pw-current', temporaryPassword);
    await page.fill('#pw-new', officerPassword);
    await page.fill('#pw-repeat', officerPassword);
    await page.locator('main form button[type=submit]').click();
    await page.locator('nav.app-nav').waitFor();

    const modules = await page.locator('nav.app-nav a[data-module]').evaluateAll((as) => as.map((a) => a.getAttribute('data-module')));
    expect(modules).toContain('border');
    for (const hidden of ['users', 'audit', 'reference', 'tokens']) expect(modules).not.toContain(hidden);
    await visit(page, 'officer-home');

    await page.click('a[data-module=border]');
    // The border module opens on the crossing-point console: the officer's post is offered for the shift.
    await expect.poll(() => h1().textContent()).toBe(hy['border.consoleTitle']);
    await page.locator('#start-shift').waitFor();
    expect(await page.locator('main').textContent()).toContain('Զվարթնոց');
    await visit(page, 'officer-border-landing');
    await signOut();
  });

  it('the administrator sees the user creation and the officer sign-in in the audit log', async () => {
    await signIn('admin', DEMO_PASSWORD);
    await secondFactor('admin', 'admin-second-factor-again');
    await page.click('a[data-module=audit]');
    await expect.poll(() => h1().textContent()).toBe(hy['module.audit']);
    await page.locator('main table').waitFor();
    await visit(page, 'audit-all');

    await page.fill('#audit-action', 'users.create');
    await page.locator('form[role=search] button[type=submit]').click();
    const rows = page.locator('main table tbody tr');
    await expect.poll(() => rows.filter({ hasText: officerId }).count()).toBeGreaterThan(0);
    await visit(page, 'audit-users-create');

    // "Who accessed this record?": everything done to the new user, creation and sign-in included.
    await rows.filter({ hasText: officerId }).first().locator('a[href^="#/audit?"]').click();
    await expect.poll(() => page.locator('#audit-targetId').inputValue()).toBe(officerId);
    await expect.poll(() => rows.filter({ hasText: 'auth.login' }).count()).toBeGreaterThan(0);
    const actions = await rows.locator('td code').allTextContents();
    expect(actions).toContain('users.create');
    expect(actions).toContain('auth.login');
    const login = rows.filter({ hasText: 'auth.login' }).first();
    expect(await login.textContent()).toContain(officer);
    await visit(page, 'audit-by-target');

    await page.click('#audit-verify');
    await expect.poll(() => page.locator('#verify-result').textContent()).toContain('Շղթան ամբողջական է');
    await visit(page, 'audit-verified');
    await signOut();
  });
});
