/**
 * MRZ parsing: shape → format, character checks, optional OCR correction, then every field and check
 * digit of the layout (layouts.ts). Never throws on document text; problems are reported as errors
 * (invalid) or warnings (informational). Throws RangeError only on a malformed `referenceDate` option,
 * which is a programming error.
 */
import { checkDigit, verifyCheckDigit } from './check-digit.ts';
import { ALLOWED_FIRST_LETTERS, describeDocumentCode, describeStateCode, unusualDocumentCode } from './codes.ts';
import type { DateParts } from './dates.ts';
import { compareDates, parseBirthDate, parseExpiryDate, parseIsoDate } from './dates.ts';
import { findDeviations, ISSUER_DEVIATIONS } from './deviations.ts';
import { readDocumentNumber } from './document-number.ts';
import { invalidCharacters, MAX_LINE_LENGTH, rawEcho, shapeErrors, splitDocuments, upperCaseLetters } from './input.ts';
import type { Layout, Span } from './layouts.ts';
import { detectFormat, LAYOUTS, read } from './layouts.ts';
import { parseNameField } from './names.ts';
import { correctOcrConfusions } from './ocr.ts';
import type { MrzIssue, MrzParseOptions, MrzParseResult, StateCodeInfo } from './types.ts';

const NO_CHECKS = { documentNumber: null, birthDate: null, expiryDate: null, personalNumber: null, composite: null };
const stripFillers = (s: string): string => s.replace(/<+$/, '');
const orNull = (s: string): string | null => (s === '' ? null : s);

function referenceDate(options: MrzParseOptions): DateParts {
  const ref = parseIsoDate(options.referenceDate);
  if (!ref) throw new RangeError(`referenceDate must be YYYY-MM-DD, got ${JSON.stringify(options.referenceDate)}`);
  return ref;
}

function unreadable(raw: string[], errors: MrzIssue[]): MrzParseResult {
  return {
    format: null, valid: false, specimen: false, documentCode: null, issuingState: null, documentNumber: null,
    nationality: null, birthDate: null, sex: null, expiryDate: null, surname: null, givenNames: null,
    personalNumber: null, optionalData: null, optionalData2: null, checks: NO_CHECKS, corrections: [], errors,
    warnings: [], expired: null, namePossiblyTruncated: null, documentNumberCheckVariant: null, documentType: null,
    issuingStateInfo: null, nationalityInfo: null, raw,
  };
}

function checkError(field: string, span: Span, written: string, data: string): MrzIssue {
  return {
    field,
    code: 'MRZ.CHECK_DIGIT',
    message: `line ${span.line} position ${span.from}: check digit "${written}" does not match ${checkDigit(data) ?? '(unreadable data)'}`,
  };
}

/** Issuing state / nationality: letters with trailing fillers (`D<<`); unknown codes are only warned about. */
function stateCode(field: string, raw: string, errors: MrzIssue[], warnings: MrzIssue[]): StateCodeInfo {
  const info = describeStateCode(raw);
  if (!/^[A-Z]+<*$/.test(raw)) {
    errors.push({ field, code: 'MRZ.INVALID_CHARACTER', message: `"${raw}" is not a code of letters A–Z (and fillers)` });
  } else if (info.kind === 'unknown') {
    warnings.push({ field, code: 'MRZ.UNKNOWN_CODE', message: `"${info.code}" is not a known ICAO/ISO 3166-1 code` });
  } else if (info.kind === 'deprecated') {
    warnings.push({ field, code: 'MRZ.DEPRECATED_CODE', message: `"${info.code}": ${info.description ?? ''}` });
  } else if (info.kind === 'specimen') {
    warnings.push({ field, code: 'MRZ.SPECIMEN', message: `"${info.code}" is used on specimens only` });
  }
  return info;
}

