/**
 * Candidate generation with a completeness guarantee. The matcher's score is
 *   max(name score, document score) + qualifiers, qualifiers ≤ MAX_QUALIFIER_BONUS (exact birth date,
 *   same sex, same nationality), rounded to 4 decimals.
 * An entry can reach threshold t only (a) through a shared document number, or (b) with a name score
 * ≥ t − bonus − slack, which needs at least one aligned token pair at least that similar (a weighted mean
 * never exceeds its largest term). Above INDEX_MIN_THRESHOLD that pair cannot be an initial (0.6), so it
 * is exact, strict or loose (same loose key: trie distance 0), dictionary (shared group key), consonant
 * (shared skeleton, one side Arabic) or fuzzy within the edit budget on the loose keys or, for a shared
 * surname ending, on the stems (a stem distance is never below the loose-key distance, and the loose
 * budget and similarity use the longer length, so the loose-key test admits every stem match).
 */
import { MATCH_WEIGHTS, type PreparedRecord } from '../../names/index.ts';
import { ALWAYS, MAX_FORMS, POSTING_STRIDE, tokenKeys, type PreparedList } from './prepare-list.ts';

const W = MATCH_WEIGHTS;
export const MAX_QUALIFIER_BONUS = Math.max(...Object.values(W.DATE_ADJUSTMENT)) + W.SEX_ADJUSTMENT.match + W.NATIONALITY_ADJUSTMENT.match;
/** Score rounding (4 decimals) and float noise. */
const SLACK = 0.001;
/** Lowest threshold for which the index is complete; below it screening scans the whole list. */
export const INDEX_MIN_THRESHOLD = W.TOKEN_LEVEL_SCORE.initial + MAX_QUALIFIER_BONUS + SLACK;

export const minTokenSimilarity = (threshold: number): number => threshold - MAX_QUALIFIER_BONUS - SLACK;

/** Largest edit distance at which two keys, the longer of length n, can still be similar enough. */
export function allowedDistance(n: number, minSim: number): number {
  const bySimilarity = Math.floor(n * (1 - minSim / W.TOKEN_LEVEL_SCORE.fuzzyScale) + 1e-9);
  return Math.max(0, Math.min(W.editBudget(n), bySimilarity));
}

/** Bound for a query key of length L: the largest d with d ≤ allowedDistance(L + d). */
export function maxDistanceFor(length: number, minSim: number): number {
  let d = 0;
  while (d < 32 && d + 1 <= allowedDistance(length + d + 1, minSim)) d++;
  return d;
}

/**
 * Upper bound of the name score of a form pair with k aligned pairs when at most j of them are similar
 * at all (> 0): similar pairs at 1 with the heaviest weight, the others at 0 with the lightest.
 */
export function nameScoreBound(k: number, j: number): number {
  const w = W.SURNAME_WEIGHT;
  return j <= 0 ? 0 : (w * j) / (w * j + Math.max(0, k - j));
}

const popcount = (x: number) => {
  let n = 0;
  for (let v = x; v !== 0; v &= v - 1) n++;
  return n;
};
const STRONG = 1 << 16;

/**
 * Positions of the person entries that may score ≥ threshold against the traveller; null when the
 * threshold is too low for the index to be complete (the caller scans everything).
 * Every token pair with a similarity above 0 is found (keys for each level, the trie within the full
 * edit budget, initials). Per (entry form, traveller form) the similar tokens are collected as bit masks;
 * the pair survives when one of its pairs can reach minSim on its own ("strong": a weighted mean is never
 * above its largest term) and nameScoreBound(k, j) ≥ minSim, where j = the smaller number of distinct
 * similar tokens on either side (at least the size of any one-to-one alignment of similar pairs). A
 * one-token form against a longer one is capped by the matcher at SINGLE_TOKEN_CAP.
 */
export function personCandidates(list: PreparedList, traveller: PreparedRecord, threshold: number): Set<number> | null {
  if (threshold < INDEX_MIN_THRESHOLD) return null;
  const minSim = minTokenSimilarity(threshold);
  const out = new Set<number>();
  for (const code of list.keys.get(ALWAYS) ?? []) out.add(Math.floor(code / POSTING_STRIDE));
  // (entry position, entry form, traveller form) → traveller tokens (bits 0–7), entry tokens (8–15), strong (16).
  const masks = new Map<number, number>();
  traveller.names.forEach((name, tForm) => {
    if (tForm >= MAX_FORMS) return;
    name.tokens.forEach((t, tToken) => {
      const add = (postings: readonly number[], best: number) => {
        const bits = (1 << tToken) | (best >= minSim ? STRONG : 0);
        for (const code of postings) {
          const key = Math.floor(code / 8) * MAX_FORMS + tForm;
          masks.set(key, (masks.get(key) ?? 0) | bits | (1 << (8 + (code % 8))));
        }
      };
      if (t.loose !== '') {
        const L = t.loose.length;
        list.looseTrie.search(t.loose, maxDistanceFor(L, 0), (postings, len, d) => {
          const n = Math.max(L, len);
          if (d === 0) add(postings, 1);
          else if (d <= W.editBudget(n)) add(postings, W.TOKEN_LEVEL_SCORE.fuzzyScale * (1 - d / n));
        });
      }
      for (const [k, best] of tokenKeys(t, 'query')) {
        const postings = list.keys.get(k);
        if (postings) add(postings, best);
      }
    });
  });
  for (const [key, mask] of masks) {
    if ((mask & STRONG) === 0) continue;
    const tForm = key % MAX_FORMS;
    const entryForm = Math.floor(key / MAX_FORMS);
    const pos = Math.floor(entryForm / MAX_FORMS);
    if (out.has(pos)) continue;
    const n = traveller.names[tForm]?.tokens.length ?? 0;
    const m = list.persons[pos]?.record.names[entryForm % MAX_FORMS]?.tokens.length ?? 0;
    const k = Math.min(n, m);
    if (k === 1 && Math.max(n, m) > 1 && W.SINGLE_TOKEN_CAP < minSim) continue;
    const j = Math.min(popcount(mask & 0xff), popcount((mask >>> 8) & 0xff));
    if (nameScoreBound(k, j) >= minSim) out.add(pos);
  }
  for (const d of traveller.documents) {
    const postings = list.personDocuments.get(d.number);
    if (postings) for (const p of postings) out.add(p);
  }
  return out;
}
