/**
 * Table-driven transliteration engine for the generated tables.
 *
 * Semantics (interscript "parallel" stage, which the TSVs come from):
 * - the input is processed word by word; a word is a run of letters, marks, digits and apostrophes, and
 *   `boundary` in a context means the start or end of that word;
 * - contexts are evaluated on the SOURCE text (look-behind `before`, look-ahead `after`);
 * - at each position the candidate rules are tried longest source first, then in table order, so a
 *   contextual row listed ahead of the plain row for the same letter wins when its context holds;
 * - characters no rule covers are copied unchanged (Latin, digits, other scripts).
 * Case: each word is lower-cased before lookup and the case of the word is restored on the output
 * (ALL CAPS -> ALL CAPS, Capitalised -> Capitalised). This is what lets positional rules such as
 * BGN/PCGN ե -> ye apply to names written in capitals, as on documents.
 */
import type { Pattern, TableRule, TranslitTable } from './table-types.ts';

export interface CompiledTable {
  readonly table: TranslitTable;
  /** Rules indexed by the first UTF-16 unit of their source, in priority order. */
  readonly byFirst: ReadonlyMap<string, readonly TableRule[]>;
  readonly inserts: readonly TableRule[];
}

export function compileTable(table: TranslitTable): CompiledTable {
  const buckets = new Map<string, { rule: TableRule; order: number }[]>();
  const inserts: TableRule[] = [];
  table.rules.forEach((rule, order) => {
    if (rule.ins) {
      inserts.push(rule);
      return;
    }
    const first = rule.s.charAt(0);
    if (first === '') return;
    let bucket = buckets.get(first);
    if (!bucket) buckets.set(first, (bucket = []));
    bucket.push({ rule, order });
  });
  const byFirst = new Map<string, TableRule[]>();
  for (const [first, bucket] of buckets) {
    bucket.sort((x, y) => y.rule.s.length - x.rule.s.length || x.order - y.order);
    byFirst.set(
      first,
      bucket.map((b) => b.rule),
    );
  }
  return { table, byFirst, inserts };
}

function inRange(ch: string, from: string, to: string): boolean {
  return ch !== '' && ch >= from && ch <= to;
}

/** Does `pattern` match the text ending at `pos` (look-behind)? */
function matchBehind(word: string, pos: number, pattern: Pattern): boolean {
  let p = pos;
  for (let k = pattern.length - 1; k >= 0; k--) {
    const el = pattern[k];
    if (!el) return false;
    if (el.k === 'b') {
      if (p !== 0) return false;
    } else if (el.k === 'l') {
      if (p < el.v.length || word.slice(p - el.v.length, p) !== el.v) return false;
      p -= el.v.length;
    } else {
      if (p === 0) return false;
      const ch = word.charAt(p - 1);
      if (el.k === 'c' ? !el.v.includes(ch) : !inRange(ch, el.from, el.to)) return false;
      p -= 1;
    }
  }
  return true;
}

/** Does `pattern` match the text starting at `pos` (look-ahead)? */
function matchAhead(word: string, pos: number, pattern: Pattern): boolean {
  let p = pos;
  for (const el of pattern) {
    if (el.k === 'b') {
      if (p !== word.length) return false;
    } else if (el.k === 'l') {
      if (!word.startsWith(el.v, p)) return false;
      p += el.v.length;
    } else {
      if (p >= word.length) return false;
      const ch = word.charAt(p);
      if (el.k === 'c' ? !el.v.includes(ch) : !inRange(ch, el.from, el.to)) return false;
      p += 1;
    }
  }
  return true;
}

function contextHolds(rule: TableRule, word: string, start: number, end: number): boolean {
  if (rule.before && !matchBehind(word, start, rule.before)) return false;
  if (rule.after && !matchAhead(word, end, rule.after)) return false;
  if (rule.notAfter) for (const p of rule.notAfter) if (matchAhead(word, end, p)) return false;
  return true;
}

/**
 * Transliterates one lower-cased word. Characters no rule covers are copied from `original` (same word,
 * original case) when the lower-casing kept the length, so pass-through text keeps its case exactly.
 */
function transliterateWord(compiled: CompiledTable, word: string, original: string): string {
  const source = original.length === word.length ? original : word;
  let out = '';
  let i = 0;
  while (i <= word.length) {
    for (const ins of compiled.inserts) if (i > 0 && contextHolds(ins, word, i, i)) out += ins.t;
    if (i === word.length) break;
    const candidates = compiled.byFirst.get(word.charAt(i));
    let matched: TableRule | undefined;
    if (candidates) {
      for (const rule of candidates) {
        if (word.startsWith(rule.s, i) && contextHolds(rule, word, i, i + rule.s.length)) {
          matched = rule;
          break;
        }
      }
    }
    if (matched) {
      out += matched.t;
      i += matched.s.length;
    } else {
      out += source.charAt(i);
      i += 1;
    }
  }
  return out;
}

function restoreCase(original: string, lowerOut: string): string {
  const upper = original.toUpperCase();
  const lower = original.toLowerCase();
  if (upper === lower) return lowerOut; // uncased script (Georgian Mkhedruli, Arabic)
  let cased = 0;
  for (const ch of original) if (ch.toUpperCase() !== ch.toLowerCase()) cased++;
  if (original === upper && cased >= 2) return lowerOut.toUpperCase();
  const first = original.charAt(0);
  if (first !== first.toLowerCase()) return lowerOut.charAt(0).toUpperCase() + lowerOut.slice(1);
  return lowerOut;
}

const WORD = /[\p{L}\p{M}\p{N}'ʼ’ʻ‘]+/gu;

/** Transliterates `text` with a compiled table. Never throws; unknown characters pass through. */
export function transliterateWith(compiled: CompiledTable, text: string): string {
  const normalised = text.normalize('NFC');
  let out = normalised.replace(WORD, (word) => restoreCase(word, transliterateWord(compiled, word.toLowerCase(), word)));
  for (const post of compiled.table.postRules) out = out.split(post.s).join(post.t);
  return out;
}
