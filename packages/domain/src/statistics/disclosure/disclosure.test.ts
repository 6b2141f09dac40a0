import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../../kernel/errors.ts';
import type { Cube, CubeCell } from '../cube.ts';
import { auditProtection, combineReleases, protectCube, selectPublished, sliceTable, toPublished } from './index.ts';

const cube = (dimensions: string[], cells: [string[], number][]): Cube => ({
  dataset: 'test.flows',
  measure: 'persons',
  dimensions,
  cells: cells.map(([key, value]) => ({ key, value })),
});

/** 2-D table from rows of counts: dimensions a (A1…) × b (B1…). */
const grid = (rows: number[][]): Cube =>
  cube(['a', 'b'], rows.flatMap((row, i) => row.map((v, j) => [[`A${i + 1}`, `B${j + 1}`], v] as [string[], number])));

const byKey = (c: Cube) => new Map(c.cells.map((cell) => [cell.key.join('/'), cell]));

/** Hand-made "protection": interior cells and margins, hiding exactly the listed keys. */
function naive(rows: number[][], hide: string[]): Cube {
  const protectedCube = protectCube(grid(rows), { threshold: 1 }); // threshold 1: nothing suppressed, all margins
  const hidden = new Set(hide);
  return {
    ...protectedCube,
    protection: { threshold: 5 },
    cells: protectedCube.cells.map((c): CubeCell => (hidden.has(c.key.join('/')) ? { key: c.key, value: null, flag: 'suppressed' } : c)),
  };
}

/** Random cubes: 1–3 dimensions of 1–6 codes, many small counts. */
const randomCube = fc
  .array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 3 })
  .chain((sizes) => {
    const n = sizes.reduce((a, b) => a * b, 1);
    const value = fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 60 }));
    return fc.tuple(fc.constant(sizes), fc.array(value, { minLength: n, maxLength: n }));
  })
  .map(([sizes, values]) => {
    const keys: string[][] = [[]];
    sizes.forEach((k, d) => {
      const next = keys.flatMap((key) => Array.from({ length: k }, (_, j) => [...key, `D${d}C${j}`]));
      keys.splice(0, keys.length, ...next);
    });
    return cube(
      sizes.map((_, d) => `d${d}`),
      keys.map((key, i) => [key, values[i]!]),
    );
  });

function lines(c: Cube): CubeCell[][] {
  const out = new Map<string, CubeCell[]>();
  for (const cell of c.cells) {
    c.dimensions.forEach((_, d) => {
      const id = `${d}|${cell.key.map((k, e) => (e === d ? '*' : k)).join('/')}`;
      out.set(id, [...(out.get(id) ?? []), cell]);
    });
  }
  return [...out.values()];
}

