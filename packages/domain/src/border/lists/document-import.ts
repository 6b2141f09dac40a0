/**
 * Import of lost, stolen and revoked travel documents from CSV (issue 4 §3). Columns: document number,
 * issuing state, type, status, date reported (header names in English or Russian, several spellings).
 * Every row is validated on its own: broken rows are reported with their line number and field, the
 * good rows are loaded ("report broken rows, load the rest").
 */
import { isKnownStateCode } from '../../documents/mrz/index.ts';
import { isIsoDate, type IsoDate } from '../common/dates.ts';
import type { RowIssue } from '../common/issues.ts';
import { normaliseDocumentNumber } from '../screening/document-numbers.ts';
import { mapHeader, parseCsv, type CsvOptions } from './csv.ts';
import type { DocumentListEntry, DocumentStatus, HitAction, ListedDocumentType } from './entries.ts';

type Column = 'number' | 'issuingState' | 'type' | 'status' | 'reportedOn';

export const DOCUMENT_CSV_ALIASES: Readonly<Record<Column, readonly string[]>> = {
  number: ['document number', 'documentnumber', 'document no', 'doc number', 'doc no', 'number', 'passport number', 'номер документа', 'номер'],
  issuingState: ['issuing state', 'issuingstate', 'issuing country', 'issuer', 'state', 'country', 'страна выдачи', 'государство выдачи'],
  type: ['type', 'document type', 'documenttype', 'doc type', 'тип', 'тип документа'],
  status: ['status', 'статус'],
  reportedOn: ['date reported', 'datereported', 'reported', 'reported on', 'report date', 'date', 'дата', 'дата заявления'],
};

const TYPE_ALIASES: Readonly<Record<string, ListedDocumentType>> = {
  passport: 'passport', p: 'passport', pp: 'passport', 'паспорт': 'passport',
  'id card': 'id_card', id_card: 'id_card', id: 'id_card', i: 'id_card', 'identity card': 'id_card',
  'travel document': 'travel_document', travel_document: 'travel_document', td: 'travel_document',
  visa: 'visa', v: 'visa', 'виза': 'visa',
  'residence permit': 'residence_permit', residence_permit: 'residence_permit', rp: 'residence_permit',
  other: 'other',
};
const STATUS_ALIASES: Readonly<Record<string, DocumentStatus>> = {
  lost: 'lost', l: 'lost', 'утерян': 'lost', 'утрачен': 'lost',
  stolen: 'stolen', s: 'stolen', 'похищен': 'stolen', 'украден': 'stolen',
  revoked: 'revoked', r: 'revoked', invalidated: 'revoked', cancelled: 'revoked', canceled: 'revoked', 'аннулирован': 'revoked',
};

