import { describe, expect, it } from 'vitest';
import type { Cube } from '../cube.ts';
import { protectCube } from '../disclosure/index.ts';
import { crc32, toCsv, toHxlCsv, toSdmxCsv, toXlsx } from './index.ts';
import type { ExportOptions, Labeller } from './index.ts';

const source: Cube = {
  dataset: 'border.flows.crossings',
  measure: 'persons',
  dimensions: ['sex', 'citizenship'],
  cells: [
    { key: ['F', 'ARM'], value: 40 }, { key: ['M', 'ARM'], value: 55 },
    { key: ['F', 'IRN'], value: 8 }, { key: ['M', 'IRN'], value: 2 },
    { key: ['F', 'RUS'], value: 31 }, { key: ['M', 'RUS'], value: 27 },
  ],
};
const protectedCube = protectCube(source);

// Labels come from the caller (the server's translations); here Russian, with a comma and a quote to escape.
const NAMES: Record<string, string> = { ARM: 'Армения', IRN: 'Иран, Исламская Республика', RUS: 'Россия', F: 'женщины', M: 'мужчины', _T: 'всего' };
const labels: Labeller = (dimension, code, lang) =>
  lang !== 'ru' ? code : dimension === '_dimension' ? `«${code}»` : dimension === '_flag' ? `флаг "${code}"` : dimension === '_measure' ? 'человек' : (NAMES[code] ?? code);
const ru: ExportOptions = { lang: 'ru', labels };

describe('toCsv', () => {
  it('writes RFC 4180 CSV with codes, labels, value and flag', () => {
    const text = toCsv(protectedCube, ru);
    const lines = text.split('\r\n');
    expect(lines[0]).toBe('sex,citizenship,sex_label,citizenship_label,value,flag');
    expect(lines).toContain('F,IRN,женщины,"Иран, Исламская Республика",,suppressed');
    expect(lines).toContain('F,ARM,женщины,Армения,40,');
    expect(lines).toContain('_T,_T,всего,всего,163,');
    expect(text.endsWith('\r\n')).toBe(true);
    expect(lines.length).toBe(1 + 12 + 1); // header, 3×4 cells with margins, final empty
  });

  it('writes codes only without labels, and never tells primary from secondary', () => {
    const text = toCsv(protectedCube);
    expect(text.split('\r\n')[0]).toBe('sex,citizenship,value,flag');
    expect(text).not.toMatch(/primary|secondary/);
  });
});

describe('toSdmxCsv', () => {
  it('writes SDMX-CSV 2.0 rows with OBS_STATUS and CONF_STATUS', () => {
    const lines = toSdmxCsv(protectedCube, { dataflow: 'KAMURJ:DF_BORDER_FLOWS(1.0)' }).split('\r\n');
    expect(lines[0]).toBe('STRUCTURE,STRUCTURE_ID,ACTION,SEX,CITIZENSHIP,OBS_VALUE,OBS_STATUS,CONF_STATUS');
    expect(lines).toContain('dataflow,KAMURJ:DF_BORDER_FLOWS(1.0),I,M,IRN,,Q,C');
    expect(lines).toContain('dataflow,KAMURJ:DF_BORDER_FLOWS(1.0),I,M,ARM,55,A,F');
  });

  it('writes SDMX-CSV 1.0 and the labels=both form, and marks rounded values as estimated', () => {
    const rounded = protectCube(source, { rounding: { base: 5 } });
    const lines = toSdmxCsv(rounded, { dataflow: 'KAMURJ:DF_BORDER_FLOWS(1.0)', version: 1, labels: ru }).split('\r\n');
    expect(lines[0]).toBe('DATAFLOW,SEX:«sex»,CITIZENSHIP:«citizenship»,OBS_VALUE:человек,OBS_STATUS,CONF_STATUS');
    expect(lines[1]).toMatch(/^KAMURJ:DF_BORDER_FLOWS\(1\.0\),F: женщины,ARM: Армения,\d+,E,F$/);
  });

  it('rejects a malformed dataflow reference', () => {
    expect(() => toSdmxCsv(protectedCube, { dataflow: 'DF_BORDER_FLOWS' })).toThrow(expect.objectContaining({ code: 'STATISTICS.BAD_DATAFLOW' }));
  });
});

