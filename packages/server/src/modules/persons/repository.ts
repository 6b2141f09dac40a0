import * as P from '@kamurj/domain/persons';
import type { Queryable } from '../../db/client.ts';

export interface PersonRow {
  id: string;
  version: number;
  record: P.PersonData;
  jurisdiction_path: string | null;
  merged_into: string | null;
  source: string;
  created_at: Date;
  created_by: string | null;
  updated_at: Date;
}

export const COLUMNS = 'id, version, record, jurisdiction_path, merged_into, source, created_at, created_by, updated_at';

export async function findPerson(db: Queryable, id: string, lock = false): Promise<PersonRow | undefined> {
  const r = await db.query<PersonRow>(`SELECT ${COLUMNS} FROM persons WHERE id = $1${lock ? ' FOR UPDATE' : ''}`, [id]);
  return r.rows[0];
}

export async function findPersons(db: Queryable, ids: readonly string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  return (await db.query<PersonRow>(`SELECT ${COLUMNS} FROM persons WHERE id = ANY($1::uuid[])`, [ids], { prepare: true })).rows;
}

/** Follows merge redirects (a merged record points at its survivor) to the record in use. */
export async function resolveSurvivor(db: Queryable, id: string): Promise<{ row: PersonRow; redirectedFrom: string | null } | undefined> {
  let row = await findPerson(db, id);
  if (!row) return undefined;
  for (let hops = 0; row.merged_into && hops < 20; hops++) {
    const next = await findPerson(db, row.merged_into);
    if (!next) break;
    row = next;
  }
  return { row, redirectedFrom: row.id === id ? null : id };
}

/**
 * Columns derived from the record for filtering: birth date, birth year, sex, nationalities, trafficking
 * victim, asylum seeker (in that order). Shared with the bulk loader so both paths write the same row.
 */
export function derived(d: P.PersonData) {
  const year = d.birthDate ? Number(d.birthDate.slice(0, 4)) : null;
  return [d.birthDate, year, d.sex, d.citizenships.map((c) => c.code), d.protection.traffickingVictim, d.protection.asylumSeeker];
}

export interface NewPerson {
  id: string;
  record: P.PersonData;
  jurisdictionPath: string | null;
  source: 'entry' | 'document' | 'import' | 'seed';
  at: Date;
  actorId: string | null;
}

/** Version 1 of a new person's history, when written with the person (newPersonsPayload). */
export interface FirstVersion {
  actorName: string;
  details: Record<string, unknown>;
}

/** A pair of persons for the duplicate review queue, as NEW_PERSONS_CTES writes it (dedupe.ts pairRows). */
export interface PairRow {
  id: string;
  person_a: string;
  person_b: string;
  score: number;
  explanation: unknown;
  found_by: string;
  found_at: Date;
}

/**
 * New persons with their name keys and document numbers (a new id has no index rows to clear), version 1
 * of their history when given, and duplicate pairs, as the rows of one jsonb object that NEW_PERSONS_CTES
 * writes (ADR 0509: registering travellers is part of a border group's statement).
 */
export function newPersonsPayload(people: readonly (NewPerson & { history?: FirstVersion })[], pairs: readonly PairRow[] = []) {
  const persons: unknown[] = [];
  const names: unknown[] = [];
  const documents: unknown[] = [];
  const history: unknown[] = [];
  for (const p of people) {
    const [birthDate, birthYear, sex, nationalities, traffickingVictim, asylumSeeker] = derived(p.record);
    persons.push({ id: p.id, record: p.record, jurisdiction_path: p.jurisdictionPath, birth_date: birthDate, birth_year: birthYear, sex, nationalities, trafficking_victim: traffickingVictim, asylum_seeker: asylumSeeker, source: p.source, created_at: p.at, created_by: p.actorId });
    const { keys, docs } = indexEntries(p.record);
    for (const key of keys) names.push({ key, person_id: p.id, birth_year: birthYear, birth_date: birthDate });
    for (const d of docs) documents.push({ number: d.number, issuer: d.issuer, person_id: p.id });
    if (p.history) history.push({ person_id: p.id, at: p.at, actor_id: p.actorId, actor_name: p.history.actorName, record: p.record, details: p.history.details });
  }
  return { persons, names, documents, history, pairs };
}

