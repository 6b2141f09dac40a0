/**
 * UN/EDIFACT PAXLST (D02B, WCO/IATA/ICAO API guidelines) → AdvancePassenger. Read:
 *   UNB/UNH/BGM header (message type must be PAXLST; BGM 745 passengers, 250 crew), TDT flight,
 *   LOC 125/87 departure/arrival airport, DTM 189/232 departure/arrival (201 YYMMDDHHMM, 203 CCYYMMDDHHMM),
 *   NAD FL (passenger) / FM (crew) starts a traveller: name = surname:given:given…, ATT 2 sex,
 *   DTM 329 birth date, NAT 2 nationality, DOC type + number, DTM 36 expiry, LOC 91 issuing state,
 *   LOC 179 debarkation (the traveller's arrival airport), UNT/UNZ counts.
 * Known segments that carry nothing the console needs (COM, RFF, CNT, GEI, FTX, EMP, MEA, QTY, UNG, UNE,
 * LOC 178/174/180/22) are skipped quietly; any other segment is a warning. Never throws.
 */
import { parseBirthDate, parseExpiryDate, parseIsoDate } from '../../documents/mrz/dates.ts';
import { normaliseFlightNumber } from '../crossings/transport.ts';
import { normaliseDocumentNumber } from '../screening/document-numbers.ts';
import { comp, parseEdifact, type EdifactIssue, type Segment, type Separators } from './edifact.ts';
import type { AdvancePassenger } from './passenger.ts';

export interface PaxlstHeader {
  readonly sender: string | null;
  readonly recipient: string | null;
  readonly interchangeRef: string | null;
  readonly messageRef: string | null;
  readonly listType: 'passengers' | 'crew' | null;
  readonly flight: string | null;
  readonly departureAirport: string | null;
  readonly arrivalAirport: string | null;
  readonly scheduledDeparture: string | null;
  readonly scheduledArrival: string | null;
}

export interface PaxlstResult {
  readonly header: PaxlstHeader;
  readonly passengers: readonly AdvancePassenger[];
  readonly errors: readonly EdifactIssue[];
  readonly warnings: readonly EdifactIssue[];
  readonly separators: Separators;
}

const QUIET = new Set(['UNG', 'UNE', 'COM', 'RFF', 'CNT', 'GEI', 'FTX', 'EMP', 'MEA', 'QTY', 'CTA']);

/** `YYMMDDHHMM` (201), `CCYYMMDDHHMM` (203) or `CCYYMMDD` (102) → local `YYYY-MM-DDTHH:MM` / date. */
function dateTime(value: string, format: string): string | null {
  const v = value.trim();
  let full: string | null = null;
  if ((format === '201' || format === '') && /^\d{10}$/.test(v)) full = `20${v}`;
  else if ((format === '203' || format === '') && /^\d{12}$/.test(v)) full = v;
  if (full) {
    const date = `${full.slice(0, 4)}-${full.slice(4, 6)}-${full.slice(6, 8)}`;
    const [h, m] = [Number(full.slice(8, 10)), Number(full.slice(10, 12))];
    return parseIsoDate(date) && h < 24 && m < 60 ? `${date}T${full.slice(8, 10)}:${full.slice(10, 12)}` : null;
  }
  if ((format === '102' || format === '') && /^\d{8}$/.test(v)) {
    const date = `${v.slice(0, 4)}-${v.slice(4, 6)}-${v.slice(6, 8)}`;
    return parseIsoDate(date) ? date : null;
  }
  return null;
}

/** Birth (329) and expiry (36) dates: YYMMDD with the MRZ century policy, or CCYYMMDD. */
function documentDate(value: string, kind: 'birth' | 'expiry', ref: { year: number; month: number; day: number }): string | null {
  const v = value.trim();
  if (/^\d{8}$/.test(v)) return dateTime(v, '102');
  const r = kind === 'birth' ? parseBirthDate(v, ref) : parseExpiryDate(v, ref);
  return r.ok ? r.iso : null;
}

interface Draft {
  role: 'passenger' | 'crew';
  surname: string;
  givenNames: string;
  birthDate: string | null;
  sex: 'M' | 'F' | 'X' | null;
  nationality: string | null;
  document: { number: string; type: string | null; issuingState: string | null; expiryDate: string | null };
  arrivalAirport: string | null;
  segment: number;
  inDocument: boolean;
}

