import { access } from '@kamurj/domain';
import * as P from '@kamurj/domain/persons';
import { parsePartialDate, prepareRecord, scorePrepared, DEFAULT_THRESHOLD, type MatchExplanation, type PersonRecord } from '@kamurj/domain/names';
import type { Queryable } from '../../db/client.ts';
import * as repo from './repository.ts';
import { pairKeys } from './repository.ts';
import { reachFilter } from './scope-sql.ts';
import type { SearchQuery } from './schemas.ts';

/**
 * Person search (ADR 0301, 0303): candidates come from the indexed comparison keys — word pairs,
 * equality of each query word's keys, plus a key-prefix range for partial words — and exact document
 * numbers; the database ranks them by how many query words they hit, and the matcher scores the best
 * MAX_CANDIDATES with an explanation. Filters (birth date, nationality, sex, jurisdiction) narrow in SQL.
 */
export const MAX_CANDIDATES = 150;
/** Persons read per single key and per word pair (ADR 0303: bounded work at any registry size). */
export const KEY_CAP = 1000;
export const PAIR_CAP = 2000;
const MAX_WORDS = 8;

export interface SearchCriteria {
  nameWords: string[];
  documentNumbers: string[];
}

/** Words with digits are document numbers; the rest are names (in any script). */
export function splitQuery(q: SearchQuery): SearchCriteria {
  const words = (q.q ?? '').split(/[\s,;]+/u).filter(Boolean);
  const isDoc = (w: string) => /\d/.test(w) && P.normalizeDocumentNumber(w).length >= 4;
  const documentNumbers = [...words.filter(isDoc), ...(q.documentNumber ? [q.documentNumber] : [])].map(P.normalizeDocumentNumber).filter(Boolean);
  const nameWords = words.filter((w) => !isDoc(w)).flatMap((w) => P.nameTokens(w)).slice(0, MAX_WORDS);
  return { nameWords, documentNumbers: [...new Set(documentNumbers)] };
}

export interface Hit {
  row: repo.PersonRow;
  score: number | null;
  match: boolean;
  explanation: MatchExplanation | undefined;
  /** How the candidate was found: `name` (key equality), `prefix` (partial word), `document`, `filter`. */
  via: string[];
}

/**
 * A compatible partial birth date on `alias` (every part both sides know agrees: 1985 finds 1985-03-04
 * and vice versa): on `pp` (persons) or `k` (the name keys, which carry the birth date).
 */
function dateFilter(q: SearchQuery, alias: string, p: (v: unknown) => string): string[] {
  const d = q.birthDate ? parsePartialDate(q.birthDate) : null;
  if (!d) return [];
  const where = [`${alias}.birth_year = ${p(d.year)}`];
  if (d.month) where.push(`(length(${alias}.birth_date) = 4 OR substr(${alias}.birth_date, 6, 2) = ${p(String(d.month).padStart(2, '0'))})`);
  if (d.day) where.push(`(length(${alias}.birth_date) <= 7 OR substr(${alias}.birth_date, 9, 2) = ${p(String(d.day).padStart(2, '0'))})`);
  return where;
}

/** The other filters, on the persons table. */
function filters(q: SearchQuery, actor: access.Actor, p: (v: unknown) => string): string[] {
  const where: string[] = [];
  if (q.nationality) where.push(`${p(P.normalizeStateCode(q.nationality))} = ANY(pp.nationalities)`);
  if (q.sex) where.push(`pp.sex = ${p(q.sex)}`);
  const reach = reachFilter(actor, 'persons.read', 'pp.jurisdiction_path', p);
  if (reach) where.push(reach);
  return where;
}

/**
 * Candidate persons, ranked by the number of query words they hit (a document number counts as all).
 * The work is bounded whatever the registry size (ADR 0303): a word pair is one lookup of the pair key
 * (`p:a|b`, the holders of that two-word name); each single key reads at most KEY_CAP persons in id
 * order — among persons hitting the same number of words the lowest ids were kept before too — and with
 * a birth date the lookups read only the keys of persons born then (the year an index range, month and
 * day checked in the index, which carries the date). The persons table is joined only for the other
 * filters, and only for the candidates found.
 */
