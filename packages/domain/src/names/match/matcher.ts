/**
 * Person matcher: prepareRecord() once per record, scorePrepared() per pair (no transliteration,
 * no regex, no allocation beyond the result on the hot path), scorePair() for convenience.
 * Score = best main feature (name, or a shared document number) + qualifiers (birth date, sex,
 * nationality), clamped to [0, 1]. See weights.ts and ../README.md.
 */
import { compareBirthDates, type PartialDate } from './dates.ts';
import { compareNames, type TokenPairExplanation } from './name-score.ts';
import { prepareName, type PreparedName } from './tokens.ts';
import {
  DATE_ADJUSTMENT,
  DEFAULT_THRESHOLD,
  DOCUMENT_MATCH_NAME_CONFLICT_SCORE,
  DOCUMENT_MATCH_SCORE,
  DOCUMENT_MIN_LENGTH,
  NATIONALITY_ADJUSTMENT,
  SEX_ADJUSTMENT,
} from './weights.ts';

export type Sex = 'M' | 'F';

export interface PersonDocument {
  readonly number: string;
  /** Issuing state (ICAO 3-letter code), when known. */
  readonly issuer?: string;
}

/** What the matcher needs to know about a person; everything but `name` is optional. */
export interface PersonRecord {
  /** The name as written (any script). */
  readonly name: string;
  /** Other forms of the same person's name: Latin forms on documents, other scripts, MRZ names. */
  readonly otherNames?: readonly string[];
  readonly birthDate?: PartialDate;
  readonly sex?: Sex;
  /** ICAO 3-letter nationality code. */
  readonly nationality?: string;
  readonly documents?: readonly PersonDocument[];
}

export interface PreparedRecord {
  readonly names: readonly PreparedName[];
  readonly birthDate: PartialDate | undefined;
  readonly sex: Sex | undefined;
  readonly nationality: string | undefined;
  /** Normalised `ISSUER:NUMBER` (issuer may be empty). */
  readonly documents: readonly { readonly number: string; readonly issuer: string }[];
  /** Canonical form: pairs are always scored in the same order, so scoring is exactly symmetric. */
  readonly canon: string;
}

export type FeatureName = 'name' | 'document' | 'birthDate' | 'sex' | 'nationality';

export interface FeatureExplanation {
  readonly feature: FeatureName;
  /** Comparison level reached (e.g. `loose`, `exact`, `swapped_day_month`, `missing`). */
  readonly level: string;
  /** Main features: the weight applied to the similarity; qualifiers: the signed adjustment. */
  readonly weight: number;
  /** What the feature added to the score (main: similarity × weight; qualifiers: the adjustment). */
  readonly contribution: number;
}

export interface MatchExplanation {
  readonly main: 'name' | 'document';
  readonly features: readonly FeatureExplanation[];
  /** Token alignment of the best pair of name forms (a-side token, b-side token, level, similarity). */
  readonly tokens: readonly TokenPairExplanation[];
  readonly unmatchedTokens: readonly string[];
  readonly names: { readonly a: string; readonly b: string };
}

export interface MatchResult {
  readonly score: number;
  readonly match: boolean;
  readonly explanation?: MatchExplanation;
}

export interface ScoreOptions {
  readonly threshold?: number;
  /** Build the explanation (default true). */
  readonly explain?: boolean;
}

const normDoc = (s: string) => s.toUpperCase().replace(/[^A-Z0-9]/g, '');

export function prepareRecord(record: PersonRecord): PreparedRecord {
  const names = [record.name, ...(record.otherNames ?? [])].map(prepareName);
  const documents = (record.documents ?? [])
    .map((d) => ({ number: normDoc(d.number), issuer: (d.issuer ?? '').toUpperCase() }))
    .filter((d) => d.number.length >= DOCUMENT_MIN_LENGTH);
  const nationality = record.nationality?.toUpperCase();
  const date = record.birthDate;
  const canon = [
    names.map((n) => n.tokens.map((t) => t.text).join(' ')).join('|'),
    date ? `${date.year}-${date.month ?? ''}-${date.day ?? ''}` : '',
    record.sex ?? '',
    nationality ?? '',
    documents.map((d) => `${d.issuer}:${d.number}`).join(','),
  ].join('#');
  return { names, birthDate: date, sex: record.sex, nationality, documents, canon };
}

function sharesDocument(a: PreparedRecord, b: PreparedRecord): boolean {
  for (const x of a.documents) {
    for (const y of b.documents) {
      if (x.number === y.number && (x.issuer === '' || y.issuer === '' || x.issuer === y.issuer)) return true;
    }
  }
  return false;
}

const round = (x: number) => Math.round(x * 10000) / 10000;

