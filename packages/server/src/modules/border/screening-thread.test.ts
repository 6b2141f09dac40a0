import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Client, type TestApp } from '../../testing/test-app.ts';
import { passportMrz, record } from '../../testing/border.ts';
import { placeScreening, screeningInThread, screeningStats, screeningThreadOf } from './screening-cache.ts';
import { ScreeningThread, screeningMessages } from './screening-thread.ts';

/**
 * Screening in its own thread (ADR 0510): the same answers as on the event loop, list changes reach the
 * thread, adjudications travel with the request, and a thread that dies leaves screening on the event loop.
 */
let t: TestApp;
let officer: Client;
let supervisor: Client;

beforeAll(async () => {
  t = await createTestApp({ KAMURJ_SCREENING_THREAD: 'on' });
  officer = await loginAs(t, 'border.officer');
  supervisor = await loginAs(t, 'border.supervisor');
});
afterAll(() => t.close());

const check = (mrz: string) => officer.post('/api/border/check', { crossingPoint: 'ZVARTNOTS', direction: 'entry', mrz });
const ids = (hits: { source: string; entryId: string }[]) => hits.map((h) => `${h.source}:${h.entryId}`);

describe('screening in the thread', () => {
  it('answers a check as the event loop does, and a list change reaches it before the next check', async () => {
    const w = (await supervisor.post('/api/border/lists/watchlist', { names: ['Оганесян Арамаис'], birthDate: '1975', reason: 'Wanted for questioning', action: 'second_line' })).json();
    const d = (await supervisor.post('/api/border/lists/document', { number: 'LS7700112', issuingState: 'GBR', documentType: 'passport', status: 'stolen', reportedOn: '2026-01-10' })).json();
    const mrz = passportMrz({ surname: 'HOVHANNISYAN', given: 'ARAMAIS', number: 'LS7700112', state: 'GBR', birth: '1975-06-07' });

    const inThread = await check(mrz);
    expect(inThread.statusCode).toBe(200);
    expect(screeningInThread(t.db)).toBe(true);
    expect(ids(inThread.json().hits)).toEqual(expect.arrayContaining([`watchlist:${w.id}`, `document:${d.id}`]));

    placeScreening(t.db, 'event-loop');
    const onLoop = await check(mrz);
    expect(screeningInThread(t.db)).toBe(false);
    expect(onLoop.json().hits).toEqual(inThread.json().hits);
    placeScreening(t.db, 'thread');

    const before = screeningStats.rebuilds;
    const ban = (await supervisor.post('/api/border/lists/entry_ban', { names: ['HOVHANNISYAN ARAMAIS'], birthDate: '1975-06-07', reason: 'Deported 2025', action: 'refuse_entry', ban: { from: '2025-01-01', duration: { years: 5 } } })).json();
    const after = await check(mrz);
    expect(screeningInThread(t.db)).toBe(true);
    expect(screeningStats.rebuilds).toBeGreaterThan(before);
    expect(ids(after.json().hits)).toEqual(expect.arrayContaining([`watchlist:${w.id}`, `document:${d.id}`, `entry_ban:${ban.id}`]));
  });

  it('suppresses a false hit adjudicated for the person, as on the event loop', async () => {
    const w = (await supervisor.post('/api/border/lists/watchlist', { names: ['Саргсян Ашот'], birthDate: '1980', reason: 'Interpol notice', action: 'second_line' })).json();
    const mrz = passportMrz({ surname: 'SARGSYAN', given: 'ASHOT', number: 'AP2020202', state: 'ARM', birth: '1980-03-04' });
    const sent = await record(officer, { crossingPoint: 'ZVARTNOTS', direction: 'entry', mrz, decision: 'second_line', reason: 'Watchlist hit', registerPerson: true });
    expect(sent.statusCode).toBe(201);
    const personId = sent.json().crossing.personId;
    expect((await officer.post('/api/border/adjudications', { personId, entryId: w.id, entryVersion: 1, outcome: 'false_hit', reason: 'Different birthplace' })).statusCode).toBe(201);
    const again = (await check(mrz)).json();
    expect(screeningInThread(t.db)).toBe(true);
    expect(ids(again.hits)).not.toContain(`watchlist:${w.id}`);
    expect(ids(again.suppressed)).toContain(`watchlist:${w.id}`);
  });

  it('a thread that dies leaves screening on the event loop, with the same hits', async () => {
    const mrz = passportMrz({ surname: 'HOVHANNISYAN', given: 'ARAMAIS', number: 'LS7700112', state: 'GBR', birth: '1975-06-07' });
    const first = (await check(mrz)).json();
    await screeningThreadOf(t.db)!.kill();
    const warn = console.warn;
    const warned: string[] = [];
    console.warn = (m: string) => warned.push(m);
    try {
      const second = await check(mrz);
      expect(second.statusCode).toBe(200);
      expect(second.json().hits).toEqual(first.hits);
      expect(screeningInThread(t.db)).toBe(false);
    } finally {
      console.warn = warn;
    }
    const recorded = await record(officer, { crossingPoint: 'ZVARTNOTS', direction: 'entry', mrz, decision: 'refuse', refusal: { code: 'false_document' } });
    expect(recorded.statusCode).toBe(201);
  });
});

