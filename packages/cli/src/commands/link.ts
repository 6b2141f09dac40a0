/**
 * `kamurj link`: batch record linkage of CSV files. Writes `record_id,cluster_id` for every input record
 * (input order) to standard output; records with the same cluster_id are the same person.
 * Exit: 0 linked (even with warnings), 2 bad input (usage, missing column, unreadable file, ragged row).
 */
import { createReadStream } from 'node:fs';
import type { CliIo, Command } from '../command.ts';
import {
  compileDateFormat,
  CsvError,
  CsvReader,
  DEFAULT_DATE_FORMAT,
  DEFAULT_MAX_CLUSTER_SIZE,
  FIELD_KINDS,
  LINK_THRESHOLD,
  linkRecords,
  normalizeIdentifier,
  normalizeText,
  parseDateValue,
  parseEmail,
  parseFieldSpec,
  parseNationality,
  parsePhone,
  parseSex,
  RecordPreparer,
  type DateFormat,
  type FieldSpec,
  type LinkInput,
  type LinkRecord,
} from '../../../domain/src/linkage/index.ts';

const HELP = `Usage: kamurj link --input FILE [--input FILE …] --id COLUMN --field KIND=COLUMN[:FORMAT] …

Finds the records of the same person in CSV files (header line required) and writes one line per
input record, in input order, to standard output:
  record_id,cluster_id
Records with the same cluster_id are the same person (cluster_id is the first record_id of the cluster).

Field kinds: ${FIELD_KINDS.join(', ')}
  birth_date takes a format: YYYYMMDD, YYYY-MM-DD (default), DD.MM.YYYY, MM/DD/YYYY …
  (a lone year such as 1980 is read as year-only; 00 for month or day means unknown).
Names may be in any script (Armenian, Cyrillic, Georgian, Arabic, Latin) and romanization.

Options:
  --input FILE            CSV file (repeatable; every file needs the --id and --field columns)
  --id COLUMN             column holding the record id
  --field KIND=COLUMN     a column to compare (repeatable, each kind at most once)
  --threshold N           link threshold (default ${LINK_THRESHOLD})
  --max-cluster-size N    largest cluster allowed (default ${DEFAULT_MAX_CLUSTER_SIZE})
  --delimiter C           field separator (default ",")
  --stats                 print blocking and clustering figures as JSON to standard error
  -h, --help              show this help

Example (FEBRL):
  kamurj link --input dataset1.csv --id rec_id --field given_name=given_name --field surname=surname \\
    --field birth_date=date_of_birth:YYYYMMDD --field national_id=soc_sec_id --field postcode=postcode

Unparsable values (a bad date, an unknown sex) are reported as warnings on standard error and the row
is linked on its other fields. Exit status: 0 linked, 2 bad input or usage.`;

class InputError extends Error {}

interface Options {
  inputs: string[];
  id: string;
  fields: FieldSpec[];
  threshold: number;
  maxClusterSize: number;
  delimiter: string;
  stats: boolean;
}

function parseOptions(args: readonly string[]): Options | { help: true } {
  const o: Options = { inputs: [], id: '', fields: [], threshold: LINK_THRESHOLD, maxClusterSize: DEFAULT_MAX_CLUSTER_SIZE, delimiter: ',', stats: false };
  for (let i = 0; i < args.length; i++) {
    const arg = args[i] as string;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') && !arg.startsWith('--field=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? args[++i];
      if (v === undefined || v === '') throw new InputError(`${flag} needs a value`);
      return v;
    };
    if (flag === '-h' || flag === '--help') return { help: true };
    else if (flag === '--input') o.inputs.push(value());
    else if (flag === '--id') o.id = value();
    else if (flag === '--field' || arg.startsWith('--field=')) {
      const spec = parseFieldSpec(arg.startsWith('--field=') ? arg.slice(8) : value());
      if (!spec.ok) throw new InputError(spec.message);
      if (o.fields.some((f) => f.kind === spec.spec.kind)) throw new InputError(`--field ${spec.spec.kind} is given twice`);
      o.fields.push(spec.spec);
    } else if (flag === '--threshold') {
      const n = Number(value());
      if (!Number.isFinite(n) || n < 0 || n > 2) throw new InputError('--threshold needs a number in [0, 2]');
      o.threshold = n;
    } else if (flag === '--max-cluster-size') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 2) throw new InputError('--max-cluster-size needs an integer ≥ 2');
      o.maxClusterSize = n;
    } else if (flag === '--delimiter') {
      const d = value();
      o.delimiter = d === '\\t' ? '\t' : d;
      if (o.delimiter.length !== 1) throw new InputError('--delimiter needs one character');
    } else if (flag === '--stats') o.stats = true;
    else throw new InputError(`unknown argument: ${arg}`);
  }
  if (o.inputs.length === 0) throw new InputError('at least one --input FILE is required');
  if (o.id === '') throw new InputError('--id COLUMN is required');
  if (o.fields.length === 0) throw new InputError('at least one --field KIND=COLUMN is required');
  return o;
}

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** Turns one row into a LinkInput; unparsable values become warnings. */
function rowParser(fields: readonly FieldSpec[], indexOf: ReadonlyMap<string, number>, dateFormat: DateFormat) {
  return (row: readonly string[], warn: (message: string) => void): LinkInput => {
    const input: Record<string, unknown> = {};
    for (const f of fields) {
      const raw = row[indexOf.get(f.column) as number] ?? '';
      if (raw.trim() === '') continue;
      const bad = (what: string) => warn(`${f.kind} "${raw.length > 40 ? `${raw.slice(0, 40)}…` : raw}" ${what}`);
      switch (f.kind) {
        case 'given_name': input.givenName = raw.trim(); break;
        case 'surname': input.surname = raw.trim(); break;
        case 'full_name': input.fullName = raw.trim(); break;
        case 'birth_date': {
          const d = parseDateValue(raw, f.format ? (compileDateFormat(f.format) as DateFormat) : dateFormat);
          if (d === null) bad(`is not a date in ${f.format ?? DEFAULT_DATE_FORMAT}`);
          else if (d) input.birthDate = d;
          break;
        }
        case 'sex': {
          const s = parseSex(raw);
          if (s === null) bad('is not a sex (M/F)');
          else if (s) input.sex = s;
          break;
        }
        case 'nationality': {
          const n = parseNationality(raw);
          if (n === null) bad('is not a country code');
          else if (n) input.nationality = n;
          break;
        }
        case 'document_number': input.documentNumber = normalizeIdentifier(raw); break;
        case 'national_id': input.nationalId = normalizeIdentifier(raw); break;
        case 'address': input.address = normalizeText(raw); break;
        case 'city': input.city = normalizeText(raw); break;
        case 'postcode': input.postcode = normalizeIdentifier(raw); break;
        case 'phone': {
          const p = parsePhone(raw);
          if (p === null) bad('is not a phone number');
          else if (p) input.phone = p;
          break;
        }
        case 'email': {
          const e = parseEmail(raw);
          if (e === null) bad('is not an e-mail address');
          else if (e) input.email = e;
          break;
        }
      }
    }
    return input as LinkInput;
  };
}

