import type * as P from '@kamurj/domain/persons';
import type { Db, Queryable } from '../../db/client.ts';
import { derived, indexEntries, reindex } from './repository.ts';

/**
 * Bulk loading of person records (ADR 0303): the rows `insertPerson` + `appendHistory` write for one
 * person — the person with its derived columns, version 1 in the history, the name keys and document
 * numbers of the search index — for a whole batch in four statements (`jsonb_to_recordset` and `unnest`),
 * on PGlite and PostgreSQL alike. The derived values come from the same functions as the one-by-one path
 * (`derived`, `indexEntries`), so search cannot tell the two apart. No duplicate detection and no audit
 * row per person: the caller writes one audit row per batch, and `persons dedupe` finds duplicates later.
 */
export interface BulkPerson {
  id: string;
  record: P.PersonData;
  jurisdictionPath: string | null;
}

export interface BulkOptions {
  at: Date;
  source: 'seed' | 'import';
  actorId: string | null;
  actorName: string;
  /** Written to each history row's details (e.g. `{ source: 'population', seed: 7 }`). */
  historyDetails: Record<string, unknown>;
}

export interface BulkCounts {
  persons: number;
  nameKeys: number;
  documentKeys: number;
}

const RECORDSET = `jsonb_to_recordset($1::jsonb) AS x(id uuid, record jsonb, jurisdiction_path text, birth_date text, birth_year integer,
  sex text, nationalities text[], trafficking_victim boolean, asylum_seeker boolean)`;

/** A batch turned into statement parameters (CPU only, no I/O), so that the next batch can be prepared while one is written. */
export interface PreparedBatch {
  ids: string[];
  json: string;
  keys: string[];
  keyPersons: string[];
  keyYears: (number | null)[];
  keyDates: (string | null)[];
  docNumbers: string[];
  docIssuers: string[];
  docPersons: string[];
}

export function prepareBatch(persons: readonly BulkPerson[]): PreparedBatch {
  const b: PreparedBatch = { ids: [], json: '', keys: [], keyPersons: [], keyYears: [], keyDates: [], docNumbers: [], docIssuers: [], docPersons: [] };
  const rows = persons.map((p) => {
    const [birthDate, birthYear, sex, nationalities, traffickingVictim, asylumSeeker] = derived(p.record);
    const index = indexEntries(p.record);
    b.ids.push(p.id);
    for (const k of index.keys) {
      b.keys.push(k);
      b.keyPersons.push(p.id);
      b.keyYears.push(birthYear as number | null);
      b.keyDates.push(birthDate as string | null);
    }
    for (const d of index.docs) {
      b.docNumbers.push(d.number);
      b.docIssuers.push(d.issuer);
      b.docPersons.push(p.id);
    }
    return {
      id: p.id,
      record: p.record,
      jurisdiction_path: p.jurisdictionPath,
      birth_date: birthDate,
      birth_year: birthYear,
      sex,
      nationalities,
      trafficking_victim: traffickingVictim,
      asylum_seeker: asylumSeeker,
    };
  });
  b.json = JSON.stringify(rows);
  return b;
}

/** Writes a prepared batch inside the caller's transaction. Ids must be new (a conflict fails the batch). */
export async function writeBatch(tx: Queryable, b: PreparedBatch, o: BulkOptions): Promise<BulkCounts> {
  if (!b.ids.length) return { persons: 0, nameKeys: 0, documentKeys: 0 };
  await tx.query(
    `INSERT INTO persons (id, version, record, jurisdiction_path, birth_date, birth_year, sex, nationalities, trafficking_victim, asylum_seeker, source, created_at, created_by, updated_at)
     SELECT id, 1, record, jurisdiction_path, birth_date, birth_year, sex, nationalities, trafficking_victim, asylum_seeker, $2, $3, $4, $3 FROM ${RECORDSET}`,
    [b.json, o.source, o.at, o.actorId],
  );
  // Version 1 of the history is the record just written (read back rather than sent twice).
  await tx.query(
    `INSERT INTO person_history (person_id, version, at, actor_id, actor_name, action, record, merged_into, details)
     SELECT id, 1, $2, $3, $4, 'create', record, NULL, $5 FROM persons WHERE id = ANY($1::uuid[])`,
    [b.ids, o.at, o.actorId, o.actorName, JSON.stringify(o.historyDetails)],
  );
  if (b.keys.length) {
    await tx.query(
      'INSERT INTO person_name_keys (key, person_id, birth_year, birth_date) SELECT * FROM unnest($1::text[], $2::uuid[], $3::int[], $4::text[]) ON CONFLICT DO NOTHING',
      [b.keys, b.keyPersons, b.keyYears, b.keyDates],
    );
  }
  if (b.docNumbers.length) {
    await tx.query('INSERT INTO person_document_keys (number, issuer, person_id) SELECT * FROM unnest($1::text[], $2::text[], $3::uuid[]) ON CONFLICT DO NOTHING', [
      b.docNumbers,
      b.docIssuers,
      b.docPersons,
    ]);
  }
  return { persons: b.ids.length, nameKeys: b.keys.length, documentKeys: b.docNumbers.length };
}

/** Prepares and writes one batch inside the caller's transaction. */
export function bulkInsertPersons(tx: Queryable, persons: readonly BulkPerson[], o: BulkOptions): Promise<BulkCounts> {
  return writeBatch(tx, prepareBatch(persons), o);
}

/**
 * Rebuilds the search index (name keys, word pairs, birth years, document numbers) of every record in
 * use, in id order, one transaction per page: after a change of the key derivation (e.g. migration 0005
 * added word-pair keys, which SQL cannot compute). Returns the number of persons reindexed.
 */
export async function reindexAll(db: Db, onProgress?: (done: number) => void): Promise<number> {
  let last = '00000000-0000-0000-0000-000000000000';
  let done = 0;
  for (;;) {
    const page = (await db.query<{ id: string; record: P.PersonData }>('SELECT id, record FROM persons WHERE merged_into IS NULL AND id > $1 ORDER BY id LIMIT 500', [last])).rows;
    if (!page.length) return done;
    last = page[page.length - 1]!.id;
    await db.tx(async (tx) => {
      for (const p of page) await reindex(tx, p.id, p.record);
    });
    done += page.length;
    onProgress?.(done);
  }
}
