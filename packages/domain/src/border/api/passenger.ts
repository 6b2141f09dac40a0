/**
 * Advance passenger information: one model for both sources (manifest CSV and UN/EDIFACT PAXLST), and
 * its mapping to the screening traveller. Values are kept as the airline sent them (upper-case Latin,
 * MRZ-style names); dates are ISO (`YYYY-MM-DD`, or `YYYY-MM` / `YYYY` for partial birth dates).
 */
import { parsePartialDate } from '../../names/index.ts';
import type { Traveller } from '../screening/screen.ts';

export interface AdvancePassenger {
  readonly role: 'passenger' | 'crew';
  readonly surname: string;
  readonly givenNames: string;
  readonly birthDate: string | null;
  readonly sex: 'M' | 'F' | 'X' | null;
  readonly nationality: string | null;
  readonly document: {
    readonly number: string;
    /** As sent: `P`, `I`, `V`, `passport`… */
    readonly type: string | null;
    readonly issuingState: string | null;
    readonly expiryDate: string | null;
  };
  readonly flight: {
    readonly number: string | null;
    /** IATA airport code. */
    readonly arrivalAirport: string | null;
    /** Local time at the arrival airport, `YYYY-MM-DDTHH:MM`. */
    readonly scheduledArrival: string | null;
  };
  /** Where it came from: CSV line or PAXLST segment number (1-based). */
  readonly source: { readonly row: number } | { readonly segment: number };
}

export function passengerToTraveller(p: AdvancePassenger): Traveller {
  const birth = p.birthDate ? parsePartialDate(p.birthDate) : null;
  return {
    name: `${p.surname} ${p.givenNames}`.trim(),
    ...(birth ? { birthDate: birth } : {}),
    ...(p.sex === 'M' || p.sex === 'F' ? { sex: p.sex } : {}),
    ...(p.nationality ? { nationality: p.nationality } : {}),
    documents: p.document.number ? [{ number: p.document.number, ...(p.document.issuingState ? { issuingState: p.document.issuingState } : {}) }] : [],
  };
}

/** The date part of a scheduled arrival (the screening date for pre-screening). */
export const arrivalDate = (p: AdvancePassenger): string | null => p.flight.scheduledArrival?.slice(0, 10) ?? null;
