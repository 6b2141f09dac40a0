import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client, TestApp } from '../../testing/test-app.ts';
import { passportMrz, record } from '../../testing/border.ts';
import type { CentreClient } from './centre-client.ts';
import { CLEARANCE_PAGE, clearancesAfter, documentDigest } from './clearances.ts';
import { pullOnce } from './puller.ts';
import { listedPair, pullUntil as pullUntilAt } from './testing.ts';

// Adjudications made at the centre reach the edge nodes as clearances, under the digests of the adjudicated
// person's travel documents (ADR 0515).
let centre: TestApp;
let edge: TestApp;
let client: CentreClient;
let edgeOfficer: Client;
let centreOfficer: Client;
let entry: { id: string; version: number };
const NODE = 'zvartnots-clr';

beforeAll(async () => {
  ({ centre, edge, client, entry, edgeOfficer, centreOfficer } = await listedPair(NODE, { names: ['Գևորգյան Տիգրան'], birthDate: '1968' }));
});
afterAll(async () => {
  await Promise.all([centre?.close(), edge?.close()]);
});

const mrzOf = (number: string) => passportMrz({ surname: 'GEVORGYAN', given: 'TIGRAN', number, state: 'ARM', birth: '1968-02-03' });
const check = (c: Client, number: string) => c.post('/api/border/check', { crossingPoint: 'ZVARTNOTS', direction: 'entry', mrz: mrzOf(number) });
type Checked = { hits: { entryId: string }[]; suppressed: { entryId: string; adjudication: { outcome: string; reason: string; by: string } | null }[] };
const hitIds = (body: Checked) => body.hits.map((h) => h.entryId);

const pullUntil = (done: () => Promise<boolean>) => pullUntilAt(edge, client, NODE, done);
const held = async (adjudicationId: string) => (await edge.db.query('SELECT 1 FROM edge_clearances WHERE adjudication_id = $1', [adjudicationId])).rows.length > 0;

/** A second-line entry at the centre, registering the traveller there, and the officer's judgement of the hit. */
async function adjudicateAtCentre(number: string, outcome: 'true_hit' | 'false_hit', reason: string, personId?: string) {
  let person = personId;
  if (!person) {
    const crossing = await record(centreOfficer, { crossingPoint: 'ZVARTNOTS', direction: 'entry', mrz: mrzOf(number), decision: 'second_line', reason: 'Watchlist hit', registerPerson: true });
    expect(crossing.statusCode).toBe(201);
    person = crossing.json().crossing.personId as string;
  }
  const adj = await centreOfficer.post('/api/border/adjudications', { personId: person, entryId: entry.id, entryVersion: entry.version, outcome, reason });
  expect(adj.statusCode).toBe(201);
  return { person: person!, adjudicationId: adj.json().id as string };
}

