import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blindSpotClass } from './check-digit.ts';
import { formatMrz } from './format.ts';
import type { Layout, Span } from './layouts.ts';
import { LAYOUTS, spanLength } from './layouts.ts';
import { parseMrz, parseMrzDocuments, parseMrzLines } from './parse.ts';
import type { MrzFormat, MrzFormatInput } from './types.ts';
import { MRZ_FORMATS } from './types.ts';

const REF = '2025-06-15';
const REF_YEAR = 2025;
const ALNUM = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789'];
const MRZ_CHARS = [...ALNUM, '<'];
const alnum = (min: number, max: number) => fc.string({ unit: fc.constantFrom(...ALNUM), minLength: min, maxLength: max });
const word = fc.string({ unit: fc.constantFrom(...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'), minLength: 1, maxLength: 8 });
const state = fc.constantFrom('UTO', 'ARM', 'D', 'DEU', 'RUS', 'XXA', 'XXB', 'XXC', 'XXX', 'UNO', 'UNA', 'UNK', 'EUE', 'GBD', 'RKS');
const pad2 = (n: number): string => String(n).padStart(2, '0');
const date = (yearMin: number, yearMax: number) =>
  fc.record({ y: fc.integer({ min: yearMin, max: yearMax }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }) });

/** Birth dates on or before the reference date, within 99 years, possibly partial. */
const birthDate = fc
  .tuple(date(REF_YEAR - 99, REF_YEAR), fc.constantFrom('full', 'month', 'year', 'unknown'))
  .filter(([d]) => d.y < REF_YEAR || d.m < 6)
  .map(([d, kind]) =>
    kind === 'unknown' ? null : kind === 'year' ? String(d.y) : kind === 'month' ? `${d.y}-${pad2(d.m)}` : `${d.y}-${pad2(d.m)}-${pad2(d.d)}`,
  );
const expiryDate = date(REF_YEAR - 69, REF_YEAR + 30).map((d) => `${d.y}-${pad2(d.m)}-${pad2(d.d)}`);

function documentCode(format: MrzFormat) {
  if (format === 'TD3') return fc.constantFrom('P', 'PP', 'PD', 'PO', 'PR', 'PS');
  if (format === 'MRVA' || format === 'MRVB') return fc.constantFrom('V', 'VB', 'VC');
  return fc.constantFrom('I', 'ID', 'IR', 'A', 'C');
}

function inputFor(format: MrzFormat): fc.Arbitrary<MrzFormatInput> {
  const layout = LAYOUTS[format];
  const nameLength = spanLength(layout.name);
  const optionalRoom = spanLength(layout.optionalData);
  const maxNumber = layout.longNumberContinuesIn ? 9 + optionalRoom - 2 : 9;
  const names = fc
    .tuple(fc.array(word, { minLength: 1, maxLength: 3 }), fc.array(word, { maxLength: 3 }))
    .map(([p, s]) => ({ surname: p.join(' '), givenNames: s.join(' ') }))
    .filter(({ surname, givenNames }) => surname.length + (givenNames ? 2 + givenNames.length : 0) <= nameLength);
  return fc
    .record({
      documentCode: documentCode(format),
      issuingState: state,
      nationality: state,
      documentNumber: alnum(1, maxNumber),
      birthDate,
      sex: fc.constantFrom('M', 'F', 'X') as fc.Arbitrary<'M' | 'F' | 'X'>,
      expiryDate,
      names,
      personalNumber: alnum(0, 14),
      emptyPersonalNumberCheck: fc.constantFrom('<', '0') as fc.Arbitrary<'<' | '0'>,
      optionalData: alnum(0, optionalRoom),
      optionalData2: alnum(0, 11),
      longNumberFiller: fc.constantFrom('excluded', 'included') as fc.Arbitrary<'excluded' | 'included'>,
    })
    .map((r) => {
      const tail = r.documentNumber.length > 9 ? r.documentNumber.length - 9 + 2 : 0;
      const optional = r.optionalData.slice(0, Math.max(0, optionalRoom - tail));
      return {
        format,
        documentCode: r.documentCode,
        issuingState: r.issuingState,
        nationality: r.nationality,
        documentNumber: r.documentNumber,
        birthDate: r.birthDate,
        sex: r.sex,
        expiryDate: r.expiryDate,
        ...r.names,
        personalNumber: format === 'TD3' ? r.personalNumber || null : null,
        emptyPersonalNumberCheck: r.emptyPersonalNumberCheck,
        optionalData: format === 'TD3' ? null : optional || null,
        optionalData2: format === 'TD1' ? r.optionalData2 || null : null,
        longNumberFiller: r.longNumberFiller,
      };
    });
}

function format(input: MrzFormatInput): readonly string[] {
  const r = formatMrz(input);
  if (!r.ok) throw new Error(`format failed: ${JSON.stringify(r.errors)}`);
  return r.lines;
}

/** Every position some check digit covers, including the check digits themselves (Part 3 §4.9, reference §1.4). */
function coveredPositions(layout: Layout): Span[] {
  const spans: (Span | null)[] = [
    layout.documentNumber, layout.documentNumberCheck, layout.birthDate, layout.birthDateCheck,
    layout.expiryDate, layout.expiryDateCheck,
    layout.personalNumberCheck ? layout.optionalData : null, layout.personalNumberCheck,
    ...(layout.composite ? [...layout.composite.covers, layout.composite.check] : []),
  ];
  return spans.flatMap((s) => (s ? Array.from({ length: spanLength(s) }, (_, i) => ({ line: s.line, from: s.from + i, to: s.from + i })) : []));
}

describe.each(MRZ_FORMATS)('%s properties', (fmt) => {
  it('format → parse round-trips every field, with all checks passing', () => {
    fc.assert(
      fc.property(inputFor(fmt), (input) => {
        const r = parseMrzLines(format(input), { referenceDate: REF });
        expect(r.errors).toEqual([]);
        expect(r.valid).toBe(true);
        expect(r).toMatchObject({
          format: fmt,
          documentCode: input.documentCode.padEnd(2, '<'),
          issuingState: input.issuingState,
          nationality: input.nationality,
          documentNumber: input.documentNumber,
          birthDate: input.birthDate,
          expiryDate: input.expiryDate,
          sex: input.sex,
          surname: input.surname,
          givenNames: input.givenNames,
          personalNumber: input.personalNumber ?? null,
          optionalData: input.optionalData ?? null,
          optionalData2: input.optionalData2 ?? null,
        });
      }),
      { numRuns: 300 },
    );
  });

  it('a single substitution outside the blind-spot class is detected (with or without correction)', () => {
    const layout = LAYOUTS[fmt];
    const positions = coveredPositions(layout);
    fc.assert(
      fc.property(inputFor(fmt), fc.nat(), fc.constantFrom(...MRZ_CHARS), (input, pick, replacement) => {
        const lines = [...format(input)];
        const pos = positions[pick % positions.length]!;
        const row = lines[pos.line - 1]!;
        const original = row.charAt(pos.from - 1);
        fc.pre(blindSpotClass(original) !== blindSpotClass(replacement));
        lines[pos.line - 1] = row.slice(0, pos.from - 1) + replacement + row.slice(pos.from);
        expect(parseMrzLines(lines, { referenceDate: REF, correct: false }).valid).toBe(false);
        const corrected = parseMrzLines(lines, { referenceDate: REF });
        expect(!corrected.valid || corrected.corrections.length > 0).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('parse never throws', () => {
  it('on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        parseMrzDocuments(text, { referenceDate: REF });
        parseMrz(text, { referenceDate: REF, correct: false });
      }),
      { numRuns: 500 },
    );
  });

  it('on MRZ-shaped lines of mixed characters', () => {
    const shaped = fc.constantFrom([30, 30, 30], [36, 36], [44, 44]).chain((lengths) =>
      fc.tuple(
        ...lengths.map((n) =>
          fc.string({ unit: fc.constantFrom(...MRZ_CHARS, 'a', 'é', 'Ж', '·', 'O', 'I', '\u{1F600}'), minLength: n, maxLength: n }),
        ),
      ),
    );
    fc.assert(
      fc.property(shaped, fc.boolean(), (lines, correct) => {
        const r = parseMrzLines(lines, { referenceDate: REF, correct });
        expect(typeof r.valid).toBe('boolean');
        expect(r.format).not.toBeNull();
      }),
      { numRuns: 500 },
    );
  });
});
