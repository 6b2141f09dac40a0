import { describe, expect, it } from 'vitest';
import { generatePopulation } from '../population/index.ts';
import { parsePartialDate } from '../names/index.ts';
import { forEachCandidatePair } from './blocking.ts';
import { clusterEdges, EdgeList } from './cluster.ts';
import { compareExtras, withinOneEdit } from './comparators.ts';
import { pairwiseQuality } from './evaluate.ts';
import { hardConflict, linkRecords, linkScore } from './link.ts';
import { RecordPreparer, type LinkInput } from './prepare.ts';

const population = generatePopulation({ seed: 5, size: 3000, country: 'ARM', duplicateRate: 0.2 });
const preparer = new RecordPreparer();
const records = population.persons.map((p) =>
  preparer.prepare({
    givenName: p.givenName,
    surname: p.surname,
    birthDate: parsePartialDate(p.birthDate) ?? undefined,
    sex: p.sex,
    nationality: p.nationality,
    documentNumber: p.document.number,
  }),
);

describe('blocking', () => {
  it('never compares all pairs, and compares each pair at most once', () => {
    const seen = new Set<string>();
    const stats = forEachCandidatePair(records, (i, j) => {
      expect(i).toBeLessThan(j);
      const key = `${i},${j}`;
      expect(seen.has(key)).toBe(false);
      seen.add(key);
    });
    const all = (records.length * (records.length - 1)) / 2;
    expect(stats.comparisons).toBe(seen.size);
    expect(stats.comparisons).toBeLessThan(all / 50);
    // Every true duplicate pair is a candidate.
    const index = new Map(population.persons.map((p, i) => [p.id, i] as const));
    for (const d of population.duplicates) {
      const [a, b] = [index.get(d.originalId) as number, index.get(d.duplicateId) as number];
      expect(seen.has(`${Math.min(a, b)},${Math.max(a, b)}`), d.kind).toBe(true);
    }
  });

  it('skips blocks above their cap', () => {
    const same = Array.from({ length: 30 }, () => preparer.prepare({ givenName: 'Aram', surname: 'Petrosyan' }));
    let count = 0;
    const stats = forEachCandidatePair(same, () => count++, { document: 20, nationalId: 20, nameYear: 500, tokenDate: 500, consonantYear: 200, email: 20, phone: 20, name: 10, tokenPostcode: 50 });
    expect(count).toBe(0);
    expect(stats.oversizedBlocks.name).toBe(1);
  });
});

describe('linkRecords', () => {
  it('finds the injected duplicates (pairwise F1 ≥ 0.95 on generated ground truth)', () => {
    const { clusterOf } = linkRecords(records);
    const q = pairwiseQuality([...clusterOf], population.persons.map((p) => p.entityId));
    expect(q.f1).toBeGreaterThanOrEqual(0.95);
  });

  it('links across scripts and Russified forms', () => {
    const a = preparer.prepare({ givenName: 'Արամ', surname: 'Հովհաննիսյան', birthDate: { year: 1980, month: 3, day: 4 }, sex: 'M' });
    const b = preparer.prepare({ givenName: 'Арам', surname: 'Оганесян', birthDate: { year: 1980, month: 3, day: 4 }, sex: 'M' });
    const c = preparer.prepare({ givenName: 'ARAM', surname: 'PETROSYAN', birthDate: { year: 1980, month: 3, day: 4 }, sex: 'M' });
    expect(linkScore(a, b)).toBeGreaterThanOrEqual(0.86);
    expect(linkScore(a, c)).toBeLessThan(0.86);
    expect([...linkRecords([a, b, c]).clusterOf]).toEqual([0, 0, 2]);
  });

  it('does not chain two people through a year-only record', () => {
    const input = (birth: string, doc?: string): LinkInput => ({ givenName: 'Lilit', surname: 'Grigoryan', birthDate: parsePartialDate(birth) ?? undefined, sex: 'F', documentNumber: doc });
    const x1 = preparer.prepare(input('1990-04-05'));
    const x2 = preparer.prepare(input('1990-08-21'));
    const y = preparer.prepare(input('1990'));
    expect(hardConflict(x1, x2)).toBe(true);
    expect(linkScore(x1, y)).toBeGreaterThanOrEqual(0.86);
    expect(linkScore(x2, y)).toBeGreaterThanOrEqual(0.86);
    const { clusterOf, stats } = linkRecords([x1, x2, y]);
    expect(clusterOf[0]).not.toBe(clusterOf[1]);
    expect(stats.refusedByConflict).toBeGreaterThan(0);
  });

  it('respects the maximum cluster size', () => {
    const edges = new EdgeList();
    for (let i = 1; i < 10; i++) edges.push(0, i, 1);
    const r = clusterEdges(10, edges, { threshold: 0.8, maxClusterSize: 4, conflict: () => false, score: () => 1 });
    expect(new Set(r.clusterOf).size).toBe(7);
    expect(r.refusedBySize).toBe(6);
  });
});

describe('comparators and evaluation', () => {
  it('scores the extra fields', () => {
    expect(withinOneEdit('6988048', '6988408')).toBe(true);
    expect(withinOneEdit('6988048', '1234567')).toBe(false);
    expect(compareExtras({ email: 'a@b.am', phone: '123456789' }, { email: 'a@b.am', phone: '123456789' })).toBeGreaterThan(0.15);
    expect(compareExtras({ nationalId: '6988048' }, { nationalId: '1234567' })).toBeLessThan(0);
    expect(compareExtras({}, { postcode: '0010' })).toBe(0);
  });

  it('computes pairwise precision, recall and F1 from labels', () => {
    const q = pairwiseQuality(['a', 'a', 'a', 'b'], [1, 1, 2, 2]);
    expect(q).toMatchObject({ truePairs: 2, predictedPairs: 3, correctPairs: 1 });
    expect(q.f1).toBeCloseTo(0.4);
  });
});
