import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { totpCode } from '../../packages/server/src/lib/totp.ts';
import { DEMO_TOTP_SECRET } from '../../packages/server/src/seed/seed.ts';
import { passportMrz } from '../../packages/server/src/testing/border.ts';
import { fakeWebDist, Http, kill, Link, prepareEdgeDataDir, startCentre, startProcess, until, type ServerProcess } from './harness.ts';

/**
 * Edge mode end to end (issue 4 §5, ADR 0503): the edge node is a real `kamurj start` process with its own
 * PGlite; the centre listens on loopback in this process, on a copy of the run's seeded database (PGlite, or
 * PostgreSQL when DATABASE_URL is set). The edge reaches the centre through a link this test cuts and restores.
 * Crossings are recorded on both sides while the link is down, the edge is killed once in the middle
 * of a push (after the centre committed, before the edge heard), restarted, and the centre must hold
 * every crossing exactly once, with the impossible-travel conflict flagged and the list age reported.
 */
const PASSWORD = 'Kamurj-demo-2026!';
let dir: string;
let centre: { url: string; close(): Promise<void> };
let edge: ServerProcess;
let link: Link;
let edgeEnv: Record<string, string>;

async function login(base: string, username: string, totp = false): Promise<Http> {
  const c = new Http(base);
  const r = await c.request('POST', '/api/auth/login', { username, password: PASSWORD });
  if (r.status !== 200) throw new Error(`login ${username} at ${base}: ${r.status} ${JSON.stringify(r.json)}`);
  if (totp) {
    const v = await c.request('POST', '/api/auth/mfa/verify', { code: totpCode(DEMO_TOTP_SECRET, Date.now()) });
    if (v.status !== 200) throw new Error(`mfa: ${v.status}`);
  }
  return c;
}

const mrz = (number: string, surname = 'AALTONEN') => passportMrz({ surname, given: 'MIKKO', number, state: 'FIN' });
let key = 0;
const recordAt = (c: Http, point: string, number: string, extra: Record<string, unknown> = {}) =>
  c.request('POST', '/api/border/crossings', { crossingPoint: point, direction: 'entry', mrz: mrz(number), decision: 'admit', registerPerson: true, ...extra }, { 'idempotency-key': `e2e-edge-${process.pid}-${++key}` });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'kamurj-edge-'));
  const web = fakeWebDist(dir);
  // The centre starts on a copy of the run's seeded database while the edge's database is made ready
  // beside it: two fresh seeds in two processes were most of this test's time (measurements in ADR 0503).
  [centre] = await Promise.all([startCentre(), prepareEdgeDataDir(join(dir, 'edge'))]);
  link = new Link(Number(new URL(centre.url).port));
  const linkUrl = await link.listen();
  const admin = await login(centre.url, 'admin', true);
  const juris = (await admin.request('GET', '/api/jurisdictions')).json.items as { id: string; code: string }[];
  const token = await admin.request('POST', '/api/tokens', {
    name: 'Zvartnots edge node',
    actions: ['edge.sync', 'border.crossing.record', 'persons.read', 'persons.write', 'watchlist.read', 'reference.read'],
    jurisdictionIds: [juris.find((j) => j.code === 'ZVARTNOTS')!.id],
  });
  expect(token.status).toBe(201);
  edgeEnv = {
    KAMURJ_DATA_DIR: join(dir, 'edge'),
    KAMURJ_WEB_DIST: web,
    KAMURJ_SEED_DEMO: 'false',
    KAMURJ_MODE: 'edge',
    KAMURJ_EDGE_CENTRE_URL: linkUrl,
    KAMURJ_EDGE_TOKEN: token.json.secret,
    KAMURJ_EDGE_NODE_ID: 'zvartnots-e2e',
    KAMURJ_EDGE_CROSSING_POINT: 'ZVARTNOTS',
    KAMURJ_EDGE_PUSH_INTERVAL_MS: '150',
    KAMURJ_EDGE_PULL_INTERVAL_MS: '400',
    KAMURJ_EDGE_MAX_BACKOFF_MS: '800',
    KAMURJ_EDGE_REQUEST_TIMEOUT_MS: '5000',
  };
  edge = await startProcess(edgeEnv);
}, 240_000);

