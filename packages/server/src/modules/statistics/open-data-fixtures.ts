/**
 * Test data for the export and open-data tests: a crossing history (domain `randomHistory` or hand
 * made) written straight into `persons` and `border_crossings` in two set-based statements, with a
 * name and a document number per traveller so the tests can prove none of them ever leaves through
 * the public path.
 */
import type { StatCrossing, StatPerson } from '@kamurj/domain/statistics';
import type { Queryable } from '../../db/client.ts';

/** The family name written into every person record and crossing document of `loadHistory`. */
export const fixtureName = (personId: string) => `QZFAMILY${personId.slice(-6)}`;

const POINT_PATH: Readonly<Record<string, string>> = { BAGRATASHEN: 'ARM.AM-TV.BAGRATASHEN', MEGHRI: 'ARM.AM-SU.MEGHRI' };
const pathOf = (point: string) => POINT_PATH[point] ?? `ARM.AM-ER.${point}`;

export async function loadHistory(db: Queryable, persons: ReadonlyMap<string, StatPerson>, crossings: readonly StatCrossing[]): Promise<void> {
  const people = [...persons].map(([id, p]) => ({ id, sex: p.sex, birth: p.birthDate, record: { names: [{ family: fixtureName(id), given: 'QZGIVEN' }] } }));
  await db.query(
    `INSERT INTO persons (id, record, birth_date, sex, source, created_at, updated_at)
     SELECT x.id, x.record, x.birth, x.sex, 'seed', now(), now() FROM jsonb_to_recordset($1::jsonb) AS x(id uuid, record jsonb, birth text, sex text)`,
    [JSON.stringify(people)],
  );
  const rows = crossings.map((c) => ({
    ...c,
    path: pathOf(c.crossingPoint),
    document: { number: c.documentKey, holder: c.personId ? fixtureName(c.personId) : 'QZUNMATCHED' },
    transportJson: c.transport ? { mode: c.transport } : null,
    stayJson: c.lastLawfulDay ? { kind: 'counted', lastLawfulDay: c.lastLawfulDay } : null,
  }));
  // Corrections point at earlier rows: insert in order so `supersedes` always finds its target.
  for (const batch of [rows.filter((r) => r.supersedes === null), rows.filter((r) => r.supersedes !== null)]) {
    if (!batch.length) continue;
    await db.query(
      `INSERT INTO border_crossings (id, occurred_at, local_date, local_time, time_zone, offset_minutes, direction, crossing_point, jurisdiction_path, officer_id, officer_name,
         person_id, document, document_number, nationality, decision, transport, purpose, supersedes, supersede_reason, stay, recorded_at)
       SELECT x."id", x."occurredAt", x."localDate", '12:00', 'Asia/Yerevan', 240, x."direction", x."crossingPoint", x."path", 'test', 'Test',
              x."personId", x."document", x."documentKey", x."nationality", x."decision", x."transportJson", x."purpose", x."supersedes",
              CASE WHEN x."supersedes" IS NULL THEN NULL ELSE 'correction' END, x."stayJson", now()
         FROM jsonb_to_recordset($1::jsonb) AS x("id" uuid, "occurredAt" timestamptz, "localDate" text, "direction" text, "crossingPoint" text, "path" text,
              "personId" uuid, "document" jsonb, "documentKey" text, "nationality" text, "decision" text, "transportJson" jsonb, "purpose" text,
              "supersedes" uuid, "stayJson" jsonb)
        ORDER BY x."occurredAt"`,
      [JSON.stringify(batch)],
    );
  }
}

// ---- reading downloads back (independent of the writers) ----

/** RFC 4180 records (quoted fields, doubled quotes, CRLF); a leading UTF-8 BOM is skipped. */
export function parseCsv(text: string): string[][] {
  const s = text.startsWith('\ufeff') ? text.slice(1) : text;
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  const endField = () => {
    record.push(field);
    field = '';
  };
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (s[i + 1] === '"') field += s[i++];
      else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\r' && s[i + 1] === '\n') {
      endField();
      records.push(record);
      record = [];
      i++;
    } else field += ch;
  }
  if (field !== '' || record.length) {
    endField();
    records.push(record);
  }
  return records;
}

