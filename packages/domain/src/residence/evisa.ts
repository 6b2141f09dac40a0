/**
 * The e-visa file of the Ministry of Foreign Affairs (ADR 0701): one visa per CSV row, a header line with
 * the column names below (case, spaces and `-` are ignored). Each row is checked on its own: a broken row
 * is reported with its line number and the others are loaded.
 */
import { parseCsv, mapHeader, headerKey, type CsvResult } from '../border/lists/csv.ts';
import type { RowIssue } from '../border/common/issues.ts';
import { checkVisa } from './rules.ts';
import { VISA_ENTRIES, type VisaEntries } from './codes.ts';

export const EVISA_COLUMNS = {
  number: ['evisa_number', 'visa_number', 'number'],
  surname: ['surname', 'last_name'],
  givenNames: ['given_names', 'first_name', 'given_name'],
  birthDate: ['birth_date', 'date_of_birth'],
  sex: ['sex', 'gender'],
  nationality: ['nationality', 'citizenship'],
  passportNumber: ['passport_number', 'document_number'],
  passportIssuer: ['passport_issuer', 'issuing_state', 'passport_country'],
  validFrom: ['valid_from'],
  validTo: ['valid_to', 'valid_until'],
  stayDays: ['stay_days', 'duration_of_stay', 'duration'],
  entries: ['entries'],
  issuedOn: ['issued_on', 'issue_date'],
} as const satisfies Record<string, readonly string[]>;
export type EvisaColumn = keyof typeof EVISA_COLUMNS;
/** The aliases in the reader's comparison form (`evisa_number` → `evisa number`). */
const ALIASES = Object.fromEntries(Object.entries(EVISA_COLUMNS).map(([k, v]) => [k, v.map(headerKey)])) as Record<EvisaColumn, string[]>;
const REQUIRED: readonly EvisaColumn[] = ['number', 'surname', 'givenNames', 'birthDate', 'nationality', 'passportNumber', 'validFrom', 'validTo', 'stayDays'];

export interface EvisaRow {
  line: number;
  number: string;
  surname: string;
  givenNames: string;
  birthDate: string;
  sex: 'M' | 'F' | 'X' | null;
  nationality: string;
  passportNumber: string;
  passportIssuer: string;
  validFrom: string;
  validTo: string;
  stayDays: number;
  entries: VisaEntries;
  issuedOn: string | null;
}

export interface EvisaFile {
  rows: EvisaRow[];
  errors: RowIssue[];
  /** Problems with the file as a whole (header): nothing is loaded when there are any. */
  fileErrors: RowIssue[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const isDate = (s: string) => ISO_DATE.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
const STATE = /^[A-Z]{3}$/;

export function parseEvisaFile(text: string, maxRows = 20_000): EvisaFile {
  const csv: CsvResult = parseCsv(text, { maxRecords: maxRows + 1 });
  const errors: RowIssue[] = [...csv.errors];
  const [head, ...body] = csv.records;
  if (!head) return { rows: [], errors: [], fileErrors: [{ row: 1, field: 'file', code: 'RESIDENCE.EMPTY_FILE', message: 'The file has no header line' }] };
  const { index, duplicate } = mapHeader(head.fields, ALIASES);
  const missing = REQUIRED.filter((k) => index[k] === undefined);
  if (missing.length || duplicate.length) {
    return {
      rows: [],
      errors: [],
      fileErrors: [
        ...missing.map((k) => ({ row: head.row, field: k, code: 'RESIDENCE.MISSING_COLUMN', message: `Column ${EVISA_COLUMNS[k][0]} is missing` })),
        ...duplicate.map((k) => ({ row: head.row, field: k, code: 'RESIDENCE.DUPLICATE_COLUMN', message: `Column ${EVISA_COLUMNS[k][0]} appears twice` })),
      ],
    };
  }
  const rows: EvisaRow[] = [];
  const seen = new Map<string, number>();
  for (const rec of body) {
    const get = (k: EvisaColumn) => {
      const i = index[k];
      return i === undefined ? '' : (rec.fields[i] ?? '').trim();
    };
    const problems: RowIssue[] = [];
    const bad = (field: string, code: string, message: string) => problems.push({ row: rec.row, field, code, message });
    for (const k of REQUIRED) if (get(k) === '') bad(k, 'RESIDENCE.REQUIRED', `${EVISA_COLUMNS[k][0]} is empty`);
    for (const k of ['birthDate', 'validFrom', 'validTo', 'issuedOn'] as const) {
      const v = get(k);
      if (v !== '' && !isDate(v)) bad(k, 'RESIDENCE.BAD_DATE', `${EVISA_COLUMNS[k][0]} is not a date (YYYY-MM-DD): "${v}"`);
    }
    const nationality = get('nationality').toUpperCase();
    const issuer = (get('passportIssuer') || nationality).toUpperCase();
    if (nationality && !STATE.test(nationality)) bad('nationality', 'RESIDENCE.BAD_STATE', `nationality is not a three-letter code: "${nationality}"`);
    if (issuer && !STATE.test(issuer)) bad('passportIssuer', 'RESIDENCE.BAD_STATE', `passport_issuer is not a three-letter code: "${issuer}"`);
    const sexText = get('sex').toUpperCase();
    const sex = sexText === '' ? null : sexText === 'M' || sexText === 'F' || sexText === 'X' ? sexText : undefined;
    if (sex === undefined) bad('sex', 'RESIDENCE.BAD_SEX', `sex is M, F or X: "${sexText}"`);
    const entriesText = (get('entries') || 'single').toLowerCase();
    if (!(VISA_ENTRIES as readonly string[]).includes(entriesText)) bad('entries', 'RESIDENCE.BAD_ENTRIES', `entries is single, double or multiple: "${entriesText}"`);
    const stayDays = Number(get('stayDays'));
    const number = get('number').toUpperCase();
    const first = seen.get(number);
    if (number && first !== undefined) bad('number', 'RESIDENCE.DUPLICATE_ROW', `e-visa ${number} already appears on line ${first}`);
    if (problems.length === 0) {
      for (const i of checkVisa({ type: 'e_visa', validFrom: get('validFrom'), validTo: get('validTo'), stayDays, entries: entriesText as VisaEntries })) {
        bad(i.field, i.code, i.message);
      }
    }
    if (problems.length) {
      errors.push(...problems);
      continue;
    }
    seen.set(number, rec.row);
    rows.push({
      line: rec.row,
      number,
      surname: get('surname'),
      givenNames: get('givenNames'),
      birthDate: get('birthDate'),
      sex: sex ?? null,
      nationality,
      passportNumber: get('passportNumber').toUpperCase().replace(/\s+/g, ''),
      passportIssuer: issuer,
      validFrom: get('validFrom'),
      validTo: get('validTo'),
      stayDays,
      entries: entriesText as VisaEntries,
      issuedOn: get('issuedOn') || null,
    });
  }
  errors.sort((a, b) => a.row - b.row);
  return { rows, errors, fileErrors: [] };
}
