/**
 * Field kinds of `kamurj link` (`--field KIND=COLUMN[:FORMAT]`) and the parsing of their values.
 * Parsers return `undefined` for an empty value and `null` for a value that cannot be read (the CLI
 * reports it as a warning and links the row on its other fields).
 */
import { parsePartialDate, type PartialDate } from '../names/index.ts';

export const FIELD_KINDS = [
  'given_name',
  'surname',
  'full_name',
  'birth_date',
  'sex',
  'nationality',
  'document_number',
  'national_id',
  'address',
  'city',
  'postcode',
  'phone',
  'email',
] as const;

export type FieldKind = (typeof FIELD_KINDS)[number];

export interface FieldSpec {
  readonly kind: FieldKind;
  readonly column: string;
  /** birth_date only: e.g. `YYYYMMDD`, `YYYY-MM-DD`, `DD.MM.YYYY`. */
  readonly format?: string;
}

export const DEFAULT_DATE_FORMAT = 'YYYY-MM-DD';

export type SpecResult = { ok: true; spec: FieldSpec } | { ok: false; message: string };

const isKind = (k: string): k is FieldKind => (FIELD_KINDS as readonly string[]).includes(k);

/** Parses `KIND=COLUMN[:FORMAT]`. The column may contain ':' only when no format follows. */
export function parseFieldSpec(text: string): SpecResult {
  const eq = text.indexOf('=');
  if (eq <= 0) return { ok: false, message: `--field needs KIND=COLUMN[:FORMAT], got "${text}"` };
  const kind = text.slice(0, eq).trim();
  if (!isKind(kind)) return { ok: false, message: `unknown field kind "${kind}" (kinds: ${FIELD_KINDS.join(', ')})` };
  let column = text.slice(eq + 1);
  let format: string | undefined;
  const colon = column.lastIndexOf(':');
  if (kind === 'birth_date' && colon >= 0) {
    format = column.slice(colon + 1);
    column = column.slice(0, colon);
    if (compileDateFormat(format) === null) {
      return { ok: false, message: `bad date format "${format}": use YYYY, MM and DD once each, separated by nothing or one of - . / space (e.g. YYYYMMDD, YYYY-MM-DD, DD.MM.YYYY)` };
    }
  } else if (colon >= 0 && /^[A-Z]{2,}[-./ A-Z]*$/.test(column.slice(colon + 1))) {
    return { ok: false, message: `a format (":${column.slice(colon + 1)}") is only allowed for birth_date` };
  }
  if (column === '') return { ok: false, message: `--field ${kind} names no column` };
  return { ok: true, spec: format === undefined ? { kind, column } : { kind, column, format } };
}

export interface DateFormat {
  readonly pattern: RegExp;
  /** Group index of year, month, day in the pattern. */
  readonly order: readonly ['Y' | 'M' | 'D', 'Y' | 'M' | 'D', 'Y' | 'M' | 'D'];
}

/** Compiles YYYY/MM/DD formats; null when the format is not one. */
export function compileDateFormat(format: string): DateFormat | null {
  const parts = format.match(/YYYY|MM|DD|[-./ ]|./g) ?? [];
  const order: ('Y' | 'M' | 'D')[] = [];
  let source = '^';
  for (const p of parts) {
    if (p === 'YYYY' || p === 'MM' || p === 'DD') {
      order.push(p.charAt(0) as 'Y' | 'M' | 'D');
      source += p === 'YYYY' ? '(\\d{4})' : '(\\d{1,2})';
    } else if (/^[-./ ]$/.test(p)) source += `\\${p}`;
    else return null;
  }
  if (order.length !== 3 || new Set(order).size !== 3) return null;
  // Without separators the parts must have their full width.
  if (!/[-./ ]/.test(format)) source = source.replace(/\\d\{1,2\}/g, '\\d{2}');
  return { pattern: new RegExp(`${source}$`), order: order as unknown as DateFormat['order'] };
}

/**
 * A birth date in the given format; a lone 4-digit year is read as year-only, and 00 for the month or
 * day means "unknown" (19800000 → 1980, 19800300 → 1980-03), as registers often write.
 */
export function parseDateValue(value: string, format: DateFormat): PartialDate | null | undefined {
  const v = value.trim();
  if (v === '') return undefined;
  if (/^\d{4}$/.test(v)) return parsePartialDate(v);
  const m = format.pattern.exec(v);
  if (!m) return null;
  const get = (k: 'Y' | 'M' | 'D') => m[format.order.indexOf(k) + 1] ?? '';
  const [y, mo, d] = [get('Y'), get('M').padStart(2, '0'), get('D').padStart(2, '0')];
  if (mo === '00') return parsePartialDate(y);
  if (d === '00') return parsePartialDate(`${y}-${mo}`);
  return parsePartialDate(`${y}-${mo}-${d}`);
}

const SEX: Readonly<Record<string, 'M' | 'F'>> = {
  m: 'M', male: 'M', man: 'M', '1': 'M', м: 'M', муж: 'M', мужской: 'M', ա: 'M', արական: 'M',
  f: 'F', female: 'F', woman: 'F', '2': 'F', ж: 'F', жен: 'F', женский: 'F', ի: 'F', իգական: 'F',
};
const UNKNOWN_SEX = new Set(['x', 'u', 'unknown', '<', '0', '9']);

export function parseSex(value: string): 'M' | 'F' | null | undefined {
  const v = value.trim().toLowerCase();
  if (v === '' || UNKNOWN_SEX.has(v)) return undefined;
  return SEX[v] ?? null;
}

export function parseNationality(value: string): string | null | undefined {
  const v = value.trim().toUpperCase();
  if (v === '') return undefined;
  return /^[A-Z]{1,3}$/.test(v) ? v : null;
}

/** Identifiers: upper case, letters and digits only. */
export const normalizeIdentifier = (value: string): string => value.toUpperCase().replace(/[^\p{L}\p{N}]/gu, '');

export function parsePhone(value: string): string | null | undefined {
  const digits = value.replace(/\D/g, '');
  if (value.trim() === '') return undefined;
  return digits.length >= 6 ? digits.slice(-9) : null;
}

export function parseEmail(value: string): string | null | undefined {
  const v = value.trim().toLowerCase();
  if (v === '') return undefined;
  return /^[^\s@]+@[^\s@]+$/.test(v) ? v : null;
}

/** Free text (address, city): NFKC, lower case, punctuation to spaces, spaces collapsed. */
export function normalizeText(value: string): string {
  return value.normalize('NFKC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}
