import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMrz } from '../../packages/domain/src/documents/mrz/index.ts';
import type { startServer } from '../../packages/server/src/main.ts';
import { en } from '../../packages/web/src/i18n/en.ts';
import { DEMO_PASSWORD, visit, openBrowserSession, type BrowserSession } from './harness.ts';

/**
 * Persons: a case worker creates a person from a passport's MRZ (adding the name as written in Armenian),
 * finds the person again by the Armenian spelling, opens the record, and reviews the duplicate queue.
 * Every page is checked with axe.
 */
describe('browser: person registry', () => {
  let srv: Awaited<ReturnType<typeof startServer>>;
  let session: BrowserSession;
  let page: Page;

  const mrz = formatMrz({
    format: 'TD3', documentCode: 'P', issuingState: 'ARM', documentNumber: 'AT0123456', nationality: 'ARM',
    birthDate: '1991-06-15', sex: 'M', expiryDate: '2031-06-14', surname: 'HAKOBYAN', givenNames: 'NAREK',
  });

  beforeAll(async () => {
    session = await openBrowserSession('persons');
    ({ srv, page } = session);
  });

  afterAll(() => session?.close());

  const h1 = () => page.locator('main h1');

  it('signs the case worker in and opens the person search', async () => {
    expect(mrz.ok).toBe(true);
    await page.goto(srv.url);
    await page.locator('#login-username').waitFor();
    await page.fill('#login-username', 'case.worker');
    await page.fill('#login-password', DEMO_PASSWORD);
    await page.locator('main form button[type=submit]').click();
    await page.locator('nav.app-nav').waitFor();
    await page.click('a[data-module=persons]');
    await expect.poll(() => h1().textContent()).toBe(en['persons.title']);
    await visit(page, 'search-empty');
  });

  it('creates a person from an MRZ, with the name as written in Armenian', async () => {
    await page.click('a[href="#/persons/new"]');
    await page.locator('#mrz-text').waitFor();
    await page.fill('#mrz-text', mrz.ok ? mrz.text : '');
    await page.locator('main form button[type=submit]').click();
    await page.locator('#native-surname').waitFor();
    expect(await page.locator('main dl.kv').textContent()).toContain('HAKOBYAN');
    await page.fill('#native-surname', 'Հակոբյան');
    await page.fill('#native-given', 'Նարեկ');
    await visit(page, 'create-preview');
    await page.click('#create-save');
    await expect.poll(() => h1().textContent()).toBe('Հակոբյան Նարեկ');
    expect(await page.locator('main').textContent()).toContain('AT0123456');
    await visit(page, 'person-created');
  });

  it('finds the person by the Armenian spelling and by the Latin one, with an explanation', async () => {
    await page.goto(`${srv.url}/#/persons`);
    await page.locator('#persons-q').waitFor();
    await page.fill('#persons-q', 'Հակոբյան Նարեկ');
    await page.locator('form[role=search] button[type=submit]').click();
    const hit = page.locator('li.hit').filter({ hasText: 'HAKOBYAN' }).first();
    await hit.waitFor();
    await hit.locator('details.why summary').click();
    await visit(page, 'search-armenian');
    await hit.locator('a.person-name').click();
    await expect.poll(() => h1().textContent()).toBe('Հակոբյան Նարեկ');
    await page.click('text=' + en['persons.showHistory']);
    await page.locator('#history-heading + table, section[aria-labelledby=history-heading] table').first().waitFor();
    await visit(page, 'person-page');
  });

  it('shows the duplicate review queue with the planted demo duplicates', async () => {
    await page.goto(`${srv.url}/#/persons/duplicates`);
    await expect.poll(() => h1().textContent()).toBe(en['persons.duplicatesTitle']);
    await expect.poll(() => page.locator('li.pair').count()).toBeGreaterThan(0);
    await visit(page, 'duplicates');
  });
});
