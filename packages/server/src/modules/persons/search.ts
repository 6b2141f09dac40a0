import { access } from '@kamurj/domain';
import * as P from '@kamurj/domain/persons';
import { parsePartialDate, prepareRecord, scorePrepared, DEFAULT_THRESHOLD, type MatchExplanation, type PersonRecord } from '@kamurj/domain/names';
import type { Queryable } from '../../db/client.ts';
import * as repo from './repository.ts';
import { reachFilter } from './scope-sql.ts';
import type { SearchQuery } from './schemas.ts';

/**
 * Person search (ADR 0301): candidates come from the indexed comparison keys — equality of each query
 * word's keys, plus a key-prefix range for partial words — and exact document numbers; the database
 * ranks them by how many query words they hit, and the matcher scores the best few hundred with an
 * explanation. Filters (birth date, nationality, sex, jurisdiction) narrow in SQL.
 */
export const MAX_CANDIDATES = 300;
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

function filters(q: SearchQuery, actor: access.Actor, p: (v: unknown) => string): string[] {
  const where = ['pp.merged_into IS NULL'];
  if (q.birthDate) {
    const d = parsePartialDate(q.birthDate);
    if (d) {
      // Compatible partial dates: every part both sides know agrees (1985 finds 1985-03-04 and vice versa).
      where.push(`pp.birth_year = ${p(d.year)}`);
      if (d.month) where.push(`(length(pp.birth_date) = 4 OR substr(pp.birth_date, 6, 2) = ${p(String(d.month).padStart(2, '0'))})`);
      if (d.day) where.push(`(length(pp.birth_date) <= 7 OR substr(pp.birth_date, 9, 2) = ${p(String(d.day).padStart(2, '0'))})`);
    }
  }
  if (q.nationality) where.push(`${p(P.normalizeStateCode(q.nationality))} = ANY(pp.nationalities)`);
  if (q.sex) where.push(`pp.sex = ${p(q.sex)}`);
  const reach = reachFilter(actor, 'persons.read', 'pp.jurisdiction_path', p);
  if (reach) where.push(reach);
  return where;
}

async function candidateIds(db: Queryable, q: SearchQuery, c: SearchCriteria, actor: access.Actor): Promise<Map<string, { hits: number; via: Set<string> }>> {
  const params: unknown[] = [];
  const p = (v: unknown) => {
    params.push(v);
    return `$${params.length}`;
  };
  const parts: string[] = [];
  if (c.nameWords.length) {
    const eqKeys: string[] = [];
    const eqTok: number[] = [];
    const preKeys: string[] = [];
    const preTok: number[] = [];
    c.nameWords.forEach((w, i) => {
      for (const k of P.tokenKeys(w, 'query')) {
        eqKeys.push(k);
        eqTok.push(i);
      }
      const pre = P.prefixKey(w);
      if (pre) {
        preKeys.push(pre);
        preTok.push(i);
      }
    });
    parts.push(`SELECT k.person_id, q.tok, 'name' AS via FROM unnest(${p(eqKeys)}::text[], ${p(eqTok)}::int[]) AS q(key, tok)
                  JOIN person_name_keys k ON k.key = q.key`);
    if (preKeys.length) {
      parts.push(`SELECT k.person_id, q.tok, 'prefix' AS via FROM unnest(${p(preKeys)}::text[], ${p(preTok)}::int[]) AS q(lo, tok)
                    JOIN person_name_keys k ON k.key >= q.lo COLLATE "C" AND k.key < (q.lo || '~') COLLATE "C"`);
    }
  }
  if (c.documentNumbers.length) {
    // A document number counts as strongly as every name word together.
    parts.push(`SELECT d.person_id, -1 AS tok, 'document' AS via FROM person_document_keys d WHERE d.number = ANY(${p(c.documentNumbers)}::text[])`);
  }
  const where = filters(q, actor, p);
  const limit = p(MAX_CANDIDATES);
  const sql = parts.length
    ? `SELECT h.person_id AS id, count(DISTINCT h.tok) + CASE WHEN bool_or(h.via = 'document') THEN 100 ELSE 0 END AS hits,
              array_agg(DISTINCT h.via) AS via
         FROM (${parts.join(' UNION ALL ')}) h JOIN persons pp ON pp.id = h.person_id
        WHERE ${where.join(' AND ')}
        GROUP BY h.person_id ORDER BY hits DESC, h.person_id LIMIT ${limit}`
    : `SELECT pp.id, 0 AS hits, ARRAY['filter'] AS via FROM persons pp WHERE ${where.join(' AND ')} ORDER BY pp.id LIMIT ${limit}`;
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
  const rows = (await repo.findPersons(db, [...found.keys()])).filter((r) => access.can(actor, 'persons.read', { jurisdictionPath: r.jurisdiction_path }));
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
