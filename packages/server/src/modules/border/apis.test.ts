import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatPaxlst, type AdvancePassenger } from '@kamurj/domain/border';
import { createTestApp, loginAs, type Client, type TestApp } from '../../testing/test-app.ts';
import { passportMrz, record } from '../../testing/border.ts';

let t: TestApp;
let officer: Client;
let supervisor: Client;

beforeAll(async () => {
  t = await createTestApp();
  officer = await loginAs(t, 'border.officer');
  supervisor = await loginAs(t, 'border.supervisor');
});
afterAll(() => t.close());

// The test clock stands at 2026-11-22 09:00 UTC (13:00 in Yerevan): these flights arrive tonight.
const HEADER = 'Surname,Given names,Date of birth,Sex,Nationality,Document number,Document type,Issuing state,Expiry,Flight,Arrival airport,Scheduled arrival';
const row = (surname: string, given: string, number: string, state: string, extra: { birth?: string; flight?: string; sta?: string } = {}) =>
  [surname, given, extra.birth ?? '1980-03-04', 'M', state, number, 'P', state, '2031-01-01', extra.flight ?? 'FZ717', 'EVN', extra.sta ?? '2026-11-22T18:30'].join(',');
const upload = (c: Client, body: Record<string, unknown>) => c.post('/api/border/apis/manifests', body);
const count = async (sql: string, params: unknown[] = []) => Number((await t.db.query<{ n: string }>(sql, params)).rows[0]?.n);

