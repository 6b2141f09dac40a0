/**
 * prepareList: the screening index, built once per list version. Entries are prepared for the matcher
 * once; person entries are indexed by the same token keys the matcher compares (pivot → strict → loose
 * as `wordKeys` computes them, given-name groups, consonant skeletons) and by document number; document
 * entries by normalised number and O/0 key. Candidate generation is *complete* for thresholds above
 * INDEX_MIN_THRESHOLD (see candidates.ts and docs/decisions/0501-border-screening.md): the index returns
 * a superset of the entries the full scan would score above the threshold, so results are identical.
 */
import { MATCH_WEIGHTS, prepareRecord, type PreparedRecord, type PreparedToken } from '../../names/index.ts';
import type { DocumentListEntry, EntryBan, ListEntry, WatchlistEntry } from '../lists/entries.ts';
import { confusableKey, normaliseDocumentNumber } from './document-numbers.ts';
import { KeyTrie } from './key-trie.ts';

const S = MATCH_WEIGHTS.TOKEN_LEVEL_SCORE;

export interface PreparedPersonEntry {
  readonly entry: WatchlistEntry | EntryBan;
  readonly record: PreparedRecord;
}

export interface PreparedList {
  readonly persons: readonly PreparedPersonEntry[];
  readonly documents: readonly DocumentListEntry[];
  /** Loose keys of every name token → token postings (fuzzy, loose, strict and exact levels). */
  readonly looseTrie: KeyTrie;
  /** Exact keys → token postings (postingCode): `S:` strict key of tokens without a loose key, `X:` text of tokens
   * without a pivot, `G:` given-name group, `C:` consonant skeleton, `A:` consonant skeleton of Arabic tokens. */
  readonly keys: ReadonlyMap<string, readonly number[]>;
  /** Matcher-normalised document numbers of person entries → positions. */
  readonly personDocuments: ReadonlyMap<string, readonly number[]>;
  /** Document entries by O/0 key of the normalised number (exact and normalised matches share it). */
  readonly documentConfusables: ReadonlyMap<string, readonly number[]>;
  /** List ids present (for the per-list thresholds). */
  readonly listIds: readonly string[];
  /**
   * Each person position's birth year, ascending (persons are indexed in birth-year order), YEAR_UNKNOWN
   * for entries without one, which come last: the entries born in a span of years are a run of positions,
   * and so a run of forms in every token group (ADR 0524).
   */
  readonly birthYears: Int32Array;
}

/** The birth year of an entry without a birth date (after every known year). */
export const YEAR_UNKNOWN = 2_147_483_647;

/** Postings address a token: entry position, name form (< MAX_FORMS) and token (< 8, MAX_TOKENS). */
export const MAX_FORMS = 128;
export const POSTING_STRIDE = MAX_FORMS * 8;
export const postingCode = (pos: number, form: number, token: number): number => pos * POSTING_STRIDE + form * 8 + token;
/** Key of entries with more forms than postings can address; they are always candidates. */
export const ALWAYS = '*';

function push(map: Map<string, number[]>, key: string, value: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}

export function personRecordOf(entry: WatchlistEntry | EntryBan): PreparedRecord {
  const [name = '', ...otherNames] = entry.names;
  return prepareRecord({
    name,
    otherNames,
    ...(entry.birthDate ? { birthDate: entry.birthDate } : {}),
    ...(entry.sex ? { sex: entry.sex } : {}),
    ...(entry.nationality ? { nationality: entry.nationality } : {}),
    documents: (entry.documents ?? []).map((d) => ({ number: d.number, ...(d.issuingState ? { issuer: d.issuingState } : {}) })),
  });
}

/**
 * The exact-key part of a token's index keys (the trie holds its loose key), each with the best
 * similarity that level can give (the candidate filter needs every pair with a similarity above 0).
 */
export function tokenKeys(t: PreparedToken, side: 'entry' | 'query'): [key: string, best: number][] {
  const keys: [string, number][] = [];
  if (t.loose === '') keys.push([t.pivot !== '' ? `S:${t.strict}` : `X:${t.text}`, 1]);
  for (const g of t.groups ?? []) keys.push([`G:${g}`, S.dictionary]);
  if (t.consonant.length >= 2) {
    // The consonant level needs one side in Arabic script: an entry indexes its skeleton under C: (for
    // Arabic queries) and, when Arabic itself, under A: (for every query).
    if (side === 'entry' || t.arabic) keys.push([`C:${t.consonant}`, S.consonant]);
    if (side === 'query' || t.arabic) keys.push([`A:${t.consonant}`, S.consonant]);
  }
  // Initials: an initial matches any token starting with the same letter (pivot or loose). Entries index
  // every token's first letters under I: and their own initials under J:; queries look up the opposite.
  if (t.pivot !== '') {
    const firsts = [`p${t.pivot[0]}`, ...(t.loose !== '' ? [`l${t.loose[0]}`] : [])];
    for (const f of firsts) {
      if (side === 'entry') {
        keys.push([`I:${f}`, S.initial]);
        if (t.initial) keys.push([`J:${f}`, S.initial]);
      } else {
        keys.push([`J:${f}`, S.initial]);
        if (t.initial) keys.push([`I:${f}`, S.initial]);
      }
    }
  }
  return keys;
}

export function prepareList(entries: readonly ListEntry[]): PreparedList {
  const persons: PreparedPersonEntry[] = [];
  const documents: DocumentListEntry[] = [];
  const looseTrie = new KeyTrie();
  const keys = new Map<string, number[]>();
  const personDocuments = new Map<string, number[]>();
  const documentConfusables = new Map<string, number[]>();
  const listIds = new Set<string>();
  const people: (WatchlistEntry | EntryBan)[] = [];
  for (const entry of entries) {
    listIds.add(entry.listId);
    if (entry.kind !== 'document') {
      people.push(entry);
      continue;
    }
    const pos = documents.length;
    const number = normaliseDocumentNumber(entry.number);
    documents.push(number === entry.number ? entry : { ...entry, number });
    push(documentConfusables, confusableKey(number), pos);
  }
  // Person entries in birth-year order (stable: the list's order within a year), unknown years last.
  const yearOf = (e: WatchlistEntry | EntryBan) => (Number.isInteger(e.birthDate?.year) && Math.abs(e.birthDate!.year) < YEAR_UNKNOWN ? e.birthDate!.year : YEAR_UNKNOWN);
  people.sort((a, b) => yearOf(a) - yearOf(b));
  const birthYears = Int32Array.from(people, yearOf);
  for (const entry of people) {
    const pos = persons.length;
    const record = personRecordOf(entry);
    persons.push({ entry, record });
    record.names.forEach((name, form) => {
      // More name forms than a posting can address: index the entry under a key every query asks for.
      if (form >= MAX_FORMS) return push(keys, ALWAYS, pos * POSTING_STRIDE);
      name.tokens.forEach((t, token) => {
        const code = postingCode(pos, form, token);
        if (t.loose !== '') looseTrie.add(t.loose, code);
        for (const [k] of tokenKeys(t, 'entry')) push(keys, k, code);
      });
    });
    for (const d of record.documents) push(personDocuments, d.number, pos);
  }
  return { persons, documents, looseTrie, keys, personDocuments, documentConfusables, listIds: [...listIds].sort(), birthYears };
}
