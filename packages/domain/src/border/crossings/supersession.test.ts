import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSupersede, currentCrossings, type SupersedingRecord } from './supersession.ts';

const rec = (id: string, at: string, supersedes?: string): SupersedingRecord => ({ id, occurredAt: at, ...(supersedes ? { supersedes: { id: supersedes, reason: 'fix' } } : {}) });
const ids = (rs: readonly SupersedingRecord[]) => rs.map((r) => r.id);

describe('currentCrossings', () => {
  it('folds a correction chain into the latest record with its history', () => {
    const fold = currentCrossings([rec('b', '2025-01-01T10:00:00Z', 'a'), rec('a', '2025-01-01T09:00:00Z'), rec('c', '2025-01-01T11:00:00Z', 'b'), rec('x', '2025-01-02T00:00:00Z')]);
    expect(fold.current.map((c) => [c.record.id, ids(c.history)])).toEqual([
      ['c', ['b', 'a']],
      ['x', []],
    ]);
    expect(fold.errors).toEqual([]);
    expect(fold.unresolved).toEqual([]);
  });

  it('reports double supersession and keeps both successors for review', () => {
    const fold = currentCrossings([rec('a', 't1'), rec('b', 't2', 'a'), rec('c', 't3', 'a')]);
    expect(fold.errors).toEqual([{ code: 'BORDER.DOUBLE_SUPERSESSION', id: 'a', by: ['b', 'c'] }]);
    expect(fold.current.map((c) => c.record.id)).toEqual(['b', 'c']);
    expect(ids(fold.unresolved)).toEqual(['a']);
  });

  it('reports cycles, and self-supersession as a cycle', () => {
    const fold = currentCrossings([rec('a', 't1', 'b'), rec('b', 't2', 'a'), rec('s', 't3', 's')]);
    expect(fold.errors).toEqual([
      { code: 'BORDER.SUPERSESSION_CYCLE', ids: ['a', 'b'] },
      { code: 'BORDER.SUPERSESSION_CYCLE', ids: ['s'] },
    ]);
    expect(fold.current).toEqual([]);
    expect(ids(fold.unresolved)).toEqual(['a', 'b', 's']);
  });

  it('warns about a reference to a record it was not given, and reports duplicate ids', () => {
    const fold = currentCrossings([rec('b', 't2', 'gone'), rec('d', 't1'), rec('d', 't1')]);
    expect(fold.warnings).toEqual([{ code: 'BORDER.SUPERSEDES_UNKNOWN', id: 'b', missing: 'gone' }]);
    expect(fold.errors).toEqual([{ code: 'BORDER.DUPLICATE_ID', id: 'd' }]);
    expect(fold.current.map((c) => c.record.id)).toEqual(['d', 'b']);
    expect(ids(fold.unresolved)).toEqual(['d']);
  });
});

/** Any records, links possibly broken (cycles, self links, double supersession, dangling ids). */
const anyRecords = fc.integer({ min: 0, max: 25 }).chain((n) =>
  fc.tuple(
    fc.array(fc.option(fc.integer({ min: 0, max: n + 2 }), { nil: undefined }), { minLength: n, maxLength: n }),
    fc.array(fc.integer({ min: 0, max: 5 }), { minLength: n, maxLength: n }),
  ).map(([links, times]) => links.map((l, i) => rec(`r${i}`, `2025-01-0${(times[i] ?? 0) + 1}`, l === undefined ? undefined : `r${l}`))),
);

/** Valid histories: each record supersedes at most one earlier, not yet superseded record. */
const validRecords = fc.array(fc.option(fc.nat(), { nil: undefined }), { maxLength: 30 }).map((choices) => {
  const out: SupersedingRecord[] = [];
  const open: string[] = [];
  choices.forEach((c, i) => {
    const id = `r${String(i).padStart(2, '0')}`;
    let target: string | undefined;
    if (c !== undefined && open.length > 0) target = open.splice(c % open.length, 1)[0];
    out.push(rec(id, `2025-01-01T${String(i).padStart(2, '0')}:00:00Z`, target));
    open.push(id);
  });
  return out;
});

describe('currentCrossings properties', () => {
  it('is independent of input order', () => {
    fc.assert(
      fc.property(anyRecords.chain((r) => fc.tuple(fc.constant(r), fc.shuffledSubarray(r, { minLength: r.length, maxLength: r.length }))), ([records, shuffled]) => {
        expect(currentCrossings(shuffled)).toEqual(currentCrossings(records));
        expect(currentCrossings([...records].reverse())).toEqual(currentCrossings(records));
      }),
    );
  });

  it('loses no record: each is in exactly one chain or unresolved', () => {
    fc.assert(
      fc.property(anyRecords, (records) => {
        const fold = currentCrossings(records);
        const seen = [...fold.current.flatMap((c) => [c.record, ...c.history]), ...fold.unresolved];
        expect(seen.length).toBe(records.length);
        expect(new Set(seen).size).toBe(records.length);
      }),
    );
  });

  it('on valid histories: no errors, one current record per chain, heads are the unsuperseded records', () => {
    fc.assert(
      fc.property(validRecords, (records) => {
        const fold = currentCrossings(records);
        expect(fold.errors).toEqual([]);
        expect(fold.unresolved).toEqual([]);
        const superseded = new Set(records.flatMap((r) => (r.supersedes ? [r.supersedes.id] : [])));
        expect(fold.current.map((c) => c.record.id).sort()).toEqual(records.filter((r) => !superseded.has(r.id)).map((r) => r.id).sort());
        for (const c of fold.current) {
          let at = c.record;
          for (const h of c.history) {
            expect(at.supersedes?.id).toBe(h.id);
            at = h;
          }
          expect(at.supersedes).toBeUndefined();
        }
      }),
    );
  });
});

describe('checkSupersede', () => {
  const existing = [rec('a', 't1'), rec('b', 't2', 'a')];
  it('accepts a correction of the latest record', () => {
    expect(checkSupersede(existing, { id: 'c', supersedes: { id: 'b', reason: 'typo' } })).toEqual({ ok: true });
  });
  it('refuses a second correction of the same record, unknown targets, and blank reasons', () => {
    expect(checkSupersede(existing, { id: 'c', supersedes: { id: 'a', reason: 'typo' } })).toMatchObject({ ok: false, code: 'BORDER.ALREADY_SUPERSEDED' });
    expect(checkSupersede(existing, { id: 'c', supersedes: { id: 'zz', reason: 'typo' } })).toMatchObject({ ok: false, code: 'BORDER.SUPERSEDES_UNKNOWN' });
    expect(checkSupersede(existing, { id: 'c', supersedes: { id: 'b', reason: ' ' } })).toMatchObject({ ok: false, code: 'BORDER.CORRECTION_REASON_REQUIRED' });
  });
});
