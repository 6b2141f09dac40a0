import { describe, expect, it } from 'vitest';
import type { Db, Queryable } from '../../db/client.ts';
import { cachedPerson, preparedPerson } from './prepared-cache.ts';
import type { PersonRow } from './repository.ts';

const never = () => Promise.reject(new Error('no database in this test'));
const fakeDb = (): Db => ({ kind: 'pglite', scope: {}, query: never, tx: never, exec: never, close: never }) as unknown as Db;
const txOf = (db: Db): Queryable => ({ scope: db.scope!, query: never });

const row = (id: string, version: number, surname: string): PersonRow => ({
  id,
  version,
  record: { names: [{ surname, givenNames: 'Anna', kind: 'as-written' }], birthDate: '1980-02-03', sex: 'F', citizenships: [{ code: 'ARM' }], documents: [] } as unknown as PersonRow['record'],
  jurisdiction_path: 'ARM.AM-ER',
  merged_into: null,
  source: 'test',
  created_at: new Date(0),
  created_by: null,
  updated_at: new Date(0),
});

describe('prepared person cache', () => {
  const id = '00000000-0000-4000-8000-00000000c0c0';

  it('keeps committed rows by id and version, one cache per database', () => {
    const a = fakeDb();
    const b = fakeDb();
    const first = preparedPerson(a, row(id, 1, 'Petrosyan'));
    expect(cachedPerson(a, id, 1)).toBe(first);
    // Another database with the same id and version has its own rows.
    expect(cachedPerson(b, id, 1)).toBeUndefined();
    expect(preparedPerson(b, row(id, 1, 'Sargsyan')).row.record.names[0]!.surname).toBe('Sargsyan');
    // A new version is a miss, never the old content.
    expect(cachedPerson(a, id, 2)).toBeUndefined();
  });

  it('does not keep rows read inside a transaction (they may be rolled back)', () => {
    const db = fakeDb();
    const entry = preparedPerson(txOf(db), row(id, 7, 'Uncommitted'));
    expect(entry.prepared.names.length).toBeGreaterThan(0);
    expect(cachedPerson(db, id, 7)).toBeUndefined();
  });

  it('freezes the rows it shares, so that a caller changing one fails loudly', () => {
    const db = fakeDb();
    const entry = preparedPerson(db, row(id, 3, 'Frozen'));
    expect(() => {
      (entry.row.record.names[0] as { surname: string }).surname = 'Changed';
    }).toThrow(TypeError);
  });

  it('without a scope (a wrapped connection) nothing is cached', () => {
    const bare: Queryable = { query: never };
    preparedPerson(bare, row(id, 9, 'Nowhere'));
    expect(cachedPerson(bare, id, 9)).toBeUndefined();
  });
});
