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

  async function api(method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown) {
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

  it('records a visa by hand (a wrong date order shown at its field), then withdraws it', async () => {
    await page.click('a[data-module=visas]');
    await page.click('a[href="#/visas/new"]');
    await expect.poll(() => h1().textContent()).toBe(en['visas.new.title']);
    await page.fill('#visa-holder', 'NAKAMURA');
    await page.keyboard.press('Enter');
    await page.locator('main .hits button.pick').first().click();
    await page.fill('#visa-number', 'AV-2026-001');
    await page.fill('#visa-post', 'Tokyo');
    await page.fill('#visa-from', day(0));
    await page.fill('#visa-to', day(-3));
    await page.fill('#visa-days', '30');
    await page.click('form[aria-labelledby=visa-new-h] button[type=submit]');
    await expect.poll(() => page.locator('#visa-to-error').textContent()).toBe('It must not end before it starts');
    await visit(page, 'visa-new-invalid');
    await page.fill('#visa-to', day(30));
    await page.click('form[aria-labelledby=visa-new-h] button[type=submit]');
    await expect.poll(() => h1().textContent()).toBe('Visa AV-2026-001');
    await page.getByLabel(en['visas.withdrawReason']).fill('Issued in error');
    await page.getByRole('button', { name: en['visas.withdraw'] }).click();
    await expect.poll(() => page.locator('main dl').textContent()).toContain(`${en['visas.state.withdrawn']} — Issued in error`);
    await visit(page, 'visa-withdrawn');
  });

  it('shows the person’s residence statuses and registers an address', async () => {
    const granted = await api('POST', '/api/residence/statuses', { personId, kind: 'temporary', ground: 'study', cardNumber: 'RC-JP-0001', validFrom: day(0), issuingOffice: 'MCS Yerevan' });
    expect(granted.status).toBe(201);
    await page.goto(`${srv.url}/#/persons/${personId}`);
    const section = page.locator('section[aria-labelledby=residence-h]');
    await expect.poll(() => section.locator('table').textContent()).toContain('RC-JP-0001');
    await expect.poll(() => section.locator('table').textContent()).toContain('Study');
    await page.fill('#address-region', 'AM-ER');
    await page.fill('#address-community', 'Yerevan');
    await page.fill('#address-line', 'Abovyan 10, apt 5');
    await page.fill('#address-from', day(0));
    await page.selectOption('#address-status', { label: 'RC-JP-0001' });
    await page.click('form[aria-labelledby=address-new-h] button[type=submit]');
    await expect.poll(() => section.locator('.address-list').textContent()).toContain('Abovyan 10, apt 5');
    await visit(page, 'person-residence');
    const record = await api('GET', `/api/residence/persons/${personId}`);
    expect(record.body.addresses).toMatchObject([{ region: 'AM-ER', line: 'Abovyan 10, apt 5', registeredTo: null }]);
  });

  it('groups two cases into a household on the case page; the workqueue filters by it', async () => {
    const queue = (await api('GET', '/api/cases?limit=50')).body.items as { id: string; number: string; householdId: string | null; terminal: boolean }[];
    const [a, b] = queue.filter((c) => !c.householdId && !c.terminal);
    expect(b).toBeDefined();
    await page.goto(`${srv.url}/#/cases/${a!.id}`);
    await page.locator('#household-h').waitFor();
    await page.fill('#hh-label', 'Nakamura family');
    await page.click('form[aria-labelledby=hh-new-h] button[type=submit]');
    const panel = page.locator('section[aria-labelledby=household-h]');
    await expect.poll(() => panel.textContent()).toContain('Nakamura family');
    await visit(page, 'case-household');

    await page.goto(`${srv.url}/#/cases/${b!.id}`);
    await page.fill('#hh-number', 'NO-SUCH-1');
    await page.click('form[aria-labelledby=hh-join-h] button[type=submit]');
    await expect.poll(() => panel.locator('[role=alert]').first().textContent()).toContain('NO-SUCH-1');
    await page.fill('#hh-number', a!.number);
    await page.click('form[aria-labelledby=hh-join-h] button[type=submit]');
    await expect.poll(() => panel.locator('table a').textContent()).toBe(a!.number);
    await visit(page, 'case-household-joined');

    await panel.getByRole('link', { name: en['cases.hh.inQueue'] }).click();
    await expect.poll(() => h1().textContent()).toBe(en['cases.queue.title']);
    await expect.poll(() => page.locator('main table tbody tr').count()).toBe(2);
    await visit(page, 'queue-household');

    await page.goto(`${srv.url}/#/cases/${b!.id}`);
    await panel.getByRole('button', { name: en['cases.hh.leave'] }).click();
    await expect.poll(() => panel.textContent()).toContain(en['cases.hh.none']);
    const after = (await api('GET', `/api/cases/${b!.id}`)).body;
    expect(after.household).toBeNull();
  });

  it('shows the register of employment agencies to the public, without signing in', async () => {
    await page.goto(`${srv.url}/#/`);
    await page.click('#logout');
    await page.locator('#agencies-link').waitFor();
    await page.click('#agencies-link');
    await expect.poll(() => h1().textContent()).toBe(en['work.public']);
    await page.locator('main table').waitFor();
    expect(await page.locator('main [role=alert]').count()).toBe(0);
    await visit(page, 'public-agencies');
  });
});
