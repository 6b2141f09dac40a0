/**
 * Working-day arithmetic against hand-checked calendars. Each expectation was counted by hand on a
 * calendar (weekdays: 1 Jan 2026 was a Thursday, 1 Jan 2027 a Friday, 1 Jan 2021 a Friday, 1 Jan 2023 a
 * Sunday); the comment lists the days counted.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addWorkingDays, calendarFor, dueDate, holidayName, isWorkingDay, reminderDate, workingDaysBetween, buildCalendar, HOLIDAY_CALENDARS } from './index.ts';
import { addCalendarDays } from './dates.ts';

const ARM = calendarFor('ARM');
const KAZ = calendarFor('KAZ');

describe('Armenian working days, hand-checked', () => {
  it.each([
    // Tue 21, Wed 22, Thu 23 (Fri 24 Apr: Genocide Remembrance), Mon 27 … Thu 30 (Fri 1 May: Labour Day),
    // Mon 4 … Fri 8 (Sat 9 May: Victory, a Saturday anyway), Mon 11, Tue 12, Wed 13 = 15th.
    ['2026-04-20', 15, '2026-05-13'],
    // Fri 25 Dec, Mon 28 – Wed 30 (Thu 31 Dec, Fri 1 Jan, Sat 2 Jan off), Mon 4, Tue 5 (Wed 6 Jan: Christmas),
    // Thu 7 (a working day since 2022), Fri 8, Mon 11 – Fri 15, Mon 18, Tue 19 = 15th.
    ['2026-12-24', 15, '2027-01-19'],
    ['2026-04-23', 1, '2026-04-27'], // Fri 24 Apr off, weekend → Mon 27
    ['2026-12-30', 1, '2027-01-04'], // Thu 31 Dec, Fri 1 Jan off, weekend → Mon 4 Jan
    ['2027-01-04', 5, '2027-01-12'], // Tue 5, (Wed 6 off), Thu 7, Fri 8, Mon 11, Tue 12
    ['2020-12-30', 1, '2021-01-08'], // before the 2021 amendment: 31 Dec – 7 Jan all off → Fri 8 Jan
    ['2022-12-30', 1, '2023-01-03'], // Sat 31, Sun 1, Mon 2 Jan off; Tue 3 Jan is a working day since 2022
    ['2026-01-26', 3, '2026-01-30'], // Tue 27, (Wed 28 Army Day), Thu 29, Fri 30
    ['2027-03-05', 1, '2027-03-09'], // Mon 8 Mar (Women's Day) off → Tue 9
    ['2026-05-20', 10, '2026-06-04'], // Thu 21 … Wed 27, (Thu 28 May: First Republic Day), Fri 29, Mon 1 … Thu 4 Jun
    ['2026-07-03', 2, '2026-07-07'], // Sun 5 Jul Constitution Day gives no substitute: Mon 6, Tue 7
    ['2026-09-18', 1, '2026-09-22'], // Mon 21 Sep Independence Day → Tue 22
    ['2026-05-13', -3, '2026-05-08'], // backwards: Tue 12, Mon 11, (weekend, Sat 9 May), Fri 8
    ['2026-01-08', -2, '2026-01-05'], // backwards: Wed 7 (working), (Tue 6 Christmas), Mon 5
    ['2026-04-20', 0, '2026-04-20'],
  ])('%s + %i working days = %s', (start, n, expected) => {
    expect(addWorkingDays(start, n, ARM)).toBe(expected);
    expect(workingDaysBetween(start, expected, ARM)).toBe(n);
  });

  it('knows the holidays by name and the weekend from the profile', () => {
    expect(holidayName('2026-04-24', ARM)).toBe('Genocide Remembrance Day');
    expect(isWorkingDay('2026-01-07', ARM)).toBe(true);
    expect(isWorkingDay('2021-01-07', ARM)).toBe(false);
    expect(isWorkingDay('2026-04-25', ARM)).toBe(false); // Saturday
    // A six-day working week (0 = Sunday … 6 = Saturday) from a profile: Saturday 25 Apr counts.
    const sixDay = calendarFor('ARM', [1, 2, 3, 4, 5, 6]);
    expect(addWorkingDays('2026-04-23', 1, sixDay)).toBe('2026-04-25');
  });

  it('due dates, reminders and calendar-day limits', () => {
    const check = { unit: 'working-days' as const, length: 15, direction: 'after' as const, dueOnNonWorkingDay: 'keep' as const };
    expect(dueDate(check, '2026-04-20', ARM)).toBe('2026-05-13');
    expect(reminderDate({ remindBefore: 3 }, '2026-05-13', ARM)).toBe('2026-05-08');
    // 30 calendar days from 25 Mar 2026 is Fri 24 Apr, a holiday: kept, or moved to Mon 27 Apr.
    const days = { unit: 'calendar-days' as const, length: 30, direction: 'after' as const };
    expect(dueDate({ ...days, dueOnNonWorkingDay: 'keep' }, '2026-03-25', ARM)).toBe('2026-04-24');
    expect(dueDate({ ...days, dueOnNonWorkingDay: 'next-working-day' }, '2026-03-25', ARM)).toBe('2026-04-27');
    // 30 calendar days before expiry on 30 Jun 2027: 31 May 2027.
    expect(dueDate({ ...days, direction: 'before', dueOnNonWorkingDay: 'keep' }, '2027-06-30', ARM)).toBe('2027-05-31');
  });
});

describe('Kazakh calendar: holidays on a rest day move the rest day', () => {
  it('Nauryz 2026 (Sat 21 – Mon 23 Mar) gives Tue 24 and Wed 25 off', () => {
    expect(addWorkingDays('2026-03-20', 1, KAZ)).toBe('2026-03-26');
    expect(holidayName('2026-03-24', KAZ)).toMatch(/substitute/);
  });
  it('New Year 2027 (Fri 1, Sat 2 Jan) gives Mon 4 Jan off; Orthodox Christmas gives no substitute', () => {
    expect(addWorkingDays('2026-12-31', 1, KAZ)).toBe('2027-01-05');
    expect(isWorkingDay('2029-01-08', KAZ)).toBe(true); // 7 Jan 2029 is a Sunday: no substitute Monday
  });
});

describe('working-day arithmetic properties', () => {
  const dateArb = fc.integer({ min: 0, max: 3000 }).map((n) => addCalendarDays('2019-01-01', n));
  it('addWorkingDays and workingDaysBetween are inverse; results are working days', () => {
    fc.assert(
      fc.property(dateArb, fc.integer({ min: -60, max: 60 }), fc.constantFrom(ARM, KAZ), (d, n, cal) => {
        const r = addWorkingDays(d, n, cal);
        expect(workingDaysBetween(d, r, cal)).toBe(n);
        if (n !== 0) expect(isWorkingDay(r, cal)).toBe(true);
        expect(addWorkingDays(d, n, cal) >= d).toBe(n >= 0);
      }),
    );
  });
  it('calendar data files are valid', () => {
    for (const data of Object.values(HOLIDAY_CALENDARS)) expect(() => buildCalendar(data)).not.toThrow();
    expect(() => buildCalendar({ ...HOLIDAY_CALENDARS.ARM!, recurring: [{ month: 2, day: 30, names: { ru: 'x', en: 'x' } }] })).toThrow();
  });
});
