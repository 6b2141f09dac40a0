/**
 * Hand-checked control-mode examples. Day-of-year arithmetic is written next to each expectation so a
 * reader can re-check it; 2024 is a leap year (doy: Jan 31, Feb 60, Mar 91, Apr 121, May 152, Jun 182,
 * Jul 213, Aug 244, Sep 274, Oct 305, Nov 335).
 */
import { describe, expect, it } from 'vitest';
import { checkStay, irregularStay, type Movement, type StayRule } from './index.ts';

const SCHENGEN: StayRule = { kind: 'rolling', maxDays: 90, windowDays: 180 };
const ARMENIA_CALENDAR: StayRule = { kind: 'calendar-year', maxDays: 180 };
const VISITOR: StayRule = { kind: 'per-stay', maxDays: 120 };

const trip = (entry: string, exit?: string): Movement[] =>
  exit === undefined ? [{ direction: 'entry', date: entry }] : [{ direction: 'entry', date: entry }, { direction: 'exit', date: exit }];

describe('rolling 90/180 (Reg. (EU) 610/2013, Schengen calculator style)', () => {
  it('counts several trips with entry and exit days inclusive', () => {
    // 10 (Jan 1–10) + 29 (Feb 1–29) + 50 (Apr 1–May 20) = 89; window 2023-11-23..2024-05-20.
    const movements = [...trip('2024-01-01', '2024-01-10'), ...trip('2024-02-01', '2024-02-29'), ...trip('2024-04-01', '2024-05-20')];
    const r = checkStay({ rule: SCHENGEN, movements, controlDate: '2024-05-20' });
    expect(r).toMatchObject({ present: false, daysUsed: 89, daysRemaining: 1, overstayDays: 0, lastLawfulDay: null });
    expect(r.window).toEqual({ from: '2023-11-23', to: '2024-05-20' });
    expect(r.currentStay).toEqual({ entry: '2024-04-01', exit: '2024-05-20' });
  });

  it('gives the last lawful day of a person still inside', () => {
    // Same trips but still inside on May 20: May 21 makes 90; Jan 1 leaves the window only on Jun 29.
    const movements = [...trip('2024-01-01', '2024-01-10'), ...trip('2024-02-01', '2024-02-29'), ...trip('2024-04-01')];
    const r = checkStay({ rule: SCHENGEN, movements, controlDate: '2024-05-20' });
    expect(r).toMatchObject({ present: true, daysUsed: 89, daysRemaining: 1, lastLawfulDay: '2024-05-21' });
  });

  it('counts a same-day entry and exit as one day', () => {
    const r = checkStay({ rule: SCHENGEN, movements: trip('2024-03-05', '2024-03-05'), controlDate: '2024-03-05' });
    expect(r).toMatchObject({ daysUsed: 1, present: false });
  });

  it('frees capacity as old days leave the window (no approximation)', () => {
    // 90 days Jan 1–Mar 30; re-entry Jun 29 (doy 181): window Jan 2..Jun 29 holds 89 + 1 = 90.
    // Each later day adds one and drops one until Mar 30 (doy 90) leaves on doy 270 = Sep 26; then the
    // trip alone holds 90 (doy 181..270), and Sep 27 would be the 91st.
    const movements = [...trip('2024-01-01', '2024-03-30'), ...trip('2024-06-29')];
    const r = checkStay({ rule: SCHENGEN, movements, controlDate: '2024-06-29' });
    expect(r).toMatchObject({ present: true, daysUsed: 90, daysRemaining: 0, overstayDays: 0, lastLawfulDay: '2024-09-26' });
  });

  it('reports an overstay and the last day that was still lawful', () => {
    // Re-entry Jun 1 (doy 153): window 2023-12-05..Jun 1 holds 90 + 1 = 91: over from the first day.
    const movements = [...trip('2024-01-01', '2024-03-30'), ...trip('2024-06-01')];
    const r = checkStay({ rule: SCHENGEN, movements, controlDate: '2024-06-10' });
    expect(r).toMatchObject({ present: true, daysUsed: 100, overstayDays: 10, daysRemaining: 0, lastLawfulDay: '2024-05-31' });
    expect(irregularStay({ rule: SCHENGEN, movements, controlDate: '2024-06-10' })).toMatchObject({
      irregular: true,
      overstayDays: 10,
      since: '2024-06-01',
      reason: { code: 'STAY.OVERSTAY_ROLLING', params: { maxDays: 90, windowDays: 180, daysUsed: 100, overstayDays: 10 } },
    });
  });

  it('excludes a residence period in the middle of a stay', () => {
    // Inside since Jan 1, residence Feb 1–Mar 31: counted Jan (31) + Apr (30) = 61 on Apr 30.
    // Forward: +1 a day, nothing leaves before Jun 29, so day 91 is doy 151 (May 30): last lawful May 29.
    const covered = [{ from: '2024-02-01', to: '2024-03-31' }];
    const r = checkStay({ rule: SCHENGEN, movements: trip('2024-01-01'), covered, controlDate: '2024-04-30' });
    expect(r).toMatchObject({ daysUsed: 61, daysRemaining: 29, overstayDays: 0, lastLawfulDay: '2024-05-29' });
    const without = checkStay({ rule: SCHENGEN, movements: trip('2024-01-01'), controlDate: '2024-04-30' });
    expect(without).toMatchObject({ daysUsed: 121, overstayDays: 31, lastLawfulDay: '2024-03-30' });
  });

  it('lets a future residence period extend the last lawful day', () => {
    // 80 days used on Mar 20 (Jan 1..Mar 20); residence from Mar 25 to Dec 31: Mar 21–24 make 84; the
    // year is covered; from 2025-01-01 Jan–Mar 2024 are long out of the window, so 90 days more.
    const covered = [{ from: '2024-03-25', to: '2024-12-31' }];
    const r = checkStay({ rule: SCHENGEN, movements: trip('2024-01-01'), covered, controlDate: '2024-03-20' });
    expect(r).toMatchObject({ daysUsed: 80, lastLawfulDay: '2025-03-31' });
  });
});

