import { describe, expect, it } from 'vitest';
import { compareBirthDates, parsePartialDate } from './dates.ts';

const d = (s: string) => parsePartialDate(s) ?? undefined;

describe('parsePartialDate', () => {
  it('accepts YYYY, YYYY-MM and YYYY-MM-DD', () => {
    expect(parsePartialDate('1980')).toEqual({ year: 1980 });
    expect(parsePartialDate('1980-03')).toEqual({ year: 1980, month: 3 });
    expect(parsePartialDate('1980-03-04')).toEqual({ year: 1980, month: 3, day: 4 });
    expect(parsePartialDate('2000-02-29')).toEqual({ year: 2000, month: 2, day: 29 });
  });
  it.each(['', '80', '1980-3', '1980-13', '1981-02-29', '1980-04-31', '1980-03-04-01', 'abcd', '1980/03/04', '0000'])(
    'rejects %j',
    (s) => expect(parsePartialDate(s)).toBeNull(),
  );
});

describe('compareBirthDates', () => {
  it.each([
    ['1980-03-04', '1980-03-04', 'exact'],
    ['1980-03-04', '1980-04-03', 'swapped_day_month'],
    ['1980', '1980-03-04', 'compatible'], // year-only
    ['1980-03', '1980-03-04', 'compatible'], // month-only partial
    ['1980', '1980', 'compatible'],
    ['1980-03-04', '1981-03-04', 'year_off_by_one'],
    ['1980', '1979', 'year_off_by_one'],
    ['1980-03-04', '1980-05-06', 'same_year_only'],
    ['1980-03', '1980-04', 'same_year_only'],
    ['1980-03-04', '1985-03-04', 'mismatch'],
    ['1980-03-04', '1981-05-04', 'mismatch'],
  ])('%s vs %s: %s', (a, b, level) => {
    expect(compareBirthDates(d(a), d(b))).toBe(level);
    expect(compareBirthDates(d(b), d(a))).toBe(level);
  });
  it('is missing when either side is unknown', () => {
    expect(compareBirthDates(undefined, d('1980'))).toBe('missing');
  });
  it('does not call equal day and month a swap', () => {
    expect(compareBirthDates(d('1980-03-03'), d('1980-03-03'))).toBe('exact');
  });
});
