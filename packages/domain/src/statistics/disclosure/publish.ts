/**
 * The open-data rule (ADR 0602): publish only cells of a protected table, never a re-aggregation.
 * - `toPublished` hides *why* a cell is suppressed (primary vs secondary would leak: every non-zero
 *   count below the threshold is primary, so a "secondary" flag says "at least the threshold").
 * - `sliceTable` gives a coarser table (fewer dimensions) as the matching margin cells of the same
 *   protected cube, so every table of a dataset shares one suppression pattern.
 * - `selectPublished` answers a filter by picking cells; a narrow filter can only return suppressed
 *   cells as suppressed, never recompute them.
 * - `combineReleases` joins what several releases disclosed, so the attacker can be run on all of it.
 */
import { DomainError } from '../../kernel/errors.ts';
import { TOTAL } from '../cube.ts';
import type { Cube, CubeCell } from '../cube.ts';
import { invalid } from './table.ts';

const publishedCell = (cell: CubeCell): CubeCell =>
  cell.flag === 'primary' || cell.flag === 'secondary' || cell.value === null
    ? { key: cell.key, value: null, flag: 'suppressed' }
    : cell.flag
      ? { key: cell.key, value: cell.value, flag: cell.flag }
      : { key: cell.key, value: cell.value };

function requireProtected(cube: Cube): void {
  if (!cube.protection || !cube.withTotals) {
    throw new DomainError('STATISTICS.NOT_PROTECTED', 'internal', `Dataset ${cube.dataset} has not been through disclosure control`);
  }
}

/** The form that may leave the server: suppression reasons merged into `suppressed`. */
export function toPublished(cube: Cube): Cube {
  requireProtected(cube);
  return { ...cube, cells: cube.cells.map(publishedCell) };
}

/** The table over `dimensions` (a subset, in that order): cells whose other dimensions are all `_T`. */
export function sliceTable(cube: Cube, dimensions: readonly string[]): Cube {
  requireProtected(cube);
  const at = dimensions.map((d, n) => {
    const i = cube.dimensions.indexOf(d);
    if (i < 0) throw invalid('STATISTICS.UNKNOWN_DIMENSION', `Dataset ${cube.dataset} has no dimension ${d}`, `dimensions.${n}`);
    return i;
  });
  if (new Set(at).size !== at.length) throw invalid('STATISTICS.BAD_DIMENSIONS', 'Dimensions repeat', 'dimensions');
  const dropped = cube.dimensions.map((_, i) => i).filter((i) => !at.includes(i));
  const cells = cube.cells
    .filter((c) => dropped.every((i) => c.key[i] === TOTAL))
    .map((c) => publishedCell({ ...c, key: at.map((i) => c.key[i]!) }));
  return { ...cube, dimensions: [...dimensions], cells };
}

/** Filter: dimension → codes to keep (`_T` allowed). Unknown dimensions or codes are a 400. */
export type CellFilter = Readonly<Record<string, readonly string[]>>;

export function selectPublished(cube: Cube, filter: CellFilter): Cube {
  requireProtected(cube);
  const wanted = Object.entries(filter).map(([dim, codes]) => {
    const i = cube.dimensions.indexOf(dim);
    if (i < 0) throw invalid('STATISTICS.UNKNOWN_DIMENSION', `Dataset ${cube.dataset} has no dimension ${dim}`, `query.${dim}`);
    const present = new Set(cube.cells.map((c) => c.key[i]!));
    const missing = codes.filter((c) => !present.has(c));
    if (missing.length > 0) throw invalid('STATISTICS.UNKNOWN_CODE', `Unknown ${dim} code(s): ${missing.join(', ')}`, `query.${dim}`);
    return { i, codes: new Set(codes) };
  });
  const cells = cube.cells.filter((c) => wanted.every((w) => w.codes.has(c.key[w.i]!))).map(publishedCell);
  return { ...cube, cells };
}

/**
 * Everything a set of releases disclosed about one base table: a cell is known if any release
 * published its value (releases must agree), suppressed if released only as suppressed. Every
 * release must be over the base dimensions (a slice first re-keyed with `_T` for the rest).
 */
export function combineReleases(dimensions: readonly string[], releases: readonly Cube[]): Cube {
  const cells = new Map<string, CubeCell>();
  for (const release of releases) {
    const at = dimensions.map((d) => release.dimensions.indexOf(d));
    for (const cell of release.cells) {
      const key = at.map((i) => (i < 0 ? TOTAL : cell.key[i]!));
      const id = key.join('\u0000');
      const before = cells.get(id);
      if (cell.value === null) {
        if (!before) cells.set(id, { key, value: null, flag: 'suppressed' });
      } else if (before && before.value !== null && before.value !== cell.value) {
        throw invalid('STATISTICS.RELEASES_DISAGREE', `Releases give ${before.value} and ${cell.value} for ${key.join('/')}`, 'releases');
      } else {
        cells.set(id, { key, value: cell.value });
      }
    }
  }
  const first = releases[0];
  return {
    dataset: first?.dataset ?? 'combined',
    measure: first?.measure ?? 'count',
    dimensions: [...dimensions],
    cells: [...cells.values()],
    withTotals: true,
    ...(first?.protection ? { protection: first.protection } : {}),
  };
}