describe('batches (ADR 0525)', () => {
  it('screenings asked for together travel in one message, and each gets its own answer or error', async () => {
    const thread = new ScreeningThread();
    try {
      const entry = { id: 'w1', list_id: 'L', kind: 'watchlist', version: 1, active: true, agency_code: 'NSS', agency_id: 'a', data: { names: ['HOVHANNISYAN ARAMAIS'], birthDate: '1975-06-07', reason: 'r', action: 'second_line' }, created_at: new Date(0), created_by: null, updated_at: new Date(0), updated_by: null };
      await thread.ensure(['L'], new Map([['L', 1]]), async () => JSON.stringify([entry]));
      const before = { ...screeningMessages };
      const ask = (name: string, listIds = ['L']) => thread.screen({ type: 'screen', listIds, traveller: { name, birthDate: { year: 1975, month: 6, day: 7 } }, date: '2026-11-24' });
      const answers = await Promise.allSettled([ask('HOVHANNISYAN ARAMAIS'), ask('PETROSYAN ANNA'), ask('HOVHANNISYAN ARAMAIS', ['missing'])]);
      expect({ messages: screeningMessages.messages - before.messages, screenings: screeningMessages.screenings - before.screenings }).toEqual({ messages: 1, screenings: 3 });
      expect(answers.map((a) => (a.status === 'fulfilled' ? a.value.hits.map((h) => h.entryId) : String(a.reason)))).toEqual([['w1'], [], 'Error: screening thread: list missing is not loaded in the screening thread']);
      // One asked for on its own goes on its own, at once.
      expect((await ask('HOVHANNISYAN ARAMAIS')).hits.map((h) => h.entryId)).toEqual(['w1']);
      expect(screeningMessages.messages - before.messages).toBe(2);
      // A request that cannot be sent fails alone; the others of its batch are answered.
      const unsendable = thread.screen({ type: 'screen', listIds: ['L'], traveller: { name: 'X', otherNames: [() => 'no'] as unknown as string[] }, date: '2026-11-24' });
      const [good, bad] = await Promise.allSettled([ask('HOVHANNISYAN ARAMAIS'), unsendable]);
      expect(good.status === 'fulfilled' && good.value.hits.map((h) => h.entryId)).toEqual(['w1']);
      expect(bad.status).toBe('rejected');
    } finally {
      await thread.close();
    }
  });
});

describe('auto', () => {
  it('small lists are screened on the event loop', async () => {
    const small = await createTestApp();
    try {
      const o = await loginAs(small, 'border.officer');
      const r = await o.post('/api/border/check', { crossingPoint: 'ZVARTNOTS', direction: 'entry', mrz: passportMrz({ surname: 'NAZARYAN', given: 'ANI', number: 'AN5050505', state: 'ARM' }) });
      expect(r.statusCode).toBe(200);
      expect(screeningInThread(small.db)).toBe(false);
      expect(screeningThreadOf(small.db)).toBeNull();
    } finally {
      await small.close();
    }
  });
});
