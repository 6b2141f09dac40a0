import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Client, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let caseWorker: Client;
let border: Client;
beforeAll(async () => {
  t = await createTestApp();
  caseWorker = await loginAs(t, 'case.worker');
  border = await loginAs(t, 'border.officer');
});
afterAll(() => t.close());

const person = (over: Record<string, unknown> = {}) => ({
  names: [
    { surname: 'Մկրտչյան', givenNames: 'Լիլիթ', kind: 'as-written' },
    { surname: 'MKRTCHYAN', givenNames: 'LILIT', kind: 'document-latin', source: 'passport AR5550001' },
  ],
  birthDate: '1992-04-18',
  sex: 'F',
  citizenships: [{ code: 'ARM' }],
  documents: [{ type: 'passport', number: 'AR5550001', issuingState: 'ARM', issueDate: '2020-04-01', expiryDate: '2030-03-31' }],
  addresses: [{ kind: 'residence', country: 'ARM', region: 'AM-ER', community: 'Ավան' }],
  contacts: [{ kind: 'phone', value: '+374 99 000111' }],
  registeredIn: 'AM-ER',
  ...over,
});

const search = async (c: Client, qs: Record<string, string>) => {
  const res = await c.get(`/api/persons?${new URLSearchParams({ purpose: 'casework', ...qs })}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as { person: { id: string; name: string; masked: boolean }; score: number | null; explanation: { features: { feature: string; level: string }[] } | null }[];
};

describe('person registry', () => {
  let id = '';

  it('creates a person with names as written, document forms, citizenship and documents', async () => {
    const res = await caseWorker.post('/api/persons', { person: person(), purpose: 'casework' });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    id = body.person.id;
    expect(body.person).toMatchObject({ version: 1, birthDate: '1992-04-18', jurisdictionPath: 'ARM.AM-ER', masked: false });
    expect(body.person.names.map((n: { script: string }) => n.script)).toEqual(['Armn', 'Latn']);
    expect(body.person.citizenships).toEqual([{ code: 'ARM', kind: 'country' }]);
    expect(body.person.documents[0]).toMatchObject({ number: 'AR5550001', status: 'valid' });
  });

  it('keeps ICAO nationality statuses apart from countries and refuses unknown codes', async () => {
    const res = await caseWorker.post('/api/persons', { person: person({ names: [{ surname: 'Stateless', givenNames: 'Test' }], citizenships: [{ code: 'XXA' }], documents: [] }) });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().person.citizenships).toEqual([{ code: 'XXA', kind: 'status' }]);
    const bad = await caseWorker.post('/api/persons', { person: person({ citizenships: [{ code: 'QQQ' }] }) });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.issues[0]).toMatchObject({ field: 'body.person.citizenships.0.code', code: 'PERSONS.UNKNOWN_CITIZENSHIP' });
  });

  it('writes an audit row with the purpose for every view, and requires a purpose', async () => {
    expect((await border.get(`/api/persons/${id}`)).statusCode).toBe(400);
    const res = await border.get(`/api/persons/${id}?purpose=border_control`);
    expect(res.statusCode, res.body).toBe(200);
    const rows = await t.db.query<{ action: string; purpose: string; actor_name: string }>(
      `SELECT action, purpose, actor_name FROM audit_log WHERE target_type = 'person' AND target_id = $1 ORDER BY id`,
      [id],
    );
    expect(rows.rows.map((r) => `${r.action}/${r.purpose}`)).toEqual(['persons.create/casework', 'persons.read/border_control']);
  });

  it('keeps every version and detects a stale update (409 with the current record)', async () => {
    const first = await caseWorker.patch(`/api/persons/${id}`, { version: 1, sex: 'F', contacts: [{ kind: 'email', value: 'lilit@example.am' }] });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().person.version).toBe(2);
    expect(first.json().person.names).toHaveLength(2);
    const stale = await caseWorker.patch(`/api/persons/${id}`, { version: 1, birthDate: '1992' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'CONFLICT.STALE_VERSION', current: { version: 2, contacts: [{ kind: 'email' }] } });
    const hist = await caseWorker.get(`/api/persons/${id}/history?purpose=casework`);
    expect(hist.statusCode).toBe(200);
    const items = hist.json().items as { version: number; action: string; record: { contacts: { kind: string }[] } }[];
    expect(items.map((h) => [h.version, h.action])).toEqual([[2, 'update'], [1, 'create']]);
    expect(items[1]!.record.contacts[0]!.kind).toBe('phone');
    await expect(t.db.query('UPDATE person_history SET action = $1', ['x'])).rejects.toThrow();
  });

  it('finds Հովհաննիսյան, OGANESIAN and Оганесян with one another, with an explanation', async () => {
    for (const q of ['Հովհաննիսյան Արամ', 'OGANESIAN ARAM', 'Оганесян Арам', 'Hovannisian Aram']) {
      // The synthetic demo population may hold other people of the same name: both records of this
      // man must be among the strong matches.
      const items = await search(border, { q, purpose: 'border_control', limit: '50' });
      const names = items.filter((i) => (i.score ?? 0) >= 0.9).map((i) => i.person.name);
      expect(names, q).toEqual(expect.arrayContaining(['Հովհաննիսյան Արամ Գագիկի', 'Оганесян Арам Гагикович']));
      expect(items[0]!.score).toBeGreaterThanOrEqual(0.9);
      expect(items[0]!.explanation!.features.find((f) => f.feature === 'name')).toBeDefined();
    }
  });

  it('finds partial names, and filters by partial birth date, nationality and sex', async () => {
    expect((await search(caseWorker, { q: 'Mkrtch' })).map((i) => i.person.id)).toContain(id);
    expect((await search(caseWorker, { q: 'Լիլ' })).map((i) => i.person.id)).toContain(id);
    expect((await search(caseWorker, { q: 'Mkrtchyan', birthDate: '1992' })).map((i) => i.person.id)).toContain(id);
    expect((await search(caseWorker, { q: 'Mkrtchyan', birthDate: '1992-04' })).map((i) => i.person.id)).toContain(id);
    expect((await search(caseWorker, { q: 'Mkrtchyan', birthDate: '1993' })).map((i) => i.person.id)).not.toContain(id);
    expect((await search(caseWorker, { q: 'Mkrtchyan', nationality: 'RUS' })).map((i) => i.person.id)).not.toContain(id);
    // A year-only birth date matches a search by full date (compatible parts).
    const gay = await search(caseWorker, { q: 'Petrosyan Gayane', birthDate: '1990-07-02' });
    expect(gay.map((i) => i.person.name)).toEqual(expect.arrayContaining(['Петросян Гаянэ', 'Պետրոսյան Գայանե']));
    expect((await search(border, { birthDate: '1985-03-14', purpose: 'border_control' })).length).toBeGreaterThanOrEqual(2);
  });

  it('finds a person by document number, whatever the spacing', async () => {
    const items = await search(caseWorker, { q: 'ar 555 0001' .replace(/ /g, '') });
    expect(items[0]!.person.id).toBe(id);
    const byParam = await search(border, { documentNumber: '82 0012345', purpose: 'border_control' });
    expect(byParam[0]!.person.name).toBe('Саркисян Тигран Ваче');
  });

  it('limits case workers to their territory and border officers read nationally', async () => {
    const gyumri = await search(caseWorker, { q: 'Petrosyan Armen' });
    expect(gyumri.map((i) => i.person.name)).not.toContain('Պետրոսյան Արմեն');
    const national = await search(border, { q: 'Petrosyan Armen', purpose: 'border_control' });
    expect(national[0]!.person.name).toBe('Պետրոսյան Արմեն');
    const armenId = national[0]!.person.id;
    expect((await caseWorker.get(`/api/persons/${armenId}?purpose=casework`)).statusCode).toBe(403);
    expect((await border.patch(`/api/persons/${armenId}`, { version: 1, sex: 'M' })).statusCode).toBe(403);
    const analyst = await loginAs(t, 'analyst');
    expect((await analyst.get(`/api/persons?q=Petrosyan&purpose=statistics`)).statusCode).toBe(403);
  });
});

describe('bad input is refused naming the field', () => {
  it('garbage MRZ, impossible dates, mixed scripts, over-long and oversized names', async () => {
    const mrz = await caseWorker.post('/api/persons/from-document', { mrz: 'hello world', purpose: 'casework' });
    expect(mrz.statusCode).toBe(400);
    expect(mrz.json().error.issues[0].field).toBe('body.mrz');

    const date = await caseWorker.post('/api/persons', { person: person({ birthDate: '1990-02-30' }) });
    expect(date.statusCode).toBe(400);
    expect(date.json().error.issues).toEqual([expect.objectContaining({ field: 'body.person.birthDate', code: 'PERSONS.INVALID_DATE' })]);
    const future = await caseWorker.post('/api/persons', { person: person({ birthDate: '2031' }) });
    expect(future.json().error.issues[0].code).toBe('PERSONS.DATE_IN_FUTURE');
    const expiry = await caseWorker.post('/api/persons', {
      person: person({ documents: [{ type: 'passport', number: 'X1', issuingState: 'ARM', issueDate: '2020-01-01', expiryDate: '2019-01-01' }] }),
    });
    expect(expiry.json().error.issues[0]).toMatchObject({ field: 'body.person.documents.0.expiryDate', code: 'PERSONS.EXPIRY_BEFORE_ISSUE' });

    // Latin "O" typed into a Cyrillic surname.
    const mixed = await caseWorker.post('/api/persons', { person: person({ names: [{ surname: 'Oганесян', givenNames: 'Арам' }] }) });
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().error.issues[0]).toMatchObject({ field: 'body.person.names.0', code: 'PERSONS.MIXED_SCRIPT' });

    const long = await caseWorker.post('/api/persons', { person: person({ names: [{ surname: 'A'.repeat(5000), givenNames: 'B' }] }) });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.issues[0].field).toBe('body.person.names.0.surname');

    const huge = await caseWorker.post('/api/persons', { person: person({ names: [{ surname: 'A'.repeat(10 * 1024 * 1024), givenNames: 'B' }] }) });
    expect(huge.statusCode).toBe(413);

    const empty = await caseWorker.post('/api/persons', { person: person({ names: [{ surname: '', givenNames: '' }] }) });
    expect(empty.json().error.issues[0]).toMatchObject({ field: 'body.person.names.0', code: 'PERSONS.NAME_REQUIRED' });
    const noPurpose = await caseWorker.get('/api/persons?q=Petrosyan');
    expect(noPurpose.json().error.issues[0].field).toBe('query.purpose');
  });
});
