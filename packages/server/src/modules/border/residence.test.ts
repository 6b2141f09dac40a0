import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Client, type TestApp } from '../../testing/test-app.ts';
import { passportMrz, record } from '../../testing/border.ts';

let t: TestApp;
let officer: Client;

beforeAll(async () => {
  t = await createTestApp();
  officer = await loginAs(t, 'border.officer');
});
afterAll(() => t.close());

const DAY = 86_400_000;
const at = (c: Client, mrz: string, direction: 'entry' | 'exit', occurredAt: string, extra: Record<string, unknown> = {}) =>
  record(c, { crossingPoint: 'ZVARTNOTS', direction, mrz, decision: 'admit', occurredAt, registerPerson: true, ...extra });

describe('stay position and the irregular-residence register', () => {
  it('recomputes after each crossing; the register follows the clock; an exit ends it and leaves an earlier-overstay hit', async () => {
    // Clock: 2026-11-22. A US citizen entered on 30 May: 177 days used in the calendar year, within 180.
    const mrz = passportMrz({ surname: 'WALKER', given: 'JAMES', number: 'US5550123', state: 'USA' });
    const entry = await at(officer, mrz, 'entry', '2026-05-30T08:00:00Z');
    expect(entry.statusCode).toBe(201);
    const personId = entry.json().crossing.personId as string;
    expect(entry.json().stay.position).toMatchObject({ kind: 'counted', present: true });
    expect(entry.json().stay.lastLawfulDay).toBe('2026-11-25');

    let mcs = await loginAs(t, 'case.worker');
    const before = (await mcs.get('/api/border/irregular?limit=200')).json();
    expect(before.items.map((i: { personId: string }) => i.personId)).not.toContain(personId);
    // The person belongs to Zvartnots, outside this case worker's territory: the border reads the indicator.
    expect((await mcs.get(`/api/border/persons/${personId}/stay`)).statusCode).toBe(403);
    const stay = (await officer.get(`/api/border/persons/${personId}/stay`)).json();
    expect(stay).toMatchObject({ irregular: false, present: true, lastLawfulDay: '2026-11-25', position: { kind: 'counted', daysUsed: 177, daysRemaining: 3 } });

    // Ten days later (a new session: the old one has expired) the person is irregular, 7 days over.
    t.clock.advance(10 * DAY);
    mcs = await loginAs(t, 'case.worker');
    const after = (await mcs.get('/api/border/irregular?nationality=USA&limit=200')).json();
    const item = after.items.find((i: { personId: string }) => i.personId === personId);
    expect(item).toMatchObject({ lastLawfulDay: '2026-11-25', daysOverstayed: 7, nationality: 'USA', crossingPoint: 'ZVARTNOTS', name: 'WALKER JAMES' });
    expect((await mcs.get('/api/border/irregular?minDays=8&limit=200')).json().items.map((i: { personId: string }) => i.personId)).not.toContain(personId);
    officer = await loginAs(t, 'border.officer');
    const why = (await officer.get(`/api/border/persons/${personId}/stay`)).json();
    expect(why).toMatchObject({ irregular: true, daysOverstayed: 7, position: { kind: 'counted', overstayDays: 7, indicator: { irregular: true, reason: { code: 'STAY.OVERSTAY_CALENDAR_YEAR' } } } });
    const audit = await t.db.query<{ purpose: string }>(`SELECT purpose FROM audit_log WHERE action = 'border.irregular.list' ORDER BY id DESC LIMIT 1`);
    expect(audit.rows[0]?.purpose).toBe('border_control');

    // He leaves: no longer in the register; his next arrival shows the earlier overstay.
    const exit = await at(officer, mrz, 'exit', new Date(t.clock.ms).toISOString(), { personId });
    expect(exit.statusCode).toBe(201);
    expect(exit.json().crossing.stay).toMatchObject({ kind: 'counted', overstayDays: 7 });
    expect((await mcs.get('/api/border/irregular?limit=200')).json().items.map((i: { personId: string }) => i.personId)).not.toContain(personId);
    const next = (await officer.post('/api/border/check', { crossingPoint: 'ZVARTNOTS', direction: 'entry', mrz })).json();
    expect(next.person.id).toBe(personId);
    expect(next.history.map((h: { source: string }) => h.source)).toContain('overstay');
  });

  it('citizens are exempt; Iranian citizens count 90 days in 180', async () => {
    const arm = (await officer.post('/api/border/check', { crossingPoint: 'ZVARTNOTS', direction: 'entry', mrz: passportMrz({ surname: 'MKRTCHYAN', given: 'SUREN', number: 'AZ0001112', state: 'ARM' }) })).json();
    expect(arm.stay.position).toEqual({ kind: 'exempt', reason: 'citizen' });
    const irn = (await officer.post('/api/border/check', { crossingPoint: 'ZVARTNOTS', direction: 'entry', mrz: passportMrz({ surname: 'REZAEI', given: 'ALI', number: 'K12345678', state: 'IRN' }) })).json();
    expect(irn.stay.rule).toEqual({ kind: 'rolling', maxDays: 90, windowDays: 180 });
    expect(irn.stay.position).toMatchObject({ kind: 'counted', daysRemaining: 89 });
  });

  it('the border officer may not read the register', async () => {
    expect((await officer.get('/api/border/irregular')).statusCode).toBe(403);
  });
});

