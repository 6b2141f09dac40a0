import { describe, expect, it } from 'vitest';
import { parseMrz } from '../documents/mrz/index.ts';
import { detectScript } from '../names/index.ts';
import { DUPLICATE_KINDS, generatePopulation, GROUP_SHARES, populationStream, type SyntheticPerson } from './index.ts';

const pop = generatePopulation({ seed: 42, size: 6000, country: 'ARM', duplicateRate: 0.2 });
const byId = new Map(pop.persons.map((p) => [p.id, p] as const));

describe('generatePopulation', () => {
  it('is deterministic: same seed, same records; another seed, other records', () => {
    const a = generatePopulation({ seed: 7, size: 500, country: 'ARM' });
    const b = generatePopulation({ seed: 7, size: 500, country: 'ARM' });
    const c = generatePopulation({ seed: 8, size: 500, country: 'ARM' });
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(a.persons)).not.toBe(JSON.stringify(c.persons));
  });

  it('the stream yields the same records as the collected form, with ids P000001…', () => {
    const streamed = [...populationStream({ seed: 42, size: 300, country: 'ARM', duplicateRate: 0.2 })];
    expect(streamed).toEqual(pop.persons.slice(0, 300));
    expect(pop.persons).toHaveLength(6000);
    pop.persons.forEach((p, i) => expect(p.id).toBe(`P${String(i + 1).padStart(6, '0')}`));
  });

  it('writes a valid TD3 MRZ for every document, agreeing with the record', () => {
    for (const p of pop.persons) {
      const r = parseMrz(p.document.mrz.join('\n'), { referenceDate: '2026-01-01' });
      expect(r.valid, `${p.id} ${p.document.mrz.join(' / ')}`).toBe(true);
      expect(r.documentNumber).toBe(p.document.number);
      expect(r.nationality).toBe(p.nationality);
      expect(r.sex).toBe(p.sex);
    }
  });

  it('draws origin groups roughly in the configured proportions', () => {
    const originals = pop.persons.filter((p) => p.duplicateOf === null);
    for (const share of GROUP_SHARES.ARM) {
      const n = originals.filter((p) => p.group === share.group && (share.nationality === '*' || p.nationality === share.nationality)).length;
      expect(Math.abs(n / originals.length - share.share), share.group).toBeLessThan(0.025);
    }
    const kaz = generatePopulation({ seed: 1, size: 2000, country: 'KAZ', duplicateRate: 0 }).persons;
    expect(kaz.filter((p) => p.group === 'kazakh').length / 2000).toBeGreaterThan(0.44);
  });

  it('writes names in their scripts: Armenian, Cyrillic, Georgian, Arabic and Latin', () => {
    const scripts = new Set(pop.persons.filter((p) => p.surname !== '').map((p) => detectScript(p.surname)));
    for (const s of ['Armn', 'Cyrl', 'Geor', 'Arab', 'Latn']) expect(scripts).toContain(s);
    for (const p of pop.persons.slice(0, 500)) if (p.surname) expect(detectScript(p.surname)).toBe(p.nameScript);
  });

  it('injects duplicates at about the requested rate, of every kind, with consistent ground truth', () => {
    const rate = pop.duplicates.length / pop.persons.length;
    expect(rate).toBeGreaterThan(0.16);
    expect(rate).toBeLessThan(0.24);
    expect(new Set(pop.duplicates.map((d) => d.kind))).toEqual(new Set(DUPLICATE_KINDS));
    for (const d of pop.duplicates) {
      const dup = byId.get(d.duplicateId) as SyntheticPerson;
      const org = byId.get(d.originalId) as SyntheticPerson;
      expect(org.duplicateOf).toBeNull();
      expect(org.entityId).toBe(org.id);
      expect(dup.entityId).toBe(org.id);
      expect(dup.duplicateKind).toBe(d.kind);
      expect(Number(dup.id.slice(1))).toBeGreaterThan(Number(org.id.slice(1)));
      expect([dup.sex, dup.nationality, dup.group]).toEqual([org.sex, org.nationality, org.group]);
      checkKind(d.kind, org, dup);
    }
  });

  it('rejects bad options', () => {
    expect(() => generatePopulation({ seed: 1.5, size: 1, country: 'ARM' })).toThrow(RangeError);
    expect(() => generatePopulation({ seed: 1, size: -1, country: 'ARM' })).toThrow(RangeError);
    expect(() => generatePopulation({ seed: 1, size: 1, country: 'XXX' as 'ARM' })).toThrow(RangeError);
    expect(() => generatePopulation({ seed: 1, size: 1, country: 'ARM', duplicateRate: 0.9 })).toThrow(RangeError);
  });
});

function checkKind(kind: string, org: SyntheticPerson, dup: SyntheticPerson): void {
  const sameDoc = dup.document.number === org.document.number;
  expect(sameDoc, kind).toBe(kind !== 'new-passport-number');
  switch (kind) {
    case 'year-only-birth-date':
      expect(dup.birthDate).toBe(org.birthDate.slice(0, 4));
      expect(org.birthDate).toHaveLength(10);
      break;
    case 'day-month-swap': {
      const [y, m, d] = org.birthDate.split('-');
      expect(dup.birthDate).toBe(`${y}-${d}-${m}`);
      expect(dup.birthDate).not.toBe(org.birthDate);
      break;
    }
    case 'missing-given-name':
      expect(dup.givenName).toBe('');
      expect(org.givenName).not.toBe('');
      break;
    case 'different-script':
      expect(dup.nameScript).not.toBe(org.nameScript);
      break;
    case 'romanization-era':
      expect(dup.nameScript).toBe('Latn');
      expect(org.nationality).toBe('RUS');
      break;
    case 'russified-surname':
      expect(['armenian', 'syrian-armenian', 'russian-armenian']).toContain(org.group);
      break;
    case 'typo':
      expect(`${dup.givenName} ${dup.surname}`).not.toBe(`${org.givenName} ${org.surname}`);
      expect(dup.birthDate).toBe(org.birthDate);
      break;
    default:
      expect(dup.birthDate).toBe(org.birthDate);
  }
}
