/**
 * HXL-tagged CSV (docs/statistics/sdmx-dsd.md §HXL): a header row, then the HXL hashtag row, then data.
 * Each dimension becomes a code column (`+code`) and a name column (`+name`) under the hashtag of
 * `HXL_DIMENSIONS`. Sex is an attribute in HXL, not a hashtag, so a `sex` dimension is pivoted into
 * one value column per sex code (`#population+f`, `+m`, …, `+total`), each with its flag column.
 */
import type { Cube, CubeCell } from '../cube.ts';
import { cellValue, csvText, orderedCells, publishedFlag } from './common.ts';
import type { ExportOptions } from './common.ts';

/** Kamurj dimension → HXL hashtag with attributes (without `+code`/`+name`). */
export const HXL_DIMENSIONS: Readonly<Record<string, string>> = {
  period: '#date+reported',
  direction: '#indicator+direction',
  crossingPoint: '#loc+crossing',
  citizenship: '#country+citizenship',
  countryOfBirth: '#country+birth',
  citizenGroup: '#group+citizen',
  age5: '#group+age',
  ageBroad: '#group+age',
  transport: '#indicator+transport',
  purpose: '#indicator+purpose',
  stayStatus: '#status+stay',
  region: '#adm1',
};

/** Measure → HXL hashtag of its value columns. */
export const HXL_MEASURES: Readonly<Record<string, string>> = {
  persons: '#population',
  crossings: '#indicator+num+crossings',
};

/** Sex codes → HXL attributes (F/M are HXL's +f/+m; other and unknown are Kamurj attributes). */
export const HXL_SEX: Readonly<Record<string, string>> = { F: '+f', M: '+m', O: '+sex_other', _U: '+sex_unknown', _T: '+total' };

const attribute = (id: string) => id.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().replace(/[^a-z0-9_]/g, '_');

export const hxlDimensionTag = (dimension: string): string => HXL_DIMENSIONS[dimension] ?? `#indicator+${attribute(dimension)}`;
export const hxlMeasureTag = (measure: string): string => HXL_MEASURES[measure] ?? `#indicator+num+${attribute(measure)}`;

export function toHxlCsv(cube: Cube, options: ExportOptions): string {
  const { labels, lang } = options;
  const sexAt = cube.dimensions.indexOf('sex');
  const rowDims = cube.dimensions.map((d, i) => ({ d, i })).filter((x) => x.i !== sexAt);
  const cells = orderedCells(cube);
  const sexCodes = sexAt < 0 ? [null] : [...new Set(cells.map((c) => c.key[sexAt]!))];
  const measure = labels('_measure', cube.measure, lang);
  const header: string[] = [];
  const tags: string[] = [];
  for (const { d } of rowDims) {
    const title = labels('_dimension', d, lang);
    header.push(title, title);
    tags.push(`${hxlDimensionTag(d)}+code`, `${hxlDimensionTag(d)}+name`);
  }
  for (const sex of sexCodes) {
    const attrs = sex === null ? '' : (HXL_SEX[sex] ?? `+sex_${attribute(sex)}`);
    const title = sex === null ? measure : `${measure} (${labels('sex', sex, lang)})`;
    header.push(title, `${title}: ${labels('_dimension', '_flag', lang)}`);
    tags.push(`${hxlMeasureTag(cube.measure)}${attrs}`, `#meta+flag${attrs}`);
  }
  const rows = new Map<string, { key: readonly string[]; bySex: Map<string | null, CubeCell> }>();
  for (const cell of cells) {
    const key = rowDims.map(({ i }) => cell.key[i]!);
    const id = key.join('\u0000');
    let row = rows.get(id);
    if (!row) rows.set(id, (row = { key, bySex: new Map() }));
    row.bySex.set(sexAt < 0 ? null : cell.key[sexAt]!, cell);
  }
  const data = [...rows.values()].map(({ key, bySex }) => [
    ...key.flatMap((code, n) => [code, labels(rowDims[n]!.d, code, lang)]),
    ...sexCodes.flatMap((sex) => {
      const cell = bySex.get(sex);
      return cell ? [cellValue(cell), publishedFlag(cell)] : ['', ''];
    }),
  ]);
  return csvText([header, tags, ...data]);
}
