import { prepareList, screenTraveller, type Adjudication, type PreparedList, type ScreeningConfig, type ScreeningResult, type Traveller } from '@kamurj/domain/border';
import type { Db, Queryable } from '../../db/client.ts';
import { activeEntries, activeEntriesJson, listVersions, toDomainEntry } from './lists-repository.ts';
import { ScreeningThread, screeningOptions } from './screening-thread.ts';
import { LIST_IDS } from './settings.ts';

/**
 * The prepared screening index of each list, kept in memory per database and rebuilt only when the list's
 * version counter (border_list_versions, raised by every change in the changing transaction) moves. A check
 * reads the counters (one small query) and screens against the prepared lists; it never prepares entries.
 * Concurrent checks that find a stale list share one rebuild.
 */
interface Cached {
  version: number;
  list: PreparedList;
}

const caches = new WeakMap<Db, Map<string, Cached>>();
const building = new WeakMap<Db, Map<string, Promise<Cached>>>();

/** Counts rebuilds (tests assert that a check does not rebuild an unchanged list). */
export const screeningStats = { rebuilds: 0 };

async function build(q: Queryable, listId: string, version: number): Promise<Cached> {
  const rows = await activeEntries(q, listId);
  screeningStats.rebuilds++;
  return { version, list: prepareList(rows.map(toDomainEntry)) };
}

/**
 * `q` reads the lists (a caller's transaction, on PGlite's single connection); `db` keys the cache;
 * `versions`: the counters as a borderReference read them.
 */
export async function preparedLists(db: Db, q: Queryable = db, pre?: Parameters<typeof listVersions>[1]): Promise<PreparedList[]> {
  return preparedAt(db, q, await listVersions(q, pre));
}

async function preparedAt(db: Db, q: Queryable, versions: Map<string, number>): Promise<PreparedList[]> {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  let pending = building.get(db);
  if (!pending) building.set(db, (pending = new Map()));
  const out: PreparedList[] = [];
  for (const listId of Object.values(LIST_IDS)) {
    const version = versions.get(listId) ?? 0;
    const have = cache.get(listId);
    if (have && have.version === version) {
      out.push(have.list);
      continue;
    }
    const key = `${listId}@${version}`;
    let p = pending.get(key);
    if (!p) {
      p = build(q, listId, version).finally(() => pending.delete(key));
      pending.set(key, p);
    }
    const built = await p;
    const current = cache.get(listId);
    if (!current || current.version <= built.version) cache.set(listId, built);
    out.push(built.list);
  }
  return out;
}

/**
 * Where screening runs (ADR 0510): `thread` — a worker thread holding the prepared lists; `event-loop` —
 * here; `auto` (the default) — the thread once the lists hold THREAD_MIN_ENTRIES active entries together,
 * where a list's preparation takes seconds and a traveller's screening about a millisecond.
 */
export type ScreeningPlace = 'auto' | 'thread' | 'event-loop';
export const THREAD_MIN_ENTRIES = 20_000;

interface ThreadState {
  place: ScreeningPlace;
  thread: ScreeningThread | null;
  /** Active entries of all lists, counted at these versions (`auto`). */
  counted: { at: string; entries: Promise<number> } | null;
}
const threads = new WeakMap<Db, ThreadState>();
const stateOf = (db: Db): ThreadState => {
  let s = threads.get(db);
  if (!s) threads.set(db, (s = { place: 'auto', thread: null, counted: null }));
  return s;
};

/** Sets where this database's screening runs (buildApp: KAMURJ_SCREENING_THREAD). */
export function placeScreening(db: Db, place: ScreeningPlace): void {
  stateOf(db).place = place;
}

/** Stops the database's screening thread, if it has one (the server's close). */
export async function closeScreening(db: Db): Promise<void> {
  const s = threads.get(db);
  const thread = s?.thread;
  if (s) s.thread = null;
  await thread?.close();
}

/** Whether the database's screening runs in its thread now (tests and the benchmark report it). */
export function screeningInThread(db: Db): boolean {
  const s = threads.get(db);
  return Boolean(s && s.place !== 'event-loop' && s.thread && !s.thread.failure);
}

/** The database's thread, for tests that stop it as a crash would. */
export const screeningThreadOf = (db: Db): ScreeningThread | null => threads.get(db)?.thread ?? null;

export interface ScreenCall {
  traveller: Traveller;
  date: string;
  config?: ScreeningConfig;
  explain?: boolean;
  adjudications?: readonly Adjudication[];
}

/**
 * Screens one traveller against the lists at `versions` (as a borderReference read them), in the screening
 * thread or on the event loop (ADR 0510); the answer is the same either way. A thread that fails is
 * reported once and not used again: screening goes on here.
 */
export async function screenAgainstLists(db: Db, q: Queryable, call: ScreenCall, pre?: Parameters<typeof listVersions>[1]): Promise<ScreeningResult> {
  const versions = await listVersions(q, pre);
  const thread = await threadFor(db, q, versions);
  if (thread) {
    try {
      await thread.ensure(Object.values(LIST_IDS), versions, (listId) => {
        screeningStats.rebuilds++;
        return activeEntriesJson(q, listId);
      });
      const { adjudications, ...rest } = call;
      return await thread.screen({ type: 'screen', listIds: Object.values(LIST_IDS), ...rest, ...(adjudications ? { adjudications: [...adjudications] } : {}) });
    } catch (e) {
      if (!thread.failure) throw e;
      console.warn(`screening continues on the event loop: ${thread.failure.message}`);
    }
  }
  const lists = await preparedAt(db, q, versions);
  return screenTraveller(call.traveller, lists, screeningOptions(call));
}

async function threadFor(db: Db, q: Queryable, versions: Map<string, number>): Promise<ScreeningThread | null> {
  const s = stateOf(db);
  if (s.place === 'event-loop') return null;
  if (s.thread) return s.thread.failure ? null : s.thread;
  if (s.place === 'auto') {
    const at = [...versions].map(([k, v]) => `${k}@${v}`).join(',');
    if (s.counted?.at !== at) {
      const entries = countActive(q);
      s.counted = { at, entries };
      // A failed count (the caller's transaction aborted, say) is not kept: the next check counts again.
      entries.catch(() => {
        if (s.counted?.entries === entries) s.counted = null;
      });
    }
    if ((await s.counted.entries) < THREAD_MIN_ENTRIES) return null;
  }
  if (s.thread) return s.thread;
  s.thread = new ScreeningThread();
  // The lists prepared on the event loop so far are the thread's now.
  caches.delete(db);
  return s.thread;
}

async function countActive(q: Queryable): Promise<number> {
  return Number((await q.query<{ n: string }>('SELECT count(*) AS n FROM border_list_entries WHERE active')).rows[0]?.n ?? 0);
}
