import { describe, expect, it } from 'vitest';
import { decodeArabicMrz, encodeArabicMrz } from './arabic-mrz.ts';

describe('ICAO Doc 9303 Arabic-script MRZ encoding', () => {
  it('encodes with the X digraphs of Part 3 §6.C', () => {
    expect(encodeArabicMrz('محمد')).toBe('MXHMD'); // ح XH
    expect(encodeArabicMrz('خالد')).toBe('XKHALD'); // خ XKH
    expect(encodeArabicMrz('فاطمة')).toBe('FAXTTMXAH'); // ط XTT, final ة XAH
    expect(encodeArabicMrz('عبد الله')).toBe('EBD<ALLH'); // components separated by <
  });
  it('encodes Persian letters', () => {
    expect(encodeArabicMrz('پرویز')).toBe('PRWXYAZ'); // پ P, ی XYA
    expect(encodeArabicMrz('گلشیفته')).toBe('XGGLXSHXYAFTH'); // گ XGG, ش XSH, ی XYA
  });
  it('decodes back to Arabic script for unvowelled names', () => {
    for (const name of ['محمد', 'خالد', 'فاطمة', 'پرویز', 'ژاله']) expect(decodeArabicMrz(encodeArabicMrz(name))).toBe(name);
    expect(decodeArabicMrz('MXHMD<<XKHALD')).toBe('محمد خالد');
  });
});
