/**
 * Sets of days as sorted, disjoint, non-adjacent inclusive intervals, with prefix sums so that
 * "how many days of the set fall in [lo, hi]" is one binary search (O(log n)) instead of a walk over
 * days. This is what keeps the engine at O(movements + covered periods) per person rather than
 * O(days²) (issue requirement; bench/stay/stay-speed.ts measures it).
 */
import type { DayNumber } from './dates.ts';

export interface DayInterval {
  readonly from: DayNumber;
  /** Inclusive. */
  readonly to: DayNumber;
}

/** Sorts and merges overlapping or touching intervals ([1,3] and [4,6] become [1,6]). */
export function mergeIntervals(intervals: readonly DayInterval[]): DayInterval[] {
  let ordered = true;
  for (let i = 1; i < intervals.length && ordered; i++) if ((intervals[i] as DayInterval).from < (intervals[i - 1] as DayInterval).from) ordered = false;
  const sorted = ordered ? intervals : [...intervals].sort((a, b) => a.from - b.from || a.to - b.to);
  const out: { from: number; to: number }[] = [];
  for (const iv of sorted) {
    const last = out[out.length - 1];
    if (last && iv.from <= last.to + 1) last.to = Math.max(last.to, iv.to);
    else out.push({ from: iv.from, to: iv.to });
  }
  return out;
}

/** `base` minus `cut`; both must be merged (output of mergeIntervals). Linear merge walk. */
export function subtractIntervals(base: readonly DayInterval[], cut: readonly DayInterval[]): DayInterval[] {
  const out: DayInterval[] = [];
  let j = 0;
  for (const iv of base) {
    let from = iv.from;
    while (j < cut.length && (cut[j] as DayInterval).to < from) j++;
    let k = j;
    while (from <= iv.to) {
      const c = cut[k];
      if (!c || c.from > iv.to) {
        out.push({ from, to: iv.to });
        break;
      }
      if (c.from > from) out.push({ from, to: c.from - 1 });
      from = Math.max(from, c.to + 1);
      k++;
    }
  }
  return out;
}

/** Largest index i with xs[i] <= x, or -1. */
function floorIndex(xs: Float64Array, x: number): number {
  let lo = 0;
  let hi = xs.length - 1;
  let ans = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] as number) <= x) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

/**
 * An immutable day set with O(log n) counting and boundary look-ups. Boundaries are the days where
 * membership changes: each interval's first day and the day after its last day.
 */
export class DaySet {
  private readonly starts: Float64Array;
  private readonly ends: Float64Array;
  /** prefix[i] = number of days in intervals 0..i-1. */
  private readonly prefix: Float64Array;
  private readonly boundaries: Float64Array;

  /** `intervals` must be merged (sorted, disjoint, non-adjacent). */
  constructor(readonly intervals: readonly DayInterval[]) {
    const n = intervals.length;
    this.starts = new Float64Array(n);
    this.ends = new Float64Array(n);
    this.prefix = new Float64Array(n + 1);
    this.boundaries = new Float64Array(2 * n);
    for (let i = 0; i < n; i++) {
      const iv = intervals[i] as DayInterval;
      this.starts[i] = iv.from;
      this.ends[i] = iv.to;
      this.prefix[i + 1] = (this.prefix[i] as number) + iv.to - iv.from + 1;
      this.boundaries[2 * i] = iv.from;
      this.boundaries[2 * i + 1] = iv.to + 1;
    }
  }

  /** Number of member days <= x. */
  private cumulative(x: number): number {
    const i = floorIndex(this.starts, x);
    if (i < 0) return 0;
    return (this.prefix[i] as number) + Math.min(x, this.ends[i] as number) - (this.starts[i] as number) + 1;
  }

  /** Member days in [lo, hi] (0 when hi < lo). */
  count(lo: DayNumber, hi: DayNumber): number {
    return hi < lo ? 0 : this.cumulative(hi) - this.cumulative(lo - 1);
  }

  has(day: DayNumber): boolean {
    const i = floorIndex(this.starts, day);
    return i >= 0 && day <= (this.ends[i] as number);
  }

  /** Smallest boundary > day, or +Infinity. */
  nextBoundary(day: DayNumber): number {
    const i = floorIndex(this.boundaries, day) + 1;
    return i < this.boundaries.length ? (this.boundaries[i] as number) : Number.POSITIVE_INFINITY;
  }

  /** Largest boundary <= day, or -Infinity. */
  prevBoundary(day: DayNumber): number {
    const i = floorIndex(this.boundaries, day);
    return i >= 0 ? (this.boundaries[i] as number) : Number.NEGATIVE_INFINITY;
  }
}
