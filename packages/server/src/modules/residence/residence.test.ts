import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Client, type TestApp } from '../../testing/test-app.ts';
import { passportMrz, record } from '../../testing/border.ts';

let t: TestApp;
let officer: Client;
let mcs: Client;

beforeAll(async () => {
  t = await createTestApp();
  officer = await loginAs(t, 'border.officer');
  mcs = await loginAs(t, 'case.worker');
});
afterAll(() => t.close());

const HEADER = 'evisa_number,surname,given_names,birth_date,sex,nationality,passport_number,valid_from,valid_to,stay_days,entries';
const stayOf = async (personId: string) => (await t.db.query<{ last_lawful_day: string | null; position: { kind: string } }>('SELECT last_lawful_day, position FROM border_stay_positions WHERE person_id = $1', [personId])).rows[0];

/** A person of the case worker's territory (Yerevan) who entered at Zvartnots on `entered`. */
async function yerevanTraveller(surname: string, given: string, passport: string, nationality: string, entered: string): Promise<string> {
  const created = await mcs.post('/api/persons', {
    person: { names: [{ surname, givenNames: given }], birthDate: '1990-04-05', sex: 'M', citizenships: [{ code: nationality }], registeredIn: 'AM-ER', documents: [{ type: 'passport', number: passport, issuingState: nationality }] },
  });
  expect(created.statusCode).toBe(201);
  const personId = created.json().person.id as string;
  const mrz = passportMrz({ surname, given, number: passport, state: nationality, birth: '1990-04-05' });
  const entry = await record(officer, { crossingPoint: 'ZVARTNOTS', direction: 'entry', mrz, decision: 'admit', occurredAt: `${entered}T08:00:00Z`, personId });
  expect(entry.statusCode).toBe(201);
  return personId;
}

