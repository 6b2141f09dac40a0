import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { addYears, checkGround, checkVisa, extensionCheck, parseEvisaFile, reapplication, residenceValidTo, RESIDENCE_GROUNDS } from './index.ts';

const isoDay = fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2040, 0, 1) }).map((ms) => new Date(ms).toISOString().slice(0, 10));

describe('residence terms', () => {
  it('temporary 1 year, permanent 5, special 10, ending the day before the anniversary', () => {
    expect(residenceValidTo('temporary', '2026-03-01')).toBe('2027-02-28');
    expect(residenceValidTo('permanent', '2026-01-15')).toBe('2031-01-14');
    expect(residenceValidTo('special', '2024-02-29')).toBe('2034-02-27');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
  });

  it('every ground founds at least one kind; study founds only temporary residence', () => {
    for (const g of RESIDENCE_GROUNDS) expect(g.kinds.length).toBeGreaterThan(0);
    expect(checkGround('temporary', 'study')).toBeNull();
    expect(checkGround('permanent', 'study')?.code).toBe('RESIDENCE.GROUND_NOT_FOR_KIND');
    expect(checkGround('temporary', 'nonsense')?.code).toBe('RESIDENCE.UNKNOWN_GROUND');
  });
});

describe('re-application after refusal (art. 20(4))', () => {
  it('waits one year unless the ground is study', () => {
    expect(reapplication({ refusedOn: '2026-05-10', ground: 'work', applyingOn: '2027-05-09' })).toEqual({ allowed: false, earliest: '2027-05-10' });
    expect(reapplication({ refusedOn: '2026-05-10', ground: 'work', applyingOn: '2027-05-10' })).toEqual({ allowed: true, earliest: '2027-05-10' });
    expect(reapplication({ refusedOn: '2026-05-10', ground: 'study', applyingOn: '2026-05-11' })).toEqual({ allowed: true, earliest: null });
  });

  it('property: allowed exactly when the application is on or after the earliest day', () => {
    fc.assert(
      fc.property(isoDay, isoDay, fc.constantFrom('work', 'marriage', 'armenian_origin'), (refusedOn, applyingOn, ground) => {
        const r = reapplication({ refusedOn, ground, applyingOn });
        expect(r.earliest! > refusedOn).toBe(true);
        expect(r.allowed).toBe(applyingOn >= r.earliest!);
      }),
    );
  });
});

describe('extension (filed at least 30 days before expiry)', () => {
  it('on the 30th day before expiry is in time, the 29th is late, after expiry is expired', () => {
    expect(extensionCheck({ validTo: '2026-12-31', filedOn: '2026-12-01' })).toMatchObject({ allowed: true, latestFilingDay: '2026-12-01' });
    expect(extensionCheck({ validTo: '2026-12-31', filedOn: '2026-12-02' })).toMatchObject({ allowed: false, code: 'RESIDENCE.EXTENSION_TOO_LATE' });
    expect(extensionCheck({ validTo: '2026-12-31', filedOn: '2027-01-01' })).toMatchObject({ allowed: false, code: 'RESIDENCE.STATUS_EXPIRED' });
  });

  it('property: allowed implies at least 30 days remain', () => {
    fc.assert(
      fc.property(isoDay, isoDay, (validTo, filedOn) => {
        const r = extensionCheck({ validTo, filedOn });
        const days = (Date.parse(validTo) - Date.parse(filedOn)) / 86_400_000;
        expect(r.allowed).toBe(days >= 30);
      }),
    );
  });
});

describe('visa limits', () => {
  it('e-visas are 21 or 120 days; transit at most 3; validity in order', () => {
    expect(checkVisa({ type: 'e_visa', validFrom: '2026-01-01', validTo: '2026-03-01', stayDays: 21, entries: 'single' })).toEqual([]);
    expect(checkVisa({ type: 'e_visa', validFrom: '2026-01-01', validTo: '2026-03-01', stayDays: 30, entries: 'single' })[0]?.code).toBe('RESIDENCE.STAY_NOT_OFFERED');
    expect(checkVisa({ type: 'transit', validFrom: '2026-01-01', validTo: '2026-03-01', stayDays: 4, entries: 'single' })[0]?.code).toBe('RESIDENCE.STAY_TOO_LONG');
    expect(checkVisa({ type: 'visitor', validFrom: '2026-03-01', validTo: '2026-01-01', stayDays: 10, entries: 'single' })[0]?.code).toBe('RESIDENCE.VALIDITY_ORDER');
    expect(checkVisa({ type: 'visitor', validFrom: '2026-01-01', validTo: '2027-06-01', stayDays: 10, entries: 'multiple' })[0]?.code).toBe('RESIDENCE.VALIDITY_TOO_LONG');
  });
});

describe('MFA e-visa file', () => {
  const header = 'evisa_number,surname,given_names,birth_date,sex,nationality,passport_number,valid_from,valid_to,stay_days,entries';
  it('loads good rows and reports broken ones with their line numbers', () => {
    const text = [
      header,
      'EV1001,Smith,John,1985-02-03,M,GBR,123456789,2026-11-01,2027-01-31,120,single',
      'EV1002,Доу,Джейн,1990-13-40,F,USA,X1,2026-11-01,2027-01-31,120,single',
      'EV1003,Müller,Anna,1977-07-07,F,DEU,C01X00T47,2026-11-01,2027-01-31,45,single',
      'EV1001,Smith,John,1985-02-03,M,GBR,123456789,2026-11-01,2027-01-31,120,single',
      '"EV1004,broken',
    ].join('\n');
    const r = parseEvisaFile(text);
    expect(r.fileErrors).toEqual([]);
    expect(r.rows.map((x) => [x.line, x.number])).toEqual([[2, 'EV1001']]);
    expect(r.errors.map((e) => [e.row, e.code])).toEqual([
      [3, 'RESIDENCE.BAD_DATE'],
      [4, 'RESIDENCE.STAY_NOT_OFFERED'],
      [5, 'RESIDENCE.DUPLICATE_ROW'],
      [6, expect.any(String)],
    ]);
  });

  it('refuses a file without the required columns', () => {
    const r = parseEvisaFile('number,surname\nEV1,X');
    expect(r.rows).toEqual([]);
    expect(r.fileErrors.map((e) => e.field)).toContain('validTo');
  });
});
