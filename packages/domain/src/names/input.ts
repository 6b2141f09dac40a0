/**
 * Validation of untrusted person input (CLI lines, API bodies) into a PersonRecord. Returns the first
 * problem as a FieldIssue with a stable code instead of throwing, so a batch can report it on the line
 * concerned and go on.
 */
import type { FieldIssue } from '../kernel/errors.ts';
import { parsePartialDate } from './match/dates.ts';
import type { PersonDocument, PersonRecord, Sex } from './match/matcher.ts';
import { MAX_NAME_LENGTH } from './match/weights.ts';

export type InputResult = { ok: true; value: PersonRecord } | { ok: false; issue: FieldIssue };

const fail = (field: string, code: string, message: string): InputResult => ({ ok: false, issue: { field, code, message } });

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkName(value: unknown, field: string): FieldIssue | null {
  if (typeof value !== 'string' || value.trim() === '') {
    return { field, code: 'NAMES.NAME_REQUIRED', message: 'A non-empty name string is required' };
  }
  if (value.length > MAX_NAME_LENGTH) {
    return { field, code: 'NAMES.TOO_LONG', message: `Name is ${value.length} characters; the limit is ${MAX_NAME_LENGTH}` };
  }
  return null;
}

/** Validates one person object; `field` is the prefix for issue paths (e.g. `a`). */
export function parsePersonInput(raw: unknown, field: string): InputResult {
  if (!isObject(raw)) return fail(field, 'NAMES.INVALID_PERSON', 'Expected an object with at least "name"');
  const nameIssue = checkName(raw.name, `${field}.name`);
  if (nameIssue) return { ok: false, issue: nameIssue };
  const record: { -readonly [K in keyof PersonRecord]: PersonRecord[K] } = { name: raw.name as string };

  if (raw.otherNames !== undefined) {
    if (!Array.isArray(raw.otherNames) || raw.otherNames.length > 16) {
      return fail(`${field}.otherNames`, 'NAMES.INVALID_OTHER_NAMES', 'Expected an array of at most 16 names');
    }
    for (const [k, n] of raw.otherNames.entries()) {
      const issue = checkName(n, `${field}.otherNames.${k}`);
      if (issue) return { ok: false, issue };
    }
    record.otherNames = raw.otherNames as string[];
  }
  if (raw.birthDate !== undefined && raw.birthDate !== null) {
    const d = typeof raw.birthDate === 'string' ? parsePartialDate(raw.birthDate) : null;
    if (!d) return fail(`${field}.birthDate`, 'NAMES.INVALID_DATE', 'Expected YYYY, YYYY-MM or YYYY-MM-DD (a real date)');
    record.birthDate = d;
  }
  if (raw.sex !== undefined && raw.sex !== null) {
    if (raw.sex !== 'M' && raw.sex !== 'F' && raw.sex !== 'X') {
      return fail(`${field}.sex`, 'NAMES.INVALID_SEX', 'Expected "M", "F" or "X" (unspecified)');
    }
    if (raw.sex !== 'X') record.sex = raw.sex as Sex;
  }
  if (raw.nationality !== undefined && raw.nationality !== null) {
    if (typeof raw.nationality !== 'string' || !/^[A-Z<]{3}$/.test(raw.nationality)) {
      return fail(`${field}.nationality`, 'NAMES.INVALID_NATIONALITY', 'Expected an ICAO 3-letter code such as ARM');
    }
    record.nationality = raw.nationality;
  }
  if (raw.documents !== undefined) {
    if (!Array.isArray(raw.documents) || raw.documents.length > 16) {
      return fail(`${field}.documents`, 'NAMES.INVALID_DOCUMENT', 'Expected an array of at most 16 documents');
    }
    const docs: PersonDocument[] = [];
    for (const [k, d] of raw.documents.entries()) {
      if (!isObject(d) || typeof d.number !== 'string' || d.number.length === 0 || d.number.length > 64) {
        return fail(`${field}.documents.${k}`, 'NAMES.INVALID_DOCUMENT', 'Expected {"number": "...", "issuer"?: "ARM"}');
      }
      if (d.issuer !== undefined && (typeof d.issuer !== 'string' || !/^[A-Z<]{3}$/.test(d.issuer))) {
        return fail(`${field}.documents.${k}.issuer`, 'NAMES.INVALID_DOCUMENT', 'Expected an ICAO 3-letter code');
      }
      docs.push(d.issuer === undefined ? { number: d.number } : { number: d.number, issuer: d.issuer as string });
    }
    record.documents = docs;
  }
  return { ok: true, value: record };
}
