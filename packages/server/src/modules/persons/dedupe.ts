import { randomUUID } from 'node:crypto';
import * as P from '@kamurj/domain/persons';
import { MATCH_WEIGHTS, prepareRecord, scoreCeiling, scorePrepared, DEFAULT_THRESHOLD, type MatchExplanation, type PreparedRecord } from '@kamurj/domain/names';
import { batchedRead } from '../../db/batched.ts';
import type { Db, Queryable } from '../../db/client.ts';
import type { AuditOrigin } from '../audit/index.ts';
import { isoDay } from './gate.ts';
import { mergePersons } from './merge.ts';
import { CANDIDATE_COLUMNS, parsedRow, preparedCandidate, type PersonRowJson, type PreparedCandidate } from './prepared-cache.ts';
import * as repo from './repository.ts';

const { birthDatesReaching, birthYearReach } = MATCH_WEIGHTS;

/**
 * Duplicate detection (ADR 0301): on every entry path (create, update, import, merge, unmerge) and in
 * batch over the registry. Candidates are blocked by shared comparison keys or document numbers, scored by
 * the matcher, and pairs at or above the match threshold (0.7) go to the review queue. A pair scoring at
 * least KAMURJ_AUTO_MERGE_THRESHOLD is merged at once, unless either record is protected.
 */
export type FoundBy = 'create' | 'update' | 'import' | 'merge' | 'unmerge' | 'batch';
const BLOCK_LIMIT = 200;

export interface Candidate {
  row: repo.PersonRow;
  score: number;
  explanation: MatchExplanation;
}

export async function findCandidates(
  db: Queryable,
  person: { id: string | null; record: P.PersonData },
  opts: { onlyAfterId?: boolean; threshold?: number; blockFor?: number } = {},
): Promise<Candidate[]> {
  const keys = P.matchKeys(person.record);
  const docs = P.documentKeys(person.record).map((d) => d.number);
  if (!keys.length && !docs.length) return [];
  const self = person.id ?? '00000000-0000-0000-0000-000000000000';
  const after = opts.onlyAfterId ? 'AND h.person_id > $3' : '';
  // With `blockFor` (the score the caller needs), names block only persons born close enough to the
  // record's birth year to reach it (domain birthYearReach; the border's 0.9: within a year) or of unknown
  // birth year (ADR 0506) and, when the record's birth date is full, only those whose full date can reach
  // it (birthDatesReaching; at 0.9 the same date, day and month swapped, or a year apart) or whose date is
  // partial (ADR 0507); documents still block everyone. A full date is one seek per date in the index by
  // key, year and date (its year is its first four digits; migration 0027).
  const reach = opts.blockFor === undefined ? null : birthYearReach(opts.blockFor);
  const year = reach === null ? null : repo.derived(person.record)[1];
  const dates = year === null || !person.record.birthDate ? null : birthDatesReaching(opts.blockFor!, person.record.birthDate);
  const names =
    year === null
      ? 'SELECT person_id, 1 AS w FROM person_name_keys WHERE key = ANY($1::text[])'
      : dates
        ? `SELECT k.person_id, 1 AS w FROM unnest($6::text[]) AS d(date) JOIN person_name_keys k ON k.key = ANY($1::text[]) AND k.birth_year = left(d.date, 4)::int AND k.birth_date = d.date
           UNION ALL SELECT person_id, 1 AS w FROM person_name_keys WHERE key = ANY($1::text[]) AND length(birth_date) < 10 AND birth_year BETWEEN $4::int - $5::int AND $4::int + $5::int
           UNION ALL SELECT person_id, 1 AS w FROM person_name_keys WHERE key = ANY($1::text[]) AND birth_year IS NULL`
        : `SELECT person_id, 1 AS w FROM person_name_keys WHERE key = ANY($1::text[]) AND birth_year BETWEEN $4::int - $5::int AND $4::int + $5::int
           UNION ALL SELECT person_id, 1 AS w FROM person_name_keys WHERE key = ANY($1::text[]) AND birth_year IS NULL`;
  // The candidates' rows come with the search, in one statement (ADR 0510); a version already prepared is
  // taken from the cache (prepared-cache.ts) instead of being prepared again.
  const r = await db.query<PersonRowJson>(
    `SELECT ${CANDIDATE_COLUMNS} FROM (
        ${names}
        UNION ALL SELECT person_id, 10 AS w FROM person_document_keys WHERE number = ANY($2::text[])
     ) h JOIN persons p ON p.id = h.person_id
     WHERE p.merged_into IS NULL AND h.person_id <> $3 ${after}
     GROUP BY p.id ORDER BY sum(h.w) DESC, p.id LIMIT ${BLOCK_LIMIT}`,
    year === null ? [keys, docs, self] : [keys, docs, self, year, reach, ...(dates ? [dates] : [])],
    { prepare: true },
  );
  const people = r.rows.map((row) => preparedCandidate(db, row));
  const mine = prepareRecord(P.toMatcherRecord(person.record));
  return scoreAll(mine, people, opts.threshold ?? DEFAULT_THRESHOLD);
}

