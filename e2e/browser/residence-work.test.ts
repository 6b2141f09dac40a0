import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { startServer } from '../../packages/server/src/main.ts';
import { en } from '../../packages/web/src/i18n/en.ts';
import { DEMO_PASSWORD, visit, openBrowserSession, type BrowserSession } from './harness.ts';

/**
 * Visas and work (ADR 0701): a case worker imports the foreign ministry's e-visa file through the page,
 * reads the report (a broken row with its line number), and the holder's stay position turns "covered by
 * visa"; then registers an employer (a wrong tax number first). Every page is checked with axe.
 */
describe('browser: e-visa import and employer registry', () => {
  let srv: Awaited<ReturnType<typeof startServer>>;
  let session: BrowserSession;
  let page: Page;
  let personId = '';

  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  const h1 = () => page.locator('main h1');

  beforeAll(async () => {
    session = await openBrowserSession('residence-work');
    ({ srv, page } = session);
  });
  afterAll(() => session?.close());

  async function api(method: 'GET' | 'POST', path: string, data?: unknown) {
    const me = (await (await page.request.get(`${srv.url}/api/auth/me`)).json()) as { csrfToken: string };
    const res = await page.request.fetch(`${srv.url}${path}`, { method, ...(data ? { data } : {}), headers: { 'x-csrf-token': me.csrfToken } });
    return { status: res.status(), body: (await res.json()) as Record<string, unknown> };
  }

  it('signs the case worker in; a foreigner without a visa is counted under the visa-free rule', async () => {
    await page.goto(srv.url);
    await page.locator('#login-username').waitFor();
    await page.fill('#login-username', 'case.worker');
    await page.fill('#login-password', DEMO_PASSWORD);
    await page.locator('main form button[type=submit]').click();
    await page.locator('nav.app-nav').waitFor();
    const created = await api('POST', '/api/persons', {
      person: { names: [{ surname: 'NAKAMURA', givenNames: 'KEN' }], birthDate: '1988-08-08', sex: 'M', citizenships: [{ code: 'JPN' }], registeredIn: 'AM-ER', documents: [{ type: 'passport', number: 'TK1234567', issuingState: 'JPN' }] },
    });
    expect(created.status).toBe(201);
    personId = (created.body.person as { id: string }).id;
    const stay = await api('GET', `/api/border/persons/${personId}/stay`);
    expect((stay.body.position as { kind: string }).kind).not.toBe('covered');
  });

  it('imports the e-visa file, shows the report with the broken line, and the stay position changes', async () => {
    await page.click('a[data-module=visas]');
    await expect.poll(() => h1().textContent()).toBe(en['visas.list']);
    await visit(page, 'visas-empty');
    await page.click(`a[href="#/visas/import"]`);
    await expect.poll(() => h1().textContent()).toBe(en['visas.importTitle']);
    const csv = [
      'evisa_number,surname,given_names,birth_date,sex,nationality,passport_number,valid_from,valid_to,stay_days,entries',
      `EV-JP-1,NAKAMURA,KEN,1988-08-08,M,JPN,TK1234567,${day(-1)},${day(60)},120,single`,
      `EV-JP-2,SATO,YUKI,1990-13-01,F,JPN,TK7654321,${day(-1)},${day(60)},120,single`,
    ].join('\n');
    await page.setInputFiles('#evisa-file', { name: 'mfa-evisas.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.locator('main form button[type=submit]').click();
    const report = page.locator('#evisa-report');
    await report.waitFor();
    await expect.poll(() => page.locator('main [role=status]').textContent()).toContain('Line 3');
    await visit(page, 'evisa-report');
    const stay = await api('GET', `/api/border/persons/${personId}/stay`);
    expect(stay.body.position).toMatchObject({ kind: 'covered', by: 'visa', until: day(60) });

    await page.click('a[href="#/visas"]');
    await page.locator('main table').waitFor();
    await page.click('main table a');
    await expect.poll(() => h1().textContent()).toBe('Visa EV-JP-1');
    await visit(page, 'visa-detail');
  });

  it('registers an employer after a wrong tax number is refused', async () => {
    await page.click('a[data-module=work]');
    await expect.poll(() => h1().textContent()).toBe(en['work.employers']);
    await page.fill('#employer-taxNumber', '1234');
    await page.fill('#employer-name', 'Sevan Textiles LLC');
    await page.fill('#employer-address', 'Yerevan, Arshakunyats 20');
    await page.fill('#employer-region', 'AM-ER');
    await page.click('form[aria-labelledby=new-employer] button[type=submit]');
    await page.locator('[role=alert]').first().waitFor();
    await visit(page, 'employer-invalid');
    await page.fill('#employer-taxNumber', '0245 6789');
    await page.click('form[aria-labelledby=new-employer] button[type=submit]');
    await expect.poll(() => h1().textContent()).toBe('Sevan Textiles LLC');
    await expect.poll(() => page.locator('main dl').textContent()).toContain('02456789');
    await visit(page, 'employer-detail');
  });
});