describe('e-visa import feeds the stay engine', () => {
  it('loads good rows, reports broken ones by line, is idempotent, and the holder’s stay position changes', async () => {
    // Clock 2026-11-22. An Indian citizen entered on 1 May: 180 days in the calendar year ended on 27 October.
    const personId = await yerevanTraveller('SHARMA', 'RAVI', 'Z1234567', 'IND', '2026-05-01');
    const before = await stayOf(personId);
    expect(before).toMatchObject({ last_lawful_day: '2026-10-27', position: { kind: 'counted' } });
    const irregular = async () => (await mcs.get('/api/border/irregular?limit=200')).json().items.map((i: { personId: string }) => i.personId);
    expect(await irregular()).toContain(personId);

    const file = [
      HEADER,
      'EV-0001,SHARMA,RAVI,1990-04-05,M,IND,Z1234567,2026-11-01,2027-01-31,120,single',
      'EV-0002,ПЕТРОВА,АННА,1985-01-02,F,RUS,7512345678,2026-11-01,2027-01-31,120,multiple',
      'EV-0003,DOE,JANE,1985-02-30,F,USA,X1,2026-11-01,2027-01-31,120,single',
      'EV-0004,ROE,RICHARD,1970-01-01,M,GBR,123456789,2026-11-01,2027-01-31,45,single',
    ].join('\n');
    // Border officers read visas but do not import them.
    expect((await officer.post('/api/residence/evisa-imports', { fileName: 'mfa.csv', content: file })).statusCode).toBe(403);
    const first = await mcs.post('/api/residence/evisa-imports', { fileName: 'mfa-2026-11-22.csv', content: file });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ rowsRead: 4, loaded: 2, unchanged: 0, personsMatched: 1, personsCreated: 1 });
    expect(first.json().errors.map((e: { row: number; code: string }) => [e.row, e.code])).toEqual([
      [4, 'RESIDENCE.BAD_DATE'],
      [5, 'RESIDENCE.STAY_NOT_OFFERED'],
    ]);

    // The holder was matched by passport; the visa is a document of his and covers today: lawful until it ends.
    expect(await stayOf(personId)).toMatchObject({ last_lawful_day: '2027-01-31', position: { kind: 'covered', by: 'visa', until: '2027-01-31' } });
    expect(await irregular()).not.toContain(personId);
    const stay = (await officer.get(`/api/border/persons/${personId}/stay`)).json();
    expect(stay.position).toMatchObject({ kind: 'covered', by: 'visa' });

    // The same file again changes nothing; a changed row is reported, not overwritten.
    expect((await mcs.post('/api/residence/evisa-imports', { fileName: 'mfa-2026-11-22.csv', content: file })).json()).toMatchObject({ loaded: 0, unchanged: 2, personsCreated: 0 });
    const changed = file.replace('2027-01-31,120,multiple', '2027-02-28,120,multiple');
    const third = (await mcs.post('/api/residence/evisa-imports', { fileName: 'mfa.csv', content: changed })).json();
    expect(third.errors.find((e: { row: number }) => e.row === 3)?.code).toBe('RESIDENCE.VISA_DIFFERS');
    const missing = await mcs.post('/api/residence/evisa-imports', { fileName: 'x.csv', content: 'number,surname\nEV,X' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.issues.map((i: { field: string }) => i.field)).toContain('body.content.validTo');

    // Listing and reading are audited; withdrawing the visa makes the overstay visible again.
    const list = (await mcs.get('/api/residence/visas?q=EV-0001')).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({ number: 'EV-0001', type: 'e_visa', eVisa: true, personId, state: 'in_force', source: 'import' });
    const visaId = list.items[0].id as string;
    expect((await mcs.get(`/api/residence/visas/${visaId}`)).statusCode).toBe(200);
    const audits = (await t.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE action LIKE 'residence.%'`)).rows.map((r) => r.action);
    expect(audits).toEqual(expect.arrayContaining(['residence.evisa.import', 'residence.visa.create', 'residence.visa.list', 'residence.visa.read']));
    const withdrawn = await mcs.post(`/api/residence/visas/${visaId}/withdraw`, { reason: 'Issued in error' });
    expect(withdrawn.json()).toMatchObject({ state: 'withdrawn' });
    expect((await mcs.post(`/api/residence/visas/${visaId}/withdraw`, { reason: 'again' })).statusCode).toBe(409);
    expect(await stayOf(personId)).toMatchObject({ last_lawful_day: '2026-10-27', position: { kind: 'counted' } });
    expect(await irregular()).toContain(personId);
  });

  it('a visa of a person outside the reader’s territory is refused (403); bad visas are refused with fields', async () => {
    const mrz = passportMrz({ surname: 'WALKER', given: 'ANN', number: 'US7770001', state: 'USA' });
    const entry = await record(officer, { crossingPoint: 'ZVARTNOTS', direction: 'entry', mrz, decision: 'admit', occurredAt: '2026-11-01T08:00:00Z', registerPerson: true });
    const zvartnotsPerson = entry.json().crossing.personId as string;
    const body = { personId: zvartnotsPerson, type: 'visitor', number: 'V-9000001', issuingPost: 'Embassy in Washington', validFrom: '2026-11-01', validTo: '2027-04-30', stayDays: 120, entries: 'multiple' };
    expect((await mcs.post('/api/residence/visas', body)).statusCode).toBe(403);
    expect((await mcs.get(`/api/residence/persons/${zvartnotsPerson}`)).statusCode).toBe(403);
    // The border officer reads nationally but records no visas.
    expect((await officer.post('/api/residence/visas', body)).statusCode).toBe(403);
    const own = await yerevanTraveller('LEE', 'MIN', 'M1234567', 'KOR', '2026-11-10');
    const bad = await mcs.post('/api/residence/visas', { ...body, personId: own, type: 'transit', stayDays: 10, validTo: '2026-10-01' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues.map((i: { field: string }) => i.field).sort()).toEqual(['body.stayDays', 'body.validTo']);
    const ok = await mcs.post('/api/residence/visas', { ...body, personId: own });
    expect(ok.statusCode).toBe(201);
    expect((await mcs.post('/api/residence/visas', { ...body, personId: own })).statusCode).toBe(409);
    expect((await officer.get(`/api/residence/visas/${ok.json().id}`)).statusCode).toBe(200);
  });
});

describe('residence status', () => {
  it('grant issues a card the stay engine sees, address registration closes the previous one, withdrawal revokes it', async () => {
    const personId = await yerevanTraveller('GARCIA', 'LUIS', 'ES1234567', 'ESP', '2026-04-01');
    expect((await stayOf(personId))?.position.kind).toBe('counted');
    const bad = await mcs.post('/api/residence/statuses', { personId, kind: 'permanent', ground: 'study', cardNumber: 'RC0000001', validFrom: '2026-11-22', issuingOffice: 'MCS-HQ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0]).toMatchObject({ field: 'body.ground', code: 'RESIDENCE.GROUND_NOT_FOR_KIND' });
    const granted = await mcs.post('/api/residence/statuses', { personId, kind: 'temporary', ground: 'work', cardNumber: 'rc0000001', validFrom: '2026-11-20', issuingOffice: 'MCS-HQ' });
    expect(granted.statusCode).toBe(201);
    expect(granted.json()).toMatchObject({ kind: 'temporary', cardNumber: 'RC0000001', validTo: '2027-11-19', state: 'in_force' });
    expect((await stayOf(personId))?.position).toMatchObject({ kind: 'exempt', reason: 'resident' });
    expect((await mcs.post('/api/residence/statuses', { personId, kind: 'temporary', ground: 'work', cardNumber: 'RC0000001', validFrom: '2026-11-20', issuingOffice: 'MCS-HQ' })).statusCode).toBe(409);

    await mcs.post(`/api/residence/persons/${personId}/addresses`, { region: 'AM-ER', community: 'Երևան', line: 'Աբովյան 10', registeredFrom: '2026-11-20' });
    await mcs.post(`/api/residence/persons/${personId}/addresses`, { region: 'AM-KT', community: 'Աբովյան', line: 'Կենտրոն 1', registeredFrom: '2026-12-01', statusId: granted.json().id });
    const overview = (await mcs.get(`/api/residence/persons/${personId}`)).json();
    expect(overview.addresses.map((a: { registeredFrom: string; registeredTo: string | null }) => [a.registeredFrom, a.registeredTo])).toEqual([['2026-12-01', null], ['2026-11-20', '2026-11-30']]);
    expect(overview.statuses).toHaveLength(1);

    const withdrawn = await mcs.post(`/api/residence/statuses/${granted.json().id}/withdraw`, { reason: 'Employment ended' });
    expect(withdrawn.json()).toMatchObject({ state: 'withdrawn' });
    expect((await stayOf(personId))?.position.kind).toBe('counted');
    const doc = (await mcs.get(`/api/persons/${personId}?purpose=casework`)).json().documents.find((d: { number: string }) => d.number === 'RC0000001');
    expect(doc).toMatchObject({ type: 'residence_permit', status: 'revoked' });
  });
});