/**
 * Only the holders of the record's documents (same normalised number, any issuer; the caller checks the
 * issuer), scored like findCandidates: the border's fast path for a document the registry knows
 * (ADR 0505). Every one of them is also a findCandidates candidate (a document outweighs name keys).
 */
export async function findDocumentCandidates(db: Queryable, record: P.PersonData, threshold = DEFAULT_THRESHOLD): Promise<Candidate[]> {
  const docs = P.documentKeys(record).map((d) => d.number);
  if (!docs.length) return [];
  // Concurrent travellers' lookups share one statement (ADR 0507); each takes the holders of its numbers.
  const holders = await batchedRead(db, 'persons.document-holders', docs, async (numbers) => {
    const found = (await db.query<PersonRowJson & { doc_number: string }>(
      `SELECT k.number AS doc_number, ${CANDIDATE_COLUMNS}
         FROM person_document_keys k JOIN persons p ON p.id = k.person_id WHERE k.number = ANY($1::text[]) AND p.merged_into IS NULL`,
      [numbers],
      { prepare: 'generic' },
    )).rows;
    const byNumber = new Map<string, PersonRowJson[]>();
    for (const { doc_number, ...row } of found) byNumber.set(doc_number, [...(byNumber.get(doc_number) ?? []), row]);
    return byNumber;
  });
  const unique = new Map<string, PersonRowJson>();
  for (const d of docs) for (const row of holders.get(d) ?? []) unique.set(row.id, row);
  const rows = [...unique.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, BLOCK_LIMIT);
  return scoreAll(prepareRecord(P.toMatcherRecord(record)), rows.map((row) => preparedCandidate(db, row)), threshold);
}

function scoreAll(mine: PreparedRecord, people: readonly PreparedCandidate[], threshold: number): Candidate[] {
  const out: Candidate[] = [];
  for (const { row, prepared } of people) {
    // Names are compared only when the pair can reach the threshold, and explained only when it does (ADR 0524).
    if (scoreCeiling(mine, prepared) < threshold || !scorePrepared(mine, prepared, { explain: false, threshold }).match) continue;
    const res = scorePrepared(mine, prepared, { explain: true, threshold });
    if (res.explanation) out.push({ row: parsedRow(row), score: res.score, explanation: res.explanation });
  }
  return out.sort((a, b) => b.score - a.score || (a.row.id < b.row.id ? -1 : 1));
}

/** The review-queue rows of a person's candidates (each pair in id order, as the table requires). */
export function pairRows(personId: string, candidates: readonly Candidate[], foundBy: FoundBy, at: Date): repo.PairRow[] {
  return candidates.map((c) => {
    const [a, b] = [personId, c.row.id].sort() as [string, string];
    return { id: randomUUID(), person_a: a, person_b: b, score: c.score, explanation: c.explanation, found_by: foundBy, found_at: at };
  });
}

/** Stores pairs in the review queue; a pair already decided keeps its decision. Returns the pair ids by the other person. */
export async function recordPairs(tx: Queryable, personId: string, candidates: readonly Candidate[], foundBy: FoundBy, at: Date): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  if (!candidates.length) return ids;
  // One statement for all pairs (ADR 0505: entry paths run this with the audit chain's head locked).
  const r = await tx.query<{ id: string; person_a: string; person_b: string }>(
    `WITH ${repo.NEW_PERSONS_CTES('$1::jsonb')} SELECT id, person_a, person_b FROM new_pairs`,
    [JSON.stringify(repo.newPersonsPayload([], pairRows(personId, candidates, foundBy, at)))],
    { prepare: true },
  );
  for (const row of r.rows) ids.set(row.person_a === personId ? row.person_b : row.person_a, row.id);
  return ids;
}

