/** The matcher on the reference examples (domain reference §6.2, §6.3) and on the qualifiers. */
import { describe, expect, it } from 'vitest';
import { parsePartialDate } from './dates.ts';
import { prepareRecord, scorePair, scorePrepared, type PersonRecord } from './matcher.ts';
import { birthDatesReaching, birthYearReach, DEFAULT_THRESHOLD } from './weights.ts';

const GROUPS: Record<string, readonly string[]> = {
  hovhannisyan: ['Հովհաննիսյան', 'HOVHANNISYAN', 'Оганесян', 'Ованесян', 'Оганисян', 'OGANESIAN', 'OVANESIAN', 'OGANISIAN', 'Hovannisian'],
  harutyunyan: ['Հարությունյան', 'HARUTYUNYAN', 'Арутюнян', 'ARUTIUNIAN'],
  ghazaryan: ['Ղազարյան', 'GHAZARYAN', 'Казарян', 'Газарян', 'KAZARIAN', 'GAZARIAN'],
  yeghiazaryan: ['Եղիազարյան', 'YEGHIAZARYAN', 'Егиазарян', 'EGIAZARIAN'],
  tsaturyan: ['Цатурян', 'TSATURYAN', 'TCATURIAN', 'TSATURIAN'],
  yulia: ['Юлия', 'YULIA', 'IULIIA'],
};

const score = (a: string | PersonRecord, b: string | PersonRecord) =>
  scorePair(typeof a === 'string' ? { name: a } : a, typeof b === 'string' ? { name: b } : b).score;

describe('reference examples: every variant matches every other', () => {
  for (const [group, forms] of Object.entries(GROUPS)) {
    it(group, () => {
      for (const a of forms) for (const b of forms) expect(score(a, b), `${a} vs ${b}`).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    });
  }
  it('full names across scripts', () => {
    expect(score('Հովհաննես Հովհաննիսյան', 'OGANESIAN IVAN')).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(score('Ալեքսանդր Ղազարյան', 'Казарян Александр')).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(score('Mikayel Tsaturyan', 'Михаил Цатурян')).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
    expect(score('Gevorg Harutyunyan', 'Георгий Арутюнян')).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
  });
});

describe('unrelated names stay below the threshold', () => {
  it('different groups never match', () => {
    const groups = Object.entries(GROUPS);
    for (const [g1, f1] of groups)
      for (const [g2, f2] of groups)
        if (g1 !== g2) for (const a of f1) for (const b of f2) expect(score(a, b), `${a} vs ${b}`).toBeLessThan(DEFAULT_THRESHOLD);
  });
  it.each([
    ['Petrosyan', 'Hovhannisyan'],
    ['Aram Petrosyan', 'Aram Hovhannisyan'],
    ['Aram Petrosyan', 'Armen Petrosyan'],
    ['Grigoryan', 'Gasparyan'],
    ['Սարգսյան Անի', 'Петросян Анна'],
  ])('%s vs %s', (a, b) => expect(score(a, b)).toBeLessThan(DEFAULT_THRESHOLD));
  it('brothers with the same birth date, sex and nationality stay below', () => {
    const base = { birthDate: parsePartialDate('1990-01-01') ?? undefined, sex: 'M' as const, nationality: 'ARM' };
    expect(score({ name: 'Aram Petrosyan', ...base }, { name: 'Armen Petrosyan', ...base })).toBeLessThan(DEFAULT_THRESHOLD);
  });
});

describe('name structure', () => {
  it('ignores token order', () => expect(score('Ivan Petrov', 'Petrov Ivan')).toBe(1));
  it('tolerates a missing middle name or patronymic', () => {
    expect(score('Ivan Ivanovich Petrov', 'Ivan Petrov')).toBeGreaterThanOrEqual(0.9);
  });
  it('accepts an initial', () => expect(score('A. Petrosyan', 'Aram Petrosyan')).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD));
  it('reads MRZ-style names', () => expect(score('HOVHANNISYAN<<ARAM', 'Aram Hovhannisyan')).toBe(1));
  it('caps a lone given name against a full name', () => expect(score('Aram', 'Aram Petrosyan')).toBeLessThan(DEFAULT_THRESHOLD));
  it('uses other written forms of the name', () => {
    const a = { name: 'Ivan Oganesian', otherNames: ['Հովհաննես Հովհաննիսյան'] };
    expect(score(a, 'Hovhannes Hovhannisyan')).toBe(1);
  });
});

