import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { detectScript } from './script.ts';

describe('detectScript', () => {
  it.each([
    ['Հովհաննիսյան', 'Armn'],
    ['ԱՐԱՄ', 'Armn'],
    ['Оганесян Арам', 'Cyrl'],
    ['Қайрат Әбенов', 'Cyrl'],
    ['HOVHANNISYAN', 'Latn'],
    ['Öskenbay Gʻayrat', 'Latn'],
    ['მიხეილ', 'Geor'],
    ['محمد رضا', 'Arab'],
    ['پرویز', 'Arab'],
    ['Aрам', 'mixed'], // Latin A typed in a Cyrillic word
    ['Aram Արամ', 'mixed'],
    ['', 'unknown'],
    ['123 - .', 'unknown'],
    ['王小明', 'unknown'],
  ])('%s -> %s', (text, script) => {
    expect(detectScript(text)).toBe(script);
  });
  it('is total on arbitrary strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => typeof detectScript(s) === 'string'));
  });
});
