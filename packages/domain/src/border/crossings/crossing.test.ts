import { describe, expect, it } from 'vitest';
import { REFUSAL_CODES, REFUSAL_LABELS } from './refusal-reasons.ts';
import { parseCrossing } from './crossing.ts';
import { normaliseFlightNumber, normalisePlate } from './transport.ts';
import { parseInstant, toLocalDateTime } from '../common/local-time.ts';

const base = {
  id: 'c-1',
  direction: 'entry',
  crossingPoint: 'EVN',
  occurredAt: '2025-03-10T20:15:00Z',
  officerId: 'u-7',
  personId: 'p-1',
  document: { number: 'at 0123456', issuingState: 'ARM', type: 'passport' },
  decision: 'admit',
};
const yerevan = { timeZone: 'Asia/Yerevan' };
const fields = (r: ReturnType<typeof parseCrossing>) => (r.ok ? [] : r.issues.map((i) => `${i.field}:${i.code}`));

describe('parseCrossing', () => {
  it('stores the UTC instant and the local time at the crossing point', () => {
    const r = parseCrossing(base, yerevan);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.occurredAt).toBe('2025-03-10T20:15:00.000Z');
    expect(r.value.local).toEqual({ date: '2025-03-11', time: '00:15:00', offsetMinutes: 240, timeZone: 'Asia/Yerevan' });
    expect(r.value.document.number).toBe('AT0123456');
  });

  it('follows daylight saving time from the zone database', () => {
    expect(toLocalDateTime(parseInstant('2025-07-01T12:00:00Z') as number, 'Europe/Berlin')?.offsetMinutes).toBe(120);
    expect(toLocalDateTime(parseInstant('2025-01-01T12:00:00Z') as number, 'Europe/Berlin')?.offsetMinutes).toBe(60);
    expect(parseInstant('2025-02-30T10:00:00Z')).toBeNull();
    expect(parseInstant('2025-03-10T10:00:00')).toBeNull(); // no zone: ambiguous
    expect(parseInstant('2025-03-10T14:00:00+04:00')).toBe(Date.UTC(2025, 2, 10, 10));
  });

  it('rejects an unknown time zone', () => {
    expect(fields(parseCrossing(base, { timeZone: 'Mars/Olympus' }))).toContain('occurredAt:BORDER.INVALID_TIME_ZONE');
  });

  it('requires a reason code for a refusal and text for "other"', () => {
    expect(fields(parseCrossing({ ...base, decision: 'refuse' }, yerevan))).toContain('refusal.code:BORDER.REFUSAL_CODE_REQUIRED');
    expect(fields(parseCrossing({ ...base, decision: 'refuse', refusal: { code: 'other' } }, yerevan))).toContain('refusal.text:BORDER.REQUIRED');
    expect(fields(parseCrossing({ ...base, decision: 'refuse', refusal: { code: 'other', text: '   ' } }, yerevan))).toContain('refusal.text:BORDER.REQUIRED');
    const ok = parseCrossing({ ...base, decision: 'refuse', refusal: { code: 'other', text: ' Refused  to show  return ticket ' } }, yerevan);
    expect(ok.ok && ok.value.refusal).toEqual({ code: 'other', text: 'Refused to show return ticket' });
    for (const code of REFUSAL_CODES.filter((c) => c !== 'other')) {
      expect(parseCrossing({ ...base, decision: 'refuse', refusal: { code } }, yerevan).ok).toBe(true);
    }
    expect(fields(parseCrossing({ ...base, decision: 'refuse', refusal: { code: 'rude' } }, yerevan))).toContain('refusal.code:BORDER.INVALID_REFUSAL_CODE');
    expect(fields(parseCrossing({ ...base, refusal: { code: 'entry_ban' } }, yerevan))).toContain('refusal:BORDER.REFUSAL_NOT_REFUSED');
  });

  it('has a label in every language for every refusal code', () => {
    for (const code of REFUSAL_CODES) for (const lang of ['hy', 'ru', 'en'] as const) expect(REFUSAL_LABELS[code][lang].length).toBeGreaterThan(3);
  });

  it('requires a reason for second-line inspection', () => {
    expect(fields(parseCrossing({ ...base, decision: 'second_line' }, yerevan))).toContain('reason:BORDER.REQUIRED');
    expect(parseCrossing({ ...base, decision: 'second_line', reason: 'Watchlist hit to adjudicate' }, yerevan).ok).toBe(true);
  });

  it('validates transport details against the mode', () => {
    const air = parseCrossing({ ...base, transport: { mode: 'air', flightNumber: 'fz 0717' } }, yerevan);
    expect(air.ok && air.value.transport).toEqual({ mode: 'air', flightNumber: 'FZ717' });
    expect(fields(parseCrossing({ ...base, transport: { mode: 'road', flightNumber: 'FZ717' } }, yerevan))).toContain('transport.flightNumber:BORDER.FLIGHT_NOT_AIR');
    expect(fields(parseCrossing({ ...base, transport: { mode: 'air', flightNumber: '12345' } }, yerevan))).toContain('transport.flightNumber:BORDER.INVALID_FLIGHT_NUMBER');
    expect(fields(parseCrossing({ ...base, transport: { mode: 'road', vehiclePlate: '!!' } }, yerevan))).toContain('transport.vehiclePlate:BORDER.INVALID_PLATE');
    expect(fields(parseCrossing({ ...base, transport: { mode: 'bus' } }, yerevan))).toContain('transport.mode:BORDER.INVALID_TRANSPORT_MODE');
  });

  it('names every wrong field at once and rejects unknown fields', () => {
    const f = fields(parseCrossing({ ...base, id: '', direction: 'sideways', decision: 'maybe', colour: 'red', document: { number: '', issuingState: 'armenia' } }, yerevan));
    expect(f).toEqual(expect.arrayContaining(['id:BORDER.INVALID_ID', 'direction:BORDER.INVALID_DIRECTION', 'decision:BORDER.INVALID_DECISION', 'colour:BORDER.UNKNOWN_FIELD', 'document.number:BORDER.INVALID_DOCUMENT_NUMBER', 'document.issuingState:BORDER.INVALID_COUNTRY']));
    expect(parseCrossing(null, yerevan).ok).toBe(false);
  });

  it('records a correction with its reason, never one that supersedes itself', () => {
    const r = parseCrossing({ ...base, id: 'c-2', supersedes: { id: 'c-1', reason: 'Wrong document number' } }, yerevan);
    expect(r.ok && r.value.supersedes).toEqual({ id: 'c-1', reason: 'Wrong document number' });
    expect(fields(parseCrossing({ ...base, supersedes: { id: 'c-1', reason: 'x' } }, yerevan))).toContain('supersedes.id:BORDER.SUPERSEDES_ITSELF');
    expect(fields(parseCrossing({ ...base, id: 'c-2', supersedes: { id: 'c-1' } }, yerevan))).toContain('supersedes.reason:BORDER.REQUIRED');
  });
});

describe('transport normalisation', () => {
  it('normalises flight numbers (IATA and ICAO designators)', () => {
    expect(normaliseFlightNumber('su 1860')).toBe('SU1860');
    expect(normaliseFlightNumber('AFL1860')).toBe('AFL1860');
    expect(normaliseFlightNumber('5F-101A')).toBe('5F101A');
    expect(normaliseFlightNumber('12 345')).toBeNull();
    expect(normaliseFlightNumber('FZ')).toBeNull();
  });
  it('normalises plates, mapping Cyrillic look-alikes to Latin', () => {
    expect(normalisePlate('35 oo 123')).toBe('35OO123');
    expect(normalisePlate('А 123 ВС 77')).toBe('A123BC77');
    expect(normalisePlate('ABCDEF')).toBeNull();
  });
});
