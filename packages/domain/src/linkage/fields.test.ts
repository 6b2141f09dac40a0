import { describe, expect, it } from 'vitest';
import { compileDateFormat, parseDateValue, parseFieldSpec, parseSex, parsePhone, parseEmail } from './fields.ts';

describe('field specs and values', () => {
  it('parses KIND=COLUMN[:FORMAT]', () => {
    expect(parseFieldSpec('birth_date=dob:YYYYMMDD')).toEqual({ ok: true, spec: { kind: 'birth_date', column: 'dob', format: 'YYYYMMDD' } });
    expect(parseFieldSpec('surname=last name')).toEqual({ ok: true, spec: { kind: 'surname', column: 'last name' } });
    expect(parseFieldSpec('shoe_size=x')).toMatchObject({ ok: false, message: expect.stringContaining('unknown field kind') });
    expect(parseFieldSpec('birth_date=dob:YYYYMM')).toMatchObject({ ok: false, message: expect.stringContaining('bad date format') });
    expect(parseFieldSpec('surname')).toMatchObject({ ok: false });
    expect(parseFieldSpec('surname=name:YYYY')).toMatchObject({ ok: false, message: expect.stringContaining('only allowed for birth_date') });
  });

  it('reads dates in the given format, year-only values and 00 as unknown', () => {
    const f = compileDateFormat('YYYYMMDD')!;
    expect(parseDateValue('19800304', f)).toEqual({ year: 1980, month: 3, day: 4 });
    expect(parseDateValue('1980', f)).toEqual({ year: 1980 });
    expect(parseDateValue('19800300', f)).toEqual({ year: 1980, month: 3 });
    expect(parseDateValue('19800231', f)).toBeNull();
    expect(parseDateValue('', f)).toBeUndefined();
    const dmy = compileDateFormat('DD.MM.YYYY')!;
    expect(parseDateValue('4.3.1980', dmy)).toEqual({ year: 1980, month: 3, day: 4 });
    expect(parseDateValue('1980-03-04', dmy)).toBeNull();
  });

  it('reads sex, phone and e-mail values', () => {
    expect([parseSex('M'), parseSex('female'), parseSex('ж'), parseSex(''), parseSex('X'), parseSex('?')]).toEqual(['M', 'F', 'F', undefined, undefined, null]);
    expect(parsePhone('+374 (10) 12-34-56')).toBe('410123456');
    expect(parsePhone('12')).toBeNull();
    expect(parseEmail(' A@B.am ')).toBe('a@b.am');
    expect(parseEmail('a@b@c')).toBeNull();
  });
});
