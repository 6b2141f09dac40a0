import type { TestApp } from '../../testing/test-app.ts';
import { createTestApp, loginAs } from '../../testing/test-app.ts';
import { CentreUnreachable, type CentreClient } from './centre-client.ts';
import { ensureNode } from './node-state.ts';
import { pullOnce } from './puller.ts';

/** Test helpers for edge mode (not a test file itself). */
export const EDGE_ACTIONS = ['edge.sync', 'border.crossing.record', 'persons.read', 'persons.write', 'watchlist.read', 'reference.read'];

export function edgeEnv(nodeId = 'zvartnots-1'): Record<string, string> {
  return {
    KAMURJ_MODE: 'edge',
    KAMURJ_EDGE_CENTRE_URL: 'http://centre.invalid',
    KAMURJ_EDGE_TOKEN: `kmj_00000000-0000-0000-0000-000000000000.${'x'.repeat(32)}`,
    KAMURJ_EDGE_NODE_ID: nodeId,
    KAMURJ_EDGE_CROSSING_POINT: 'ZVARTNOTS',
  };
}

/** Issues a machine token for an edge node at the centre, as an administrator does. */
export async function issueEdgeToken(centre: TestApp, point = 'ZVARTNOTS'): Promise<string> {
  const admin = await loginAs(centre, 'admin');
  const juris = (await admin.get('/api/jurisdictions')).json().items as { id: string; code: string }[];
  const created = await admin.post('/api/tokens', { name: `${point} edge node`, actions: EDGE_ACTIONS, jurisdictionIds: [juris.find((j) => j.code === point)!.id] });
  if (created.statusCode !== 201) throw new Error(`token: ${created.statusCode} ${created.body}`);
  return created.json().secret as string;
}

/** A centre client that reaches a test app in-process; `link.up = false` cuts it. */
export function injectClient(centre: TestApp, secret: string, link = { up: true }): CentreClient {
  return {
    async request(method, path, body, headers = {}) {
      if (!link.up) throw new CentreUnreachable(new Error('connect ECONNREFUSED'));
      const res = await centre.app.inject({
        method,
        url: path,
        headers: { authorization: `Bearer ${secret}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...headers },
        ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
      });
      return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : null };
    },
  };
}

/** A centre and an edge node in the test process, linked by `injectClient` with a node token; `link.up = false` cuts it. */
export async function edgePair(nodeId: string) {
  const [centre, edge] = await Promise.all([createTestApp(), createTestApp(edgeEnv(nodeId))]);
  await ensureNode(edge.db, nodeId);
  const secret = await issueEdgeToken(centre);
  const link = { up: true };
  return { centre, edge, secret, link, client: injectClient(centre, secret, link) };
}

/**
 * Pulls until `done` holds. The centre sends a feed's rows (clearances, acknowledgements) once no older
 * transaction is still running anywhere on its PostgreSQL (ADR 0515): on a server shared with other tests
 * that can take a moment.
 */
export async function pullUntil(edge: TestApp, client: CentreClient, nodeId: string, done: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 50; i++) {
    const r = await pullOnce(edge.app.deps, client, nodeId);
    if (!r.ok) throw new Error(`pull: ${r.failure}`);
    if (await done()) return;
    await new Promise((res) => setTimeout(res, 100));
  }
  throw new Error('what the centre sends did not arrive');
}

/** `edgePair` with one watchlist entry listed at the centre and pulled by the node, and a border officer logged in on each side. */
export async function listedPair(nodeId: string, entry: { names: string[]; birthDate: string }) {
  const pair = await edgePair(nodeId);
  const supervisor = await loginAs(pair.centre, 'border.supervisor');
  const w = await supervisor.post('/api/border/lists/watchlist', { ...entry, reason: 'Arrest warrant', action: 'second_line' });
  if (w.statusCode !== 201) throw new Error(`watchlist: ${w.statusCode} ${w.body}`);
  const pulled = await pullOnce(pair.edge.app.deps, pair.client, nodeId);
  if (!pulled.ok) throw new Error(`pull: ${pulled.failure}`);
  return { ...pair, entry: w.json() as { id: string; version: number }, edgeOfficer: await loginAs(pair.edge, 'border.officer'), centreOfficer: await loginAs(pair.centre, 'border.officer') };
}
