/** Properties of the matcher and the engines on generated input (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TRANSLIT_SYSTEM_IDS, transliterate } from '../translit/transliterate.ts';
import { prepareRecord, scoreCeiling, scorePrepared, type PersonRecord } from './matcher.ts';

/** Letters from every handled script plus separators, so generated names exercise every engine. */
const LETTERS = [
  ...'abcdefghijklmnopqrstuvwxyzÄÖÜəʻ',
  ...'абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіўҳҷӣӯ',
  ...'աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆև',
  ...'აბგდევზთიკლმნოპჟრსტუფქღყშჩცძწჭხჯჰ',
  ...'ابتثجحخدذرزسشصضطظعغفقكلمنهويةىأپچژکگی',
  ' ', ' ', '-', '<', '.', "'",
];
const nameArb = fc
  .array(fc.constantFrom(...LETTERS), { minLength: 1, maxLength: 30 })
  .map((cs) => cs.join(''))
  .filter((s) => s.trim() !== '');
const dateArb = fc.option(
  fc.record(
    { year: fc.integer({ min: 1900, max: 2020 }), month: fc.integer({ min: 1, max: 12 }), day: fc.integer({ min: 1, max: 28 }) },
    { requiredKeys: ['year'] },
  ),
  { nil: undefined },
);
const recordArb: fc.Arbitrary<PersonRecord> = fc
  .record({
    name: nameArb,
    birthDate: dateArb,
    sex: fc.option(fc.constantFrom('M' as const, 'F' as const), { nil: undefined }),
    nationality: fc.option(fc.constantFrom('ARM', 'RUS', 'GEO', 'IRN'), { nil: undefined }),
  })
  .map((r) => {
    const out: { -readonly [K in keyof PersonRecord]: PersonRecord[K] } = { name: r.name };
    if (r.birthDate) out.birthDate = r.birthDate.month === undefined ? { year: r.birthDate.year } : r.birthDate;
    if (r.sex) out.sex = r.sex;
    if (r.nationality) out.nationality = r.nationality;
    return out;
  });

describe('matcher properties', () => {
  it('never scores a pair above its ceiling, and a pair of one name scores exactly it (ADR 0524)', () => {
    // The second record is often the first's name (verbatim, or with another's qualifiers and documents), so
    // that the ceiling is reached, not only respected.
    const documentArb = fc.option(fc.constantFrom('AB1234567', 'AB1234568', 'CD7654321'), { nil: undefined });
    fc.assert(
      fc.property(recordArb, recordArb, fc.boolean(), documentArb, documentArb, (a0, b0, sameName, da, db) => {
        const a = { ...a0, ...(da ? { documents: [{ number: da, issuer: 'ARM' }] } : {}) };
        const b = { ...b0, ...(sameName ? { name: a0.name } : {}), ...(db ? { documents: [{ number: db, issuer: 'ARM' }] } : {}) };
        const [pa, pb] = [prepareRecord(a), prepareRecord(b)];
        const ceiling = scoreCeiling(pa, pb);
        const { score } = scorePrepared(pa, pb, { explain: false });
        expect(ceiling).toBe(scoreCeiling(pb, pa));
        expect(score).toBeLessThanOrEqual(ceiling);
        if (sameName) expect(score).toBe(ceiling);
      }),
      { numRuns: 1000 },
    );
  });
  it('scores lie in [0, 1]', () => {
    fc.assert(
      fc.property(recordArb, recordArb, (a, b) => {
        const { score } = scorePrepared(prepareRecord(a), prepareRecord(b));
        return score >= 0 && score <= 1 && Number.isFinite(score);
      }),
      { numRuns: 500 },
    );
  });
  it('is symmetric', () => {
    fc.assert(
      fc.property(recordArb, recordArb, (a, b) => {
        const pa = prepareRecord(a);
        const pb = prepareRecord(b);
        return scorePrepared(pa, pb).score === scorePrepared(pb, pa).score;
      }),
      { numRuns: 500 },
    );
  });
  it('a record matches itself with score 1 (or near, when its name has no letters we can key)', () => {
    fc.assert(
      fc.property(recordArb, (a) => {
        const p = prepareRecord(a);
        expect(scorePrepared(p, prepareRecord({ ...a })).score).toBeGreaterThanOrEqual(0.95);
      }),
      { numRuns: 300 },
    );
  });
  it('does not throw on arbitrary Unicode names', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }), fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }), (a, b) => {
        const r = scorePrepared(prepareRecord({ name: a }), prepareRecord({ name: b }));
        return r.score >= 0 && r.score <= 1;
      }),
      { numRuns: 300 },
    );
  });
});

describe('transliteration properties', () => {
  it('never throws and always returns a string, for every system', () => {
    fc.assert(
      fc.property(fc.oneof(nameArb, fc.string({ unit: 'binary', maxLength: 40 })), (text) => {
        for (const id of TRANSLIT_SYSTEM_IDS) expect(typeof transliterate(text, id)).toBe('string');
      }),
      { numRuns: 200 },
    );
  });
  it('passes Latin text through unchanged', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z ]{0,20}$/), (text) => transliterate(text, 'icao-rus-Cyrl-Latn-9303') === text),
    );
  });
});