describe('CSV manifest', () => {
  let manifestId = '';
  let csv = '';
  let watch = '';

  it('loads the good rows, reports the broken ones with their line, and pre-screens every passenger', async () => {
    watch = (await supervisor.post('/api/border/lists/watchlist', { names: ['Գրիգորյան Տիգրան', 'Григорян Тигран'], birthDate: '1971', reason: 'Wanted for questioning', action: 'second_line' })).json().id;
    expect((await supervisor.post('/api/border/lists/document', { number: 'ST7700001', issuingState: 'GBR', documentType: 'passport', status: 'stolen', reportedOn: '2026-06-01' })).statusCode).toBe(201);
    csv = [
      HEADER,
      row('GRIGORYAN', 'TIGRAN', 'AG1971001', 'ARM', { birth: '1971-05-05' }),
      row('BROWN', 'JAMES', 'ST7700001', 'GBR'),
      row('BROKEN', 'DATE', 'XX0000001', 'FRA', { birth: '1990-14-40' }),
      row('OTHER', 'FLIGHT', 'XX0000002', 'FRA', { flight: 'SU1860' }),
      row('LEROY', 'PAUL', 'FR5550001', 'FRA'),
    ].join('\n');
    const res = await upload(officer, { crossingPoint: 'ZVARTNOTS', content: csv });
    expect(res.statusCode).toBe(201);
    const r = res.json();
    manifestId = r.manifest.id;
    expect(r.replayed).toBe(false);
    expect(r.manifest).toMatchObject({ crossingPoint: 'ZVARTNOTS', format: 'csv', flight: 'FZ717', carrier: 'FZ', scheduledArrival: '2026-11-22T18:30', rowsRead: 5 });
    expect(r.manifest.counts).toEqual({ passengers: 3, withHits: 2, hits: 2, adjudicated: 0 });
    expect(r.errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
      [4, 'BORDER.INVALID_DATE'],
      [5, 'BORDER.APIS_OTHER_FLIGHT'],
    ]);

    const detail = (await officer.get(`/api/border/apis/manifests/${manifestId}`)).json();
    const bySurname = new Map(detail.passengers.map((p: { surname: string }) => [p.surname, p]));
    expect([...bySurname.keys()]).toEqual(['GRIGORYAN', 'BROWN', 'LEROY']);
    expect((bySurname.get('GRIGORYAN') as { hits: { source: string; entryId: string }[] }).hits).toMatchObject([{ source: 'watchlist', entryId: watch }]);
    expect((bySurname.get('BROWN') as { hits: unknown[] }).hits).toMatchObject([{ source: 'document', document: { status: 'stolen' } }]);
    expect((bySurname.get('LEROY') as { hits: unknown[] }).hits).toEqual([]);
    const audit = await t.db.query<{ purpose: string }>(`SELECT purpose FROM audit_log WHERE action = 'border.apis.read' AND target_id = $1`, [manifestId]);
    expect(audit.rows.map((a) => a.purpose)).toEqual(['border_control']);

    const list = (await officer.get('/api/border/apis/manifests?crossingPoint=ZVARTNOTS')).json();
    expect(list.items.map((m: { id: string }) => m.id)).toContain(manifestId);
  });

  it('the same file again is a replay: same manifest, nothing written twice', async () => {
    const rowsBefore = await count('SELECT count(*) AS n FROM border_apis_passengers');
    const auditBefore = await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'border.apis.upload'`);
    const again = await upload(officer, { crossingPoint: 'ZVARTNOTS', content: csv.replace(/\n/g, '\r\n') });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ replayed: true, manifest: { id: manifestId } });
    expect(await count('SELECT count(*) AS n FROM border_apis_passengers')).toBe(rowsBefore);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'border.apis.upload'`)).toBe(auditBefore);
  });

  it('a false hit adjudicated on the manifest is counted, needs a reason, and is kept by whom and why', async () => {
    const detail = (await officer.get(`/api/border/apis/manifests/${manifestId}`)).json();
    const p = detail.passengers.find((x: { surname: string }) => x.surname === 'GRIGORYAN');
    const url = `/api/border/apis/passengers/${p.id}/adjudications`;
    expect((await officer.post(url, { entryId: watch, entryVersion: 1, outcome: 'false_hit', reason: '' })).statusCode).toBe(400);
    expect((await officer.post(url, { entryId: watch, entryVersion: 9, outcome: 'false_hit', reason: 'x' })).statusCode).toBe(409);
    const res = await officer.post(url, { entryId: watch, entryVersion: 1, outcome: 'false_hit', reason: 'Born 1971 in Gyumri, the listed person in Vanadzor' });
    expect(res.statusCode).toBe(201);
    expect(res.json().hits[0].adjudication).toMatchObject({ outcome: 'false_hit', by: 'Armen Hakobyan' });
    const list = (await officer.get('/api/border/apis/manifests?crossingPoint=ZVARTNOTS')).json();
    expect(list.items.find((m: { id: string }) => m.id === manifestId).counts.adjudicated).toBe(1);
  });

  it('the console check of a traveller on the manifest says so: flight and pre-screen hits', async () => {
    const res = await officer.post('/api/border/check', { crossingPoint: 'ZVARTNOTS', direction: 'entry', mrz: passportMrz({ surname: 'BROWN', given: 'JAMES', number: 'ST7700001', state: 'GBR' }) });
    expect(res.statusCode).toBe(200);
    expect(res.json().preScreen).toMatchObject({ manifestId, flight: 'FZ717', scheduledArrival: '2026-11-22T18:30', hits: [{ source: 'document' }] });
    const other = await officer.post('/api/border/check', { crossingPoint: 'ZVARTNOTS', direction: 'entry', mrz: passportMrz({ surname: 'BROWN', given: 'JAMES', number: 'ST7700001', state: 'USA' }) });
    expect(other.json().preScreen).toBeNull();
    const exit = await officer.post('/api/border/check', { crossingPoint: 'ZVARTNOTS', direction: 'exit', mrz: passportMrz({ surname: 'LEROY', given: 'PAUL', number: 'FR5550001', state: 'FRA' }) });
    expect(exit.json().preScreen).toBeNull();
  });

  it('a list change before arrival re-screens the manifest; the expected-arrivals panel lists the flagged travellers', async () => {
    const added = (await supervisor.post('/api/border/lists/entry_ban', { names: ['LEROY PAUL'], birthDate: '1980-03-04', reason: 'Expelled 2024', action: 'refuse_entry', ban: { from: '2024-01-01', duration: { years: 10 } } })).json();
    const arrivals = (await officer.get('/api/border/apis/arrivals?crossingPoint=ZVARTNOTS')).json();
    const leroy = arrivals.travellers.find((p: { surname: string }) => p.surname === 'LEROY');
    expect(leroy).toMatchObject({ flight: 'FZ717', hits: [{ source: 'entry_ban', entryId: added.id }] });
    expect(arrivals.flights.find((f: { id: string }) => f.id === manifestId).counts.withHits).toBe(3);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'border.apis.rescreen' AND target_id = $1`, [manifestId])).toBe(1);
    // Read again: the lists did not move, so no second re-screen.
    await officer.get('/api/border/apis/arrivals?crossingPoint=ZVARTNOTS');
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'border.apis.rescreen' AND target_id = $1`, [manifestId])).toBe(1);
  });

  it('a new file for the same flight supersedes the current manifest', async () => {
    const res = await upload(officer, { crossingPoint: 'ZVARTNOTS', content: [HEADER, row('LEROY', 'PAUL', 'FR5550001', 'FRA'), row('DUBOIS', 'ANNE', 'FR5550002', 'FRA')].join('\n') });
    expect(res.statusCode).toBe(201);
    const list = (await officer.get('/api/border/apis/manifests?crossingPoint=ZVARTNOTS')).json();
    expect(list.items.map((m: { id: string }) => m.id)).toEqual([res.json().manifest.id]);
    expect((await officer.get(`/api/border/apis/manifests/${manifestId}`)).json().manifest.supersededBy).toBe(res.json().manifest.id);
  });

  it('a file with no good row is refused and nothing is stored', async () => {
    const before = await count('SELECT count(*) AS n FROM border_apis_manifests');
    const res = await upload(officer, { crossingPoint: 'ZVARTNOTS', content: [HEADER, row('', 'NOBODY', 'XX1', 'FRA'), row('BAD', 'DATE', 'XX2', 'FRA', { birth: 'soon' })].join('\n') });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.issues.map((i: { field: string }) => i.field)).toEqual(['content.row.2', 'content.row.3']);
    const noFlight = await upload(officer, { crossingPoint: 'ZVARTNOTS', content: 'Surname,Document number\nDOE,AB1234567' });
    expect(noFlight.statusCode).toBe(400);
    expect(noFlight.json().error.issues.map((i: { field: string }) => i.field)).toEqual(['body.flightNumber', 'body.scheduledArrival']);
    const given = await upload(officer, { crossingPoint: 'ZVARTNOTS', content: 'Surname,Document number\nDOE,AB1234567', flightNumber: 'hy 601', scheduledArrival: '2026-11-23T02:10' });
    expect(given.statusCode).toBe(201);
    expect(given.json().manifest).toMatchObject({ flight: 'HY601', carrier: 'HY', arrivalDate: '2026-11-23' });
    expect(await count('SELECT count(*) AS n FROM border_apis_manifests')).toBe(before + 1);
  });
});

