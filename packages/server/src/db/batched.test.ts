import { describe, expect, it } from 'vitest';
import { batchedRead } from './batched.ts';
import type { Queryable } from './client.ts';

/** A database stand-in: batchedRead only looks at `scope` and whether it is a database (has `tx`). */
const fakeDb = (): Queryable & { tx: unknown } => ({ scope: {}, tx: () => undefined, query: () => Promise.reject(new Error('not used')) });

function controlledRead() {
  const calls: { keys: string[]; finish: (v: unknown) => void; fail: (e: unknown) => void }[] = [];
  const read = (keys: string[]) => new Promise<unknown>((finish, fail) => calls.push({ keys: [...keys].sort(), finish, fail }));
  return { calls, read };
}
const tick = () => new Promise((r) => setTimeout(r, 0));

describe('reads batched across concurrent callers', () => {
  it('reads at once for a lone caller; callers that come meanwhile share the next read, with all their keys', async () => {
    const db = fakeDb();
    const { calls, read } = controlledRead();
    const first = batchedRead(db, 'x', ['a'], read);
    expect(calls.map((c) => c.keys)).toEqual([['a']]);
    const second = batchedRead(db, 'x', ['b', 'c'], read);
    const third = batchedRead(db, 'x', ['c', 'd'], read);
    expect(calls).toHaveLength(1);
    calls[0]!.finish('one');
    expect(await first).toBe('one');
    await tick();
    expect(calls.map((c) => c.keys)).toEqual([['a'], ['b', 'c', 'd']]);
    calls[1]!.finish('two');
    expect(await second).toBe('two');
    expect(await third).toBe('two');
    // Quiet again: the next caller reads alone, at once.
    const fourth = batchedRead(db, 'x', ['e'], read);
    expect(calls.map((c) => c.keys).at(-1)).toEqual(['e']);
    calls[2]!.finish('three');
    expect(await fourth).toBe('three');
  });

  it('fails every caller of a failed read, and the next read still goes out', async () => {
    const db = fakeDb();
    const { calls, read } = controlledRead();
    const first = batchedRead(db, 'x', ['a'], read);
    const second = batchedRead(db, 'x', ['b'], read);
    const third = batchedRead(db, 'x', ['c'], read);
    calls[0]!.finish(1);
    await first;
    await tick();
    calls[1]!.fail(new Error('connection lost'));
    await expect(second).rejects.toThrow('connection lost');
    await expect(third).rejects.toThrow('connection lost');
    const fourth = batchedRead(db, 'x', ['d'], read);
    calls[2]!.finish(4);
    expect(await fourth).toBe(4);
  });

  it('keeps names and databases apart, and reads directly inside a transaction', async () => {
    const db = fakeDb();
    const other = fakeDb();
    const { calls, read } = controlledRead();
    void batchedRead(db, 'x', ['a'], read);
    void batchedRead(db, 'y', ['b'], read);
    void batchedRead(other, 'x', ['c'], read);
    const tx: Queryable = { scope: db.scope!, query: db.query };
    void batchedRead(tx, 'x', ['d'], read);
    void batchedRead(tx, 'x', ['e'], read);
    expect(calls.map((c) => c.keys)).toEqual([['a'], ['b'], ['c'], ['d'], ['e']]);
    for (const c of calls) c.finish(null);
  });
});
