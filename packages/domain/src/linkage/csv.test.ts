import { describe, expect, it } from 'vitest';
import { CsvError, CsvReader, parseCsv } from './csv.ts';

const fields = (text: string, options?: Parameters<typeof parseCsv>[1]) => parseCsv(text, options).map((r) => r.fields);

describe('CSV reader', () => {
  it('reads quotes, escaped quotes, embedded separators and line breaks', () => {
    const text = 'id,name,note\n1,"Petrosyan, Aram","said ""hi""\nsecond line"\n2,Արամ,\n';
    expect(fields(text)).toEqual([
      ['id', 'name', 'note'],
      ['1', 'Petrosyan, Aram', 'said "hi"\nsecond line'],
      ['2', 'Արամ', ''],
    ]);
  });

  it('strips a byte-order mark, accepts CRLF and CR line ends, skips blank lines, reads a last line without a break', () => {
    expect(fields('\uFEFFa,b\r\n1,2\r\n\r\n3,4\r5,6')).toEqual([['a', 'b'], ['1', '2'], ['3', '4'], ['5', '6']]);
  });

  it('trims FEBRL ", " separators and spaces around quotes; keeps them with trim: false', () => {
    expect(fields('rec_id, given_name, surname\nrec-1-org, , waller\nrec-2, "a, b" , x')).toEqual([
      ['rec_id', 'given_name', 'surname'],
      ['rec-1-org', '', 'waller'],
      ['rec-2', 'a, b', 'x'],
    ]);
    expect(fields('a, b', { trim: false })).toEqual([['a', ' b']]);
  });

  it('keeps trailing empty fields and other delimiters', () => {
    expect(fields('a,b,\n,,')).toEqual([['a', 'b', ''], ['', '', '']]);
    expect(fields('a;b\n1;"x;y"', { delimiter: ';' })).toEqual([['a', 'b'], ['1', 'x;y']]);
  });

  it('gives the same rows whatever the chunking, and the starting line of each row', () => {
    const text = 'id,n\r\n1,"a\r\nb"\r\n2,"x""y"\r\n3,z';
    const whole = parseCsv(text);
    expect(whole.map((r) => r.line)).toEqual([1, 2, 4, 5]);
    for (const size of [1, 2, 3, 5]) {
      const rows: { fields: string[]; line: number }[] = [];
      const reader = new CsvReader((f, line) => rows.push({ fields: f, line }));
      for (let i = 0; i < text.length; i += size) reader.push(text.slice(i, i + size));
      reader.end();
      expect(rows).toEqual(whole);
    }
  });

  it('reports an unclosed quote with its line', () => {
    expect(() => parseCsv('a,b\n1,"open\n')).toThrow(CsvError);
    expect(() => parseCsv('a,b\n1,"open\n')).toThrow(/line 2/);
  });
});