/** CTEs writing a newPersonsPayload given as the jsonb SQL expression `source` (each part may be empty). */
export const NEW_PERSONS_CTES = (source: string) => `new_persons AS (
       INSERT INTO persons (id, version, record, jurisdiction_path, birth_date, birth_year, sex, nationalities, trafficking_victim, asylum_seeker, source, created_at, created_by, updated_at)
       SELECT id, 1, record, jurisdiction_path, birth_date, birth_year, sex, coalesce(nationalities, '{}'), trafficking_victim, asylum_seeker, source, created_at, created_by, created_at
         FROM jsonb_to_recordset(${source}->'persons') AS x(id uuid, record jsonb, jurisdiction_path text, birth_date text, birth_year integer, sex text, nationalities text[],
           trafficking_victim boolean, asylum_seeker boolean, source text, created_at timestamptz, created_by text)),
     new_name_keys AS (
       INSERT INTO person_name_keys (key, person_id, birth_year, birth_date)
       SELECT key, person_id, birth_year, birth_date FROM jsonb_to_recordset(${source}->'names') AS x(key text, person_id uuid, birth_year integer, birth_date text)
       ON CONFLICT DO NOTHING),
     new_document_keys AS (
       INSERT INTO person_document_keys (number, issuer, person_id)
       SELECT number, issuer, person_id FROM jsonb_to_recordset(${source}->'documents') AS x(number text, issuer text, person_id uuid)
       ON CONFLICT DO NOTHING),
     new_history AS (
       INSERT INTO person_history (person_id, version, at, actor_id, actor_name, action, record, merged_into, details)
       SELECT person_id, 1, at, actor_id, actor_name, 'create', record, NULL, coalesce(details, '{}')
         FROM jsonb_to_recordset(${source}->'history') AS x(person_id uuid, at timestamptz, actor_id text, actor_name text, record jsonb, details jsonb)),
     new_pairs AS (
       INSERT INTO duplicate_candidates (id, person_a, person_b, score, explanation, found_by, found_at)
       SELECT id, person_a, person_b, score, explanation, found_by, found_at
         FROM jsonb_to_recordset(${source}->'pairs') AS x(id uuid, person_a uuid, person_b uuid, score float8, explanation jsonb, found_by text, found_at timestamptz)
       ON CONFLICT (person_a, person_b) DO UPDATE SET score = EXCLUDED.score, explanation = EXCLUDED.explanation
         WHERE duplicate_candidates.status IN ('pending', 'unsure')
       RETURNING id, person_a, person_b)`;

/** A new person with its name keys and document numbers (and version 1 of its history), in one statement (newPersonsPayload). */
export async function insertPerson(tx: Queryable, p: NewPerson & { history?: FirstVersion }): Promise<void> {
  await tx.query(`WITH ${NEW_PERSONS_CTES('$1::jsonb')} SELECT 1`, [JSON.stringify(newPersonsPayload([p]))], { prepare: true });
}

/** Writes a new version if the stored one is `version`; false when someone else changed it first. */
export async function updatePerson(
  tx: Queryable,
  id: string,
  version: number,
  changes: { record: P.PersonData; jurisdictionPath: string | null; mergedInto: string | null; at: Date },
): Promise<boolean> {
  const r = await tx.query(
    `UPDATE persons SET version = version + 1, record = $3, jurisdiction_path = $4, birth_date = $5, birth_year = $6, sex = $7,
            nationalities = $8, trafficking_victim = $9, asylum_seeker = $10, merged_into = $11, updated_at = $12
      WHERE id = $1 AND version = $2`,
    [id, version, JSON.stringify(changes.record), changes.jurisdictionPath, ...derived(changes.record), changes.mergedInto, changes.at],
  );
  if (r.rowCount !== 1) return false;
  // A merged record leaves the search index; it is reachable only through its survivor.
  if (changes.mergedInto) await clearIndex(tx, id);
  else await reindex(tx, id, changes.record);
  return true;
}

async function clearIndex(tx: Queryable, id: string): Promise<void> {
  await tx.query('DELETE FROM person_name_keys WHERE person_id = $1', [id]);
  await tx.query('DELETE FROM person_document_keys WHERE person_id = $1', [id]);
}

/**
 * Word-pair keys (`p:<a>|<b>`, ADR 0303): for every two tokens of a name form, their loose keys in order.
 * A search for a two-word name reads the holders of that name directly instead of intersecting the long
 * lists of a common given name and a common surname.
 */