/** `YYYY-MM-DD`, or the European `DD.MM.YYYY` / `DD/MM/YYYY` that spreadsheets write. */
function parseReportDate(text: string): IsoDate | null {
  const t = text.trim();
  if (isIsoDate(t)) return t;
  const m = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(t);
  if (!m) return null;
  const iso = `${m[3]}-${(m[2] ?? '').padStart(2, '0')}-${(m[1] ?? '').padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : null;
}

export interface DocumentImportOptions extends CsvOptions {
  readonly listId: string;
  readonly agency: string;
  /** The import date: a report dated after it is an error. */
  readonly asOf: IsoDate;
  readonly action?: HitAction;
}

export interface DocumentImportResult {
  readonly entries: readonly DocumentListEntry[];
  readonly errors: readonly RowIssue[];
  readonly warnings: readonly RowIssue[];
  /** Data rows read (header excluded) and rows loaded. */
  readonly rowsRead: number;
  readonly rowsLoaded: number;
}

export function importDocumentList(text: string, options: DocumentImportOptions): DocumentImportResult {
  const csv = parseCsv(text, options);
  const errors: RowIssue[] = [...csv.errors];
  const warnings: RowIssue[] = [];
  const [head, ...rows] = csv.records;
  if (!head) return { entries: [], errors: [...errors, { row: 1, field: 'file', code: 'BORDER.CSV_EMPTY', message: 'The file has no header row' }], warnings, rowsRead: 0, rowsLoaded: 0 };
  const { index, unknown, duplicate } = mapHeader(head.fields, DOCUMENT_CSV_ALIASES);
  for (const u of unknown) warnings.push({ row: head.row, field: u, code: 'BORDER.CSV_UNKNOWN_COLUMN', message: `Column "${u}" is ignored` });
  for (const d of duplicate) errors.push({ row: head.row, field: d, code: 'BORDER.CSV_DUPLICATE_COLUMN', message: `Column ${d} appears twice; the first is used` });
  const missing = (['number', 'issuingState', 'status'] as Column[]).filter((c) => index[c] === undefined);
  if (missing.length > 0) {
    for (const m of missing) errors.push({ row: head.row, field: m, code: 'BORDER.CSV_MISSING_COLUMN', message: `Required column ${m} is missing (aliases: ${DOCUMENT_CSV_ALIASES[m].join(', ')})` });
    return { entries: [], errors, warnings, rowsRead: rows.length, rowsLoaded: 0 };
  }
  const seen = new Map<string, number>();
  const entries: DocumentListEntry[] = [];
  for (const rec of rows) {
    const get = (c: Column) => (index[c] === undefined ? '' : (rec.fields[index[c] as number] ?? '').trim());
    const rowErrors: RowIssue[] = [];
    const fail = (field: Column, code: string, message: string) => rowErrors.push({ row: rec.row, field, code, message });
    if (rec.fields.length !== head.fields.length) {
      warnings.push({ row: rec.row, field: 'row', code: 'BORDER.CSV_FIELD_COUNT', message: `${rec.fields.length} fields where the header has ${head.fields.length}` });
    }
    const rawNumber = get('number');
    const number = normaliseDocumentNumber(rawNumber);
    if (rawNumber === '') fail('number', 'BORDER.REQUIRED', 'Document number is empty');
    else if (!/^[A-Z0-9]{4,24}$/.test(number)) fail('number', 'BORDER.INVALID_DOCUMENT_NUMBER', `"${rawNumber}" is not 4–24 letters and digits`);
    const state = get('issuingState').toUpperCase();
    if (state === '') fail('issuingState', 'BORDER.REQUIRED', 'Issuing state is empty');
    else if (!/^[A-Z]{1,3}$/.test(state)) fail('issuingState', 'BORDER.INVALID_COUNTRY', `"${state}" is not an ICAO state code`);
    else if (!isKnownStateCode(state)) warnings.push({ row: rec.row, field: 'issuingState', code: 'BORDER.UNKNOWN_COUNTRY', message: `Unknown state code ${state}` });
    const rawType = get('type').toLowerCase();
    const type = rawType === '' ? 'other' : TYPE_ALIASES[rawType];
    if (type === undefined) fail('type', 'BORDER.INVALID_DOCUMENT_TYPE', `Unknown document type "${get('type')}"`);
    const rawStatus = get('status').toLowerCase();
    const status = STATUS_ALIASES[rawStatus];
    if (rawStatus === '') fail('status', 'BORDER.REQUIRED', 'Status is empty');
    else if (status === undefined) fail('status', 'BORDER.INVALID_STATUS', `Status must be lost, stolen or revoked, not "${get('status')}"`);
    const rawDate = get('reportedOn');
    const reportedOn = rawDate === '' ? null : parseReportDate(rawDate);
    if (rawDate === '') {
      if (index.reportedOn !== undefined) fail('reportedOn', 'BORDER.REQUIRED', 'Date reported is empty');
    } else if (reportedOn === null) fail('reportedOn', 'BORDER.INVALID_DATE', `"${rawDate}" is not a date (YYYY-MM-DD or DD.MM.YYYY)`);
    else if (reportedOn > options.asOf) fail('reportedOn', 'BORDER.DATE_IN_FUTURE', `Reported on ${reportedOn}, after the import date ${options.asOf}`);
    const key = `${state}:${number}`;
    const earlier = seen.get(key);
    if (rowErrors.length === 0 && earlier !== undefined) fail('number', 'BORDER.DUPLICATE_DOCUMENT', `Same document as row ${earlier}`);
    if (rowErrors.length > 0 || type === undefined || status === undefined) {
      errors.push(...rowErrors);
      continue;
    }
    seen.set(key, rec.row);
    entries.push({
      kind: 'document',
      id: `doc:${key}`,
      version: 1,
      listId: options.listId,
      reason: `${status} ${type}`,
      agency: options.agency,
      action: options.action ?? 'second_line',
      number,
      issuingState: state,
      documentType: type,
      status,
      reportedOn: reportedOn ?? options.asOf,
    });
  }
  errors.sort((a, b) => a.row - b.row);
  warnings.sort((a, b) => a.row - b.row);
  return { entries, errors, warnings, rowsRead: rows.length, rowsLoaded: entries.length };
}
