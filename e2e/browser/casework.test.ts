import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { startServer } from '../../packages/server/src/main.ts';
import { en } from '../../packages/web/src/i18n/en.ts';
import { DEMO_PASSWORD, visit, openBrowserSession, type BrowserSession } from './harness.ts';

/**
 * Casework: the demo case worker opens the workqueue (filters, counts, overdue flag), opens a case, adds
 * a note from a form generated from the action's fields, meets a stale version (the 409 lists what was
 * recorded meanwhile), refers the person under the recorded consent, and bulk-assigns two cases from the
 * queue. Every new screen is checked with axe and photographed.
 */
describe('browser: casework', () => {
  let srv: Awaited<ReturnType<typeof startServer>>;
  let session: BrowserSession;
  let context: BrowserContext;
  let page: Page;
  let csrf = '';
  let caseId = '';

  beforeAll(async () => {
    session = await openBrowserSession('casework');
    ({ srv, context, page } = session);
  });
  afterAll(() => session?.close());

  const h1 = () => page.locator('main h1');
  const api = (method: 'GET' | 'POST', path: string, data?: unknown) =>
    context.request.fetch(`${srv.url}${path}`, { method, headers: { 'x-csrf-token': csrf }, ...(data === undefined ? {} : { data }) });
  const action = (code: string) => page.locator('.case-actions details', { has: page.locator(`#f-${code}-${code === 'add-note' ? 'text' : 'providerId'}`) });

  it('signs the case worker in and shows the workqueue with counts and the overdue case', async () => {
    await page.goto(srv.url);
    await page.locator('#login-username').waitFor();
    await page.fill('#login-username', 'case.worker');
    await page.fill('#login-password', DEMO_PASSWORD);
    await page.locator('main form button[type=submit]').click();
    await page.locator('nav.app-nav').waitFor();
    csrf = ((await (await context.request.get(`${srv.url}/api/auth/me`)).json()) as { csrfToken: string }).csrfToken;
    await page.evaluate(() => localStorage.setItem('kamurj.lang', 'en'));
    await page.goto(`${srv.url}/#/cases`);
    await page.reload();
    await expect.poll(() => h1().textContent()).toBe(en['cases.queue.title']);
    await page.locator('main table tbody tr').first().waitFor();
    await expect.poll(() => page.locator('.case-counts li').count()).toBeGreaterThan(1);
    await visit(page, 'workqueue');
    await page.selectOption('#cq-due', 'overdue');
    await expect.poll(() => page.locator('main table tbody tr').allTextContents()).toEqual([expect.stringContaining('Min-jun Lee')]);
    await expect.poll(() => page.locator('main table tbody tr .tag-denied').count()).toBe(1);
  });

  it('opens a case and adds a note from the generated form; a stale version shows what changed', async () => {
    await page.selectOption('#cq-due', '');
    await page.fill('#cq-text', 'Karimi');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('main table tbody tr').count()).toBe(1);
    await page.locator('main table tbody tr a').first().click();
    await expect.poll(() => h1().textContent()).toContain('Leila Karimi');
    caseId = page.url().split('/').pop() ?? '';
    await visit(page, 'case');
    await action('add-note').locator('summary').click();
    await page.fill('#f-add-note-text', 'Called the applicant about the missing contract.');
    await action('add-note').locator('button[type=submit]').click();
    await expect.poll(() => page.locator('[role=status]').first().textContent()).toContain(en['case.action.add-note']);
    await expect.poll(() => page.locator('.timeline li').first().textContent()).toContain('missing contract');
    // Someone else records a note meanwhile; this page still shows the older version.
    const current = ((await (await api('GET', `/api/cases/${caseId}`)).json()) as { version: number }).version;
    expect((await api('POST', `/api/cases/${caseId}/notes`, { baseVersion: current, text: 'Note from a colleague' })).status()).toBe(200);
    // The form stays open after a success; the page still holds the older version.
    await page.fill('#f-add-note-text', 'Second note');
    await action('add-note').locator('button[type=submit]').click();
    const alert = page.locator('.case-actions [role=alert]');
    await expect.poll(() => alert.first().textContent()).toContain(en['cases.stale']);
    await expect.poll(() => alert.first().textContent()).toContain(`${current + 1}. ${en['case.action.add-note']}`);
    await visit(page, 'case-stale');
  });

  it('refers the person under the recorded consent', async () => {
    await page.reload();
    await expect.poll(() => h1().textContent()).toContain('Leila Karimi');
    await action('refer').locator('summary').click();
    await page.fill('#f-refer-providerId', 'NGO-HAYK');
    await page.fill('#f-refer-service', 'Legal aid');
    await page.fill('#f-refer-purpose', 'legal-aid');
    await action('refer').locator('button[type=submit]').click();
    await expect.poll(() => page.locator('section[aria-labelledby=consent-h]').textContent()).toContain('NGO-HAYK (legal-aid)');
    await visit(page, 'case-referred');
  });

  it('bulk-assigns two unassigned cases from the queue', async () => {
    await page.goto(`${srv.url}/#/cases?assignee=none`);
    await expect.poll(() => h1().textContent()).toBe(en['cases.queue.title']);
    const boxes = page.locator('main table tbody input[type=checkbox]');
    await expect.poll(() => boxes.count()).toBeGreaterThanOrEqual(2);
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.locator('#bulk-assignee').waitFor();
    await expect.poll(() => page.locator('#bulk-assignee option').count()).toBeGreaterThan(1);
    await page.selectOption('#bulk-assignee', { label: 'Narek Avetisyan' });
    await visit(page, 'bulk-assign');
    await page.locator('form[aria-labelledby=bulk-title] button[type=submit]').click();
    await expect.poll(() => page.locator('#bulk-result').textContent()).toContain('Assigned: 2. Not assigned: 0.');
  });
});
