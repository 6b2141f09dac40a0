import { describe, expect, it } from 'vitest';
import type { Db, Queryable } from './client.ts';
import { coalesced } from './coalesce.ts';

const dbLike = (): Db => ({ kind: 'pglite', scope: {}, query: () => Promise.resolve({ rows: [], rowCount: 0 }), tx: () => Promise.reject(new Error('unused')), exec: () => Promise.resolve(), close: () => Promise.resolve() }) as unknown as Db;

function counter() {
  let reads = 0;
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  return { read: async () => { reads++; await gate; return { n: reads }; }, reads: () => reads, release: () => release() };
}

describe('single-flight reads', () => {
  it('concurrent callers share one read; a later caller reads again', async () => {
    const db = dbLike();
    const c = counter();
    const a = coalesced(db, 'k', c.read);
    const b = coalesced(db, 'k', c.read);
    c.release();
    expect(await a).toBe(await b);
    expect(c.reads()).toBe(1);
    await coalesced(db, 'k', c.read);
    expect(c.reads()).toBe(2);
  });

  it('keys and databases are apart; transactions and scope-less connections always read', async () => {
    const db = dbLike();
    const other = dbLike();
    const c = counter();
    const reads = [coalesced(db, 'a', c.read), coalesced(db, 'b', c.read), coalesced(other, 'a', c.read)];
    const tx: Queryable = { scope: db.scope!, query: db.query };
    reads.push(coalesced(tx, 'a', c.read), coalesced(tx, 'a', c.read), coalesced({ query: db.query }, 'a', c.read));
    c.release();
    await Promise.all(reads);
    expect(c.reads()).toBe(6);
  });

  it('a failed read fails every waiting caller and is not kept', async () => {
    const db = dbLike();
    let calls = 0;
    const failing = () => {
      calls++;
      return Promise.reject(new Error('connection lost'));
    };
    await expect(Promise.all([coalesced(db, 'k', failing), coalesced(db, 'k', failing)])).rejects.toThrow('connection lost');
    expect(calls).toBe(1);
    await expect(coalesced(db, 'k', () => Promise.resolve(7))).resolves.toBe(7);
  });
});
