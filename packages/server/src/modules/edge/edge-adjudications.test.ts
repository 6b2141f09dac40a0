import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestApp } from '../../testing/test-app.ts';
import { passportMrz, record } from '../../testing/border.ts';
import type { CentreClient } from './centre-client.ts';
import { pushOnce } from './pusher.ts';
import { listedPair } from './testing.ts';

// Adjudications made at an edge node reach the centre, applied to the person the centre linked to the
// node's crossing (ADR 0514).
let centre: TestApp;
let edge: TestApp;
let link: { up: boolean };
let client: CentreClient;
let edgeOfficer: Client;
let centreOfficer: Client;
let entry: { id: string; version: number };
const NODE = 'zvartnots-adj';

beforeAll(async () => {
  ({ centre, edge, link, client, entry, edgeOfficer, centreOfficer } = await listedPair(NODE, { names: ['Մանուկյան Սամվել'], birthDate: '1975' }));
});
afterAll(async () => {
  await Promise.all([centre?.close(), edge?.close()]);
});

const mrzOf = (number: string) => passportMrz({ surname: 'MANUKYAN', given: 'SAMVEL', number, state: 'ARM', birth: '1975-06-07' });
const check = (c: Client, number: string) => c.post('/api/border/check', { crossingPoint: 'ZVARTNOTS', direction: 'entry', mrz: mrzOf(number) });
const hitIds = (body: { hits: { entryId: string }[] }) => body.hits.map((h) => h.entryId);
const adjOutbox = async () => (await edge.db.query<{ adjudication_id: string; state: string; crossing_id: string | null; last_error: string | null }>('SELECT adjudication_id, state, crossing_id, last_error FROM edge_adjudication_outbox ORDER BY queued_at')).rows;
const edgeStatus = async () => (await edgeOfficer.get('/api/edge/status')).json();

/** Records a second-line entry at the edge, registering the traveller there, and adjudicates the hit. */
async function adjudicateAtEdge(number: string, outcome: 'true_hit' | 'false_hit', reason: string) {
  const crossing = await record(edgeOfficer, { crossingPoint: 'ZVARTNOTS', direction: 'entry', mrz: mrzOf(number), decision: 'second_line', reason: 'Watchlist hit', registerPerson: true });
  expect(crossing.statusCode).toBe(201);
  const edgePerson = crossing.json().crossing.personId as string;
  const adj = await edgeOfficer.post('/api/border/adjudications', { personId: edgePerson, entryId: entry.id, entryVersion: entry.version, outcome, reason });
  expect(adj.statusCode).toBe(201);
  return { crossingId: crossing.json().crossing.id as string, edgePerson, adjudicationId: adj.json().id as string };
}

