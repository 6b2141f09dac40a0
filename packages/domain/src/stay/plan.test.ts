import { describe, expect, it } from 'vitest';
import { planStay, type Movement, type StayRule } from './index.ts';

const SCHENGEN: StayRule = { kind: 'rolling', maxDays: 90, windowDays: 180 };
const trip = (entry: string, exit: string): Movement[] => [{ direction: 'entry', date: entry }, { direction: 'exit', date: exit }];

describe('planning mode (Reg. (EU) 610/2013 calculator "planning")', () => {
  // 90 days used Jan 1–Mar 30 2024.
  const full = trip('2024-01-01', '2024-03-30');

  it('refuses a trip while the window is still full', () => {
    const r = planStay({ rule: SCHENGEN, movements: full, entryDate: '2024-06-01', exitDate: '2024-06-05' });
    expect(r).toMatchObject({ lawful: false, firstExceededDay: '2024-06-01', latestLawfulExit: null, maxStayDays: 0, daysUsedOnEntry: 91 });
  });

  it('accepts a trip up to the latest lawful exit and flags the day after', () => {
    const ok = planStay({ rule: SCHENGEN, movements: full, entryDate: '2024-06-29', exitDate: '2024-09-26' });
    expect(ok).toMatchObject({ lawful: true, firstExceededDay: null, latestLawfulExit: '2024-09-26', maxStayDays: 90, daysUsedOnExit: 90 });
    const late = planStay({ rule: SCHENGEN, movements: full, entryDate: '2024-06-29', exitDate: '2024-10-10' });
    expect(late).toMatchObject({ lawful: false, firstExceededDay: '2024-09-27', latestLawfulExit: '2024-09-26' });
  });

  it('answers "how many days if I enter on D" without an exit date', () => {
    // 30 days in March; entering Apr 10 (doy 101): 31 on entry, +1 a day, Mar 1 leaves only on doy 241,
    // so the 91st day is doy 161 (Jun 9): 60 days, Apr 10..Jun 8.
    const r = planStay({ rule: SCHENGEN, movements: trip('2024-03-01', '2024-03-30'), entryDate: '2024-04-10' });
    expect(r).toMatchObject({ lawful: null, firstExceededDay: null, latestLawfulExit: '2024-06-08', maxStayDays: 60, daysUsedOnEntry: 31 });
  });

  it('works for calendar-year, per-stay and unlimited rules', () => {
    const cal = planStay({ rule: { kind: 'calendar-year', maxDays: 180 }, movements: trip('2023-01-01', '2023-06-28'), entryDate: '2023-12-01' });
    // 179 days in 2023 (Jan 1–Jun 28): Dec 1 is the 180th, Dec 2 the 181st; the count restarts in 2024 but the
    // trip has already been over since Dec 2.
    expect(cal).toMatchObject({ latestLawfulExit: '2023-12-01', maxStayDays: 1 });
    const visitor = planStay({ rule: { kind: 'per-stay', maxDays: 120 }, movements: [], entryDate: '2024-01-01', exitDate: '2024-04-29' });
    expect(visitor).toMatchObject({ lawful: true, latestLawfulExit: '2024-04-29', maxStayDays: 120 });
    const free = planStay({ rule: { kind: 'unlimited' }, movements: [], entryDate: '2024-01-01', exitDate: '2030-01-01' });
    expect(free).toMatchObject({ lawful: true, latestLawfulExit: null, maxStayDays: null });
  });

  it('warns when the history says the person is still inside or has later movements', () => {
    const r = planStay({
      rule: SCHENGEN,
      movements: [{ direction: 'entry', date: '2024-01-01' }, { direction: 'exit', date: '2024-08-01' }],
      entryDate: '2024-02-01',
    });
    expect(r.warnings.map((w) => w.code)).toEqual(['STAY.MOVEMENTS_AFTER_DATE', 'STAY.DOUBLE_ENTRY']);
    // Treated as inside since Jan 1: 32 days used on Feb 1, 90 reached on Mar 30.
    expect(r).toMatchObject({ daysUsedOnEntry: 32, latestLawfulExit: '2024-03-30', maxStayDays: 59 });
  });

  it('rejects an exit before the entry', () => {
    expect(() => planStay({ rule: SCHENGEN, movements: [], entryDate: '2024-02-01', exitDate: '2024-01-31' })).toThrow(
      expect.objectContaining({ code: 'STAY.INVALID_PERIOD' }),
    );
  });
});
