import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { populationStream } from '@kamurj/domain/population';
import { openTestDb, type TestDb } from '../testing/test-app.ts';
import { bulkInsertPersons, insertPerson } from '../modules/persons/index.ts';
import { loadProfile } from '../profiles/profile.ts';
import { populationRecord } from './population-persons.ts';
import { seedBulkPersons, seededPersonId } from './bulk-persons.ts';

let t: TestDb;
beforeAll(async () => {
  t = await openTestDb();
});
afterAll(() => t.close());

const at = new Date('2026-03-01T10:00:00Z');

describe('bulk load of persons', () => {
  it('writes the same rows as the one-by-one path (derived columns, name keys, document numbers, history)', async () => {
    const people = [...populationStream({ seed: 99, size: 40, country: 'ARM' })];
    const one = '11111111-1111-4111-8111-';
    const bulk = '22222222-2222-4222-8222-';
    const ids = people.map((_, i) => String(i).padStart(12, '0'));
    const records = people.map((p, i) => populationRecord(p, 'AM-ER', at, (part) => `${one}${ids[i]}:${part}`));
    await t.db.tx(async (tx) => {
      for (const [i, record] of records.entries()) {
        await insertPerson(tx, { id: one + ids[i], record, jurisdictionPath: 'ARM.AM-ER', source: 'seed', at, actorId: null });
      }
      await bulkInsertPersons(
        tx,
        records.map((record, i) => ({ id: bulk + ids[i], record, jurisdictionPath: 'ARM.AM-ER' })),
        { at, source: 'seed', actorId: null, actorName: 'seed', historyDetails: { source: 'test' } },
      );
    });
    const rows = async (sql: string, prefix: string) =>
      (await t.db.query<Record<string, unknown>>(sql, [`${prefix}%`])).rows.map((r) => JSON.stringify({ ...r, id: String(r.id).slice(-12) }));
    const persons = `SELECT id, version, record, jurisdiction_path, birth_date, birth_year, sex, nationalities, trafficking_victim, asylum_seeker, source, created_at, updated_at
                       FROM persons WHERE id::text LIKE $1 ORDER BY id`;
    expect(await rows(persons, one)).toEqual(await rows(persons, bulk));
    const keys = `SELECT person_id AS id, key FROM person_name_keys WHERE person_id::text LIKE $1 ORDER BY person_id, key`;
    const keyRows = await rows(keys, bulk);
    expect(keyRows.length).toBeGreaterThan(100);
    expect(await rows(keys, one)).toEqual(keyRows);
    const docs = `SELECT person_id AS id, number, issuer FROM person_document_keys WHERE person_id::text LIKE $1 ORDER BY person_id, number`;
    expect(await rows(docs, one)).toEqual(await rows(docs, bulk));
    const history = await t.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM person_history WHERE person_id::text LIKE $1 AND version = 1 AND action = 'create'`, [`${bulk}%`]);
    expect(history.rows[0]?.n).toBe('40');
  });

  it('seeds N generated persons in batches with one audit row per batch, and continues a second run', async () => {
    const profile = loadProfile('ARM');
    const progress: number[] = [];
    const r = await seedBulkPersons(t.db, profile, { count: 250, seed: 7, at, batchSize: 100, onProgress: (n) => progress.push(n) });
    expect(r).toMatchObject({ requested: 250, skipped: 0, created: 250, batches: 3, firstId: seededPersonId(7, 1), lastId: seededPersonId(7, 250) });
    expect(r.rate).toBeGreaterThan(0);
    expect(progress).toEqual([100, 200, 250]);
    const audit = await t.db.query<{ purpose: string; details: { count: number; firstId: string; lastId: string; records: string[] } }>(
      `SELECT purpose, details FROM audit_log WHERE action = 'persons.bulk_seed' ORDER BY id`,
    );
    expect(audit.rows.map((a) => [a.purpose, a.details.count, a.details.records])).toEqual([
      ['administration', 100, ['P000001', 'P000100']],
      ['administration', 100, ['P000101', 'P000200']],
      ['administration', 50, ['P000201', 'P000250']],
    ]);
    expect(audit.rows[1]?.details).toMatchObject({ firstId: seededPersonId(7, 101), lastId: seededPersonId(7, 200) });
    const again = await seedBulkPersons(t.db, profile, { count: 300, seed: 7, at, batchSize: 100 });
    expect(again).toMatchObject({ skipped: 250, created: 50 });
    const n = await t.db.query<{ n: string }>(`SELECT count(*)::text AS n FROM persons WHERE source = 'seed' AND id::text LIKE '5eed0000-0007-%'`);
    expect(n.rows[0]?.n).toBe('300');
  });
});
