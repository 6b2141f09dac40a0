import { describe, expect, it } from 'vitest';
import { diff, flatten, valueText } from './diff.ts';

describe('reference history diff', () => {
  it('flattens nested objects to dotted paths', () => {
    expect(flatten({ names: { en: 'A', hy: 'Ա' }, active: true })).toEqual({ 'names.en': 'A', 'names.hy': 'Ա', active: true });
  });

  it('lists only the fields that changed, ignoring bookkeeping', () => {
    const before = { names: { en: 'Armenia', ru: 'Армения' }, active: true, version: 1 };
    const after = { names: { en: 'Republic of Armenia', ru: 'Армения' }, active: false, version: 2 };
    expect(diff(before, after)).toEqual([
      { field: 'active', before: true, after: false },
      { field: 'names.en', before: 'Armenia', after: 'Republic of Armenia' },
    ]);
  });

  it('treats a missing snapshot as all fields added', () => {
    expect(diff(null, { active: true })).toEqual([{ field: 'active', before: undefined, after: true }]);
    expect(diff({ a: null }, {})).toEqual([]);
    expect(valueText(undefined)).toBe('—');
  });
});
