import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDay } from '../stay/dates.ts';
import {
  age5Code,
  ageOn,
  catalogue,
  currentOf,
  imputedBirthDay,
  INDICATORS,
  parseStatQuery,
  periodCode,
  periodCodes,
  periodCount,
  periodsBetween,
  recount,
  residenceEvents,
  presenceSpells,
  travellerKey,
  travellerFacts,
  type CubeCell,
  type StatCrossing,
  type StatQuery,
  type TravellerFacts,
} from './index.ts';
import { randomHistory } from './testing.ts';

const day = (s: string) => parseDay(s)!;

describe('codes and periods', () => {
  it('period codes follow ISO 8601 weeks and calendar quarters', () => {
    expect(periodCodes('2026-11-22')).toEqual({ day: '2026-11-22', week: '2026-W47', month: '2026-11', quarter: '2026-Q4', year: '2026' });
    expect(periodCode(day('2021-01-03'), 'week')).toBe('2020-W53');
    expect(periodCode(day('2024-12-30'), 'week')).toBe('2025-W01');
    expect(periodsBetween(day('2026-01-01'), day('2026-12-31'), 'quarter')).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
  });

  it('periodCount agrees with listing the periods', () => {
    fc.assert(
      fc.property(fc.integer({ min: 18000, max: 21000 }), fc.integer({ min: 0, max: 900 }), fc.constantFrom('day', 'week', 'month', 'quarter', 'year' as const), (a, len, g) => {
        expect(periodCount(a, a + len, g)).toBe(periodsBetween(a, a + len, g).length);
      }),
    );
  });

  it('ages: completed years, partial birth dates imputed to 1 July / the 1st of the month', () => {
    expect(ageOn(imputedBirthDay('1990'), day('2020-06-30'))).toBe(29);
    expect(ageOn(imputedBirthDay('1990'), day('2020-07-01'))).toBe(30);
    expect(ageOn(imputedBirthDay('1990-05'), day('2020-05-01'))).toBe(30);
    expect(age5Code(84)).toBe('Y80T84');
    expect(age5Code(85)).toBe('Y_GE85');
    expect(age5Code(null)).toBe('_U');
  });
});

describe('usual residence', () => {
  const move = (d: string, direction: 'entry' | 'exit'): StatCrossing => ({
    id: d + direction, occurredAt: `${d}T10:00:00.000Z`, localDate: d, direction, crossingPoint: 'EVN', decision: 'admit', personId: 'p', documentKey: 'D', nationality: 'RUS', transport: null, purpose: null, supersedes: null, lastLawfulDay: null,
  });
  it('12 months: a year present makes an immigrant (dated at arrival), a year away an emigrant', () => {
    const spells = presenceSpells([move('2024-01-10', 'entry'), move('2025-03-01', 'exit')]);
    expect(residenceEvents(spells, day('2024-01-10'), '12-months')).toEqual([
      { kind: 'IMMIGRATION', day: day('2024-01-10'), confirmedOn: day('2024-01-10') + 364 },
      { kind: 'EMIGRATION', day: day('2025-03-01'), confirmedOn: day('2025-03-01') + 364 },
    ]);
    const short = presenceSpells([move('2024-01-10', 'entry'), move('2024-12-01', 'exit')]);
    expect(residenceEvents(short, day('2024-01-10'), '12-months')).toEqual([]);
  });
  it('6 of 12 months: 183 days in the last 365 make a resident', () => {
    const spells = presenceSpells([move('2024-01-01', 'entry'), move('2024-08-01', 'exit')]);
    const ev = residenceEvents(spells, day('2024-01-01'), '6-of-12-months');
    expect(ev[0]).toEqual({ kind: 'IMMIGRATION', day: day('2024-01-01'), confirmedOn: day('2024-01-01') + 182 });
    expect(ev[1]?.kind).toBe('EMIGRATION');
    expect(ev[1]?.day).toBe(day('2024-08-01'));
  });
});

describe('queries', () => {
  it('rejects unknown indicators, dimensions and codes, reversed and huge ranges, naming the field', () => {
    const bad = (id: string, raw: Record<string, string>) => {
      const r = parseStatQuery(id, raw, '2026-11-22');
      return r.ok ? [] : r.issues.map((i) => `${i.field}:${i.code}`);
    };
    expect(bad('nope', {})).toEqual(['params.id:STATISTICS.UNKNOWN_INDICATOR']);
    expect(bad('flows.entries.crossings', { by: 'colour' })).toEqual(['query.by.0:STATISTICS.UNKNOWN_DIMENSION']);
    expect(bad('flows.entries.crossings', { by: 'stayStatus' })).toEqual(['query.by.0:STATISTICS.DIMENSION_NOT_AVAILABLE']);
    expect(bad('flows.entries.crossings', { sex: 'Q' })).toEqual(['query.sex:STATISTICS.UNKNOWN_CODE']);
    expect(bad('flows.entries.crossings', { from: '2026-02-01', to: '2026-01-01' })).toEqual(['query.from:STATISTICS.FROM_AFTER_TO']);
    expect(bad('flows.entries.crossings', { from: '2020-01-01', to: '2026-01-01', period: 'day' })).toEqual(['query.period:STATISTICS.TOO_MANY_PERIODS']);
    expect(bad('flows.entries.crossings', { from: '2026-02-30' })).toEqual(['query.from:STATISTICS.INVALID_DATE']);
    expect(bad('stocks.irregular', { stayStatus: 'REGULAR' })).toEqual(['query.stayStatus:STATISTICS.IMPOSSIBLE_FILTER']);
    expect(bad('stocks.irregular', { from: '2026-01-01' })).toEqual(['query.from:STATISTICS.STOCK_HAS_DATE']);
  });
  it('widens the range to whole periods', () => {
    const r = parseStatQuery('flows.entries.crossings', { from: '2026-02-10', to: '2026-05-03', period: 'quarter' }, '2026-11-22');
    expect(r.ok && [r.query.from, r.query.to]).toEqual(['2026-01-01', '2026-06-30']);
  });
  it('the catalogue covers every indicator × dimension once', () => {
    const c = catalogue();
    expect(c.coverage.length).toBe(c.indicators.length * c.dimensions.length);
    expect(c.coverage.find((r) => r.indicator === 'stocks.irregular' && r.dimension === 'crossingPoint')).toMatchObject({ available: false });
  });
});

