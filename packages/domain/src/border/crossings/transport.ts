/**
 * Transport details of a crossing: mode, and the flight number (air) or vehicle plate (road).
 * Both are normalised for storage and search (upper case, no spaces), and validated by shape only:
 * airline and plate registries are reference data, not rules.
 */
import { issue, isRecord, type FieldIssue } from '../common/issues.ts';

export const TRANSPORT_MODES = ['air', 'road', 'rail', 'sea', 'pedestrian'] as const;
export type TransportMode = (typeof TRANSPORT_MODES)[number];

export interface Transport {
  readonly mode: TransportMode;
  /** Air only: IATA (2 characters) or ICAO (3 letters) airline designator + 1–4 digits + optional suffix. */
  readonly flightNumber?: string;
  /** Road only: the plate as normalised by normalisePlate. */
  readonly vehiclePlate?: string;
  /** ISO alpha-3 of the plate's registration state, when known. */
  readonly plateCountry?: string;
}

/**
 * IATA Resolution 762 designators are two characters (letters or digits, not two digits), ICAO Doc 8585
 * designators three letters; flight numbers have 1–4 digits and an optional operational suffix letter.
 */
const FLIGHT = /^(?:([A-Z]{3})|([A-Z0-9]{2}))(\d{1,4})([A-Z]?)$/;

/** `su 1860` → `SU1860`; `FZ-0717` → `FZ717`; null when not a flight number. */
export function normaliseFlightNumber(raw: string): string | null {
  const compact = raw.toUpperCase().replace(/[\s-]+/g, '');
  const m = FLIGHT.exec(compact);
  if (!m) return null;
  const airline = m[1] ?? m[2] ?? '';
  if (/^\d\d$/.test(airline)) return null;
  return `${airline}${String(Number(m[3]))}${m[4] ?? ''}`;
}

/**
 * Plates: Latin letters and digits after removing spaces, dashes and dots; 2–10 characters with at least
 * one digit. Cyrillic look-alike letters (А В Е К М Н О Р С Т У Х, used on Russian plates) are mapped to
 * Latin so one vehicle has one key. Country formats (Armenia: `35 OO 123`) are to be confirmed.
 */
const CYRILLIC_TO_LATIN: Readonly<Record<string, string>> = { А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', У: 'Y', Х: 'X' };

export function normalisePlate(raw: string): string | null {
  const compact = raw
    .toUpperCase()
    .replace(/[\s.\-–]+/g, '')
    .replace(/[АВЕКМНОРСТУХ]/g, (c) => CYRILLIC_TO_LATIN[c] ?? c);
  if (!/^[A-Z0-9]{2,10}$/.test(compact) || !/\d/.test(compact)) return null;
  return compact;
}

/** Validates transport details; `field` is the path prefix (e.g. `transport`). */
export function parseTransport(raw: unknown, field: string): { value?: Transport; issues: FieldIssue[] } {
  if (!isRecord(raw)) return { issues: [issue(field, 'BORDER.INVALID_TRANSPORT', 'Transport must be an object with a mode')] };
  const issues: FieldIssue[] = [];
  const mode = raw.mode;
  if (typeof mode !== 'string' || !(TRANSPORT_MODES as readonly string[]).includes(mode)) {
    issues.push(issue(`${field}.mode`, 'BORDER.INVALID_TRANSPORT_MODE', `mode must be one of ${TRANSPORT_MODES.join(', ')}`));
    return { issues };
  }
  const out: { mode: TransportMode; flightNumber?: string; vehiclePlate?: string; plateCountry?: string } = { mode: mode as TransportMode };
  if (raw.flightNumber !== undefined && raw.flightNumber !== null && raw.flightNumber !== '') {
    const flight = typeof raw.flightNumber === 'string' ? normaliseFlightNumber(raw.flightNumber) : null;
    if (mode !== 'air') issues.push(issue(`${field}.flightNumber`, 'BORDER.FLIGHT_NOT_AIR', 'A flight number is only recorded for air crossings'));
    else if (flight === null) issues.push(issue(`${field}.flightNumber`, 'BORDER.INVALID_FLIGHT_NUMBER', 'Expected an airline designator and 1–4 digits, e.g. FZ717 or SU 1860'));
    else out.flightNumber = flight;
  }
  if (raw.vehiclePlate !== undefined && raw.vehiclePlate !== null && raw.vehiclePlate !== '') {
    const plate = typeof raw.vehiclePlate === 'string' ? normalisePlate(raw.vehiclePlate) : null;
    if (mode !== 'road') issues.push(issue(`${field}.vehiclePlate`, 'BORDER.PLATE_NOT_ROAD', 'A vehicle plate is only recorded for road crossings'));
    else if (plate === null) issues.push(issue(`${field}.vehiclePlate`, 'BORDER.INVALID_PLATE', 'Expected 2–10 letters and digits with at least one digit'));
    else out.vehiclePlate = plate;
  }
  if (raw.plateCountry !== undefined && raw.plateCountry !== null) {
    if (typeof raw.plateCountry !== 'string' || !/^[A-Z]{3}$/.test(raw.plateCountry)) {
      issues.push(issue(`${field}.plateCountry`, 'BORDER.INVALID_COUNTRY', 'Expected an ISO 3166-1 alpha-3 code'));
    } else out.plateCountry = raw.plateCountry;
  }
  for (const key of Object.keys(raw)) {
    if (!['mode', 'flightNumber', 'vehiclePlate', 'plateCountry'].includes(key)) issues.push(issue(`${field}.${key}`, 'BORDER.UNKNOWN_FIELD', `Unknown field ${key}`));
  }
  return issues.length ? { issues } : { value: out, issues };
}
