import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Client, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let cw: Client;
beforeAll(async () => {
  t = await createTestApp();
  cw = await loginAs(t, 'case.worker');
});
afterAll(() => t.close());

const person = (surname: string, given: string, over: Record<string, unknown> = {}) => ({
  names: [{ surname, givenNames: given, kind: 'as-written' }],
  birthDate: '1981-06-30',
  sex: 'F',
  citizenships: [{ code: 'ARM' }],
  registeredIn: 'AM-ER',
  ...over,
});

interface Report {
  received: number;
  created: number;
  rejected: number;
  autoMerged: number;
  duplicatePairs: number;
  errors: { row: number; field: string; code: string }[];
  persons: { row: number; id: string; autoMergedInto: string | null; duplicates: number }[];
}
const importJson = async (c: Client, rows: unknown, source = 'police-2019') => {
  const res = await c.post(`/api/persons/import?source=${source}`, rows);
  return { status: res.statusCode, report: res.json() as Report, res };
};

describe('POST /api/persons/import', () => {
  it('loads the valid rows through the entry path and reports each bad row with its field', async () => {
    const existing = await cw.post('/api/persons', { person: person('Բաղդասարյան', 'Նարինե', { documents: [{ type: 'passport', number: 'AB1112223', issuingState: 'ARM' }] }) });
    expect(existing.statusCode, existing.body).toBe(201);
    const { status, report } = await importJson(cw, [
      person('Багдасарян', 'Нарине', { documents: [{ type: 'passport', number: 'AB1112223', issuingState: 'ARM' }] }),
      person('Ղազարյան', 'Մանե'),
      person('Kazaryan', 'Mane', { citizenships: [{ code: 'QQQ' }] }),
      { names: [] },
      person('Petrosyan', 'Ani', { birthDate: '2027-05-01' }),
      person('Սիմոնյան', 'Լուսինե', { colour: 'blue' }),
    ]);
    expect(status).toBe(200);
    expect(report).toMatchObject({ received: 6, created: 2, rejected: 4, autoMerged: 0 });
    expect(report.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: 3, field: 'citizenships.0.code', code: 'PERSONS.UNKNOWN_CITIZENSHIP' }),
        expect.objectContaining({ row: 4, field: 'names' }),
        expect.objectContaining({ row: 5, field: 'birthDate', code: 'PERSONS.DATE_IN_FUTURE' }),
        expect.objectContaining({ row: 6, field: 'colour', code: 'unknown_field' }),
      ]),
    );
    expect(report.persons.map((p) => p.row)).toEqual([1, 2]);

    // The Russian-script record of an existing person is queued as a duplicate found on entry path "import".
    const first = report.persons[0]!;
    expect(first.duplicates).toBe(1);
    const pairs = await t.db.query<{ found_by: string }>('SELECT found_by FROM duplicate_candidates WHERE person_a = $1 OR person_b = $1', [first.id]);
    expect(pairs.rows).toEqual([{ found_by: 'import' }]);
    const row = await t.db.query<{ source: string }>('SELECT source FROM persons WHERE id = $1', [first.id]);
    expect(row.rows[0]?.source).toBe('import');

    // It is findable like any person: by its own name and across scripts.
    const found = await cw.get(`/api/persons?${new URLSearchParams({ q: 'Ghazaryan Mane', purpose: 'casework' })}`);
    expect(found.json().items.map((i: { person: { id: string } }) => i.person.id)).toContain(report.persons[1]!.id);
    const ids = async (qs: Record<string, string>) =>
      (await cw.get(`/api/persons?${new URLSearchParams({ purpose: 'casework', ...qs })}`)).json().items.map((i: { person: { id: string } }) => i.person.id);
    expect(await ids({ q: 'AB1112223', birthDate: '1981-06' })).toContain(first.id);
    expect(await ids({ q: 'AB1112223', birthDate: '1981-07' })).not.toContain(first.id);
    expect(await ids({ q: 'Ghazaryan Mane', birthDate: '1981-06-30' })).toContain(report.persons[1]!.id);
    expect(await ids({ q: 'Ghazaryan Mane', birthDate: '1981-06-29' })).not.toContain(report.persons[1]!.id);

    // One audit row per person (as a hand entry) and one for the import.
    const audit = await t.db.query<{ action: string; details: Record<string, unknown> }>(
      `SELECT action, details FROM audit_log WHERE action IN ('persons.create', 'persons.import') AND details->>'importSource' = 'police-2019' OR details->>'source' = 'police-2019' ORDER BY id`,
    );
    expect(audit.rows.map((r) => r.action)).toEqual(['persons.create', 'persons.create', 'persons.import']);
    expect(audit.rows[2]?.details).toMatchObject({ received: 6, created: 2, rejected: 4 });
  });

  it('accepts JSON Lines and reports a line that is not JSON by its line number', async () => {
    const lines = [JSON.stringify(person('Ավետիսյան', 'Գոհար')), '', '{"names": [', JSON.stringify(person('Avetisyan', 'Anush'))].join('\n');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/persons/import?source=ngo-list',
      headers: { cookie: cw.cookie, 'x-csrf-token': cw.csrf, 'content-type': 'application/x-ndjson' },
      payload: lines,
    });
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json() as Report;
    expect(report).toMatchObject({ received: 3, created: 2, rejected: 1 });
    expect(report.errors).toEqual([expect.objectContaining({ row: 3, field: '', code: 'PERSONS.IMPORT_INVALID_JSON' })]);
    expect(report.persons.map((p) => p.row)).toEqual([1, 4]);
  });

  it('needs persons.write, keeps rows within the writing reach, and limits the size', async () => {
    const analyst = await loginAs(t, 'analyst');
    expect((await importJson(analyst, [person('Test', 'Test')])).status).toBe(403);
    const { report } = await importJson(cw, [person('Մարտիրոսյան', 'Արփի', { registeredIn: 'AM-SH' }), person('Մարտիրոսյան', 'Լիլիթ')]);
    expect(report).toMatchObject({ created: 1, rejected: 1 });
    expect(report.errors[0]).toMatchObject({ row: 1, field: 'registeredIn', code: 'PERSONS.IMPORT_OUT_OF_REACH' });
    const tooMany = await importJson(cw, Array.from({ length: 5001 }, () => ({})));
    expect(tooMany.status).toBe(400);
    expect((await importJson(cw, [])).status).toBe(400);
    expect((await cw.post('/api/persons/import', [person('A', 'B')])).statusCode).toBe(400);
  });
});