afterAll(async () => {
  await Promise.all([edge && kill(edge), centre?.close()]);
  await link?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('edge mode on loopback', () => {
  it('works offline, survives a kill mid-push, and delivers every crossing exactly once', async () => {
    // The post's officer account arrives with the first pull; the edge has no accounts of its own.
    let officer = await until('the officer account at the edge', () => login(edge.url, 'border.officer').catch(() => undefined), 60_000, 300);
    const centreOfficer = await login(centre.url, 'border.officer');
    const supervisor = await login(centre.url, 'border.supervisor');
    const before = (await centreOfficer.request('GET', '/api/border/crossings?crossingPoint=ZVARTNOTS&limit=200')).json.total as number;

    link.cut();
    await until('the edge to notice the cut', async () => (await officer.request('GET', '/api/edge/status')).json.centre.reachable === false, 30_000);

    // Offline: the console keeps working on the last lists and says how old they are.
    const edgeIds: string[] = [];
    const t0 = Date.now();
    for (let i = 0; i < 5; i++) {
      const r = await recordAt(officer, 'ZVARTNOTS', `FN10000${i}`);
      expect(r.status).toBe(201);
      edgeIds.push(r.json.crossing.id);
    }
    // The centre meanwhile records the same passport at Bagratashen ten minutes earlier: impossible travel.
    const centreSide = await recordAt(supervisor, 'BAGRATASHEN', 'FN100003', { occurredAt: new Date(t0 - 10 * 60_000).toISOString() });
    expect(centreSide.status).toBe(201);
    const status = (await officer.request('GET', '/api/edge/status')).json;
    expect(status).toMatchObject({ mode: 'edge', nodeId: 'zvartnots-e2e', centre: { reachable: false }, outbox: { pending: 5 } });
    expect(status.lists.asOf).toEqual(expect.any(String));
    expect(status.lists.ageSeconds).toEqual(expect.any(Number));

    // Restore the link, let exactly one delivery reach the centre, and kill the edge before it hears back.
    let delivered!: () => void;
    const centreAnswered = new Promise<void>((r) => (delivered = r));
    link.holdNextDeliveryAnswer(() => delivered());
    link.restore();
    await centreAnswered;
    await kill(edge);
    const afterKill = (await centreOfficer.request('GET', '/api/border/crossings?crossingPoint=ZVARTNOTS&limit=200')).json;
    expect(afterKill.total).toBe(before + 1);

    // One more crossing recorded while the node was down is impossible; after the restart the outbox resumes.
    edge = await startProcess(edgeEnv);
    officer = await login(edge.url, 'border.officer');
    const late = await recordAt(officer, 'ZVARTNOTS', 'FN100009');
    expect(late.status).toBe(201);
    edgeIds.push(late.json.crossing.id);
    await until('the outbox to empty', async () => {
      const s = (await officer.request('GET', '/api/edge/status')).json;
      return s.outbox.pending === 0 && s.centre.reachable;
    }, 60_000);

    const after = (await centreOfficer.request('GET', '/api/border/crossings?crossingPoint=ZVARTNOTS&limit=200')).json;
    expect(after.total).toBe(before + edgeIds.length);
    const ids = after.items.map((c: { id: string }) => c.id);
    for (const id of edgeIds) expect(ids.filter((x: string) => x === id)).toHaveLength(1);
    const final = (await officer.request('GET', '/api/edge/status')).json;
    expect(final.outbox).toMatchObject({ pending: 0, delivered: edgeIds.length, rejected: 0 });
    expect(final.lists.ageSeconds).toBeLessThan(60);

    // Both uses of FN100003 are kept and flagged for the supervisor of either post.
    const conflicts = (await supervisor.request('GET', '/api/edge/conflicts')).json.items as { document: { number: string }; crossings: { id: string }[] }[];
    const flagged = conflicts.filter((c) => c.document.number === 'FN100003');
    expect(flagged).toHaveLength(1);
    expect(flagged[0]!.crossings.map((c) => c.id).sort()).toEqual([centreSide.json.crossing.id, edgeIds[3]].sort());
  }, 240_000);
});