describe('qualifiers', () => {
  const p = (name: string, birthDate?: string, extra: Partial<PersonRecord> = {}): PersonRecord => ({
    name,
    ...(birthDate ? { birthDate: parsePartialDate(birthDate) ?? undefined } : {}),
    ...extra,
  });
  const name = 'Aram Hovhannisyan';
  const other = 'Арам Оганесян';
  it('day/month swap is penalised less than a different date', () => {
    const swapped = score(p(name, '1980-03-04'), p(other, '1980-04-03'));
    const differs = score(p(name, '1980-03-04'), p(other, '1980-07-21'));
    const exact = score(p(name, '1980-03-04'), p(other, '1980-03-04'));
    expect(exact).toBeGreaterThan(swapped);
    expect(swapped).toBeGreaterThan(differs);
    expect(swapped).toBeGreaterThanOrEqual(DEFAULT_THRESHOLD);
  });
  it('year-only dates are compatible with full dates', () => {
    expect(score(p(name, '1980'), p(other, '1980-03-04'))).toBeGreaterThan(score(p(name), p(other)));
  });
  it('±1 year is a mild penalty, a distant year a strong one', () => {
    const off = score(p(name, '1980-03-04'), p(other, '1981-03-04'));
    const far = score(p(name, '1980-03-04'), p(other, '1990-03-04'));
    expect(off).toBeGreaterThan(far);
  });
  it('sex and nationality mismatches lower the score', () => {
    const base = score(p(name), p(other));
    expect(score(p(name, undefined, { sex: 'M' }), p(other, undefined, { sex: 'F' }))).toBeLessThan(base);
    expect(score(p(name, undefined, { nationality: 'ARM' }), p(other, undefined, { nationality: 'RUS' }))).toBeLessThan(base);
  });
  it('a shared document number is a main feature', () => {
    const doc = { documents: [{ number: 'AN 1234567', issuer: 'ARM' }] };
    expect(score(p('Aram Hovhannisyan', undefined, doc), p('Armen Petrosyan', undefined, { documents: [{ number: 'AN1234567' }] }))).toBeGreaterThanOrEqual(0.8);
  });
});

describe('explanation', () => {
  it('lists every feature with its level, weight and contribution', () => {
    const r = scorePair(
      { name: 'Հովհաննիսյան Արամ', birthDate: parsePartialDate('1980-03-04') ?? undefined, sex: 'M' },
      { name: 'OGANESIAN ARAM', birthDate: parsePartialDate('1980') ?? undefined, sex: 'M' },
    );
    expect(r.match).toBe(true);
    const features = Object.fromEntries((r.explanation?.features ?? []).map((f) => [f.feature, f]));
    expect(features.name?.level).toBe('loose');
    expect(features.birthDate?.level).toBe('compatible');
    expect(features.sex?.level).toBe('match');
    expect(features.nationality?.level).toBe('missing');
    expect(r.explanation?.tokens).toContainEqual({ a: 'Հովհաննիսյան', b: 'OGANESIAN', level: 'loose', score: 0.9 });
  });
  it('reports tokens from the caller’s side whatever the internal order', () => {
    const a = prepareRecord({ name: 'Zara Ghazaryan' });
    const b = prepareRecord({ name: 'Заре Казарян' });
    expect(scorePrepared(a, b).explanation?.names).toEqual({ a: 'Zara Ghazaryan', b: 'Заре Казарян' });
    expect(scorePrepared(b, a).explanation?.names).toEqual({ a: 'Заре Казарян', b: 'Zara Ghazaryan' });
  });
});

describe('birth-year reach of a threshold (name blocking near birth years, ADR 0506)', () => {
  const person = (year: number): PersonRecord => ({ name: 'Anna Petrosyan', birthDate: parsePartialDate(`${year}-05-06`)!, sex: 'F', nationality: 'ARM' });
  it('a perfect name scores the threshold at the reach and not one year further', () => {
    for (const threshold of [0.7, 0.75, 0.8, 0.9, 0.95, 1]) {
      const reach = birthYearReach(threshold);
      if (reach === null) {
        expect(score(person(1980), person(1995)), `${threshold}`).toBeGreaterThanOrEqual(threshold);
        continue;
      }
      expect(score(person(1980), person(1980 + reach)), `${threshold}`).toBeGreaterThanOrEqual(threshold);
      expect(score(person(1980), person(1980 + reach + 1)), `${threshold}`).toBeLessThan(threshold);
      expect(score(person(1980), person(1995)), `${threshold}`).toBeLessThan(threshold);
    }
    expect(birthYearReach(0.7)).toBeNull();
    expect(birthYearReach(0.9)).toBe(1);
  });
});

describe('birth dates that can reach a threshold (name blocking by birth date when recording, ADR 0507)', () => {
  const person = (date: string): PersonRecord => ({ name: 'Anna Petrosyan', birthDate: parsePartialDate(date)!, sex: 'F', nationality: 'ARM' });
  const days = (from: string, count: number) => Array.from({ length: count }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));
  it('lists exactly the full dates within a year either side that score the threshold with a perfect name', () => {
    for (const [threshold, date] of [[0.9, '1980-05-06'], [0.9, '1980-05-05'], [0.95, '1980-05-06'], [0.9, '1980-11-06'], [1, '1980-05-06']] as const) {
      const listed = birthDatesReaching(threshold, date);
      expect(listed, `${threshold} ${date}`).not.toBeNull();
      const reaching = days('1979-01-01', 365 * 3 + 1).filter((d) => score(person(date), person(d)) >= threshold);
      expect([...new Set(listed)].sort(), `${threshold} ${date}`).toEqual(reaching.sort());
      // Partial dates within the year window are not excluded by the list (the caller keeps them).
      expect(score(person(date), person('1980')), `${threshold}`).toBeGreaterThanOrEqual(Math.min(threshold, 1.04));
    }
    expect(birthDatesReaching(0.9, '1980-05-06')!.sort()).toEqual(['1979-05-06', '1980-05-06', '1980-06-05', '1981-05-06']);
  });
  it('does not restrict the day when a threshold admits any day of the year, or the date is partial', () => {
    expect(birthDatesReaching(0.7, '1980-05-06')).toBeNull();
    expect(birthDatesReaching(0.9, '1980-05')).toBeNull();
    expect(birthDatesReaching(0.9, '1980')).toBeNull();
  });
});