describe('protectCube', () => {
  it('computes every margin, suppresses small counts and protects them with complementary cells', () => {
    const p = protectCube(grid([[2, 10, 7], [8, 12, 9], [6, 1, 20]]));
    const cells = byKey(p);
    expect(p.withTotals).toBe(true);
    expect(p.protection).toEqual({ threshold: 5 });
    expect(cells.get('_T/_T')?.value).toBe(75);
    expect(cells.get('A1/B1')).toMatchObject({ value: null, flag: 'primary' });
    expect(cells.get('A3/B2')).toMatchObject({ value: null, flag: 'primary' });
    expect(p.cells.filter((c) => c.flag === 'secondary').length).toBeGreaterThanOrEqual(2);
    expect(auditProtection(toPublished(p)).ok).toBe(true);
  });

  it('publishes zeros and never uses them as complements', () => {
    const p = protectCube(grid([[0, 3, 40], [0, 30, 50]]));
    const cells = byKey(p);
    expect(cells.get('A1/B1')?.value).toBe(0);
    expect(cells.get('A2/B1')?.value).toBe(0);
    expect(cells.get('A1/B2')?.flag).toBe('primary');
  });

  it('is deterministic and independent of the order of the input cells', () => {
    const c = grid([[2, 10, 7, 3], [8, 12, 9, 40], [6, 1, 20, 4]]);
    const reversed = { ...c, cells: [...c.cells].reverse() };
    expect(protectCube(reversed)).toEqual(protectCube(c));
  });

  it('honours a per-dataset threshold', () => {
    const p = protectCube(grid([[9, 30], [40, 50]]), { threshold: 10 });
    expect(byKey(p).get('A1/B1')?.flag).toBe('primary');
    expect(auditProtection(toPublished(p)).ok).toBe(true);
  });

  it('rounds with controlled rounding: multiples of the base, each cell off by less than the base, additive', () => {
    const source = grid([[12, 33, 7], [18, 2, 49], [61, 14, 26]]);
    const p = protectCube(source, { rounding: { base: 5 } });
    expect(p.protection).toEqual({ threshold: 5, roundingBase: 5 });
    const truth = byKey(source);
    for (const cell of p.cells) {
      if (cell.value === null) continue;
      expect(cell.flag).toBe('rounded');
      expect(cell.value % 5).toBe(0);
      const t = truth.get(cell.key.join('/'));
      if (t) expect(Math.abs(cell.value - t.value!)).toBeLessThan(5);
    }
    for (const line of lines(p)) {
      const total = line.find((c) => c.key.includes('_T') && line.every((o) => o === c || o.key.filter((k) => k === '_T').length < c.key.filter((k) => k === '_T').length));
      if (!total || line.some((c) => c.value === null)) continue;
      expect(line.filter((c) => c !== total).reduce((s, c) => s + c.value!, 0)).toBe(total.value);
    }
    expect(Math.abs(byKey(p).get('_T/_T')!.value! - 222)).toBeLessThan(5);
    expect(auditProtection(toPublished(p)).ok).toBe(true);
  });

  it('rejects bad input with a validation error and nothing half-done', () => {
    const bad: [Cube, object, string][] = [
      [grid([[1, 2]]), { threshold: 0 }, 'STATISTICS.BAD_THRESHOLD'],
      [grid([[1, 2]]), { rounding: { base: 1 } }, 'STATISTICS.BAD_ROUNDING'],
      [cube(['a'], [[['X'], 1], [['X'], 2]]), {}, 'STATISTICS.DUPLICATE_CELL'],
      [cube(['a'], [[['X'], -1]]), {}, 'STATISTICS.BAD_VALUE'],
      [cube(['a'], [[['X'], 1.5]]), {}, 'STATISTICS.BAD_VALUE'],
      [cube(['a'], [[['_T'], 1]]), {}, 'STATISTICS.TOTAL_IN_INTERIOR'],
      [cube(['a', 'b'], [[['X'], 1]]), {}, 'STATISTICS.BAD_KEY'],
      [cube([], []), {}, 'STATISTICS.NO_DIMENSIONS'],
    ];
    for (const [c, options, code] of bad) {
      const error = (() => {
        try {
          protectCube(c, options);
        } catch (e) {
          return e;
        }
      })();
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe(code);
      expect((error as DomainError).kind).toBe('validation');
    }
  });

  it('property: protected random cubes pass the attacker, keep line rules and publish true values', () => {
    fc.assert(
      fc.property(randomCube, (source) => {
        const p = protectCube(source);
        const audit = auditProtection(toPublished(p));
        expect(audit.exposed).toEqual([]);
        for (const b of audit.cells) {
          expect(b.exact).toBe(false);
          expect(b.upper).toBeGreaterThanOrEqual(5); // the attacker cannot prove any hidden cell is small
          expect(b.upper).toBeGreaterThan(b.lower);
        }
        for (const line of lines(p)) {
          const hidden = line.filter((c) => c.value === null).length;
          expect(hidden === 0 || hidden >= 2).toBe(true);
        }
        const truth = byKey(source);
        for (const cell of p.cells) {
          const t = truth.get(cell.key.join('/'));
          if (t && t.value! > 0 && t.value! < 5) expect(cell.value).toBeNull();
          if (t && cell.value !== null) expect(cell.value).toBe(t.value);
        }
      }),
      { numRuns: 150, seed: 602 },
    );
  });
});

describe('auditProtection (the attacker)', () => {
  it('recovers a cell hidden by primary suppression alone from the margins', () => {
    const audit = auditProtection(naive([[2, 10], [8, 12]], ['A1/B1']));
    expect(audit.ok).toBe(false);
    expect(audit.exposed[0]).toMatchObject({ key: ['A1', 'B1'], lower: 2, upper: 2, exact: true });
  });

  it('recovers a cell protected by a single complementary cell in its row', () => {
    const audit = auditProtection(naive([[2, 10, 7], [8, 12, 9]], ['A1/B1', 'A1/B2']));
    expect(audit.exposed.map((b) => b.key.join('/'))).toEqual(['A1/B1', 'A1/B2']);
  });

  it('proves a small count even when no equation pins it (1 + 1 hidden in a line of total 2)', () => {
    const audit = auditProtection(naive([[1, 1, 30], [20, 30, 40]], ['A1/B1', 'A1/B2', 'A2/B1', 'A2/B2']));
    expect(audit.exposed.some((b) => b.key.join('/') === 'A1/B1' && b.upper < 5)).toBe(true);
  });

  it('finds cells determined only by combining equations in three dimensions', () => {
    // Hide a 2×2×1 block in one layer: the layer's own lines give each row/column pair, but
    // with the layer total published and nothing else hidden the block is exactly recoverable.
    const source = cube(['a', 'b', 'c'], [
      [['A1', 'B1', 'C1'], 2], [['A1', 'B2', 'C1'], 9], [['A2', 'B1', 'C1'], 8], [['A2', 'B2', 'C1'], 3],
      [['A1', 'B1', 'C2'], 20], [['A1', 'B2', 'C2'], 30], [['A2', 'B1', 'C2'], 40], [['A2', 'B2', 'C2'], 50],
    ]);
    const all = protectCube(source, { threshold: 1 });
    const hide = new Set(['A1/B1/C1', 'A1/B2/C1', 'A2/B1/C1', 'A2/B2/C1']);
    const leaky: Cube = { ...all, protection: { threshold: 5 }, cells: all.cells.map((c) => (hide.has(c.key.join('/')) ? { key: c.key, value: null } : c)) };
    expect(auditProtection(leaky).exposed.length).toBe(4);
  });

  it('rejects a table whose published cells do not add up', () => {
    const broken = naive([[20, 10], [8, 12]], ['A1/B1']);
    const cells = broken.cells.map((c) => (c.key.join('/') === '_T/_T' ? { ...c, value: 3 } : c));
    expect(() => auditProtection({ ...broken, cells })).toThrow(expect.objectContaining({ code: 'STATISTICS.INCONSISTENT_TABLE' }));
  });
});

