import type { PublishedCell } from './api.ts';

/**
 * A two-way view of a published cube: one dimension down, one across, every other dimension held at
 * one code (its total `_T` by default). Cells are only picked, never added up: a published table is
 * shown exactly as protected, suppressed cells included (ADR 0602 rule 6).
 */
export interface TwoWay {
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  cell(row: string, column: string): PublishedCell | undefined;
}

/** Codes of a dimension in the cube, sorted, with the total last. */
export function codesOf(cells: readonly PublishedCell[], dims: readonly string[], dim: string): string[] {
  const i = dims.indexOf(dim);
  if (i < 0) return [];
  const codes = [...new Set(cells.map((c) => c.key[i]!))];
  return codes.sort((a, b) => (a === '_T' ? 1 : b === '_T' ? -1 : a < b ? -1 : a > b ? 1 : 0));
}

export function twoWay(cells: readonly PublishedCell[], dims: readonly string[], rowDim: string, colDim: string, held: Readonly<Record<string, string>>): TwoWay {
  const ri = dims.indexOf(rowDim);
  const ci = dims.indexOf(colDim);
  if (ri < 0 || ci < 0 || ri === ci) throw new Error(`Cannot lay out ${rowDim} × ${colDim}`);
  const rest = dims.map((d, i) => ({ i, code: held[d] ?? '_T' })).filter(({ i }) => i !== ri && i !== ci);
  const picked = cells.filter((c) => rest.every(({ i, code }) => c.key[i] === code));
  const index = new Map(picked.map((c) => [`${c.key[ri]}\u0000${c.key[ci]}`, c]));
  return {
    rows: codesOf(picked, dims, rowDim),
    columns: codesOf(picked, dims, colDim),
    cell: (r, c) => index.get(`${r}\u0000${c}`),
  };
}
