/**
 * The full table behind a cube: every combination of codes plus the `_T` margins over every subset of
 * dimensions, laid out in one flat array (mixed radix, `_T` is the last position of each dimension).
 * A *line* is one dimension varying with the others fixed (margins included): its members add up to
 * its total cell. Every cell lies on exactly one line per dimension, as a member or as the total.
 */
import { DomainError } from '../../kernel/errors.ts';
import { TOTAL } from '../cube.ts';
import type { Cube } from '../cube.ts';

/** Largest table (cells with margins) disclosure control accepts: keeps protection well under a second. */
export const MAX_TABLE_CELLS = 250_000;

export interface Table {
  readonly dimensions: readonly string[];
  /** Codes of each dimension, sorted (code-unit order), without `_T`. */
  readonly codes: readonly (readonly string[])[];
  /** Stride of each dimension in the flat layout. */
  readonly strides: readonly number[];
  readonly size: number;
}

export interface Line {
  readonly dim: number;
  /** Flat index of the line's total cell; members are `total - (k - j) * stride` for j < k. */
  readonly total: number;
}

export function invalid(code: string, message: string, field = 'cube'): DomainError {
  return new DomainError(code, 'validation', message, { issues: [{ field, code, message }] });
}

/** Builds the frame from the codes seen in `cube` (cells with `_T` in a key are margins, not codes). */
export function tableOf(cube: Cube): Table {
  const dims = cube.dimensions;
  if (dims.length === 0) throw invalid('STATISTICS.NO_DIMENSIONS', 'A cube needs at least one dimension', 'cube.dimensions');
  if (new Set(dims).size !== dims.length || dims.some((d) => d === '')) {
    throw invalid('STATISTICS.BAD_DIMENSIONS', 'Dimension ids must be non-empty and distinct', 'cube.dimensions');
  }
  const seen = dims.map(() => new Set<string>());
  cube.cells.forEach((cell, i) => {
    if (cell.key.length !== dims.length) {
      throw invalid('STATISTICS.BAD_KEY', `Cell ${i} has ${cell.key.length} codes for ${dims.length} dimensions`, `cube.cells.${i}.key`);
    }
    cell.key.forEach((code, d) => {
      if (typeof code !== 'string' || code === '') throw invalid('STATISTICS.BAD_KEY', `Cell ${i} has an empty code`, `cube.cells.${i}.key`);
      if (code !== TOTAL) seen[d]!.add(code);
    });
  });
  const codes = seen.map((s) => [...s].sort(compareCodes));
  const strides: number[] = [];
  let size = 1;
  for (let d = dims.length - 1; d >= 0; d--) {
    strides[d] = size;
    size *= codes[d]!.length + 1;
    if (size > MAX_TABLE_CELLS) {
      throw invalid('STATISTICS.TABLE_TOO_LARGE', `The table would have more than ${MAX_TABLE_CELLS} cells with its margins`);
    }
  }
  return { dimensions: dims, codes, strides, size };
}

export const compareCodes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Flat index of a key (codes or `_T`); undefined when a code is not in the table. */
export function indexOf(table: Table, key: readonly string[], positions = codePositions(table)): number | undefined {
  let index = 0;
  for (let d = 0; d < key.length; d++) {
    const code = key[d]!;
    const p = code === TOTAL ? table.codes[d]!.length : positions[d]!.get(code);
    if (p === undefined) return undefined;
    index += p * table.strides[d]!;
  }
  return index;
}

export function codePositions(table: Table): Map<string, number>[] {
  return table.codes.map((list) => new Map(list.map((c, i) => [c, i])));
}

/** Position of each dimension of a flat index (`codes[d].length` means `_T`). */
export function coordinates(table: Table, index: number): number[] {
  return table.strides.map((stride, d) => Math.floor(index / stride) % (table.codes[d]!.length + 1));
}

export function keyOf(table: Table, index: number): string[] {
  return coordinates(table, index).map((p, d) => table.codes[d]![p] ?? TOTAL);
}

/** How many `_T` a cell has: 0 for interior cells. */
export function marginLevel(table: Table, index: number): number {
  return coordinates(table, index).reduce((n, p, d) => n + (p === table.codes[d]!.length ? 1 : 0), 0);
}

/** The line of dimension `dim` through `index`. */
export function lineThrough(table: Table, index: number, dim: number): Line {
  const k = table.codes[dim]!.length;
  const stride = table.strides[dim]!;
  const p = Math.floor(index / stride) % (k + 1);
  return { dim, total: index + (k - p) * stride };
}

/** Cells of a line: members first, the total last. */
export function lineCells(table: Table, line: Line): number[] {
  const k = table.codes[line.dim]!.length;
  const stride = table.strides[line.dim]!;
  const cells: number[] = [];
  for (let j = 0; j < k; j++) cells.push(line.total - (k - j) * stride);
  cells.push(line.total);
  return cells;
}

/** Every line of the table, dimension by dimension, in index order of their totals. */
export function allLines(table: Table): Line[] {
  const lines: Line[] = [];
  table.codes.forEach((list, dim) => {
    const k = list.length;
    for (let i = 0; i < table.size; i++) {
      if (Math.floor(i / table.strides[dim]!) % (k + 1) === k) lines.push({ dim, total: i });
    }
  });
  return lines;
}

/** Stable id of a line (dimension, total cell) for work lists. */
export const lineId = (table: Table, line: Line): number => line.dim * table.size + line.total;
export const lineFromId = (table: Table, id: number): Line => ({ dim: Math.floor(id / table.size), total: id % table.size });
