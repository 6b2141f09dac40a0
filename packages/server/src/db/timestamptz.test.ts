import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type TestDb } from '../testing/test-app.ts';
import { parseTimestamptz, TYPES } from './timestamptz.ts';

const driverParse = pg.types.getTypeParser(pg.types.builtins.TIMESTAMPTZ, 'text') as (value: string) => Date | number | null;

/** A Date, a number (±Infinity) or null, comparable with toEqual (Invalid Date as NaN). */
const seen = (v: Date | number | null) => (v instanceof Date ? { date: v.getTime() } : { other: v });

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** Text as PostgreSQL writes a timestamptz with DateStyle ISO: fraction without trailing zeros, offset ±HH[:MM[:SS]]. */
const isoText = fc
  .record({
    year: fc.integer({ min: 1, max: 12_000 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 1, max: 31 }),
    hour: fc.integer({ min: 0, max: 23 }),
    minute: fc.integer({ min: 0, max: 59 }),
    second: fc.integer({ min: 0, max: 59 }),
    micros: fc.oneof(fc.constant(0), fc.integer({ min: 1, max: 999_999 })),
    offsetSign: fc.constantFrom('+', '-'),
    offsetHours: fc.integer({ min: 0, max: 15 }),
    offsetMinutes: fc.constantFrom(0, 0, 30, 45, 15),
    offsetSeconds: fc.constantFrom(0, 0, 0, 0, 28),
    bc: fc.constantFrom(false, false, false, false, true),
  })
  .map((x) => {
    const fraction = x.micros === 0 ? '' : `.${pad(x.micros, 6).replace(/0+$/, '')}`;
    const offset = `${x.offsetSign}${pad(x.offsetHours, 2)}${x.offsetMinutes || x.offsetSeconds ? `:${pad(x.offsetMinutes, 2)}` : ''}${x.offsetSeconds ? `:${pad(x.offsetSeconds, 2)}` : ''}`;
    return `${pad(x.year, 4)}-${pad(x.month, 2)}-${pad(x.day, 2)} ${pad(x.hour, 2)}:${pad(x.minute, 2)}:${pad(x.second, 2)}${fraction}${offset}${x.bc ? ' BC' : ''}`;
  });

describe('timestamptz parsing (ADR 0523)', () => {
  it('gives what the driver gives for every value PostgreSQL writes', () => {
    fc.assert(
      fc.property(isoText, (s) => {
        expect(seen(parseTimestamptz(s))).toEqual(seen(driverParse(s)));
      }),
      { numRuns: 20_000 },
    );
  });

  it('gives what the driver gives for any text near that format', () => {
    // Each character of a valid value replaced, dropped or doubled: every path out of the fast one.
    const base = ['2026-11-24 03:04:05.123456+00', '1999-12-31 23:59:59+04:30', '2024-02-29 00:00:00.5-03:30', '1000-01-01 00:00:00+00'];
    const alphabet = ['0', '9', '-', '+', ':', '.', ' ', 'Z', 'x'];
    fc.assert(
      fc.property(fc.constantFrom(...base), fc.nat(), fc.constantFrom('replace', 'drop', 'double'), fc.constantFrom(...alphabet), (b, at, how, c) => {
        const i = at % b.length;
        const s = how === 'replace' ? b.slice(0, i) + c + b.slice(i + 1) : how === 'drop' ? b.slice(0, i) + b.slice(i + 1) : b.slice(0, i + 1) + b.slice(i);
        expect(seen(parseTimestamptz(s))).toEqual(seen(driverParse(s)));
      }),
      { numRuns: 5_000 },
    );
    for (const s of ['infinity', '-infinity', '2026-11-24', '', '0099-01-01 00:00:00+00', '12026-11-24 03:04:05+00', '2026-11-24 03:04:05+05:53:28', '2026-11-24 03:04:05.+00', '2026-11-24 03:04:05.1234567+00']) {
      expect(seen(parseTimestamptz(s))).toEqual(seen(driverParse(s)));
    }
  });

  it('reads the common value without the driver', () => {
    expect(parseTimestamptz('2026-11-24 03:04:05.123456+00')).toEqual(new Date('2026-11-24T03:04:05.123Z'));
    expect(parseTimestamptz('2026-11-24 07:34:05+04:30')).toEqual(new Date('2026-11-24T03:04:05Z'));
    expect(parseTimestamptz('2026-11-23 23:04:05-04')).toEqual(new Date('2026-11-24T03:04:05Z'));
  });

  it('leaves every other type to the driver', () => {
    expect(TYPES.getTypeParser(pg.types.builtins.TIMESTAMPTZ, 'text')).toBe(parseTimestamptz);
    expect(TYPES.getTypeParser(pg.types.builtins.TIMESTAMPTZ, 'binary')).toBe(pg.types.getTypeParser(pg.types.builtins.TIMESTAMPTZ, 'binary'));
    for (const oid of [pg.types.builtins.TIMESTAMP, pg.types.builtins.DATE, pg.types.builtins.INT8, pg.types.builtins.JSONB]) {
      expect(TYPES.getTypeParser(oid, 'text')).toBe(pg.types.getTypeParser(oid, 'text'));
    }
  });
});

describe('timestamptz read from the database', () => {
  let t: TestDb;
  beforeAll(async () => {
    t = await openTestDb();
  });
  afterAll(() => t.close());

  // (PGlite reads its own values; on PostgreSQL this is the pool's parser. Historical offsets with seconds, which PGlite's own parser misreads, are the driver's: see above.)
  it('is the instant stored, in any session time zone and at any precision', async () => {
    const instants = ['2026-11-24T03:04:05.123456Z', '1999-12-31T20:30:00Z', '2024-02-29T00:00:00.5Z', '1970-01-01T00:00:00Z', '2038-01-19T03:14:08.000001Z'];
    const zones = ['UTC', 'Asia/Yerevan', 'Asia/Kolkata', 'America/St_Johns', 'Asia/Kathmandu'];
    await t.db.tx(async (tx) => {
      for (const zone of zones) {
        await tx.query(`SELECT set_config('TimeZone', $1, true)`, [zone]);
        const r = await tx.query<{ at: Date; text: string }>('SELECT x::timestamptz AS at, x::timestamptz::text AS text FROM unnest($1::text[]) AS x', [instants]);
        r.rows.forEach((row, i) => {
          // Milliseconds: the driver's Date has no microseconds.
          expect(row.at.getTime(), `${zone} ${row.text}`).toBe(Date.parse(instants[i]!.replace(/(\.\d{3})\d+Z$/, '$1Z')));
        });
      }
    });
  });
});
