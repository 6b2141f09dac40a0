/** The local time's hour memo (ADR 0521): the same answer as ICU for every instant, at transitions too. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toLocalDateTime, toLocalDateTimeNow } from './local-time.ts';

// Daylight saving (New York, Yerevan until 2011, Sao Paulo until 2019), half-hour saving (Lord Howe),
// quarter-hour offsets (Kathmandu, Chatham), an offset in seconds (Monrovia, −0:44:30 until 1972).
const ZONES = ['Asia/Yerevan', 'America/New_York', 'Australia/Lord_Howe', 'Asia/Kathmandu', 'Pacific/Chatham', 'Africa/Monrovia', 'America/Sao_Paulo', 'Europe/Moscow', 'UTC'];
const DAY = 86_400_000;

/** Instants around each change of a zone's offset between two instants (day by day, then to the second). */
function transitions(zone: string, from: number, to: number): number[] {
  const out: number[] = [];
  const offset = (t: number) => toLocalDateTimeNow(t, zone)!.offsetMinutes;
  for (let t = from; t < to; t += DAY) {
    if (offset(t) === offset(t + DAY)) continue;
    let [lo, hi] = [t, t + DAY];
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (offset(mid) === offset(lo)) lo = mid;
      else hi = mid;
    }
    out.push(hi - 60_000, hi - 1001, hi - 1000, hi - 1, hi, hi + 999, hi + 1000, hi + 60_000);
  }
  return out;
}

describe('toLocalDateTime', () => {
  it('answers as ICU does for any instant, in any order (the memo changes hour on the way)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), fc.integer({ min: Date.UTC(1960, 0, 1), max: Date.UTC(2045, 0, 1) }), (zone, t) => {
        expect(toLocalDateTime(t, zone)).toEqual(toLocalDateTimeNow(t, zone));
      }),
      { numRuns: 3000 },
    );
  });

  it('answers as ICU does to the second around every change of offset, and the same hour again from the memo', () => {
    let checked = 0;
    for (const zone of ZONES) {
      const around = [...transitions(zone, Date.UTC(2005, 0, 1), Date.UTC(2027, 0, 1)), ...transitions(zone, Date.UTC(1970, 0, 1), Date.UTC(1973, 0, 1))];
      for (const t of around) {
        expect(toLocalDateTime(t, zone), `${zone} ${new Date(t).toISOString()}`).toEqual(toLocalDateTimeNow(t, zone));
        expect(toLocalDateTime(t + 1, zone)).toEqual(toLocalDateTimeNow(t + 1, zone));
        checked++;
      }
    }
    // New York alone changes twice a year: the scan found the transitions it should.
    expect(checked).toBeGreaterThan(400);
  });

  it('gives a seconds offset its minutes as before and keeps the local second', () => {
    const t = Date.UTC(1971, 5, 1, 12, 0, 0, 750);
    expect(toLocalDateTime(t, 'Africa/Monrovia')).toEqual({ date: '1971-06-01', time: '11:15:30', offsetMinutes: -44, timeZone: 'Africa/Monrovia' });
    expect(toLocalDateTime(Date.UTC(2025, 2, 10, 20, 15, 0), 'Asia/Yerevan')).toEqual({ date: '2025-03-11', time: '00:15:00', offsetMinutes: 240, timeZone: 'Asia/Yerevan' });
  });

  it('an unknown zone or an impossible instant is null, with or without a memo', () => {
    expect(toLocalDateTime(Date.UTC(2025, 0, 1), 'Mars/Olympus')).toBeNull();
    expect(toLocalDateTime(Number.NaN, 'Asia/Yerevan')).toBeNull();
    expect(toLocalDateTime(Number.POSITIVE_INFINITY, 'Asia/Yerevan')).toBeNull();
  });
});
