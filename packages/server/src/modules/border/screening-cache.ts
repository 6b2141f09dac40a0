import { prepareList, type PreparedList } from '@kamurj/domain/border';
import type { Db, Queryable } from '../../db/client.ts';
import { activeEntries, listVersions, toDomainEntry } from './lists-repository.ts';
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
  const versions = await listVersions(q, pre);
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