export function pairKeys(words: readonly string[]): { key: string; a: number; b: number }[] {
  const loose = words.map((w) => P.prefixKey(w));
  const out: { key: string; a: number; b: number }[] = [];
  for (let i = 0; i < loose.length; i++) {
    for (let j = i + 1; j < loose.length; j++) {
      const [x, y] = [loose[i], loose[j]];
      if (!x || !y || x === y) continue;
      out.push({ key: x < y ? `p:${x}|${y}` : `p:${y}|${x}`, a: i, b: j });
    }
  }
  return out;
}

/** The search-index entries of a record: name keys (tokens and word pairs) and normalised document numbers (also used by the bulk loader). */
export function indexEntries(record: P.PersonData): { keys: string[]; docs: { number: string; issuer: string }[] } {
  const keys = new Set(P.searchKeys(record));
  for (const n of record.names) for (const p of pairKeys(P.nameTokens(P.fullName(n)))) keys.add(p.key);
  return { keys: [...keys], docs: P.documentKeys(record) };
}

/** Rebuilds the person's name keys and document numbers from the record (derived, never edited by hand). */
export async function reindex(tx: Queryable, id: string, record: P.PersonData): Promise<void> {
  await clearIndex(tx, id);
  const { keys, docs } = indexEntries(record);
  if (keys.length) {
    await tx.query('INSERT INTO person_name_keys (key, person_id, birth_year, birth_date) SELECT k, $2, $3, $4 FROM unnest($1::text[]) AS k ON CONFLICT DO NOTHING', [
      keys,
      id,
      derived(record)[1],
      record.birthDate,
    ]);
  }
  if (docs.length) {
    await tx.query(
      `INSERT INTO person_document_keys (number, issuer, person_id) SELECT n, i, $3 FROM unnest($1::text[], $2::text[]) AS d(n, i) ON CONFLICT DO NOTHING`,
      [docs.map((d) => d.number), docs.map((d) => d.issuer), id],
    );
  }
}

export interface HistoryEntry {
  personId: string;
  version: number;
  at: Date;
  actorId: string | null;
  actorName: string | null;
  action: string;
  record: P.PersonData;
  mergedInto: string | null;
  details?: Record<string, unknown>;
}

export async function appendHistory(tx: Queryable, h: HistoryEntry): Promise<void> {
  await tx.query(
    `INSERT INTO person_history (person_id, version, at, actor_id, actor_name, action, record, merged_into, details) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
    [h.personId, h.version, h.at, h.actorId, h.actorName, h.action, JSON.stringify(h.record), h.mergedInto, JSON.stringify(h.details ?? {})],
    { prepare: true },
  );
}

export interface HistoryRow {
  version: number;
  at: Date;
  actor_name: string | null;
  action: string;
  record: P.PersonData;
  merged_into: string | null;
  details: Record<string, unknown>;
}

export async function listHistory(db: Queryable, id: string): Promise<HistoryRow[]> {
  return (
    await db.query<HistoryRow>(
      'SELECT version, at, actor_name, action, record, merged_into, details FROM person_history WHERE person_id = $1 ORDER BY version DESC',
      [id],
    )
  ).rows;
}

/** Ids of the records merged (directly) into this one and still merged. */
export async function mergedFrom(db: Queryable, id: string): Promise<string[]> {
  return (await db.query<{ id: string }>('SELECT id FROM persons WHERE merged_into = $1 ORDER BY created_at, id', [id])).rows.map((r) => r.id);
}

/** Users' unexpired break-the-glass grants among these persons. */
export async function activeGrants(db: Queryable, userId: string | null, personIds: readonly string[], now: Date): Promise<Set<string>> {
  if (!userId || personIds.length === 0) return new Set();
  const r = await db.query<{ person_id: string }>(
    'SELECT DISTINCT person_id FROM break_glass_grants WHERE user_id = $1 AND person_id = ANY($2::uuid[]) AND expires_at > $3',
    [userId, personIds, now],
  );
  return new Set(r.rows.map((x) => x.person_id));
}

export async function grantExpiry(db: Queryable, userId: string | null, personId: string, now: Date): Promise<Date | null> {
  if (!userId) return null;
  const r = await db.query<{ e: Date | null }>('SELECT max(expires_at) AS e FROM break_glass_grants WHERE user_id = $1 AND person_id = $2 AND expires_at > $3', [userId, personId, now]);
  return r.rows[0]?.e ?? null;
}
