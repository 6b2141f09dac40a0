import { describe, expect, it } from 'vitest';
import { clockWentBack, conflictsOf, fixedMinimum } from './conflict-rule.ts';
import { backoffDelay } from './sync.ts';
import { isTransient } from './pusher.ts';

const use = (id: string, crossingPoint: string, minute: number, supersedes: string | null = null) => ({ id, crossingPoint, occurredAt: new Date(Date.UTC(2026, 0, 1, 10, minute)).toISOString(), supersedes });

describe('conflict rule', () => {
  it('flags another post inside the minimum interval, either side in time', () => {
    const pairs = conflictsOf(use('a', 'ZVARTNOTS', 30), [use('b', 'BAGRATASHEN', 5), use('c', 'BAGRATASHEN', 55), use('d', 'MEGHRI', 0)], fixedMinimum(30));
    expect(pairs.map((p) => [p.otherId, p.intervalMinutes])).toEqual([['b', 25], ['c', 25]]);
  });

  it('ignores the same post, the interval itself, and a correction with its original', () => {
    expect(conflictsOf(use('a', 'ZVARTNOTS', 30), [use('b', 'ZVARTNOTS', 31)], fixedMinimum(60))).toEqual([]);
    expect(conflictsOf(use('a', 'ZVARTNOTS', 0), [use('b', 'MEGHRI', 60)], fixedMinimum(60))).toEqual([]);
    expect(conflictsOf(use('a', 'ZVARTNOTS', 0, 'b'), [use('b', 'MEGHRI', 1)], fixedMinimum(60))).toEqual([]);
    expect(conflictsOf(use('a', 'ZVARTNOTS', 0), [use('b', 'MEGHRI', 1, 'a')], fixedMinimum(60))).toEqual([]);
  });

  it('takes the minimum per pair of posts', () => {
    const table = (a: string, b: string) => ([a, b].sort().join('|') === 'BAGRATASHEN|BAVRA' ? 120 : 30);
    expect(conflictsOf(use('a', 'BAVRA', 0), [use('b', 'BAGRATASHEN', 90), use('c', 'MEGHRI', 45)], table).map((p) => p.otherId)).toEqual(['b']);
  });
});

describe('clock and retries', () => {
  it('a clock behind the latest recorded instant went back; equal or later did not', () => {
    const t = new Date('2026-01-01T10:00:00Z');
    expect(clockWentBack(null, t)).toBe(false);
    expect(clockWentBack(t, new Date(t.getTime() - 1))).toBe(true);
    expect(clockWentBack(t, t)).toBe(false);
  });

  it('backs off by doubling with jitter up to the maximum, and returns to the interval after a success', () => {
    expect(backoffDelay(1000, 0, 60_000)).toBe(1000);
    expect(backoffDelay(1000, 3, 60_000, () => 0.5)).toBe(8000);
    expect(backoffDelay(1000, 30, 60_000, () => 1)).toBe(72_000);
    expect(backoffDelay(1000, 30, 60_000, () => 0)).toBe(48_000);
  });

  it('retries what says nothing about the record, parks what refuses it', () => {
    expect([500, 502, 401, 403, 408, 429].every((s) => isTransient(s, undefined))).toBe(true);
    expect(isTransient(409, 'BORDER.IDEMPOTENCY_IN_PROGRESS')).toBe(true);
    expect([400, 404].some((s) => isTransient(s, undefined))).toBe(false);
    expect(isTransient(409, 'BORDER.IDEMPOTENCY_CONFLICT')).toBe(false);
  });
});
