/**
 * Input handling before any field is read: document splitting, trimming, and the bounds that keep
 * parsing linear and the output small whatever arrives (garbage, empty input, 10 MB lines).
 */
import { isMrzChar } from './check-digit.ts';
import type { Layout } from './layouts.ts';
import { fieldAt } from './layouts.ts';
import type { MrzIssue } from './types.ts';

/** Longer lines cannot be MRZ lines (the longest is 44); they are measured, never scanned further. */
export const MAX_LINE_LENGTH = 100;
const RAW_ECHO_CHARS = 100;
const RAW_ECHO_LINES = 5;
const MAX_CHARACTER_ERRORS = 10;

/**
 * Splits text into documents: the lines of one document together, documents separated by one or more blank
 * (whitespace-only) lines. `\r\n` and `\r` are accepted. Leading and trailing blank lines are ignored.
 */
export function splitDocuments(text: string): string[][] {
  const docs: string[][] = [];
  let current: string[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (line.trim() === '') {
      if (current.length > 0) docs.push(current);
      current = [];
    } else {
      current.push(line);
    }
  }
  if (current.length > 0) docs.push(current);
  return docs;
}

/** What the result echoes back as `raw`: bounded so a 10 MB line does not come back out. */
export function rawEcho(lines: readonly string[]): string[] {
  return lines
    .slice(0, RAW_ECHO_LINES)
    .map((l) => (l.length > RAW_ECHO_CHARS ? `${l.slice(0, RAW_ECHO_CHARS)}…` : l));
}

function describeChar(c: string): string {
  const cp = c.codePointAt(0) ?? 0;
  const hex = cp.toString(16).toUpperCase().padStart(4, '0');
  const script = /\p{Script=Cyrillic}/u.test(c)
    ? ' (Cyrillic; the MRZ uses Latin A–Z only)'
    : /\p{Script=Armenian}/u.test(c)
      ? ' (Armenian; the MRZ uses Latin A–Z only)'
      : /\s/u.test(c)
        ? ' (white space)'
        : '';
  return `"${c}" (U+${hex})${script}`;
}

/**
 * Lower case is never valid in an MRZ (Part 3 §4.3). Policy: report MRZ.LOWER_CASE (so the document is
 * invalid) but read the text upper-cased, so the officer still sees the fields and the check results.
 */
export function upperCaseLetters(grid: string[][]): MrzIssue | null {
  let found = false;
  for (const row of grid) {
    for (let i = 0; i < row.length; i++) {
      const c = row[i]!;
      if (c >= 'a' && c <= 'z') {
        row[i] = c.toUpperCase();
        found = true;
      }
    }
  }
  return found
    ? { field: 'mrz', code: 'MRZ.LOWER_CASE', message: 'lower-case letters are not MRZ characters; read as upper case' }
    : null;
}

/** One error per non-MRZ character (at most 10, then a summary), named by the field it falls in. */
export function invalidCharacters(grid: readonly (readonly string[])[], layout: Layout): MrzIssue[] {
  const out: MrzIssue[] = [];
  let count = 0;
  grid.forEach((row, li) =>
    row.forEach((c, ci) => {
      if (isMrzChar(c)) return;
      count++;
      if (count <= MAX_CHARACTER_ERRORS) {
        out.push({
          field: fieldAt(layout, li + 1, ci + 1),
          code: 'MRZ.INVALID_CHARACTER',
          message: `line ${li + 1} position ${ci + 1}: ${describeChar(c)} is not an MRZ character (A–Z, 0–9, <)`,
        });
      }
    }),
  );
  if (count > MAX_CHARACTER_ERRORS) {
    out.push({
      field: 'mrz',
      code: 'MRZ.INVALID_CHARACTER',
      message: `${count - MAX_CHARACTER_ERRORS} more non-MRZ characters not listed`,
    });
  }
  return out;
}

/** Shape errors: null when the lines have the shape of some format. */
export function shapeErrors(lines: readonly string[]): MrzIssue[] {
  if (lines.length === 0) return [{ field: 'mrz', code: 'MRZ.EMPTY', message: 'no MRZ lines' }];
  const tooLong = lines.flatMap((l, i) =>
    l.length > MAX_LINE_LENGTH
      ? [{ field: 'mrz', code: 'MRZ.LINE_LENGTH' as const, message: `line ${i + 1} has ${l.length} characters; MRZ lines have 30, 36 or 44` }]
      : [],
  );
  if (tooLong.length > 0) return tooLong;
  if (lines.length !== 2 && lines.length !== 3) {
    return [{ field: 'mrz', code: 'MRZ.LINE_COUNT', message: `${lines.length} lines; an MRZ has 3 (TD1) or 2 (TD2, TD3, MRV) lines` }];
  }
  const lengths = lines.map((l) => [...l].length).join(', ');
  return [
    {
      field: 'mrz',
      code: 'MRZ.LINE_LENGTH',
      message: `line lengths ${lengths}; expected 3×30 (TD1), 2×36 (TD2, MRV-B) or 2×44 (TD3, MRV-A)`,
    },
  ];
}
