/**
 * Every number the matcher uses, in one place (documented in ../README.md and docs/decisions/0102).
 *
 * Design (OpenSanctions logic-v2 style, domain reference §6.10): the score is the best MAIN feature (name,
 * or a shared document number) plus signed QUALIFIERS (birth date, sex, nationality), clamped to [0, 1].
 * Qualifier levels are ordered like Fellegi–Sunter comparison levels (§6.11); their values are set by
 * hand, not estimated, until labelled Kamurj pairs exist to fit m/u probabilities.
 */

/** Default decision threshold (OpenSanctions uses 0.70 with the same score scale). */
export const DEFAULT_THRESHOLD = 0.7;

/** Token similarity per comparison level. */
export const TOKEN_LEVEL_SCORE = {
  exact: 1, // same a–z form (or same text)
  strict: 0.95, // same after romanization-era normalisation (TC/TS, IU/YU, IA/YA, X/KH)
  loose: 0.9, // same phonetic skeleton (Russified Armenian, dropped H, g/k, e/i…)
  dictionary: 0.85, // given-name equivalents (Hovhannes ~ Ivan)
  consonant: 0.8, // same consonant skeleton, one side in Arabic script
  fuzzyScale: 0.9, // fuzzy: 0.9 × (1 − distance / length), within the edit budget
  initial: 0.6, // an initial against a name starting with it
} as const;

/** OpenSanctions edit budget: log_2.35(max(n − 2, 1)) edits for a key of length n. */
export function editBudget(length: number): number {
  return Math.floor(Math.log(Math.max(length - 2, 1)) / Math.log(2.35));
}

/** Surname-like tokens (-yan, -ov, -shvili, -dze…) weigh more in the name alignment (OpenSanctions ×1.3). */
export const SURNAME_WEIGHT = 1.3;
/** Each token of the longer name left unaligned (missing middle name, patronymic) multiplies by this. */
export const UNMATCHED_TOKEN_FACTOR = 0.95;
/** A one-token name against a longer one cannot score above this (a lone "Aram" proves little). */
export const SINGLE_TOKEN_CAP = 0.6;

/** A shared document number is a main feature worth this much (OpenSanctions strong identifier ~0.95). */
export const DOCUMENT_MATCH_SCORE = 0.95;
/** …or this much when the names disagree (name score below 0.5): still reported, flagged for review. */
export const DOCUMENT_MATCH_NAME_CONFLICT_SCORE = 0.8;
/** Document numbers shorter than this (after normalisation) are ignored: too collision-prone. */
export const DOCUMENT_MIN_LENGTH = 5;

export type DateLevel =
  | 'exact'
  | 'compatible'
  | 'swapped_day_month'
  | 'year_off_by_one'
  | 'same_year_only'
  | 'mismatch'
  | 'missing';

/** Birth date qualifier per level. */
export const DATE_ADJUSTMENT: Readonly<Record<DateLevel, number>> = {
  exact: 0.05, // full dates equal
  compatible: 0.02, // equal as far as both are known (year-only, year-month)
  swapped_day_month: -0.05, // 03-04 vs 04-03: a data-entry error more than a different person
  year_off_by_one: -0.1, // same day and month (or unknown), years one apart
  same_year_only: -0.2, // same year, day or month disagree
  mismatch: -0.3, // different years (beyond ±1)
  missing: 0,
};

export const SEX_ADJUSTMENT = { match: 0.02, mismatch: -0.2, missing: 0 } as const;
/** Softer than OpenSanctions' −0.20: dual citizenship and naturalisation are common in migration data. */
export const NATIONALITY_ADJUSTMENT = { match: 0.02, mismatch: -0.1, missing: 0 } as const;

/** Longest accepted name (characters); longer input is rejected with NAMES.TOO_LONG. */
export const MAX_NAME_LENGTH = 512;
/** Tokens per name kept for alignment (extra tokens are ignored; bounds the per-pair cost). */
export const MAX_TOKENS = 8;

/**
 * The largest difference of birth years at which a pair can still score `threshold` (a perfect name,
 * same sex and nationality), or null when any difference can: name blocking for a search with that
 * threshold may skip persons born further apart (ADR 0506). Years one apart score at most
 * 1 + year_off_by_one + bonuses; further apart, 1 + mismatch + bonuses.
 */
export function birthYearReach(threshold: number): number | null {
  const best = 1 + SEX_ADJUSTMENT.match + NATIONALITY_ADJUSTMENT.match;
  if (best + DATE_ADJUSTMENT.mismatch >= threshold) return null;
  return best + DATE_ADJUSTMENT.year_off_by_one >= threshold ? 1 : 0;
}

/**
 * The full birth dates a person may have and still score `threshold` against a record born on `date`
 * (a perfect name, same sex and nationality), besides partial or unknown dates, which never cost more
 * than a year apart: the date itself, day and month swapped, and the same day and month a year either
 * side — each only when its level can still reach the threshold. Null when the threshold admits any day of
 * the year (same_year_only reaches it) or `date` is not a full YYYY-MM-DD date: then only birthYearReach
 * applies (ADR 0507).
 */
export function birthDatesReaching(threshold: number, date: string): string[] | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const best = 1 + SEX_ADJUSTMENT.match + NATIONALITY_ADJUSTMENT.match;
  const reaches = (level: DateLevel) => best + DATE_ADJUSTMENT[level] >= threshold;
  if (reaches('same_year_only')) return null;
  const [, y, mo, d] = m as unknown as [string, string, string, string];
  const out = [date];
  if (reaches('swapped_day_month') && d !== mo && Number(d) <= 12) out.push(`${y}-${d}-${mo}`);
  if (reaches('year_off_by_one')) out.push(`${String(Number(y) - 1).padStart(4, '0')}-${mo}-${d}`, `${String(Number(y) + 1).padStart(4, '0')}-${mo}-${d}`);
  return out;
}
