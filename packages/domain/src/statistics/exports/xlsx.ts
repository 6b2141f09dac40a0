/**
 * A minimal Office Open XML workbook (ECMA-376 SpreadsheetML): one sheet named after the dataset,
 * a bold header row of translated titles, then one row per cell — labels as inline strings, counts as
 * numbers, a suppressed count shown as `C` (confidential, as CONF_STATUS) with the flag column telling
 * why in the reader's language. Written as a stored ZIP (zip.ts).
 */
import type { Cube } from '../cube.ts';
import { orderedCells, publishedFlag } from './common.ts';
import type { ExportOptions } from './common.ts';
import { zipStored } from './zip.ts';

const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** XML text escaping; characters XML 1.0 forbids (C0 controls except tab/LF/CR) are dropped. */
export function xmlText(s: string): string {
  return [...s]
    .filter((ch) => {
      const c = ch.codePointAt(0)!;
      return (c >= 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) && c !== 0xfffe && c !== 0xffff;
    })
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
export function columnName(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Excel sheet names: at most 31 characters, none of `[]:*?/\`. */
const sheetName = (dataset: string) => dataset.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'data';

export const SUPPRESSED_MARK = 'C';

type XCell = { readonly text: string; readonly bold?: boolean } | { readonly number: number };

function cellXml(ref: string, cell: XCell): string {
  if ('number' in cell) return `<c r="${ref}"><v>${cell.number}</v></c>`;
  return `<c r="${ref}" t="inlineStr"${cell.bold ? ' s="1"' : ''}><is><t xml:space="preserve">${xmlText(cell.text)}</t></is></c>`;
}

export function toXlsx(cube: Cube, options: ExportOptions): Uint8Array {
  const { labels, lang } = options;
  const header: XCell[] = [
    ...cube.dimensions.map((d) => ({ text: labels('_dimension', d, lang), bold: true })),
    { text: labels('_measure', cube.measure, lang), bold: true },
    { text: labels('_dimension', '_flag', lang), bold: true },
  ];
  const rows: XCell[][] = [header];
  for (const cell of orderedCells(cube)) {
    const flag = publishedFlag(cell);
    rows.push([
      ...cell.key.map((code, d) => ({ text: labels(cube.dimensions[d]!, code, lang) })),
      flag === 'suppressed' ? { text: SUPPRESSED_MARK } : { number: cell.value! },
      { text: flag === '' ? '' : labels('_flag', flag, lang) },
    ]);
  }
  const sheetRows = rows
    .map((row, r) => `<row r="${r + 1}">${row.map((c, i) => cellXml(`${columnName(i)}${r + 1}`, c)).join('')}</row>`)
    .join('');
  const lastRef = `${columnName(header.length - 1)}${rows.length}`;
  const files: Record<string, string> = {
    '[Content_Types].xml':
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '</Types>',
    '_rels/.rels':
      `${XML}<Relationships xmlns="${PKG_REL_NS}">` +
      `<Relationship Id="rId1" Type="${REL_NS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml':
      `${XML}<workbook xmlns="${NS}" xmlns:r="${REL_NS}"><sheets>` +
      `<sheet name="${xmlText(sheetName(cube.dataset))}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    'xl/_rels/workbook.xml.rels':
      `${XML}<Relationships xmlns="${PKG_REL_NS}">` +
      `<Relationship Id="rId1" Type="${REL_NS}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL_NS}/styles" Target="styles.xml"/></Relationships>`,
    'xl/styles.xml':
      `${XML}<styleSheet xmlns="${NS}">` +
      '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
      '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>' +
      '</styleSheet>',
    'xl/worksheets/sheet1.xml':
      `${XML}<worksheet xmlns="${NS}"><dimension ref="A1:${lastRef}"/>` +
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
      `<sheetData>${sheetRows}</sheetData></worksheet>`,
  };
  const encoder = new TextEncoder();
  return zipStored(Object.entries(files).map(([name, text]) => ({ name, data: encoder.encode(text) })));
}
