/**
 * Field positions of the five MRZ layouts, as data. Positions are 1-based and inclusive, exactly as printed
 * in Doc 9303 (TD1 Part 5 §4.2.2, TD2 Part 6 §4.2.2, TD3 Part 4 §4.2.2, MRV-A Part 7 §4.2.2,
 * MRV-B Part 7 §7.2.2), so the table can be checked against the standard by eye.
 */
import type { MrzFormat } from './types.ts';

export interface Span {
  readonly line: number;
  readonly from: number;
  readonly to: number;
}

export interface Layout {
  readonly format: MrzFormat;
  readonly lineCount: number;
  readonly lineLength: number;
  readonly documentCode: Span;
  readonly issuingState: Span;
  readonly documentNumber: Span;
  readonly documentNumberCheck: Span;
  readonly nationality: Span;
  readonly birthDate: Span;
  readonly birthDateCheck: Span;
  readonly sex: Span;
  readonly expiryDate: Span;
  readonly expiryDateCheck: Span;
  readonly name: Span;
  /** TD1 line 1 16–30; TD2/MRV optional field; for TD3 this is the personal number (29–42). */
  readonly optionalData: Span;
  /** TD1 only: line 2 19–29. */
  readonly optionalData2: Span | null;
  /** TD3 only: personal-number check digit at 43. */
  readonly personalNumberCheck: Span | null;
  /** Composite check digit and the spans it covers, concatenated in order (Part 3 §4.9; reference §1.4). */
  readonly composite: { readonly check: Span; readonly covers: readonly Span[] } | null;
  /** TD1/TD2: a long document number continues in this field (Part 5 note j, Part 6 note j). */
  readonly longNumberContinuesIn: 'optionalData' | null;
}

const s = (line: number, from: number, to: number): Span => ({ line, from, to });

/** The lower line of every two-line format shares these positions (Part 4/6/7 §4.2.2). */
function twoLine(format: MrzFormat, lineLength: 36 | 44): Layout {
  const optionalEnd = format === 'TD3' ? 42 : format === 'TD2' ? 35 : lineLength;
  const hasComposite = format === 'TD2' || format === 'TD3';
  return {
    format,
    lineCount: 2,
    lineLength,
    documentCode: s(1, 1, 2),
    issuingState: s(1, 3, 5),
    name: s(1, 6, lineLength),
    documentNumber: s(2, 1, 9),
    documentNumberCheck: s(2, 10, 10),
    nationality: s(2, 11, 13),
    birthDate: s(2, 14, 19),
    birthDateCheck: s(2, 20, 20),
    sex: s(2, 21, 21),
    expiryDate: s(2, 22, 27),
    expiryDateCheck: s(2, 28, 28),
    optionalData: s(2, 29, optionalEnd),
    optionalData2: null,
    personalNumberCheck: format === 'TD3' ? s(2, 43, 43) : null,
    // TD2 / TD3 composite: lower 1–10, 14–20, 22–35 (TD2) or 22–43 (TD3); excludes nationality and sex.
    composite: hasComposite
      ? { check: s(2, lineLength, lineLength), covers: [s(2, 1, 10), s(2, 14, 20), s(2, 22, lineLength - 1)] }
      : null,
    longNumberContinuesIn: format === 'TD2' ? 'optionalData' : null,
  };
}

export const LAYOUTS: Readonly<Record<MrzFormat, Layout>> = {
  TD1: {
    format: 'TD1',
    lineCount: 3,
    lineLength: 30,
    documentCode: s(1, 1, 2),
    issuingState: s(1, 3, 5),
    documentNumber: s(1, 6, 14),
    documentNumberCheck: s(1, 15, 15),
    optionalData: s(1, 16, 30),
    birthDate: s(2, 1, 6),
    birthDateCheck: s(2, 7, 7),
    sex: s(2, 8, 8),
    expiryDate: s(2, 9, 14),
    expiryDateCheck: s(2, 15, 15),
    nationality: s(2, 16, 18),
    optionalData2: s(2, 19, 29),
    personalNumberCheck: null,
    // TD1 composite (Part 5 §4.2.2): upper 6–30; middle 1–7, 9–15, 19–29.
    composite: { check: s(2, 30, 30), covers: [s(1, 6, 30), s(2, 1, 7), s(2, 9, 15), s(2, 19, 29)] },
    name: s(3, 1, 30),
    longNumberContinuesIn: 'optionalData',
  },
  TD2: twoLine('TD2', 36),
  TD3: twoLine('TD3', 44),
  MRVA: twoLine('MRVA', 44),
  MRVB: twoLine('MRVB', 36),
};

/**
 * Format by shape (reference §1.11 item 1): 3×30 is TD1; 2×36 is TD2, or MRV-B when it starts with `V`;
 * 2×44 is TD3, or MRV-A when it starts with `V`. Anything else has no format.
 */
export function detectFormat(lines: readonly string[]): MrzFormat | null {
  const lengths = lines.map((l) => [...l].length);
  const first = lines[0]?.charAt(0).toUpperCase();
  if (lines.length === 3 && lengths.every((n) => n === 30)) return 'TD1';
  if (lines.length !== 2 || lengths[0] !== lengths[1]) return null;
  if (lengths[0] === 36) return first === 'V' ? 'MRVB' : 'TD2';
  if (lengths[0] === 44) return first === 'V' ? 'MRVA' : 'TD3';
  return null;
}

/** Characters of a span from lines held as arrays of characters. */
export function read(lines: readonly (readonly string[])[], span: Span): string {
  return (lines[span.line - 1] ?? []).slice(span.from - 1, span.to).join('');
}

export function spanLength(span: Span): number {
  return span.to - span.from + 1;
}

/** The contract field a position belongs to, for error messages (`mrz` when none). */
export function fieldAt(layout: Layout, line: number, position: number): string {
  const named: [string, Span | null][] = [
    ['documentCode', layout.documentCode],
    ['issuingState', layout.issuingState],
    ['documentNumber', layout.documentNumber],
    ['documentNumber', layout.documentNumberCheck],
    ['nationality', layout.nationality],
    ['birthDate', layout.birthDate],
    ['birthDate', layout.birthDateCheck],
    ['sex', layout.sex],
    ['expiryDate', layout.expiryDate],
    ['expiryDate', layout.expiryDateCheck],
    ['name', layout.name],
    [layout.format === 'TD3' ? 'personalNumber' : 'optionalData', layout.optionalData],
    ['optionalData2', layout.optionalData2],
    ['personalNumber', layout.personalNumberCheck],
    ['composite', layout.composite?.check ?? null],
  ];
  for (const [field, span] of named) {
    if (span && span.line === line && position >= span.from && position <= span.to) return field;
  }
  return 'mrz';
}
