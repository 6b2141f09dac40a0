import * as P from '@kamurj/domain/persons';
import { prepareRecord, type PreparedRecord } from '@kamurj/domain/names';
import type { Queryable } from '../../db/client.ts';
import { COLUMNS, type PersonRow } from './repository.ts';

/**
 * Registry persons' prepared matcher records by `id:version` (ADR 0505). Every change of a person row
 * raises its version, so an entry never goes stale; it only stops being asked for. Candidate searches (the
 * border console, recording a crossing, duplicate detection) score up to 200 rows each and the same
 * common-name holders come back again and again: preparing their names was a tenth of the pipeline's CPU.
 * One cache per database (`Queryable.scope`), least recently used out first. Only records read outside a
 * transaction are kept: those are committed, while a version read inside a transaction might be rolled
 * back and the same number later committed with other content.
 *
 * Only the prepared record is kept, not the row it came from (ADR 0527): every search returns its rows
 * anyway, and each kept object is one more for every full garbage collection to mark. With the rows kept
 * too, the 50,000 entries took three times the memory (1,981 bytes each against 656), and a full
 * collection that marked them held the event loop for tens of milliseconds. The cached records are shared by every later search and are
 * read only (the matcher's types are `readonly` throughout); they are not frozen, since freezing was a
 * walk of every new entry and gives the cached objects other shapes than the searcher's own record.
 */
const LIMIT = 50_000;
const caches = new WeakMap<object, Map<string, PreparedRecord>>();

function cacheOf(db: Queryable): Map<string, PreparedRecord> | null {
  if (!db.scope) return null;
  let cache = caches.get(db.scope);
  if (!cache) caches.set(db.scope, (cache = new Map()));
  return cache;
}

const keyOf = (id: string, version: number) => `${id}:${version}`;

/** The cached prepared record of this version of a person, if any (and marks it recently used). */
export function cachedRecord(db: Queryable, id: string, version: number): PreparedRecord | undefined {
  const cache = cacheOf(db);
  const key = keyOf(id, version);
  const hit = cache?.get(key);
  if (hit && cache) {
    cache.delete(key);
    cache.set(key, hit);
  }
  return hit;
}

/** A person row whose record came as JSON text (`record::text`, CANDIDATE_COLUMNS). */
export type PersonRowJson = Omit<PersonRow, 'record'> & { record: string };

/** A candidate row with its prepared matcher record. */
export interface PreparedCandidate {
  readonly row: PersonRowJson;
  readonly prepared: PreparedRecord;
}

/**
 * The row with its prepared matcher record, from the cache or prepared now (and kept). The record's text is
 * parsed only when this version is not cached: candidate searches return the same namesakes again and
 * again, and the parse of every candidate's record was most of their cost once the preparation was cached
 * (ADR 0511).
 */
export function preparedCandidate(db: Queryable, row: PersonRowJson): PreparedCandidate {
  const hit = cachedRecord(db, row.id, row.version);
  if (hit) return { row, prepared: hit };
  const prepared = prepareRecord(P.toMatcherRecord(JSON.parse(row.record) as PersonRow['record']));
  const cache = 'tx' in db ? cacheOf(db) : null;
  if (cache) {
    cache.set(keyOf(row.id, row.version), prepared);
    if (cache.size > LIMIT) cache.delete(cache.keys().next().value!);
  }
  return { row, prepared };
}

/** The row with its record parsed: for the candidates a search returns (few; the rest are only scored). */
export const parsedRow = (row: PersonRowJson): PersonRow => ({ ...row, record: JSON.parse(row.record) as PersonRow['record'] });

/** The person columns of a candidate search (alias `p`), the record as JSON text for preparedCandidate. */
export const CANDIDATE_COLUMNS = COLUMNS.split(', ').map((c) => (c === 'record' ? 'p.record::text AS record' : `p.${c}`)).join(', ');
