import type { Queryable } from './client.ts';

/**
 * Single-flight reads (ADR 0506): while a read with this key is in flight on this database, callers share
 * its answer instead of sending the same statement again. For small, hot, read-only statements that every
 * border check makes (settings, crossing points, list version counters): at 16 checks at once they were
 * three round trips of each check's fourteen. A caller sees data at least as new as the moment the shared
 * read started — at most one statement's time before its own call. Only outside transactions (a
 * transaction must read its own snapshot) and only with a database scope. Answers are shared: callers
 * must not change them.
 */
const inflight = new WeakMap<object, Map<string, Promise<unknown>>>();

export function coalesced<T>(db: Queryable, key: string, read: () => Promise<T>): Promise<T> {
  if (!db.scope || !('tx' in db)) return read();
  let reads = inflight.get(db.scope);
  if (!reads) inflight.set(db.scope, (reads = new Map()));
  const pending = reads.get(key);
  if (pending) return pending as Promise<T>;
  const map = reads;
  const p = read().finally(() => map.delete(key));
  map.set(key, p);
  return p;
}
