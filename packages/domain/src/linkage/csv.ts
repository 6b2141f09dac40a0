/**
 * CSV reading, incremental and pure: push() text chunks as they arrive, rows come out through a callback.
 * RFC 4180 quotes ("" inside quotes, separators and line breaks inside quoted fields), \n, \r\n or \r
 * line ends, a leading byte-order mark, blank lines skipped. With `trim` (default), spaces around
 * unquoted fields and around quotes are dropped, which also reads FEBRL's ", " separators.
 */

export interface CsvOptions {
  /** Field separator, one character (default ","). */
  readonly delimiter?: string;
  /** Trim spaces and tabs around fields (default true). */
  readonly trim?: boolean;
}

export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`line ${line}: ${message}`);
  }
}

/** `line` is the 1-based line on which the row starts. */
export type RowHandler = (fields: string[], line: number) => void;

const QUOTE = 34;
const LF = 10;
const CR = 13;
const SPACE = 32;
const TAB = 9;

export class CsvReader {
  private buffer = '';
  private line = 1;
  private started = false;
  private readonly delimiter: number;
  private readonly trim: boolean;

  constructor(
    private readonly onRow: RowHandler,
    options: CsvOptions = {},
  ) {
    const d = options.delimiter ?? ',';
    if (d.length !== 1 || d === '"' || d === '\n' || d === '\r') throw new RangeError('the delimiter must be one character other than a quote or line break');
    this.delimiter = d.charCodeAt(0);
    this.trim = options.trim ?? true;
  }

  push(chunk: string): void {
    if (!this.started) {
      this.started = true;
      if (chunk.charCodeAt(0) === 0xfeff) chunk = chunk.slice(1);
    }
    this.buffer = this.buffer === '' ? chunk : this.buffer + chunk;
    this.drain(false);
  }

  /** Ends the input: the last row needs no line break; an unclosed quote is an error. */
  end(): void {
    this.drain(true);
    this.buffer = '';
  }

  private drain(final: boolean): void {
    const text = this.buffer;
    let pos = 0;
    while (pos < text.length) {
      const next = this.row(text, pos, final);
      if (next < 0) break; // incomplete row: wait for more text
      pos = next;
    }
    this.buffer = text.slice(pos);
  }

  private isBlank(c: number): boolean {
    return this.trim && (c === SPACE || c === TAB);
  }

  /** Parses one row from `start`; returns the position after it, or -1 if the text ends inside it. */
  private row(text: string, start: number, final: boolean): number {
    const fields: string[] = [];
    const n = text.length;
    let pos = start;
    let newlines = 0;
    for (;;) {
      while (pos < n && this.isBlank(text.charCodeAt(pos))) pos++;
      let value: string;
      if (pos < n && text.charCodeAt(pos) === QUOTE) {
        let out = '';
        let from = pos + 1;
        let closed = false;
        for (let i = from; i < n; i++) {
          const c = text.charCodeAt(i);
          if (c === LF) newlines++;
          if (c !== QUOTE) continue;
          if (i + 1 < n && text.charCodeAt(i + 1) === QUOTE) {
            out += text.slice(from, i + 1);
            from = i + 2;
            i++;
            continue;
          }
          if (i + 1 >= n && !final) return -1; // a quote at the chunk's end may be the first of ""
          out += text.slice(from, i);
          pos = i + 1;
          closed = true;
          break;
        }
        if (!closed) {
          if (!final) return -1;
          throw new CsvError('a quoted field is not closed', this.line);
        }
        // Anything between the closing quote and the separator is kept (lenient), blanks dropped.
        const tailStart = pos;
        while (pos < n && !this.ends(text.charCodeAt(pos))) pos++;
        const tail = text.slice(tailStart, pos);
        value = out + (this.trim ? tail.trim() : tail);
      } else {
        const from = pos;
        while (pos < n && !this.ends(text.charCodeAt(pos))) pos++;
        value = text.slice(from, pos);
        if (this.trim) value = value.replace(/[ \t]+$/, '');
      }
      fields.push(value);
      if (pos >= n) {
        if (!final) return -1;
        this.emit(fields, newlines);
        return n;
      }
      const c = text.charCodeAt(pos);
      if (c === this.delimiter) {
        pos++;
        if (pos >= n && !final) return -1;
        if (pos >= n) {
          fields.push('');
          this.emit(fields, newlines);
          return n;
        }
        continue;
      }
      // Line end: \n, \r\n or \r (a \r at the chunk's end may be followed by \n in the next chunk).
      if (c === CR) {
        if (pos + 1 >= n && !final) return -1;
        pos += pos + 1 < n && text.charCodeAt(pos + 1) === LF ? 2 : 1;
      } else pos++;
      this.emit(fields, newlines + 1);
      return pos;
    }
  }

  private ends(c: number): boolean {
    return c === this.delimiter || c === LF || c === CR;
  }

  private emit(fields: string[], newlines: number): void {
    const line = this.line;
    this.line += newlines;
    if (fields.length === 1 && fields[0] === '') return; // blank line
    this.onRow(fields, line);
  }
}

/** Whole-text convenience: every row with its starting line. */
export function parseCsv(text: string, options?: CsvOptions): { fields: string[]; line: number }[] {
  const rows: { fields: string[]; line: number }[] = [];
  const reader = new CsvReader((fields, line) => rows.push({ fields, line }), options);
  reader.push(text);
  reader.end();
  return rows;
}