describe('referrals hand a traveller over to the responsible agency, which acknowledges', () => {
  it('asylum → MCS: open until a case worker acknowledges (audited); another agency cannot', async () => {
    const mrz = passportMrz({ surname: 'HADDAD', given: 'OMAR', number: 'N00998877', state: 'SYR' });
    const res = await record(officer, { crossingPoint: 'ZVARTNOTS', direction: 'entry', mrz, decision: 'second_line', reason: 'Asylum request at the counter', registerPerson: true, referrals: [{ kind: 'asylum', note: 'Asks for protection' }, { kind: 'trafficking' }] });
    expect(res.statusCode).toBe(201);
    const handovers = res.json().handovers as { id: string; kind: string; agency: string; state: string }[];
    expect(handovers.map((h) => [h.kind, h.agency, h.state])).toEqual([['asylum', 'MCS', 'open'], ['trafficking', 'POLICE', 'open']]);
    const asylum = handovers.find((h) => h.kind === 'asylum')!;
    const police = handovers.find((h) => h.kind === 'trafficking')!;

    const mcs = await loginAs(t, 'case.worker');
    const open = (await mcs.get('/api/border/handovers')).json();
    expect(open.items.map((h: { id: string }) => h.id)).toContain(asylum.id);
    expect(open.items.map((h: { id: string }) => h.id)).not.toContain(police.id);
    expect((await officer.post(`/api/border/handovers/${asylum.id}/acknowledge`, {})).statusCode).toBe(403);
    expect((await mcs.post(`/api/border/handovers/${police.id}/acknowledge`, {})).statusCode).toBe(403);
    const ack = await mcs.post(`/api/border/handovers/${asylum.id}/acknowledge`, { note: 'Reception centre informed' });
    expect(ack.statusCode).toBe(200);
    expect(ack.json()).toMatchObject({ state: 'acknowledged', acknowledgedBy: 'Narek Avetisyan', acknowledgementNote: 'Reception centre informed' });
    expect((await mcs.post(`/api/border/handovers/${asylum.id}/acknowledge`, {})).statusCode).toBe(409);
    const console = (await officer.get(`/api/border/crossings/${res.json().crossing.id}`)).json();
    expect(console.handovers.find((h: { id: string }) => h.id === asylum.id).state).toBe('acknowledged');
    const audit = await t.db.query(`SELECT 1 FROM audit_log WHERE action = 'border.handover.acknowledge' AND target_id = $1`, [asylum.id]);
    expect(audit.rows.length).toBe(1);
  });
});
