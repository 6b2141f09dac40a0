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
import { ALWAYS, MAX_FORMS, POSTING_STRIDE, YEAR_UNKNOWN, type PreparedList } from './prepare-list.ts';
import { bestOf, gallop, seek, tokenGroup, type TokenGroup } from './token-groups.ts';

const W = MATCH_WEIGHTS;
export const MAX_QUALIFIER_BONUS = Math.max(...Object.values(W.DATE_ADJUSTMENT)) + W.SEX_ADJUSTMENT.match + W.NATIONALITY_ADJUSTMENT.match;
/** Score rounding (4 decimals) and float noise. */
const SLACK = 0.001;
/** Lowest threshold for which the index is complete; below it screening scans the whole list. */
export const INDEX_MIN_THRESHOLD = W.TOKEN_LEVEL_SCORE.initial + MAX_QUALIFIER_BONUS + SLACK;

export const minTokenSimilarity = (threshold: number): number => threshold - MAX_QUALIFIER_BONUS - SLACK;

export { allowedDistance, maxDistanceFor } from './token-groups.ts';

/**
 * Upper bound of the name score of a form pair with k aligned pairs when at most j of them are similar
 * at all (> 0): similar pairs at 1 with the heaviest weight, the others at 0 with the lightest.
 */
export function nameScoreBound(k: number, j: number): number {
  const w = W.SURNAME_WEIGHT;
  return j <= 0 ? 0 : (w * j) / (w * j + Math.max(0, k - j));
}

/** The same groups, each as many times, in any order (groups are shared objects: tokenGroup's memo). */
function sameGroups(a: readonly TokenGroup[], b: readonly TokenGroup[]): boolean {
  if (a.length !== b.length) return false;
  for (const g of a) {
    let inA = 0;
    let inB = 0;
    for (let i = 0; i < a.length; i++) {
      if (a[i] === g) inA++;
      if (b[i] === g) inB++;
    }
    if (inA !== inB) return false;
  }
  return true;
}

