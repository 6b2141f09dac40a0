import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestApp, loginAs, type Client, type TestApp } from '../../testing/test-app.ts';

let t: TestApp;
let cw: Client;
let border: Client;
beforeAll(async () => {
  t = await createTestApp();
  cw = await loginAs(t, 'case.worker');
  border = await loginAs(t, 'border.officer');
});
afterAll(() => t.close());

const base = (surname: string, given: string, over: Record<string, unknown> = {}) => ({
  names: [{ surname, givenNames: given, kind: 'as-written' }],
  birthDate: '1970-01-01',
  sex: 'M',
  citizenships: [{ code: 'ARM' }],
  registeredIn: 'AM-ER',
  ...over,
});
const create = async (c: Client, person: unknown) => {
  const res = await c.post('/api/persons', { person, purpose: 'casework' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { person: { id: string; version: number }; duplicates: { person: { id: string; masked: boolean }; score: number; explanation: unknown }[]; autoMergedInto: string | null };
};
/** The person as presented, without what a merge/unmerge legitimately changes (version and its time). */
const comparable = async (id: string) => {
  const res = await cw.get(`/api/persons/${id}?purpose=data_quality`);
  expect(res.statusCode, res.body).toBe(200);
  const { version: _v, updatedAt: _u, ...rest } = res.json();
  return rest;
};

describe('duplicates', () => {
  it('are shown on create, with score and explanation, and queued for review', async () => {
    const a = await create(cw, base('Ղազարյան', 'Վարդան', { documents: [{ type: 'passport', number: 'AQ1000001', issuingState: 'ARM' }] }));
    const b = await create(cw, base('Казарян', 'Вардан'));
    const dup = b.duplicates.find((d) => d.person.id === a.person.id);
    expect(dup, JSON.stringify(b.duplicates)).toBeDefined();
    expect(dup!.score).toBeGreaterThanOrEqual(0.7);
    expect(dup!.explanation).toMatchObject({ features: expect.arrayContaining([expect.objectContaining({ feature: 'name' })]) });
    const queue = (await cw.get('/api/persons/duplicates?limit=100')).json().items as { id: string; a: { id: string }; b: { id: string } }[];
    expect(queue.some((p) => [p.a.id, p.b.id].sort().join() === [a.person.id, b.person.id].sort().join())).toBe(true);
  });

  it('the demo data plants duplicates that the batch run finds', async () => {
    // ~300 persons from the synthetic population generator plus the hand-written set.
    const seeded = await t.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM persons WHERE source = 'seed'`);
    expect(Number(seeded.rows[0]!.n)).toBeGreaterThanOrEqual(320);
    const res = await cw.post('/api/persons/dedupe', {});
    expect(res.statusCode, res.body).toBe(200);
    const queue = (await cw.get('/api/persons/duplicates?limit=100')).json().items as { a: { name: string }; b: { name: string } }[];
    const pairs = queue.map((p) => [p.a.name, p.b.name].sort().join(' = '));
    expect(pairs).toEqual(expect.arrayContaining([expect.stringContaining('Саркисян Тигран'), expect.stringContaining('Петросян Гаянэ')]));
  });

  it('records review decisions (not the same, unsure) and merges on "same", keeping every variant and document', async () => {
    const a = await create(cw, base('Զաքարյան', 'Նարինե', { sex: 'F', documents: [{ type: 'passport', number: 'AQ2000002', issuingState: 'ARM' }] }));
    const b = await create(cw, base('Закарян', 'Нарине', { sex: 'F', documents: [{ type: 'passport', number: '759999999', issuingState: 'RUS' }] }));
    const c = await create(cw, base('Zakaryan', 'Narine', { sex: 'F', birthDate: '1970' }));
    const queue = (await cw.get('/api/persons/duplicates?limit=100')).json().items as { id: string; a: { id: string }; b: { id: string } }[];
    const pair = (x: string, y: string) => queue.find((p) => [p.a.id, p.b.id].sort().join() === [x, y].sort().join())!;
    expect((await cw.post(`/api/persons/duplicates/${pair(a.person.id, c.person.id).id}/decision`, { decision: 'unsure' })).json().status).toBe('unsure');
    expect((await cw.post(`/api/persons/duplicates/${pair(b.person.id, c.person.id).id}/decision`, { decision: 'different', note: 'other family' })).statusCode).toBe(200);
    const same = await cw.post(`/api/persons/duplicates/${pair(a.person.id, b.person.id).id}/decision`, { decision: 'same', survivorId: a.person.id });
    expect(same.statusCode, same.body).toBe(200);
    const again = await cw.post(`/api/persons/duplicates/${pair(a.person.id, b.person.id).id}/decision`, { decision: 'different' });
    expect(again.statusCode).toBe(409);

    const old = await cw.get(`/api/persons/${b.person.id}?purpose=casework`);
    expect(old.json()).toMatchObject({ id: a.person.id, redirectedFrom: b.person.id, mergedFrom: [b.person.id] });
    expect(old.json().names.map((n: { surname: string }) => n.surname)).toEqual(['Զաքարյան', 'Закарян']);
    expect(old.json().documents.map((d: { number: string }) => d.number).sort()).toEqual(['759999999', 'AQ2000002']);
    const audits = await t.db.query<{ action: string }>(`SELECT action FROM audit_log WHERE action LIKE 'persons.duplicates.decide' OR action = 'persons.merge' ORDER BY id`);
    expect(audits.rows.filter((r) => r.action === 'persons.duplicates.decide').length).toBeGreaterThanOrEqual(3);
    expect(audits.rows.some((r) => r.action === 'persons.merge')).toBe(true);
  });

  it('merge then unmerge restores both records exactly (property)', async () => {
    // Name forms in one script each (a form mixing scripts is refused).
    const names: [string, string][] = [['Ավետիսյան', 'Սոնա'], ['Avetisyan', 'Sona'], ['Аветисян', 'Сона'], ['Բաղդասարյան', 'Արփի'], ['Bagdasarov', 'Arpi'], ['Нерсесян', 'Сона']];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...names), fc.constantFrom(...names),
        fc.constantFrom(null, '1980', '1980-05', '1980-05-06'), fc.boolean(),
        async ([s1, g1], [s2, g2], birth, withDocs) => {
          const docs = (n: string) => (withDocs ? { documents: [{ type: 'id_card', number: n, issuingState: 'ARM', expiryDate: '2030-01-01' }] } : {});
          const a = await create(cw, base(s1, g1, { birthDate: birth, sex: 'F', ...docs(`ID${Math.random().toString().slice(2, 9)}`) }));
          const b = await create(cw, base(s2, g2, { birthDate: '1981', sex: 'F', contacts: [{ kind: 'phone', value: '+374 10 000000' }], ...docs(`ID${Math.random().toString().slice(2, 9)}`) }));
          const beforeA = await comparable(a.person.id);
          const beforeB = await comparable(b.person.id);
          const merged = await cw.post(`/api/persons/${a.person.id}/merge`, { otherId: b.person.id, reason: 'property test' });
          expect(merged.statusCode, merged.body).toBe(200);
          const un = await cw.post(`/api/persons/${b.person.id}/unmerge`, { reason: 'property test' });
          expect(un.statusCode, un.body).toBe(200);
          expect(await comparable(a.person.id)).toEqual(beforeA);
          expect(await comparable(b.person.id)).toEqual(beforeB);
        },
      ),
      { numRuns: 8 },
    );
  });

  it('refuses to unmerge silently over later changes', async () => {
    const a = await create(cw, base('Մելքոնյան', 'Գոռ'));
    const b = await create(cw, base('Мелконян', 'Гор'));
    await cw.post(`/api/persons/${a.person.id}/merge`, { otherId: b.person.id });
    const cur = (await cw.get(`/api/persons/${a.person.id}?purpose=casework`)).json();
    await cw.patch(`/api/persons/${a.person.id}`, { version: cur.version, sex: 'M' });
    const un = await cw.post(`/api/persons/${b.person.id}/unmerge`, {});
    expect(un.statusCode).toBe(409);
    expect(un.json().error.code).toBe('PERSONS.CHANGED_SINCE_MERGE');
  });
});

describe('protected persons', () => {
  it('are masked in search for users without persons.sensitive.read, until they break the glass', async () => {
    const hits = (await border.get('/api/persons?q=Kovalenko%20Natalia&purpose=border_control')).json().items as { person: { id: string; masked: boolean; name?: string }; explanation: unknown }[];
    expect(hits[0]!.person).toEqual({ id: expect.any(String), masked: true, redirectedFrom: null });
    expect(hits[0]!.explanation).toBeNull();
    const id = hits[0]!.person.id;
    const masked = await border.get(`/api/persons/${id}?purpose=border_control`);
    expect(masked.json()).toEqual({ id, masked: true, redirectedFrom: null });
    expect((await border.post(`/api/persons/${id}/break-glass`, { reason: 'short' })).statusCode).toBe(400);
    const grant = await border.post(`/api/persons/${id}/break-glass`, { reason: 'Document reported stolen presented at the airport' });
    expect(grant.statusCode, grant.body).toBe(200);
    const full = await border.get(`/api/persons/${id}?purpose=border_control`);
    expect(full.json()).toMatchObject({ masked: false, protectedReasons: ['trafficking_victim'], names: expect.any(Array) });
    const rows = await t.db.query<{ purpose: string }>(`SELECT purpose FROM audit_log WHERE action = 'persons.break_glass' AND target_id = $1`, [id]);
    expect(rows.rows[0]!.purpose).toBe('break_the_glass');
    // The grant is time-boxed.
    t.clock.advance(31 * 60_000);
    border = await loginAs(t, 'border.officer');
    expect((await border.get(`/api/persons/${id}?purpose=border_control`)).json().masked).toBe(true);
    // Case workers of the territory hold persons.sensitive.read.
    cw = await loginAs(t, 'case.worker');
    expect((await cw.get(`/api/persons/${id}?purpose=casework`)).json().masked).toBe(false);
  });

  it('treats a person under 18 at the time of the check as protected', async () => {
    const child = await create(cw, base('Մինասյան', 'Էլեն', { birthDate: '2012-05-05', sex: 'F' }));
    const view = (await cw.get(`/api/persons/${child.person.id}?purpose=casework`)).json();
    expect(view.protectedReasons).toEqual(['minor']);
    expect((await border.get(`/api/persons/${child.person.id}?purpose=border_control`)).json().masked).toBe(true);
  });
});

describe('automatic merge', () => {
  it('merges above the configured threshold, never protected persons', async () => {
    const t2 = await createTestApp({ KAMURJ_AUTO_MERGE_THRESHOLD: '0.9' });
    try {
      const c = await loginAs(t2, 'case.worker');
      const mk = async (person: unknown) => (await c.post('/api/persons', { person })).json();
      const doc = { documents: [{ type: 'passport', number: 'AZ7777777', issuingState: 'ARM' }] };
      const a = await mk(base('Թովմասյան', 'Հրանտ', doc));
      const b = await mk(base('Tovmasyan', 'Hrant', doc));
      expect(b.autoMergedInto).toBe(a.person.id);
      expect(b.person.id).toBe(a.person.id);
      const audit = await t2.db.query(`SELECT 1 FROM audit_log WHERE action = 'persons.merge.automatic'`);
      expect(audit.rows.length).toBe(1);

      const minorDoc = { birthDate: '2015-01-01', documents: [{ type: 'passport', number: 'AZ8888888', issuingState: 'ARM' }] };
      const m1 = await mk(base('Թովմասյան', 'Արեգ', minorDoc));
      const m2 = await mk(base('Tovmasyan', 'Areg', minorDoc));
      expect(m2.autoMergedInto).toBeNull();
      expect(m2.duplicates.map((d: { person: { id: string } }) => d.person.id)).toContain(m1.person.id);
      const asylum = { protection: { traffickingVictim: false, asylumSeeker: true }, documents: [{ type: 'passport', number: 'AZ9999999', issuingState: 'ARM' }] };
      await mk(base('Թովմասյան', 'Սուրեն', asylum));
      expect((await mk(base('Tovmasyan', 'Suren', asylum))).autoMergedInto).toBeNull();
    } finally {
      await t2.close();
    }
  });
});
