import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Client, type TestApp } from '../../testing/test-app.ts';
import { newKey, passportMrz, record, zvartnotsEntry } from '../../testing/border.ts';
import { verifyChain } from '../audit/index.ts';

/**
 * The write path after the performance work of ADR 0505: the holder of a known document is found without
 * the name search, the stored row comes back from the INSERT, the idempotency key is stored with the
 * answer, and the audit row is the last statement — none of which may change what the API answers.
 */
let t: TestApp;
let officer: Client;
let supervisor: Client;

beforeAll(async () => {
  t = await createTestApp();
  officer = await loginAs(t, 'border.officer');
  supervisor = await loginAs(t, 'border.supervisor');
});
afterAll(() => t.close());

const entry = zvartnotsEntry;

describe('recording a crossing: fast paths keep the answers', () => {
  it('the holder of a known passport is matched by the document, even among look-alikes with the same name', async () => {
    const mrz = passportMrz({ surname: 'LINDQVIST', given: 'ASTRID', number: 'SE4400112', state: 'SWE', birth: '1984-02-03', sex: 'F' });
    const first = await record(officer, entry(mrz, { registerPerson: true }));
    expect(first.statusCode).toBe(201);
    const holder = first.json().registeredPerson as string;
    expect(holder).toMatch(/^[0-9a-f-]{36}$/);
    // A namesake with another passport (same name and birth date): a different person.
    const namesake = await record(officer, entry(passportMrz({ surname: 'LINDQVIST', given: 'ASTRID', number: 'SE9900771', state: 'SWE', birth: '1984-02-03', sex: 'F' }), { registerPerson: true }));
    expect(namesake.statusCode).toBe(201);
    const exit = await record(officer, { ...entry(mrz), direction: 'exit', transport: { mode: 'air', flightNumber: 'fz 718' }, purpose: 'tourism' });
    expect(exit.statusCode).toBe(201);
    expect(exit.json().crossing.personId).toBe(holder);
    expect(exit.json().registeredPerson).toBeNull();
    expect(exit.json().stay.position).toMatchObject({ kind: 'counted' });
    // The answer's row is the stored row: the same as reading it back.
    const read = await officer.get(`/api/border/crossings/${exit.json().crossing.id}`);
    expect(read.statusCode).toBe(200);
    expect(read.json().crossing).toEqual(exit.json().crossing);
    expect(read.json().crossing).toMatchObject({ personId: holder, direction: 'exit', decision: 'admit', transport: { mode: 'air', flightNumber: 'FZ718' }, purpose: 'tourism', stay: { kind: 'counted' } });
    expect(exit.json().handovers).toEqual([]);
  });

  it('a document nobody holds falls back to the name search (an existing person with a new passport is still found)', async () => {
    const old = passportMrz({ surname: 'OKONKWO', given: 'CHIDIMMA', number: 'NG1100220', state: 'NGA', birth: '1979-11-12', sex: 'F' });
    const first = await record(officer, entry(old, { registerPerson: true }));
    expect(first.statusCode).toBe(201);
    const renewed = passportMrz({ surname: 'OKONKWO', given: 'CHIDIMMA', number: 'NG7700880', state: 'NGA', birth: '1979-11-12', sex: 'F' });
    const exit = await record(officer, { ...entry(renewed), direction: 'exit' });
    expect(exit.statusCode).toBe(201);
    expect(exit.json().crossing.personId).toBe(first.json().registeredPerson);
  });

  it('the name search of a recording blocks only birth dates that can reach the holder score: a year off or day and month swapped is found, a namesake born ten years apart or on another day is not', async () => {
    const first = await record(officer, entry(passportMrz({ surname: 'VASQUEZ', given: 'LUCIA', number: 'PE3300440', state: 'PER', birth: '1990-05-06', sex: 'F' }), { registerPerson: true }));
    const holder = first.json().registeredPerson as string;
    // Same day and month, year one off (a typing error at issue): still the same person (score ≥ 0.9).
    const oneOff = await record(officer, { ...entry(passportMrz({ surname: 'VASQUEZ', given: 'LUCIA', number: 'PE3300441', state: 'PER', birth: '1991-05-06', sex: 'F' })), direction: 'exit' });
    expect(oneOff.json().crossing.personId).toBe(holder);
    // Ten years apart: another person, registered as new — and no duplicate pair is queued for them.
    const other = await record(officer, entry(passportMrz({ surname: 'VASQUEZ', given: 'LUCIA', number: 'PE3300999', state: 'PER', birth: '2000-05-06', sex: 'F' }), { registerPerson: true }));
    const newcomer = other.json().registeredPerson as string;
    expect(newcomer).toMatch(/^[0-9a-f-]{36}$/);
    expect(newcomer).not.toBe(holder);
    const pairs = await t.db.query('SELECT 1 FROM duplicate_candidates WHERE $1 IN (person_a, person_b)', [newcomer]);
    expect(pairs.rows).toEqual([]);
    // Day and month swapped (a data-entry error): the same person (ADR 0507).
    const swapped = await record(officer, entry(passportMrz({ surname: 'VASQUEZ', given: 'LUCIA', number: 'PE3300442', state: 'PER', birth: '1990-06-05', sex: 'F' })));
    expect(swapped.json().crossing.personId).toBe(holder);
    // Same year, another day: at most 0.84, so not blocked — registered as new, no pair queued from the border.
    const sameYear = await record(officer, entry(passportMrz({ surname: 'VASQUEZ', given: 'LUCIA', number: 'PE3300443', state: 'PER', birth: '1990-09-21', sex: 'F' }), { registerPerson: true }));
    const cousin = sameYear.json().registeredPerson as string;
    expect(cousin).toMatch(/^[0-9a-f-]{36}$/);
    expect(cousin).not.toBe(holder);
    expect((await t.db.query('SELECT 1 FROM duplicate_candidates WHERE $1 IN (person_a, person_b)', [cousin])).rows).toEqual([]);
  });

  it('registering a traveller queues the duplicate pairs of the search the recording already made', async () => {
    // Same name and birth date, another passport, registered twice: the second registration's pair with
    // the first is queued for review (found by the recording's own search, not a second one).
    const a = await record(officer, entry(passportMrz({ surname: 'KOWALCZYK', given: 'MAREK', number: 'PL1212121', state: 'POL', birth: '1975-09-10', sex: 'M' }), { registerPerson: true }));
    const b = await record(officer, entry(passportMrz({ surname: 'KOWALCZYK', given: 'MAREK', number: 'PL3434343', state: 'POL', birth: '1975-09-10', sex: 'M' }), { personId: null, registerPerson: true }));
    const [pa, pb] = [a.json().registeredPerson as string, b.json().registeredPerson as string];
    expect(pb).toMatch(/^[0-9a-f-]{36}$/);
    expect(pb).not.toBe(pa);
    const pairs = await t.db.query<{ found_by: string }>('SELECT found_by FROM duplicate_candidates WHERE person_a = $1 AND person_b = $2', [pa, pb].sort());
    expect(pairs.rows).toEqual([{ found_by: 'create' }]);
  });

  it('a recorded crossing keeps the person\'s earlier refusal as a history hit (history read once, in the write)', async () => {
    const mrz = passportMrz({ surname: 'ABERNATHY', given: 'JOAN', number: 'GB5500660', state: 'GBR', birth: '1966-01-02', sex: 'F' });
    const refused = await record(officer, entry(mrz, { decision: 'refuse', refusal: { code: 'insufficient_means' }, registerPerson: true }));
    expect(refused.statusCode, refused.body).toBe(201);
    const again = await record(officer, entry(mrz));
    expect(again.statusCode, again.body).toBe(201);
    expect(again.json().crossing.personId).toBe(refused.json().registeredPerson);
    expect(again.json().crossing.hits).toEqual([{ source: 'refusal', crossingId: refused.json().crossing.id }]);
  });

  it('travellers recorded at the same moment share the adjudication and document-history reads, and each gets only its own', async () => {
    const w = (await supervisor.post('/api/border/lists/watchlist', { names: ['Nakamura Hiroshi'], birthDate: '1970', reason: 'Interpol notice', action: 'second_line' })).json();
    // Two namesakes born in the listed year (another day: not the same person, ADR 0507).
    const passport = (number: string, birth: string) => passportMrz({ surname: 'NAKAMURA', given: 'HIROSHI', number, state: 'JPN', birth });
    const [a, b] = [passport('TK1000001', '1970-04-05'), passport('TK1000002', '1970-09-21')];
    const registered = await Promise.all([a, b].map((mrz) => record(officer, entry(mrz, { decision: 'second_line', reason: 'Watchlist hit', registerPerson: true }))));
    const [pa, pb] = registered.map((r) => r.json().registeredPerson as string);
    expect(pa).not.toBe(pb);
    expect(registered.map((r) => r.json().crossing.hits.map((h: { entryId: string }) => h.entryId))).toEqual([[w.id], [w.id]]);
    expect((await officer.post('/api/border/adjudications', { personId: pa, entryId: w.id, entryVersion: 1, outcome: 'false_hit', reason: 'Another birth date and father' })).statusCode).toBe(201);
    // Two unregistered travellers: one refused before under its passport, one never seen.
    const refusedMrz = passportMrz({ surname: 'ODHIAMBO', given: 'GRACE', number: 'KE2200331', state: 'KEN', sex: 'F' });
    const refused = await record(officer, entry(refusedMrz, { decision: 'refuse', refusal: { code: 'insufficient_means' } }));
    expect(refused.statusCode, refused.body).toBe(201);
    const unseen = passportMrz({ surname: 'ODHIAMBO', given: 'PETER', number: 'KE2200999', state: 'KEN' });
    const again = await Promise.all([a, b, refusedMrz, unseen].map((mrz) => record(officer, { ...entry(mrz), decision: 'second_line', reason: 'Check' })));
    expect(again.map((r) => r.statusCode)).toEqual([201, 201, 201, 201]);
    const hitsOf = (i: number) => again[i]!.json().crossing.hits as { source: string; entryId?: string; crossingId?: string }[];
    expect(again.map((r) => r.json().crossing.personId)).toEqual([pa, pb, null, null]);
    // The false hit of A suppresses A's hit only; B is stopped by the entry as before.
    expect(hitsOf(0).map((h) => h.entryId)).not.toContain(w.id);
    expect(hitsOf(1).map((h) => h.entryId)).toContain(w.id);
    // The refusal is the earlier history of its own document only.
    expect(hitsOf(2)).toEqual([{ source: 'refusal', crossingId: refused.json().crossing.id }]);
    expect(hitsOf(3)).toEqual([]);
  });

  it('two deliveries of one request at the same moment write one crossing and one audit row; the other replays', async () => {
    const key = newKey();
    const body = entry(passportMrz({ surname: 'HALVORSEN', given: 'ERIK', number: 'NO5566778', state: 'NOR' }));
    const [a, b] = await Promise.all([record(officer, body, key), record(officer, body, key)]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 201]);
    expect(a.json().crossing.id).toBe(b.json().crossing.id);
    expect([a.headers['idempotent-replayed'], b.headers['idempotent-replayed']].filter(Boolean)).toEqual(['true']);
    const rows = await t.db.query<{ n: string }>(`SELECT count(*) AS n FROM audit_log WHERE details->>'idempotencyKey' = $1`, [key]);
    expect(Number(rows.rows[0]?.n)).toBe(1);
  });

  it('many travellers recorded concurrently keep the audit chain whole, one row each', async () => {
    const before = Number((await t.db.query<{ n: string }>(`SELECT count(*) AS n FROM audit_log WHERE action = 'border.crossing.record'`)).rows[0]?.n);
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => record(officer, entry(passportMrz({ surname: `TRAVELLER${String.fromCharCode(65 + i)}`, given: 'PAT', number: `QA${String(1000000 + i)}`, state: 'CAN' })))),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(12).fill(201));
    const after = Number((await t.db.query<{ n: string }>(`SELECT count(*) AS n FROM audit_log WHERE action = 'border.crossing.record'`)).rows[0]?.n);
    expect(after - before).toBe(12);
    expect(await verifyChain(t.db)).toMatchObject({ ok: true });
  });
});
