/**
 * Optional OCR-confusion correction (reference §1.10; Doc 9303 itself has no correction rule, so this is
 * project policy, applied only where the character class is fixed by Part 4–7 §4.2.2):
 *  - letter → digit only in dates and check digits, and only when the corrected field passes its check
 *    digit (a guess that fails is not applied);
 *  - digit → letter only in issuing state, nationality and name, which have no check digit: applied only
 *    when the confusion pair is unambiguous (each digit below has one letter partner) and, for the codes,
 *    only when the result is a known code;
 *  - never in the document number, personal number or optional data: check digits there are blind to
 *    G↔6 and `<`↔0 (Part 3 §4.9 blind spots), so a "correction" could produce a valid-looking wrong number;
 *  - sex has no confusable digit, so it is never corrected.
 * Every change is reported as an MrzCorrection.
 */
import { verifyCheckDigit } from './check-digit.ts';
import { isKnownStateCode } from './codes.ts';
import type { Layout, Span } from './layouts.ts';
import { read } from './layouts.ts';
import type { MrzCorrection } from './types.ts';

/** Confusion pairs O↔0, I↔1, S↔5, B↔8, Z↔2, G↔6 (reference §1.10). */
const LETTER_TO_DIGIT: Readonly<Record<string, string>> = { O: '0', I: '1', S: '5', B: '8', Z: '2', G: '6' };
const DIGIT_TO_LETTER: Readonly<Record<string, string>> = { '0': 'O', '1': 'I', '5': 'S', '8': 'B', '2': 'Z', '6': 'G' };

type Grid = string[][];

interface Change {
  readonly field: string;
  readonly line: number;
  readonly position: number;
  readonly from: string;
  readonly to: string;
}

/** Proposed changes mapping characters of `span` through `table`. */
function propose(grid: Grid, span: Span, field: string, table: Readonly<Record<string, string>>): Change[] {
  const out: Change[] = [];
  const row = grid[span.line - 1] ?? [];
  for (let pos = span.from; pos <= span.to; pos++) {
    const from = row[pos - 1] ?? '';
    const to = table[from];
    if (to !== undefined) out.push({ field, line: span.line, position: pos, from, to });
  }
  return out;
}

function apply(grid: Grid, changes: readonly Change[]): void {
  for (const c of changes) grid[c.line - 1]![c.position - 1] = c.to;
}

function withChanges(grid: Grid, changes: readonly Change[]): Grid {
  const copy = grid.map((row) => [...row]);
  apply(copy, changes);
  return copy;
}

/** Letter → digit in a data span plus its check digit; applied only if the check then passes. */
function correctChecked(grid: Grid, field: string, data: Span | null, check: Span, out: Change[]): void {
  const changes = [...(data ? propose(grid, data, field, LETTER_TO_DIGIT) : []), ...propose(grid, check, `${field}Check`, LETTER_TO_DIGIT)];
  if (changes.length === 0) return;
  const trial = withChanges(grid, changes);
  const dataText = data ? read(trial, data) : '';
  if (verifyCheckDigit(dataText, read(trial, check))) {
    apply(grid, changes);
    out.push(...changes);
  }
}

/** Check digit over a span we must not correct (document / personal number): only the digit itself. */
function correctCheckOnly(grid: Grid, field: string, data: Span, check: Span, out: Change[]): void {
  const changes = propose(grid, check, `${field}Check`, LETTER_TO_DIGIT);
  if (changes.length === 0) return;
  const trial = withChanges(grid, changes);
  if (verifyCheckDigit(read(trial, data), read(trial, check))) {
    apply(grid, changes);
    out.push(...changes);
  }
}

function correctCode(grid: Grid, field: string, span: Span, out: Change[]): void {
  if (isKnownStateCode(read(grid, span))) return;
  const changes = propose(grid, span, field, DIGIT_TO_LETTER);
  if (changes.length > 0 && isKnownStateCode(read(withChanges(grid, changes), span))) {
    apply(grid, changes);
    out.push(...changes);
  }
}

function correctName(grid: Grid, span: Span, out: Change[]): void {
  const text = read(grid, span);
  const split = text.indexOf('<<');
  const changes = propose(grid, span, 'surname', DIGIT_TO_LETTER).map((c) =>
    split >= 0 && c.position - span.from > split ? { ...c, field: 'givenNames' } : c,
  );
  apply(grid, changes);
  out.push(...changes);
}

/**
 * Corrects `grid` (lines as arrays of characters, already of the layout's shape) in place and returns the
 * corrections. Order matters: field check digits first, then the composite, which covers them.
 */
export function correctOcrConfusions(grid: Grid, layout: Layout): MrzCorrection[] {
  const out: Change[] = [];
  correctChecked(grid, 'birthDate', layout.birthDate, layout.birthDateCheck, out);
  correctChecked(grid, 'expiryDate', layout.expiryDate, layout.expiryDateCheck, out);
  if (read(grid, layout.documentNumberCheck) !== '<') {
    correctCheckOnly(grid, 'documentNumber', layout.documentNumber, layout.documentNumberCheck, out);
  }
  if (layout.personalNumberCheck) {
    correctCheckOnly(grid, 'personalNumber', layout.optionalData, layout.personalNumberCheck, out);
  }
  if (layout.composite) {
    const covers = layout.composite.covers;
    const changes = propose(grid, layout.composite.check, 'composite', LETTER_TO_DIGIT);
    const data = covers.map((s) => read(grid, s)).join('');
    const trial = withChanges(grid, changes);
    if (changes.length > 0 && verifyCheckDigit(data, read(trial, layout.composite.check))) {
      apply(grid, changes);
      out.push(...changes);
    }
  }
  correctCode(grid, 'issuingState', layout.issuingState, out);
  correctCode(grid, 'nationality', layout.nationality, out);
  correctName(grid, layout.name, out);
  return out;
}