describe('known persons', () => {
  it('a false hit adjudicated on the manifest enters the person’s memory: the booth no longer stops them', async () => {
    const w = (await supervisor.post('/api/border/lists/watchlist', { names: ['Սարգսյան Արթուր'], birthDate: '1979', reason: 'Interpol notice', action: 'second_line' })).json();
    const mrz = passportMrz({ surname: 'SARGSYAN', given: 'ARTUR', number: 'AK7900001', state: 'ARM', birth: '1979-02-02' });
    const crossing = await record(officer, { crossingPoint: 'ZVARTNOTS', direction: 'exit', mrz, decision: 'admit', registerPerson: true });
    const personId = crossing.json().crossing.personId;
    const up = await upload(officer, { crossingPoint: 'ZVARTNOTS', content: [HEADER, row('SARGSYAN', 'ARTUR', 'AK7900001', 'ARM', { birth: '1979-02-02', flight: 'RM1002', sta: '2026-11-22T20:00' })].join('\n') });
    const detail = (await officer.get(`/api/border/apis/manifests/${up.json().manifest.id}`)).json();
    const p = detail.passengers[0];
    expect(p.person).toMatchObject({ id: personId, sameDocument: true });
    expect(p.hits.map((h: { entryId: string }) => h.entryId)).toEqual([w.id]);
    expect((await officer.post(`/api/border/apis/passengers/${p.id}/adjudications`, { entryId: w.id, entryVersion: 1, outcome: 'false_hit', reason: 'Other father’s name' })).statusCode).toBe(201);
    const booth = (await officer.post('/api/border/check', { crossingPoint: 'ZVARTNOTS', direction: 'entry', mrz })).json();
    expect(booth.hits.map((h: { entryId: string }) => h.entryId)).not.toContain(w.id);
    expect(booth.suppressed.map((h: { entryId: string }) => h.entryId)).toContain(w.id);
    expect(booth.preScreen).toMatchObject({ flight: 'RM1002', hits: [{ entryId: w.id, adjudication: { outcome: 'false_hit' } }] });
  });
});

