import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FLOW_CUBOIDS, GRAINS, MIGRATION_CUBOIDS, STOCK_CUBOIDS, currentOf, firstBit, firstFlags, periodCodes, planFlowCuboid, planSumCuboid, randomHistory, travellerFacts, travellerKey, type Dimension, type FlowFact, type StatCrossing } from './index.ts';

const opts = { country: 'ARM', rule: '12-months' as const };

function factsOf(seed: number): Map<string, FlowFact[]> {
  const h = randomHistory(seed, { persons: 8, crossings: 80, corrections: 20 });
  const replaced = new Set(h.crossings.map((c) => c.supersedes));
  const groups = new Map<string, (StatCrossing & { superseded: boolean })[]>();
  for (const c of h.crossings) groups.set(travellerKey(c), [...(groups.get(travellerKey(c)) ?? []), { ...c, superseded: replaced.has(c.id) }]);
  return new Map([...groups].map(([k, rows]) => [k, travellerFacts(currentOf(rows), k.startsWith('p:') ? (h.persons.get(k.slice(2)) ?? null) : null, opts).flows]));
}

describe('first-in-cell flags', () => {
  it('summing a (cuboid, grain) bit counts each traveller once per cell', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 30 }), (seed) => {
        const all = factsOf(seed);
        for (const c of FLOW_CUBOIDS) {
          for (const g of GRAINS) {
            const distinct = new Map<string, Set<string>>();
            const flagged = new Map<string, number>();
            for (const [traveller, flows] of all) {
              const flags = firstFlags(flows);
              flows.forEach((f, i) => {
                const codes = f as unknown as Record<Dimension, string>;
                const cell = JSON.stringify([periodCodes(f.day)[g], f.outcome, f.direction, ...c.dims.map((d) => codes[d])]);
                distinct.set(cell, (distinct.get(cell) ?? new Set()).add(traveller));
                flagged.set(cell, (flagged.get(cell) ?? 0) + Number((flags[i]! >> BigInt(firstBit(c.id, g))) & 1n));
              });
            }
            for (const [cell, set] of distinct) expect(flagged.get(cell), `${c.name} ${g} ${cell}`).toBe(set.size);
          }
        }
      }),
      { numRuns: 8 },
    );
  });

  it('masks fit a signed 64-bit column and cuboid ids are distinct', () => {
    expect(Math.max(...FLOW_CUBOIDS.map((c) => firstBit(c.id, 'year')))).toBeLessThan(63);
    expect(new Set(FLOW_CUBOIDS.map((c) => c.id)).size).toBe(FLOW_CUBOIDS.length);
  });
});

describe('cuboid planner', () => {
  it('events and stocks add up across cells: the first cuboid holding the dimensions', () => {
    const sum = (catalogue: typeof STOCK_CUBOIDS, by: Dimension[], filters: Partial<Record<Dimension, string[]>> = {}) => planSumCuboid(catalogue, { by, filters }).name;
    expect(sum(STOCK_CUBOIDS, [], { stayStatus: ['IRREGULAR'] })).toBe('total');
    expect(sum(STOCK_CUBOIDS, ['citizenship'])).toBe('citizenship');
    expect(sum(STOCK_CUBOIDS, ['ageBroad'], { sex: ['F', 'M'] })).toBe('sex-age-broad');
    expect(sum(STOCK_CUBOIDS, ['age5'])).toBe('all');
    expect(sum(MIGRATION_CUBOIDS, ['ageBroad'], { citizenGroup: ['FOREIGNER', '_U'] })).toBe('citizen-group-sex-age-broad');
    expect(sum(MIGRATION_CUBOIDS, ['citizenship', 'sex'])).toBe('all');
  });

  const plan = (measure: 'crossings' | 'persons', by: Dimension[], filters: Partial<Record<Dimension, string[]>> = {}) => planFlowCuboid({ measure, by, filters })?.name ?? 'facts';

  it('takes the smallest cuboid holding every dimension asked or filtered', () => {
    expect(plan('crossings', [])).toBe('total');
    expect(plan('crossings', ['citizenGroup'])).toBe('citizen-group');
    expect(plan('crossings', ['ageBroad'], { citizenGroup: ['FOREIGNER', '_U'] })).toBe('citizen-group-sex-age-broad');
    expect(plan('crossings', ['transport'])).toBe('transport');
    expect(plan('crossings', ['direction', 'crossingPoint'])).toBe('crossing-point');
    expect(plan('crossings', ['citizenship', 'crossingPoint'])).toBe('facts');
  });

  it('for distinct travellers, only sums over codes a traveller cannot split', () => {
    // sex is the person's; the citizen group follows from the citizenship; the broad age group from age5.
    expect(plan('persons', ['ageBroad'])).toBe('sex-age-broad');
    expect(plan('persons', ['citizenship'])).toBe('citizenship');
    expect(plan('persons', ['age5'])).toBe('sex-age5');
    // Several citizen groups, several crossing points: a traveller may be in two of them.
    expect(plan('persons', ['ageBroad'], { citizenGroup: ['FOREIGNER', '_U'] })).toBe('facts');
    expect(plan('persons', ['citizenGroup'], { crossingPoint: ['BAGRATASHEN', 'BAVRA'] })).toBe('facts');
    expect(plan('persons', ['citizenGroup'], { crossingPoint: ['BAGRATASHEN'] })).toBe('citizen-group-crossing-point');
    expect(plan('persons', ['ageBroad'], { sex: ['F', 'M'] })).toBe('sex-age-broad');
    expect(plan('persons', ['transport'])).toBe('transport');
    expect(plan('persons', ['sex'])).toBe('sex');
    expect(plan('persons', ['purpose'], { citizenGroup: ['FOREIGNER'] })).toBe('facts');
    expect(plan('persons', ['crossingPoint', 'transport', 'purpose'])).toBe('crossing-point-transport-purpose');
  });
});
