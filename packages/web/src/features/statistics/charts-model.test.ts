import { describe, expect, it } from 'vitest';
import { applyTrail, apiQuery, drill, emptyView, readView, toGrid, topSeries, viewQuery, type IndicatorInfo } from './model.ts';
import { finerGrain, grainOf, periodOf, periodRange, periodsBetween, parseDate } from './periods.ts';
import { buildPyramid, pyramidBars } from './pyramid.ts';
import { bands, linear, niceAxis, niceStep } from './scale.ts';

const FLOW: IndicatorInfo = { id: 'flows.entries.crossings', kind: 'flow', dimensions: ['crossingPoint', 'citizenship', 'sex', 'age5'], periods: ['day', 'week', 'month', 'quarter', 'year'] };
const STOCK: IndicatorInfo = { id: 'stocks.foreigners.present', kind: 'stock', dimensions: ['citizenship', 'sex', 'age5'], periods: ['day'] };
const AGES = [...Array.from({ length: 17 }, (_, i) => `Y${i * 5}T${i * 5 + 4}`), 'Y_GE85', '_U'];

describe('periods', () => {
  it('gives the days of every kind of period code', () => {
    expect(periodRange('2025')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(periodRange('2024-Q1')).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(periodRange('2024-Q4')).toEqual({ from: '2024-10-01', to: '2024-12-31' });
    expect(periodRange('2024-02')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodRange('2026-11-22')).toEqual({ from: '2026-11-22', to: '2026-11-22' });
    // ISO weeks: 2026-W01 starts on Monday 29 December 2025; 2020 has a week 53, 2021 has not.
    expect(periodRange('2026-W01')).toEqual({ from: '2025-12-29', to: '2026-01-04' });
    expect(periodRange('2026-W47')).toEqual({ from: '2026-11-16', to: '2026-11-22' });
    expect(periodRange('2020-W53')).toEqual({ from: '2020-12-28', to: '2021-01-03' });
    expect(periodRange('2021-W53')).toBeNull();
  });

  it('refuses codes that are not periods', () => {
    for (const bad of ['2025-13', '2025-02-30', '2025-Q5', 'F', '', '2025-W00']) expect(periodRange(bad), bad).toBeNull();
    expect(grainOf('Y0T4')).toBeNull();
    expect(parseDate('2025-02-29')).toBeNull();
  });

  it('lists the periods of a range, and each day lies in the period it is listed under', () => {
    expect(periodsBetween('2025-11-15', '2026-02-01', 'month')).toEqual(['2025-11', '2025-12', '2026-01', '2026-02']);
    expect(periodsBetween('2025-12-31', '2026-01-05', 'week')).toEqual(['2026-W01', '2026-W02']);
    expect(periodsBetween('2024-01-01', '2025-12-31', 'quarter')).toHaveLength(8);
    const start = parseDate('2023-01-01')!;
    for (let d = start; d < start + 800; d += 13) {
      for (const g of ['day', 'week', 'month', 'quarter', 'year'] as const) {
        const r = periodRange(periodOf(d, g))!;
        expect(parseDate(r.from)! <= d && d <= parseDate(r.to)!, `${g} ${d}`).toBe(true);
      }
    }
  });

  it('drills to the next finer grain, never below a day', () => {
    expect(['year', 'quarter', 'month', 'week', 'day'].map((g) => finerGrain(g as 'day'))).toEqual(['quarter', 'month', 'day', 'day', null]);
  });
});

describe('scales', () => {
  it('chooses round steps of 1, 2 or 5 × 10^k', () => {
    expect([0.3, 1, 1.5, 3, 7, 12, 45, 180, 999].map(niceStep)).toEqual([1, 1, 2, 5, 10, 20, 50, 200, 1000]);
  });

  it('builds an axis that includes zero and every value, with whole ticks', () => {
    const a = niceAxis(0, 87);
    expect(a.lo).toBe(0);
    expect(a.hi).toBeGreaterThanOrEqual(87);
    expect(a.ticks[0]).toBe(0);
    expect(a.ticks.at(-1)).toBe(a.hi);
    const b = niceAxis(-37, 12);
    expect(b.lo).toBeLessThanOrEqual(-37);
    expect(b.hi).toBeGreaterThanOrEqual(12);
    expect(b.ticks).toContain(0);
    expect(niceAxis(0, 0)).toEqual({ lo: 0, hi: 1, step: 1, ticks: [0, 1] });
    for (let max = 1; max < 5000; max = Math.ceil(max * 1.37)) {
      const x = niceAxis(0, max);
      expect(x.hi >= max && x.ticks.length >= 2 && x.ticks.length <= 12, String(max)).toBe(true);
    }
  });

  it('maps values linearly, also onto a reversed (upward) range', () => {
    const y = linear(0, 100, 200, 0);
    expect([y(0), y(50), y(100)]).toEqual([200, 100, 0]);
    const b = bands(4, 400, 0.2);
    expect(b.size).toBe(80);
    expect(b.start(0)).toBe(10);
    expect(b.start(3)).toBe(310);
  });
});

describe('dashboard view in the address', () => {
  it('round-trips a view and its drill trail through the route query', () => {
    const base = { ...emptyView('flows.exits.persons'), period: 'year' as const, from: '2024-01-01', to: '2025-12-31', by: 'sex', filters: { citizenship: ['RUS', 'IRN'] }, chart: 'bars' as const };
    const trail = [{ dim: 'period', code: '2025' }, { dim: 'sex', code: 'F' }];
    const back = readView(new URLSearchParams(viewQuery(base, trail)), 'x');
    expect(back.base).toEqual(base);
    expect(back.trail).toEqual(trail);
  });

  it('ignores malformed parts instead of sending them on', () => {
    const r = readView(new URLSearchParams('period=decade&drill=period:2025,bad,sex:<script>&f.sex='), 'flows.entries.crossings');
    expect(r.base.period).toBe('');
    expect(r.base.indicator).toBe('flows.entries.crossings');
    expect(r.base.filters).toEqual({});
    expect(r.trail).toEqual([{ dim: 'period', code: '2025' }]);
  });

  it('drills into a period (its days at the next grain) and then into a code (a filter; the breakdown is spent)', () => {
    const base = { ...emptyView(FLOW.id), period: 'year' as const, by: 'sex' };
    const v = applyTrail(base, [{ dim: 'period', code: '2025' }, { dim: 'period', code: '2025-Q2' }, { dim: 'sex', code: 'F' }], FLOW);
    expect(v).toMatchObject({ from: '2025-04-01', to: '2025-06-30', period: 'month', by: '', filters: { sex: ['F'] } });
    expect(apiQuery(v, FLOW)).toEqual({ from: '2025-04-01', to: '2025-06-30', period: 'month', sex: 'F' });
  });

  it('leaves the view alone for steps that do not fit it', () => {
    const base = { ...emptyView(STOCK.id), at: '2025-03-01', by: 'sex' };
    expect(drill(base, { dim: 'period', code: '2025' }, STOCK)).toBe(base);
    expect(drill(base, { dim: 'crossingPoint', code: 'ZVARTNOTS' }, STOCK)).toBe(base);
    expect(drill(base, { dim: 'period', code: 'nonsense' }, FLOW)).toBe(base);
  });

  it('asks stocks for a date and flows for a range, with only the dimensions the indicator has', () => {
    const v = { ...emptyView(STOCK.id), from: '2025-01-01', to: '2025-02-01', at: '2025-03-01', period: 'month' as const, filters: { sex: ['F'], purpose: ['work'] } };
    expect(apiQuery(v, STOCK)).toEqual({ at: '2025-03-01', sex: 'F' });
    expect(apiQuery(v, FLOW, 'age5,sex')).toEqual({ from: '2025-01-01', to: '2025-02-01', period: 'month', by: 'age5,sex', sex: 'F' });
  });
});

describe('grid of an answer', () => {
  const cells = [
    { key: ['2025-01', 'RUS'], value: 5 },
    { key: ['2025-01', 'IRN'], value: 9 },
    { key: ['2025-03', 'RUS'], value: 2 },
    { key: ['2025-03', 'GEO'], value: 1 },
  ];

  it('fills periods without figures with 0 and orders open lists by total', () => {
    const g = toGrid(cells, ['2025-01', '2025-02', '2025-03'], null);
    expect(g.periods).toEqual(['2025-01', '2025-02', '2025-03']);
    expect(g.codes).toEqual(['IRN', 'RUS', 'GEO']);
    expect(g.value('2025-02', 'RUS')).toBe(0);
    expect(g.totalByPeriod.get('2025-01')).toBe(14);
    expect(g.total).toBe(17);
  });

  it('keeps the order of a closed code list, and a total column without a breakdown', () => {
    expect(toGrid([{ key: ['2025', 'M'], value: 1 }, { key: ['2025', 'F'], value: 2 }], ['2025'], ['F', 'M', 'O', '_U']).codes).toEqual(['F', 'M']);
    const t = toGrid([{ key: ['2025'], value: 3 }], ['2025'], null);
    expect(t.codes).toEqual(['_T']);
    expect(t.value('2025', '_T')).toBe(3);
  });

  it('folds small series into "other" so that every period keeps its total', () => {
    const g = toGrid(cells, ['2025-01', '2025-02', '2025-03'], null);
    const s = topSeries(g, 2);
    expect(s.codes).toEqual(['IRN', '_O']);
    for (const p of g.periods) expect(s.codes.reduce((n, c) => n + s.value(p, c), 0)).toBe(g.totalByPeriod.get(p) ?? 0);
  });
});

describe('population pyramid', () => {
  const cells = [
    { key: ['2025-01', 'Y20T24', 'M'], value: 4 },
    { key: ['2025-02', 'Y20T24', 'M'], value: 6 },
    { key: ['2025-01', 'Y20T24', 'F'], value: 3 },
    { key: ['2025-01', 'Y0T4', 'F'], value: 1 },
    { key: ['2025-01', 'Y0T4', '_U'], value: 2 },
    { key: ['2025-01', '_U', 'F'], value: 7 },
  ];

  it('sums periods, puts the oldest group on top, and keeps other sexes and unknown ages aside', () => {
    const p = buildPyramid(cells, ['period', 'age5', 'sex'], AGES);
    expect(p.rows).toHaveLength(18);
    expect(p.rows[0]!.age).toBe('Y_GE85');
    expect(p.rows.at(-1)).toEqual({ age: 'Y0T4', male: 0, female: 1, other: 2 });
    expect(p.rows.find((r) => r.age === 'Y20T24')).toEqual({ age: 'Y20T24', male: 10, female: 3, other: 0 });
    expect(p.unknownAge).toEqual({ age: '_U', male: 0, female: 7, other: 0 });
    expect(p.maxSide).toBe(10);
    expect(p.total).toBe(23);
  });

  it('lays bars out from the central gutter, in proportion, on one scale for both sides', () => {
    const p = buildPyramid(cells, ['period', 'age5', 'sex'], AGES);
    const bars = pyramidBars(p, 420, 20, 60);
    const m = bars.find((b) => b.age === 'Y20T24' && b.side === 'male')!;
    const f = bars.find((b) => b.age === 'Y20T24' && b.side === 'female')!;
    expect(m.width).toBe(180); // the largest bar fills its half
    expect(m.x + m.width).toBe(180); // ends at the gutter
    expect(f.x).toBe(240); // starts after the gutter
    expect(f.width).toBeCloseTo(54);
    expect(bars.every((b) => b.x >= 0 && b.x + b.width <= 420 && b.y >= 0 && b.y + b.height <= 18 * 20)).toBe(true);
  });

  it('refuses cells without age and sex', () => {
    expect(() => buildPyramid(cells, ['period', 'sex'], AGES)).toThrow(/age5/);
  });
});
