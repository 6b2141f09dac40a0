import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, loginAs, type Client, type TestApp } from '../../testing/test-app.ts';
import { newKey, passportMrz, record, zvartnotsEntry } from '../../testing/border.ts';
import { verifyChain } from '../audit/index.ts';
import { holdCrossingWrites } from './crossing-writer.ts';

/**
 * Group commit of crossings (ADR 0507): crossings recorded at the same moment are written in one
 * transaction, and nothing of it may show in the answers — each gets its own stay, hits, idempotent answer
 * and audit row; a person's or a key's second use waits for the next group; one member's failure rolls
 * back nothing of the others.
 */
let t: TestApp;
let officer: Client;

beforeAll(async () => {
  t = await createTestApp();
  officer = await loginAs(t, 'border.officer');
});
afterAll(() => t.close());

const crossing = zvartnotsEntry;
const SURNAMES = ['OKONKWO', 'MARTINEZ', 'TANAKA', 'KOWALSKI', 'NDIAYE', 'HALVORSEN', 'PETROVIC', 'ABERNATHY', 'QUISPE', 'VILJOEN', 'MURAKAMI', 'FITZGERALD', 'BENALI', 'SORENSEN', 'CASTELLANOS', 'WOJCIK'];
const GIVEN = ['ADAEZE', 'BEATRIZ', 'KENJI', 'MAGDALENA', 'OUSMANE', 'INGRID', 'DRAGAN', 'CORNELIUS', 'WAYRA', 'PIETER', 'HARUKA', 'SIOBHAN', 'YOUSSEF', 'MIKKEL', 'XIMENA', 'ZOFIA'];
/** Travellers that no matcher takes for one another: distinct names, birth dates and passports per test. */
const traveller = (i: number, test: 'A' | 'B' | 'C') =>
  passportMrz({ surname: SURNAMES[i]!, given: GIVEN[(i + test.charCodeAt(0)) % GIVEN.length]!, number: `G${test}${String(2000000 + i)}`, state: 'NZL', birth: `${1950 + i + (test.charCodeAt(0) - 65) * 17}-0${1 + (i % 9)}-1${i % 10}` });
/** Transactions that wrote these crossings (xmin: the writing transaction's id). */
const transactionsOf = async (ids: string[]) =>
  Number((await t.ownerDb.query<{ n: string }>('SELECT count(DISTINCT xmin::text) AS n FROM border_crossings WHERE id = ANY($1::uuid[])', [ids])).rows[0]?.n);
/** Sends the requests while writes are held, and releases them once all wait: they form the groups. */
async function together<T>(requests: (() => Promise<T>)[]): Promise<T[]> {
  const hold = holdCrossingWrites(t.db);
  const sent = Promise.all(requests.map((r) => r()));
  try {
    for (let i = 0; i < 2_000 && hold.waiting() < requests.length; i++) await new Promise((r) => setTimeout(r, 5));
    expect(hold.waiting()).toBe(requests.length);
  } finally {
    hold.release();
  }
  return sent;
}
const count = async (sql: string) => Number((await t.ownerDb.query<{ n: string }>(sql)).rows[0]?.n);

