/**
 * The attacker: from published cells alone, how much can be learned about each hidden cell?
 *
 * Two kinds of reasoning over the table's additive relations (each line: members add up to the total):
 * 1. Interval propagation to a fixpoint: every hidden cell starts at [min, ∞) (min = 1 when zeros are
 *    always published, since a hidden cell is then known to be non-zero), and each line tightens its
 *    cells' bounds from the others' bounds until nothing changes.
 * 2. Linear algebra: a hidden cell is uniquely determined by the line equations iff every solution
 *    of the homogeneous system is 0 there; `nullspace.ts` row-reduces the system per connected
 *    component over two large primes and tests a pseudo-random nullspace vector.
 * A hidden cell is *exposed* when the attacker knows it exactly (and it is not 0), or can prove it is a
 * small count (1 ≤ lower, upper < threshold). ADR 0602 describes the threat model.
 */
import { DomainError } from '../../kernel/errors.ts';
import type { Cube } from '../cube.ts';
import { allLines, codePositions, indexOf, keyOf, lineCells, lineFromId, lineId, lineThrough, tableOf } from './table.ts';
import type { Line, Table } from './table.ts';
import { determinedUnknowns } from './nullspace.ts';

export interface CellBounds {
  readonly key: readonly string[];
  readonly lower: number;
  /** Infinity when nothing bounds the cell from above. */
  readonly upper: number;
  /** Known exactly: bounds meet, or the line equations determine the cell. */
  readonly exact: boolean;
  /** True for cells published as suppressed; false for cells the release does not contain at all. */
  readonly suppressed: boolean;
}

export interface AuditResult {
  readonly ok: boolean;
  readonly threshold: number;
  /** Bounds for every hidden cell, in table order. */
  readonly cells: readonly CellBounds[];
  readonly exposed: readonly CellBounds[];
  /** False when interval propagation stopped at its work cap (bounds still valid, maybe looser). */
  readonly converged: boolean;
}

export interface AuditOptions {
  /** Defaults to the cube's `protection.threshold`, else 5. */
  readonly threshold?: number;
  /** Lower bound the attacker assumes for a suppressed cell: 1 (zeros are published), 0 when rounded. */
  readonly suppressedMin?: number;
}

/** Audits a published cube (cells with margins; null values are suppressed; missing cells are unknown). */
export function auditProtection(published: Cube, options: AuditOptions = {}): AuditResult {
  const table = tableOf(published);
  const threshold = options.threshold ?? published.protection?.threshold ?? 5;
  const min = options.suppressedMin ?? (published.protection?.roundingBase ? 0 : 1);
  const known = new Float64Array(table.size).fill(NaN);
  const floor = new Float64Array(table.size); // lower bound of hidden cells (0 when not in the release)
  const suppressed = new Uint8Array(table.size);
  const positions = codePositions(table);
  for (const cell of published.cells) {
    const i = indexOf(table, cell.key, positions)!;
    if (cell.value === null) {
      suppressed[i] = 1;
      floor[i] = min;
    } else {
      if (!Number.isFinite(cell.value) || cell.value < 0) {
        throw new DomainError('STATISTICS.BAD_VALUE', 'validation', `Published value ${cell.value} is not a count`);
      }
      known[i] = cell.value;
    }
  }
  for (const line of allLines(table)) {
    const cells = lineCells(table, line);
    if (cells.some((c) => Number.isNaN(known[c]!))) continue;
    if (cells.slice(0, -1).reduce((s, c) => s + known[c]!, 0) !== known[cells[cells.length - 1]!]) {
      throw new DomainError('STATISTICS.INCONSISTENT_TABLE', 'validation', `The published cells of ${keyOf(table, line.total).join('/')} do not add up`);
    }
  }
  const core = auditCore(table, known, floor);
  const cells: CellBounds[] = [];
  const exposed: CellBounds[] = [];
  for (const i of core.hidden) {
    const bounds: CellBounds = {
      key: keyOf(table, i),
      lower: core.lower[i]!,
      upper: core.upper[i]!,
      exact: core.exact.has(i),
      suppressed: suppressed[i] === 1,
    };
    cells.push(bounds);
    if (isExposed(bounds.lower, bounds.upper, bounds.exact, threshold)) exposed.push(bounds);
  }
  return { ok: exposed.length === 0, threshold, cells, exposed, converged: core.converged };
}

export const isExposed = (lower: number, upper: number, exact: boolean, threshold: number): boolean =>
  upper >= 1 && (exact || (lower >= 1 && upper < threshold));

export interface CoreResult {
  readonly hidden: number[];
  readonly lower: Float64Array;
  readonly upper: Float64Array;
  readonly exact: Set<number>;
  readonly converged: boolean;
}

