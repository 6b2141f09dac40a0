/**
 * Per-list memo of what one traveller token finds in the index (ADR 0505): the entry name forms it is
 * similar to at all, each with the entry tokens involved and the best similarity such a pair can have.
 * It depends only on the token and the list (never on the traveller's other tokens or the threshold), and
 * travellers' tokens repeat (common surnames and given names), so it is computed once per token and list.
 * A list is prepared once per version; a new version is a new PreparedList with empty memos.
 *
 * Memory is bounded: a group is two Int32Arrays (8 bytes per entry form), and the memo is cleared when
 * the groups together pass GROUP_CACHE_MAX_FORMS entries (results are only recomputed, never wrong).
 */
import { MATCH_WEIGHTS, type PreparedToken } from '../../names/index.ts';
import { tokenKeys, type PreparedList } from './prepare-list.ts';

const W = MATCH_WEIGHTS;

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

interface FuzzyMatch {
  readonly postings: readonly number[];
  /** The best similarity a token pair at this edit distance can have. */
  readonly best: number;
}

/** Every loose key of the list within the full edit budget of `loose` (a Levenshtein-automaton trie walk). */
export function fuzzyMatches(list: PreparedList, loose: string): FuzzyMatch[] {
  const found: FuzzyMatch[] = [];
  const L = loose.length;
  list.looseTrie.search(loose, maxDistanceFor(L, 0), (postings, len, d) => {
    const n = Math.max(L, len);
    if (d === 0) found.push({ postings, best: 1 });
    else if (d <= W.editBudget(n)) found.push({ postings, best: W.TOKEN_LEVEL_SCORE.fuzzyScale * (1 - d / n) });
  });
  return found;
}

/**
 * The entry forms (position × MAX_FORMS + form) similar to one traveller token, ascending, and for each
 * `packed` = entry token bits (bits 8–15, as in postings) + ceil(1000 × best similarity) × 2^16. Rounding
 * the similarity up only ever admits more candidates.
 */
export interface TokenGroup {
  readonly forms: Int32Array;
  readonly packed: Int32Array;
}

export const GROUP_CACHE_MAX_FORMS = 4_000_000;
const groups = new WeakMap<PreparedList, { size: number; byToken: Map<string, TokenGroup> }>();

export const bestOf = (packed: number): number => Math.floor(packed / 65_536) / 1000;

function signature(t: PreparedToken, keys: readonly [string, number][]): string {
  let s = t.loose;
  for (const [k] of keys) s += `\u0001${k}`;
  return s;
}

export function tokenGroup(list: PreparedList, t: PreparedToken): TokenGroup {
  let memo = groups.get(list);
  if (!memo) groups.set(list, (memo = { size: 0, byToken: new Map() }));
  const keys = tokenKeys(t, 'query');
  const sig = signature(t, keys);
  const hit = memo.byToken.get(sig);
  if (hit) return hit;
  const acc = new Map<number, number>();
  const add = (postings: readonly number[], best: number) => {
    const level = Math.ceil(best * 1000 - 1e-9) * 65_536;
    for (let i = 0; i < postings.length; i++) {
      const code = postings[i] as number;
      const form = (code - (code & 7)) / 8;
      const bit = 1 << (8 + (code & 7));
      const v = acc.get(form);
      if (v === undefined) acc.set(form, bit + level);
      else acc.set(form, ((v & 0xffff) | bit) + Math.max(v - (v & 0xffff), level));
    }
  };
  if (t.loose !== '') for (const m of fuzzyMatches(list, t.loose)) add(m.postings, m.best);
  for (const [k, best] of keys) {
    const postings = list.keys.get(k);
    if (postings) add(postings, best);
  }
  const forms = Int32Array.from(acc.keys()).sort();
  const packed = new Int32Array(forms.length);
  for (let i = 0; i < forms.length; i++) packed[i] = acc.get(forms[i] as number) as number;
  const group = { forms, packed };
  if (memo.size + forms.length > GROUP_CACHE_MAX_FORMS) {
    memo.byToken.clear();
    memo.size = 0;
  }
  memo.byToken.set(sig, group);
  memo.size += forms.length;
  return group;
}

/**
 * The first index ≥ `from` whose form is ≥ `form` (galloping, then binary search): probing ascending forms
 * costs a few steps each, however large the group.
 */
export function seek(group: TokenGroup, from: number, form: number): number {
  return gallop(group.forms, from, form);
}

/** The first index ≥ `from` of the ascending `a` whose value is ≥ `value` (galloping, then binary search). */
export function gallop(a: Int32Array, from: number, value: number): number {
  let lo = from;
  let step = 1;
  let hi = from;
  while (hi < a.length && (a[hi] as number) < value) {
    lo = hi + 1;
    hi += step;
    step *= 2;
  }
  hi = Math.min(hi, a.length);
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((a[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
