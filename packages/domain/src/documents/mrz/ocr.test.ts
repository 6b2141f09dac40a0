import { describe, expect, it } from 'vitest';
import { parseMrzLines } from './parse.ts';

const opts = { referenceDate: '2025-06-15' };
const L1 = 'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<';
const L2 = 'L898902C36UTO7408122F1204159ZE184226B<<<<<10';
const at = (s: string, pos: number, c: string): string => s.slice(0, pos - 1) + c + s.slice(pos);

describe('OCR-confusion correction (reference §1.10)', () => {
  it('letter → digit in a date when the check digit then passes', () => {
    const r = parseMrzLines([L1, at(L2, 16, 'O')], opts);
    expect(r.corrections).toEqual([{ field: 'birthDate', line: 2, position: 16, from: 'O', to: '0' }]);
    expect(r).toMatchObject({ valid: true, birthDate: '1974-08-12' });
  });

  it('letter → digit in a check digit, even the blind-spot pair G/6', () => {
    const r = parseMrzLines([L1, at(L2, 10, 'G')], opts);
    expect(r.corrections).toEqual([{ field: 'documentNumberCheck', line: 2, position: 10, from: 'G', to: '6' }]);
    expect(r.valid).toBe(true);
    const c = parseMrzLines([L1, at(at(L2, 23, 'Z'), 44, 'O')], opts);
    expect(c.corrections.map((x) => x.field)).toEqual(['expiryDate', 'composite']);
    expect(c.valid).toBe(true);
  });

  it('no correction when the check digit would still fail', () => {
    const r = parseMrzLines([L1, at(at(L2, 16, 'O'), 20, '3')], opts);
    expect(r.corrections).toEqual([]);
    expect(r.valid).toBe(false);
    expect(r.errors.map((e) => e.field)).toEqual(expect.arrayContaining(['birthDate']));
  });

  it('digit → letter in codes (only to a known code) and names', () => {
    const r = parseMrzLines([at(at(L1, 5, '0'), 8, '1'), at(L2, 13, '0')], opts);
    expect(r.corrections).toEqual([
      { field: 'issuingState', line: 1, position: 5, from: '0', to: 'O' },
      { field: 'nationality', line: 2, position: 13, from: '0', to: 'O' },
      { field: 'surname', line: 1, position: 8, from: '1', to: 'I' },
    ]);
    expect(r).toMatchObject({ valid: true, issuingState: 'UTO', surname: 'ERIKSSON' });
    const g = parseMrzLines([at(L1, 21, '6'), L2], opts);
    expect(g.corrections).toEqual([{ field: 'givenNames', line: 1, position: 21, from: '6', to: 'G' }]);
    expect(g.givenNames).toBe('ANNA GARIA');
  });

  it('never corrects document numbers, personal numbers or optional data', () => {
    const r = parseMrzLines([L1, at(L2, 2, 'B')], opts); // 8 → B inside the document number
    expect(r.corrections).toEqual([]);
    expect(r.checks.documentNumber).toBe(false);
    const p = parseMrzLines([L1, at(L2, 34, 'Z')], opts); // 2 → Z inside the personal number
    expect(p.corrections).toEqual([]);
    expect(p.checks.personalNumber).toBe(false);
  });

  it('can be switched off', () => {
    const r = parseMrzLines([L1, at(L2, 16, 'O')], { ...opts, correct: false });
    expect(r.corrections).toEqual([]);
    expect(r.valid).toBe(false);
  });
});
