import { describe, expect, it } from 'vitest';
import type { Db, Queryable } from '../../db/client.ts';
import { cachedRecord, parsedRow, preparedCandidate, type PersonRowJson } from './prepared-cache.ts';

const never = () => Promise.reject(new Error('no database in this test'));
const fakeDb = (): Db => ({ kind: 'pglite', scope: {}, query: never, tx: never, exec: never, close: never }) as unknown as Db;
const txOf = (db: Db): Queryable => ({ scope: db.scope!, query: never });

const row = (id: string, version: number, surname: string): PersonRowJson => ({
  id,
  version,
  record: JSON.stringify({ names: [{ surname, givenNames: 'Anna', kind: 'as-written' }], birthDate: '1980-02-03', sex: 'F', citizenships: [{ code: 'ARM' }], documents: [] }),
  jurisdiction_path: 'ARM.AM-ER',
  merged_into: null,
  source: 'test',
  created_at: new Date(0),
  created_by: null,
  updated_at: new Date(0),
});

const tokensOf = (c: { prepared: { names: readonly { tokens: readonly { pivot: string }[] }[] } }) => c.prepared.names.flatMap((n) => n.tokens.map((t) => t.pivot));

describe('prepared person cache', () => {
  const id = '00000000-0000-4000-8000-00000000c0c0';

  it('keeps committed records by id and version, one cache per database', () => {
    const a = fakeDb();
    const b = fakeDb();
    const first = preparedCandidate(a, row(id, 1, 'Petrosyan'));
    expect(cachedRecord(a, id, 1)).toBe(first.prepared);
    // A later search of the same version takes the prepared record from the cache, with its own row.
    const again = row(id, 1, 'Petrosyan');
    const second = preparedCandidate(a, again);
    expect(second.prepared).toBe(first.prepared);
    expect(second.row).toBe(again);
    // Another database with the same id and version has its own records.
    expect(cachedRecord(b, id, 1)).toBeUndefined();
    expect(tokensOf(preparedCandidate(b, row(id, 1, 'Sargsyan')))).toContain('sargsyan');
    // A new version is a miss, never the old content.
    expect(cachedRecord(a, id, 2)).toBeUndefined();
    expect(tokensOf(preparedCandidate(a, row(id, 2, 'Hakobyan')))).toContain('hakobyan');
  });

  it('does not keep records read inside a transaction (they may be rolled back)', () => {
    const db = fakeDb();
    const entry = preparedCandidate(txOf(db), row(id, 7, 'Uncommitted'));
    expect(entry.prepared.names.length).toBeGreaterThan(0);
    expect(cachedRecord(db, id, 7)).toBeUndefined();
  });

  it('keeps only the prepared record, not the row (ADR 0527)', () => {
    const db = fakeDb();
    const entry = preparedCandidate(db, row(id, 3, 'Kept'));
    const cached = cachedRecord(db, id, 3)!;
    expect(cached).toBe(entry.prepared);
    expect(Object.keys(cached)).not.toContain('row');
    expect(JSON.stringify(cached)).not.toContain('jurisdiction_path');
  });

  it("parses a matched candidate's record from its row", () => {
    const parsed = parsedRow(row(id, 4, 'Parsed'));
    expect(parsed.record.names[0]!.surname).toBe('Parsed');
    expect(parsed.jurisdiction_path).toBe('ARM.AM-ER');
  });

  it('without a scope (a wrapped connection) nothing is cached', () => {
    const bare: Queryable = { query: never };
    preparedCandidate(bare, row(id, 9, 'Nowhere'));
    expect(cachedRecord(bare, id, 9)).toBeUndefined();
  });
});
