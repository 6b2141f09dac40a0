/**
 * Scales for the SVG charts: a value axis with round ticks that always includes zero (balances and net
 * migration can be negative), a linear map from values to pixels, and equal bands for categories.
 */

export interface Axis {
  readonly lo: number;
  readonly hi: number;
  readonly step: number;
  readonly ticks: readonly number[];
}

/** The smallest step of the form 1, 2 or 5 × 10^k that is at least `raw`. */
export function niceStep(raw: number): number {
  if (!(raw > 0) || !Number.isFinite(raw)) return 1;
  const exp = Math.floor(Math.log10(raw));
  const base = 10 ** exp;
  for (const m of [1, 2, 5, 10]) {
    const step = m * base;
    if (step >= raw * (1 - 1e-9)) return Math.max(1, step);
  }
  return 10 * base;
}

/**
 * An axis from `min`…`max` widened to include 0 and to whole steps; about `count` intervals. Counts are
 * whole numbers, so the step is never below 1.
 */
export function niceAxis(min: number, max: number, count = 5): Axis {
  const lo0 = Math.min(0, min);
  const hi0 = Math.max(0, max);
  const span = hi0 - lo0;
  const step = span === 0 ? 1 : niceStep(span / Math.max(1, count));
  const lo = Math.floor(lo0 / step) * step;
  let hi = Math.ceil(hi0 / step) * step;
  if (hi === lo) hi = lo + step;
  const ticks: number[] = [];
  for (let v = lo; v <= hi + step / 2; v += step) ticks.push(Math.round(v / step) * step);
  return { lo, hi, step, ticks };
}

/** Maps [d0, d1] onto [r0, r1] linearly (r1 < r0 for a y axis that grows upwards). */
export function linear(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  return (v) => r0 + (v - d0) * k;
}

/** `n` equal bands across `width` with a gap of `padding` (0…1) of each band between them. */
export function bands(n: number, width: number, padding = 0.2): { start: (i: number) => number; size: number } {
  const step = n > 0 ? width / n : width;
  return { start: (i) => i * step + (step * padding) / 2, size: step * (1 - padding) };
}
