import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { startServer } from '../../packages/server/src/main.ts';
import { en } from '../../packages/web/src/i18n/en.ts';
import { DEMO_PASSWORD, mrzLines, visit, openBrowserSession, type BrowserSession } from './harness.ts';

/**
 * Advance passenger information: the Zvartnots officer uploads tonight's FZ717 manifest (one broken row),
 * sees the report and the watchlist hit of a passenger in the manifest, then starts a shift at the console,
 * finds the traveller in the expected-arrivals panel, reads his passport and sees the pre-screen note.
 * Axe and a screenshot on each screen.
 */
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Yerevan', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
const CSV = [
  'Surname,Given names,Date of birth,Sex,Nationality,Document number,Document type,Issuing state,Expiry,Flight,Arrival airport,Scheduled arrival',
  `GASPARYAN,VARDGES,1971-08-19,M,ARM,AS7719001,P,ARM,2031-06-14,FZ717,EVN,${today}T23:30`,
  `MEIER,LUKAS,1990-01-02,M,CHE,X1234567,P,CHE,2030-01-01,FZ717,EVN,${today}T23:30`,
  `BROKEN,ROW,1990-13-45,M,CHE,X7654321,P,CHE,2030-01-01,FZ717,EVN,${today}T23:30`,
].join('\n');

describe('browser: advance passenger information', () => {
  let srv: Awaited<ReturnType<typeof startServer>>;
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await openBrowserSession('border-apis');
    ({ srv, page } = session);
  });

  afterAll(() => session?.close());

  const h1 = () => page.locator('main h1');

  it('uploads a manifest and reports the broken row', async () => {
    await page.goto(srv.url);
    await page.locator('#login-username').waitFor();
    await page.fill('#login-username', 'border.officer');
    await page.fill('#login-password', DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.locator('nav.app-nav').waitFor();
    await page.goto(`${srv.url}/#/border/apis`);
    await expect.poll(() => h1().textContent()).toBe(en['apis.title']);
    await page.locator('#apis-content').waitFor();
    await visit(page, 'upload');
    await page.fill('#apis-content', CSV);
    await page.click('button[type=submit]');
    await page.locator('#apis-report').waitFor();
    const report = (await page.locator('#apis-report').textContent()) ?? '';
    expect(report).toContain('FZ717');
    expect(await page.locator('section[aria-labelledby=apis-report-errors]').textContent()).toContain('Line 4');
    expect(await page.locator('main table').textContent()).toContain('FZ717');
    await visit(page, 'report');
  });

  it('shows the watchlist hit in the manifest', async () => {
    await page.click(`#apis-report a`);
    await page.locator('.apis-passenger.flagged').first().waitFor();
    const flagged = (await page.locator('.apis-passenger.flagged').textContent()) ?? '';
    expect(flagged).toContain('GASPARYAN VARDGES');
    expect(flagged).toContain(en['border.hitSource.watchlist']);
    expect(await page.locator('.apis-passengers').textContent()).not.toContain('MEIER');
    await visit(page, 'manifest');
  });

  it('the console lists the expected traveller and, when his passport is read, says he was pre-screened', async () => {
    await page.goto(`${srv.url}/#/border`);
    await page.locator('#start-shift').waitFor();
    await page.focus('#start-shift');
    await page.keyboard.press('Enter');
    await page.locator('textarea[name=mrz]').waitFor();
    await page.locator('.apis-arrivals li').first().waitFor();
    expect(await page.locator('.apis-arrivals').textContent()).toContain('GASPARYAN VARDGES');
    // Keyboard: the panel's summary and links are tab stops.
    await page.focus('#apis-arrivals-heading');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.closest('.apis-arrivals') !== null && document.activeElement?.tagName)).toBe('A');
    await visit(page, 'console-arrivals');
    await page.focus('textarea[name=mrz]');
    for (const line of mrzLines('GASPARYAN', 'VARDGES', 'AS7719001', 'ARM', '1971-08-19')) {
      await page.keyboard.type(line, { delay: 0 });
      await page.keyboard.press('Enter');
    }
    await page.locator('#prescreen-note').waitFor();
    const note = (await page.locator('#prescreen-note').textContent()) ?? '';
    expect(note).toContain(en['apis.noteTitle']);
    expect(note).toContain('FZ717');
    expect(note).toContain(en['border.hitSource.watchlist']);
    await visit(page, 'console-prescreen-note');
  });
});
