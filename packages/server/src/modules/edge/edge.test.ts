import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProfile } from '../../profiles/profile.ts';
import { seed } from '../../seed/seed.ts';
import { DEMO_PASSWORD, loginAs, type Client, type TestApp } from '../../testing/test-app.ts';
import { passportMrz, record } from '../../testing/border.ts';
import { CentreUnreachable, type CentreClient } from './centre-client.ts';
import { pullOnce } from './puller.ts';
import { pushOnce } from './pusher.ts';
import { edgePair, injectClient } from './testing.ts';

let centre: TestApp;
let edge: TestApp;
let secret: string;
let link: { up: boolean };
let client: CentreClient;
let edgeOfficer: Client;
const NODE = 'zvartnots-1';

beforeAll(async () => {
  ({ centre, edge, secret, link, client } = await edgePair(NODE));
  edgeOfficer = await loginAs(edge, 'border.officer');
});
afterAll(async () => {
  await Promise.all([centre?.close(), edge?.close()]);
});

const crossingAt = (point: string, number: string, extra: Record<string, unknown> = {}) => ({
  crossingPoint: point,
  direction: 'entry',
  mrz: passportMrz({ surname: 'LINDQVIST', given: 'ERIK', number, state: 'SWE' }),
  decision: 'admit',
  registerPerson: true,
  ...extra,
});
const outbox = async () => (await edge.db.query<{ seq: string; crossing_id: string; state: string; clock_warning: boolean }>('SELECT seq, crossing_id, state, clock_warning FROM edge_outbox ORDER BY seq')).rows;
const atCentre = async (ids: string[]) => Number((await centre.db.query<{ n: string }>('SELECT count(*) AS n FROM border_crossings WHERE id = ANY($1::uuid[])', [ids])).rows[0]!.n);
const status = async () => (await edgeOfficer.get('/api/edge/status')).json();

