/**
 * A small RFC 4180 reader for list and manifest imports, tolerant of what spreadsheets and airline
 * systems actually send: a UTF-8 byte-order mark, CRLF/LF/CR line ends, `,` `;` or tab delimiters
 * (detected on the header line), quoted fields with `""` escapes and line breaks, blank lines, and white
 * space around fields. A malformed record is reported with its line number and skipped; the rest is read.
 */
import type { RowIssue } from '../common/issues.ts';

export interface CsvRecord {
  /** 1-based line number where the record starts (the header is line 1 when the file starts with it). */
  readonly row: number;
  readonly fields: readonly string[];
}

export interface CsvResult {
  readonly delimiter: string;
  readonly records: readonly CsvRecord[];
  readonly errors: readonly RowIssue[];
}

export interface CsvOptions {
  readonly delimiter?: ',' | ';' | '\t';
  /** Records beyond this are not read (an error says so). Default 1,000,000. */
  readonly maxRecords?: number;
}

const MAX_FIELD = 10_000;

function detectDelimiter(text: string): string {
  const end = text.search(/\r|\n/);
  const first = end < 0 ? text : text.slice(0, end);
  const outside = first.replace(/"[^"]*"/g, '');
  const counts: [string, number][] = [',', ';', '\t'].map((d) => [d, outside.split(d).length - 1]);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0] && counts[0][1] > 0 ? counts[0][0] : ',';
}

export function parseCsv(input: string, options: CsvOptions = {}): CsvResult {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const delimiter = options.delimiter ?? detectDelimiter(text);
  const maxRecords = options.maxRecords ?? 1_000_000;
  const records: CsvRecord[] = [];
  const errors: RowIssue[] = [];
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const startLine = line;
    const fields: string[] = [];
    let field = '';
    let quoted = false;
    let afterQuote = false;
    let broken: RowIssue | null = null;
    let endOfRecord = false;
    while (i < n && !endOfRecord) {
      const c = text[i] as string;
      if (quoted) {
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          quoted = false;
          afterQuote = true;
        } else {
          if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
          field += c;
        }
        i++;
        continue;
      }
      if (c === delimiter) {
        fields.push(afterQuote ? field : field.trim());
        field = '';
        afterQuote = false;
      } else if (c === '\r' || c === '\n') {
        if (c === '\r' && text[i + 1] === '\n') i++;
        line++;
        endOfRecord = true;
      } else if (c === '"' && field.trim() === '' && !afterQuote) {
        quoted = true;
        field = '';
      } else if (afterQuote) {
        if (c !== ' ' && c !== '\t' && !broken) {
          broken = { row: startLine, field: `column ${fields.length + 1}`, code: 'BORDER.CSV_STRAY_QUOTE', message: 'Text after a closing quote' };
        }
      } else {
        field += c;
      }
      if (field.length > MAX_FIELD && !broken) broken = { row: startLine, field: `column ${fields.length + 1}`, code: 'BORDER.CSV_FIELD_TOO_LONG', message: `A field is longer than ${MAX_FIELD} characters` };
      i++;
    }
    if (quoted) {
      errors.push({ row: startLine, field: `column ${fields.length + 1}`, code: 'BORDER.CSV_UNTERMINATED_QUOTE', message: 'A quoted field is not closed before the end of the file' });
      break;
    }
    fields.push(afterQuote ? field : field.trim());
    if (broken) {
      errors.push(broken);
      continue;
    }
    if (fields.length === 1 && fields[0] === '') continue; // blank line
    if (records.length >= maxRecords) {
      errors.push({ row: startLine, field: 'file', code: 'BORDER.CSV_TOO_MANY_ROWS', message: `Only the first ${maxRecords} records are read` });
      break;
    }
    records.push({ row: startLine, fields });
  }
  return { delimiter, records, errors };
}

/** Header text → comparison form: lower case, `_`/`-`/`.` as spaces, single spaces, no BOM. */
export const headerKey = (h: string): string =>
  h
    .toLowerCase()
    .replace(/[_\-.]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * Maps header cells to canonical column names through alias lists. Unknown headers are returned so the
 * importer can warn; a canonical column named twice is reported too.
 */
export function mapHeader<K extends string>(
  header: readonly string[],
  aliases: Readonly<Record<K, readonly string[]>>,
): { index: Partial<Record<K, number>>; unknown: string[]; duplicate: K[] } {
  const index: Partial<Record<K, number>> = {};
  const unknown: string[] = [];
  const duplicate: K[] = [];
  header.forEach((h, col) => {
    const key = headerKey(h);
    const found = (Object.keys(aliases) as K[]).find((k) => aliases[k].includes(key));
    if (found === undefined) {
      if (key !== '') unknown.push(h);
    } else if (index[found] !== undefined) duplicate.push(found);
    else index[found] = col;
  });
  return { index, unknown, duplicate };
}