async function candidateIds(db: Queryable, q: SearchQuery, c: SearchCriteria, actor: access.Actor): Promise<Map<string, { hits: number; via: Set<string> }>> {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const parts: string[] = [];
  if (c.nameWords.length) {
    const year = dateFilter(q, 'k', p)
      .map((w) => ` AND ${w}`)
      .join('');
    const eqKeys: string[] = [];
    const eqTok: number[] = [];
    const preKeys: string[] = [];
    const preTok: number[] = [];
    c.nameWords.forEach((w, i) => {
      const pre = P.prefixKey(w);
      for (const k of P.tokenKeys(w, 'query')) {
        // The loose key's own entries are inside its prefix range: read them once.
        if (k === pre) continue;
        eqKeys.push(k);
        eqTok.push(i);
      }
      if (pre) {
        preKeys.push(pre);
        preTok.push(i);
      }
    });
    const pairs = pairKeys(c.nameWords);
    const cap = p(KEY_CAP);
    if (pairs.length) {
      parts.push(`SELECT k.person_id, t.tok, 'name' AS via FROM unnest(${p(pairs.map((x) => x.key))}::text[], ${p(pairs.map((x) => x.a))}::int[], ${p(pairs.map((x) => x.b))}::int[]) AS q(key, a, b)
                    CROSS JOIN LATERAL (SELECT k.person_id FROM person_name_keys k WHERE k.key = q.key${year} ORDER BY k.person_id LIMIT ${p(PAIR_CAP)}) k
                    CROSS JOIN LATERAL unnest(ARRAY[q.a, q.b]) AS t(tok)`);
    }
    if (eqKeys.length) {
      parts.push(`SELECT k.person_id, q.tok, 'name' AS via FROM unnest(${p(eqKeys)}::text[], ${p(eqTok)}::int[]) AS q(key, tok)
                    CROSS JOIN LATERAL (SELECT k.person_id FROM person_name_keys k WHERE k.key = q.key${year} ORDER BY k.person_id LIMIT ${cap}) k`);
    }
    if (preKeys.length) {
      // Equal keys first (a whole word), then longer ones (a partial word), each in id order.
      parts.push(`SELECT k.person_id, q.tok, CASE WHEN k.key = q.lo THEN 'name' ELSE 'prefix' END AS via FROM unnest(${p(preKeys)}::text[], ${p(preTok)}::int[]) AS q(lo, tok)
                    CROSS JOIN LATERAL (
                      (SELECT k.key, k.person_id FROM person_name_keys k WHERE k.key = q.lo${year} ORDER BY k.person_id LIMIT ${cap})
                      UNION ALL
                      (SELECT k.key, k.person_id FROM person_name_keys k WHERE k.key > q.lo COLLATE "C" AND k.key < (q.lo || '~') COLLATE "C"${year} LIMIT ${cap})
                    ) k`);
    }
  }
  if (c.documentNumbers.length) {
    // A document number counts as strongly as every name word together.
    const date = dateFilter(q, 'pp', p).map((w) => ` AND ${w}`).join('');
    parts.push(`SELECT d.person_id, -1 AS tok, 'document' AS via FROM person_document_keys d${date ? ' JOIN persons pp ON pp.id = d.person_id' : ''}
                 WHERE d.number = ANY(${p(c.documentNumbers)}::text[])${date}`);
  }
  const where = filters(q, actor, p);
  const limit = p(MAX_CANDIDATES);
  let sql: string;
  if (!parts.length) {
    const all = [...dateFilter(q, 'pp', p), ...where];
    sql = `SELECT pp.id, 0 AS hits, ARRAY['filter'] AS via FROM persons pp WHERE pp.merged_into IS NULL${all.map((w) => ` AND ${w}`).join('')} ORDER BY pp.id LIMIT ${limit}`;
  } else {
    // Merged records have no keys (they leave the index), so candidates need the persons table only for filters.
    const ranked = `SELECT h.person_id AS id, count(DISTINCT h.tok) + CASE WHEN bool_or(h.via = 'document') THEN 100 ELSE 0 END AS hits,
                           array_agg(DISTINCT h.via) AS via
                      FROM (${parts.join(' UNION ALL ')}) h GROUP BY h.person_id`;
    sql = where.length
      ? `SELECT r.* FROM (${ranked}) r JOIN persons pp ON pp.id = r.id WHERE pp.merged_into IS NULL AND ${where.join(' AND ')} ORDER BY r.hits DESC, r.id LIMIT ${limit}`
      : `${ranked} ORDER BY hits DESC, h.person_id LIMIT ${limit}`;
  }
  const rows = (await db.query<{ id: string; hits: number | string; via: string[] }>(sql, params)).rows;
  return new Map(rows.map((r) => [r.id, { hits: Number(r.hits), via: new Set(r.via) }]));
}

export function queryRecord(q: SearchQuery, c: SearchCriteria): PersonRecord | null {
  if (!c.nameWords.length && !c.documentNumbers.length) return null;
  const birth = q.birthDate ? parsePartialDate(q.birthDate) : null;
  return {
    name: c.nameWords.join(' '),
    ...(birth ? { birthDate: birth } : {}),
    ...(q.sex === 'M' || q.sex === 'F' ? { sex: q.sex } : {}),
    ...(q.nationality ? { nationality: P.normalizeStateCode(q.nationality) } : {}),
    documents: c.documentNumbers.map((number) => ({ number })),
  };
}

export async function searchPersons(db: Queryable, q: SearchQuery, actor: access.Actor): Promise<Hit[]> {
  const criteria = splitQuery(q);
  const found = await candidateIds(db, q, criteria, actor);
  const rows = (await repo.findPersons(db, [...found.keys()])).filter((r) => !r.merged_into && access.can(actor, 'persons.read', { jurisdictionPath: r.jurisdiction_path }));
  const query = queryRecord(q, criteria);
  const prepared = query ? prepareRecord(query) : null;
  const hits: Hit[] = rows.map((row) => {
    const via = [...(found.get(row.id)?.via ?? [])].sort();
    if (!prepared) return { row, score: null, match: false, explanation: undefined, via };
    const r = scorePrepared(prepared, prepareRecord(P.toMatcherRecord(row.record)), { explain: true });
    return { row, score: r.score, match: r.score >= DEFAULT_THRESHOLD, explanation: r.explanation, via };
  });
  hits.sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || (found.get(b.row.id)?.hits ?? 0) - (found.get(a.row.id)?.hits ?? 0) || (a.row.id < b.row.id ? -1 : 1));
  return hits.slice(0, q.limit);
}
