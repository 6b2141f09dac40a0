import * as P from '@kamurj/domain/persons';
import { prepareRecord, type PreparedRecord } from '@kamurj/domain/names';
import type { Queryable } from '../../db/client.ts';
import { COLUMNS, type PersonRow } from './repository.ts';

/**
 * Registry rows and their prepared matcher records by `id:version` (ADR 0505). Every change of a person
 * row raises its version, so an entry never goes stale; it only stops being asked for. Candidate
 * searches (the border console, recording a crossing, duplicate detection) score up to 200 rows each
 * and the same common-name holders come back again and again: preparing their names was a tenth of the
 * pipeline's CPU. One cache per database (`Queryable.scope`), least recently used out first. Only rows
 * read outside a transaction are kept: those are committed, while a version read inside a transaction
 * might be rolled back and the same number later committed with other content.
 */
export interface CachedPerson {
  readonly row: PersonRow;
  readonly prepared: PreparedRecord;
}

const LIMIT = 50_000;
const caches = new WeakMap<object, Map<string, CachedPerson>>();

function cacheOf(db: Queryable): Map<string, CachedPerson> | null {
  if (!db.scope) return null;
  let cache = caches.get(db.scope);
  if (!cache) caches.set(db.scope, (cache = new Map()));
  return cache;
}

const keyOf = (id: string, version: number) => `${id}:${version}`;

/** Cached rows are shared by every later search: frozen, so that a caller changing one fails loudly. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The cached entry of this version of a person, if any (and marks it recently used). */
export function cachedPerson(db: Queryable, id: string, version: number): CachedPerson | undefined {
  const cache = cacheOf(db);
  const key = keyOf(id, version);
  const hit = cache?.get(key);
  if (hit && cache) {
    cache.delete(key);
    cache.set(key, hit);
  }
  return hit;
}

/** The row with its prepared matcher record, from the cache or prepared now (and kept). */
export function preparedPerson(db: Queryable, row: PersonRow): CachedPerson {
  const hit = cachedPerson(db, row.id, row.version);
  if (hit) return hit;
  const entry = { row, prepared: prepareRecord(P.toMatcherRecord(row.record)) };
  const cache = 'tx' in db ? cacheOf(db) : null;
  if (cache) {
    deepFreeze(row);
    cache.set(keyOf(row.id, row.version), entry);
    if (cache.size > LIMIT) cache.delete(cache.keys().next().value!);
  }
  return entry;
}

/** A person row whose record came as JSON text (`record::text`, CANDIDATE_COLUMNS). */
export type PersonRowJson = Omit<PersonRow, 'record'> & { record: string };

/**
 * As preparedPerson, for a row whose record came as JSON text: the text is parsed only when this version
 * is not cached. Candidate searches return the same namesakes again and again, and the driver's parse of
 * every candidate's record was most of their cost once the preparation was cached (ADR 0511).
 */
export function preparedPersonJson(db: Queryable, row: PersonRowJson): CachedPerson {
  return cachedPerson(db, row.id, row.version) ?? preparedPerson(db, { ...row, record: JSON.parse(row.record) as PersonRow['record'] });
}

/** The person columns of a candidate search (alias `p`), the record as JSON text for preparedPersonJson. */
export const CANDIDATE_COLUMNS = COLUMNS.split(', ').map((c) => (c === 'record' ? 'p.record::text AS record' : `p.${c}`)).join(', ');
