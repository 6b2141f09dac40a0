import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEdifact } from './edifact.ts';
import { formatPaxlst, type PaxlstMessage } from './paxlst-format.ts';
import { parsePaxlst } from './paxlst.ts';
import type { AdvancePassenger } from './passenger.ts';
import { PAXLST_SAMPLE } from './samples/paxlst-sample.ts';

const ref = { referenceDate: '2025-03-10' };

describe('parseEdifact', () => {
  it('honours the UNA service string advice and the release character', () => {
    const r = parseEdifact("UNA*|.! ~UNB|UNOA*4~NAD|FL|||O!'NEIL!|X*MARY!~ANN~");
    expect(r.errors).toEqual([]);
    expect(r.segments[1]?.elements[3]).toEqual(["O'NEIL|X", 'MARY~ANN']);
  });
  it('reads a message without UNA using the default separators, across line breaks', () => {
    const r = parseEdifact("UNH+1+PAXLST:D:02B:UN:IATA'\r\nBGM+745'\r\n");
    expect(r.segments.map((s) => s.tag)).toEqual(['UNH', 'BGM']);
  });
  it('reports a bad UNA and an unterminated last segment', () => {
    expect(parseEdifact('UNA:+').errors[0]?.code).toBe('BORDER.EDIFACT_BAD_UNA');
    expect(parseEdifact("UNAAB.? 'UNH+1'").errors[0]?.code).toBe('BORDER.EDIFACT_BAD_UNA');
    expect(parseEdifact("UNH+1+PAXLST'BGM+745").errors[0]?.code).toBe('BORDER.EDIFACT_UNTERMINATED');
  });
});

describe('parsePaxlst on the sample', () => {
  const r = parsePaxlst(PAXLST_SAMPLE, ref);
  it('maps every traveller to the passenger model', () => {
    expect(r.errors).toEqual([]);
    expect(r.header).toMatchObject({ sender: 'FLYDUBAI', flight: 'FZ717', departureAirport: 'DXB', arrivalAirport: 'EVN', scheduledArrival: '2025-03-10T18:30', listType: 'passengers' });
    expect(r.passengers).toHaveLength(3);
    expect(r.passengers[0]).toEqual({
      role: 'passenger',
      surname: 'HOVHANNISYAN',
      givenNames: 'ARAM SAMVELI',
      birthDate: '1980-03-04',
      sex: 'M',
      nationality: 'ARM',
      document: { number: 'AT0123456', type: 'P', issuingState: 'ARM', expiryDate: '2030-01-15' },
      flight: { number: 'FZ717', arrivalAirport: 'EVN', scheduledArrival: '2025-03-10T18:30' },
      source: { segment: 12 },
    });
    expect(r.passengers[1]).toMatchObject({ surname: "O'NEIL", givenNames: 'MARY ANN', birthDate: '1992-12-31', document: { number: 'PD1234567', issuingState: 'IRL' } });
    expect(r.passengers[2]).toMatchObject({ role: 'crew', surname: 'PETROV', birthDate: '1975-01-01' });
  });
  it('warns about unsupported segments without failing', () => {
    expect(r.warnings.map((w) => [w.segment, w.code])).toEqual([[29, 'BORDER.PAXLST_UNSUPPORTED_SEGMENT']]);
  });
});

const passenger: fc.Arbitrary<AdvancePassenger> = fc.record({
  role: fc.constantFrom('passenger' as const, 'crew' as const),
  surname: fc.stringMatching(/^[A-Z][A-Z' +:?-]{0,20}[A-Z]$/),
  givenNames: fc.array(fc.stringMatching(/^[A-Z'?:+]{1,10}$/), { maxLength: 3 }).map((g) => g.join(' ')),
  birthDate: fc.option(fc.date({ min: new Date('1930-01-01'), max: new Date('2025-03-10'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), { nil: null }),
  sex: fc.constantFrom('M' as const, 'F' as const, 'X' as const, null),
  nationality: fc.option(fc.constantFrom('ARM', 'RUS', 'IRN', 'D'), { nil: null }),
  document: fc.record({
    number: fc.stringMatching(/^[A-Z0-9]{5,12}$/),
    type: fc.constantFrom('P', 'I', 'V'),
    issuingState: fc.option(fc.constantFrom('ARM', 'GEO'), { nil: null }),
    expiryDate: fc.option(fc.date({ min: new Date('2000-01-01'), max: new Date('2050-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)), { nil: null }),
  }),
  flight: fc.constant({ number: 'FZ717', arrivalAirport: 'EVN', scheduledArrival: '2025-03-10T18:30' }),
  source: fc.constant({ segment: 0 }),
});

describe('PAXLST round trip', () => {
  it('parse(format(manifest)) gives back every passenger, with any separators', () => {
    const seps = fc.constantFrom(
      { component: ':', element: '+', decimal: '.', release: '?', terminator: "'" },
      { component: '*', element: '|', decimal: ',', release: '!', terminator: '~' },
    );
    fc.assert(
      fc.property(fc.array(passenger, { maxLength: 6 }), seps, (passengers, sep) => {
        const message: PaxlstMessage = { sender: 'AIR+LINE', recipient: 'AMNSS', interchangeRef: 'REF1', flight: 'FZ717', departureAirport: 'DXB', arrivalAirport: 'EVN', scheduledArrival: '2025-03-10T18:30', passengers };
        const r = parsePaxlst(formatPaxlst(message, sep), ref);
        expect(r.errors).toEqual([]);
        expect(r.warnings).toEqual([]);
        expect(r.header.sender).toBe('AIR+LINE');
        expect(r.passengers.map(({ source: _s, ...p }) => p)).toEqual(passengers.map(({ source: _s, ...p }) => p));
      }),
      { numRuns: 200 },
    );
  });
});

describe('garbage in, errors out', () => {
  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (text) => {
        const r = parsePaxlst(text, ref);
        expect(Array.isArray(r.passengers)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
  it('never throws on a damaged sample', () => {
    fc.assert(
      fc.property(fc.nat(), fc.nat({ max: 40 }), fc.string({ maxLength: 5 }), (at, cut, insert) => {
        const i = at % PAXLST_SAMPLE.length;
        const damaged = PAXLST_SAMPLE.slice(0, i) + insert + PAXLST_SAMPLE.slice(i + cut);
        const r = parsePaxlst(damaged, ref);
        expect(r.passengers.length).toBeLessThanOrEqual(4);
      }),
      { numRuns: 500 },
    );
  });
  it('reports what is wrong', () => {
    expect(parsePaxlst('hello world', ref).errors.map((e) => e.code)).toContain('BORDER.PAXLST_NO_MESSAGE');
    expect(parsePaxlst("UNH+1+ORDERS:D:96A:UN'UNT+2+1'", ref).errors.map((e) => e.code)).toContain('BORDER.PAXLST_NOT_PAXLST');
    const bad = parsePaxlst("UNH+1+PAXLST:D:02B:UN:IATA'NAD+FL+++DOE:JOHN'DTM+329:991399'ATT+2++Q'UNT+5+1'", ref);
    expect(bad.errors.map((e) => `${e.segment}:${e.code}`)).toEqual(['3:BORDER.INVALID_DATE', '4:BORDER.INVALID_SEX']);
    expect(bad.passengers).toHaveLength(1);
  });
});
