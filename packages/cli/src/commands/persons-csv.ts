/**
 * CSV rows → person records for `kamurj persons import`. One row is one person; the header names the
 * columns (any order, case-insensitive); empty cells are absent values; other columns are ignored. The
 * population generator's CSV (`kamurj population generate`) reads as it is.
 */
import { parseMrz } from '../../../domain/src/documents/mrz/index.ts';

export const CSV_COLUMNS = {
  surname: 'surname as written (any script)',
  given_name: 'given name(s) as written (also: given_names)',
  patronymic: 'patronymic as written',
  surname_latin: 'surname as on the travel document (Latin)',
  given_name_latin: 'given name(s) as on the travel document',
  birth_date: 'YYYY, YYYY-MM or YYYY-MM-DD',
  sex: 'M, F or X',
  nationality: 'ICAO codes (ARM, XXA, …); several separated by ; or space',
  document_type: 'passport (default), id_card, travel_document, residence_permit, …',
  document_number: 'document number',
  document_issuer: 'issuing state (ICAO code)',
  document_issue: 'issue date YYYY-MM-DD',
  document_expiry: 'expiry date YYYY-MM-DD',
  document_status: 'valid (default), expired, lost, stolen, revoked',
  mrz_line1: 'first MRZ line (with mrz_line2, mrz_line3): kept on the document; its name is added as the MRZ form',
  region: 'registration region (ISO 3166-2, e.g. AM-ER): jurisdiction and residence',
  community: 'community of residence as written',
  phone: 'telephone number',
  email: 'e-mail address',
  trafficking_victim: 'true/false (protected category)',
  asylum_seeker: 'true/false (protected category)',
} as const;

const ALIASES: Record<string, string> = { given_names: 'given_name', givennames: 'given_name', date_of_birth: 'birth_date', dob: 'birth_date' };
const KNOWN = new Set([...Object.keys(CSV_COLUMNS), 'mrz_line2', 'mrz_line3']);

export interface CsvPerson {
  value: Record<string, unknown>;
  /** The column a field of the record came from: `documents.0.number` → `document_number`. */
  columnOf(field: string): string;
}

export function headerColumns(header: readonly string[]): { columns: string[]; ignored: string[] } {
  const columns = header.map((h) => {
    const c = h.trim().toLowerCase();
    return ALIASES[c] ?? c;
  });
  return { columns, ignored: columns.filter((c) => c !== '' && !KNOWN.has(c)) };
}

const truthy = (v: string) => /^(1|true|yes|y)$/i.test(v);

export function csvPerson(columns: readonly string[], fields: readonly string[], referenceDate: string, country: string): CsvPerson {
  const cell = (c: string) => {
    const i = columns.indexOf(c);
    return i >= 0 ? (fields[i] ?? '').trim() : '';
  };
  const sources = new Map<string, string>();
  const from = (field: string, column: string) => sources.set(field, column);
  const names: Record<string, unknown>[] = [];
  const addName = (surname: string, given: string, patronymic: string, kind: string, cols: [string, string]) => {
    if (!surname && !given && !patronymic) return;
    const i = names.length;
    names.push({ surname, givenNames: given, ...(patronymic ? { patronymic } : {}), kind });
    from(`names.${i}`, cols[0]);
    from(`names.${i}.surname`, cols[0]);
    from(`names.${i}.givenNames`, cols[1]);
    from(`names.${i}.patronymic`, 'patronymic');
  };
  addName(cell('surname'), cell('given_name'), cell('patronymic'), 'as-written', ['surname', 'given_name']);
  addName(cell('surname_latin'), cell('given_name_latin'), '', 'document-latin', ['surname_latin', 'given_name_latin']);
  const mrz = [cell('mrz_line1'), cell('mrz_line2'), cell('mrz_line3')].filter(Boolean).join('\n');
  if (mrz) {
    const parsed = parseMrz(mrz, { referenceDate });
    const [s, g] = [parsed.surname ?? '', parsed.givenNames ?? ''];
    if ((s || g) && !names.some((n) => n.surname === s && n.givenNames === g)) addName(s, g, '', 'mrz', ['mrz_line1', 'mrz_line1']);
  }
  if (!names.length) from('names', 'surname');

  const value: Record<string, unknown> = { names };
  const set = (field: string, column: string, v: unknown) => {
    value[field] = v;
    from(field, column);
  };
  if (cell('birth_date')) set('birthDate', 'birth_date', cell('birth_date'));
  if (cell('sex')) set('sex', 'sex', cell('sex').toUpperCase());
  const nationalities = cell('nationality').split(/[;,\s]+/).filter(Boolean);
  set('citizenships', 'nationality', nationalities.map((code) => ({ code: code.toUpperCase() })));
  if (cell('document_number') || mrz) {
    const doc: Record<string, unknown> = {
      type: cell('document_type') || 'passport',
      number: cell('document_number'),
      issuingState: cell('document_issuer').toUpperCase(),
    };
    if (cell('document_issue')) doc.issueDate = cell('document_issue');
    if (cell('document_expiry')) doc.expiryDate = cell('document_expiry');
    if (cell('document_status')) doc.status = cell('document_status');
    if (mrz) doc.mrz = mrz;
    set('documents', 'document_number', [doc]);
    for (const [f, c] of Object.entries({ type: 'document_type', number: 'document_number', issuingState: 'document_issuer', issueDate: 'document_issue', expiryDate: 'document_expiry', status: 'document_status', mrz: 'mrz_line1' })) {
      from(`documents.0.${f}`, c);
    }
  }
  if (cell('region')) {
    set('registeredIn', 'region', cell('region').toUpperCase());
    set('addresses', 'region', [{ kind: 'residence', country, region: cell('region').toUpperCase(), ...(cell('community') ? { community: cell('community') } : {}) }]);
    from('addresses.0.community', 'community');
  }
  const contacts = [
    ...(cell('phone') ? [{ kind: 'phone', value: cell('phone') }] : []),
    ...(cell('email') ? [{ kind: 'email', value: cell('email') }] : []),
  ];
  if (contacts.length) {
    set('contacts', 'phone', contacts);
    contacts.forEach((c, i) => from(`contacts.${i}`, c.kind));
  }
  if (cell('trafficking_victim') || cell('asylum_seeker')) {
    set('protection', 'trafficking_victim', { traffickingVictim: truthy(cell('trafficking_victim')), asylumSeeker: truthy(cell('asylum_seeker')) });
    from('protection.asylumSeeker', 'asylum_seeker');
  }
  return {
    value,
    columnOf: (field) => {
      // The longest known prefix of the field names its column.
      for (let f = field; f; f = f.includes('.') ? f.slice(0, f.lastIndexOf('.')) : '') {
        const c = sources.get(f);
        if (c) return c;
      }
      return field;
    },
  };
}
