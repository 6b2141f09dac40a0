import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loginAs, type Client, type TestApp } from '../../testing/test-app.ts';
import { passportMrz, record } from '../../testing/border.ts';
import type { CentreClient } from './centre-client.ts';
import { pullOnce } from './puller.ts';
import { pushOnce } from './pusher.ts';
import { edgePair, pullUntil as pullUntilAt } from './testing.ts';

// The receiving agency acknowledges a referral at the centre; the post that made it sees the state (ADR 0516).
let centre: TestApp;
let edge: TestApp;
let client: CentreClient;
let edgeOfficer: Client;
const NODE = 'zvartnots-ho';

beforeAll(async () => {
  ({ centre, edge, client } = await edgePair(NODE));
  expect((await pullOnce(edge.app.deps, client, NODE)).ok).toBe(true);
  edgeOfficer = await loginAs(edge, 'border.officer');
});
afterAll(async () => {
  await Promise.all([centre?.close(), edge?.close()]);
});

type Handover = { id: string; kind: string; state: string; acknowledgedBy: string | null; acknowledgedAt: string | null; acknowledgementNote: string | null };
const handoversAtPost = async (crossingId: string) => ((await edgeOfficer.get(`/api/border/crossings/${crossingId}`)).json().handovers as Handover[]).sort((a, b) => a.kind.localeCompare(b.kind));

const pullUntil = (done: () => Promise<boolean>) => pullUntilAt(edge, client, NODE, done);

describe('handover acknowledgements reach the post that made the referral', () => {
  it('the agency acknowledges at the centre; the post shows who and when, not the agency’s note', async () => {
    const mrz = passportMrz({ surname: 'HOSSEINI', given: 'LEILA', number: 'K88120034', state: 'IRN', birth: '1994-05-11', sex: 'F' });
    const made = await record(edgeOfficer, { crossingPoint: 'ZVARTNOTS', direction: 'entry', mrz, decision: 'second_line', reason: 'Asylum request at the counter', registerPerson: true, referrals: [{ kind: 'asylum', note: 'Asks for protection' }, { kind: 'trafficking' }] });
    expect(made.statusCode).toBe(201);
    const crossingId = made.json().crossing.id as string;
    expect((await handoversAtPost(crossingId)).map((h) => [h.kind, h.state])).toEqual([['asylum', 'open'], ['trafficking', 'open']]);
    expect(await pushOnce(edge.app.deps, client, NODE)).toMatchObject({ delivered: 1, failure: null });

    // At the centre the migration service acknowledges the asylum referral; the police's stays open.
    const mcs = await loginAs(centre, 'case.worker');
    const open = (await mcs.get('/api/border/handovers')).json().items as { id: string; crossingId: string; kind: string }[];
    const asylum = open.find((h) => h.crossingId === crossingId && h.kind === 'asylum')!;
    expect(asylum).toBeTruthy();
    const ack = await mcs.post(`/api/border/handovers/${asylum.id}/acknowledge`, { note: 'Taken to the reception centre in Yeghegnadzor' });
    expect(ack.statusCode).toBe(200);

    await pullUntil(async () => (await handoversAtPost(crossingId))[0]!.state === 'acknowledged');
    const [a, t] = await handoversAtPost(crossingId);
    expect(a).toMatchObject({ kind: 'asylum', state: 'acknowledged', acknowledgedBy: 'Narek Avetisyan', acknowledgedAt: ack.json().acknowledgedAt, acknowledgementNote: null });
    expect(t).toMatchObject({ kind: 'trafficking', state: 'open' });

    // Nothing new: nothing applied. Another node gets none of this node's referrals.
    expect(await pullOnce(edge.app.deps, client, NODE)).toMatchObject({ ok: true, applied: { handovers: 0 } });
    const other = await client.request('GET', '/api/edge/snapshot?node=bagratashen-1');
    expect((other.body as { handovers: { items: unknown[] } }).handovers.items).toEqual([]);
    const bad = await client.request('GET', '/api/edge/snapshot?node=x&handovers=1:2');
    expect(bad.status).toBe(400);

    // Audited at both ends.
    const sent = (await centre.db.query<{ details: { handovers: { node: string; count: number } | null } }>(`SELECT details FROM audit_log WHERE action = 'edge.snapshot' ORDER BY id`)).rows
      .map((r) => r.details.handovers).filter((h) => h !== null);
    expect(sent).toEqual([expect.objectContaining({ node: NODE, count: 1 })]);
    const pulled = (await edge.db.query<{ details: { handovers: number } }>(`SELECT details FROM audit_log WHERE action = 'edge.pull' ORDER BY id`)).rows.map((r) => r.details.handovers ?? 0);
    expect(pulled.reduce((x, y) => x + y, 0)).toBe(1);
  });
});