export function parsePaxlst(text: string, options: { referenceDate: string }): PaxlstResult {
  const ref = parseIsoDate(options.referenceDate);
  if (!ref) throw new RangeError(`referenceDate must be YYYY-MM-DD, got ${options.referenceDate}`);
  const parsed = parseEdifact(text);
  const errors: EdifactIssue[] = [...parsed.errors];
  const warnings: EdifactIssue[] = [];
  const header = { sender: null, recipient: null, interchangeRef: null, messageRef: null, listType: null, flight: null, departureAirport: null, arrivalAirport: null, scheduledDeparture: null, scheduledArrival: null } as {
    -readonly [K in keyof PaxlstHeader]: PaxlstHeader[K];
  };
  const passengers: AdvancePassenger[] = [];
  let draft: Draft | null = null;
  let messageStart = -1;
  let messages = 0;
  const flush = () => {
    if (!draft) return;
    const d = draft;
    if (d.surname === '') errors.push({ segment: d.segment, code: 'BORDER.PAXLST_NO_NAME', message: 'A traveller without a surname is skipped' });
    else
      passengers.push({
        role: d.role,
        surname: d.surname,
        givenNames: d.givenNames,
        birthDate: d.birthDate,
        sex: d.sex,
        nationality: d.nationality,
        document: d.document,
        flight: { number: header.flight, arrivalAirport: d.arrivalAirport ?? header.arrivalAirport, scheduledArrival: header.scheduledArrival },
        source: { segment: d.segment },
      });
    draft = null;
  };
  const bad = (s: Segment, code: string, message: string) => errors.push({ segment: s.index, code, message });
  for (const s of parsed.segments) {
    const q = comp(s, 1);
    switch (s.tag) {
      case 'UNB':
        header.sender = comp(s, 2) || null;
        header.recipient = comp(s, 3) || null;
        header.interchangeRef = comp(s, 5) || null;
        break;
      case 'UNH':
        if (comp(s, 2) !== 'PAXLST') bad(s, 'BORDER.PAXLST_NOT_PAXLST', `Message type ${comp(s, 2) || '(none)'} is not PAXLST`);
        header.messageRef = q || null;
        messageStart = s.index;
        messages++;
        break;
      case 'BGM':
        header.listType = q === '745' ? 'passengers' : q === '250' ? 'crew' : null;
        if (header.listType === null) warnings.push({ segment: s.index, code: 'BORDER.PAXLST_UNKNOWN_LIST_TYPE', message: `BGM document code ${q} is neither 745 nor 250` });
        break;
      case 'TDT': {
        const flight = normaliseFlightNumber(comp(s, 2));
        if (flight === null) bad(s, 'BORDER.INVALID_FLIGHT_NUMBER', `"${comp(s, 2)}" is not a flight number`);
        flush();
        header.flight = flight;
        break;
      }
      case 'NAD':
        if (q === 'FL' || q === 'FM' || q === 'DDT' || q === 'DDU' || q === 'COT') {
          flush();
          const name = s.elements[3] ?? [];
          draft = {
            role: q === 'FL' || q === 'DDU' ? 'passenger' : 'crew',
            surname: (name[0] ?? '').trim(),
            givenNames: name.slice(1).map((n) => n.trim()).filter((n) => n !== '').join(' '),
            birthDate: null,
            sex: null,
            nationality: null,
            document: { number: '', type: null, issuingState: null, expiryDate: null },
            arrivalAirport: null,
            segment: s.index,
            inDocument: false,
          };
        }
        break;
      case 'ATT': {
        const sex = comp(s, 3);
        if (draft && q === '2') {
          if (sex === 'M' || sex === 'F' || sex === 'X') draft.sex = sex;
          else if (sex !== 'U') bad(s, 'BORDER.INVALID_SEX', `Sex "${sex}" is not M, F, X or U`);
        }
        break;
      }
      case 'DTM': {
        const [qual, value, format] = [comp(s, 1, 0), comp(s, 1, 1), comp(s, 1, 2)];
        if (qual === '329' || qual === '36') {
          if (!draft) break;
          const iso = documentDate(value, qual === '329' ? 'birth' : 'expiry', ref);
          if (iso === null) bad(s, 'BORDER.INVALID_DATE', `DTM ${qual}: "${value}" is not a date`);
          else if (qual === '329') draft.birthDate = iso;
          else draft.document.expiryDate = iso;
        } else if (qual === '189' || qual === '232') {
          const v = dateTime(value, format);
          if (v === null) bad(s, 'BORDER.INVALID_DATE_TIME', `DTM ${qual}: "${value}" is not a date and time`);
          else if (qual === '189') header.scheduledDeparture = v;
          else header.scheduledArrival = v;
        }
        break;
      }
      case 'LOC': {
        const place = comp(s, 2).toUpperCase();
        if (q === '125') header.departureAirport = place || null;
        else if (q === '87') header.arrivalAirport = place || null;
        else if (q === '179' && draft) draft.arrivalAirport = place || null;
        else if (q === '91' && draft) draft.document.issuingState = place || null;
        break;
      }
      case 'NAT':
        if (draft) draft.nationality = comp(s, 2).toUpperCase() || null;
        break;
      case 'DOC':
        if (draft) {
          const number = normaliseDocumentNumber(comp(s, 2));
          if (number === '') bad(s, 'BORDER.PAXLST_NO_DOCUMENT_NUMBER', 'DOC without a document number');
          if (draft.inDocument) warnings.push({ segment: s.index, code: 'BORDER.PAXLST_SECOND_DOCUMENT', message: 'Only the first DOC of a traveller is kept' });
          else draft.document = { ...draft.document, number, type: q || null };
          draft.inDocument = true;
        }
        break;
      case 'UNT': {
        flush();
        const count = Number(q);
        const actual = messageStart < 0 ? -1 : s.index - messageStart + 1;
        if (!Number.isInteger(count) || count !== actual) warnings.push({ segment: s.index, code: 'BORDER.PAXLST_SEGMENT_COUNT', message: `UNT says ${q} segments, the message has ${actual}` });
        break;
      }
      case 'UNZ':
        flush();
        if (Number(q) !== messages) warnings.push({ segment: s.index, code: 'BORDER.PAXLST_MESSAGE_COUNT', message: `UNZ says ${q} messages, the interchange has ${messages}` });
        break;
      default:
        if (!QUIET.has(s.tag)) warnings.push({ segment: s.index, code: 'BORDER.PAXLST_UNSUPPORTED_SEGMENT', message: `Segment ${s.tag} is not read` });
    }
  }
  flush();
  if (messages === 0) errors.push({ segment: 0, code: 'BORDER.PAXLST_NO_MESSAGE', message: 'No UNH segment: this is not a PAXLST interchange' });
  return { header, passengers, errors, warnings, separators: parsed.separators };
}
