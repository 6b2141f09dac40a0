import { describe, expect, it } from 'vitest';
import { formatMrz, toMrzText } from './format.ts';
import type { MrzFormatInput } from './types.ts';

const anna = {
  issuingState: 'UTO', nationality: 'UTO', birthDate: '1974-08-12', sex: 'F', expiryDate: '2012-04-15',
  surname: 'Eriksson', givenNames: 'Anna María',
} as const;

function lines(input: MrzFormatInput): readonly string[] {
  const r = formatMrz(input);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.lines;
}

describe('formatMrz reproduces the ICAO specimens', () => {
  it('TD1', () => {
    expect(lines({ ...anna, format: 'TD1', documentCode: 'I', documentNumber: 'D23145890' })).toEqual([
      'I<UTOD231458907<<<<<<<<<<<<<<<', '7408122F1204159UTO<<<<<<<<<<<6', 'ERIKSSON<<ANNA<MARIA<<<<<<<<<<',
    ]);
  });
  it('TD2', () => {
    expect(lines({ ...anna, format: 'TD2', documentCode: 'I', documentNumber: 'D23145890' })).toEqual([
      'I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'D231458907UTO7408122F1204159<<<<<<<6',
    ]);
  });
  it('TD3', () => {
    expect(lines({ ...anna, format: 'TD3', documentCode: 'P', documentNumber: 'L898902C3', personalNumber: 'ZE184226B' })).toEqual([
      'P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L898902C36UTO7408122F1204159ZE184226B<<<<<10',
    ]);
  });
  it('MRV-A and MRV-B', () => {
    const visa = { ...anna, documentCode: 'V', documentNumber: 'L8988901C', nationality: 'XXX', birthDate: '1940-09-07', expiryDate: '1996-12-10' };
    expect(lines({ ...visa, format: 'MRVA', optionalData: '6ZE184226B' })).toEqual([
      'V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<', 'L8988901C4XXX4009078F96121096ZE184226B<<<<<<',
    ]);
    expect(lines({ ...visa, format: 'MRVB' })).toEqual(['V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<', 'L8988901C4XXX4009078F9612109<<<<<<<<']);
  });
  it('Germany is written D<<; Cyrillic and Armenian names are transliterated', () => {
    const de = lines({ ...anna, format: 'TD3', documentCode: 'PP', issuingState: 'D', nationality: 'D', documentNumber: 'C01X00T47', surname: 'Müßig', givenNames: 'Jörg' });
    expect(de[0]).toBe('PPD<<' + 'MUESSIG<<JOERG'.padEnd(39, '<'));
    expect(de[1]!.slice(10, 13)).toBe('D<<');
    const am = lines({ ...anna, format: 'TD3', documentCode: 'P', issuingState: 'ARM', nationality: 'ARM', documentNumber: 'AM1234567', surname: 'Հովհաննիսյան', givenNames: 'Երվանդ' });
    expect(am[0]).toBe('P<ARM' + 'HOVHANNISYAN<<YERVAND'.padEnd(39, '<'));
    const ru = lines({ ...anna, format: 'TD3', documentCode: 'P', issuingState: 'RUS', nationality: 'RUS', documentNumber: '751234567', surname: 'Цой', givenNames: 'Юлия' });
    expect(ru[0]).toBe('P<RUS' + 'TSOI<<IULIIA'.padEnd(39, '<'));
  });
});

describe('formatMrz errors', () => {
  const base: MrzFormatInput = { ...anna, format: 'TD3', documentCode: 'P', documentNumber: 'L898902C3' };
  const codes = (input: MrzFormatInput): string[] => {
    const r = formatMrz(input);
    return r.ok ? [] : r.errors.map((e) => `${e.field}:${e.code}`);
  };
  it('reports every problem by field', () => {
    expect(codes({ ...base, documentCode: 'I' })).toEqual(['documentCode:MRZ.DOCUMENT_CODE']);
    expect(codes({ ...base, documentNumber: 'L898902C3X' })).toEqual(['documentNumber:MRZ.LINE_LENGTH']);
    expect(codes({ ...base, documentNumber: 'Ж1' })).toEqual(['documentNumber:MRZ.INVALID_CHARACTER']);
    expect(codes({ ...base, birthDate: '1974-13-01' })).toEqual(['birthDate:MRZ.INVALID_DATE']);
    expect(codes({ ...base, expiryDate: '2012' })).toEqual(['expiryDate:MRZ.INVALID_DATE']);
    expect(codes({ ...base, surname: 'Əliyev' })).toEqual(['name:MRZ.INVALID_CHARACTER']);
    expect(codes({ ...base, surname: '', givenNames: '' })).toEqual(['name:MRZ.INVALID_CHARACTER']);
    expect(codes({ ...base, optionalData: 'X' })).toEqual(['optionalData:MRZ.LINE_LENGTH']);
    expect(codes({ ...base, personalNumber: 'A'.repeat(15) })).toEqual(['personalNumber:MRZ.LINE_LENGTH']);
    expect(codes({ ...base, format: 'TD1', documentCode: 'I', documentNumber: 'A'.repeat(23) })).toEqual(['documentNumber:MRZ.LINE_LENGTH']);
  });
  it('free text: spaces and punctuation become fillers', () => {
    expect(toMrzText('ab 12-3/4')).toBe('AB<12<3<4');
    expect(toMrzText('12 ')).toBe('12');
    expect(toMrzText('é')).toBeNull();
  });
  it('reports name truncation as a warning', () => {
    const r = formatMrz({ ...base, format: 'TD1', documentCode: 'I', surname: 'VARDANYAN-GHAZARYAN-HOVHANNISYAN', givenNames: 'ARAM' });
    expect(r.ok && r.nameTruncated).toBe(true);
    expect(r.ok && r.lines[2]).toBe('VARDANYAN<GHAZARYAN<HOVHANN<<A');
  });
});
