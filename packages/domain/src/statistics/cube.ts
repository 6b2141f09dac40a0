/**
 * The shape every statistical result takes on its way out (API, dashboards, exports, open data):
 * a set of count cells over named dimensions. Codes follow SDMX habits: `_T` is the total over a
 * dimension, `_U` unknown, `_Z` not applicable. Producers (the statistics module) fill `cells` with
 * the interior cells (no `_T` in keys) unless `withTotals` says otherwise; disclosure control and
 * exports work on this shape only.
 */
export const TOTAL = '_T';
export const UNKNOWN = '_U';
export const NOT_APPLICABLE = '_Z';

export interface CubeCell {
  /** One code per dimension, in the order of `Cube.dimensions`. */
  readonly key: readonly string[];
  /** A count, or null when the cell is suppressed (disclosure control). */
  readonly value: number | null;
  /**
   * Why a value is absent or altered: `primary` / `secondary` suppression, `rounded`. Publication
   * merges primary and secondary into `suppressed` (telling them apart would leak; ADR 0602).
   */
  readonly flag?: 'primary' | 'secondary' | 'rounded' | 'suppressed';
}

export interface Cube {
  /** Dataset or indicator id, e.g. `border.flows.crossings`. */
  readonly dataset: string;
  /** What the numbers count, e.g. `crossings`, `persons`. */
  readonly measure: string;
  /** Dimension ids in key order, e.g. `['period','sex','citizenship']`. */
  readonly dimensions: readonly string[];
  readonly cells: readonly CubeCell[];
  /** True when the cells include `_T` margins. */
  readonly withTotals?: boolean;
  /** Set by disclosure control (`protectCube`): the rule the published cells satisfy. */
  readonly protection?: CubeProtection;
}

/** How a cube was protected (statistics/disclosure, ADR 0602). */
export interface CubeProtection {
  /** Counts 0 < n < threshold were suppressed (primary), plus complementary cells. */
  readonly threshold: number;
  /** Published values are multiples of this base (controlled rounding); absent when not rounded. */
  readonly roundingBase?: number;
}