/** Birth date, sex and nationality of a pair: their levels and the sum of their adjustments (symmetric). */
function qualifiers(a: PreparedRecord, b: PreparedRecord) {
  const dateLevel = compareBirthDates(a.birthDate, b.birthDate);
  const sexLevel = !a.sex || !b.sex ? 'missing' : a.sex === b.sex ? 'match' : 'mismatch';
  const natLevel = !a.nationality || !b.nationality ? 'missing' : a.nationality === b.nationality ? 'match' : 'mismatch';
  return { dateLevel, sexLevel, natLevel, adjust: DATE_ADJUSTMENT[dateLevel] + SEX_ADJUSTMENT[sexLevel] + NATIONALITY_ADJUSTMENT[natLevel] } as const;
}

/**
 * The highest score scorePrepared can give the pair, whatever their names and documents: the main
 * feature is at most 1, so the birth date, sex and nationality alone bound it (ADR 0524). A pair born
 * years apart cannot reach the border's 0.75 (1 + 0.02 + 0.02 − 0.3): a candidate below `threshold` here
 * need not have its names compared.
 */
export function scoreCeiling(first: PreparedRecord, second: PreparedRecord): number {
  const [a, b] = first.canon <= second.canon ? [first, second] : [second, first];
  return round(Math.min(1, Math.max(0, 1 + qualifiers(a, b).adjust)));
}

export function scorePrepared(first: PreparedRecord, second: PreparedRecord, options: ScoreOptions = {}): MatchResult {
  const [a, b] = first.canon <= second.canon ? [first, second] : [second, first];
  const explain = options.explain ?? true;
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;

  // Main feature 1: the best pair of name forms.
  let nameScore = 0;
  let bestA = 0;
  let bestB = 0;
  for (let i = 0; i < a.names.length; i++) {
    for (let j = 0; j < b.names.length; j++) {
      const s = compareNames(a.names[i] as PreparedName, b.names[j] as PreparedName, false).score;
      if (s > nameScore) [nameScore, bestA, bestB] = [s, i, j];
    }
  }
  // Main feature 2: a shared document number.
  const docLevel = a.documents.length === 0 || b.documents.length === 0 ? 'missing' : sharesDocument(a, b) ? 'exact' : 'different';
  const docScore = docLevel !== 'exact' ? 0 : nameScore >= 0.5 ? DOCUMENT_MATCH_SCORE : DOCUMENT_MATCH_NAME_CONFLICT_SCORE;
  const main = docScore > nameScore ? 'document' : 'name';

  const { dateLevel, sexLevel, natLevel, adjust } = qualifiers(a, b);

  const score = round(Math.min(1, Math.max(0, Math.max(nameScore, docScore) + adjust)));
  const match = score >= threshold;
  if (!explain) return { score, match };

  const detail = compareNames(a.names[bestA] as PreparedName, b.names[bestB] as PreparedName, true);
  const flip = a !== first; // report tokens from the caller's point of view
  const nameLevel = detail.pairs.reduce<string>((lowest, p) => (rank(p.level) < rank(lowest) ? p.level : lowest), 'exact');
  const features: FeatureExplanation[] = [
    { feature: 'name', level: nameScore === 0 ? 'none' : nameLevel, weight: 1, contribution: round(main === 'name' ? nameScore : 0) },
    { feature: 'document', level: docLevel, weight: DOCUMENT_MATCH_SCORE, contribution: round(main === 'document' ? docScore : 0) },
    { feature: 'birthDate', level: dateLevel, weight: DATE_ADJUSTMENT[dateLevel], contribution: DATE_ADJUSTMENT[dateLevel] },
    { feature: 'sex', level: sexLevel, weight: SEX_ADJUSTMENT[sexLevel], contribution: SEX_ADJUSTMENT[sexLevel] },
    { feature: 'nationality', level: natLevel, weight: NATIONALITY_ADJUSTMENT[natLevel], contribution: NATIONALITY_ADJUSTMENT[natLevel] },
  ];
  return {
    score,
    match,
    explanation: {
      main,
      features,
      tokens: flip ? detail.pairs.map((p) => ({ ...p, a: p.b, b: p.a })) : detail.pairs,
      unmatchedTokens: detail.unmatched,
      names: flip
        ? { a: b.names[bestB]?.text ?? '', b: a.names[bestA]?.text ?? '' }
        : { a: a.names[bestA]?.text ?? '', b: b.names[bestB]?.text ?? '' },
    },
  };
}

const LEVEL_RANK = ['none', 'initial', 'fuzzy', 'consonant', 'dictionary', 'loose', 'strict', 'exact'];
const rank = (level: string) => LEVEL_RANK.indexOf(level);

export function scorePair(a: PersonRecord, b: PersonRecord, options?: ScoreOptions): MatchResult {
  return scorePrepared(prepareRecord(a), prepareRecord(b), options);
}

export { DEFAULT_THRESHOLD };
