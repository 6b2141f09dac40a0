import type { FastifyReply } from 'fastify';
import { toCsv, toHxlCsv, toSdmxCsv, toXlsx, type Cube, type Labeller, type Lang } from '@kamurj/domain/statistics';

/**
 * One cube as a downloadable file (ADR 0602 formats, ADR 0603 wiring): CSV with labels, XLSX, SDMX-CSV
 * (version 2, labels=both) and HXL-tagged CSV. Used by the staff export and by open data alike; what the
 * cube holds (protected or not) is the caller's business.
 */
export const EXPORT_FORMATS = ['csv', 'xlsx', 'sdmx-csv', 'hxl'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const LANGS = ['hy', 'ru', 'en'] as const;

const TYPES: Readonly<Record<ExportFormat, { type: string; ext: string }>> = {
  csv: { type: 'text/csv; charset=utf-8', ext: 'csv' },
  xlsx: { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', ext: 'xlsx' },
  'sdmx-csv': { type: 'application/vnd.sdmx.data+csv; version=2.0.0; charset=utf-8', ext: 'sdmx.csv' },
  hxl: { type: 'text/csv; charset=utf-8', ext: 'hxl.csv' },
};

/** The SDMX dataflow of a dataset or indicator id (docs/statistics/sdmx-dsd.md). */
export function dataflowOf(id: string): string {
  if (id.startsWith('flows.')) return 'KAMURJ:DF_BORDER_FLOWS(1.0)';
  if (id.startsWith('border.refusals')) return 'KAMURJ:DF_BORDER_REFUSALS(1.0)';
  if (id.startsWith('stocks.')) return 'KAMURJ:DF_STOCKS(1.0)';
  if (id.startsWith('migration.')) return 'KAMURJ:DF_MIGRATION(1.0)';
  return `KAMURJ:DF_${id.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}(1.0)`;
}

export function writeCube(cube: Cube, format: ExportFormat, lang: Lang, labels: Labeller, dataflow = dataflowOf(cube.dataset)): string | Uint8Array {
  const options = { lang, labels };
  switch (format) {
    case 'csv':
      return UTF8_BOM + toCsv(cube, options);
    case 'xlsx':
      return toXlsx(cube, options);
    case 'sdmx-csv':
      return toSdmxCsv(cube, { dataflow, labels: options });
    case 'hxl':
      return toHxlCsv(cube, options);
  }
}

/**
 * Plain CSV starts with a UTF-8 byte order mark (ADR 0603): it is the format people open in Excel, which
 * reads a CSV without one in the Windows code page and garbles Armenian and Cyrillic labels. SDMX-CSV and
 * HXL are machine formats whose first header cell must read exactly `STRUCTURE` / the title: no BOM.
 */
export const UTF8_BOM = '\ufeff';

/**
 * Sends the file as an attachment named `<name>.<ext>` (ASCII; the name is an id, never user text).
 * Staff exports are `no-store`; open data passes a public cache policy.
 */
export function sendFile(reply: FastifyReply, name: string, format: ExportFormat, body: string | Uint8Array, cacheControl = 'no-store'): FastifyReply {
  const t = TYPES[format];
  const file = `${name.replace(/[^A-Za-z0-9._-]/g, '_')}.${t.ext}`;
  return reply
    .header('content-type', t.type)
    .header('content-disposition', `attachment; filename="${file}"`)
    .header('cache-control', cacheControl)
    .send(typeof body === 'string' ? body : Buffer.from(body));
}
