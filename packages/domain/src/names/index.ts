/**
 * Names across scripts: script detection, the stored name model, transliteration engines generated
 * from the reference tables, cross-script comparison keys and the person matcher.
 * See ./README.md.
 */
export { detectScript, charScript, type NameScript } from './script.ts';
export { nameVariant, personName, type NameVariant, type NameVariantKind, type PersonName } from './name-variant.ts';
export { foldLatin, toIcaoLatin } from './fold.ts';
export {
  transliterate,
  romanizeAll,
  listTranslitSystems,
  isTranslitSystemId,
  TRANSLIT_SYSTEM_IDS,
  SYSTEMS_BY_SCRIPT,
  type TranslitSystemId,
  type TranslitSystemInfo,
} from './translit/transliterate.ts';
export { encodeArabicMrz, decodeArabicMrz } from './translit/arabic-mrz.ts';
export { pivotLatin, strictKey, looseKey, consonantKey } from './keys/token-keys.ts';
export { wordKeys, givenNameGroups, givenNameGroup, GIVEN_NAME_GROUP_COUNT } from './keys/dictionaries.ts';
export { tokenizeName, prepareName, type PreparedName, type PreparedToken } from './match/tokens.ts';
export { parsePartialDate, compareBirthDates, formatPartialDate, type PartialDate } from './match/dates.ts';
export { levenshteinRatio } from './match/levenshtein.ts';
export { compareNames, type NameComparison, type TokenPairExplanation } from './match/name-score.ts';
export {
  prepareRecord,
  scorePrepared,
  scoreCeiling,
  scorePair,
  type PersonRecord,
  type PersonDocument,
  type PreparedRecord,
  type MatchResult,
  type MatchExplanation,
  type FeatureExplanation,
  type FeatureName,
  type ScoreOptions,
  type Sex,
} from './match/matcher.ts';
export * as MATCH_WEIGHTS from './match/weights.ts';
export { DEFAULT_THRESHOLD, MAX_NAME_LENGTH, type DateLevel } from './match/weights.ts';
export { parsePersonInput, type InputResult } from './input.ts';
export type { TranslitTable, TableRule, Pattern, PatternElement } from './translit/table-types.ts';