describe('adjudications made at an edge node', () => {
  it('wait with their crossing while the centre is unreachable, then reach the person the centre linked to it', async () => {
    expect(hitIds((await check(centreOfficer, 'AM5550001')).json())).toContain(entry.id);
    const made = await adjudicateAtEdge('AM5550001', 'false_hit', 'Different birthplace and father’s name');
    expect(await adjOutbox()).toEqual([{ adjudication_id: made.adjudicationId, state: 'pending', crossing_id: null, last_error: null }]);
    // The edge itself no longer stops the traveller on that entry.
    expect(hitIds((await check(edgeOfficer, 'AM5550001')).json())).not.toContain(entry.id);

    link.up = false;
    const cut = await pushOnce(edge.app.deps, client, NODE);
    expect(cut.failure).toMatch(/cannot be reached/);
    expect((await adjOutbox())[0]!.state).toBe('pending');
    expect((await edgeStatus()).adjudications).toEqual({ pending: 1, delivered: 0, rejected: 0 });

    link.up = true;
    const r = await pushOnce(edge.app.deps, client, NODE);
    expect(r).toEqual({ delivered: 1, rejected: 0, adjudications: { delivered: 1, rejected: 0 }, failure: null });
    expect(await adjOutbox()).toEqual([{ adjudication_id: made.adjudicationId, state: 'delivered', crossing_id: made.crossingId, last_error: null }]);
    expect((await edgeStatus()).adjudications).toEqual({ pending: 0, delivered: 1, rejected: 0 });

    // At the centre: the same adjudication, for the centre's person of that crossing, by the edge's officer.
    const centrePerson = (await centre.db.query<{ person_id: string }>('SELECT person_id FROM border_crossings WHERE id = $1', [made.crossingId])).rows[0]!.person_id;
    expect(centrePerson).toBeTruthy();
    const stored = (await centre.db.query('SELECT person_id, entry_id, entry_version, outcome, by_name FROM border_adjudications WHERE id = $1', [made.adjudicationId])).rows;
    expect(stored).toEqual([{ person_id: centrePerson, entry_id: entry.id, entry_version: entry.version, outcome: 'false_hit', by_name: 'Armen Hakobyan' }]);
    const delivery = (await centre.db.query('SELECT node_id, crossing_id FROM edge_adjudication_deliveries WHERE adjudication_id = $1', [made.adjudicationId])).rows;
    expect(delivery).toEqual([{ node_id: NODE, crossing_id: made.crossingId }]);
    const audited = (await centre.db.query<{ details: { deliveredFor: { crossingId: string; officer: { name: string } } } }>(
      `SELECT details FROM audit_log WHERE action = 'border.hit.adjudicate' AND target_id = $1`, [centrePerson],
    )).rows;
    expect(audited.map((a) => [a.details.deliveredFor.crossingId, a.details.deliveredFor.officer.name])).toEqual([[made.crossingId, 'Armen Hakobyan']]);

    // A false hit cleared at the post does not stop the traveller at the centre's posts either.
    const atCentre = (await check(centreOfficer, 'AM5550001')).json();
    expect(atCentre.person.id).toBe(centrePerson);
    expect(hitIds(atCentre)).not.toContain(entry.id);
    expect(atCentre.suppressed.map((h: { entryId: string }) => h.entryId)).toContain(entry.id);
  });

  it('a repeated delivery is the same answer and no second row; the same id with other content is refused', async () => {
    const row = (await edge.db.query<{ adjudication_id: string; crossing_id: string }>(`SELECT adjudication_id, crossing_id FROM edge_adjudication_outbox WHERE state = 'delivered' LIMIT 1`)).rows[0]!;
    const a = (await edge.db.query<{ by_id: string; at: Date }>('SELECT by_id, at FROM border_adjudications WHERE id = $1', [row.adjudication_id])).rows[0]!;
    const body = {
      nodeId: NODE, adjudicationId: row.adjudication_id, crossingId: row.crossing_id, entryId: entry.id, entryVersion: entry.version,
      outcome: 'false_hit', reason: 'Different birthplace and father’s name', officer: { id: a.by_id, name: 'Armen Hakobyan' }, at: new Date(a.at).toISOString(),
    };
    const again = await client.request('POST', '/api/edge/adjudications', body);
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ id: row.adjudication_id, crossingId: row.crossing_id, outcome: 'false_hit', by: 'Armen Hakobyan' });
    expect(Number((await centre.db.query<{ n: string }>('SELECT count(*) AS n FROM border_adjudications WHERE id = $1', [row.adjudication_id])).rows[0]!.n)).toBe(1);
    const changed = await client.request('POST', '/api/edge/adjudications', { ...body, outcome: 'true_hit' });
    expect(changed.status).toBe(409);
    expect((changed.body as { error: { code: string } }).error.code).toBe('BORDER.ADJUDICATION_ID_REUSED');
    const broken = await client.request('POST', '/api/edge/adjudications', { ...body, adjudicationId: 'not-a-uuid', reason: '' });
    expect(broken.status).toBe(400);
    // A crossing this node did not deliver anchors nothing; people do not deliver as nodes.
    const own = await record(centreOfficer, { crossingPoint: 'ZVARTNOTS', direction: 'entry', mrz: mrzOf('AM5550009'), decision: 'admit', registerPerson: true });
    const foreign = await client.request('POST', '/api/edge/adjudications', { ...body, adjudicationId: '00000000-0000-4000-8000-000000000001', crossingId: own.json().crossing.id });
    expect(foreign.status).toBe(409);
    expect((foreign.body as { error: { code: string } }).error.code).toBe('EDGE.CROSSING_NOT_DELIVERED');
    expect((await centreOfficer.post('/api/edge/adjudications', body)).statusCode).toBe(403);
  });

  it('one whose crossing the centre refused is kept at the post as rejected, visible and audited, never applied', async () => {
    const made = await adjudicateAtEdge('AM5550002', 'true_hit', 'Photo and birthplace match the notice');
    // The centre refused the crossing (as it would a record it cannot accept): nothing there names the person.
    await edge.ownerDb.query(`UPDATE edge_outbox SET state = 'rejected', last_error = 'refused' WHERE crossing_id = $1`, [made.crossingId]);
    const r = await pushOnce(edge.app.deps, client, NODE);
    expect(r).toEqual({ delivered: 0, rejected: 0, adjudications: { delivered: 0, rejected: 1 }, failure: null });
    const row = (await adjOutbox()).find((x) => x.adjudication_id === made.adjudicationId)!;
    expect(row).toMatchObject({ state: 'rejected', crossing_id: made.crossingId, last_error: expect.stringMatching(/refused this person's latest crossing/) });
    expect((await edgeStatus()).adjudications).toMatchObject({ rejected: 1 });
    expect((await edge.db.query(`SELECT 1 FROM audit_log WHERE action = 'edge.push.rejected' AND target_id = $1`, [made.adjudicationId])).rows.length).toBe(1);
    expect((await centre.db.query('SELECT 1 FROM border_adjudications WHERE id = $1', [made.adjudicationId])).rows.length).toBe(0);
  });
});