describe('publication rules (narrow filters and differencing)', () => {
  const base = cube(['sex', 'citizenship'], [
    [['F', 'ARM'], 40], [['M', 'ARM'], 55],
    [['F', 'IRN'], 8], [['M', 'IRN'], 2],
    [['F', 'RUS'], 31], [['M', 'RUS'], 27],
    [['F', 'USA'], 6], [['M', 'USA'], 12],
  ]);

  it('merges primary and secondary into one flag when published', () => {
    const published = toPublished(protectCube(base));
    expect(published.cells.some((c) => c.flag === 'primary' || c.flag === 'secondary')).toBe(false);
    expect(published.cells.filter((c) => c.value === null).every((c) => c.flag === 'suppressed')).toBe(true);
  });

  it('answers a narrow filter for a suppressed cell with the suppressed cell, never a recount', () => {
    const p = protectCube(base);
    const narrow = selectPublished(p, { sex: ['M'], citizenship: ['IRN'] });
    expect(narrow.cells).toEqual([{ key: ['M', 'IRN'], value: null, flag: 'suppressed' }]);
    expect(() => selectPublished(p, { citizenship: ['XXX'] })).toThrow(expect.objectContaining({ code: 'STATISTICS.UNKNOWN_CODE', kind: 'validation' }));
    expect(() => selectPublished(p, { age: ['Y0T4'] })).toThrow(expect.objectContaining({ code: 'STATISTICS.UNKNOWN_DIMENSION' }));
    expect(() => selectPublished(base, {})).toThrow(expect.objectContaining({ code: 'STATISTICS.NOT_PROTECTED' }));
  });

  it('differencing tables cut from one protected cube recovers nothing', () => {
    const p = protectCube(base);
    const releases = [
      sliceTable(p, ['citizenship']),
      selectPublished(p, { sex: ['F'] }),
      selectPublished(p, { sex: ['M'] }),
      sliceTable(p, ['sex']),
    ];
    const attack = auditProtection(combineReleases(base.dimensions, releases));
    expect(attack.cells.some((b) => b.key.join('/') === 'M/IRN')).toBe(true);
    expect(attack.ok).toBe(true);
  });

  it('differencing independently protected filtered tables does recover a cell (why the rule exists)', () => {
    // Each filtered table re-aggregated and protected on its own: "all sexes" and "women" publish
    // IRN, the "men" table suppresses it — the difference gives the men's count.
    const allSexes = protectCube(cube(['citizenship'], [[['ARM'], 95], [['IRN'], 10], [['RUS'], 58], [['USA'], 18]]));
    const women = protectCube(cube(['citizenship'], [[['ARM'], 40], [['IRN'], 8], [['RUS'], 31], [['USA'], 6]]));
    const men = protectCube(cube(['citizenship'], [[['ARM'], 55], [['IRN'], 2], [['RUS'], 27], [['USA'], 12]]));
    for (const t of [allSexes, women, men]) expect(auditProtection(toPublished(t)).ok).toBe(true); // each alone is fine
    const asSex = (c: Cube, sex: string): Cube => ({ ...c, dimensions: ['sex', 'citizenship'], cells: c.cells.map((x) => ({ ...x, key: [sex, ...x.key] })) });
    const attack = auditProtection(combineReleases(['sex', 'citizenship'], [asSex(allSexes, '_T'), asSex(women, 'F'), asSex(toPublished(men), 'M')]), { threshold: 5 });
    expect(attack.exposed.map((b) => [b.key.join('/'), b.lower, b.upper])).toContainEqual(['M/IRN', 2, 2]);
  });
});
