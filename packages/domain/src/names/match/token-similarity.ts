/**
 * Similarity of two prepared tokens: the highest comparison level they reach (weights.ts,
 * TOKEN_LEVEL_SCORE). Ordered cheapest first; only the fuzzy level computes an edit distance, and only
 * when the lengths are within the edit budget.
 */
import { boundedLevenshtein } from './levenshtein.ts';
import type { PreparedToken } from './tokens.ts';
import { editBudget, TOKEN_LEVEL_SCORE as S } from './weights.ts';

export const TOKEN_LEVELS = ['none', 'initial', 'fuzzy', 'consonant', 'dictionary', 'loose', 'strict', 'exact'] as const;
export type TokenLevel = (typeof TOKEN_LEVELS)[number];

/** Level codes (indices into TOKEN_LEVELS), so the hot path allocates nothing. */
export const L_NONE = 0;
const L_INITIAL = 1;
const L_FUZZY = 2;
const L_CONSONANT = 3;
const L_DICTIONARY = 4;
const L_LOOSE = 5;
const L_STRICT = 6;
const L_EXACT = 7;

function shareGroup(a: readonly number[] | null, b: readonly number[] | null): boolean {
  if (a === null || b === null) return false;
  for (const x of a) for (const y of b) if (x === y) return true;
  return false;
}

/**
 * Writes the level code into `levels[index]` and returns the score. Symmetric in (a, b).
 */
export function tokenSimilarity(a: PreparedToken, b: PreparedToken, levels: Uint8Array, index: number): number {
  if (a.text === b.text || (a.pivot !== '' && a.pivot === b.pivot)) {
    levels[index] = L_EXACT;
    return S.exact;
  }
  if (a.pivot === '' || b.pivot === '') {
    levels[index] = L_NONE;
    return 0;
  }
  if (a.initial || b.initial) {
    const hit = a.pivot.charCodeAt(0) === b.pivot.charCodeAt(0) || a.loose.charCodeAt(0) === b.loose.charCodeAt(0);
    levels[index] = hit ? L_INITIAL : L_NONE;
    return hit ? S.initial : 0;
  }
  if (a.strict === b.strict) {
    levels[index] = L_STRICT;
    return S.strict;
  }
  if (a.loose === b.loose && a.loose !== '') {
    levels[index] = L_LOOSE;
    return S.loose;
  }
  if (shareGroup(a.groups, b.groups)) {
    levels[index] = L_DICTIONARY;
    return S.dictionary;
  }
  if ((a.arabic || b.arabic) && a.consonant.length >= 2 && a.consonant === b.consonant) {
    levels[index] = L_CONSONANT;
    return S.consonant;
  }
  // Fuzzy: on the stems when both share a surname ending, so "-yan" does not make Ghazaryan look like
  // Yeghiazaryan; the edit budget then follows the stem length.
  const onStems = a.suffix !== '' && a.suffix === b.suffix;
  const x = onStems ? a.stem : a.loose;
  const y = onStems ? b.stem : b.loose;
  const n = Math.max(x.length, y.length);
  const budget = editBudget(n);
  if (budget > 0) {
    const d = boundedLevenshtein(x, y, budget);
    if (d <= budget) {
      levels[index] = L_FUZZY;
      return S.fuzzyScale * (1 - d / n);
    }
  }
  levels[index] = L_NONE;
  return 0;
}
