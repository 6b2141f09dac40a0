/**
 * Name tokens and their precomputed keys. Everything expensive (transliteration, folding, key
 * building, dictionary lookup) happens here, once per record.
 */
import { givenNameGroups, STEM_REWRITES } from '../keys/dictionaries.ts';
import { consonantKey, looseKey, pivotLatin, strictKey } from '../keys/token-keys.ts';
import { detectScript, type NameScript } from '../script.ts';
import { MAX_TOKENS } from './weights.ts';

export interface PreparedToken {
  /** As written (NFC). */
  readonly text: string;
  readonly script: NameScript;
  /** a–z pivot (exact level). */
  readonly pivot: string;
  readonly strict: string;
  readonly loose: string;
  readonly consonant: string;
  /** Given-name dictionary groups, or null. */
  readonly groups: readonly number[] | null;
  /** A single letter (initial). */
  readonly initial: boolean;
  readonly surnameLike: boolean;
  /** Surname ending found on the loose key ('' if none) and the loose key without it. */
  readonly suffix: string;
  readonly stem: string;
  readonly arabic: boolean;
}

export interface PreparedName {
  readonly text: string;
  readonly script: NameScript;
  readonly tokens: readonly PreparedToken[];
}

/**
 * Particles that carry no identity: Arabic article and kinship words, European particles, Turkic
 * patronymic markers (oglu/kyzy). "Ter" (Armenian clerical prefix) is NOT one: Ter-Petrosyan ≠ Petrosyan.
 */
const PARTICLES = new Set(['al', 'el', 'ul', 'ibn', 'bin', 'bint', 'ben', 'van', 'von', 'der', 'de', 'la', 'le', 'da', 'di', 'du', 'del', 'ogli', 'oglu', 'ogly', 'kyzy', 'kizi', 'qizi', 'uulu']);

/** Loose-key endings of surnames: Armenian -yan/-ian/-янц, Slavic -ov/-ev/-ova/-eva, Georgian -shvili/-dze. */
const SURNAME_ENDINGS = ['iants', 'ian', 'ova', 'ov', 'iva', 'iv', 'Svili', 'dzi', 'nko'];

function surnameEnding(loose: string): string {
  if (loose.length < 5) return '';
  for (const e of SURNAME_ENDINGS) if (loose.endsWith(e)) return e;
  return '';
}

const SEPARATORS = /[\s,;<\-‐‑–—/.()"]+/u;

/** Splits a name into tokens: spaces, commas, MRZ fillers, hyphens, dots and brackets separate. */
export function tokenizeName(name: string): string[] {
  return name
    .normalize('NFC')
    .split(SEPARATORS)
    .filter((t) => t !== '');
}

function letterCount(token: string): number {
  let n = 0;
  for (const ch of token) if (/\p{L}/u.test(ch)) n++;
  return n;
}

/**
 * Prepared tokens by text, at most TOKEN_MEMO_LIMIT, the oldest out first. A token's preparation depends
 * on its text alone, and a registry's names are drawn from far fewer words than it has persons: the
 * candidates of a registry search share their common surnames and given names, so each word is prepared
 * once, not once per candidate (ADR 0520). The entries are frozen: every caller shares them.
 */
export const TOKEN_MEMO_LIMIT = 100_000;
const memo = new Map<string, PreparedToken>();

export function prepareToken(text: string): PreparedToken {
  const known = memo.get(text);
  if (known) return known;
  const token = Object.freeze(prepareTokenNow(text));
  if (memo.size >= TOKEN_MEMO_LIMIT) memo.delete(memo.keys().next().value!);
  memo.set(text, token);
  return token;
}

/** prepareToken without the memo (the tests and bench/names compare the two). */
export function prepareTokenNow(text: string): PreparedToken {
  const script = detectScript(text);
  const pivot = pivotLatin(text, script);
  const strict = strictKey(pivot);
  const loose = looseKey(strict, STEM_REWRITES);
  const suffix = surnameEnding(loose);
  return {
    text,
    script,
    pivot,
    strict,
    loose,
    consonant: consonantKey(strict),
    groups: givenNameGroups(loose),
    initial: letterCount(text) === 1,
    surnameLike: suffix !== '',
    suffix,
    stem: loose.slice(0, loose.length - suffix.length),
    arabic: script === 'Arab',
  };
}

export function prepareName(text: string): PreparedName {
  const split = tokenizeName(text);
  // A name of separators only ("<", "-") keeps its trimmed text as one token, so it still equals itself.
  const words = split.length > 0 ? split : text.trim() === '' ? [] : [text.trim().normalize('NFC')];
  const all = words
    .map(prepareToken)
    .filter((t) => t.pivot !== '' || t.text !== '');
  const meaningful = all.filter((t) => !PARTICLES.has(t.pivot));
  const tokens = (meaningful.length > 0 ? meaningful : all).slice(0, MAX_TOKENS);
  return { text, script: detectScript(text), tokens };
}
