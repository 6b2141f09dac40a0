import { describe, expect, it } from 'vitest';
import { codesOf, twoWay } from './table.ts';

const dims = ['period', 'citizenGroup', 'sex'];
const cells = [
  { key: ['2026-Q3', 'CITIZEN', 'F'], value: null, flag: 'suppressed' as const },
  { key: ['2026-Q3', 'CITIZEN', 'M'], value: 12 },
  { key: ['2026-Q3', 'CITIZEN', '_T'], value: null, flag: 'suppressed' as const },
  { key: ['2026-Q3', '_T', 'F'], value: 9 },
  { key: ['2026-Q3', '_T', '_T'], value: 28 },
  { key: ['2026-Q2', '_T', '_T'], value: 60 },
  { key: ['_T', '_T', '_T'], value: 88 },
];

describe('two-way view of a published cube', () => {
  it('holds the other dimensions at their total by default, total row and column last', () => {
    const t = twoWay(cells, dims, 'period', 'sex', {});
    expect(t.rows).toEqual(['2026-Q2', '2026-Q3', '_T']);
    expect(t.columns).toEqual(['F', '_T']);
    expect(t.cell('2026-Q3', '_T')!.value).toBe(28);
    expect(t.cell('2026-Q2', 'F')).toBeUndefined();
  });

  it('picks cells for a held code and keeps suppressed cells as they are', () => {
    const t = twoWay(cells, dims, 'period', 'sex', { citizenGroup: 'CITIZEN' });
    expect(t.rows).toEqual(['2026-Q3']);
    expect(t.columns).toEqual(['F', 'M', '_T']);
    expect(t.cell('2026-Q3', 'F')).toEqual({ key: ['2026-Q3', 'CITIZEN', 'F'], value: null, flag: 'suppressed' });
  });

  it('lists codes of a dimension and refuses impossible layouts', () => {
    expect(codesOf(cells, dims, 'citizenGroup')).toEqual(['CITIZEN', '_T']);
    expect(codesOf(cells, dims, 'nope')).toEqual([]);
    expect(() => twoWay(cells, dims, 'sex', 'sex', {})).toThrow();
  });
});
