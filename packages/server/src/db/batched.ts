import type { Queryable } from './client.ts';

/**
 * Reads batched across concurrent callers (ADR 0507). A caller's read goes out at once when no read of
 * the same name is in flight on this database; callers that come while one is in flight wait and go out
 * together, in one statement for all their keys, as soon as it returns. Nothing waits for a timer: a
 * quiet system reads for each caller alone, a busy one reads once for many. Every caller gets the answer
 * of a read that started after its call (fresher than a shared in-flight read, ADR 0506), for the union
 * of the keys it was sent with and must pick its own. Outside transactions only (a transaction reads its
 * own snapshot) and only with a database scope; one name, one read function. Answers are shared: callers
 * must not change them.
 */
interface Pending<K, R> {
  keys: Set<K>;
  waiters: { resolve: (r: R) => void; reject: (e: unknown) => void }[];
}

interface Reader {
  running: boolean;
  next: Pending<unknown, unknown> | null;
}

const readers = new WeakMap<object, Map<string, Reader>>();

export function batchedRead<K, R>(db: Queryable, name: string, keys: readonly K[], read: (keys: K[]) => Promise<R>): Promise<R> {
  if (!db.scope || !('tx' in db)) return read([...keys]);
  let byName = readers.get(db.scope);
  if (!byName) readers.set(db.scope, (byName = new Map()));
  let reader = byName.get(name);
  if (!reader) byName.set(name, (reader = { running: false, next: null }));
  const r = reader;
  return new Promise<R>((resolve, reject) => {
    const next = (r.next ??= { keys: new Set(), waiters: [] }) as Pending<K, R>;
    for (const k of keys) next.keys.add(k);
    next.waiters.push({ resolve, reject });
    if (!r.running) void drain(r, read as (keys: unknown[]) => Promise<unknown>);
  });
}

async function drain(r: Reader, read: (keys: unknown[]) => Promise<unknown>): Promise<void> {
  r.running = true;
  try {
    while (r.next) {
      const batch = r.next;
      r.next = null;
      try {
        const answer = await read([...batch.keys]);
        for (const w of batch.waiters) w.resolve(answer);
      } catch (e) {
        for (const w of batch.waiters) w.reject(e);
      }
    }
  } finally {
    r.running = false;
  }
}
