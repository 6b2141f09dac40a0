/**
 * Writes a PAXLST interchange from passengers (tests, demo data, and re-sending a corrected manifest).
 * Values are escaped with the release character; dates use DTM formats 201 (arrival) and YYMMDD (birth,
 * expiry). Passengers are written in one message for one flight.
 */
import { DEFAULT_SEPARATORS, release, type Separators } from './edifact.ts';
import type { AdvancePassenger } from './passenger.ts';

export interface PaxlstMessage {
  readonly sender: string;
  readonly recipient: string;
  readonly interchangeRef: string;
  readonly flight: string;
  readonly departureAirport: string;
  readonly arrivalAirport: string;
  /** Local `YYYY-MM-DDTHH:MM`. */
  readonly scheduledArrival: string;
  readonly passengers: readonly AdvancePassenger[];
}

const yymmdd = (iso: string) => iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10);

export function formatPaxlst(m: PaxlstMessage, sep: Separators = DEFAULT_SEPARATORS): string {
  const r = (v: string) => release(v, sep);
  const seg = (...elements: (string | string[])[]) => elements.map((e) => (Array.isArray(e) ? e.join(sep.component) : e)).join(sep.element) + sep.terminator;
  const body: string[] = [];
  body.push(seg('UNH', r('1'), ['PAXLST', 'D', '02B', 'UN', 'IATA'], r(m.interchangeRef)));
  body.push(seg('BGM', '745'));
  body.push(seg('TDT', '20', r(m.flight)));
  body.push(seg('LOC', '125', r(m.departureAirport)));
  body.push(seg('LOC', '87', r(m.arrivalAirport)));
  const sta = m.scheduledArrival;
  body.push(seg('DTM', ['232', sta.slice(2, 4) + sta.slice(5, 7) + sta.slice(8, 10) + sta.slice(11, 13) + sta.slice(14, 16), '201']));
  for (const p of m.passengers) {
    body.push(seg('NAD', p.role === 'crew' ? 'FM' : 'FL', '', '', [r(p.surname), ...p.givenNames.split(' ').filter((g) => g !== '').map(r)]));
    if (p.sex) body.push(seg('ATT', '2', '', p.sex));
    if (p.birthDate && p.birthDate.length === 10) body.push(seg('DTM', ['329', yymmdd(p.birthDate)]));
    if (p.nationality) body.push(seg('NAT', '2', r(p.nationality)));
    body.push(seg('DOC', [r(p.document.type ?? 'P'), '110', '111'], r(p.document.number)));
    if (p.document.expiryDate) body.push(seg('DTM', ['36', yymmdd(p.document.expiryDate)]));
    if (p.document.issuingState) body.push(seg('LOC', '91', r(p.document.issuingState)));
  }
  body.push(seg('CNT', ['42', String(m.passengers.length)]));
  body.push(seg('UNT', String(body.length + 1), '1'));
  const una = `UNA${sep.component}${sep.element}${sep.decimal}${sep.release} ${sep.terminator}`;
  const unb = seg('UNB', ['UNOA', '4'], [r(m.sender), 'ZZ'], [r(m.recipient), 'ZZ'], [yymmdd(sta.slice(0, 10)), '0000'], r(m.interchangeRef), '', 'APIS');
  const unz = seg('UNZ', '1', r(m.interchangeRef));
  return [una, unb, ...body, unz].join('\n') + '\n';
}
