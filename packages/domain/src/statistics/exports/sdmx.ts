/**
 * SDMX-CSV (docs/statistics/sdmx-dsd.md). Version 2 (SDMX 3.0, the default) starts each row with
 * `STRUCTURE,STRUCTURE_ID,ACTION` = `dataflow,KAMURJ:DF_…(1.0),I`; version 1 (SDMX 2.1) with one
 * `DATAFLOW` column. Then the dimensions (upper-case concept ids), OBS_VALUE and the observation
 * attributes OBS_STATUS (CL_OBS_STATUS: A normal, E estimated — rounded, Q missing; suppressed) and
 * CONF_STATUS (CL_CONF_STATUS: F free, C confidential — primary and secondary are not told apart).
 * With labels, headers read `ID:Name` and codes `CODE: Label` (the `labels=both` form).
 */
import { invalid } from '../disclosure/table.ts';
import type { Cube } from '../cube.ts';
import { cellValue, csvText, orderedCells, publishedFlag } from './common.ts';
import type { ExportOptions } from './common.ts';

export interface SdmxCsvOptions {
  /** Dataflow reference `AGENCY:ID(VERSION)`, e.g. `KAMURJ:DF_BORDER_FLOWS(1.0)`. */
  readonly dataflow: string;
  readonly version?: 1 | 2;
  /** Adds names to headers and codes (`labels=both`). */
  readonly labels?: ExportOptions;
}

const DATAFLOW_REF = /^[A-Za-z][A-Za-z0-9_.-]*:[A-Za-z][A-Za-z0-9_-]*\(\d+(?:\.\d+){0,2}\)$/;

/** Kamurj dimension id → SDMX concept id (camelCase → UPPER_SNAKE; `period` → TIME_PERIOD). */
export function sdmxConcept(dimension: string): string {
  if (dimension === 'period') return 'TIME_PERIOD';
  return dimension.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

export function toSdmxCsv(cube: Cube, options: SdmxCsvOptions): string {
  if (!DATAFLOW_REF.test(options.dataflow)) {
    throw invalid('STATISTICS.BAD_DATAFLOW', 'The dataflow must read AGENCY:ID(VERSION)', 'options.dataflow');
  }
  const version = options.version ?? 2;
  const labelled = options.labels;
  const named = (id: string, dimension: string, code: string) =>
    labelled ? `${id}:${labelled.labels(dimension, code, labelled.lang)}` : id;
  const prefix = version === 2 ? ['STRUCTURE', 'STRUCTURE_ID', 'ACTION'] : ['DATAFLOW'];
  const header = [
    ...prefix,
    ...cube.dimensions.map((d) => named(sdmxConcept(d), '_dimension', d)),
    named('OBS_VALUE', '_measure', cube.measure),
    'OBS_STATUS',
    'CONF_STATUS',
  ];
  const rows = orderedCells(cube).map((cell) => {
    const flag = publishedFlag(cell);
    const codes = cell.key.map((code, d) =>
      labelled ? `${code}: ${labelled.labels(cube.dimensions[d]!, code, labelled.lang)}` : code,
    );
    return [
      ...(version === 2 ? ['dataflow', options.dataflow, 'I'] : [options.dataflow]),
      ...codes,
      cellValue(cell),
      flag === 'suppressed' ? 'Q' : flag === 'rounded' ? 'E' : 'A',
      flag === 'suppressed' ? 'C' : 'F',
    ];
  });
  return csvText([header, ...rows]);
}
