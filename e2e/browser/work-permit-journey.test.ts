import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { startServer } from '../../packages/server/src/main.ts';
import { stableUuid } from '../../packages/server/src/lib/ids.ts';
import { en } from '../../packages/web/src/i18n/en.ts';
import { DEMO_PASSWORD, freshTotp, visit, openBrowserSession, type BrowserSession } from './harness.ts';

/**
 * Work permit end to end (issue 6; ADR 0404): a case worker enters an employer's application for a
 * worker found through the person search; the labour ministry's officer finds it in the workqueue with
 * its 15-working-day deadline and records consent; the case worker enters the worker's data; the MCS
 * supervisor grants the permit with employment-based residence; the decision letter downloads as PDF;
 * the person's page shows the new residence position. Three people, three browser contexts; axe on each screen.
 */
describe('browser: work-permit journey', () => {
  let srv: Awaited<ReturnType<typeof startServer>>;
  let session: BrowserSession;
  const pages: Record<'worker' | 'labour' | 'admin', { context: BrowserContext; page: Page }> = {} as never;
  let caseId = '';
  const DILNOZA = stableUuid('demo-person', 'dilnoza-k');
  const TAX = '04455667';

  beforeAll(async () => {
    session = await openBrowserSession('work-permit');
    srv = session.srv;
    pages.worker = { context: session.context, page: session.page };
    for (const who of ['labour', 'admin'] as const) {
      const context = await session.browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 900 } });
      pages[who] = { context, page: await context.newPage() };
    }
  });
  afterAll(async () => {
    await pages.labour?.context.close().catch(() => undefined);
    await pages.admin?.context.close().catch(() => undefined);
    await session?.close();
  });

  async function signIn(page: Page, username: string, totp = false) {
    await page.goto(srv.url);
    await page.evaluate(() => localStorage.setItem('kamurj.lang', 'en'));
    await page.reload();
    await page.locator('#login-username').waitFor();
    await page.fill('#login-username', username);
    await page.fill('#login-password', DEMO_PASSWORD);
    await page.locator('main form button[type=submit]').first().click();
    if (totp) {
      await page.locator('#mfa-code').waitFor();
      await page.fill('#mfa-code', await freshTotp(username));
      await page.locator('main form button[type=submit]').first().click();
    }
    await page.locator('nav.app-nav').waitFor();
  }
  const h1 = (page: Page) => page.locator('main h1');
  const action = (page: Page, field: string) => page.locator('.case-actions details', { has: page.locator(`#${field}`) });
  async function record(page: Page, firstField: string, fill: () => Promise<void>) {
    const a = action(page, firstField);
    await a.locator('summary').click();
    await fill();
    await a.locator('button[type=submit]').click();
  }
  const status = (page: Page) => page.locator('dl.case-grid div', { hasText: en['cases.status'] }).locator('dd').textContent();

  it('the case worker opens the employer’s application for a worker found through the person search', async () => {
    const { page, context } = pages.worker;
    await signIn(page, 'case.worker');
    const me = (await (await context.request.get(`${srv.url}/api/auth/me`)).json()) as { csrfToken: string };
    const employer = await context.request.post(`${srv.url}/api/work/employers`, {
      headers: { 'x-csrf-token': me.csrfToken },
      data: { taxNumber: TAX, name: 'Hrazdan Textile CJSC', address: 'Hrazdan, Mikrorayon 4', region: 'AM-KT' },
    });
    expect(employer.status()).toBe(201);
    await page.goto(`${srv.url}/#/cases`);
    await page.click('a[href="#/cases/new"]');
    await expect.poll(() => h1(page).textContent()).toBe(en['cases.new.title']);
    await page.selectOption('#nc-type', 'work-permit');
    await page.fill('#nc-title', 'Work permit — Dilnoza Karimova');
    await page.fill('#nc-person', 'Karimova');
    await page.keyboard.press('Enter');
    await page.locator('ul.hits button.pick').first().click();
    await expect.poll(() => page.locator('#nc-subject').textContent()).toMatch(/Каримова|KARIMOVA/);
    await page.fill('#nc-employerTaxNumber', TAX);
    await page.fill('#nc-position', 'Seamstress');
    await page.fill('#nc-occupationCode', '7533');
    await page.fill('#nc-vacancyId', 'V-2026-118');
    await page.fill('#nc-salaryAmd', '320000');
    await visit(page, 'open-case');
    await page.locator('main form[aria-labelledby=new-case-h] button[type=submit]').click();
    await expect.poll(() => h1(page).textContent()).toContain('Dilnoza Karimova');
    caseId = page.url().split('/').pop() ?? '';
    await expect.poll(() => status(page)).toBe(en['case.status.submitted']);
    await expect.poll(() => page.locator('.timeline').textContent()).toContain('Hrazdan Textile CJSC');
    // Sent to the labour ministry: the 15-working-day consent task appears with its due date.
    await page.locator('.case-actions details summary', { hasText: en['case.action.send-to-labour-ministry'] }).click();
    await page.locator('.case-actions details[open] button[type=submit]').click();
    await expect.poll(() => status(page)).toBe(en['case.status.labour-market-check']);
    await expect.poll(() => page.locator('section[aria-labelledby=tasks-h]').textContent()).toContain(en['case.deadline.labour-market-check']);
    await visit(page, 'sent-to-labour-ministry');
  });

  it('the labour officer finds it in the workqueue with its deadline and records consent', async () => {
    const { page } = pages.labour;
    await signIn(page, 'labour.officer');
    await page.goto(`${srv.url}/#/cases?type=work-permit&status=labour-market-check`);
    const row = page.locator('main table tbody tr', { hasText: 'Dilnoza Karimova' });
    await row.waitFor();
    await expect.poll(() => row.locator('td').last().textContent()).not.toBe('—');
    await visit(page, 'labour-queue');
    await row.locator('a').first().click();
    await expect.poll(() => status(page)).toBe(en['case.status.labour-market-check']);
    await record(page, 'f-labour-consent-result', async () => {
      await page.selectOption('#f-labour-consent-result', 'consent');
      await page.fill('#f-labour-consent-reference', 'MLSA-2026-0412');
    });
    await expect.poll(() => status(page)).toBe(en['case.status.labour-consent-given']);
    await expect.poll(() => page.locator('section[aria-labelledby=checks-h]').textContent()).toContain('MLSA-2026-0412');
    await visit(page, 'labour-consent');
  });

  it('the case worker enters the worker’s data; the supervisor grants the permit with residence and prints the letter', async () => {
    const w = pages.worker.page;
    await w.reload();
    await expect.poll(() => status(w)).toBe(en['case.status.labour-consent-given']);
    const today = await w.evaluate(() => new Date().toISOString().slice(0, 10));
    const end = new Date(Date.parse(`${today}T00:00:00Z`) + 300 * 86_400_000).toISOString().slice(0, 10);
    // Worker, nationality and passport are left empty: the server takes them from the person record.
    await record(w, 'f-enter-worker-data-contractStart', async () => {
      await w.fill('#f-enter-worker-data-contractStart', today);
      await w.fill('#f-enter-worker-data-contractEnd', end);
    });
    await expect.poll(() => status(w)).toBe(en['case.status.worker-data-entered']);
    await expect.poll(() => w.locator('.timeline li').first().textContent()).toContain('FA1234567');

    const { page, context } = pages.admin;
    await signIn(page, 'mcs.admin', true);
    await page.goto(`${srv.url}/#/cases/${caseId}`);
    await expect.poll(() => status(page)).toBe(en['case.status.worker-data-entered']);
    await record(page, 'f-grant-permitNumber', async () => {
      await page.fill('#f-grant-permitNumber', 'WP-2026-000777');
      await page.fill('#f-grant-validUntil', end);
      await page.selectOption('#f-grant-legalBasis', 'LF-WORK-PERMIT');
    });
    await expect.poll(() => status(page)).toBe(en['case.status.granted']);
    const links = page.locator('section[aria-labelledby=decisions-h] a.letter-link');
    await expect.poll(() => links.count()).toBe(3);
    await visit(page, 'granted');
    const href = await links.nth(2).getAttribute('href');
    expect(href).toMatch(/\/letter\?lang=en$/);
    const pdf = await context.request.get(`${srv.url}${href}`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    expect((await pdf.body()).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('the person’s page shows the new residence position', async () => {
    const w = pages.worker.page;
    await w.goto(`${srv.url}/#/persons/${DILNOZA}`);
    const stay = w.locator('section[aria-labelledby=stay-indicator-heading]');
    await expect.poll(() => stay.textContent()).toContain(en['border.stayExempt'].replace('{status}', en['border.status.resident']));
    await visit(w, 'person-resident');
  });
});