describe('adjudications made at the centre reach the edge nodes', () => {
  it('a false hit cleared at the centre does not stop the traveller at a post that never saw them; a later true hit stops them again', async () => {
    // Before: the post stops the namesake.
    expect(hitIds((await check(edgeOfficer, 'AM7770001')).json())).toContain(entry.id);
    const cleared = await adjudicateAtCentre('AM7770001', 'false_hit', 'Different father’s name and birthplace');
    await pullUntil(() => held(cleared.adjudicationId));

    // The node holds the judgement under a digest of the document, not the number.
    const rows = (await edge.db.query<{ document_digest: string; outcome: string; entry_id: string }>('SELECT document_digest, outcome, entry_id FROM edge_clearances WHERE adjudication_id = $1', [cleared.adjudicationId])).rows;
    expect(rows).toEqual([{ document_digest: documentDigest('ARM', 'AM7770001'), outcome: 'false_hit', entry_id: entry.id }]);
    expect(JSON.stringify(rows)).not.toContain('AM7770001');

    // The traveller is not a person at the node, yet the hit is suppressed, with the centre's reason.
    const after = (await check(edgeOfficer, 'AM7770001')).json() as Checked & { person: unknown };
    expect(after.person).toBeNull();
    expect(hitIds(after)).not.toContain(entry.id);
    expect(after.suppressed.find((s) => s.entryId === entry.id)?.adjudication).toMatchObject({ outcome: 'false_hit', reason: 'Different father’s name and birthplace' });
    // Recorded at the post: the crossing carries no hit, and the namesake who holds another passport is still stopped.
    const admitted = await record(edgeOfficer, { crossingPoint: 'ZVARTNOTS', direction: 'entry', mrz: mrzOf('AM7770001'), decision: 'admit', registerPerson: true });
    expect(admitted.statusCode).toBe(201);
    expect(admitted.json().crossing.hits.filter((h: { entryId?: string }) => h.entryId === entry.id)).toEqual([]);
    expect(hitIds((await check(edgeOfficer, 'AM7770002')).json())).toContain(entry.id);

    // The centre later confirms the hit: the latest judgement counts at the post too, now for its own person.
    centre.clock.advance(60_000);
    const confirmed = await adjudicateAtCentre('AM7770001', 'true_hit', 'New information from the issuing state', cleared.person);
    await pullUntil(() => held(confirmed.adjudicationId));
    const again = (await check(edgeOfficer, 'AM7770001')).json() as Checked & { person: { id: string } | null };
    expect(again.person).not.toBeNull();
    expect(hitIds(again)).toContain(entry.id);

    // The status says how many the node holds; a pull with nothing new sends none.
    const status = (await edgeOfficer.get('/api/edge/status')).json();
    expect(status.clearances.held).toBeGreaterThanOrEqual(2);
    expect(status.clearances.cursor).toMatch(/^\d+:[0-9a-f-]{36}$/);
    const quiet = await pullOnce(edge.app.deps, client, NODE);
    expect(quiet).toMatchObject({ ok: true, applied: { clearances: 0 } });

    // The centre's audit says which part of the feed went to the node's token.
    const sent = (await centre.db.query<{ details: { clearances: { count: number; through: string } | null } }>(
      `SELECT details FROM audit_log WHERE action = 'edge.snapshot' ORDER BY id`,
    )).rows.map((r) => r.details.clearances).filter((c) => c !== null);
    expect(sent.reduce((n, c) => n + c!.count, 0)).toBeGreaterThanOrEqual(2);
    expect(sent.at(-1)!.through).toBe(status.clearances.cursor);
  });

  it('a node that starts empty takes the backlog in pages; a malformed cursor is refused', async () => {
    // Pages of one: each names its last adjudication, and the last page says nothing more waits.
    const pages = [];
    for (let cursor: string | undefined, i = 0; i < 20; i++) {
      const p = await clearancesAfter(centre.db, cursor, 1);
      pages.push(p);
      if (!p.more) break;
      cursor = p.cursor!;
    }
    const ids = pages.flatMap((p) => p.items.map((c) => c.adjudicationId));
    expect(ids.length).toBeGreaterThanOrEqual(2);
    expect(pages.length).toBe(ids.length);
    expect(new Set(ids).size).toBe(ids.length);
    expect(pages.at(-1)!.more).toBe(false);
    expect(pages.slice(0, -1).every((p) => p.more && p.items.length === 1)).toBe(true);

    const r = await client.request('GET', '/api/edge/snapshot');
    expect(r.status).toBe(200);
    const page = (r.body as { clearances: { cursor: string; more: boolean; items: unknown[] } }).clearances;
    expect(page.items.length).toBeGreaterThanOrEqual(2);
    expect(page.items.length).toBeLessThanOrEqual(CLEARANCE_PAGE);
    expect(page.more).toBe(false);
    const next = await client.request('GET', `/api/edge/snapshot?clearances=${encodeURIComponent(page.cursor)}`);
    expect((next.body as { clearances: { items: unknown[]; cursor: string } }).clearances).toMatchObject({ items: [], cursor: page.cursor });
    const bad = await client.request('GET', '/api/edge/snapshot?clearances=12%3Bdrop');
    expect(bad.status).toBe(400);
    // A person's session is not a node.
    expect((await centreOfficer.get('/api/edge/snapshot')).statusCode).toBe(403);
  });
});