/** The engine's own sums over derived facts, in memory (what the server does in SQL). */
function fromFacts(all: Map<string, TravellerFacts>, q: StatQuery): CubeCell[] {
  const out = new Map<string, number>();
  const add = (period: string, codes: Record<string, string>, v: number) => {
    if (!Object.entries(q.filters).every(([d, list]) => list!.includes(codes[d]!))) return;
    const k = JSON.stringify([period, ...q.by.map((d) => codes[d]!)]);
    out.set(k, (out.get(k) ?? 0) + v);
  };
  const ind = q.indicator;
  for (const [traveller, f] of all) {
    if (ind.kind === 'flow' || ind.kind === 'refusal') {
      const seen = new Set<string>();
      for (const x of f.flows) {
        if (x.outcome !== (ind.kind === 'refusal' ? 'refuse' : 'admit') || x.day < q.from || x.day > q.to) continue;
        const sign = ind.select === 'EXIT' ? (x.direction === 'EXIT' ? 1 : 0) : ind.select === 'ENTRY' ? (x.direction === 'ENTRY' ? 1 : 0) : ind.select === 'BALANCE' ? (x.direction === 'ENTRY' ? 1 : -1) : 1;
        if (sign === 0) continue;
        const period = periodCode(day(x.day), q.grain);
        const codes = x as unknown as Record<string, string>;
        if (ind.measure === 'persons') {
          const k = JSON.stringify([traveller, x.direction, period, ...q.by.map((d) => codes[d])]);
          if (!Object.entries(q.filters).every(([d, list]) => list!.includes(codes[d]!)) || seen.has(k)) continue;
          seen.add(k);
        }
        add(period, codes, sign);
      }
    } else if (ind.kind === 'stock') {
      for (const s of f.stock) if (s.from <= q.at && (s.to === null || s.to > q.at)) add(q.at, s as unknown as Record<string, string>, 1);
    } else {
      for (const e of f.migration) {
        if (e.day < q.from || e.day > q.to || e.confirmedOn > q.at) continue;
        const sign = ind.select === 'NET' ? (e.kind === 'IMMIGRATION' ? 1 : -1) : e.kind === ind.select ? 1 : 0;
        if (sign) add(periodCode(day(e.day), q.grain), e as unknown as Record<string, string>, sign);
      }
    }
  }
  const cells = [...out.entries()].map(([k, value]) => ({ key: JSON.parse(k) as string[], value }));
  return cells.filter((c) => c.value !== 0 || ind.select === 'BALANCE' || ind.select === 'NET').sort((a, b) => (JSON.stringify(a.key) < JSON.stringify(b.key) ? -1 : 1));
}

const sortCells = (cells: CubeCell[]) => [...cells].sort((a, b) => (JSON.stringify(a.key) < JSON.stringify(b.key) ? -1 : 1));

describe('property: derived facts sum to the brute-force recount', () => {
  it.each(['12-months', '6-of-12-months'] as const)('every indicator, several breakdowns and filters (%s)', (rule) => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), (seed) => {
        const h = randomHistory(seed, { persons: 12, crossings: 90, corrections: 25 });
        const data = { crossings: h.crossings, persons: h.persons, country: 'ARM', rule };
        const replaced = new Set(h.crossings.map((c) => c.supersedes));
        const groups = new Map<string, (StatCrossing & { superseded: boolean })[]>();
        for (const c of h.crossings) groups.set(travellerKey(c), [...(groups.get(travellerKey(c)) ?? []), { ...c, superseded: replaced.has(c.id) }]);
        const facts = new Map([...groups].map(([k, rows]) => [k, travellerFacts(currentOf(rows), k.startsWith('p:') ? (h.persons.get(k.slice(2)) ?? null) : null, { country: 'ARM', rule })]));
        const asks = [{}, { by: 'sex,age5' }, { by: 'citizenship', citizenGroup: 'FOREIGNER' }, { by: 'ageBroad', period: 'year' }, { by: 'crossingPoint,transport', period: 'week' }, { purpose: 'work,_U', by: 'citizenGroup' }];
        for (const ind of INDICATORS) {
          for (const ask of asks) {
            const raw: Record<string, string> = ind.kind === 'stock' ? { at: '2025-03-15' } : { from: '2024-01-01', to: '2026-06-30', at: '2026-06-30', period: 'quarter' };
            for (const [k, v] of Object.entries(ask as Record<string, string>)) if (k === 'period' ? ind.kind !== 'stock' : k === 'by' ? v.split(',').every((d) => ind.dimensions.includes(d as never)) : ind.dimensions.includes(k as never)) raw[k] = v;
            const parsed = parseStatQuery(ind.id, raw, '2026-06-30');
            if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
            expect(sortCells(fromFacts(facts, parsed.query)), `${ind.id} ${JSON.stringify(raw)}`).toEqual(sortCells(recount(data, parsed.query)));
          }
        }
      }),
      { numRuns: 10 },
    );
  });
});
