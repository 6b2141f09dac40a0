/**
 * Comparisons of the fields the names matcher does not know: national id, address, city, postcode,
 * phone, email. Each returns a signed adjustment added to the matcher's score (like the matcher's
 * qualifiers: agreement adds a little, disagreement takes a little; missing on either side is 0).
 * Values are set by hand and tuned on the tuning data (FEBRL, splink fake_1000); see ADR 0302.
 */
import { levenshteinRatio } from '../names/index.ts';

export interface Extras {
  readonly nationalId?: string;
  readonly address?: string;
  readonly city?: string;
  readonly postcode?: string;
  readonly phone?: string;
  readonly email?: string;
}

export const EXTRA_WEIGHTS = {
  /** National ids: equal ids also count as a shared document in the matcher (main feature 0.95). */
  nationalId: { equal: 0.1, typo: 0, different: -0.15 },
  address: { same: 0.05, close: 0.03, different: -0.02 },
  city: { same: 0.02, close: 0.01, different: -0.01 },
  postcode: { same: 0.03, different: -0.02 },
  phone: { same: 0.08, different: -0.02 },
  email: { same: 0.1, close: 0.04, different: -0.01 },
} as const;

/** One substitution, insertion, deletion or adjacent transposition apart. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const [la, lb] = [a.length, b.length];
  if (Math.abs(la - lb) > 1) return false;
  if (la === lb) {
    let first = -1;
    let diffs = 0;
    for (let i = 0; i < la; i++) {
      if (a.charCodeAt(i) !== b.charCodeAt(i)) {
        if (diffs === 0) first = i;
        diffs++;
      }
    }
    if (diffs === 1) return true;
    return diffs === 2 && a[first] === b[first + 1] && a[first + 1] === b[first];
  }
  const [s, l] = la < lb ? [a, b] : [b, a];
  let i = 0;
  while (i < s.length && s.charCodeAt(i) === l.charCodeAt(i)) i++;
  return s.slice(i) === l.slice(i + 1);
}

export function compareNationalIds(a: string | undefined, b: string | undefined): number {
  if (!a || !b) return 0;
  const w = EXTRA_WEIGHTS.nationalId;
  return a === b ? w.equal : withinOneEdit(a, b) ? w.typo : w.different;
}

function compareText(a: string | undefined, b: string | undefined, w: { same: number; close: number; different: number }, close: number): number {
  if (!a || !b) return 0;
  if (a === b) return w.same;
  const r = levenshteinRatio(a, b);
  return r >= close ? w.close : r < 0.5 ? w.different : 0;
}

export function compareEmails(a: string | undefined, b: string | undefined): number {
  if (!a || !b) return 0;
  const w = EXTRA_WEIGHTS.email;
  if (a === b) return w.same;
  const [la, lb] = [a.slice(0, a.indexOf('@')), b.slice(0, b.indexOf('@'))];
  return la === lb || levenshteinRatio(a, b) >= 0.85 ? w.close : w.different;
}

/** Sum of the adjustments of every extra field. */
export function compareExtras(a: Extras, b: Extras): number {
  let s = compareNationalIds(a.nationalId, b.nationalId);
  s += compareText(a.address, b.address, EXTRA_WEIGHTS.address, 0.8);
  s += compareText(a.city, b.city, EXTRA_WEIGHTS.city, 0.8);
  if (a.postcode && b.postcode) s += a.postcode === b.postcode ? EXTRA_WEIGHTS.postcode.same : EXTRA_WEIGHTS.postcode.different;
  if (a.phone && b.phone) s += a.phone === b.phone ? EXTRA_WEIGHTS.phone.same : EXTRA_WEIGHTS.phone.different;
  s += compareEmails(a.email, b.email);
  return s;
}

/** National ids that cannot belong to one person (neither equal nor one typo apart). */
export function nationalIdsConflict(a: string | undefined, b: string | undefined): boolean {
  return !!a && !!b && !withinOneEdit(a, b);
}