/**
 * `known[i]` is a published value or NaN for a hidden cell; `floor[i]` is a hidden cell's starting
 * lower bound. Used by `auditProtection` and by `protectCube`'s repair loop.
 */
export function auditCore(table: Table, known: Float64Array, floor: Float64Array, withAlgebra = true): CoreResult {
  const hidden: number[] = [];
  const lower = new Float64Array(table.size);
  const upper = new Float64Array(table.size);
  for (let i = 0; i < table.size; i++) {
    if (Number.isNaN(known[i]!)) {
      hidden.push(i);
      lower[i] = floor[i]!;
      upper[i] = Infinity;
    } else {
      lower[i] = upper[i] = known[i]!;
    }
  }
  const lines = linesWithHidden(table, hidden);
  const converged = propagate(table, lines, lower, upper);
  const exact = withAlgebra ? determined(table, lines, known, hidden) : new Set<number>();
  for (const i of hidden) if (lower[i] === upper[i]) exact.add(i);
  return { hidden, lower, upper, exact, converged };
}

function linesWithHidden(table: Table, hidden: readonly number[]): Line[] {
  const ids = new Set<number>();
  for (const i of hidden) for (let d = 0; d < table.dimensions.length; d++) ids.add(lineId(table, lineThrough(table, i, d)));
  return [...ids].sort((a, b) => a - b).map((id) => lineFromId(table, id));
}

/** Interval propagation over the lines to a fixpoint (or a work cap). Returns whether it converged. */
function propagate(table: Table, lines: readonly Line[], lower: Float64Array, upper: Float64Array): boolean {
  const queue: number[] = lines.map((l) => lineId(table, l));
  const queued = new Set(queue);
  const cap = 200 * Math.max(lines.length, 1);
  for (let head = 0; head < queue.length; head++) {
    if (head > cap) return false;
    const id = queue[head]!;
    queued.delete(id);
    const line = lineFromId(table, id);
    for (const changed of tightenLine(lineCells(table, line), lower, upper)) {
      for (let d = 0; d < table.dimensions.length; d++) {
        if (d === line.dim) continue;
        const other = lineId(table, lineThrough(table, changed, d));
        if (!queued.has(other)) {
          queued.add(other);
          queue.push(other);
        }
      }
    }
  }
  return true;
}

/** One line's bounds step; returns the cells whose bounds changed. */
function tightenLine(cells: readonly number[], lower: Float64Array, upper: Float64Array): number[] {
  const total = cells[cells.length - 1]!;
  const members = cells.slice(0, -1);
  let loSum = 0;
  let hiSum = 0;
  let hiInfinite = 0;
  for (const m of members) {
    loSum += lower[m]!;
    if (upper[m] === Infinity) hiInfinite++;
    else hiSum += upper[m]!;
  }
  const changed: number[] = [];
  const set = (i: number, lo: number, hi: number) => {
    if (lo > hi) throw new DomainError('STATISTICS.INCONSISTENT_TABLE', 'validation', 'The published cells do not add up to their totals');
    if (lo !== lower[i] || hi !== upper[i]) {
      lower[i] = lo;
      upper[i] = hi;
      changed.push(i);
    }
  };
  set(total, Math.max(lower[total]!, loSum), hiInfinite > 0 ? upper[total]! : Math.min(upper[total]!, hiSum));
  const tLo = lower[total]!;
  const tHi = upper[total]!;
  for (const m of members) {
    if (lower[m] === upper[m]) continue;
    const ownInfinite = upper[m] === Infinity ? 1 : 0;
    const othersHi = hiInfinite - ownInfinite > 0 ? Infinity : hiSum - (ownInfinite ? 0 : upper[m]!);
    const othersLo = loSum - lower[m]!;
    const lo = othersHi === Infinity ? lower[m]! : Math.max(lower[m]!, tLo - othersHi);
    const hi = tHi === Infinity ? upper[m]! : Math.min(upper[m]!, tHi - othersLo);
    set(m, lo, hi);
  }
  return changed;
}

/** Hidden cells uniquely determined by the line equations (nullspace.ts). */
function determined(table: Table, lines: readonly Line[], known: Float64Array, hidden: readonly number[]): Set<number> {
  const local = new Map(hidden.map((cell, u) => [cell, u]));
  const equations = lines.map((line) => {
    const cells = lineCells(table, line);
    const last = cells.length - 1;
    return cells.flatMap((c, j) => (Number.isNaN(known[c]!) ? [[local.get(c)!, j === last ? -1 : 1] as const] : []));
  });
  return new Set([...determinedUnknowns(hidden.length, equations)].map((u) => hidden[u]!));
}
