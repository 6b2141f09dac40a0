import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../packages/server/src/main.ts';
import { EDGE_ACTIONS } from '../../packages/server/src/modules/edge/testing.ts';
import { passportMrz } from '../../packages/server/src/testing/border.ts';
import { en } from '../../packages/web/src/i18n/en.ts';
import { Http, prepareEdgeDataDir, until } from '../edge/harness.ts';
import { DEMO_PASSWORD, freshTotp, openBrowserSession, visit, type BrowserSession } from './harness.ts';

/**
 * Edge mode in the browser (ADR 0503): at the centre, the Tavush supervisor finds a passport used at
 * Zvartnots and at Bagratashen 25 minutes apart under Border → Document conflicts and records what the
 * review found — keyboard only. Then a crossing-point server in edge mode whose centre cannot be reached
 * (a closed port), holding lists and accounts pulled 25 minutes earlier: the officer signs in there, the
 * console says it works offline and how old the lists are, and a crossing recorded offline is counted as
 * waiting to be sent. Axe and a screenshot on each screen.
 */
const NODE = 'zvartnots-browser';
const mrz = (number: string) => passportMrz({ surname: 'KORHONEN', given: 'AINO', number, state: 'FIN' });
let key = 0;

async function apiLogin(base: string, username: string): Promise<Http> {
  const c = new Http(base);
  const r = await c.request('POST', '/api/auth/login', { username, password: DEMO_PASSWORD });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.json)}`);
  if (r.json.state === 'mfa_required') {
    const v = await c.request('POST', '/api/auth/mfa/verify', { code: await freshTotp(username) });
    if (v.status !== 200) throw new Error(`second factor of ${username}: ${v.status}`);
  }
  return c;
}

const recordAt = (c: Http, point: string, number: string, occurredAt: Date) =>
  c.request('POST', '/api/border/crossings', { crossingPoint: point, direction: 'entry', mrz: mrz(number), decision: 'admit', registerPerson: true, occurredAt: occurredAt.toISOString() }, { 'idempotency-key': `e2e-browser-edge-${process.pid}-${++key}` });

async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  const { port } = s.address() as { port: number };
  await new Promise((r) => s.close(r));
  return port;
}

async function signIn(page: Page, url: string, username: string): Promise<void> {
  await page.goto(url);
  await page.locator('#login-username').waitFor();
  await page.fill('#login-username', username);
  await page.fill('#login-password', DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.locator('nav.app-nav').waitFor();
}

describe('browser: edge mode — document conflicts at the centre, the offline console at the post', () => {
  let session: BrowserSession;
  let srv: RunningServer;
  let page: Page;
  let edgeSrv: RunningServer | undefined;
  let edgeDir: string | undefined;

  beforeAll(async () => {
    session = await openBrowserSession('border-edge');
    ({ srv, page } = session);
  });

  afterAll(async () => {
    await edgeSrv?.close();
    if (edgeDir) rmSync(edgeDir, { recursive: true, force: true });
    await session?.close();
  });

  const h1 = (p: Page) => p.locator('main h1');

  it('the supervisor reviews a passport used at two crossing points 25 minutes apart, by keyboard', async () => {
    const now = Date.now();
    const officer = await apiLogin(srv.url, 'border.officer');
    const supervisor = await apiLogin(srv.url, 'border.supervisor');
    const atZ = await recordAt(officer, 'ZVARTNOTS', 'FN7700001', new Date(now));
    expect(atZ.status).toBe(201);
    const atB = await recordAt(supervisor, 'BAGRATASHEN', 'FN7700001', new Date(now - 25 * 60_000));
    expect(atB.status).toBe(201);
    expect(atB.json.warnings.map((w: { code: string }) => w.code)).toContain('EDGE.DOCUMENT_CONFLICT');

    await signIn(page, srv.url, 'border.supervisor');
    await page.click('a[data-module=border]');
    await expect.poll(() => h1(page).textContent()).toBe(en['border.consoleTitle']);
    await page.focus('nav.subnav a[href="#/border/conflicts"]');
    await page.keyboard.press('Enter');
    await expect.poll(() => h1(page).textContent()).toBe(en['edge.conflicts.title']);
    const item = page.locator('li.panel', { hasText: 'FIN FN7700001' });
    await item.waitFor();
    const text = (await item.textContent()) ?? '';
    expect(text).toContain('ZVARTNOTS');
    expect(text).toContain('BAGRATASHEN');
    expect(text).toContain(en['edge.conflict.interval'].replace('{minutes}', '25').replace('{minimum}', '60'));
    await visit(page, 'conflicts-open');

    // Keyboard only: into the finding, Tab to the button, Enter.
    await item.getByLabel(en['edge.conflict.resolution']).focus();
    await page.keyboard.type('Cloned passport: the holder was at Bagratashen; Zvartnots traveller referred to police');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(en['edge.conflict.resolve']);
    await page.keyboard.press('Enter');
    // The item leaves the open list; focus lands on the confirmation.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('conflict-done');
    expect(await page.locator('#conflict-done').textContent()).toBe(en['edge.conflict.recorded'].replace('{document}', 'FIN FN7700001'));
    await expect.poll(() => item.count()).toBe(0);

    // The reviewed list, chosen with the arrow keys.
    await page.focus('input[name=conflict-state][value=open]');
    await page.keyboard.press('ArrowRight');
    expect(await page.isChecked('input[name=conflict-state][value=resolved]')).toBe(true);
    const reviewed = page.locator('li.panel', { hasText: 'FIN FN7700001' });
    await reviewed.waitFor();
    expect(await reviewed.textContent()).toContain('Cloned passport: the holder was at Bagratashen');
    await visit(page, 'conflicts-reviewed');
  });

  it('an edge console whose centre is unreachable says so, with the age of its lists, and keeps recording', async () => {
    // The node's lists and accounts, as the centre sends them to a node token, applied as pulled 25 minutes ago.
    const admin = await apiLogin(srv.url, 'admin');
    const juris = (await admin.request('GET', '/api/jurisdictions')).json.items as { id: string; code: string }[];
    const token = await admin.request('POST', '/api/tokens', { name: 'Zvartnots edge node (browser)', actions: EDGE_ACTIONS, jurisdictionIds: [juris.find((j) => j.code === 'ZVARTNOTS')!.id] });
    expect(token.status).toBe(201);
    const snapshot = await new Http(srv.url).request('GET', '/api/edge/snapshot', undefined, { authorization: `Bearer ${token.json.secret}` });
    expect(snapshot.status).toBe(200);
    edgeDir = mkdtempSync(join(tmpdir(), 'kamurj-e2e-edge-'));
    await prepareEdgeDataDir(edgeDir, { nodeId: NODE, snapshot: snapshot.json, at: new Date(Date.now() - 25 * 60_000) });
    edgeSrv = await startServer({
      env: {
        ...process.env,
        DATABASE_URL: '',
        KAMURJ_SEED_DEMO: 'false',
        KAMURJ_MODE: 'edge',
        KAMURJ_EDGE_CENTRE_URL: `http://127.0.0.1:${await closedPort()}`,
        KAMURJ_EDGE_TOKEN: token.json.secret,
        KAMURJ_EDGE_NODE_ID: NODE,
        KAMURJ_EDGE_CROSSING_POINT: 'ZVARTNOTS',
        KAMURJ_EDGE_PULL_INTERVAL_MS: '1000',
        KAMURJ_EDGE_PUSH_INTERVAL_MS: '1000',
        KAMURJ_EDGE_MAX_BACKOFF_MS: '2000',
      },
      port: 0,
      host: '127.0.0.1',
      dataDir: edgeDir,
      logger: false,
    });
    const edgeOfficer = await apiLogin(edgeSrv.url, 'border.officer');
    await until('the node to find the centre unreachable', async () => (await edgeOfficer.request('GET', '/api/edge/status')).json.centre.reachable === false, 30_000);

    const edgePage = await session.context.newPage();
    await signIn(edgePage, edgeSrv.url, 'border.officer');
    await edgePage.click('a[data-module=border]');
    await expect.poll(() => h1(edgePage).textContent()).toBe(en['border.consoleTitle']);
    const banner = edgePage.locator('section.edge-banner');
    await banner.waitFor();
    expect(await banner.locator('h2').textContent()).toBe(en['edge.offline']);
    const age = /\((\d+) min old\)/.exec((await banner.textContent()) ?? '');
    expect(Number(age?.[1])).toBeGreaterThanOrEqual(25);
    expect(Number(age?.[1])).toBeLessThan(35);
    expect(await banner.textContent()).toContain(en['edge.pending'].replace('{count}', '0'));
    await edgePage.locator('#start-shift').waitFor();
    await visit(edgePage, 'edge-offline');

    // Offline recording, keyboard only: shift, passport lines, Alt+A; the banner counts it at once.
    await edgePage.focus('#start-shift');
    await edgePage.keyboard.press('Enter');
    await edgePage.locator('textarea[name=mrz]').waitFor();
    await expect.poll(() => edgePage.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('mrz');
    for (const line of mrz('FN7700002').split('\n')) {
      await edgePage.keyboard.type(line, { delay: 0 });
      await edgePage.keyboard.press('Enter');
    }
    await edgePage.locator('.result-panel').waitFor();
    await edgePage.keyboard.press('Alt+a');
    await edgePage.locator('#recorded').waitFor();
    await expect.poll(() => banner.textContent()).toContain(en['edge.pending'].replace('{count}', '1'));
    expect(await banner.locator('h2').textContent()).toBe(en['edge.offline']);
    await visit(edgePage, 'edge-offline-recorded');
    await edgePage.close();
  });
});