describe('import with automatic merge', () => {
  it('merges an imported record above the threshold, never a protected one', async () => {
    const t2 = await createTestApp({ KAMURJ_AUTO_MERGE_THRESHOLD: '0.9' });
    try {
      const c = await loginAs(t2, 'case.worker');
      const doc = (n: string) => ({ documents: [{ type: 'passport', number: n, issuingState: 'ARM' }] });
      const a = (await c.post('/api/persons', { person: person('Ծատուրյան', 'Մարինե', doc('AT4440001')) })).json();
      await c.post('/api/persons', { person: person('Ծատուրյան', 'Սոնա', { ...doc('AT4440002'), protection: { traffickingVictim: true, asylumSeeker: false } }) });
      const { report } = await importJson(c, [
        person('Tsaturyan', 'Marine', doc('AT4440001')),
        person('Tsaturyan', 'Sona', { ...doc('AT4440002'), protection: { traffickingVictim: true, asylumSeeker: false } }),
      ]);
      expect(report).toMatchObject({ created: 2, autoMerged: 1 });
      expect(report.persons[0]?.autoMergedInto).toBe(a.person.id);
      expect(report.persons[1]?.autoMergedInto).toBeNull();
      expect(report.persons[1]?.duplicates).toBe(1);
    } finally {
      await t2.close();
    }
  });
});
