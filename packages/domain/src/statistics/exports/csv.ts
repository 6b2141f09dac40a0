/**
 * Plain CSV (RFC 4180, UTF-8, CRLF): one row per cell, a code column per dimension, then a label
 * column per dimension when labels are given, `value` (empty when suppressed) and `flag`
 * (`suppressed`, `rounded` or empty).
 */
import type { Cube } from '../cube.ts';
import { cellValue, csvText, orderedCells, publishedFlag } from './common.ts';
import type { ExportOptions } from './common.ts';

export function toCsv(cube: Cube, options?: ExportOptions): string {
  const dims = cube.dimensions;
  const header = [...dims, ...(options ? dims.map((d) => `${d}_label`) : []), 'value', 'flag'];
  const rows = orderedCells(cube).map((cell) => [
    ...cell.key,
    ...(options ? cell.key.map((code, d) => options.labels(dims[d]!, code, options.lang)) : []),
    cellValue(cell),
    publishedFlag(cell),
  ]);
  return csvText([header, ...rows]);
}