export interface DetectResult {
  candidates: Candidate[];
  /** The survivor this record was merged into automatically, if any. */
  autoMergedInto: string | null;
}

/**
 * Runs after a record was written (in the same transaction): queue the pairs, and merge automatically
 * when the best pair clears the configured threshold and neither record is protected. The older record
 * survives.
 */
export async function detectDuplicates(
  tx: Queryable,
  origin: AuditOrigin,
  person: { id: string; record: P.PersonData; createdAt: Date },
  foundBy: FoundBy,
  autoMergeThreshold: number,
  /** Found before the record was written (entry paths search first, so the audit head is locked for less). */
  found?: Candidate[],
): Promise<DetectResult> {
  const candidates = found ?? (await findCandidates(tx, person));
  const pairIds = await recordPairs(tx, person.id, candidates, foundBy, origin.at);
  const best = candidates[0];
  if (!best) return { candidates, autoMergedInto: null };
  const verdict = P.autoMergeVerdict(person.record, best.row.record, best.score, autoMergeThreshold, isoDay(origin.at));
  if (verdict !== 'merge' || !pairIds.has(best.row.id)) return { candidates, autoMergedInto: null };
  const older = best.row.created_at <= person.createdAt ? best.row.id : person.id;
  const newer = older === person.id ? best.row.id : person.id;
  await mergePersons(tx, origin, { survivorId: older, mergedId: newer, candidateId: pairIds.get(best.row.id) ?? null, automatic: true, reason: `score ${best.score}` });
  return { candidates, autoMergedInto: older === person.id ? null : older };
}

export interface BatchResult {
  scanned: number;
  pairs: number;
  autoMerged: number;
}

/**
 * Scans the registry (optionally only persons matching `where`) in id order; each pair is scored once,
 * from its lower id. Each person's pairs commit in their own transaction, so a long run makes progress.
 */
export async function batchDedupe(db: Db, origin: () => AuditOrigin, opts: { autoMergeThreshold: number; jurisdictionFilter?: (path: string | null) => boolean }): Promise<BatchResult> {
  const result: BatchResult = { scanned: 0, pairs: 0, autoMerged: 0 };
  let lastId = '00000000-0000-0000-0000-000000000000';
  for (;;) {
    const page = (
      await db.query<{ id: string }>('SELECT id FROM persons WHERE merged_into IS NULL AND id > $1 ORDER BY id LIMIT 500', [lastId])
    ).rows;
    if (!page.length) break;
    lastId = page[page.length - 1]!.id;
    for (const { id } of page) {
      const row = await repo.findPerson(db, id);
      if (!row || row.merged_into) continue;
      if (opts.jurisdictionFilter && !opts.jurisdictionFilter(row.jurisdiction_path)) continue;
      result.scanned++;
      const candidates = (await findCandidates(db, { id, record: row.record }, { onlyAfterId: true })).filter(
        (c) => !opts.jurisdictionFilter || opts.jurisdictionFilter(c.row.jurisdiction_path),
      );
      if (!candidates.length) continue;
      await db.tx(async (tx) => {
        const o = origin();
        const ids = await recordPairs(tx, id, candidates, 'batch', o.at);
        result.pairs += ids.size;
        const best = candidates[0]!;
        if (ids.has(best.row.id) && P.autoMergeVerdict(row.record, best.row.record, best.score, opts.autoMergeThreshold, isoDay(o.at)) === 'merge') {
          const older = best.row.created_at <= row.created_at ? best.row.id : id;
          await mergePersons(tx, o, { survivorId: older, mergedId: older === id ? best.row.id : id, candidateId: ids.get(best.row.id) ?? null, automatic: true, reason: `batch, score ${best.score}` });
          result.autoMerged++;
        }
      });
    }
  }
  return result;
}
