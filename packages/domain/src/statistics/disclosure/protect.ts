/**
 * Disclosure control for count tables (ADR 0602): margins over every subset of dimensions, primary
 * suppression of small counts, optional controlled rounding, then complementary suppression until the
 * attacker (`auditCore`) can neither pin a hidden cell exactly nor prove it is a small count.
 */
import { DomainError } from '../../kernel/errors.ts';
import { TOTAL } from '../cube.ts';
import type { Cube, CubeCell } from '../cube.ts';
import { auditCore, isExposed } from './audit.ts';
import { codePositions, indexOf, invalid, keyOf, lineCells, lineFromId, lineId, lineThrough, marginLevel, tableOf } from './table.ts';
import type { Line, Table } from './table.ts';

export const DEFAULT_THRESHOLD = 5;

export interface ProtectOptions {
  /** Counts with 0 < n < threshold are suppressed. Default 5. */
  readonly threshold?: number;
  /** Round published values to multiples of `base` (controlled cumulative rounding, additive). */
  readonly rounding?: { readonly base: number };
}

const PRIMARY = 1;
const SECONDARY = 2;

export function protectCube(cube: Cube, options: ProtectOptions = {}): Cube {
  const threshold = options.threshold ?? DEFAULT_THRESHOLD;
  if (!Number.isSafeInteger(threshold) || threshold < 1) {
    throw invalid('STATISTICS.BAD_THRESHOLD', 'The threshold must be a whole number of at least 1', 'options.threshold');
  }
  const base = options.rounding?.base;
  if (base !== undefined && (!Number.isSafeInteger(base) || base < 2)) {
    throw invalid('STATISTICS.BAD_ROUNDING', 'The rounding base must be a whole number of at least 2', 'options.rounding.base');
  }
  const table = tableOf(cube);
  const truth = interiorValues(table, cube);
  fillMargins(table, truth);
  const status = new Uint8Array(table.size);
  for (let i = 0; i < table.size; i++) if (truth[i]! > 0 && truth[i]! < threshold) status[i] = PRIMARY;
  const shown = base === undefined ? truth : roundControlled(table, truth, base);
  const suppressor = new Suppressor(table, shown, status, threshold);
  suppressor.complete(base === undefined ? 1 : 0);
  const cells: CubeCell[] = [];
  for (let i = 0; i < table.size; i++) {
    const key = keyOf(table, i);
    if (status[i] === PRIMARY) cells.push({ key, value: null, flag: 'primary' });
    else if (status[i] === SECONDARY) cells.push({ key, value: null, flag: 'secondary' });
    else if (base !== undefined) cells.push({ key, value: shown[i]!, flag: 'rounded' });
    else cells.push({ key, value: shown[i]! });
  }
  return {
    dataset: cube.dataset,
    measure: cube.measure,
    dimensions: [...cube.dimensions],
    cells,
    withTotals: true,
    protection: base === undefined ? { threshold } : { threshold, roundingBase: base },
  };
}

function interiorValues(table: Table, cube: Cube): Float64Array {
  const values = new Float64Array(table.size);
  const seen = new Uint8Array(table.size);
  const positions = codePositions(table);
  cube.cells.forEach((cell, n) => {
    const field = `cube.cells.${n}`;
    if (cell.key.includes(TOTAL)) {
      if (cube.withTotals) return; // margins are recomputed from the interior cells
      throw invalid('STATISTICS.TOTAL_IN_INTERIOR', `Cell ${n} has a ${TOTAL} code but the cube has no totals`, `${field}.key`);
    }
    if (cell.value === null) throw invalid('STATISTICS.ALREADY_SUPPRESSED', `Cell ${n} has no value`, `${field}.value`);
    if (!Number.isSafeInteger(cell.value) || cell.value < 0) {
      throw invalid('STATISTICS.BAD_VALUE', `Cell ${n} is not a non-negative whole count`, `${field}.value`);
    }
    const i = indexOf(table, cell.key, positions)!;
    if (seen[i]) throw invalid('STATISTICS.DUPLICATE_CELL', `Cell ${n} repeats the key ${cell.key.join('/')}`, `${field}.key`);
    seen[i] = 1;
    values[i] = cell.value;
  });
  return values;
}

/** Margins from interior cells: after step d every cell whose `_T` set lies within 0..d is right. */
function fillMargins(table: Table, values: Float64Array): void {
  table.codes.forEach((list, d) => {
    const k = list.length;
    for (let i = 0; i < table.size; i++) {
      if (Math.floor(i / table.strides[d]!) % (k + 1) !== k) continue;
      let sum = 0;
      for (const m of lineCells(table, { dim: d, total: i }).slice(0, -1)) sum += values[m]!;
      values[i] = sum;
    }
  });
}

/**
 * Controlled cumulative rounding: interior cells in table order are rounded so that every running
 * total is the nearest multiple of `base` of the true running total; each cell moves by less than
 * `base`, the grand total and the lines of the last dimension by less than `base`, and margins are
 * recomputed from the rounded cells, so the published table stays exactly additive.
 */
function roundControlled(table: Table, truth: Float64Array, base: number): Float64Array {
  const out = new Float64Array(table.size);
  let running = 0;
  let rounded = 0;
  for (let i = 0; i < table.size; i++) {
    if (marginLevel(table, i) > 0) continue;
    running += truth[i]!;
    const target = Math.floor(running / base + 0.5) * base;
    out[i] = target - rounded;
    rounded = target;
  }
  fillMargins(table, out);
  return out;
}

