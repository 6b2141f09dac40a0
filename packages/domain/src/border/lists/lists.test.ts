import { describe, expect, it } from 'vitest';
import { DOCUMENT_CSV_SAMPLE } from '../api/samples/paxlst-sample.ts';
import { addDuration } from '../common/dates.ts';
import { parseCsv } from './csv.ts';
import { importDocumentList } from './document-import.ts';
import { banPeriod, entryInForce, type EntryBan } from './entries.ts';

describe('parseCsv', () => {
  it('reads quotes, escaped quotes, line breaks in quotes, BOM and CRLF, with line numbers', () => {
    const r = parseCsv('\uFEFFa,b\r\n"x, y","he said ""hi"""\r\n\r\n"multi\nline",2\n');
    expect(r.errors).toEqual([]);
    expect(r.records).toEqual([
      { row: 1, fields: ['a', 'b'] },
      { row: 2, fields: ['x, y', 'he said "hi"'] },
      { row: 4, fields: ['multi\nline', '2'] },
    ]);
  });
  it('detects semicolons and tabs, and trims unquoted fields', () => {
    expect(parseCsv('a; b ;c\n1;2;3').records[0]?.fields).toEqual(['a', 'b', 'c']);
    expect(parseCsv('a\tb\n1\t2').delimiter).toBe('\t');
  });
  it('reports a stray quote on its row and keeps reading', () => {
    const r = parseCsv('a,b\n"x"y,1\nok,2\n');
    expect(r.errors).toEqual([{ row: 2, field: 'column 1', code: 'BORDER.CSV_STRAY_QUOTE', message: 'Text after a closing quote' }]);
    expect(r.records.map((x) => x.row)).toEqual([1, 3]);
  });
  it('reports an unterminated quote', () => {
    expect(parseCsv('a,b\n"open,1\n').errors[0]?.code).toBe('BORDER.CSV_UNTERMINATED_QUOTE');
  });
});

describe('importDocumentList', () => {
  const result = importDocumentList(DOCUMENT_CSV_SAMPLE, { listId: 'sltd-national', agency: 'POLICE', asOf: '2025-01-01' });
  it('loads the good rows, normalised', () => {
    expect(result.entries.map((e) => [e.number, e.issuingState, e.documentType, e.status, e.reportedOn])).toEqual([
      ['AT0123456', 'ARM', 'passport', 'stolen', '2024-11-02'],
      ['AB1234567', 'ARM', 'passport', 'lost', '2024-11-02'],
    ]);
    expect(result.rowsRead).toBe(6); // the unterminated record at line 8 is an error, not a row
    expect(result.rowsLoaded).toBe(2);
  });
  it('reports every broken row with its line number and field', () => {
    expect(result.errors.map((e) => `${e.row}:${e.field}:${e.code}`)).toEqual([
      '4:number:BORDER.REQUIRED',
      '5:issuingState:BORDER.INVALID_COUNTRY',
      '6:status:BORDER.INVALID_STATUS',
      '7:reportedOn:BORDER.INVALID_DATE',
      '8:column 1:BORDER.CSV_UNTERMINATED_QUOTE',
    ]);
  });
  it('rejects duplicates and future dates, and a file without the required columns', () => {
    const dup = importDocumentList('number,state,status,date\nAA11111,ARM,lost,2024-01-01\nAA-11111,ARM,lost,2024-01-01\nBB22222,ARM,lost,2030-01-01\n', { listId: 'l', agency: 'a', asOf: '2025-01-01' });
    expect(dup.errors.map((e) => `${e.row}:${e.code}`)).toEqual(['3:BORDER.DUPLICATE_DOCUMENT', '4:BORDER.DATE_IN_FUTURE']);
    const missing = importDocumentList('foo,bar\n1,2\n', { listId: 'l', agency: 'a', asOf: '2025-01-01' });
    expect(missing.entries).toEqual([]);
    expect(missing.errors.map((e) => e.field)).toEqual(['number', 'issuingState', 'status']);
    expect(importDocumentList('', { listId: 'l', agency: 'a', asOf: '2025-01-01' }).errors[0]?.code).toBe('BORDER.CSV_EMPTY');
  });
});

describe('entry bans', () => {
  it('computes the last day from a duration, clamping month ends', () => {
    expect(banPeriod({ from: '2025-03-10', duration: { years: 1 } })).toEqual({ from: '2025-03-10', until: '2026-03-09' });
    expect(banPeriod({ from: '2024-01-31', duration: { months: 1 } })).toEqual({ from: '2024-01-31', until: '2024-02-28' });
    expect(banPeriod({ from: '2024-02-29', duration: { years: 1, days: 10 } })).toEqual({ from: '2024-02-29', until: '2025-03-09' });
    expect(banPeriod({ from: '2025-01-01', until: '2024-01-01' })).toBeNull();
    expect(banPeriod({ from: '2025-01-01', duration: { days: 0 } })).toBeNull();
    expect(addDuration('2025-01-01', { months: -1 })).toBeNull();
  });
  it('is in force from its first to its last day; validity periods apply too', () => {
    const ban: EntryBan = { kind: 'entry_ban', id: 'b', version: 1, listId: 'bans', names: ['X'], reason: 'r', agency: 'MCS', action: 'refuse_entry', ban: { from: '2025-03-10', until: '2026-03-09' } };
    expect(entryInForce(ban, '2025-03-09')).toBe(false);
    expect(entryInForce(ban, '2025-03-10')).toBe(true);
    expect(entryInForce(ban, '2026-03-09')).toBe(true);
    expect(entryInForce(ban, '2026-03-10')).toBe(false);
    expect(entryInForce({ ...ban, ban: { from: '2025-03-10', until: null } }, '2090-01-01')).toBe(true);
    expect(entryInForce({ ...ban, validity: { until: '2025-06-01' } }, '2025-07-01')).toBe(false);
  });
});
