import { describe, expect, it } from 'vitest';
import { checkStay, normaliseMovements, parseDay, type Movement, type StayRule } from './index.ts';

const SCHENGEN: StayRule = { kind: 'rolling', maxDays: 90, windowDays: 180 };
const d = (s: string) => parseDay(s) as number;
const m = (direction: 'entry' | 'exit', date: string): Movement => ({ direction, date });
const codes = (ws: readonly { code: string }[]) => ws.map((w) => w.code);

describe('movement history normalisation (decision 0201 §3)', () => {
  it('sorts unordered movements and says so', () => {
    const movements = [m('exit', '2024-01-10'), m('entry', '2024-01-01')];
    const r = checkStay({ rule: SCHENGEN, movements, controlDate: '2024-02-01' });
    expect(r.daysUsed).toBe(10);
    expect(codes(r.warnings)).toEqual(['STAY.MOVEMENTS_UNSORTED']);
  });

  it('treats a missing exit as still present (two entries in a row)', () => {
    const r = checkStay({ rule: SCHENGEN, movements: [m('entry', '2024-01-01'), m('entry', '2024-02-01')], controlDate: '2024-02-10' });
    expect(r).toMatchObject({ present: true, daysUsed: 41 });
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'STAY.DOUBLE_ENTRY', index: 1, date: '2024-02-01' })]);
  });

  it('assumes a missing entry the day after the last recorded exit', () => {
    const movements = [m('entry', '2024-01-01'), m('exit', '2024-01-10'), m('exit', '2024-02-10')];
    const r = checkStay({ rule: SCHENGEN, movements, controlDate: '2024-02-10' });
    expect(r.daysUsed).toBe(41);
    expect(r.warnings).toEqual([expect.objectContaining({ code: 'STAY.EXIT_WITHOUT_ENTRY', index: 2, assumedEntry: '2024-01-11' })]);
  });

  it('with no earlier exit, assumes entry at the window start (rolling, calendar) or on the exit day (per stay)', () => {
    // Feb 10 2024 − 179 days = 2023-08-15: the whole window is counted.
    const rolling = checkStay({ rule: SCHENGEN, movements: [m('exit', '2024-02-10')], controlDate: '2024-02-10' });
    expect(rolling).toMatchObject({ daysUsed: 180, overstayDays: 90, present: false });
    expect(rolling.warnings[0]).toMatchObject({ assumedEntry: '2023-08-15' });
    const calendar = checkStay({ rule: { kind: 'calendar-year', maxDays: 180 }, movements: [m('exit', '2024-02-10')], controlDate: '2024-03-01' });
    expect(calendar.daysUsed).toBe(41);
    const perStay = checkStay({ rule: { kind: 'per-stay', maxDays: 120 }, movements: [m('exit', '2024-02-10')], controlDate: '2024-02-10' });
    expect(perStay.daysUsed).toBe(1);
  });

  it('orders same-day movements to alternate: exit and re-entry on one day is not an anomaly', () => {
    // Records arrive as entry, entry, exit; the person was inside, so the 10 March exit comes first.
    const movements = [m('entry', '2024-03-01'), m('entry', '2024-03-10'), m('exit', '2024-03-10')];
    const h = normaliseMovements(movements, d('2024-03-20'), null);
    expect(h.warnings).toEqual([]);
    expect(h.stays).toEqual([
      { entry: d('2024-03-01'), exit: d('2024-03-10') },
      { entry: d('2024-03-10'), exit: null },
    ]);
    const perStay = checkStay({ rule: { kind: 'per-stay', maxDays: 120 }, movements, controlDate: '2024-03-10' });
    expect(perStay).toMatchObject({ daysUsed: 1, currentStay: { entry: '2024-03-10', exit: null } });
    // A day trip recorded exit-first is read as entry then exit.
    const dayTrip = normaliseMovements([m('exit', '2024-04-01'), m('entry', '2024-04-01')], d('2024-04-30'), null);
    expect(dayTrip).toMatchObject({ warnings: [], current: null, stays: [{ entry: d('2024-04-01'), exit: d('2024-04-01') }] });
  });

  it('ignores a duplicate exit record on the same day', () => {
    const movements = [m('entry', '2024-03-01'), m('exit', '2024-03-10'), m('exit', '2024-03-10')];
    const r = checkStay({ rule: { kind: 'per-stay', maxDays: 120 }, movements, controlDate: '2024-03-10' });
    expect(r.daysUsed).toBe(10);
    expect(codes(r.warnings)).toEqual(['STAY.EXIT_WITHOUT_ENTRY']);
  });

  it('answers as of the control date: later movements are ignored with a warning', () => {
    const movements = [m('entry', '2024-01-01'), m('exit', '2024-03-01')];
    const r = checkStay({ rule: SCHENGEN, movements, controlDate: '2024-01-31' });
    expect(r).toMatchObject({ present: true, daysUsed: 31, lastLawfulDay: '2024-03-30' });
    expect(codes(r.warnings)).toEqual(['STAY.MOVEMENTS_AFTER_DATE']);
  });

  it('an exit on the control date: counted, not present', () => {
    const r = checkStay({ rule: SCHENGEN, movements: [m('entry', '2024-01-01'), m('exit', '2024-01-31')], controlDate: '2024-01-31' });
    expect(r).toMatchObject({ present: false, daysUsed: 31, lastLawfulDay: null, currentStay: { entry: '2024-01-01', exit: '2024-01-31' } });
  });
});
