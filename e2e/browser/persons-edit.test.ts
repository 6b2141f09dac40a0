import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { startServer } from '../../packages/server/src/main.ts';
import { en } from '../../packages/web/src/i18n/en.ts';
import { hy } from '../../packages/web/src/i18n/hy.ts';
import { ru } from '../../packages/web/src/i18n/ru.ts';
import { DEMO_PASSWORD, screenshot, visit, openBrowserSession, type BrowserSession } from './harness.ts';

/**
 * Editing a person at tablet width (768 px): a case worker adds a Russian name variant (the Armenian
 * original stays), adds a document (a server field issue shown next to its field first), changes the
 * birth date to a partial date (a date that does not exist refused first), meets a stale version (someone
 * else changed the person meanwhile), links two persons as siblings and creates their household. Every
 * new screen is checked with axe and photographed.
 */
describe('browser: editing a person', () => {
  let srv: Awaited<ReturnType<typeof startServer>>;
  let session: BrowserSession;
  let context: BrowserContext;
  let page: Page;
  let csrf = '';
  const ids = { anna: '', davit: '' };

  beforeAll(async () => {
    session = await openBrowserSession('persons-edit', { width: 768, height: 1024 });
    ({ srv, context, page } = session);
  });

  afterAll(() => session?.close());

  const h1 = () => page.locator('main h1');
  const api = (method: 'GET' | 'POST' | 'PATCH', path: string, data?: unknown) =>
    context.request.fetch(`${srv.url}${path}`, { method, headers: { 'x-csrf-token': csrf }, ...(data === undefined ? {} : { data }) });
  const person = async (id: string) => (await (await api('GET', `/api/persons/${id}?purpose=casework`)).json()) as { version: number; sex: string | null; birthDate: string | null };
  const activeId = () => page.evaluate(() => document.activeElement?.id ?? '');
  const section = (heading: string) => page.locator(`section[aria-labelledby=${heading}]`);

  it('signs the case worker in; two persons are registered', async () => {
    await page.goto(srv.url);
    await page.locator('#login-username').waitFor();
    await page.fill('#login-username', 'case.worker');
    await page.fill('#login-password', DEMO_PASSWORD);
    await page.locator('main form button[type=submit]').click();
    await page.locator('nav.app-nav').waitFor();
    csrf = ((await (await context.request.get(`${srv.url}/api/auth/me`)).json()) as { csrfToken: string }).csrfToken;
    const create = async (givenNames: string, birthDate: string, sex: string) => {
      const r = await api('POST', '/api/persons', {
        purpose: 'casework',
        person: { names: [{ surname: 'Պետրոսյան', givenNames }], birthDate, sex, citizenships: [{ code: 'ARM' }], registeredIn: 'AM-ER' },
      });
      expect(r.status(), await r.text()).toBe(201);
      return ((await r.json()) as { person: { id: string } }).person.id;
    };
    ids.anna = await create('Աննա', '1980-05-02', 'F');
    ids.davit = await create('Դավիթ', '1977-11-20', 'M');
    await page.goto(`${srv.url}/#/persons/${ids.anna}`);
    await expect.poll(() => h1().textContent()).toBe('Պետրոսյան Աննա');
    await page.locator('.edit-toggle').first().waitFor();
    await visit(page, 'person-editable');
  });

  it('adds a Russian name variant; the script is detected and the Armenian original stays', async () => {
    const names = section('names-heading');
    await names.locator('button.edit-toggle').click();
    await page.fill('#edit-names-names-1-surname', 'Петросян');
    await page.fill('#edit-names-names-1-givenNames', 'Анна');
    await expect.poll(() => names.locator('.script-note').textContent()).toContain(en['persons.scriptName.Cyrl']);
    await visit(page, 'name-form');
    await names.locator('form button[type=submit]').click();
    await expect.poll(() => names.locator('[role=status]').textContent()).toContain('version 2');
    const rows = await names.locator('tbody tr').allTextContents();
    expect(rows.some((r) => r.includes('Պետրոսյան') && r.includes(en['persons.scriptName.Armn']))).toBe(true);
    expect(rows.some((r) => r.includes('Петросян') && r.includes(en['persons.scriptName.Cyrl']))).toBe(true);
    expect(await activeId()).toBe('names-heading');
  });

  it('adds a document; a problem the server finds is shown next to its field', async () => {
    const docs = section('docs-heading');
    await docs.locator('button.edit-toggle').click();
    await page.fill('#edit-documents-documents-0-number', '---');
    await page.selectOption('#edit-documents-documents-0-issuingState', 'ARM');
    await page.fill('#edit-documents-documents-0-issueDate', '2020-01-15');
    await page.fill('#edit-documents-documents-0-expiryDate', '2030-01-14');
    await docs.locator('form button[type=submit]').click();
    const numberError = page.locator('#edit-documents-documents-0-number-error');
    await expect.poll(() => numberError.textContent()).toBe('A document number needs letters or digits');
    expect(await page.getAttribute('#edit-documents-documents-0-number', 'aria-invalid')).toBe('true');
    expect(await activeId()).toBe('edit-documents-documents-0-number');
    expect(await docs.locator('[role=alert]').count()).toBeGreaterThan(0);
    await visit(page, 'document-form-error');
    await page.fill('#edit-documents-documents-0-number', 'AT7654321');
    await docs.locator('form button[type=submit]').click();
    await expect.poll(() => docs.locator('tbody').textContent()).toContain('AT7654321');
    expect(await docs.locator('tbody').textContent()).toContain('(ARM)');
  });

  it('changes the birth date to a partial date, refusing a month that does not exist', async () => {
    const birth = section('birth-heading');
    await birth.locator('button.edit-toggle').click();
    await page.fill('#edit-birth-birthDate', '1980-13');
    await birth.locator('form button[type=submit]').click();
    await expect.poll(() => page.locator('#edit-birth-birthDate-error').textContent()).toBe(en['persons.edit.dateNotReal']);
    expect(await activeId()).toBe('edit-birth-birthDate');
    await visit(page, 'birth-form-error');
    await page.fill('#edit-birth-birthDate', '1980-05');
    await birth.locator('form button[type=submit]').click();
    await expect.poll(() => page.locator('#person-birth').textContent()).toBe('1980-05');
    expect(await activeId()).toBe('birth-heading');
  });

  it('a stale edit shows "changed by someone else" with the current values', async () => {
    const birth = section('birth-heading');
    await birth.locator('button.edit-toggle').click();
    await page.fill('#edit-birth-birthDate', '1981');
    // Meanwhile someone else records the sex as unspecified.
    const now = await person(ids.anna);
    expect((await api('PATCH', `/api/persons/${ids.anna}`, { version: now.version, sex: 'X' })).status()).toBe(200);
    await birth.locator('form button[type=submit]').click();
    const notice = birth.locator('.edit-notice');
    await expect.poll(() => notice.textContent()).toBe(en['persons.edit.conflict']);
    expect(await notice.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await page.inputValue('#edit-birth-birthDate')).toBe('1980-05');
    expect(await page.isChecked('#edit-birth-sex-X')).toBe(true);
    expect((await person(ids.anna)).birthDate).toBe('1980-05');
    await visit(page, 'stale-conflict');
    await page.fill('#edit-birth-birthDate', '1981');
    await birth.locator('form button[type=submit]').click();
    await expect.poll(() => page.locator('#person-birth').textContent()).toBe('1981');
    const after = await person(ids.anna);
    expect([after.birthDate, after.sex]).toEqual(['1981', 'X']);
  });

  it('links the two persons as siblings, found through the search', async () => {
    const family = section('family-heading');
    await family.locator('button.edit-toggle', { hasText: en['persons.edit.openLink'] }).click();
    await page.fill('#link-search', 'Petrosyan Davit');
    await page.keyboard.press('Enter');
    const hit = family.locator('li.hit').filter({ hasText: '1977-11-20' }).first();
    await hit.waitFor();
    await visit(page, 'link-search');
    await hit.locator('button.pick').click();
    await page.selectOption('#link-relation', 'sibling');
    await visit(page, 'link-form');
    await family.locator('form button[type=submit]').click();
    await expect.poll(() => family.locator('.family-links').textContent()).toContain(`${en['persons.relation.sibling']}: Պետրոսյան Դավիթ`);
    expect(await activeId()).toBe('family-heading');
  });

  it('creates a household with both persons and shows it on the person page', async () => {
    const family = section('family-heading');
    await family.locator('button.edit-toggle', { hasText: en['persons.edit.openHousehold'] }).click();
    await page.fill('#household-label', 'Petrosyan, Yerevan');
    await page.fill('#household-community', 'Երևան');
    await page.fill('#household-search', 'Պետրոսյան Դավիթ');
    await page.keyboard.press('Enter');
    await family.locator('li.hit').filter({ hasText: '1977-11-20' }).first().locator('button.pick').click();
    await page.locator('#household-role-1').waitFor();
    await visit(page, 'household-form');
    await family.locator('form button[type=submit]').click();
    await expect.poll(() => family.locator('section.household').textContent()).toContain('Petrosyan, Yerevan');
    expect(await family.locator('section.household').textContent()).toContain('Պետրոսյան Դավիթ');
    await visit(page, 'person-edited');
  });

  it('adds a refugee status (not a country), an address with its marz and a phone, in Armenian', async () => {
    await page.selectOption('#lang-select', 'hy');
    const cit = section('citizenships-heading');
    await cit.locator('button.edit-toggle').click();
    await page.selectOption('#edit-citizenships-citizenships-new', 'XXB');
    await cit.locator('form button', { hasText: hy['persons.edit.addToList'] }).click();
    await visit(page, 'citizenship-form-hy');
    await cit.locator('form button[type=submit]').click();
    await expect.poll(() => cit.locator('ul').first().textContent()).toContain('(XXB)');
    expect(await cit.locator('ul').first().textContent()).toContain(hy['persons.citizenshipStatus']);

    const addr = section('addr-heading');
    await addr.locator('button.edit-toggle').click();
    await page.selectOption('#edit-addresses-addresses-0-region', 'AM-TV');
    await page.fill('#edit-addresses-addresses-0-community', 'Իջևան');
    await visit(page, 'address-form-hy');
    await addr.locator('form button[type=submit]').click();
    await expect.poll(() => addr.locator('ul').first().textContent()).toContain('Իջևան');

    const contacts = section('contacts-heading');
    await contacts.locator('button.edit-toggle').click();
    await page.fill('#edit-contacts-contacts-0-value', '+374 91 123456');
    await visit(page, 'contact-form-hy');
    await contacts.locator('form button[type=submit]').click();
    await expect.poll(() => contacts.locator('ul').first().textContent()).toBe(`${hy['persons.contactKind.phone']}: +374 91 123456`);
    await page.selectOption('#lang-select', 'en');
  });

  it('the other person shows the link from its side, and the forms speak Russian', async () => {
    await page.goto(`${srv.url}/#/persons/${ids.davit}`);
    await expect.poll(() => h1().textContent()).toBe('Պետրոսյան Դավիթ');
    await expect.poll(() => section('family-heading').locator('.family-links').textContent()).toContain(`${en['persons.relation.sibling']}: Պետրոսյան Աննա`);
    await page.selectOption('#lang-select', 'ru');
    await section('names-heading').locator('button.edit-toggle').click();
    await page.fill('#edit-names-names-1-surname', 'Petrosyan');
    await expect.poll(() => section('names-heading').locator('.script-note').textContent()).toContain(ru['persons.scriptName.Latn']);
    expect(await section('names-heading').locator('legend').first().textContent()).toBe(ru['persons.edit.addName']);
    await visit(page, 'name-form-ru');
    await page.selectOption('#lang-select', 'en');
    await screenshot(page, 'done');
  });
});
