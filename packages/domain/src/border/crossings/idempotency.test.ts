import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, decideIdempotency, deriveIdempotencyKey, idempotencyKeyProblem, requestHash, scopedKey } from './idempotency.ts';

describe('idempotency keys', () => {
  it('accepts UUIDs and derived node keys, rejects blanks and junk', () => {
    expect(idempotencyKeyProblem('6f1c2a9e-4b1d-4c55-9d3e-0a1b2c3d4e5f')).toBeNull();
    expect(idempotencyKeyProblem(deriveIdempotencyKey('bagratashen-1', 42))).toBeNull();
    expect(deriveIdempotencyKey('evn-2', 42)).toBe('evn-2:00000042');
    expect(idempotencyKeyProblem(undefined)?.code).toBe('BORDER.IDEMPOTENCY_KEY_REQUIRED');
    expect(idempotencyKeyProblem('short')?.code).toBe('BORDER.INVALID_IDEMPOTENCY_KEY');
    expect(idempotencyKeyProblem('has spaces in it')?.code).toBe('BORDER.INVALID_IDEMPOTENCY_KEY');
    expect(() => deriveIdempotencyKey('bad node', 1)).toThrow(RangeError);
    expect(() => deriveIdempotencyKey('node', -1)).toThrow(RangeError);
    expect(scopedKey('token-1', 'k')).not.toBe(scopedKey('token-2', 'k'));
  });
});

describe('decideIdempotency', () => {
  const body = { id: 'c-1', document: { number: 'AT0123456', issuingState: 'ARM' }, decision: 'admit' };
  const hash = requestHash(body);
  it('treats the first delivery as new', () => {
    expect(decideIdempotency(undefined, hash)).toEqual({ kind: 'new' });
  });
  it('treats the same request (any key order) as a replay', () => {
    const reordered = { decision: 'admit', document: { issuingState: 'ARM', number: 'AT0123456' }, id: 'c-1' };
    expect(decideIdempotency({ requestHash: hash, state: 'completed' }, requestHash(reordered))).toEqual({ kind: 'replay' });
  });
  it('answers "in progress" while the first delivery has not finished', () => {
    expect(decideIdempotency({ requestHash: hash, state: 'pending' }, hash)).toMatchObject({ kind: 'in_progress' });
  });
  it('refuses a different request under the same key', () => {
    const other = requestHash({ ...body, decision: 'refuse' });
    expect(decideIdempotency({ requestHash: hash, state: 'completed' }, other)).toMatchObject({ kind: 'conflict', code: 'BORDER.IDEMPOTENCY_CONFLICT' });
  });
  it('hashes canonically: equal JSON values hash equal, different ones differ', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (a, b) => {
        const same = canonicalJson(a) === canonicalJson(b);
        expect(requestHash(a) === requestHash(b)).toBe(same);
      }),
    );
    expect(canonicalJson({ b: 1, a: [1, { d: 2, c: undefined }] })).toBe('{"a":[1,{"d":2}],"b":1}');
  });
});