/** Complementary suppression: line rules first, then repairs driven by the attacker's audit. */
class Suppressor {
  private readonly queue: number[] = [];
  private readonly queued = new Set<number>();

  constructor(
    private readonly table: Table,
    private readonly shown: Float64Array,
    private readonly status: Uint8Array,
    private readonly threshold: number,
  ) {
    for (let i = 0; i < table.size; i++) if (status[i]) this.enqueueLines(i);
  }

  complete(suppressedMin: number): void {
    for (;;) {
      this.settleLines();
      // Interval reasoning is cheap; the linear algebra runs once intervals find nothing.
      let exposed = this.exposedCells(suppressedMin, false);
      if (exposed.length === 0) exposed = this.exposedCells(suppressedMin, true);
      if (exposed.length === 0) return;
      let added = 0;
      for (const i of exposed) if (this.repair(i)) added++;
      // Unreachable when zeros are the only published cells left: then nothing bounds a hidden cell.
      if (added === 0) throw new DomainError('STATISTICS.PROTECTION_FAILED', 'internal', 'No complementary cell can protect the table');
    }
  }

  /** Every line: 0 or ≥ 2 hidden cells; with a published total, hidden members leave room up to the threshold. */
  private settleLines(): void {
    for (let head = 0; head < this.queue.length; head++) {
      const id = this.queue[head]!;
      this.queued.delete(id);
      const line = lineFromId(this.table, id);
      while (this.lineNeedsMore(line)) {
        const pick = this.candidate(line);
        if (pick === undefined) break;
        this.suppress(pick);
      }
    }
    this.queue.length = 0;
  }

  private lineNeedsMore(line: Line): boolean {
    const cells = lineCells(this.table, line);
    const hidden = cells.filter((c) => this.status[c]);
    if (hidden.length === 0) return false;
    if (hidden.length === 1) return true;
    const total = cells[cells.length - 1]!;
    if (this.status[total]) return false;
    const members = hidden.filter((c) => c !== total);
    if (!members.some((c) => this.status[c] === PRIMARY)) return false;
    // Each hidden member is at least 1, so a primary cell is at most sum − (others): keep that ≥ threshold.
    const sum = members.reduce((s, c) => s + this.shown[c]!, 0);
    return sum - (members.length - 1) < this.threshold;
  }

  /**
   * The next complementary cell of a line: a published non-zero cell, interior before margins, and
   * the smallest value that closes the line's shortfall (else the largest, to close most of it).
   */
  private candidate(line: Line): number | undefined {
    const cells = lineCells(this.table, line);
    const open = cells.filter((c) => !this.status[c] && this.shown[c]! > 0);
    if (open.length === 0) return undefined;
    const level = Math.min(...open.map((c) => marginLevel(this.table, c)));
    const pool = open.filter((c) => marginLevel(this.table, c) === level).sort((a, b) => this.shown[a]! - this.shown[b]! || a - b);
    const members = cells.filter((c) => this.status[c] && c !== line.total);
    const sum = members.reduce((s, c) => s + this.shown[c]!, 0);
    const shortfall = this.threshold - (sum - members.length); // a new member y adds y − 1 of room
    if (this.status[line.total] || members.length === 0) return pool[0];
    return pool.find((c) => this.shown[c]! - 1 >= shortfall) ?? pool[pool.length - 1];
  }

  private exposedCells(suppressedMin: number, withAlgebra: boolean): number[] {
    const known = new Float64Array(this.table.size);
    const floor = new Float64Array(this.table.size);
    for (let i = 0; i < this.table.size; i++) {
      known[i] = this.status[i] ? NaN : this.shown[i]!;
      floor[i] = suppressedMin;
    }
    const audit = auditCore(this.table, known, floor, withAlgebra);
    return audit.hidden.filter((i) => isExposed(audit.lower[i]!, audit.upper[i]!, audit.exact.has(i), this.threshold));
  }

  /** Adds one complementary cell near an exposed cell: on its own lines, else on lines further out. */
  private repair(exposed: number): boolean {
    const seen = new Set<number>([exposed]);
    let frontier = [exposed];
    while (frontier.length > 0) {
      const next: number[] = [];
      for (const cell of frontier) {
        for (let d = 0; d < this.table.dimensions.length; d++) {
          const line = lineThrough(this.table, cell, d);
          const pick = this.candidate(line);
          if (pick !== undefined) {
            this.suppress(pick);
            return true;
          }
          for (const c of lineCells(this.table, line)) {
            if (!seen.has(c) && this.status[c]) {
              seen.add(c);
              next.push(c);
            }
          }
        }
      }
      frontier = next;
    }
    return false;
  }

  private suppress(i: number): void {
    if (this.status[i]) return;
    this.status[i] = SECONDARY;
    this.enqueueLines(i);
  }

  private enqueueLines(i: number): void {
    for (let d = 0; d < this.table.dimensions.length; d++) {
      const id = lineId(this.table, lineThrough(this.table, i, d));
      if (!this.queued.has(id)) {
        this.queued.add(id);
        this.queue.push(id);
      }
    }
  }
}
