/**
 * Derived views of a person record: the matcher's input, the comparison keys stored in the search index,
 * and normalised document numbers. Keys are derived from the names as written, never stored instead of them.
 */
import { consonantKey } from '../names/keys/token-keys.ts';
import { parsePartialDate } from '../names/match/dates.ts';
import type { PersonRecord } from '../names/match/matcher.ts';
import { prepareName } from '../names/match/tokens.ts';
import type { PersonData, PersonNameEntry } from './types.ts';

/** A name entry as one string, given names first (the matcher aligns tokens, so order is not significant). */
export function fullName(n: Pick<PersonNameEntry, 'surname' | 'givenNames' | 'patronymic'>): string {
  return [n.givenNames, n.patronymic ?? '', n.surname].map((s) => s.trim()).filter(Boolean).join(' ');
}

/** Document numbers compare without spaces, dashes and fillers, upper-cased. */
export const normalizeDocumentNumber = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

/** What the person matcher (names/match) needs to know about a stored person. */
export function toMatcherRecord(p: Pick<PersonData, 'names' | 'birthDate' | 'sex' | 'citizenships' | 'documents'>): PersonRecord {
  const names = p.names.map(fullName).filter((n) => n !== '');
  const birth = p.birthDate ? parsePartialDate(p.birthDate) : null;
  const nationality = p.citizenships.find((c) => c.kind === 'country')?.code;
  return {
    name: names[0] ?? '',
    ...(names.length > 1 ? { otherNames: names.slice(1) } : {}),
    ...(birth ? { birthDate: birth } : {}),
    ...(p.sex === 'M' || p.sex === 'F' ? { sex: p.sex } : {}),
    ...(nationality ? { nationality } : {}),
    documents: p.documents.map((d) => ({ number: d.number, issuer: d.issuingState })),
  };
}

/** Keys are ASCII so that a prefix is a btree range in the "C" collation. */
const ASCII_KEY = /^[\x21-\x7d]+$/;

/**
 * The comparison keys of one token (ADR 0102): the loose key (equal for Հովհաննիսյան, OGANESIAN,
 * Оганесян), the given-name dictionary groups (`g:<id>`: Hovhannes ~ Ivan) and the consonant skeleton,
 * which matters only across Arabic script (short vowels are not written): stored as `ca:` for Arabic-script
 * tokens and `cx:` for others. A query looks up `ca:` always and `cx:` only for an Arabic-script word.
 */
export function tokenKeys(token: string, side: 'store' | 'query'): string[] {
  const out = new Set<string>();
  for (const t of prepareName(token).tokens) {
    if (t.loose.length >= 1 && ASCII_KEY.test(t.loose)) out.add(t.loose);
    for (const g of t.groups ?? []) out.add(`g:${g}`);
    const c = consonantKey(t.strict);
    if (c.length < 2 || !ASCII_KEY.test(c)) continue;
    if (side === 'store') out.add(`${t.arabic ? 'ca' : 'cx'}:${c}`);
    else {
      out.add(`ca:${c}`);
      if (t.arabic) out.add(`cx:${c}`);
    }
  }
  return [...out];
}

/** Tokens of a free-text name query or name entry. */
export function nameTokens(text: string): string[] {
  return prepareName(text).tokens.map((t) => t.text);
}

/** Every key of every token of every name form of the person (deduplicated). */
export function searchKeys(p: Pick<PersonData, 'names'>): string[] {
  const out = new Set<string>();
  for (const n of p.names) for (const tok of nameTokens(fullName(n))) for (const k of tokenKeys(tok, 'store')) out.add(k);
  return [...out];
}

/** Query-side keys of every token of the person's names: what finds other records of the same person. */
export function matchKeys(p: Pick<PersonData, 'names'>): string[] {
  const out = new Set<string>();
  for (const n of p.names) for (const tok of nameTokens(fullName(n))) for (const k of tokenKeys(tok, 'query')) out.add(k);
  return [...out];
}

/** The loose key of a query word, for prefix search of partial names ("Hovhan…"). */
export function prefixKey(word: string): string | null {
  const t = prepareName(word).tokens[0];
  return t && t.loose.length >= 2 && ASCII_KEY.test(t.loose) ? t.loose : null;
}

export function documentKeys(p: Pick<PersonData, 'documents'>): { number: string; issuer: string }[] {
  const seen = new Set<string>();
  const out: { number: string; issuer: string }[] = [];
  for (const d of p.documents) {
    const number = normalizeDocumentNumber(d.number);
    const key = `${d.issuingState}:${number}`;
    if (number === '' || seen.has(key)) continue;
    seen.add(key);
    out.push({ number, issuer: d.issuingState });
  }
  return out;
}