describe('outbox and push', () => {
  it('each crossing at the edge joins the outbox with the next sequence number, in its own transaction', async () => {
    const a = await record(edgeOfficer, crossingAt('ZVARTNOTS', 'SE1000001'));
    const b = await record(edgeOfficer, crossingAt('ZVARTNOTS', 'SE1000002'));
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    const rows = await outbox();
    expect(rows.map((r) => [Number(r.seq), r.crossing_id, r.state])).toEqual([
      [1, a.json().crossing.id, 'pending'],
      [2, b.json().crossing.id, 'pending'],
    ]);
    // A replay at the edge is the same answer and no second outbox row.
    const again = await record(edgeOfficer, crossingAt('ZVARTNOTS', 'SE1000002'), 'edge-replay-key-1');
    const replay = await record(edgeOfficer, crossingAt('ZVARTNOTS', 'SE1000002'), 'edge-replay-key-1');
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.json().crossing.id).toBe(again.json().crossing.id);
    expect((await outbox()).length).toBe(3);
  });

  it('a clock that runs backwards: accepted, flagged, kept in sequence order, with a clear message', async () => {
    edge.clock.advance(-2 * 3_600_000);
    const res = await record(edgeOfficer, crossingAt('ZVARTNOTS', 'SE1000003'));
    edge.clock.advance(2 * 3_600_000);
    expect(res.statusCode).toBe(201);
    expect(res.json().warnings.map((w: { code: string }) => w.code)).toEqual(['EDGE.CLOCK_BACKWARDS']);
    expect(res.json().warnings[0].message).toMatch(/earlier than the previous crossing/);
    const rows = await outbox();
    expect(rows.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4]);
    expect(rows.at(-1)).toMatchObject({ clock_warning: true, state: 'pending' });
    expect((await status()).outbox).toMatchObject({ pending: 4, clockWarnings: 1 });
  });

  it('while the centre is unreachable nothing is lost and the status says so', async () => {
    link.up = false;
    const r = await pushOnce(edge.app.deps, client, NODE);
    expect(r.failure).toMatch(/cannot be reached/);
    const s = await status();
    expect(s.centre.reachable).toBe(false);
    expect(s.outbox.pending).toBe(4);
    link.up = true;
  });

  it('a delivery whose answer is lost (the node dies after the centre committed) arrives exactly once', async () => {
    const first = (await outbox())[0]!;
    // Deliver the head of the outbox, then lose the answer as a crash or a cut link would.
    const losing: CentreClient = {
      async request(method, path, body, headers) {
        await client.request(method, path, body, headers);
        throw new CentreUnreachable(new Error('socket hang up'));
      },
    };
    expect((await pushOnce(edge.app.deps, losing, NODE)).failure).toMatch(/socket hang up/);
    expect(await atCentre([first.crossing_id])).toBe(1);
    expect((await outbox())[0]!.state).toBe('pending');

    const r = await pushOnce(edge.app.deps, client, NODE);
    expect(r).toEqual({ delivered: 4, rejected: 0, adjudications: { delivered: 0, rejected: 0 }, failure: null });
    const rows = await outbox();
    expect(rows.every((x) => x.state === 'delivered')).toBe(true);
    expect(await atCentre(rows.map((x) => x.crossing_id))).toBe(4);
    const deliveries = (await centre.db.query<{ seq: string; clock_warning: boolean }>('SELECT seq, clock_warning FROM edge_deliveries WHERE node_id = $1 ORDER BY seq', [NODE])).rows;
    expect(deliveries.map((d) => [Number(d.seq), d.clock_warning])).toEqual([[1, false], [2, false], [3, false], [4, true]]);
    // The centre keeps the edge's officer and matched the traveller again (registered there).
    const c = (await centre.db.query<{ officer_name: string; person_id: string | null }>('SELECT officer_name, person_id FROM border_crossings WHERE id = $1', [first.crossing_id])).rows[0]!;
    expect(c.officer_name).toBe('Armen Hakobyan');
    expect(c.person_id).toBeTruthy();
    expect((await status()).centre.reachable).toBe(true);
  });

  it('a replayed delivery: the same answer and no second row; the same key with another body is refused', async () => {
    const row = (await edge.db.query<{ payload: unknown; crossing_id: string; officer_id: string; recorded_at: Date }>('SELECT payload, crossing_id, officer_id, recorded_at FROM edge_outbox WHERE seq = 1')).rows[0]!;
    const body = { nodeId: NODE, seq: 1, crossingId: row.crossing_id, officer: { id: row.officer_id, name: 'Armen Hakobyan' }, recordedAt: new Date(row.recorded_at).toISOString(), clockWarning: false, crossing: row.payload };
    const bearer = { authorization: `Bearer ${secret}`, 'content-type': 'application/json', 'idempotency-key': `${NODE}:1` };
    const again = await centre.app.inject({ method: 'POST', url: '/api/edge/crossings', headers: bearer, payload: JSON.stringify(body) });
    expect(again.statusCode).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await atCentre([row.crossing_id])).toBe(1);
    const changed = await centre.app.inject({ method: 'POST', url: '/api/edge/crossings', headers: bearer, payload: JSON.stringify({ ...body, crossing: { ...(row.payload as object), declaredAddress: 'Another address 1' } }) });
    expect(changed.statusCode).toBe(409);
    const wrongKey = await centre.app.inject({ method: 'POST', url: '/api/edge/crossings', headers: { ...bearer, 'idempotency-key': `${NODE}:99` }, payload: JSON.stringify(body) });
    expect(wrongKey.statusCode).toBe(400);
    expect(wrongKey.json().error.issues[0].field).toBe('headers.idempotency-key');
    // People do not deliver as nodes.
    const officer = await loginAs(centre, 'border.officer');
    expect((await officer.request('POST', '/api/edge/crossings', body, { 'idempotency-key': `${NODE}:1` })).statusCode).toBe(403);
  });
});

