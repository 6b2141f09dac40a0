import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { startServer } from '../../packages/server/src/main.ts';
import { totpCode } from '../../packages/server/src/lib/totp.ts';
import { en } from '../../packages/web/src/i18n/en.ts';
import { DEMO_PASSWORD, freshTotp, screenshot, visit, openBrowserSession, type BrowserSession } from './harness.ts';

/**
 * The administration screens beyond the main journey, in English: sign-in errors, account, API tokens,
 * reference data with history and a concurrent edit, user editing and password reset, second-factor
 * enrolment of a new administrator, and the tablet layout. Every page is checked with axe.
 */
describe('browser: administration screens', () => {
  let srv: Awaited<ReturnType<typeof startServer>>;
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await openBrowserSession('pages');
    ({ srv, page } = session);
  });

  afterAll(() => session?.close());

  const h1 = () => page.locator('main h1');
  const submit = () => page.locator('main form button[type=submit]').first().click();
  const alertText = () => page.locator('[role=alert]').first().textContent();

  async function signIn(username: string, password: string) {
    await page.locator('#login-username').waitFor();
    await page.fill('#login-username', username);
    await page.fill('#login-password', password);
    await submit();
  }

  /** Calls the API as the signed-in browser user (same cookie), with the CSRF token from /me. */
  async function apiAs(method: 'POST' | 'PATCH', path: string, data: unknown) {
    const me = (await (await page.request.get(`${srv.url}/api/auth/me`)).json()) as { csrfToken: string };
    const res = await page.request.fetch(`${srv.url}${path}`, { method, data, headers: { 'x-csrf-token': me.csrfToken } });
    return { status: res.status(), body: (await res.json()) as Record<string, unknown> };
  }

  it('has a working skip link', async () => {
    await page.goto(srv.url);
    await page.locator('#login-username').waitFor();
    await page.focus('#login-username');
    // Backwards from the first field: language choice, then the skip link, first in the tab order.
    for (let n = 0; n < 5 && (await page.evaluate(() => document.activeElement?.className)) !== 'skip-link'; n++) {
      await page.keyboard.press('Shift+Tab');
    }
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('skip-link');
    const box = await page.locator('.skip-link').boundingBox();
    expect(box && box.y >= 0, 'the focused skip link is on screen').toBe(true);
    await screenshot(page, 'skip-link');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    expect(await page.evaluate(() => location.hash)).not.toBe('#main');
  });

  it('shows a translated error for a wrong password', async () => {
    await signIn('admin', 'not-the-password');
    await expect.poll(alertText).toContain(en['error.AUTH.INVALID_CREDENTIALS']);
    await visit(page, 'login-error');
  });

  it('signs the administrator in and shows the account page', async () => {
    await signIn('admin', DEMO_PASSWORD);
    await page.locator('#mfa-code').waitFor();
    await page.fill('#mfa-code', '000000');
    await submit();
    await expect.poll(alertText).toContain(en['error.AUTH.MFA_INVALID']);
    await visit(page, 'mfa-error');
    await page.fill('#mfa-code', await freshTotp('admin'));
    await submit();
    await page.locator('nav.app-nav').waitFor();
    await page.click('a[href="#/account"]');
    await expect.poll(() => h1().textContent()).toBe(en['account.title']);
    await visit(page, 'account');
  });

  it('creates an API token, shows its secret once, and revokes it', async () => {
    await page.click('a[data-module=tokens]');
    await expect.poll(() => h1().textContent()).toBe(en['tokens.title']);
    await visit(page, 'tokens');
    await page.click('a[href="#/tokens/new"]');
    await page.fill('#token-name', 'Police registry sync');
    await page.check('input[name=actions][value="persons.read"]');
    await page.locator('input[name=jurisdictionIds]').first().check();
    await page.fill('#token-days', '30');
    await visit(page, 'token-form');
    await submit();
    await page.locator('#token-secret').waitFor();
    expect(((await page.locator('#token-secret').textContent()) ?? '').length).toBeGreaterThan(10);
    await visit(page, 'token-created');
    await page.locator('main a[href="#/tokens"]').last().click();
    const row = page.locator('main tbody tr', { hasText: 'Police registry sync' });
    await row.locator('button').click();
    await row.locator('button.danger').click();
    await expect.poll(() => row.textContent()).toContain(en['tokens.status.revoked']);
    await visit(page, 'token-revoked');
  });

  it('edits reference data, shows its history, and explains a concurrent change', async () => {
    await page.click('a[data-module=reference]');
    await expect.poll(() => h1().textContent()).toBe(en['reference.title']);
    await visit(page, 'reference-tables');
    await page.click('a[href="#/reference/countries"]');
    await page.locator('main tbody tr').first().waitFor();
    await visit(page, 'reference-rows');
    await page.locator('main tbody tr th a').first().click();
    await page.locator('#ref-name-en').waitFor();
    const key = decodeURIComponent((await page.evaluate(() => location.hash)).split('/').pop()!);
    const original = await page.inputValue('#ref-name-en');
    await page.fill('#ref-name-en', `${original} (edited)`);
    await submit();
    await expect.poll(() => page.locator('[role=status]').allTextContents()).toContain(en['common.saved']);
    await expect.poll(() => page.locator('main table').last().textContent()).toContain('(edited)');
    await visit(page, 'reference-saved');

    // Someone else saves first: the page must say so and show their version.
    const version = Number(await page.locator('dl.kv dd').nth(1).textContent());
    const other = await apiAs('PATCH', `/api/reference/countries/${encodeURIComponent(key)}`, { version, active: true, names: { hy: 'Ա', ru: 'Б', en: 'Changed elsewhere' } });
    expect(other.status).toBe(200);
    await page.fill('#ref-name-en', original);
    await submit();
    await expect.poll(alertText).toContain(en['error.CONFLICT.STALE_VERSION']);
    await expect.poll(() => page.inputValue('#ref-name-en')).toBe('Changed elsewhere');
    await visit(page, 'reference-conflict');
  });

  it('edits a user, explains a concurrent change, and resets the password', async () => {
    await page.click('a[data-module=users]');
    await page.locator('main tbody tr').first().waitFor();
    await page.click('main tbody a:text-is("border.officer")');
    await page.locator('#edit-displayName').waitFor();
    await visit(page, 'user-edit');
    await page.fill('#edit-displayName', 'Armen Hakobyan (BCP Zvartnots)');
    await submit();
    await expect.poll(() => page.locator('[role=status]').allTextContents()).toContain(en['common.saved']);

    const id = decodeURIComponent((await page.evaluate(() => location.hash)).split('/').pop()!);
    const current = (await (await page.request.get(`${srv.url}/api/users/${id}`)).json()) as { version: number };
    expect((await apiAs('PATCH', `/api/users/${id}`, { version: current.version, displayName: 'Armen Hakobyan' })).status).toBe(200);
    await page.fill('#edit-displayName', 'Armen H.');
    await submit();
    await expect.poll(alertText).toContain(en['error.CONFLICT.STALE_VERSION']);
    await expect.poll(() => page.inputValue('#edit-displayName')).toBe('Armen Hakobyan');
    await visit(page, 'user-conflict');

    await page.click(`button:text-is("${en['users.reset']}")`);
    await page.locator('button.danger').click();
    await page.locator('#temp-password').waitFor();
    await visit(page, 'user-reset');
  });

  it('a new agency administrator enrols a second factor and changes the password', async () => {
    const agencies = (await (await page.request.get(`${srv.url}/api/agencies`)).json()) as { items: { id: string; code: string }[] };
    const created = await apiAs('POST', '/api/users', {
      username: 'new.agency.admin',
      displayName: 'Nare Grigoryan',
      agencyId: agencies.items.find((a) => a.code === 'NSS-BG')!.id,
      roles: ['agency_admin'],
      jurisdictionIds: [],
    });
    expect(created.status).toBe(201);
    await page.click('#logout');
    await signIn('new.agency.admin', created.body.temporaryPassword as string);
    for (let step = 0; step < 3; step++) {
      await page.locator('#mfa-secret, #pw-new, nav.app-nav').first().waitFor();
      if (await page.locator('#mfa-secret').count()) {
        await visit(page, 'mfa-enrolment');
        expect(await page.locator('#mfa-uri').textContent()).toMatch(/^otpauth:\/\/totp\//);
        const secret = ((await page.locator('#mfa-secret').textContent()) ?? '').replace(/\s+/g, '');
        await page.fill('#enrol-code', totpCode(secret));
        await submit();
        await page.locator('#mfa-secret').waitFor({ state: 'detached' });
      } else if (await page.locator('#pw-new').count()) {
        await page.fill('#pw-current', created.body.temporaryPassword as string);
        await page.fill('#pw-new', 'short');
        await page.fill('#pw-repeat', 'short');
        await submit();
        await expect.poll(alertText).toContain(en['password.tooShort'].replace('{min}', '12'));
        await visit(page, 'password-too-short');
        await page.fill('#pw-new', 'Agency-admin-passphrase-2026');
        await page.fill('#pw-repeat', 'Agency-admin-passphrase-2026');
        await submit();
        await page.locator('#pw-new').waitFor({ state: 'detached' });
      } else break;
    }
    await page.locator('nav.app-nav').waitFor();
    const modules = await page.locator('nav.app-nav a[data-module]').evaluateAll((as) => as.map((a) => a.getAttribute('data-module')));
    expect(modules).toEqual(['cases', 'users', 'tokens']);
    await visit(page, 'agency-admin-home');
  });

  it('is usable at tablet width', async () => {
    await page.setViewportSize({ width: 768, height: 1024 });
    await page.click('a[data-module=users]');
    await page.locator('main tbody tr').first().waitFor();
    await visit(page, 'tablet-users');
    await page.click('a[href="#/users/new"]');
    await page.locator('#user-username').waitFor();
    await visit(page, 'tablet-user-create');
  });
});
