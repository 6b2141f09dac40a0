/**
 * Population pyramid: counts by five-year age group and sex, summed over the periods of the answer
 * (flows over the range; a stock has one period, its date). Males to the left, females to the right,
 * the youngest group at the bottom. Other and unknown sex, and unknown age, have no side of the pyramid:
 * they are kept as separate figures and shown in the table view, so nothing counted is lost.
 */
import type { Cell } from './model.ts';

export interface PyramidRow {
  readonly age: string;
  readonly male: number;
  readonly female: number;
  /** Sex other (O) or unknown (_U). */
  readonly other: number;
}

export interface Pyramid {
  /** Oldest group first (the top of the chart). */
  readonly rows: readonly PyramidRow[];
  /** Persons whose age group is unknown, by sex. */
  readonly unknownAge: PyramidRow;
  /** The largest male or female count of a row (both sides share one scale). */
  readonly maxSide: number;
  readonly total: number;
}

/**
 * Builds the pyramid from cells with dimensions `dims` (which must include `age5` and `sex`; any other
 * dimension, e.g. the period, is summed over). `ageCodes` is the age5 code list in ascending order.
 */
export function buildPyramid(cells: readonly Cell[], dims: readonly string[], ageCodes: readonly string[]): Pyramid {
  const ai = dims.indexOf('age5');
  const si = dims.indexOf('sex');
  if (ai < 0 || si < 0) throw new Error('A pyramid needs the dimensions age5 and sex');
  const sums = new Map<string, { male: number; female: number; other: number }>();
  const slot = (age: string) => {
    let s = sums.get(age);
    if (!s) sums.set(age, (s = { male: 0, female: 0, other: 0 }));
    return s;
  };
  let total = 0;
  for (const c of cells) {
    if (c.value === null) continue;
    const s = slot(c.key[ai] ?? '_U');
    const sex = c.key[si];
    if (sex === 'M') s.male += c.value;
    else if (sex === 'F') s.female += c.value;
    else s.other += c.value;
    total += c.value;
  }
  const known = ageCodes.filter((a) => a !== '_U');
  const rows = [...known].reverse().map((age) => ({ age, ...(sums.get(age) ?? { male: 0, female: 0, other: 0 }) }));
  const unknown = { male: 0, female: 0, other: 0 };
  for (const [age, s] of sums) {
    if (known.includes(age)) continue;
    unknown.male += s.male;
    unknown.female += s.female;
    unknown.other += s.other;
  }
  const maxSide = rows.reduce((m, r) => Math.max(m, Math.abs(r.male), Math.abs(r.female)), 0);
  return { rows, unknownAge: { age: '_U', ...unknown }, maxSide, total };
}

export interface PyramidBar {
  readonly age: string;
  readonly side: 'male' | 'female';
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
  readonly value: number;
}

/**
 * Rectangles of the pyramid in a box of `width`, rows of `rowHeight`, with a central gutter of `gutter`
 * pixels for the age labels. Bars grow outwards from the gutter, in proportion to `maxSide`.
 */
export function pyramidBars(p: Pyramid, width: number, rowHeight: number, gutter: number): PyramidBar[] {
  const half = (width - gutter) / 2;
  const scale = p.maxSide > 0 ? half / p.maxSide : 0;
  const bars: PyramidBar[] = [];
  p.rows.forEach((r, i) => {
    const y = i * rowHeight + rowHeight * 0.1;
    const height = rowHeight * 0.8;
    const m = Math.max(0, r.male) * scale;
    const f = Math.max(0, r.female) * scale;
    bars.push({ age: r.age, side: 'male', x: half - m, y, width: m, height, value: r.male });
    bars.push({ age: r.age, side: 'female', x: half + gutter, y, width: f, height, value: r.female });
  });
  return bars;
}
