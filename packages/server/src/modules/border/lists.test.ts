import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { access } from '@kamurj/domain';
import { createTestApp, loginAs, type Client, type TestApp } from '../../testing/test-app.ts';
import { passportMrz } from '../../testing/border.ts';

let t: TestApp;
let supervisor: Client;
let officer: Client;

beforeAll(async () => {
  t = await createTestApp();
  supervisor = await loginAs(t, 'border.supervisor');
  officer = await loginAs(t, 'border.officer');
});
afterAll(() => t.close());

describe('lists administration', () => {
  it('imports lost/stolen/revoked documents from CSV: broken rows reported, the rest loaded and screened', async () => {
    const csv = [
      'Document number,Issuing state,Type,Status,Date reported',
      'QX1000001,FRA,passport,stolen,2026-03-01',
      'QX1000002,FRA,P,lost,02.03.2026',
      ',FRA,passport,lost,2026-03-01',
      'QX1000004,FRA,passport,missing,2026-03-01',
      'QX1000005,FRA,passport,revoked,2026-31-01',
      'QX1000006,FRA,passport,revoked,2026-04-01',
    ].join('\n');
    const res = await supervisor.post('/api/border/lists/document/import', { csv });
    expect(res.statusCode).toBe(200);
    const r = res.json();
    expect(r).toMatchObject({ rowsRead: 6, loaded: 3 });
    expect(r.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([[4, 'number'], [5, 'status'], [6, 'reportedOn']]);
    const again = (await supervisor.post('/api/border/lists/document/import', { csv })).json();
    expect(again).toMatchObject({ loaded: 0, alreadyListed: 3 });
    const hit = (await officer.post('/api/border/check', { crossingPoint: 'ZVARTNOTS', direction: 'entry', mrz: passportMrz({ surname: 'MARTIN', given: 'LUC', number: 'QX1000006', state: 'FRA' }) })).json();
    expect(hit.hits).toMatchObject([{ source: 'document', document: { status: 'revoked' } }]);
    const list = (await officer.get('/api/border/lists/document?q=qx10000&limit=50')).json();
    expect(list.total).toBe(3);
  });

  it('only the owning agency manages entries; officers read; withdrawn entries stop hitting', async () => {
    const entry = { names: ['ZARUBIN KONSTANTIN'], birthDate: '1977', reason: 'Customs fraud', action: 'notify_agency' };
    expect((await officer.post('/api/border/lists/watchlist', entry)).statusCode).toBe(403);
    const created = (await supervisor.post('/api/border/lists/watchlist', entry)).json();
    expect(created).toMatchObject({ kind: 'watchlist', version: 1, active: true, agency: 'NSS-BG' });
    const mcs = await loginAs(t, 'case.worker');
    expect((await mcs.patch(`/api/border/entries/${created.id}`, { version: 1, active: false })).statusCode).toBe(403);
    const mrz = passportMrz({ surname: 'ZARUBIN', given: 'KONSTANTIN', number: '751112223', state: 'RUS', birth: '1977-05-05' });
    const check = () => officer.post('/api/border/check', { crossingPoint: 'ZVARTNOTS', direction: 'entry', mrz });
    expect((await check()).json().hits.map((h: { entryId: string }) => h.entryId)).toContain(created.id);
    const withdrawn = await supervisor.patch(`/api/border/entries/${created.id}`, { version: 1, active: false });
    expect(withdrawn.json()).toMatchObject({ version: 2, active: false });
    expect((await check()).json().hits).toEqual([]);
    expect((await supervisor.patch(`/api/border/entries/${created.id}`, { version: 1, active: true })).statusCode).toBe(409);
    const ban = await supervisor.post('/api/border/lists/entry_ban', { ...entry, action: 'refuse_entry' });
    expect(ban.statusCode).toBe(400);
  });

  it('machine tokens can never manage lists', () => {
    expect(access.MACHINE_ACTIONS).not.toContain('watchlist.manage');
    const token: access.Actor = { kind: 'token', id: 't', agencyId: 'a', roles: [], scopes: ['ARM'], tokenActions: ['border.crossing.record'] };
    expect(access.can(token, 'watchlist.manage', { agencyId: 'a' })).toBe(false);
  });
});
