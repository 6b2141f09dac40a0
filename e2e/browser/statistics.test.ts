import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { startServer } from '../../packages/server/src/main.ts';
import { en } from '../../packages/web/src/i18n/en.ts';
import { hy } from '../../packages/web/src/i18n/hy.ts';
import { DEMO_PASSWORD, openBrowserSession, visit, type BrowserSession } from './harness.ts';

/**
 * Statistics dashboards and open data (ADR 0603): the analyst opens the dashboard, breaks entries down
 * by sex as bars, drills into a month with the keyboard and back through the breadcrumb, reads a chart
 * as a table, downloads CSV, sees a 400's field issues; then, signed out, the open-data page shows a
 * protected table with suppressed cells marked and explained. Axe and a screenshot on each screen.
 */
describe('browser: statistics dashboards and open data', () => {
  let srv: Awaited<ReturnType<typeof startServer>>;
  let session: BrowserSession;
  let page: Page;

  beforeAll(async () => {
    session = await openBrowserSession('statistics');
    ({ srv, page } = session);
  });

  afterAll(() => session?.close());

  const h1 = () => page.locator('main h1');
  const hash = () => page.evaluate(() => decodeURIComponent(window.location.hash));

  it('signs the analyst in and opens the dashboard once the demo crossings are counted', async () => {
    await page.goto(srv.url);
    await page.locator('#login-username').waitFor();
    await page.fill('#login-username', 'analyst');
    await page.fill('#login-password', DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.locator('nav.app-nav').waitFor();
    // The statistics worker counts the seeded crossings in the background (within seconds).
    await expect
      .poll(async () => (await page.request.get(`${srv.url}/api/statistics/indicators/flows.entries.crossings`)).json().then((b) => b.asOf), { timeout: 30_000 })
      .not.toBeNull();
    await page.click('a[data-module=statistics]');
    await expect.poll(() => h1().textContent()).toBe(en['module.statistics']);
    await page.locator('#stats-headline').waitFor();
    expect(await page.locator('#stats-headline').textContent()).toMatch(/Total: [1-9]\d* crossings/);
    const series = page.locator('#chart-series svg[role=img]');
    expect(await series.getAttribute('aria-labelledby')).toBe('chart-series-title chart-series-desc');
    expect(await page.locator('#chart-series-desc').textContent()).toContain('periods');
    await page.locator('#chart-pyramid svg[role=img]').waitFor();
    await visit(page, 'dashboard');
  });

  it('breaks the figures down by sex as bars (a filter change) and drills into a month with the keyboard', async () => {
    await page.selectOption('#stats-by', 'sex');
    await page.selectOption('#stats-chart', 'bars');
    await page.click('#stats-show');
    await expect.poll(hash).toContain('by=sex');
    await page.locator('#chart-breakdown svg[role=img]').waitFor();
    expect(await page.locator('#chart-breakdown figcaption').textContent()).toBe('Entries (crossings) by Sex');
    await visit(page, 'by-sex');

    // Drill into the last month of the series: its button, reached and pressed from the keyboard.
    const months = page.locator('#chart-series .drill button');
    const last = months.last();
    const monthLabel = (await last.textContent()) ?? '';
    await last.focus();
    await page.keyboard.press('Enter');
    await expect.poll(hash).toMatch(/drill=period:\d{4}-\d{2}/);
    await page.locator('nav.trail').waitFor();
    expect(await page.locator('nav.trail [aria-current=page]').textContent()).toBe(`Period: ${monthLabel}`);
    // Now by day: the series lists the days of that month.
    expect(await page.locator('#stats-period').inputValue()).toBe('day');
    await visit(page, 'drilled');

    // Then into one sex, from the breakdown; the breadcrumb has three steps, and its first goes back.
    await page.locator('#chart-breakdown .drill button').first().click();
    await expect.poll(hash).toMatch(/drill=period:\d{4}-\d{2},sex:(F|M|O|_U)/);
    // The address changes before the page has rendered the drill: wait for the breadcrumb's third step.
    await expect.poll(() => page.locator('nav.trail li').count()).toBe(3);
    await page.locator('nav.trail a', { hasText: en['stats.trailStart'] }).click();
    await expect.poll(hash).not.toContain('drill=');
    await page.locator('#chart-breakdown').waitFor();
  });

  it('shows a chart as a table with a caption and headers', async () => {
    await page.click('button[data-toggle=chart-breakdown]');
    expect(await page.locator('button[data-toggle=chart-breakdown]').getAttribute('aria-pressed')).toBe('true');
    const table = page.locator('#chart-breakdown table');
    await table.waitFor();
    expect(await table.locator('caption').textContent()).toBe('Entries (crossings) by Sex');
    expect(await table.locator('thead th').allTextContents()).toEqual(['Sex', 'Total']);
    const rows = await table.locator('tbody th').allTextContents();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => ['Women', 'Men', 'Other', 'Unknown'].includes(r))).toBe(true);
    await visit(page, 'table-view');
  });

  it('speaks Armenian and Russian: titles, headers and code labels', async () => {
    await page.selectOption('#lang-select', 'hy');
    await expect.poll(() => page.locator('#chart-breakdown figcaption').textContent()).toBe(`${hy['stats.ind.flows.entries.crossings']}՝ ըստ ${hy['stats.dim.sex']}`);
    expect(await page.locator('#chart-breakdown thead th').allTextContents()).toEqual([hy['stats.dim.sex'], hy['stats.total']]);
    await visit(page, 'armenian');
    await page.selectOption('#lang-select', 'ru');
    await expect.poll(() => page.locator('#stats-headline').textContent()).toContain('Всего:');
    await page.selectOption('#lang-select', 'en');
    await expect.poll(() => h1().textContent()).toBe(en['module.statistics']);
  });

  it('downloads the figures as CSV', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('a[data-format=csv]')]);
    expect(download.suggestedFilename()).toMatch(/^flows\.entries\.crossings_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.csv$/);
    const text = readFileSync((await download.path())!, 'utf8');
    const [header, ...rows] = text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(header).toBe('period,sex,period_label,sex_label,value,flag');
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.every((r) => /^\d{4}-\d{2},(F|M|O|_U),/.test(r))).toBe(true);
  });

  it('explains a refused request with its field issues', async () => {
    await page.evaluate(() => (window.location.hash = '#/statistics?ind=flows.entries.crossings&from=2026-05-01&to=2026-01-01'));
    const alert = page.locator('#stats-error');
    await alert.waitFor();
    expect(await alert.textContent()).toContain(`${en['field.from']}: ${en['issue.STATISTICS.FROM_AFTER_TO']}`);
    await visit(page, 'bad-request');
  });

  it('shows the SDG 17.18.1 coverage table', async () => {
    await page.click(`nav.subnav a:has-text("${en['stats.coverageNav']}")`);
    const table = page.locator('table.coverage');
    await table.waitFor();
    expect(await table.locator('caption').textContent()).toBe(en['stats.coverageTitle']);
    expect(await table.locator('tbody tr').count()).toBe(12);
    expect(await table.textContent()).toContain(en['stats.why.stock.crossingPoint']);
    await visit(page, 'coverage');
  });

  it('serves open data without login: protected tables with suppressed cells marked and explained', async () => {
    await page.click('#logout');
    await page.locator('#open-data-link').waitFor();
    await page.click('#open-data-link');
    await expect.poll(() => h1().textContent()).toBe(en['opendata.title']);
    await page.locator('a[data-dataset=border-entries-quarterly]').waitFor();
    await visit(page, 'open-data');
    await page.click('a[data-dataset=border-entries-quarterly]');
    await page.locator('#od-table').waitFor();
    // Small counts (a quarter just begun, a rare group) are hidden, with their complements.
    const hidden = page.locator('#od-table td[data-suppressed=true]');
    expect(await hidden.count()).toBeGreaterThan(0);
    expect(await hidden.first().textContent()).toBe(`×${en['opendata.suppressed']}`);
    expect(await page.locator('.legend-box').textContent()).toContain(en['opendata.legendSuppressed']);
    const values = await page.locator('#od-table td:not([data-suppressed])').allTextContents();
    expect(values.every((v) => v === '—' || v === '0' || Number(v.replace(/\D/g, '')) >= 5)).toBe(true);
    await visit(page, 'open-data-table');
    const res = await page.request.get(`${srv.url}/api/open-data/datasets/border-entries-quarterly?format=csv`);
    expect(res.status()).toBe(200);
    expect(await res.text()).toContain(',suppressed\r\n');
  });
});
