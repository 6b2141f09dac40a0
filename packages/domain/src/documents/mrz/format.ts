/**
 * Builds an MRZ from structured data: every field placed per layouts.ts, every check digit computed
 * (Part 3 §4.9), names transliterated and truncated (names.ts). Returns errors instead of throwing.
 */
import { checkDigitChar } from './check-digit.ts';
import { ALLOWED_FIRST_LETTERS, isKnownStateCode, padStateCode } from './codes.ts';
import { formatMrzDate } from './dates.ts';
import type { Span } from './layouts.ts';
import { LAYOUTS, spanLength } from './layouts.ts';
import { formatNameField } from './names.ts';
import type { MrzFormatInput, MrzFormatResult, MrzIssue } from './types.ts';

/**
 * Free text (document number, personal number, optional data) in MRZ form: upper case; spaces and ASCII
 * punctuation become `<` (Part 4 §4.2.2.2: "special characters or spaces … replaced by the filler");
 * trailing fillers dropped. Null when a character cannot be written at all (e.g. `é`).
 */
export function toMrzText(value: string): string | null {
  const upper = value.toUpperCase().replace(/[\s!-/:-@[-`{-~]/g, '<').replace(/<+$/, '');
  return /^[A-Z0-9<]*$/.test(upper) ? upper : null;
}

function issue(field: string, code: MrzIssue['code'], message: string): MrzIssue {
  return { field, code, message };
}

export function formatMrz(input: MrzFormatInput): MrzFormatResult {
  const layout = LAYOUTS[input.format];
  if (!layout) return { ok: false, errors: [issue('format', 'MRZ.LINE_COUNT', `unknown format ${String(input.format)}`)] };
  const errors: MrzIssue[] = [];
  const warnings: MrzIssue[] = [];
  const grid = Array.from({ length: layout.lineCount }, () => Array<string>(layout.lineLength).fill('<'));
  const put = (span: Span, text: string): void => {
    [...text].slice(0, spanLength(span)).forEach((c, i) => (grid[span.line - 1]![span.from - 1 + i] = c));
  };
  const at = (span: Span): string => grid[span.line - 1]!.slice(span.from - 1, span.to).join('');

  // Document code (reference §1.7): one or two letters, the first fixed by the format.
  const code = input.documentCode.toUpperCase().padEnd(2, '<');
  if (!/^[A-Z][A-Z<]$/.test(code) || !ALLOWED_FIRST_LETTERS[input.format]!.includes(code.charAt(0))) {
    errors.push(issue('documentCode', 'MRZ.DOCUMENT_CODE', `"${input.documentCode}" is not a ${input.format} document code`));
  }
  put(layout.documentCode, code);

  // Issuing state and nationality (Part 3 §5): `D` is written `D<<`.
  for (const [field, span, value] of [
    ['issuingState', layout.issuingState, input.issuingState],
    ['nationality', layout.nationality, input.nationality],
  ] as const) {
    const c = value.toUpperCase().replace(/<+$/, '');
    if (!/^[A-Z]{1,3}$/.test(c)) errors.push(issue(field, 'MRZ.INVALID_CHARACTER', `"${value}" is not a state code`));
    else if (!isKnownStateCode(c)) warnings.push(issue(field, 'MRZ.UNKNOWN_CODE', `"${c}" is not a known code`));
    put(span, padStateCode(c));
  }

  // Document number; TD1/TD2 numbers over 9 characters continue in the optional data (Part 5/6 note j).
  const optionalSpan = layout.optionalData;
  let optionalPrefix = '';
  const number = toMrzText(input.documentNumber);
  const maxTail = layout.longNumberContinuesIn ? spanLength(optionalSpan) - 2 : 0;
  if (number === null || number === '') {
    errors.push(issue('documentNumber', 'MRZ.INVALID_CHARACTER', `"${input.documentNumber}" cannot be written in an MRZ`));
  } else if (number.length > 9 + maxTail) {
    errors.push(issue('documentNumber', 'MRZ.LINE_LENGTH', `document number longer than ${9 + maxTail} characters`));
  } else if (number.length > 9) {
    if (number.includes('<')) {
      errors.push(issue('documentNumber', 'MRZ.INVALID_CHARACTER', 'a long document number cannot contain fillers'));
    }
    const [head, tail] = [number.slice(0, 9), number.slice(9)];
    const covered = input.longNumberFiller === 'included' ? `${head}<${tail}` : head + tail;
    put(layout.documentNumber, head);
    put(layout.documentNumberCheck, '<');
    optionalPrefix = `${tail}${checkDigitChar(covered)}<`;
  } else {
    put(layout.documentNumber, number);
    put(layout.documentNumberCheck, checkDigitChar(number.padEnd(9, '<')));
  }

  // Dates (dates.ts): birth dates may be partial; expiry must be complete.
  const birth = formatMrzDate(input.birthDate, true);
  const expiry = formatMrzDate(input.expiryDate, false);
  if (birth === null) errors.push(issue('birthDate', 'MRZ.INVALID_DATE', `"${input.birthDate}" is not YYYY-MM-DD, YYYY-MM, YYYY or null`));
  if (expiry === null) errors.push(issue('expiryDate', 'MRZ.INVALID_DATE', `"${input.expiryDate}" is not YYYY-MM-DD`));
  put(layout.birthDate, birth ?? '<<<<<<');
  put(layout.birthDateCheck, checkDigitChar(at(layout.birthDate)));
  put(layout.expiryDate, expiry ?? '<<<<<<');
  put(layout.expiryDateCheck, checkDigitChar(at(layout.expiryDate)));

  // Sex: X (unspecified) is written `<` (Part 4 note p).
  put(layout.sex, input.sex === 'M' || input.sex === 'F' ? input.sex : '<');

  // Name.
  const name = formatNameField(input.surname, input.givenNames, spanLength(layout.name));
  if (name.unmapped.length > 0) {
    errors.push(issue('name', 'MRZ.INVALID_CHARACTER', `no MRZ transliteration for ${name.unmapped.map((c) => `"${c}"`).join(', ')}`));
  }
  if (/^<*$/.test(name.field)) errors.push(issue('name', 'MRZ.INVALID_CHARACTER', 'the name is empty'));
  put(layout.name, name.field);

  // Personal number (TD3) or optional data.
  const personal = input.personalNumber ?? null;
  const optional = input.optionalData ?? null;
  const text = (field: string, value: string | null, room: number): string => {
    if (value === null) return '';
    const t = toMrzText(value);
    if (t === null) errors.push(issue(field, 'MRZ.INVALID_CHARACTER', `"${value}" cannot be written in an MRZ`));
    else if (t.length > room) errors.push(issue(field, 'MRZ.LINE_LENGTH', `longer than ${room} characters`));
    return t ?? '';
  };
  if (input.format === 'TD3') {
    if (optional) errors.push(issue('optionalData', 'MRZ.LINE_LENGTH', 'TD3 has no optional data besides the personal number'));
    const pn = text('personalNumber', personal, spanLength(optionalSpan));
    put(optionalSpan, pn);
    const emptyCheck = input.emptyPersonalNumberCheck ?? '<';
    put(layout.personalNumberCheck!, pn === '' ? emptyCheck : checkDigitChar(at(optionalSpan)));
  } else {
    if (personal) errors.push(issue('personalNumber', 'MRZ.LINE_LENGTH', `${input.format} has no personal-number field`));
    put(optionalSpan, optionalPrefix + text('optionalData', optional, spanLength(optionalSpan) - optionalPrefix.length));
  }
  if (layout.optionalData2) put(layout.optionalData2, text('optionalData2', input.optionalData2 ?? null, spanLength(layout.optionalData2)));
  else if (input.optionalData2) errors.push(issue('optionalData2', 'MRZ.LINE_LENGTH', `${input.format} has no second optional field`));

  if (layout.composite) put(layout.composite.check, checkDigitChar(layout.composite.covers.map(at).join('')));

  if (errors.length > 0) return { ok: false, errors };
  if (name.truncated) warnings.push(issue('name', 'MRZ.NAME_POSSIBLY_TRUNCATED', 'the name was truncated to fit'));
  const lines = grid.map((row) => row.join(''));
  return { ok: true, lines, text: lines.join('\n'), nameTruncated: name.truncated, warnings };
}