describe('PAXLST manifest', () => {
  const pax = (surname: string, givenNames: string, number: string, state: string, role: 'passenger' | 'crew' = 'passenger'): AdvancePassenger => ({
    role,
    surname,
    givenNames,
    birthDate: '1985-01-02',
    sex: 'M',
    nationality: state,
    document: { number, type: 'P', issuingState: state, expiryDate: '2030-01-01' },
    flight: { number: null, arrivalAirport: null, scheduledArrival: null },
    source: { row: 0 },
  });

  it('is read with the crossing point found from the arrival airport, crew included', async () => {
    const text = formatPaxlst({
      sender: 'SU',
      recipient: 'AMNSSBG',
      interchangeRef: 'IC0001',
      flight: 'SU1860',
      departureAirport: 'SVO',
      arrivalAirport: 'EVN',
      scheduledArrival: '2026-11-22T21:05',
      passengers: [pax('IVANOV', 'PETR', '720000001', 'RUS'), pax('SIDOROVA', 'ANNA', '720000002', 'RUS', 'crew')],
    });
    const res = await upload(officer, { content: text });
    expect(res.statusCode).toBe(201);
    expect(res.json().manifest).toMatchObject({ crossingPoint: 'ZVARTNOTS', format: 'paxlst', flight: 'SU1860', departureAirport: 'SVO', sourceRef: 'IC0001', counts: { passengers: 2 } });
    const detail = (await officer.get(`/api/border/apis/manifests/${res.json().manifest.id}`)).json();
    expect(detail.passengers.map((p: { role: string; source: unknown }) => [p.role, p.source])).toEqual([
      ['passenger', { segment: 8 }],
      ['crew', { segment: 15 }],
    ]);
    // The same interchange for Shirak airport is refused: the file says EVN.
    const wrong = await upload(supervisor, { crossingPoint: 'SHIRAK', content: text });
    expect(wrong.statusCode).toBe(403);
  });

  it('reports broken segments and loads the rest', async () => {
    const text = formatPaxlst({
      sender: 'FZ',
      recipient: 'AMNSSBG',
      interchangeRef: 'IC0002',
      flight: 'FZ719',
      departureAirport: 'DXB',
      arrivalAirport: 'EVN',
      scheduledArrival: '2026-11-22T23:55',
      passengers: [pax('KHAN', 'IMRAN', 'PK1000001', 'PAK'), pax('NOOR', 'ALI', 'PK1000002', 'PAK')],
    }).replace("DTM+329:850102'\nNAT+2+PAK'\nDOC+P:110:111+PK1000002'", "DTM+329:85X102'\nNAT+2+PAK'\nDOC+P:110:111+PK1000002'");
    const res = await upload(officer, { content: text });
    expect(res.statusCode).toBe(201);
    expect(res.json().manifest.counts.passengers).toBe(2);
    expect(res.json().errors).toMatchObject([{ segment: 17, code: 'BORDER.INVALID_DATE' }]);
  });
});

describe('access', () => {
  const content = [HEADER, row('NIELSEN', 'ANDERS', 'DK1000001', 'DNK', { flight: 'LO725', sta: '2026-11-22T16:00' })].join('\n');

  it('follows the arrival point: an officer of Zvartnots not at Shirak, the Tavush supervisor not at Zvartnots, case workers not at all', async () => {
    expect((await upload(officer, { crossingPoint: 'SHIRAK', content })).statusCode).toBe(403);
    expect((await upload(supervisor, { crossingPoint: 'ZVARTNOTS', content })).statusCode).toBe(403);
    const caseWorker = await loginAs(t, 'case.worker');
    expect((await upload(caseWorker, { crossingPoint: 'ZVARTNOTS', content })).statusCode).toBe(403);
    expect((await supervisor.get('/api/border/apis/manifests?crossingPoint=ZVARTNOTS')).statusCode).toBe(403);
    expect((await upload(officer, { crossingPoint: 'NOWHERE', content })).statusCode).toBe(404);
  });

  it('an airline gateway token uploads for its airport but reads no passenger', async () => {
    const admin = await loginAs(t, 'admin');
    const juris = (await admin.get('/api/jurisdictions')).json().items as { id: string; code: string }[];
    const created = await admin.post('/api/tokens', { name: 'PNR gateway', actions: ['border.apis.submit'], jurisdictionIds: [juris.find((j) => j.code === 'ZVARTNOTS')!.id] });
    expect(created.statusCode).toBe(201);
    const headers = { authorization: `Bearer ${created.json().secret}`, 'content-type': 'application/json' };
    const res = await t.app.inject({ method: 'POST', url: '/api/border/apis/manifests', headers, payload: JSON.stringify({ content }) });
    expect(res.statusCode).toBe(201);
    expect(res.json().manifest).toMatchObject({ crossingPoint: 'ZVARTNOTS', flight: 'LO725', counts: { passengers: 1 } });
    const read = await t.app.inject({ method: 'GET', url: `/api/border/apis/manifests/${res.json().manifest.id}`, headers });
    expect(read.statusCode).toBe(403);
    const elsewhere = await t.app.inject({ method: 'POST', url: '/api/border/apis/manifests', headers, payload: JSON.stringify({ crossingPoint: 'SHIRAK', content: content.replace(/EVN/g, 'LWN') }) });
    expect(elsewhere.statusCode).toBe(403);
  });
});
