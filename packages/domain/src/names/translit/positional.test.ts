/** Positional and contextual rules (the `context:` kinds of the TSVs and the BGN/PCGN Armenian notes). */
import { describe, expect, it } from 'vitest';
import { parseContext } from './tsv-compile.ts';
import { transliterate } from './transliterate.ts';

describe('Armenian BGN/PCGN 1981 positional rules', () => {
  const bgn = (s: string) => transliterate(s, 'bgnpcgn-arm-Armn-Latn-1981');
  it('ե is ye at the start of a word, e after a consonant, ye after a vowel', () => {
    expect(bgn('Երևան')).toBe('Yerevan');
    expect(bgn('Գայանե')).toBe('Gayane');
    expect(bgn('աե')).toBe('aye');
  });
  it('ո is vo at the start of a word, but not in the word ով, nor in the digraph ու', () => {
    expect(bgn('Ոսկանյան')).toBe('Voskanyan');
    expect(bgn('ով')).toBe('ov');
    expect(bgn('Ուրարտու')).toBe('Urartu');
    expect(bgn('Հովսեփ')).toBe('Hovsep’');
  });
  it('և is yev initially and after a vowel, ev after a consonant', () => {
    expect(bgn('և')).toBe('yev');
    expect(bgn('Թադևոս')).toBe('T’adevos');
  });
  it('applies to names written in capitals (the engine lower-cases first)', () => {
    expect(bgn('ԵՐԵՎԱՆ')).toBe('YEREVAN');
    expect(transliterate('ՈՍԿԱՆՅԱՆ ԵՂԻԱԶԱՐ', 'armn-passport-practice')).toBe('VOSKANYAN YEGHIAZAR');
  });
  it('works word by word in a full name', () => {
    expect(transliterate('Եղիազարյան Երվանդ', 'armn-passport-practice')).toBe('Yeghiazaryan Yervand');
  });
});

describe('Russian BGN/PCGN 1947 contextual rules', () => {
  const bgn = (s: string) => transliterate(s, 'bgnpcgn-rus-Cyrl-Latn-1947');
  it('е is ye initially and after vowels, й, ъ, ь', () => {
    expect(bgn('Егор')).toBe('Yegor');
    expect(bgn('Андреев')).toBe('Andreyev');
    expect(bgn('Мельников')).toBe('Mel’nikov');
    expect(bgn('Васильев')).toBe('Vasil’yev');
    expect(bgn('Петров')).toBe('Petrov');
  });
  it('ё is yë initially and after vowels, ë elsewhere', () => {
    expect(bgn('Ёлкин')).toBe('Yëlkin');
    expect(bgn('Пётр')).toBe('Pëtr');
  });
  it('й takes a middle dot before а, у, ы, э', () => {
    expect(bgn('Йуа')).toBe('Y·ua');
  });
  it('inserts a middle dot in тс and шч', () => {
    expect(bgn('Мастс')).toBe('Mast·s');
    expect(bgn('Шчедрин')).toBe('Sh·chedrin');
  });
});

describe('Uzbek 1979 contextual rules', () => {
  it('е after a vowel is ye', () => {
    expect(transliterate('Ахмаджанов Бегимкулиев', 'bgnpcgn-uzb-Cyrl-Latn-1979')).toBe('Akhmadzhanow Begimkuliyew');
  });
});

describe('context expression parser', () => {
  it('parses look-behind, look-ahead, aliases, literals and ranges', () => {
    expect(parseContext('before: rus_vowel, after: rus_limvowel')).toEqual({
      before: [{ k: 'c', v: 'АаЕеЁёИиОоУуЫыЭэЮюЯя' }],
      after: [{ k: 'c', v: 'АаУуЫыЭэ' }],
    });
    expect(parseContext('before: boundary + "\\u0627\\u0644" + any("\\u0600".."\\u06ff")')).toEqual({
      before: [{ k: 'b' }, { k: 'l', v: 'ال' }, { k: 'r', from: '\u0600', to: '\u06ff' }],
    });
    expect(parseContext('after: "a" + any("ht")')).toEqual({ after: [{ k: 'l', v: 'a' }, { k: 'c', v: 'ht' }] });
  });
  it('rejects unknown terms', () => {
    expect(() => parseContext('before: nonsense_alias')).toThrow(/Unknown context term/);
  });
});