/** Parses the lines of one document. */
export function parseMrzLines(input: readonly string[], options: MrzParseOptions): MrzParseResult {
  const ref = referenceDate(options);
  const lines = input.map((l) => l.trim()).filter((l) => l !== '');
  const raw = rawEcho(lines);
  const format = lines.every((l) => l.length <= MAX_LINE_LENGTH) ? detectFormat(lines) : null;
  if (format === null) return unreadable(raw, shapeErrors(lines));
  const layout: Layout = LAYOUTS[format];
  const errors: MrzIssue[] = [];
  const warnings: MrzIssue[] = [];
  const grid = lines.map((l) => [...l]);
  const lower = upperCaseLetters(grid);
  if (lower) errors.push(lower);
  errors.push(...invalidCharacters(grid, layout));
  const corrections = options.correct === false ? [] : correctOcrConfusions(grid, layout);
  const at = (span: Span): string => read(grid, span);

  // Document code (Part 4–7 §4.2.2; reference §1.7): the first letter is fixed by the format.
  const documentCode = at(layout.documentCode);
  if (!ALLOWED_FIRST_LETTERS[format]!.includes(documentCode.charAt(0))) {
    errors.push({ field: 'documentCode', code: 'MRZ.DOCUMENT_CODE', message: `"${documentCode}" cannot start a ${format} MRZ` });
  }
  const unusual = unusualDocumentCode(format, documentCode);
  if (unusual) warnings.push({ field: 'documentCode', code: 'MRZ.DOCUMENT_CODE_UNUSUAL', message: unusual });

  const issuingStateInfo = stateCode('issuingState', at(layout.issuingState), errors, warnings);
  const nationalityInfo = stateCode('nationality', at(layout.nationality), errors, warnings);

  // Document number, possibly long (document-number.ts).
  const optionalRaw = at(layout.optionalData);
  const docNo = readDocumentNumber(
    at(layout.documentNumber),
    at(layout.documentNumberCheck),
    optionalRaw,
    layout.longNumberContinuesIn !== null,
  );
  if (!docNo.check) errors.push({ field: 'documentNumber', code: 'MRZ.CHECK_DIGIT', message: docNo.failure ?? '' });

  // Dates (dates.ts: century policy, partial birth dates).
  const dateField = (field: 'birthDate' | 'expiryDate', span: Span, checkSpan: Span) => {
    const text = at(span);
    const check = verifyCheckDigit(text, at(checkSpan));
    if (!check) errors.push(checkError(field, checkSpan, at(checkSpan), text));
    const parsed = field === 'birthDate' ? parseBirthDate(text, ref) : parseExpiryDate(text, ref);
    if (!parsed.ok) {
      errors.push({ field, code: 'MRZ.INVALID_DATE', message: parsed.message });
      return { check, iso: null };
    }
    if (parsed.partial) warnings.push({ field, code: 'MRZ.PARTIAL_DATE', message: `"${text}" has unknown parts` });
    return { check, iso: parsed.iso };
  };
  const birth = dateField('birthDate', layout.birthDate, layout.birthDateCheck);
  const expiry = dateField('expiryDate', layout.expiryDate, layout.expiryDateCheck);
  const expiryParts = expiry.iso === null ? null : parseIsoDate(expiry.iso);
  const expired = expiryParts === null ? null : compareDates(expiryParts, ref) < 0;

  // Sex (Part 4 §4.2.2.2 note p): F, M, or `<` for unspecified, shown as X.
  const sexChar = at(layout.sex);
  const sex = sexChar === 'M' || sexChar === 'F' ? sexChar : sexChar === '<' || sexChar === 'X' ? 'X' : null;
  if (sexChar === 'X') warnings.push({ field: 'sex', code: 'MRZ.NONSTANDARD_SEX', message: 'X instead of < in the MRZ' });
  if (sex === null) errors.push({ field: 'sex', code: 'MRZ.INVALID_SEX', message: `"${sexChar}" is not F, M or <` });

  // Name (names.ts).
  const nameText = at(layout.name);
  const name = parseNameField(nameText);
  if (/[0-9]/.test(nameText)) {
    errors.push({ field: 'name', code: 'MRZ.INVALID_CHARACTER', message: 'digits are not allowed in the name' });
  }
  if (name.possiblyTruncated) {
    warnings.push({ field: 'name', code: 'MRZ.NAME_POSSIBLY_TRUNCATED', message: 'the name field ends with a letter' });
  }

  // Personal number (TD3 29–42, check 43; `<` or 0 allowed when the field is empty, Part 4 §4.2.2.2).
  let personalNumber: string | null = null;
  let personalCheck: boolean | null = null;
  if (layout.personalNumberCheck) {
    const cd = at(layout.personalNumberCheck);
    personalNumber = orNull(stripFillers(optionalRaw));
    personalCheck = personalNumber === null ? cd === '<' || cd === '0' : verifyCheckDigit(optionalRaw, cd);
    if (!personalCheck) errors.push(checkError('personalNumber', layout.personalNumberCheck, cd, optionalRaw));
  }

  // Composite (Part 3 §4.9; reference §1.4).
  let composite: boolean | null = null;
  if (layout.composite) {
    const data = layout.composite.covers.map(at).join('');
    const cd = at(layout.composite.check);
    composite = verifyCheckDigit(data, cd);
    if (!composite) errors.push(checkError('composite', layout.composite.check, cd, data));
  }

  // Per-issuer deviations, as data (deviations.ts).
  for (const d of findDeviations(options.deviations ?? ISSUER_DEVIATIONS, issuingStateInfo.code, format, documentCode, docNo.variant !== null)) {
    if (d.effect === 'non-icao') errors.push({ field: 'mrz', code: 'MRZ.NON_ICAO_FORMAT', message: d.message });
    else warnings.push({ field: 'issuingState', code: 'MRZ.ISSUER_DEVIATION', message: d.message });
  }
  if (docNo.variant === 'filler-included') {
    warnings.push({ field: 'documentNumber', code: 'MRZ.LONG_DOCUMENT_NUMBER', message: 'check digit computed with the filler included (non-ICAO variant)' });
  }

  const checks = { documentNumber: docNo.check, birthDate: birth.check, expiryDate: expiry.check, personalNumber: personalCheck, composite };
  const allChecks = Object.values(checks).every((c) => c !== false);
  return {
    format,
    valid: errors.length === 0 && allChecks,
    specimen: issuingStateInfo.kind === 'specimen' || nationalityInfo.kind === 'specimen',
    documentCode,
    issuingState: issuingStateInfo.code,
    documentNumber: docNo.number,
    nationality: nationalityInfo.code,
    birthDate: birth.iso,
    sex,
    expiryDate: expiry.iso,
    surname: name.surname,
    givenNames: name.givenNames,
    personalNumber,
    // Optional data per format: TD1 line 1 16–30 (minus any long-number tail) and line 2 19–29;
    // TD2 / MRV the optional field (TD2 minus any long-number tail); TD3 none (29–42 is the personal number).
    optionalData: format === 'TD3' ? null : orNull(stripFillers(docNo.optionalRest)),
    optionalData2: layout.optionalData2 ? orNull(stripFillers(at(layout.optionalData2))) : null,
    checks,
    corrections,
    errors,
    warnings,
    expired,
    namePossiblyTruncated: name.possiblyTruncated,
    documentNumberCheckVariant: docNo.variant,
    documentType: describeDocumentCode(documentCode),
    issuingStateInfo,
    nationalityInfo,
    raw,
  };
}

/** Parses one document given as text (lines separated by newlines; blank lines ignored). */
export function parseMrz(text: string, options: MrzParseOptions): MrzParseResult {
  return parseMrzLines(text.split(/\r\n|\r|\n/), options);
}

/** Parses every document in `text` (documents separated by blank lines), in input order. */
export function parseMrzDocuments(text: string, options: MrzParseOptions): MrzParseResult[] {
  referenceDate(options);
  return splitDocuments(text).map((lines) => parseMrzLines(lines, options));
}
