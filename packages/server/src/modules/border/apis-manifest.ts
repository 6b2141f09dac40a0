import { normaliseFlightNumber, parseManifestCsv, parsePaxlst, type AdvancePassenger, type DocumentType } from '@kamurj/domain/border';
import { DomainError, validationError } from '@kamurj/domain/kernel';
import type { ApisIssue, PassengerInput } from './apis-repository.ts';
import type { ManualDocument } from './schemas.ts';

/**
 * Reading an uploaded manifest (ADR 0504): the domain parses CSV or PAXLST; here the flight, carrier and
 * scheduled arrival of the manifest are settled (the upload's fields, else what the file carries), and
 * travellers that do not belong to it are set aside: another flight or arrival date is a broken row (an
 * error), another arrival airport (a multi-leg flight) is skipped with a warning. Nothing is stored here.
 */
export interface ManifestUpload {
  crossingPoint?: string | undefined;
  format?: 'csv' | 'paxlst' | undefined;
  content: string;
  flightNumber?: string | undefined;
  carrier?: string | undefined;
  scheduledArrival?: string | undefined;
}

export interface RawManifest {
  format: 'csv' | 'paxlst';
  passengers: readonly AdvancePassenger[];
  errors: ApisIssue[];
  warnings: ApisIssue[];
  rowsRead: number;
  flight: string | null;
  arrivalAirport: string | null;
  departureAirport: string | null;
  scheduledArrival: string | null;
  sourceRef: string | null;
}

export interface ReadManifest {
  format: 'csv' | 'paxlst';
  flight: string;
  carrier: string;
  departureAirport: string | null;
  arrivalAirport: string | null;
  scheduledArrival: string;
  arrivalDate: string;
  sourceRef: string | null;
  rowsRead: number;
  passengers: PassengerInput[];
  errors: ApisIssue[];
  warnings: ApisIssue[];
}

const issue = (at: { row?: number; segment?: number }, field: string | null, code: string, message: string): ApisIssue => ({
  row: at.row ?? null,
  segment: at.segment ?? null,
  field,
  code,
  message,
});
const where = (p: AdvancePassenger) => ('row' in p.source ? { row: p.source.row } : { segment: p.source.segment });

/** The most frequent non-null value (ties: the first seen). */
function mostCommon(values: readonly (string | null)[]): string | null {
  const counts = new Map<string, number>();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | null = null;
  for (const [v, n] of counts) if (best === null || n > (counts.get(best) ?? 0)) best = v;
  return best;
}

export const detectFormat = (content: string): 'csv' | 'paxlst' => (/^\uFEFF?\s*UN[AB]/.test(content) ? 'paxlst' : 'csv');

/** Parses the file with the domain parser of its format; never throws for bad content. */
export function parseUpload(body: ManifestUpload, referenceDate: string): RawManifest {
  const format = body.format ?? detectFormat(body.content);
  if (format === 'paxlst') {
    const r = parsePaxlst(body.content, { referenceDate });
    return {
      format,
      passengers: r.passengers,
      errors: r.errors.map((e) => issue({ segment: e.segment }, null, e.code, e.message)),
      warnings: r.warnings.map((e) => issue({ segment: e.segment }, null, e.code, e.message)),
      rowsRead: r.passengers.length + r.errors.filter((e) => e.code === 'BORDER.PAXLST_NO_NAME').length,
      flight: r.header.flight,
      arrivalAirport: r.header.arrivalAirport,
      departureAirport: r.header.departureAirport,
      scheduledArrival: r.header.scheduledArrival,
      sourceRef: r.header.interchangeRef,
    };
  }
  const r = parseManifestCsv(body.content);
  return {
    format,
    passengers: r.passengers,
    errors: r.errors.map((e) => issue({ row: e.row }, e.field, e.code, e.message)),
    warnings: r.warnings.map((e) => issue({ row: e.row }, e.field, e.code, e.message)),
    rowsRead: r.rowsRead,
    flight: mostCommon(r.passengers.map((p) => p.flight.number)),
    arrivalAirport: mostCommon(r.passengers.map((p) => p.flight.arrivalAirport)),
    departureAirport: null,
    scheduledArrival: mostCommon(r.passengers.map((p) => p.flight.scheduledArrival)),
    sourceRef: null,
  };
}

/** The arrival airport the file names (its header, else most travellers), for finding the crossing point. */
export const fileAirport = (raw: RawManifest): string | null => raw.arrivalAirport ?? mostCommon(raw.passengers.map((p) => p.flight.arrivalAirport));

function documentType(type: string | null): DocumentType {
  const t = (type ?? '').trim().toUpperCase();
  if (t.startsWith('P')) return 'passport';
  if (t === 'I' || t === 'ID' || t.startsWith('A') || t.startsWith('C') || t === 'ID_CARD') return 'id_card';
  return 'other';
}

/** The document of a manifest traveller as the console's manual form, so the same check can run on it. */
export function manualDocumentOf(p: PassengerInput): ManualDocument {
  return {
    documentType: documentType(p.documentType),
    documentNumber: p.documentNumber,
    issuingState: p.issuingState ?? 'XXX',
    ...(p.nationality ? { nationality: p.nationality } : {}),
    surname: p.surname.slice(0, 100),
    givenNames: p.givenNames.slice(0, 100),
    ...(p.birthDate ? { birthDate: p.birthDate } : {}),
    ...(p.sex === 'M' || p.sex === 'F' || p.sex === 'X' ? { sex: p.sex } : {}),
    ...(p.expiryDate ? { expiryDate: p.expiryDate } : {}),
  };
}

