import { describe, expect, it } from 'vitest';
import { checkFullDate, checkPartialDate, fieldDomId, issuesByPath } from './edit-model.ts';

describe('checkPartialDate', () => {
  const today = '2026-03-15';

  it('accepts a year, a month or a day', () => {
    expect(checkPartialDate('1985', today)).toBeNull();
    expect(checkPartialDate('1985-04', today)).toBeNull();
    expect(checkPartialDate('2024-02-29', today)).toBeNull();
    expect(checkPartialDate('2026-03', today)).toBeNull();
  });

  it('names the problem: format, a date that does not exist, the future', () => {
    expect(checkPartialDate('85', today)).toBe('format');
    expect(checkPartialDate('15.04.1985', today)).toBe('format');
    expect(checkPartialDate('1985-4', today)).toBe('format');
    expect(checkPartialDate('1985-13', today)).toBe('notReal');
    expect(checkPartialDate('2023-02-29', today)).toBe('notReal');
    expect(checkPartialDate('1985-04-31', today)).toBe('notReal');
    expect(checkPartialDate('2026-04', today)).toBe('future');
    expect(checkPartialDate('2027', today)).toBe('future');
    expect(checkPartialDate('2026-03-16', today)).toBe('future');
  });
});

describe('checkFullDate', () => {
  it('wants YYYY-MM-DD, and not after today when asked', () => {
    expect(checkFullDate('2030-01-01', null)).toBeNull();
    expect(checkFullDate('2030-01-01', '2026-01-01')).toBe('future');
    expect(checkFullDate('2030-01', null)).toBe('format');
    expect(checkFullDate('2030-02-30', null)).toBe('notReal');
  });
});

describe('issuesByPath', () => {
  it('strips body. and keeps the first issue of a path', () => {
    const map = issuesByPath([
      { field: 'body.documents.1.number', code: 'too_small', message: 'a' },
      { field: 'body.documents.1.number', code: 'invalid_format', message: 'b' },
      { field: 'body.birthDate', code: 'PERSONS.INVALID_DATE', message: 'c' },
      { field: 'body', code: 'invalid_type', message: 'd' },
    ]);
    expect([...map.keys()]).toEqual(['documents.1.number', 'birthDate']);
    expect(map.get('documents.1.number')?.code).toBe('too_small');
  });

  it('gives DOM ids that are valid and distinct per section', () => {
    expect(fieldDomId('documents', 'documents.2.number')).toBe('edit-documents-documents-2-number');
    expect(fieldDomId('names', 'names.0')).not.toBe(fieldDomId('documents', 'names.0'));
  });
});