describe('calendar year 180 (Law on Foreigners art. 7(1), calendar reading)', () => {
  it('counts only days in the control date’s year', () => {
    // 90 days Jan 1–Mar 31 2023 + entry Aug 1: 91 on Aug 1; 180 reached on Oct 29.
    const movements = [...trip('2023-01-01', '2023-03-31'), ...trip('2023-08-01')];
    const r = checkStay({ rule: ARMENIA_CALENDAR, movements, controlDate: '2023-08-01' });
    expect(r).toMatchObject({ daysUsed: 91, daysRemaining: 89, lastLawfulDay: '2023-10-29' });
    expect(r.window).toEqual({ from: '2023-01-01', to: '2023-08-01' });
  });

  it('restarts the count on 1 January, so the last lawful day can fall in the next year', () => {
    // Inside since 2023-10-01: 92 days in 2023, never 181; in 2024 the 181st day is Jun 29.
    const r = checkStay({ rule: ARMENIA_CALENDAR, movements: trip('2023-10-01'), controlDate: '2023-12-31' });
    expect(r).toMatchObject({ daysUsed: 92, daysRemaining: 88, lastLawfulDay: '2024-06-28' });
  });

  it('an overstay in December does not carry into January', () => {
    // 150 days Jan 1–May 30 2023, inside again since Nov 1: 180 on Nov 30, 211 on Dec 31.
    const movements = [...trip('2023-01-01', '2023-05-30'), ...trip('2023-11-01')];
    const dec = checkStay({ rule: ARMENIA_CALENDAR, movements, controlDate: '2023-12-31' });
    expect(dec).toMatchObject({ daysUsed: 211, overstayDays: 31, lastLawfulDay: '2023-11-30' });
    const jan = checkStay({ rule: ARMENIA_CALENDAR, movements, controlDate: '2024-01-05' });
    expect(jan).toMatchObject({ daysUsed: 5, daysRemaining: 175, overstayDays: 0, lastLawfulDay: '2024-06-28' });
    expect(irregularStay({ rule: ARMENIA_CALENDAR, movements, controlDate: '2023-12-31' }).reason.code).toBe('STAY.OVERSTAY_CALENDAR_YEAR');
  });
});

describe('per stay 120 (visitor visa)', () => {
  it('counts the current continuous stay only', () => {
    // A long 2023 stay does not matter; Jan 1 + 119 days = Apr 29 (doy 120).
    const movements = [...trip('2023-03-01', '2023-09-30'), ...trip('2024-01-01')];
    const r = checkStay({ rule: VISITOR, movements, controlDate: '2024-03-01' });
    expect(r).toMatchObject({ daysUsed: 61, daysRemaining: 59, lastLawfulDay: '2024-04-29' });
    const late = irregularStay({ rule: VISITOR, movements, controlDate: '2024-05-01' });
    expect(late).toMatchObject({ irregular: true, overstayDays: 2, since: '2024-04-30', reason: { code: 'STAY.OVERSTAY_PER_STAY' } });
  });

  it('uses 0 days when not in a stay on the control date', () => {
    const r = checkStay({ rule: VISITOR, movements: trip('2024-01-01', '2024-01-31'), controlDate: '2024-02-01' });
    expect(r).toMatchObject({ present: false, daysUsed: 0, daysRemaining: 120, lastLawfulDay: null, currentStay: null });
    expect(irregularStay({ rule: VISITOR, movements: [], controlDate: '2024-02-01' }).reason.code).toBe('STAY.NOT_PRESENT');
  });
});

describe('unlimited', () => {
  it('has no remaining days, no overstay and no last lawful day', () => {
    const r = checkStay({ rule: { kind: 'unlimited' }, movements: trip('2020-01-01'), controlDate: '2024-01-01' });
    expect(r).toMatchObject({ present: true, daysRemaining: null, overstayDays: 0, lastLawfulDay: null, window: null });
    expect(r.daysUsed).toBe(1462);
    expect(irregularStay({ rule: { kind: 'unlimited' }, movements: [], controlDate: '2024-01-01' }).reason.code).toBe('STAY.NO_LIMIT');
  });
});

describe('input the types cannot exclude', () => {
  it('rejects impossible dates with the field', () => {
    expect(() => checkStay({ rule: SCHENGEN, movements: trip('2023-02-29'), controlDate: '2023-03-01' })).toThrow(
      expect.objectContaining({ code: 'STAY.INVALID_DATE', issue: expect.objectContaining({ field: 'movements.0.date' }) }),
    );
    expect(() => checkStay({ rule: SCHENGEN, movements: [], controlDate: '2024-1-1' })).toThrow(expect.objectContaining({ code: 'STAY.INVALID_DATE' }));
    expect(() => checkStay({ rule: SCHENGEN, movements: [], covered: [{ from: '2024-02-01', to: '2024-01-01' }], controlDate: '2024-03-01' })).toThrow(
      expect.objectContaining({ code: 'STAY.INVALID_PERIOD' }),
    );
  });
});
