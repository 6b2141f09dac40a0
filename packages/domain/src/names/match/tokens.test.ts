/** The prepared-token memo (ADR 0520): the same preparation as without it, shared and frozen, bounded. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prepareToken, prepareTokenNow, TOKEN_MEMO_LIMIT } from './tokens.ts';

const tokenArb = fc
  .array(fc.constantFrom(...'abcdefghijklmnopqrstuvwxyzəабвгдежзийклмнопрстуфхцчшщыэюяғқңөүһաբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆևაბგდევზთიابتثجحخدذرزسشپچژکگی'), { minLength: 1, maxLength: 14 })
  .map((cs) => cs.join(''));

describe('prepareToken memo', () => {
  it('prepares a token exactly as without the memo, on first use and on reuse', () => {
    fc.assert(
      fc.property(tokenArb, (text) => {
        const fresh = prepareTokenNow(text);
        expect(prepareToken(text)).toEqual(fresh);
        expect(prepareToken(text)).toEqual(fresh);
      }),
      { numRuns: 500 },
    );
  });

  it('shares one frozen preparation per text', () => {
    const a = prepareToken('Grigoryan');
    expect(prepareToken('Grigoryan')).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(() => {
      (a as { loose: string }).loose = 'x';
    }).toThrow(TypeError);
    expect(prepareToken('Grigoryan').loose).toBe(prepareTokenNow('Grigoryan').loose);
  });

  it('keeps at most its limit, the oldest out first', () => {
    const first = prepareToken('Memoisedfirst');
    // Words no earlier test can have prepared (generated tokens have no digits): each one is a new entry.
    for (let i = 0; i < TOKEN_MEMO_LIMIT; i++) prepareToken(`0w${i.toString(36)}`);
    // Pushed out: prepared again, equal but not the same object.
    const again = prepareToken('Memoisedfirst');
    expect(again).toEqual(first);
    expect(again).not.toBe(first);
    // The newest are still there.
    const last = `0w${(TOKEN_MEMO_LIMIT - 1).toString(36)}`;
    expect(prepareToken(last)).toBe(prepareToken(last));
  });
});