/** No traveller left: a 400 naming each broken row or segment (at most 50), nothing stored. */
function noPassengers(errors: readonly ApisIssue[]): DomainError {
  const issues = errors.slice(0, 50).map((e) => ({ field: e.row !== null ? `content.row.${e.row}` : `content.segment.${e.segment ?? 0}`, code: e.code, message: e.message }));
  if (issues.length === 0) issues.push({ field: 'body.content', code: 'BORDER.APIS_NO_PASSENGERS', message: 'The manifest has no traveller for this crossing point' });
  return new DomainError('BORDER.APIS_NO_PASSENGERS', 'validation', 'No traveller could be loaded from the manifest; nothing was stored', { issues });
}

/**
 * Settles the manifest's flight and arrival and keeps the travellers that belong to it. A manifest with
 * no flight or arrival time, or with no traveller left, is refused (400) with every problem named.
 */
export function settleManifest(raw: RawManifest, body: ManifestUpload, pointIata: string | null): ReadManifest {
  if (raw.passengers.length === 0) throw noPassengers(raw.errors);
  const errors = [...raw.errors];
  const warnings = [...raw.warnings];
  const problems: { field: string; code: string; message: string }[] = [];
  let flight = raw.flight;
  if (body.flightNumber !== undefined) {
    flight = normaliseFlightNumber(body.flightNumber);
    if (flight === null) problems.push({ field: 'body.flightNumber', code: 'BORDER.INVALID_FLIGHT_NUMBER', message: `"${body.flightNumber}" is not a flight number` });
  } else if (flight === null) problems.push({ field: 'body.flightNumber', code: 'BORDER.APIS_NO_FLIGHT', message: 'The file names no flight: give the flight number' });
  const scheduledArrival = body.scheduledArrival ?? raw.scheduledArrival;
  if (scheduledArrival === null || scheduledArrival.length < 16) {
    problems.push({ field: 'body.scheduledArrival', code: 'BORDER.APIS_NO_ARRIVAL_TIME', message: 'The file names no scheduled arrival date and time: give it (local time, YYYY-MM-DDTHH:MM)' });
  }
  if (pointIata && raw.arrivalAirport && raw.arrivalAirport !== pointIata) {
    problems.push({ field: 'body.crossingPoint', code: 'BORDER.APIS_WRONG_AIRPORT', message: `The file is for arrivals at ${raw.arrivalAirport}, not ${pointIata}` });
  }
  if (problems.length > 0 || flight === null || scheduledArrival === null) throw validationError(problems, 'The manifest cannot be placed: flight or arrival missing or wrong');
  const arrivalDate = scheduledArrival.slice(0, 10);
  const passengers: PassengerInput[] = [];
  for (const p of raw.passengers) {
    const at = where(p);
    if (p.flight.number !== null && p.flight.number !== flight) {
      errors.push(issue(at, 'flight', 'BORDER.APIS_OTHER_FLIGHT', `Flight ${p.flight.number} is not the manifest's flight ${flight}`));
      continue;
    }
    if (p.flight.scheduledArrival !== null && p.flight.scheduledArrival.slice(0, 10) !== arrivalDate) {
      errors.push(issue(at, 'scheduledArrival', 'BORDER.APIS_OTHER_DATE', `Arrival ${p.flight.scheduledArrival} is not on the manifest's date ${arrivalDate}`));
      continue;
    }
    if (pointIata && p.flight.arrivalAirport !== null && p.flight.arrivalAirport !== pointIata) {
      warnings.push(issue(at, 'arrivalAirport', 'BORDER.APIS_OTHER_AIRPORT', `Leaves the flight at ${p.flight.arrivalAirport}, not ${pointIata}: not pre-screened here`));
      continue;
    }
    passengers.push({
      seq: passengers.length + 1,
      source: p.source,
      role: p.role,
      surname: p.surname,
      givenNames: p.givenNames,
      birthDate: p.birthDate,
      sex: p.sex,
      nationality: p.nationality,
      documentNumber: p.document.number,
      documentType: p.document.type,
      issuingState: p.document.issuingState ?? p.nationality,
      expiryDate: p.document.expiryDate,
    });
  }
  errors.sort((a, b) => (a.row ?? a.segment ?? 0) - (b.row ?? b.segment ?? 0));
  if (passengers.length === 0) throw noPassengers(errors);
  // The designator of the flight number (IATA two characters or ICAO three letters) unless given.
  const carrier = (body.carrier ?? /^([A-Z]{3}|[A-Z0-9]{2})\d/.exec(flight)?.[1] ?? flight).toUpperCase();
  return { format: raw.format, flight, carrier, departureAirport: raw.departureAirport, arrivalAirport: raw.arrivalAirport ?? pointIata, scheduledArrival, arrivalDate, sourceRef: raw.sourceRef, rowsRead: raw.rowsRead, passengers, errors, warnings };
}