describe('pull', () => {
  it('brings new list entries, reference data and the post’s accounts in one transaction, then only what changed', async () => {
    const supervisor = await loginAs(centre, 'border.supervisor');
    const w = await supervisor.post('/api/border/lists/watchlist', { names: ['Вардазарян Гурген'], birthDate: '1979', reason: 'Arrest warrant', action: 'second_line' });
    expect(w.statusCode).toBe(201);
    const first = await pullOnce(edge.app.deps, client, NODE);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    expect(first.applied.lists).toContain('national-watchlist');
    expect(first.applied.referenceItems).toBeGreaterThan(100);
    const entry = (await edge.db.query('SELECT 1 FROM border_list_entries WHERE id = $1', [w.json().id])).rows;
    expect(entry.length).toBe(1);
    // The post's officer comes; the Tavush supervisor and the administrators do not work here.
    const users = (await edge.db.query<{ username: string; disabled: boolean }>('SELECT username, disabled FROM users ORDER BY username')).rows;
    expect(users.filter((u) => !u.disabled).map((u) => u.username)).toEqual(['border.officer']);
    const s = await status();
    expect(s.lists.asOf).toBe(edge.clock.now().toISOString());
    expect(s.lists.accounts).toBe(1);
    // The edge screens against the pulled entry.
    const check = await edgeOfficer.post('/api/border/check', { crossingPoint: 'ZVARTNOTS', direction: 'entry', mrz: passportMrz({ surname: 'VARDAZARYAN', given: 'GURGEN', number: 'AR7770001', state: 'ARM', birth: '1979-04-05' }) });
    expect(check.json().hits.map((h: { entryId: string }) => h.entryId)).toContain(w.json().id);

    edge.clock.advance(60_000);
    const second = await pullOnce(edge.app.deps, client, NODE);
    expect(second).toEqual({ ok: true, applied: { lists: [], entries: 0, referenceItems: 0, accounts: 0, clearances: 0, handovers: 0 } });
    expect((await status()).lists.ageSeconds).toBe(0);
    edge.clock.advance(90_000);
    expect((await status()).lists.ageSeconds).toBe(90);
  });

  it('a malformed or refused snapshot changes nothing', async () => {
    const before = (await edge.db.query<{ n: string }>('SELECT count(*) AS n FROM border_list_entries')).rows[0]!.n;
    const broken: CentreClient = { request: async () => ({ status: 200, body: { at: 'x', listVersions: {}, lists: [{ listId: 'national-watchlist', version: 99, entries: [{ id: 'nope' }] }], reference: { digest: 'x' }, accounts: { digest: 'y' } } }) };
    const r = await pullOnce(edge.app.deps, broken, NODE);
    expect(r.ok).toBe(false);
    const refused = await pullOnce(edge.app.deps, injectClient(centre, `kmj_00000000-0000-0000-0000-000000000000.${'z'.repeat(32)}`), NODE);
    expect(refused).toMatchObject({ ok: false, failure: expect.stringMatching(/401/) });
    expect((await edge.db.query<{ n: string }>('SELECT count(*) AS n FROM border_list_entries')).rows[0]!.n).toBe(before);
    expect((await status()).centre).toMatchObject({ reachable: false, lastError: expect.stringMatching(/401/) });
  });

  it('central-only changes are refused at the edge; the snapshot is for node tokens only', async () => {
    const sup = await loginAs(edge, 'border.officer');
    const res = await sup.post('/api/border/lists/watchlist', { names: ['X Y'], reason: 'r', action: 'second_line' });
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('EDGE.CENTRAL_ONLY');
    const officer = await loginAs(centre, 'border.officer');
    expect((await officer.get('/api/edge/snapshot')).statusCode).toBe(403);
  });
  it('a restart after the pull keeps the centre’s reference copy as it is (no reseed that would revert or collide)', async () => {
    const history = async (db: TestApp['ownerDb']) => Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM reference_history')).rows[0]!.n);
    // Reseeding unchanged reference data writes nothing (jsonb key order is not a change).
    const centreHistory = await history(centre.ownerDb);
    await seed(centre.ownerDb, loadProfile('ARM'), { demo: false, demoPassword: DEMO_PASSWORD });
    expect(await history(centre.ownerDb)).toBe(centreHistory);

    const admin = await loginAs(centre, 'admin');
    const item = (await admin.get('/api/reference/crossing-points/ZVARTNOTS')).json();
    const renamed = await admin.patch('/api/reference/crossing-points/ZVARTNOTS', { version: item.version, names: { ...item.names, en: 'Zvartnots International' } });
    expect(renamed.statusCode).toBe(200);
    expect((await pullOnce(edge.app.deps, client, NODE)).ok).toBe(true);
    const held = async () => (await edge.ownerDb.query<{ names: { en: string }; version: number }>(`SELECT names, version FROM reference_items WHERE table_name = 'crossing-points' AND key = 'ZVARTNOTS'`)).rows[0]!;
    expect(await held()).toMatchObject({ names: { en: 'Zvartnots International' }, version: item.version + 1 });
    const edgeHistory = await history(edge.ownerDb);
    // Two restarts of the node: its copy stays the centre's, version included.
    for (let i = 0; i < 2; i++) await seed(edge.ownerDb, loadProfile('ARM'), { demo: false, demoPassword: DEMO_PASSWORD });
    expect(await held()).toMatchObject({ names: { en: 'Zvartnots International' }, version: item.version + 1 });
    expect(await history(edge.ownerDb)).toBe(edgeHistory);
  });
});