/** The first person position born in `year` or later (positions are in birth-year order). */
function firstBornIn(list: PreparedList, year: number): number {
  const years = list.birthYears;
  let lo = 0;
  let hi = years.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((years[mid] as number) < year) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The runs of entry forms, [from, to), whose entries can reach `threshold` against a traveller born in
 * `year` (ADR 0524): born within birthYearReach of it, or of unknown year. Entries born further apart
 * score below the threshold whatever their names (their score ceiling, which screening checks anyway),
 * so they are not walked. Without the traveller's year, or when any difference of years can reach the
 * threshold, every form.
 */
export function formRuns(list: PreparedList, year: number | undefined, threshold: number): [number, number][] {
  const reach = year === undefined ? null : W.birthYearReach(threshold - SLACK);
  if (reach === null || year === undefined) return [[0, Number.POSITIVE_INFINITY]];
  const unknown = firstBornIn(list, YEAR_UNKNOWN);
  return [
    [firstBornIn(list, year - reach) * MAX_FORMS, Math.min(firstBornIn(list, year + reach + 1), unknown) * MAX_FORMS],
    [unknown * MAX_FORMS, Number.POSITIVE_INFINITY],
  ];
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
 * one-token form against a longer one is capped by the matcher at SINGLE_TOKEN_CAP. Only the entries born
 * within reach of the traveller's year, or of unknown year, are walked (formRuns): the others' score
 * ceiling is below the threshold, so screening would skip them anyway (ADR 0524).
 */
export function personCandidates(list: PreparedList, traveller: PreparedRecord, threshold: number): Set<number> | null {
  if (threshold < INDEX_MIN_THRESHOLD) return null;
  const minSim = minTokenSimilarity(threshold);
  const out = new Set<number>();
  for (const code of list.keys.get(ALWAYS) ?? []) out.add(Math.floor(code / POSTING_STRIDE));
  // A form pair with k ≥ 2 aligned pairs needs j ≥ 2 similar tokens on each side when one is not enough
  // (nameScoreBound(k, 1) is largest at k = 2), and a one-token entry form against a longer traveller form
  // is capped below minSim: then an entry form must be similar to two of the traveller form's tokens, so it
  // is in some token group other than the largest — which is only probed, never walked (ADR 0505).
  const needsTwo = nameScoreBound(2, 1) < minSim && W.SINGLE_TOKEN_CAP < minSim;
  // The groups of the forms walked so far. A form whose tokens find the same groups as one of them, in any
  // order, is not walked again: its candidates would be the same (below, a form's candidates depend only on
  // which groups its tokens find, never on their order). At a border post the document's name comes back
  // among the person's registered names, given names first (ADR 0521).
  const walked: TokenGroup[][] = [];
  // Only entries born near the traveller can reach the threshold, or of unknown year (ADR 0524).
  const runs = formRuns(list, traveller.birthDate?.year, threshold);
  traveller.names.forEach((name, tForm) => {
    if (tForm >= MAX_FORMS) return;
    const n = name.tokens.length;
    const groupsOfForm = name.tokens.map((t) => tokenGroup(list, t));
    if (walked.some((w) => sameGroups(w, groupsOfForm))) return;
    walked.push(groupsOfForm);
    const tokenGroups = groupsOfForm.map((group, tToken) => ({ tToken, group }));
    let probe: (typeof tokenGroups)[number] | null = null;
    if (needsTwo && n >= 2) {
      let largest = 0;
      for (let i = 1; i < n; i++) if (tokenGroups[i]!.group.forms.length > tokenGroups[largest]!.group.forms.length) largest = i;
      probe = tokenGroups.splice(largest, 1)[0]!;
    }
    // Groups are sorted by entry form: a k-way merge of the walked groups visits each entry form once,
    // with its mask — traveller tokens (bits 0–7), entry tokens (8–15), strong (16) — and the probed
    // group is searched forward from the last position (forms only grow). No map, no allocation per form.
    const bitsOf = (tToken: number, packed: number) => (1 << tToken) | (packed & 0xff00) | (bestOf(packed) >= minSim ? STRONG : 0);
    const consider = (form: number, mask: number) => {
      if ((mask & STRONG) === 0) return;
      const pos = Math.floor(form / MAX_FORMS);
      if (out.has(pos)) return;
      const m = list.persons[pos]?.record.names[form % MAX_FORMS]?.tokens.length ?? 0;
      const k = Math.min(n, m);
      if (k === 1 && Math.max(n, m) > 1 && W.SINGLE_TOKEN_CAP < minSim) return;
      const j = Math.min(popcount(mask & 0xff), popcount((mask >>> 8) & 0xff));
      if (nameScoreBound(k, j) >= minSim) out.add(pos);
    };
    if (probe && tokenGroups.length === 1) {
      // The common two-token name: only entry forms in both groups can pass (one similar traveller token
      // is not enough), so the groups are intersected, each skipping ahead in the other (leapfrog).
      const a = tokenGroups[0]!;
      const af = a.group.forms;
      const bf = probe.group.forms;
      for (const [from, to] of runs) {
        let i = gallop(af, 0, from);
        let j = gallop(bf, 0, from);
        while (i < af.length && j < bf.length) {
          const fa = af[i] as number;
          const fb = bf[j] as number;
          if (fa >= to || fb >= to) break;
          if (fa < fb) i = gallop(af, i + 1, fb);
          else if (fb < fa) j = gallop(bf, j + 1, fa);
          else {
            consider(fa, bitsOf(a.tToken, a.group.packed[i] as number) | bitsOf(probe.tToken, probe.group.packed[j] as number));
            i++;
            j++;
          }
        }
      }
      return;
    }
    for (const [from, to] of runs) {
      const at = Int32Array.from(tokenGroups, ({ group }) => gallop(group.forms, 0, from));
      let probeAt = 0;
      for (;;) {
        let form = Number.POSITIVE_INFINITY;
        for (let g = 0; g < tokenGroups.length; g++) {
          const forms = tokenGroups[g]!.group.forms;
          if ((at[g] as number) < forms.length && (forms[at[g] as number] as number) < form) form = forms[at[g] as number] as number;
        }
        if (form >= to) break;
        let mask = 0;
        for (let g = 0; g < tokenGroups.length; g++) {
          const { tToken, group } = tokenGroups[g]!;
          const i = at[g] as number;
          if (i < group.forms.length && group.forms[i] === form) {
            mask |= bitsOf(tToken, group.packed[i] as number);
            at[g] = i + 1;
          }
        }
        if (probe) {
          probeAt = seek(probe.group, probeAt, form);
          if (probe.group.forms[probeAt] === form) mask |= bitsOf(probe.tToken, probe.group.packed[probeAt] as number);
        }
        consider(form, mask);
      }
    }
  });
  for (const d of traveller.documents) {
    const postings = list.personDocuments.get(d.number);
    if (postings) for (const p of postings) out.add(p);
  }
  return out;
}
