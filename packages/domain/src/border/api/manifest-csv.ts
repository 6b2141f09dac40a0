/**
 * Airline manifest in CSV (the fallback when a carrier cannot send PAXLST). Columns: surname, given
 * names, birth date, sex, nationality, document number, document type, issuing state, expiry, flight,
 * arrival airport, scheduled arrival. Broken rows are reported with line and field; good rows are kept.
 */
import { parsePartialDate } from '../../names/index.ts';
import { isIsoDate } from '../common/dates.ts';
import type { RowIssue } from '../common/issues.ts';
import { normaliseFlightNumber } from '../crossings/transport.ts';
import { mapHeader, parseCsv, type CsvOptions } from '../lists/csv.ts';
import { normaliseDocumentNumber } from '../screening/document-numbers.ts';
import type { AdvancePassenger } from './passenger.ts';

type Column = 'surname' | 'givenNames' | 'birthDate' | 'sex' | 'nationality' | 'documentNumber' | 'documentType' | 'issuingState' | 'expiry' | 'flight' | 'arrivalAirport' | 'scheduledArrival';

export const MANIFEST_CSV_ALIASES: Readonly<Record<Column, readonly string[]>> = {
  surname: ['surname', 'last name', 'family name', 'lastname', 'фамилия'],
  givenNames: ['given names', 'given name', 'first name', 'first names', 'forename', 'forenames', 'givennames', 'имя'],
  birthDate: ['birth date', 'date of birth', 'dob', 'birthdate', 'дата рождения'],
  sex: ['sex', 'gender', 'пол'],
  nationality: ['nationality', 'citizenship', 'гражданство'],
  documentNumber: ['document number', 'document no', 'doc number', 'passport number', 'documentnumber'],
  documentType: ['document type', 'doc type', 'documenttype', 'type'],
  issuingState: ['issuing state', 'issuing country', 'issuer', 'issuingstate'],
  expiry: ['expiry', 'expiry date', 'date of expiry', 'expiration date', 'valid until'],
  flight: ['flight', 'flight number', 'flight no', 'flightnumber'],
  arrivalAirport: ['arrival airport', 'arrival', 'destination', 'arrivalairport'],
  scheduledArrival: ['scheduled arrival', 'sta', 'arrival time', 'scheduledarrival'],
};

const REQUIRED: readonly Column[] = ['surname', 'documentNumber'];
const LOCAL_TIME = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::\d{2})?$/;

export interface ManifestResult {
  readonly passengers: readonly AdvancePassenger[];
  readonly errors: readonly RowIssue[];
  readonly warnings: readonly RowIssue[];
  readonly rowsRead: number;
}

export function parseManifestCsv(text: string, options: CsvOptions = {}): ManifestResult {
  const csv = parseCsv(text, options);
  const errors: RowIssue[] = [...csv.errors];
  const warnings: RowIssue[] = [];
  const [head, ...rows] = csv.records;
  if (!head) return { passengers: [], errors: [...errors, { row: 1, field: 'file', code: 'BORDER.CSV_EMPTY', message: 'The file has no header row' }], warnings, rowsRead: 0 };
  const { index, unknown } = mapHeader(head.fields, MANIFEST_CSV_ALIASES);
  for (const u of unknown) warnings.push({ row: head.row, field: u, code: 'BORDER.CSV_UNKNOWN_COLUMN', message: `Column "${u}" is ignored` });
  const missing = REQUIRED.filter((c) => index[c] === undefined);
  if (missing.length > 0) {
    for (const m of missing) errors.push({ row: head.row, field: m, code: 'BORDER.CSV_MISSING_COLUMN', message: `Required column ${m} is missing` });
    return { passengers: [], errors, warnings, rowsRead: rows.length };
  }
  const passengers: AdvancePassenger[] = [];
  for (const rec of rows) {
    const get = (c: Column) => (index[c] === undefined ? '' : (rec.fields[index[c] as number] ?? '').trim());
    const rowErrors: RowIssue[] = [];
    const fail = (field: Column, code: string, message: string) => rowErrors.push({ row: rec.row, field, code, message });
    const surname = get('surname').toUpperCase();
    if (surname === '') fail('surname', 'BORDER.REQUIRED', 'Surname is empty');
    const birthRaw = get('birthDate');
    if (birthRaw !== '' && parsePartialDate(birthRaw) === null) fail('birthDate', 'BORDER.INVALID_DATE', `"${birthRaw}" is not YYYY-MM-DD, YYYY-MM or YYYY`);
    const sexRaw = get('sex').toUpperCase();
    const sex = sexRaw === 'M' || sexRaw === 'F' || sexRaw === 'X' ? sexRaw : null;
    if (sexRaw !== '' && sexRaw !== 'U' && sex === null) fail('sex', 'BORDER.INVALID_SEX', `Sex must be M, F, X or U, not "${get('sex')}"`);
    const code3 = (c: Column) => {
      const v = get(c).toUpperCase();
      if (v !== '' && !/^[A-Z]{1,3}$/.test(v)) fail(c, 'BORDER.INVALID_COUNTRY', `"${get(c)}" is not an ICAO code`);
      return v === '' ? null : v;
    };
    const nationality = code3('nationality');
    const issuingState = code3('issuingState');
    const number = normaliseDocumentNumber(get('documentNumber'));
    if (number === '') fail('documentNumber', 'BORDER.REQUIRED', 'Document number is empty');
    else if (number.length > 24) fail('documentNumber', 'BORDER.INVALID_DOCUMENT_NUMBER', 'Document number is longer than 24 characters');
    const expiry = get('expiry');
    if (expiry !== '' && !isIsoDate(expiry)) fail('expiry', 'BORDER.INVALID_DATE', `"${expiry}" is not YYYY-MM-DD`);
    const flightRaw = get('flight');
    const flight = flightRaw === '' ? null : normaliseFlightNumber(flightRaw);
    if (flightRaw !== '' && flight === null) fail('flight', 'BORDER.INVALID_FLIGHT_NUMBER', `"${flightRaw}" is not a flight number`);
    const airport = get('arrivalAirport').toUpperCase();
    if (airport !== '' && !/^[A-Z]{3}$/.test(airport)) fail('arrivalAirport', 'BORDER.INVALID_AIRPORT', `"${airport}" is not an IATA airport code`);
    const sta = get('scheduledArrival');
    const staMatch = LOCAL_TIME.exec(sta);
    if (sta !== '' && (!staMatch || !isIsoDate(staMatch[1]) || Number(staMatch[2]) > 23 || Number(staMatch[3]) > 59)) {
      fail('scheduledArrival', 'BORDER.INVALID_DATE_TIME', `"${sta}" is not YYYY-MM-DDTHH:MM (local time)`);
    }
    if (rowErrors.length > 0) {
      errors.push(...rowErrors);
      continue;
    }
    passengers.push({
      role: 'passenger',
      surname,
      givenNames: get('givenNames').toUpperCase(),
      birthDate: birthRaw === '' ? null : birthRaw,
      sex,
      nationality,
      document: { number, type: get('documentType') || null, issuingState, expiryDate: expiry || null },
      flight: { number: flight, arrivalAirport: airport || null, scheduledArrival: staMatch ? `${staMatch[1]}T${staMatch[2]}:${staMatch[3]}` : null },
      source: { row: rec.row },
    });
  }
  errors.sort((a, b) => a.row - b.row);
  return { passengers, errors, warnings, rowsRead: rows.length };
}
