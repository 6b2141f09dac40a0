/**
 * ICAO Doc 9303 Part 3 §6.C / Appendix B: the reversible, MRZ-only encoding of Arabic-script names
 * (X-prefixed digraphs such as ح XH, خ XKH, ة XTA / XAH). It is not a readable romanization: the VIZ uses
 * free transcription (domain reference §6.7). Encoding uses the generated `icao-fas-Arab-Latn-9303` table
 * (with the ة correction); decoding inverts it by greedy longest match.
 */
import { TRANSLIT_TABLES } from '../tables/index.ts';
import { transliterate } from './transliterate.ts';

/** Arabic-script name -> MRZ characters (A–Z, `<` between name components). */
export function encodeArabicMrz(text: string): string {
  return transliterate(text, 'icao-fas-Arab-Latn-9303')
    .toUpperCase()
    .replace(/[^A-Z]+/g, '<')
    .replace(/^<+|<+$/g, '');
}

// Harakat (U+064B–U+0652) and the superscript alef share codes with base letters (َ A, ً F…):
// decoding prefers the base letter, so only unvowelled names round-trip exactly.
const isMark = (s: string) => /^[\u064B-\u0652\u0670]$/u.test(s);

let decodeTable: { code: string; letter: string }[] | undefined;

function decoder(): { code: string; letter: string }[] {
  if (decodeTable) return decodeTable;
  const byCode = new Map<string, string>();
  for (const rule of TRANSLIT_TABLES['icao-fas-Arab-Latn-9303'].rules) {
    if (rule.s === '' || rule.t === '' || rule.after || isMark(rule.s)) continue;
    const code = rule.t.toUpperCase();
    if (!byCode.has(code)) byCode.set(code, rule.s);
  }
  byCode.set('XAH', 'ة'); // word-final form of XTA
  decodeTable = [...byCode].map(([code, letter]) => ({ code, letter })).sort((a, b) => b.code.length - a.code.length);
  return decodeTable;
}

/** MRZ X-encoding -> Arabic script (components separated by spaces). Unknown characters are dropped. */
export function decodeArabicMrz(mrz: string): string {
  const table = decoder();
  return mrz
    .toUpperCase()
    .split(/<+|\s+/)
    .filter((w) => w !== '')
    .map((word) => {
      let out = '';
      let i = 0;
      while (i < word.length) {
        const hit = table.find((e) => word.startsWith(e.code, i));
        if (hit) {
          out += hit.letter;
          i += hit.code.length;
        } else i += 1;
      }
      return out;
    })
    .join(' ');
}
