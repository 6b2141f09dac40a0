import { describe, expect, it } from 'vitest';
import { dateProblem, formatDay, parseDay, parseStayCheckInput, parseStayPlanInput, parseStayRule } from './index.ts';

describe('dates', () => {
  it('accepts real calendar dates only, in YYYY-MM-DD', () => {
    expect(parseDay('2024-02-29')).not.toBeNull();
    for (const bad of ['2023-02-29', '2024-13-01', '2024-04-31', '2024-1-1', '2024-01-01T00:00:00Z', '0000-01-01', ' 2024-01-01']) {
      expect(parseDay(bad), bad).toBeNull();
    }
    expect(dateProblem('2023-02-29')).toMatch(/not a calendar date/);
  });

  it('round-trips day numbers across centuries and leap rules', () => {
    for (const s of ['1970-01-01', '1900-02-28', '1900-03-01', '2000-02-29', '2100-03-01', '0001-01-01', '9999-12-31']) {
      expect(formatDay(parseDay(s) as number)).toBe(s);
    }
    expect((parseDay('2024-03-01') as number) - (parseDay('2024-02-28') as number)).toBe(2);
  });
});

describe('rule validation (zod)', () => {
  it('accepts the four kinds', () => {
    for (const rule of [
      { kind: 'calendar-year', maxDays: 180 },
      { kind: 'rolling', maxDays: 90, windowDays: 180 },
      { kind: 'per-stay', maxDays: 120 },
      { kind: 'unlimited' },
    ]) {
      expect(parseStayRule(rule).ok, JSON.stringify(rule)).toBe(true);
    }
  });

  it('names the offending field', () => {
    const issue = (raw: unknown) => {
      const r = parseStayRule(raw);
      return r.ok ? null : { field: r.issue.field, code: r.issue.code };
    };
    expect(issue({ kind: 'yearly', maxDays: 1 })).toEqual({ field: 'rule.kind', code: 'STAY.INVALID_RULE' });
    expect(issue({ kind: 'rolling', maxDays: 90 })).toEqual({ field: 'rule.windowDays', code: 'STAY.INVALID_RULE' });
    expect(issue({ kind: 'rolling', maxDays: 180, windowDays: 180 })).toEqual({ field: 'rule.maxDays', code: 'STAY.INVALID_RULE' });
    expect(issue({ kind: 'calendar-year', maxDays: 366 })).toEqual({ field: 'rule.maxDays', code: 'STAY.INVALID_RULE' });
    expect(issue({ kind: 'per-stay', maxDays: 1.5 })).toEqual({ field: 'rule.maxDays', code: 'STAY.INVALID_RULE' });
    expect(issue({ kind: 'rolling', maxDays: 90, windowdays: 180 })?.field).toMatch(/^rule\.window[dD]ays$/);
    expect(issue({ kind: 'unlimited', maxDays: 3 })).toEqual({ field: 'rule.maxDays', code: 'STAY.INVALID_RULE' });
    expect(issue('180/year')).toEqual({ field: 'rule', code: 'STAY.INVALID_RULE' });
  });
});

describe('check and plan input validation', () => {
  const base = { rule: { kind: 'rolling', maxDays: 90, windowDays: 180 }, movements: [], controlDate: '2024-01-01' };
  const issue = (raw: unknown) => {
    const r = parseStayCheckInput(raw);
    return r.ok ? null : { field: r.issue.field, code: r.issue.code };
  };

  it('accepts a valid line and ignores extra keys outside the rule', () => {
    expect(parseStayCheckInput({ ...base, personId: 'x', covered: [{ from: '2024-01-01', to: '2024-01-02' }] }).ok).toBe(true);
  });

  it('reports dates, directions, periods and types with their paths', () => {
    expect(issue({ ...base, controlDate: '2023-02-29' })).toEqual({ field: 'controlDate', code: 'STAY.INVALID_DATE' });
    expect(issue({ ...base, movements: [{ direction: 'entry', date: '2024-01-01' }, { direction: 'in', date: '2024-01-02' }] })).toEqual({
      field: 'movements.1.direction',
      code: 'STAY.INVALID_DIRECTION',
    });
    expect(issue({ ...base, movements: [{ direction: 'exit', date: '2024-02-30' }] })).toEqual({ field: 'movements.0.date', code: 'STAY.INVALID_DATE' });
    expect(issue({ ...base, covered: [{ from: '2024-02-01', to: '2024-01-01' }] })).toEqual({ field: 'covered.0.to', code: 'STAY.INVALID_PERIOD' });
    expect(issue({ ...base, movements: 'none' })).toEqual({ field: 'movements', code: 'STAY.INVALID_INPUT' });
    expect(issue({ ...base, controlDate: undefined })).toEqual({ field: 'controlDate', code: 'STAY.INVALID_DATE' });
    expect(issue({ ...base, rule: { kind: 'rolling', maxDays: 0, windowDays: 180 } })).toEqual({ field: 'rule.maxDays', code: 'STAY.INVALID_RULE' });
    expect(issue([1])).toEqual({ field: 'line', code: 'STAY.INVALID_INPUT' });
  });

  it('checks the plan dates', () => {
    const plan = { rule: { kind: 'unlimited' }, movements: [], entryDate: '2024-02-01' };
    expect(parseStayPlanInput(plan).ok).toBe(true);
    const r = parseStayPlanInput({ ...plan, exitDate: '2024-01-01' });
    expect(r.ok ? null : r.issue).toMatchObject({ field: 'exitDate', code: 'STAY.INVALID_PERIOD' });
  });
});
