import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { agencyStanding, checkSanction, isExempt, validateTaxNumber, WORK_EXEMPTIONS } from './index.ts';

describe('tax numbers per profile', () => {
  it('Armenia: 8 digits, spaces and dashes ignored', () => {
    expect(validateTaxNumber('ARM', '0123 4567')).toEqual({ ok: true, value: '01234567' });
    expect(validateTaxNumber('ARM', '1234567')).toMatchObject({ ok: false, code: 'WORK.TAX_NUMBER_FORMAT' });
    expect(validateTaxNumber('ARM', '1234567A')).toMatchObject({ ok: false, code: 'WORK.TAX_NUMBER_FORMAT' });
    expect(validateTaxNumber('XYZ', '12345678')).toMatchObject({ ok: false, code: 'WORK.TAX_NUMBER_UNSUPPORTED' });
  });

  it('Kazakhstan: 12 digits with a check digit', () => {
    // 1..11 weighted: 0*1+4*2+0*3+3*4+4*5+0*6+0*7+0*8+1*9+2*10+3*11 = 102; 102 mod 11 = 3.
    expect(validateTaxNumber('KAZ', '040340001233')).toEqual({ ok: true, value: '040340001233' });
    expect(validateTaxNumber('KAZ', '040340001234')).toMatchObject({ ok: false, code: 'WORK.TAX_NUMBER_CHECK' });
  });

  it('property: every 8-digit string is an Armenian TIN, nothing else is', () => {
    fc.assert(fc.property(fc.string({ maxLength: 12 }), (s) => {
      const r = validateTaxNumber('ARM', s);
      expect(r.ok).toBe(/^\d{8}$/.test(s.replace(/[\s-]/g, '')));
    }));
  });
});

describe('work-permit exemptions', () => {
  const date = '2026-11-22';
  it('EAEU citizens and their families are exempt in Armenia; Kyrgyz citizens only from their accession', () => {
    expect(isExempt('ARM', { citizenships: ['RUS'], date })).toEqual({ exempt: true, grounds: ['bloc_citizen'] });
    expect(isExempt('ARM', { citizenships: ['IND'], familyOfCitizenships: ['KAZ'], date })).toEqual({ exempt: true, grounds: ['bloc_family'] });
    expect(isExempt('ARM', { citizenships: ['KGZ'], date: '2015-05-01' }).exempt).toBe(false);
    expect(isExempt('ARM', { citizenships: ['KGZ'], date: '2015-08-12' }).exempt).toBe(true);
  });

  it('permanent residents, family of residents and listed roles are exempt; others are not', () => {
    expect(isExempt('ARM', { citizenships: ['IND'], residenceStatus: 'permanent', date }).grounds).toEqual(['permanent_resident']);
    expect(isExempt('ARM', { citizenships: ['IND'], residenceStatus: 'temporary', residenceGround: 'marriage', date }).grounds).toEqual(['resident_family']);
    expect(isExempt('ARM', { citizenships: ['IND'], residenceStatus: 'temporary', residenceGround: 'work', date }).exempt).toBe(false);
    expect(isExempt('ARM', { citizenships: ['USA'], roles: ['lecturer_researcher'], date }).grounds).toEqual(['lecturer_researcher']);
    expect(isExempt('ARM', { citizenships: ['USA'], date })).toEqual({ exempt: false, grounds: [] });
    expect(isExempt('ARM', { citizenships: ['ARM'], date })).toEqual({ exempt: true, grounds: ['citizen'] });
  });

  it('every exemption has labels in the three languages', () => {
    for (const list of Object.values(WORK_EXEMPTIONS)) for (const e of list) for (const l of ['hy', 'ru', 'en'] as const) expect(e.labels[l].length).toBeGreaterThan(3);
  });
});

describe('employment agency standing', () => {
  it('revocation ends, a suspension in force suspends, warnings do nothing', () => {
    expect(agencyStanding([{ kind: 'warning', from: '2026-01-01', to: null }], '2026-06-01')).toBe('registered');
    expect(agencyStanding([{ kind: 'suspension', from: '2026-01-01', to: '2026-03-01' }], '2026-02-01')).toBe('suspended');
    expect(agencyStanding([{ kind: 'suspension', from: '2026-01-01', to: '2026-03-01' }], '2026-03-02')).toBe('registered');
    expect(agencyStanding([{ kind: 'revocation', from: '2026-01-01', to: null }], '2026-03-02')).toBe('revoked');
  });
  it('a suspension needs an end and a fine an amount', () => {
    expect(checkSanction({ kind: 'suspension', from: '2026-01-01', to: null, amount: null })[0]?.code).toBe('WORK.SUSPENSION_END_REQUIRED');
    expect(checkSanction({ kind: 'fine', from: '2026-01-01', to: null, amount: null })[0]?.code).toBe('WORK.FINE_AMOUNT_REQUIRED');
    expect(checkSanction({ kind: 'warning', from: '2026-01-01', to: null, amount: null })).toEqual([]);
  });
});
