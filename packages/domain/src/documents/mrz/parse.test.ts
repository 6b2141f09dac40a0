import { describe, expect, it } from 'vitest';
import { formatMrz } from './format.ts';
import { parseMrz, parseMrzDocuments, parseMrzLines } from './parse.ts';

const opts = { referenceDate: '2025-06-15' };
const TD1 = ['I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<'];
const TD2 = ['I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'];
const TD3 = ['P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10'];
const MRVA = ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L8988901C4XXX4009078F96121096ZE184226B<<<<<<'];
const MRVB = ['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'L8988901C4XXX4009078F9612109<<<<<<<<'];

const anna = { surname: 'ERIKSSON', givenNames: 'ANNA MARIA', sex: 'F' };

describe('ICAO specimens', () => {
  it('TD1 (Part 5)', () => {
    const r = parseMrzLines(TD1, opts);
    expect(r).toMatchObject({
      ...anna, format: 'TD1', valid: true, specimen: true, documentCode: 'I<', issuingState: 'UTO',
      documentNumber: 'D23145890', nationality: 'UTO', birthDate: '1974-08-12', expiryDate: '2012-04-15',
      personalNumber: null, optionalData: null, optionalData2: null, expired: true, errors: [], corrections: [],
      checks: { documentNumber: true, birthDate: true, expiryDate: true, personalNumber: null, composite: true },
    });
    expect(r.warnings.map((w) => w.code)).toContain('MRZ.SPECIMEN');
  });

  it('TD2 (Part 6)', () => {
    expect(parseMrzLines(TD2, opts)).toMatchObject({
      ...anna, format: 'TD2', valid: true, specimen: true, documentNumber: 'D23145890', birthDate: '1974-08-12',
      checks: { documentNumber: true, birthDate: true, expiryDate: true, personalNumber: null, composite: true },
    });
  });

  it('TD3 (Part 4)', () => {
    expect(parseMrzLines(TD3, opts)).toMatchObject({
      ...anna, format: 'TD3', valid: true, specimen: true, documentCode: 'P<', documentNumber: 'L898902C3',
      personalNumber: 'ZE184226B', optionalData: null, optionalData2: null, documentType: 'passport',
      checks: { documentNumber: true, birthDate: true, expiryDate: true, personalNumber: true, composite: true },
    });
  });

  it('MRV-A and MRV-B (Part 7): no composite', () => {
    const checks = { documentNumber: true, birthDate: true, expiryDate: true, personalNumber: null, composite: null };
    const a = parseMrzLines(MRVA, opts);
    expect(a).toMatchObject({ ...anna, format: 'MRVA', valid: true, nationality: 'XXX', birthDate: '1940-09-07', expiryDate: '1996-12-10', optionalData: '6ZE184226B', checks });
    expect(a.nationalityInfo?.kind).toBe('unspecified');
    expect(parseMrzLines(MRVB, opts)).toMatchObject({ ...anna, format: 'MRVB', valid: true, documentNumber: 'L8988901C', optionalData: null, checks });
  });

  it('German TD1 specimen: D<< → "D", sex < → X, ID code', () => {
    const r = parseMrzLines(['IDD<<T220001293<<<<<<<<<<<<<<<', '6408125<2010315D<<<<<<<<<<<<<4', 'MUSTERMANN<<ERIKA<PAULA<ANNA<<'], opts);
    expect(r).toMatchObject({ valid: true, specimen: false, issuingState: 'D', nationality: 'D', sex: 'X', documentNumber: 'T22000129', givenNames: 'ERIKA PAULA ANNA', expiryDate: '2020-10-31' });
    expect(r.issuingStateInfo).toEqual({ code: 'D', kind: 'state', description: 'Germany' });
  });
});

describe('edge cases', () => {
  it('TD3 position 43 may be "<" or "0" when the personal number is empty', () => {
    for (const cd of ['<', '0'] as const) {
      const f = formatMrz({ format: 'TD3', documentCode: 'P', issuingState: 'UTO', nationality: 'UTO', documentNumber: 'L898902C3', birthDate: '1974-08-12', sex: 'F', expiryDate: '2012-04-15', surname: 'ERIKSSON', givenNames: 'ANNA MARIA', emptyPersonalNumberCheck: cd });
      if (!f.ok) throw new Error('format failed');
      expect(f.lines[1]!.charAt(42)).toBe(cd);
      expect(parseMrzLines(f.lines, opts)).toMatchObject({ valid: true, personalNumber: null, checks: { personalNumber: true } });
    }
    const bad = [TD3[0]!, 'L898902C36UTO7408122F1204159<<<<<<<<<<<<<<5' + '0'];
    expect(parseMrzLines(bad, opts).checks.personalNumber).toBe(false);
  });

  it('long document number, §1.5 illustration: both check-digit variants, recorded', () => {
    const base = { format: 'TD1' as const, documentCode: 'I', issuingState: 'ARM', nationality: 'ARM', documentNumber: 'XY12345678901', birthDate: '1974-08-12', sex: 'F' as const, expiryDate: '2030-04-15', surname: 'ERIKSSON', givenNames: 'ANNA' };
    const excluded = formatMrz(base);
    const included = formatMrz({ ...base, longNumberFiller: 'included' });
    if (!excluded.ok || !included.ok) throw new Error('format failed');
    expect(excluded.lines[0]).toBe('I<ARMXY1234567<89011<<<<<<<<<<');
    expect(included.lines[0]).toBe('I<ARMXY1234567<89017<<<<<<<<<<');
    const a = parseMrzLines(excluded.lines, opts);
    const b = parseMrzLines(included.lines, opts);
    expect(a).toMatchObject({ valid: true, documentNumber: 'XY12345678901', documentNumberCheckVariant: 'filler-excluded', optionalData: null });
    expect(b).toMatchObject({ valid: true, documentNumber: 'XY12345678901', documentNumberCheckVariant: 'filler-included' });
    expect(b.warnings.map((w) => w.code)).toContain('MRZ.LONG_DOCUMENT_NUMBER');
  });

  it('long number in TD2 and optional data after it', () => {
    const f = formatMrz({ format: 'TD2', documentCode: 'I', issuingState: 'BEL', nationality: 'BEL', documentNumber: 'AB12345678', birthDate: '1990-01-01', sex: 'M', expiryDate: '2030-01-01', surname: 'PEETERS', givenNames: 'JAN', optionalData: 'Q1' });
    if (!f.ok) throw new Error('format failed');
    expect(f.lines[1]!.slice(9, 10)).toBe('<');
    expect(parseMrzLines(f.lines, opts)).toMatchObject({ valid: true, documentNumber: 'AB12345678', optionalData: 'Q1' });
  });

  it('partial birth dates', () => {
    const f = formatMrz({ format: 'TD3', documentCode: 'P', issuingState: 'UTO', nationality: 'XXA', documentNumber: 'A1', birthDate: '1974', sex: 'X', expiryDate: '2030-01-01', surname: 'DOE', givenNames: '' });
    if (!f.ok) throw new Error('format failed');
    expect(f.lines[1]!.slice(13, 19)).toBe('74<<<<');
    const r = parseMrzLines(f.lines, opts);
    expect(r).toMatchObject({ valid: true, birthDate: '1974', sex: 'X', givenNames: '', nationality: 'XXA' });
    expect(r.nationalityInfo?.kind).toBe('stateless');
    expect(r.warnings.map((w) => w.code)).toContain('MRZ.PARTIAL_DATE');
  });

  it('possibly truncated names are flagged (Part 4 §4.2.3.4)', () => {
    const line1 = 'P<UTOPAPANDROPOULOUS<<JONATHON<WARREN<TREVOR';
    const r = parseMrzLines([line1, TD3[1]!], opts);
    expect(r).toMatchObject({ valid: true, namePossiblyTruncated: true, surname: 'PAPANDROPOULOUS', givenNames: 'JONATHON WARREN TREVOR' });
    expect(r.warnings.map((w) => w.code)).toContain('MRZ.NAME_POSSIBLY_TRUNCATED');
  });

  it('empty primary identifier', () => {
    const r = parseMrzLines(['P<UTO<<ANNA<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<', TD3[1]!], opts);
    expect(r).toMatchObject({ surname: '', givenNames: 'ANNA', valid: true });
  });

  it('check-digit failure: field-named error, the rest still read', () => {
    const r = parseMrzLines([TD3[0]!, 'L898902C37UTO7408122F1204159ZE184226B<<<<<10'], opts);
    expect(r.valid).toBe(false);
    expect(r.checks).toMatchObject({ documentNumber: false, birthDate: true, composite: false });
    expect(r.errors.map((e) => [e.field, e.code])).toEqual([['documentNumber', 'MRZ.CHECK_DIGIT'], ['composite', 'MRZ.CHECK_DIGIT']]);
    expect(r.surname).toBe('ERIKSSON');
  });

  it('invalid date and invalid sex', () => {
    const r = parseMrzLines([TD3[0]!, 'L898902C36UTO7413122Q1204159ZE184226B<<<<<10'], opts);
    expect(r.errors.map((e) => e.code)).toEqual(expect.arrayContaining(['MRZ.INVALID_DATE', 'MRZ.INVALID_SEX']));
    expect(r.birthDate).toBeNull();
    expect(r.sex).toBeNull();
  });

  it('special codes and unknown codes', () => {
    const r = parseMrzLines(['P<EUEERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UNO7408122F1204159ZE184226B<<<<<10'], opts);
    expect(r).toMatchObject({ issuingState: 'EUE', nationality: 'UNO', specimen: false });
    expect(r.issuingStateInfo?.kind).toBe('organization');
    const q = parseMrzLines(['P<QQQERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', TD3[1]!], opts);
    expect(q.warnings.map((w) => w.code)).toContain('MRZ.UNKNOWN_CODE');
    expect(q.valid).toBe(true);
  });

  it('French 2×36 identity cards are flagged as non-ICAO (deviation table)', () => {
    const r = parseMrzLines(['IDFRAERIKSSON<<<<<<<<<<<<<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6'], opts);
    expect(r.errors.map((e) => e.code)).toContain('MRZ.NON_ICAO_FORMAT');
    expect(r.valid).toBe(false);
  });

  it('wrong document code for the format', () => {
    const r = parseMrzLines(['X<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', TD3[1]!], opts);
    expect(r.errors.map((e) => e.code)).toContain('MRZ.DOCUMENT_CODE');
  });
});

describe('robustness: clear errors, never a crash', () => {
  it('lower case: error, but read upper-cased', () => {
    const r = parseMrzLines(TD3.map((l) => l.toLowerCase()), opts);
    expect(r.errors.map((e) => e.code)).toEqual(['MRZ.LOWER_CASE']);
    expect(r).toMatchObject({ valid: false, format: 'TD3', surname: 'ERIKSSON', documentNumber: 'L898902C3', checks: { composite: true } });
  });

  it('wrong line lengths and line counts', () => {
    expect(parseMrzLines([TD3[0]!, TD3[1]!.slice(1)], opts).errors[0]!.code).toBe('MRZ.LINE_LENGTH');
    expect(parseMrzLines([TD3[0]!], opts).errors[0]!.code).toBe('MRZ.LINE_COUNT');
    expect(parseMrzLines([...TD1, TD1[0]!], opts)).toMatchObject({ format: null, valid: false });
    expect(parseMrzLines([], opts).errors[0]!.code).toBe('MRZ.EMPTY');
  });

  it('mixed scripts: a Cyrillic look-alike is named with its field', () => {
    const r = parseMrzLines([TD3[0]!.replace('ANNA', 'АNNA'), TD3[1]!], opts);
    expect(r.errors[0]).toMatchObject({ field: 'name', code: 'MRZ.INVALID_CHARACTER' });
    expect(r.errors[0]!.message).toContain('Cyrillic');
  });

  it('garbage and a 10 MB line in bounded time', () => {
    const big = 'A'.repeat(10 * 1024 * 1024);
    const start = Date.now();
    const rs = parseMrzDocuments(`${big}\n${big}\n\n\u0000\u{1F600}%%\n\n${TD3.join('\n')}\n`, opts);
    expect(Date.now() - start).toBeLessThan(2000);
    expect(rs.map((r) => r.format)).toEqual([null, null, 'TD3']);
    expect(rs[0]!.errors[0]!.code).toBe('MRZ.LINE_LENGTH');
    expect(rs[0]!.raw[0]!.length).toBeLessThanOrEqual(101);
    expect(JSON.stringify(rs[0]).length).toBeLessThan(2000);
  });

  it('documents split on blank lines; CRLF and surrounding spaces tolerated; empty input → []', () => {
    const text = `\r\n  ${TD1.join('\r\n')}  \r\n \r\n${TD2.join('\n')}\n\n\n${TD3.join('\n')}`;
    expect(parseMrzDocuments(text, opts).map((r) => [r.format, r.valid])).toEqual([['TD1', true], ['TD2', true], ['TD3', true]]);
    expect(parseMrzDocuments('', opts)).toEqual([]);
    expect(parseMrzDocuments(' \n\n', opts)).toEqual([]);
    expect(parseMrz(TD3.join('\n'), opts).valid).toBe(true);
  });

  it('a malformed reference date is a programming error', () => {
    expect(() => parseMrzLines(TD3, { referenceDate: '2025-13-01' })).toThrow(RangeError);
  });
});