describe('conflicts at the centre', () => {
  it('one document at Bagratashen and, 20 minutes later, at Zvartnots: both kept, flagged for the supervisors of either post', async () => {
    const supervisor = await loginAs(centre, 'border.supervisor');
    const at = new Date(centre.clock.now().getTime() - 3_600_000);
    const atB = await record(supervisor, { ...crossingAt('BAGRATASHEN', 'SE9990001'), occurredAt: at.toISOString() });
    expect(atB.statusCode).toBe(201);
    expect(atB.json().warnings).toBeUndefined();
    const atZ = await record(edgeOfficer, { ...crossingAt('ZVARTNOTS', 'SE9990001'), occurredAt: new Date(at.getTime() + 20 * 60_000).toISOString() });
    expect(atZ.statusCode).toBe(201);
    expect((await pushOnce(edge.app.deps, client, NODE)).delivered).toBe(1);
    const answer = (await edge.db.query<{ response: { warnings?: { code: string }[] } }>('SELECT response FROM edge_outbox WHERE crossing_id = $1', [atZ.json().crossing.id])).rows[0]!.response;
    expect(answer.warnings?.map((w) => w.code)).toEqual(['EDGE.DOCUMENT_CONFLICT']);

    const list = await supervisor.get('/api/edge/conflicts');
    expect(list.statusCode).toBe(200);
    const conflict = list.json().items.find((c: { document: { number: string } }) => c.document.number === 'SE9990001');
    expect(conflict).toMatchObject({ document: { issuingState: 'SWE' }, crossingPoints: ['ZVARTNOTS', 'BAGRATASHEN'], intervalMinutes: 20, minimumMinutes: 60, state: 'open' });
    expect(conflict.crossings.map((c: { id: string }) => c.id).sort()).toEqual([atB.json().crossing.id, atZ.json().crossing.id].sort());
    expect((await (await loginAs(centre, 'border.officer')).get('/api/edge/conflicts')).statusCode).toBe(403);

    const resolved = await supervisor.post(`/api/edge/conflicts/${conflict.id}/resolve`, { resolution: 'Cloned passport; genuine holder at Bagratashen' });
    expect(resolved.json()).toMatchObject({ state: 'resolved', resolvedBy: expect.any(String) });
    expect((await supervisor.post(`/api/edge/conflicts/${conflict.id}/resolve`, { resolution: 'again' })).statusCode).toBe(409);
    expect(await atCentre([atB.json().crossing.id, atZ.json().crossing.id])).toBe(2);
  });

  it('crossings recorded together: every pair of every document is flagged, each answer with its own warnings', async () => {
    const supervisor = await loginAs(centre, 'border.supervisor');
    const at = centre.clock.now().getTime();
    const ago = (minutes: number) => new Date(at - minutes * 60_000).toISOString();
    // SE9990003 was used twice at Bagratashen in the last half hour, SE9990004 once; SE9990005 nowhere else.
    for (const [number, minutes] of [['SE9990003', 30], ['SE9990003', 20], ['SE9990004', 30]] as const) {
      expect((await record(supervisor, { ...crossingAt('BAGRATASHEN', number), occurredAt: ago(minutes) })).statusCode).toBe(201);
    }
    const now = await Promise.all(['SE9990003', 'SE9990004', 'SE9990005'].map((n) => record(supervisor, { ...crossingAt('AYRUM', n), direction: 'exit', occurredAt: ago(1) })));
    expect(now.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect(now.map((r) => (r.json().warnings ?? []).length)).toEqual([2, 1, 0]);
    const stored = await centre.db.query<{ document_key: string; n: string }>(
      "SELECT document_key, count(*)::text AS n FROM edge_conflicts WHERE document_key IN ('SWE:SE9990003', 'SWE:SE9990004', 'SWE:SE9990005') GROUP BY document_key ORDER BY document_key",
    );
    expect(stored.rows).toEqual([{ document_key: 'SWE:SE9990003', n: '2' }, { document_key: 'SWE:SE9990004', n: '1' }]);
  });

  it('the same document at the same post, or at two posts far enough apart, is no conflict', async () => {
    const supervisor = await loginAs(centre, 'border.supervisor');
    const at = centre.clock.now().getTime();
    await record(supervisor, { ...crossingAt('BAGRATASHEN', 'SE9990002'), occurredAt: new Date(at - 3 * 3_600_000).toISOString() });
    const later = await record(supervisor, { ...crossingAt('AYRUM', 'SE9990002'), direction: 'exit', occurredAt: new Date(at - 60_000).toISOString() });
    const samePost = await record(supervisor, { ...crossingAt('AYRUM', 'SE9990002'), occurredAt: new Date(at).toISOString() });
    expect(samePost.json().warnings).toBeUndefined();
    expect(later.statusCode).toBe(201);
    expect(later.json().warnings).toBeUndefined();
  });
});
