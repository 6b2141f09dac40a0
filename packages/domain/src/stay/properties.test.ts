/**
 * Property tests (fast-check): the optimised engine against the day-by-day reference in
 * testing/brute-force.ts, and the invariants the issue asks for. Histories are random, dense around a
 * year boundary, and include anomalies (shuffled records, dropped entries or exits, duplicates).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkStay, formatDay, parseDay, planStay, type CoveredPeriod, type Movement, type StayRule } from './index.ts';
import { bruteCheck, brutePlan } from './testing/brute-force.ts';

const BASE = parseDay('2023-11-01') as number;
const at = (offset: number) => formatDay(BASE + offset);

/** Small limits so that windows fill up and overflow often; plus the real rules now and then. */
const ruleArb: fc.Arbitrary<StayRule> = fc.oneof(
  fc.integer({ min: 1, max: 40 }).chain((maxDays) => fc.integer({ min: maxDays + 1, max: 70 }).map((windowDays): StayRule => ({ kind: 'rolling', maxDays, windowDays }))),
  fc.integer({ min: 1, max: 60 }).map((maxDays): StayRule => ({ kind: 'calendar-year', maxDays })),
  fc.integer({ min: 1, max: 60 }).map((maxDays): StayRule => ({ kind: 'per-stay', maxDays })),
  fc.constantFrom<StayRule>({ kind: 'rolling', maxDays: 90, windowDays: 180 }, { kind: 'calendar-year', maxDays: 180 }, { kind: 'per-stay', maxDays: 120 }, { kind: 'unlimited' }),
);

/** Trips as (gap, length) pairs from BASE − 200, then anomalies on top. */
const movementsArb: fc.Arbitrary<Movement[]> = fc
  .record({
    trips: fc.array(fc.record({ gap: fc.integer({ min: 0, max: 60 }), len: fc.integer({ min: 0, max: 45 }) }), { maxLength: 8 }),
    openLast: fc.boolean(),
    drop: fc.option(fc.nat(), { nil: undefined }),
    duplicate: fc.option(fc.nat(), { nil: undefined }),
    shuffle: fc.boolean(),
  })
  .map(({ trips, openLast, drop, duplicate, shuffle }) => {
    const out: Movement[] = [];
    let d = -200;
    trips.forEach((t, i) => {
      d += t.gap;
      out.push({ direction: 'entry', date: at(d) });
      d += t.len;
      if (!(openLast && i === trips.length - 1)) out.push({ direction: 'exit', date: at(d) });
      d += 1;
    });
    if (drop !== undefined && out.length > 0) out.splice(drop % out.length, 1);
    if (duplicate !== undefined && out.length > 0) out.push(out[duplicate % out.length] as Movement);
    if (shuffle) out.reverse();
    return out;
  });

const coveredArb: fc.Arbitrary<CoveredPeriod[]> = fc.array(
  fc.record({ from: fc.integer({ min: -220, max: 500 }), len: fc.integer({ min: 0, max: 90 }) }).map(({ from, len }) => ({ from: at(from), to: at(from + len) })),
  { maxLength: 3 },
);

const controlArb = fc.integer({ min: -150, max: 450 }).map(at);

const runs = { numRuns: Number(process.env.STAY_PROPERTY_RUNS ?? 400) };

describe('engine = day-by-day reference', () => {
  it('control mode: daysUsed, daysRemaining, overstayDays, lastLawfulDay, present', () => {
    fc.assert(
      fc.property(ruleArb, movementsArb, coveredArb, controlArb, (rule, movements, covered, controlDate) => {
        const input = { rule, movements, covered, controlDate };
        const fast = checkStay(input);
        const slow = bruteCheck(input);
        expect({
          present: fast.present,
          daysUsed: fast.daysUsed,
          daysRemaining: fast.daysRemaining,
          overstayDays: fast.overstayDays,
          lastLawfulDay: fast.lastLawfulDay,
        }).toEqual(slow);
      }),
      runs,
    );
  });

  it('planning mode: lawful, firstExceededDay, latestLawfulExit, maxStayDays', () => {
    fc.assert(
      fc.property(ruleArb, movementsArb, coveredArb, controlArb, fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }), (rule, movements, covered, entryDate, length) => {
        const exitDate = length === undefined ? undefined : formatDay((parseDay(entryDate) as number) + length);
        const input = { rule, movements, covered, entryDate, ...(exitDate ? { exitDate } : {}) };
        const fast = planStay(input);
        expect({ lawful: fast.lawful, firstExceededDay: fast.firstExceededDay, latestLawfulExit: fast.latestLawfulExit, maxStayDays: fast.maxStayDays }).toEqual(
          brutePlan(input),
        );
      }),
      runs,
    );
  });
});

describe('invariants', () => {
  it('daysUsed + daysRemaining = maxDays when not overstaying', () => {
    fc.assert(
      fc.property(ruleArb, movementsArb, coveredArb, controlArb, (rule, movements, covered, controlDate) => {
        const r = checkStay({ rule, movements, covered, controlDate });
        if (rule.kind === 'unlimited') expect(r.daysRemaining).toBeNull();
        else if (r.overstayDays === 0) expect(r.daysUsed + (r.daysRemaining as number)).toBe(rule.maxDays);
        else expect(r.daysUsed - r.overstayDays).toBe(rule.maxDays);
      }),
      runs,
    );
  });

  it('adding a covered period never increases daysUsed (nor overstay, nor brings the last lawful day earlier)', () => {
    fc.assert(
      fc.property(ruleArb, movementsArb, coveredArb, coveredArb, controlArb, (rule, movements, covered, extra, controlDate) => {
        const before = checkStay({ rule, movements, covered, controlDate });
        const after = checkStay({ rule, movements, covered: [...covered, ...extra], controlDate });
        expect(after.daysUsed).toBeLessThanOrEqual(before.daysUsed);
        expect(after.overstayDays).toBeLessThanOrEqual(before.overstayDays);
        if (before.lastLawfulDay !== null && after.lastLawfulDay !== null) expect(after.lastLawfulDay >= before.lastLawfulDay).toBe(true);
      }),
      runs,
    );
  });

  it('a present person overstays exactly when the last lawful day is before the control date', () => {
    fc.assert(
      fc.property(ruleArb, movementsArb, coveredArb, controlArb, (rule, movements, covered, controlDate) => {
        const r = checkStay({ rule, movements, covered, controlDate });
        if (r.present && r.lastLawfulDay !== null) expect(r.lastLawfulDay < controlDate).toBe(r.overstayDays > 0);
      }),
      runs,
    );
  });

  it('input order does not matter', () => {
    fc.assert(
      fc.property(ruleArb, movementsArb, coveredArb, controlArb, (rule, movements, covered, controlDate) => {
        const sorted = [...movements].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
        const { warnings: _a, ...x } = checkStay({ rule, movements, covered, controlDate });
        const { warnings: _b, ...y } = checkStay({ rule, movements: sorted, covered: [...covered].reverse(), controlDate });
        expect(x).toEqual(y);
      }),
      runs,
    );
  });
});