/** Entries of a ZIP read through its local headers (stored entries only, as the XLSX writer makes). */
export function unzipStored(bytes: Uint8Array): Map<string, string> {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Map<string, string>();
  for (let at = 0; view.getUint32(at, true) === 0x04034b50; ) {
    if (view.getUint16(at + 8, true) !== 0) throw new Error('compressed entry');
    const size = view.getUint32(at + 18, true);
    const nameLength = view.getUint16(at + 26, true);
    const start = at + 30 + nameLength + view.getUint16(at + 28, true);
    out.set(new TextDecoder().decode(bytes.subarray(at + 30, at + 30 + nameLength)), new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, start + size)));
    at = start + size;
  }
  return out;
}

/** Numbers and the suppression mark of the sheet's second column from the right (the value column), row by row. */
export function xlsxValues(bytes: Uint8Array): (number | string)[] {
  const sheet = unzipStored(bytes).get('xl/worksheets/sheet1.xml');
  if (!sheet) throw new Error('no sheet1');
  return [...sheet.matchAll(/<row r="(\d+)">(.*?)<\/row>/g)].slice(1).map((row) => {
    const cells = [...row[2]!.matchAll(/<c r="[A-Z]+\d+"(?: t="inlineStr")?(?: s="\d+")?>(?:<v>([^<]*)<\/v>|<is><t[^>]*>([^<]*)<\/t><\/is>)<\/c>/g)];
    const value = cells[cells.length - 2]!;
    return value[1] !== undefined ? Number(value[1]) : value[2]!;
  });
}

export interface ParsedCell {
  key: string[];
  value: number | null;
}

/** Cells of a plain CSV export (code columns first, then labels, value, flag). */
export function cellsFromCsv(text: string, dimensions: readonly string[]): ParsedCell[] {
  const [header, ...rows] = parseCsv(text);
  const valueAt = header!.indexOf('value');
  return rows.map((r) => ({ key: r.slice(0, dimensions.length), value: r[valueAt] === '' ? null : Number(r[valueAt]) }));
}

/** Cells of an SDMX-CSV export (ids or `ID: name` in headers and codes). */
export function cellsFromSdmx(text: string, dimensions: readonly string[], concept: (d: string) => string): ParsedCell[] {
  const [header, ...rows] = parseCsv(text);
  const ids = header!.map((h) => h.split(':')[0]);
  const at = dimensions.map((d) => ids.indexOf(concept(d)));
  const value = ids.indexOf('OBS_VALUE');
  return rows.map((r) => ({ key: at.map((i) => r[i]!.split(': ')[0]!), value: r[value] === '' ? null : Number(r[value]) }));
}

/** Cells of an HXL export: `+code` columns give the key, a `sex` dimension is unpivoted from the value columns. */
export function cellsFromHxl(text: string, dimensions: readonly string[], sexCodes: Readonly<Record<string, string>>): ParsedCell[] {
  const [, tags, ...rows] = parseCsv(text);
  const codeCols = tags!.flatMap((tag, i) => (tag.endsWith('+code') ? [i] : []));
  const valueCols = tags!.flatMap((tag, i) => (!tag.startsWith('#meta') && !tag.endsWith('+code') && !tag.endsWith('+name') ? [i] : []));
  const bySuffix = new Map(Object.entries(sexCodes).map(([code, attr]) => [attr, code]));
  const sexAt = dimensions.indexOf('sex');
  return rows.flatMap((r) =>
    valueCols.flatMap((col) => {
      if (r[col] === '' && r[col + 1] === '') return []; // no such cell
      const rest = codeCols.map((i) => r[i]!);
      const key = sexAt < 0 ? rest : [...rest.slice(0, sexAt), bySuffix.get(tags![col]!.slice(tags![col]!.lastIndexOf('+')))!, ...rest.slice(sexAt)];
      return [{ key, value: r[col] === '' ? null : Number(r[col]) }];
    }),
  );
}
