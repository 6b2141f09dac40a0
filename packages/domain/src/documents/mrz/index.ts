/**
 * ICAO Doc 9303 machine-readable zone: parse and format TD1, TD2, TD3, MRV-A and MRV-B.
 * Pure: no I/O, no clock (the reference date for two-digit years is a parameter). See README.md.
 */
export type {
  LongNumberVariant,
  MrzChecks,
  MrzCorrection,
  MrzFormat,
  MrzFormatInput,
  MrzFormatResult,
  MrzIssue,
  MrzIssueCode,
  MrzParseOptions,
  MrzParseResult,
  StateCodeInfo,
  StateCodeKind,
} from './types.ts';
export { MRZ_FORMATS } from './types.ts';
export { blindSpotClass, charValue, checkDigit, checkDigitChar, checkSum, isMrzChar, verifyCheckDigit } from './check-digit.ts';
export type { Layout, Span } from './layouts.ts';
export { detectFormat, LAYOUTS } from './layouts.ts';
export { describeDocumentCode, describeStateCode, isKnownStateCode, normalizeStateCode } from './codes.ts';
export type { IssuerDeviation } from './deviations.ts';
export { ISSUER_DEVIATIONS } from './deviations.ts';
export { EXPIRY_YEARS_AHEAD, formatMrzDate, parseBirthDate, parseExpiryDate } from './dates.ts';
export type { ParsedName } from './names.ts';
export { buildNameField, formatNameField, identifierToMrz, parseNameField, splitFullName } from './names.ts';
export type { TransliterationResult } from './transliterate.ts';
export { transliterateToMrz } from './transliterate.ts';
export { parseMrz, parseMrzDocuments, parseMrzLines } from './parse.ts';
export { splitDocuments } from './input.ts';
export { formatMrz, toMrzText } from './format.ts';
