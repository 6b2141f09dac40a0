/**
 * Shared pieces of the cube exports: labels, flags and RFC 4180 CSV writing. The domain holds no
 * display text: the caller passes `labels(dimension, code, lang)` (the server's translations). Besides
 * real dimensions, exports ask for a few pseudo-dimensions: `_dimension` (a dimension's title),
 * `_measure` (the measure's title) and `_flag` (`suppressed`, `rounded`).
 */
import type { Cube, CubeCell } from '../cube.ts';

export type Lang = 'hy' | 'ru' | 'en';
export type Labeller = (dimension: string, code: string, lang: Lang) => string;

export interface ExportOptions {
  readonly lang: Lang;
  readonly labels: Labeller;
}

/** Publication flag of a cell: suppression reasons are never told apart outside the server. */
export type PublishedFlag = '' | 'suppressed' | 'rounded';

export function publishedFlag(cell: CubeCell): PublishedFlag {
  if (cell.value === null || cell.flag === 'primary' || cell.flag === 'secondary' || cell.flag === 'suppressed') return 'suppressed';
  return cell.flag === 'rounded' ? 'rounded' : '';
}

/** One CSV field (RFC 4180 §2): quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvField(value: string | number): string {
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Records joined with CRLF (RFC 4180), with a final CRLF. */
export function csvText(rows: readonly (readonly (string | number)[])[]): string {
  return rows.map((r) => r.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** Cells in a stable order: by key, code by code (`_T` last within a dimension, as in the tables). */
export function orderedCells(cube: Cube): CubeCell[] {
  const rank = (code: string) => (code === '_T' ? '\uffff' : code);
  return [...cube.cells].sort((a, b) => {
    for (let d = 0; d < a.key.length; d++) {
      const x = rank(a.key[d]!);
      const y = rank(b.key[d]!);
      if (x !== y) return x < y ? -1 : 1;
    }
    return 0;
  });
}

export const cellValue = (cell: CubeCell): string | number => (publishedFlag(cell) === 'suppressed' ? '' : cell.value!);