interface Loaded {
  ids: string[];
  records: LinkRecord[];
}

async function readInput(path: string, o: Options, loaded: Loaded, preparer: RecordPreparer, warn: (m: string) => void): Promise<void> {
  let header: string[] | null = null;
  let parse: ReturnType<typeof rowParser> | null = null;
  let idIndex = 0;
  const reader = new CsvReader(
    (row, line) => {
      if (!header) {
        header = row.map((h) => h.trim());
        const indexOf = new Map(header.map((h, i) => [h, i] as const));
        const missing = [o.id, ...o.fields.map((f) => f.column)].filter((c) => !indexOf.has(c));
        if (missing.length > 0) {
          throw new InputError(`${path}: no column ${missing.map((c) => `"${c}"`).join(', ')} (columns: ${header.join(', ')})`);
        }
        idIndex = indexOf.get(o.id) as number;
        parse = rowParser(o.fields, indexOf, compileDateFormat(DEFAULT_DATE_FORMAT) as DateFormat);
        return;
      }
      if (row.length !== header.length) throw new InputError(`${path} line ${line}: ${row.length} fields, the header has ${header.length}`);
      const id = row[idIndex] ?? '';
      const input = (parse as ReturnType<typeof rowParser>)(row, (m) => warn(`${path} line ${line} (${id}): ${m}; linked on the other fields`));
      loaded.ids.push(id);
      loaded.records.push(preparer.prepare(input));
    },
    { delimiter: o.delimiter },
  );
  const stream = createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 });
  try {
    for await (const chunk of stream) reader.push(chunk as string);
    reader.end();
  } catch (e) {
    stream.destroy();
    if (e instanceof InputError) throw e;
    if (e instanceof CsvError) throw new InputError(`${path} ${e.message}`);
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(`cannot read ${path}${code ? ` (${code})` : ''}: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!header) throw new InputError(`${path}: empty file (a header line is required)`);
}

const MAX_WARNINGS = 50;

export const linkCommand: Command = {
  path: ['link'],
  summary: 'Find the records of the same person in CSV files (blocking, scoring, clustering)',
  help: HELP,
  async run(args: readonly string[], io: CliIo): Promise<number> {
    let warnings = 0;
    const warn = (m: string) => {
      if (++warnings <= MAX_WARNINGS) io.stderr(`warning: ${m}\n`);
    };
    try {
      const o = parseOptions(args);
      if ('help' in o) {
        io.stdout(`${HELP}\n`);
        return 0;
      }
      const loaded: Loaded = { ids: [], records: [] };
      const preparer = new RecordPreparer();
      for (const path of o.inputs) await readInput(path, o, loaded, preparer, warn);
      const seen = new Set<string>();
      let duplicateIds = 0;
      for (const id of loaded.ids) if (seen.size === seen.add(id).size) duplicateIds++;
      if (duplicateIds > 0) warn(`${duplicateIds} record ids occur more than once; their lines are written as read`);
      if (warnings > MAX_WARNINGS) io.stderr(`… ${warnings - MAX_WARNINGS} more warnings\n`);

      const result = linkRecords(loaded.records, { threshold: o.threshold, maxClusterSize: o.maxClusterSize });
      const out: string[] = ['record_id,cluster_id'];
      for (let i = 0; i < loaded.ids.length; i++) {
        out.push(`${csvCell(loaded.ids[i] as string)},${csvCell(loaded.ids[result.clusterOf[i] as number] as string)}`);
        if (out.length >= 10_000) {
          io.stdout(`${out.join('\n')}\n`);
          out.length = 0;
        }
      }
      if (out.length > 0) io.stdout(`${out.join('\n')}\n`);
      if (o.stats) io.stderr(`${JSON.stringify({ ...result.stats, warnings })}\n`);
      return 0;
    } catch (e) {
      if (e instanceof InputError) {
        io.stderr(`kamurj link: ${e.message}\n(see kamurj link --help)\n`);
        return 2;
      }
      throw e;
    }
  },
};