describe('toHxlCsv', () => {
  it('puts the hashtag row under the header and pivots sex into attributes', () => {
    const lines = toHxlCsv(protectedCube, ru).split('\r\n');
    expect(lines[1]).toBe('#country+citizenship+code,#country+citizenship+name,#population+f,#meta+flag+f,#population+m,#meta+flag+m,#population+total,#meta+flag+total');
    expect(lines[0]).toContain('человек (женщины)');
    expect(lines).toContain('ARM,Армения,40,,55,,95,');
    expect(lines.find((l) => l.startsWith('IRN,'))).toBe('IRN,"Иран, Исламская Республика",,suppressed,,suppressed,10,');
  });
});

/** Reads a stored ZIP through its central directory (independent of the writer's code paths). */
function unzip(bytes: Uint8Array): Map<string, string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = bytes.length - 22;
  expect(view.getUint32(end, true)).toBe(0x06054b50);
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const files = new Map<string, string>();
  const decoder = new TextDecoder('utf-8', { fatal: true });
  for (let n = 0; n < count; n++) {
    expect(view.getUint32(at, true)).toBe(0x02014b50);
    const [method, crc, size, nameLength, extra, comment, offset] = [view.getUint16(at + 10, true), view.getUint32(at + 16, true), view.getUint32(at + 20, true), view.getUint16(at + 28, true), view.getUint16(at + 30, true), view.getUint16(at + 32, true), view.getUint32(at + 42, true)];
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    expect(method).toBe(0);
    expect(view.getUint32(offset, true)).toBe(0x04034b50);
    const start = offset + 30 + view.getUint16(offset + 26, true) + view.getUint16(offset + 28, true);
    const data = bytes.subarray(start, start + size);
    expect(bitwiseCrc32(data)).toBe(crc);
    files.set(name, decoder.decode(data));
    at += 46 + nameLength + extra + comment;
  }
  return files;
}

function bitwiseCrc32(data: Uint8Array): number {
  let c = ~0;
  for (const byte of data) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

describe('toXlsx', () => {
  it('CRC-32 matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it('writes a workbook: content types, relationships, one sheet with inline strings and numbers', () => {
    const bytes = toXlsx(protectedCube, ru);
    expect(toXlsx(protectedCube, ru)).toEqual(bytes); // deterministic bytes
    const files = unzip(bytes);
    expect([...files.keys()].sort()).toEqual(['[Content_Types].xml', '_rels/.rels', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml', 'xl/workbook.xml', 'xl/worksheets/sheet1.xml']);
    expect(files.get('xl/workbook.xml')).toContain('<sheet name="border.flows.crossings" sheetId="1" r:id="rId1"/>');
    const sheet = files.get('xl/worksheets/sheet1.xml')!;
    expect(sheet).toContain('<dimension ref="A1:D13"/>');
    expect(sheet).toContain('<c r="A1" t="inlineStr" s="1"><is><t xml:space="preserve">«sex»</t></is></c>');
    expect(sheet).toMatch(/<row r="\d+"><c r="A\d+" t="inlineStr"><is><t xml:space="preserve">женщины<\/t><\/is><\/c><c r="B\d+" t="inlineStr"><is><t xml:space="preserve">Армения<\/t><\/is><\/c><c r="C\d+"><v>40<\/v><\/c>/);
    expect(sheet).toContain('<t xml:space="preserve">Иран, Исламская Республика</t></is></c><c r="C3" t="inlineStr"><is><t xml:space="preserve">C</t></is></c><c r="D3" t="inlineStr"><is><t xml:space="preserve">флаг &quot;suppressed&quot;</t>');
    expect(files.get('[Content_Types].xml')).toContain('PartName="/xl/worksheets/sheet1.xml"');
  });
});
