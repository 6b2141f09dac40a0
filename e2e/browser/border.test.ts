import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { startServer } from '../../packages/server/src/main.ts';
import { en } from '../../packages/web/src/i18n/en.ts';
import { DEMO_PASSWORD, mrzLines, visit, openBrowserSession, type BrowserSession } from './harness.ts';

/**
 * Border console: the Zvartnots officer signs in, starts a shift, reads a passport with a keyboard-wedge
 * reader (each MRZ line typed, then Enter), sees the result panel and admits with Alt+A — keyboard only.
 * Then a traveller on the demo watchlist is refused with a reason code. Axe and a screenshot on each screen.
 */
describe('browser: border crossing-point console', () => {
  let srv: Awaited<ReturnType<typeof startServer>>;
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await openBrowserSession('border');
    ({ srv, page } = session);
  });

  afterAll(() => session?.close());

  const h1 = () => page.locator('main h1');
  const wedge = async (lines: string[]) => {
    for (const line of lines) {
      await page.keyboard.type(line, { delay: 0 });
      await page.keyboard.press('Enter');
    }
  };

  it('signs the officer in and starts a shift at Zvartnots', async () => {
    await page.goto(srv.url);
    await page.locator('#login-username').waitFor();
    await page.fill('#login-username', 'border.officer');
    await page.fill('#login-password', DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.locator('nav.app-nav').waitFor();
    await page.click('a[data-module=border]');
    await expect.poll(() => h1().textContent()).toBe(en['border.consoleTitle']);
    await page.locator('#start-shift').waitFor();
    await visit(page, 'shift');
    await page.focus('#start-shift');
    await page.keyboard.press('Enter');
    await page.locator('textarea[name=mrz]').waitFor();
    expect(await page.locator('.shortcuts').textContent()).toContain('Alt+A');
    await visit(page, 'console');
  });

  it('reads a passport typed by a document reader (lines and Enter), shows the panel, and admits with Alt+A', async () => {
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('mrz');
    await wedge(mrzLines('NIELSEN', 'KAREN', 'DK7001234', 'DNK', '1988-02-03'));
    await page.locator('.result-panel').waitFor();
    expect(await page.locator('#result-heading').textContent()).toBe(en['border.resultClear']);
    const panel = (await page.locator('.result-panel').textContent()) ?? '';
    expect(panel).toContain('DK7001234');
    expect(panel).toContain(en['border.newPerson']);
    expect(panel).toContain(en['border.daysLeft']);
    await visit(page, 'result-clear');
    await page.keyboard.press('Alt+a');
    await page.locator('#recorded').waitFor();
    expect(await page.locator('#recorded').textContent()).toContain(en['border.decision.admit']);
    await visit(page, 'admitted');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('mrz');
  });

  it('refuses a traveller on the watchlist with a reason code', async () => {
    await wedge(mrzLines('GASPARYAN', 'VARDGES', 'AS1234000', 'ARM', '1971-08-19'));
    await page.locator('.result-panel.alarm').waitFor();
    expect(await page.locator('#result-heading').textContent()).toBe(en['border.resultAlarm']);
    expect(await page.locator('.hit-list').first().textContent()).toContain(en['border.hitSource.watchlist']);
    await visit(page, 'result-watchlist');
    await page.keyboard.press('Alt+r');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('refusal-code');
    await page.selectOption('#refusal-code', 'threat_to_public_order');
    await page.focus('#refuse');
    await page.keyboard.press('Enter');
    await page.locator('#recorded').waitFor();
    const text = (await page.locator('#recorded').textContent()) ?? '';
    expect(text).toContain(en['border.decision.refuse']);
    expect(text).toContain(en['border.refusal.threat_to_public_order']);
    await visit(page, 'refused');
  });

  it('shows the national watchlist to the officer', async () => {
    await page.click(`a[href="#/border/lists/watchlist"]`);
    await expect.poll(() => h1().textContent()).toBe(en['border.lists.watchlist']);
    await page.locator('main table tbody tr').first().waitFor();
    expect(await page.locator('main table').textContent()).toContain('GASPARYAN VARDGES');
    await visit(page, 'watchlist');
  });
});
