import { describe, expect, it } from 'vitest';
import { parseManifestCsv } from './manifest-csv.ts';
import { arrivalDate, passengerToTraveller } from './passenger.ts';
import { MANIFEST_CSV_SAMPLE } from './samples/paxlst-sample.ts';

describe('parseManifestCsv', () => {
  const r = parseManifestCsv(MANIFEST_CSV_SAMPLE);
  it('reads the good rows into the passenger model', () => {
    expect(r.passengers.map((p) => [p.surname, p.givenNames, p.birthDate, p.document.number, p.flight.number, p.flight.scheduledArrival])).toEqual([
      ['HOVHANNISYAN', 'ARAM', '1980-03-04', 'AT0123456', 'FZ717', '2025-03-10T18:30'],
      ["O'NEIL", 'MARY ANN', '1992-12-31', 'PD1234567', 'FZ717', '2025-03-10T18:30'],
      ['PETROV', 'IVAN', '1975', '750000001', 'FZ717', '2025-03-10T18:30'],
    ]);
    expect(r.rowsRead).toBe(5);
  });
  it('reports broken rows with line and field', () => {
    expect(r.errors.map((e) => `${e.row}:${e.field}:${e.code}`)).toEqual([
      '4:birthDate:BORDER.INVALID_DATE',
      '4:sex:BORDER.INVALID_SEX',
      '4:documentNumber:BORDER.REQUIRED',
      '6:surname:BORDER.REQUIRED',
    ]);
  });
  it('maps a passenger to a screening traveller', () => {
    const p = r.passengers[2];
    expect(p && passengerToTraveller(p)).toEqual({ name: 'PETROV IVAN', birthDate: { year: 1975 }, sex: 'M', nationality: 'RUS', documents: [{ number: '750000001', issuingState: 'RUS' }] });
    expect(p && arrivalDate(p)).toBe('2025-03-10');
  });
  it('needs surname and document number columns', () => {
    expect(parseManifestCsv('name,dob\nX,1980\n').errors.map((e) => e.field)).toEqual(['surname', 'documentNumber']);
  });
});
