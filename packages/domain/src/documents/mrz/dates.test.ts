import { describe, expect, it } from 'vitest';
import { formatMrzDate, parseBirthDate, parseExpiryDate } from './dates.ts';

const ref = { year: 2025, month: 6, day: 15 };

describe('century policy (ADR 0101)', () => {
  it('birth dates: latest century not after the reference date', () => {
    expect(parseBirthDate('740812', ref)).toEqual({ ok: true, iso: '1974-08-12', partial: false });
    expect(parseBirthDate('250615', ref)).toMatchObject({ iso: '2025-06-15' });
    expect(parseBirthDate('250616', ref)).toMatchObject({ iso: '1925-06-16' });
    expect(parseBirthDate('000229', ref)).toMatchObject({ iso: '2000-02-29' });
    expect(parseBirthDate('000229', { year: 1999, month: 1, day: 1 })).toMatchObject({ ok: false });
  });

  it('birth dates: unknown parts are left out; unknown year gives null', () => {
    expect(parseBirthDate('7408<<', ref)).toEqual({ ok: true, iso: '1974-08', partial: true });
    expect(parseBirthDate('74<<<<', ref)).toEqual({ ok: true, iso: '1974', partial: true });
    expect(parseBirthDate('74<<12', ref)).toEqual({ ok: true, iso: '1974', partial: true });
    expect(parseBirthDate('<<<<<<', ref)).toEqual({ ok: true, iso: null, partial: true });
    expect(parseBirthDate('2507<<', ref)).toMatchObject({ iso: '1925-07' });
    expect(parseBirthDate('2506<<', ref)).toMatchObject({ iso: '2025-06' });
  });

  it('birth dates: malformed or impossible', () => {
    expect(parseBirthDate('741312', ref).ok).toBe(false);
    expect(parseBirthDate('740230', ref).ok).toBe(false);
    expect(parseBirthDate('7<0812', ref).ok).toBe(false);
    expect(parseBirthDate('74O812', ref).ok).toBe(false);
  });

  it('expiry: window [reference − 69, reference + 30]', () => {
    expect(parseExpiryDate('120415', ref)).toMatchObject({ iso: '2012-04-15' });
    expect(parseExpiryDate('551231', ref)).toMatchObject({ iso: '2055-12-31' });
    expect(parseExpiryDate('560101', ref)).toMatchObject({ iso: '1956-01-01' });
    expect(parseExpiryDate('961210', ref)).toMatchObject({ iso: '1996-12-10' });
    expect(parseExpiryDate('12<<<<', ref).ok).toBe(false);
  });

  it('formats full and partial dates', () => {
    expect(formatMrzDate('1974-08-12', false)).toBe('740812');
    expect(formatMrzDate('1974-08', true)).toBe('7408<<');
    expect(formatMrzDate('1974', true)).toBe('74<<<<');
    expect(formatMrzDate(null, true)).toBe('<<<<<<');
    expect(formatMrzDate('1974-08', false)).toBeNull();
    expect(formatMrzDate('1974-02-30', true)).toBeNull();
  });
});
