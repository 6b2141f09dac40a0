import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { formatMrz } from '../../packages/domain/src/documents/mrz/index.ts';
import { totpCodeAtStep } from '../../packages/server/src/lib/totp.ts';
import { startServer, type RunningServer } from '../../packages/server/src/main.ts';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const ARTIFACTS = fileURLToPath(new URL('../artifacts/', import.meta.url));
export const DEMO_PASSWORD = 'Kamurj-demo-2026!';
export const DEMO_TOTP_SECRET = 'KAMURJDEMOSECRETKAMURJDEMOSECRET';

/** Builds packages/web/dist, which the server serves (skip with KAMURJ_E2E_SKIP_BUILD=1). */
export function buildWeb(): void {
  if (process.env.KAMURJ_E2E_SKIP_BUILD === '1') return;
  execFileSync(process.execPath, [`${ROOT}node_modules/vite/bin/vite.js`, 'build', '--config', `${ROOT}packages/web/vite.config.ts`, '--logLevel', 'warn'], {
    cwd: ROOT,
    stdio: 'inherit',
    // The test runner sets NODE_ENV=test, which would give React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
  });
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}

/** Runs axe on the page as it is now; serious and critical violations fail the step. */
export async function checkA11y(page: Page, step: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const bad = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
  expect(bad, `accessibility of ${step}`).toEqual([]);
}

let shot = 0;
let prefix = 'browser';
/** Names this test file's screenshots: e2e/artifacts/<prefix>-NN-<step>.png. */
export function artifactPrefix(name: string): void {
  prefix = name;
  shot = 0;
}

/** Saves a full-page screenshot for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  shot += 1;
  await page.screenshot({ path: `${ARTIFACTS}${prefix}-${String(shot).padStart(2, '0')}-${name}.png`, fullPage: true });
}

/** Axe plus a screenshot: what every visited page gets. */
export async function visit(page: Page, name: string): Promise<void> {
  await checkA11y(page, name);
  await screenshot(page, name);
}

const lastStep = new Map<string, number>();
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * A TOTP code the server will accept for this user. The server refuses a code of a 30-second step it has
 * already seen for the user (replay), and accepts the step after the current one (a phone whose clock runs
 * a little ahead, lib/totp.ts): so a second sign-in within the same step uses the next step's code, and
 * only a third waits for a new step. A code of the current step about to expire may be stale by the time it
 * arrives: then the next step's.
 */
export async function freshTotp(username: string): Promise<string> {
  for (;;) {
    const now = Date.now();
    const step = Math.floor(now / 30_000);
    const left = 30_000 - (now % 30_000);
    const last = lastStep.get(username) ?? -1;
    const usable = [...(left > 4_000 ? [step] : []), step + 1].find((s) => s > last);
    if (usable !== undefined) {
      lastStep.set(username, usable);
      return totpCodeAtStep(DEMO_TOTP_SECRET, usable);
    }
    await sleep(left + 250);
  }
}

export interface BrowserSession {
  srv: RunningServer;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/**
 * What every journey starts from: the web bundle, a server on a fresh embedded database and a free port,
 * and one Chromium page (English UI locale; the journeys switch languages themselves).
 */
export async function openBrowserSession(prefix: string, viewport = { width: 1280, height: 900 }): Promise<BrowserSession> {
  artifactPrefix(prefix);
  buildWeb();
  const dataDir = mkdtempSync(join(tmpdir(), 'kamurj-e2e-'));
  const srv = await startServer({ port: 0, host: '127.0.0.1', dataDir, logger: false });
  const browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'en-GB', viewport });
  const page = await context.newPage();
  page.on('pageerror', (e) => console.error('page error:', e.message));
  return {
    srv,
    browser,
    context,
    page,
    close: async () => {
      await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
      await srv.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The two MRZ lines of a man's passport (TD3) as a document reader types them, for console journeys. */
export function mrzLines(surname: string, given: string, number: string, state: string, birth: string): string[] {
  const r = formatMrz({ format: 'TD3', documentCode: 'P', issuingState: state, documentNumber: number, nationality: state, birthDate: birth, sex: 'M', expiryDate: '2031-06-14', surname, givenNames: given });
  if (!r.ok) throw new Error('bad MRZ');
  return [...r.lines];
}