describe('crossings recorded at the same moment are written together', () => {
  it('shares transactions between travellers, with one answer, stay and audit row each', async () => {
    const auditBefore = await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'border.crossing.record'`);
    const results = await together(Array.from({ length: 16 }, (_, i) => () => record(officer, crossing(traveller(i, 'A'), { registerPerson: true }))));
    expect(results.map((r) => r.statusCode)).toEqual(Array(16).fill(201));
    const answers = results.map((r) => r.json());
    expect(new Set(answers.map((a) => a.registeredPerson)).size).toBe(16);
    for (const a of answers) {
      expect(a.crossing.personId).toBe(a.registeredPerson);
      expect(a.stay.position).toMatchObject({ kind: 'counted', daysUsed: 1 });
    }
    const ids = answers.map((a) => a.crossing.id as string);
    expect(await transactionsOf(ids)).toBe(1);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'border.crossing.record'`)).toBe(auditBefore + 16);
    const audited = (await t.ownerDb.query<{ target_id: string; details: { personId: string } }>(`SELECT target_id, details FROM audit_log WHERE target_id = ANY($1::text[])`, [ids])).rows;
    expect(new Map(audited.map((r) => [r.target_id, r.details.personId]))).toEqual(new Map(answers.map((a) => [a.crossing.id, a.registeredPerson])));
    // Each registration is audited too, in the same append, just before its crossing.
    const rows = (await t.ownerDb.query<{ id: string; action: string; target_id: string }>(`SELECT id::text AS id, action, target_id FROM audit_log WHERE target_id = ANY($1::text[]) ORDER BY id`, [[...ids, ...answers.map((a) => a.registeredPerson)]])).rows;
    expect(rows).toHaveLength(32);
    for (const a of answers) {
      const created = rows.findIndex((r) => r.action === 'persons.create' && r.target_id === a.registeredPerson);
      expect(rows[created + 1]).toMatchObject({ action: 'border.crossing.record', target_id: a.crossing.id });
    }
    expect(await verifyChain(t.ownerDb)).toMatchObject({ ok: true });
  });

  it('writes a person’s two crossings of one moment one after the other: the later sees the earlier', async () => {
    const mrz = traveller(0, 'B');
    const first = await record(officer, crossing(mrz, { registerPerson: true, occurredAt: '2026-03-01T08:00:00Z' }));
    expect(first.statusCode).toBe(201);
    const person = first.json().registeredPerson as string;
    const all = await together([
      () => record(officer, crossing(mrz, { direction: 'exit', occurredAt: '2026-03-05T08:00:00Z' })),
      () => record(officer, crossing(mrz, { occurredAt: '2026-03-20T08:00:00Z' })),
      ...Array.from({ length: 6 }, (_, i) => () => record(officer, crossing(traveller(i + 1, 'B'), { registerPerson: true }))),
    ]);
    const [exit, entry] = all;
    expect([exit!.statusCode, entry!.statusCode]).toEqual([201, 201]);
    expect(exit!.json().crossing.personId).toBe(person);
    expect(entry!.json().crossing.personId).toBe(person);
    expect(await transactionsOf([exit!.json().crossing.id, entry!.json().crossing.id])).toBe(2);
    // The others went with the first of the two: two groups in all.
    expect(await transactionsOf(all.map((r) => r.json().crossing.id))).toBe(2);
    // Whichever was written second counted both: 5 days in March, then the entry of the 20th.
    const position = (await t.ownerDb.query<{ last_crossing_id: string; present: boolean; position: { daysUsed: number } }>('SELECT last_crossing_id, present, position FROM border_stay_positions WHERE person_id = $1', [person])).rows[0]!;
    expect(position.last_crossing_id).toBe(entry!.json().crossing.id);
    expect(position.present).toBe(true);
    expect(position.position.daysUsed).toBe(6);
  });

  it('a replay in a group answers the first result, a reused key with another request is refused, and the others are written', async () => {
    const key = newKey();
    const mrz = traveller(0, 'C');
    const first = await record(officer, crossing(mrz, { registerPerson: true }), key);
    expect(first.statusCode).toBe(201);
    const crossingsBefore = await count('SELECT count(*) AS n FROM border_crossings');
    const auditBefore = await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'border.crossing.record'`);
    const [replay, misuse, ...others] = await together([
      () => record(officer, crossing(mrz, { registerPerson: true }), key),
      () => record(officer, crossing(mrz, { decision: 'second_line', reason: 'Document check' }), key),
      ...Array.from({ length: 8 }, (_, i) => () => record(officer, crossing(traveller(i + 1, 'C'), { registerPerson: true }))),
    ]);
    expect(replay!.statusCode).toBe(201);
    expect(replay!.headers['idempotent-replayed']).toBe('true');
    expect(replay!.json()).toEqual(first.json());
    expect(misuse!.statusCode).toBe(409);
    expect(others.map((r) => r.statusCode)).toEqual(Array(8).fill(201));
    // The replay's lost claim failed its group; each member was then written alone.
    expect(await transactionsOf(others.map((r) => r.json().crossing.id))).toBe(8);
    expect(await count('SELECT count(*) AS n FROM border_crossings')).toBe(crossingsBefore + 8);
    expect(await count(`SELECT count(*) AS n FROM audit_log WHERE action = 'border.crossing.record'`)).toBe(auditBefore + 8);
    // The replay registered nobody a second time.
    expect(await count(`SELECT count(*) AS n FROM person_document_keys WHERE number = 'GC2000000'`)).toBe(1);
    expect(await verifyChain(t.ownerDb)).toMatchObject({ ok: true });
  });
});
