/**
 * Pure compiler from the reference TSVs (shared/reference-data/translit) to `TranslitTable` rules.
 * Used by `scripts/gen-translit-tables.ts` at build time only; nothing here runs when names are scored.
 *
 * The `kind` column carries interscript context expressions such as
 * `context: before: boundary + "\u0627\u0644" + any("\u0600".."\u06ff")` or `insert; context: before: any("Тт"), after: any("Сс")`.
 */
import type { Pattern, PatternElement, TableRule } from './table-types.ts';

export interface TsvRow {
  readonly src: string;
  readonly dst: string;
  readonly kind: string;
}

export interface TsvStandard {
  readonly title: string;
  readonly source: string;
  readonly reference: string;
  readonly rows: readonly TsvRow[];
}

/** Character classes named in the maps. Values from interscript/maps (bgnpcgn-rus-Cyrl-Latn-1947 aliases). */
export const CONTEXT_ALIASES: Readonly<Record<string, string>> = {
  rus_extvowel: 'АаЕеЁёИиОоУуЫыЭэЮюЯяЙйЪъЬь',
  rus_vowel: 'АаЕеЁёИиОоУуЫыЭэЮюЯя',
  // BGN/PCGN Russian note 2/3: й and ы take a middle dot before а, у, ы, э.
  rus_limvowel: 'АаУуЫыЭэ',
  // BGN/PCGN Russian note 4: э after a consonant (й excluded: it is covered by its own rule).
  rus_cons: 'БбВвГгДдЖжЗзКкЛлМмНнПпРрСсТтФфХхЦцЧчШшЩщ',
};

/** Reads a standard map: `#` header lines, then `source<TAB>target<TAB>kind`. */
export function parseStandardTsv(text: string): TsvStandard {
  const header: string[] = [];
  const rows: TsvRow[] = [];
  for (const rawLine of text.split('\n')) {
    const line = rawLine.replace(/\r$/, '');
    if (line.startsWith('#')) {
      header.push(line.slice(1).trim());
      continue;
    }
    if (line.trim() === '') continue;
    const [src = '', dst = '', kind = 'table'] = line.split('\t');
    // The TSV writes a literal double quote as \" (README, known issues).
    rows.push({ src, dst: dst.replace(/\\"/g, '"'), kind: kind.trim() });
  }
  const field = (prefix: string) =>
    header.find((h) => h.startsWith(prefix))?.slice(prefix.length).trim() ?? '';
  return {
    title: (header[0] ?? '').replace(/^"|"$/g, ''),
    source: field('source:'),
    reference: field('standard reference:'),
    rows,
  };
}

/** Reads a comparison table: comment lines, a header row, one row per letter. */
export function parseComparisonTsv(text: string): { columns: string[]; rows: string[][] } {
  const lines = text
    .split('\n')
    .map((l) => l.replace(/\r$/, ''))
    .filter((l) => l !== '' && !l.startsWith('#'));
  const [head = '', ...body] = lines;
  return { columns: head.split('\t'), rows: body.map((l) => l.split('\t')) };
}

/** Splits on a separator that is not inside double quotes or parentheses. */
function splitTopLevel(text: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\\' && quoted) {
      i++;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '(') depth++;
    else if (!quoted && ch === ')') depth--;
    else if (!quoted && depth === 0 && text.startsWith(separator, i)) {
      parts.push(text.slice(start, i));
      start = i + separator.length;
      i += separator.length - 1;
    }
  }
  parts.push(text.slice(start));
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}

const unquote = (q: string): string => JSON.parse(q) as string;

function parseTerm(term: string): PatternElement {
  if (term === 'boundary') return { k: 'b' };
  if (term.startsWith('"')) return { k: 'l', v: unquote(term) };
  const any = /^any\((.*)\)$/s.exec(term);
  if (any) {
    const inner = any[1] ?? '';
    const range = /^("(?:[^"\\]|\\.)*")\.\.("(?:[^"\\]|\\.)*")$/s.exec(inner);
    if (range) return { k: 'r', from: unquote(range[1] ?? '""'), to: unquote(range[2] ?? '""') };
    return { k: 'c', v: unquote(inner) };
  }
  const alias = CONTEXT_ALIASES[term];
  if (alias !== undefined) return { k: 'c', v: alias };
  throw new Error(`Unknown context term: ${term}`);
}

/** Parses `before: …, after: …` into look-behind / look-ahead patterns. */
export function parseContext(expr: string): { before?: Pattern; after?: Pattern } {
  const result: { before?: Pattern; after?: Pattern } = {};
  for (const part of splitTopLevel(expr, ',')) {
    const m = /^(before|after):\s*(.*)$/s.exec(part);
    if (!m) throw new Error(`Unknown context clause: ${part}`);
    const pattern = splitTopLevel(m[2] ?? '', '+').map(parseTerm);
    if (m[1] === 'before') result.before = pattern;
    else result.after = pattern;
  }
  return result;
}

export interface CompiledRows {
  readonly rules: TableRule[];
  readonly postRules: { s: string; t: string }[];
}

/** Turns TSV rows into engine rules, keeping the map's order (the engine relies on it for priority). */
export function compileRows(rows: readonly TsvRow[]): CompiledRows {
  const rules: TableRule[] = [];
  const postRules: { s: string; t: string }[] = [];
  for (const row of rows) {
    if (row.kind === 'table') {
      rules.push({ s: row.src, t: row.dst });
    } else if (row.kind === 'pre-rule') {
      // These rows match Latin text (e.g. Arabic " At T" -> " at T", lower-casing the article), so they
      // can only ever apply to the romanized output: the generator records them as post-rules.
      postRules.push({ s: row.src, t: row.dst });
    } else if (row.kind.startsWith('insert; context:')) {
      rules.push({ s: '', t: row.dst, ins: true, ...parseContext(row.kind.slice('insert; context:'.length)) });
    } else if (row.kind.startsWith('context:')) {
      rules.push({ s: row.src, t: row.dst, ...parseContext(row.kind.slice('context:'.length)) });
    } else {
      throw new Error(`Unknown rule kind: ${row.kind}`);
    }
  }
  return { rules, postRules };
}
