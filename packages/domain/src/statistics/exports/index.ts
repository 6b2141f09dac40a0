export { toCsv } from './csv.ts';
export { toHxlCsv, HXL_DIMENSIONS, HXL_MEASURES, HXL_SEX, hxlDimensionTag, hxlMeasureTag } from './hxl.ts';
export { toSdmxCsv, sdmxConcept } from './sdmx.ts';
export type { SdmxCsvOptions } from './sdmx.ts';
export { toXlsx, SUPPRESSED_MARK } from './xlsx.ts';
export { crc32, zipStored } from './zip.ts';
export { publishedFlag } from './common.ts';
export type { ExportOptions, Labeller, Lang, PublishedFlag } from './common.ts';
