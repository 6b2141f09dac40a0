/**
 * Build-time derivation of every engine table from the reference TSVs: the standard maps as exported
 * (with the corrections listed in shared/reference-data/translit/README.md, "Known issues"), plus the
 * systems that only exist as comparison tables (Armenian systems, Russian passport eras).
 * Pure: the caller (scripts/gen-translit-tables.ts) does the file I/O.
 */
import type { Pattern, SourceScript, TableRule, TranslitTable } from './table-types.ts';
import { compileRows, parseComparisonTsv, parseStandardTsv } from './tsv-compile.ts';

const INTERSCRIPT_LICENCE = 'MIT (interscript/maps, copyright Ribose); the standard belongs to its publisher';
const ARMENIAN_VOWELS = 'աեէըիոօւ'; // ւ ends the vowel digraph ու
const B: Pattern = [{ k: 'b' }];
const AFTER_ARMENIAN_VOWEL: Pattern = [{ k: 'c', v: ARMENIAN_VOWELS }];

function scriptOf(id: string): SourceScript {
  for (const s of ['Armn', 'Cyrl', 'Geor', 'Arab'] as const) if (id.includes(`-${s}-`)) return s;
  throw new Error(`No source script in ${id}`);
}

/** Replaces the plain (context-free) rules for the given sources; `null` deletes them. */
function overrideTable(rules: readonly TableRule[], overrides: Record<string, string | null>): TableRule[] {
  const out: TableRule[] = [];
  const seen = new Set<string>();
  for (const r of rules) {
    if (!(r.s in overrides) || r.before || r.after || r.ins) {
      out.push(r);
      continue;
    }
    const t = overrides[r.s];
    if (t !== null && t !== undefined && !seen.has(r.s)) out.push({ s: r.s, t });
    seen.add(r.s);
  }
  for (const [s, t] of Object.entries(overrides)) if (!seen.has(s) && t !== null) out.push({ s, t });
  return out;
}

/** Upper- and lower-case override pair from an upper-case letter and its upper-case value. */
function cased(letter: string, value: string): Record<string, string> {
  return { [letter]: value, [letter.toLowerCase()]: value.toLowerCase() };
}

/** Armenian positional rules (BGN/PCGN 1981; the TSV keeps them only as header notes). */
function armenianPositional(ye: string, vo: string, yev: string): TableRule[] {
  return [
    { s: 'ե', t: ye, before: B },
    { s: 'ե', t: ye, before: AFTER_ARMENIAN_VOWEL },
    // ո -> vo at the start of a word, except the word ով ("who"); ու is a longer rule and wins anyway.
    { s: 'ո', t: vo, before: B, notAfter: [[{ k: 'l', v: 'վ' }, { k: 'b' }]] },
    { s: 'և', t: yev, before: B },
    { s: 'և', t: yev, before: AFTER_ARMENIAN_VOWEL },
  ];
}

function standardTable(id: string, text: string): TranslitTable {
  const std = parseStandardTsv(text);
  const { rules, postRules } = compileRows(std.rows);
  return {
    id,
    title: std.title,
    sourceScript: scriptOf(id),
    source: `shared/reference-data/translit/${id}.tsv (from ${std.source})`,
    reference: std.reference,
    licence: INTERSCRIPT_LICENCE,
    rules,
    postRules,
    notes: postRules.length > 0 ? ['Rows marked pre-rule match Latin text; applied to the output.'] : [],
  };
}

type Fix = (t: TranslitTable) => TranslitTable;

/** Corrections documented in the translit README ("Known issues"), keyed by table id. */
const ERRATA: Record<string, Fix> = {
  'icao-rus-Cyrl-Latn-9303': (t) => ({
    ...t,
    rules: overrideTable(t.rules, {
      ...cased('Ъ', 'IE'),
      'Ь': '',
      'ь': '',
      'Һ': null,
      'һ': null,
      'Ћ': 'C',
      'ћ': 'c',
    }),
    notes: [
      ...t.notes,
      'Added Ъ -> IE and Ь -> (omitted) per ICAO Doc 9303 Part 3 §6.B (missing from the map).',
      'The map row Һ -> C is moved to Serbian Ћ (U+040B), which it is meant for; Kazakh Һ is not ICAO-listed.',
    ],
  }),
  'icao-fas-Arab-Latn-9303': (t) => ({
    ...t,
    rules: [{ s: 'ة', t: 'XAH', after: B }, ...overrideTable(t.rules, { 'ة': 'XTA' })],
    notes: [...t.notes, 'ة is XTA (XAH at the end of a name component) per ICAO Part 3; the map row gives P.'],
  }),
  'gost-rus-Cyrl-Latn-7.79-2000-2002': (t) => ({
    ...t,
    rules: overrideTable(t.rules, { 'Ъ': 'ʺ', 'ъ': 'ʺ', 'Ь': 'ʹ', 'ь': 'ʹ' }),
    notes: [...t.notes, 'Ъ -> ʺ (U+02BA) and Ь -> ʹ (U+02B9) as in GOST 7.79 System A; the map has \\" and ´.'],
  }),
  'bgnpcgn-rus-Cyrl-Latn-1947': (t) => {
    // Contextual rows such as Е -> YЕ only add the Y; the Cyrillic letter left in the target is converted
    // by the plain table, which the generator does here once.
    const plain = new Map(t.rules.filter((r) => !r.before && !r.after && !r.ins).map((r) => [r.s, r.t]));
    const resolve = (s: string) => [...s].map((ch) => plain.get(ch) ?? ch).join('');
    return {
      ...t,
      rules: t.rules.map((r) => (r.before || r.after ? { ...r, t: resolve(r.t) } : r)),
      notes: [...t.notes, 'Cyrillic letters left in contextual targets (YЕ, Ы·) are resolved through the table.'],
    };
  },
  'bgnpcgn-arm-Armn-Latn-1981': (t) => ({
    ...t,
    rules: [...armenianPositional('ye', 'vo', 'yev'), ...t.rules],
    notes: [
      ...t.notes,
      'Positional rules added from the BGN/PCGN notes: ե -> ye initially and after vowels; ո -> vo initially ' +
        '(not in ով); և -> yev initially and after vowels. The engine lower-cases before applying them.',
    ],
  }),
};

/** Armenian systems from armenian-romanization-systems.tsv (one column per system). */
function armenianSystems(text: string): TranslitTable[] {
  const { columns, rows } = parseComparisonTsv(text);
  const specs = [
    { column: 'HM1913', id: 'armn-hm1913', title: 'Armenian, Hübschmann-Meillet 1913', positional: false },
    { column: 'ISO9985', id: 'armn-iso-9985-1996', title: 'Armenian, ISO 9985:1996', positional: false },
    { column: 'ALA-LC', id: 'armn-ala-lc', title: 'Armenian, ALA-LC', positional: false },
    {
      column: 'PASSPORT_PRACTICE_TO_CONFIRM',
      id: 'armn-passport-practice',
      title: 'Armenian passport practice (observed; Decision 725-N to confirm)',
      positional: true,
    },
  ];
  return specs.map((spec) => {
    const col = columns.indexOf(spec.column);
    if (col < 0) throw new Error(`Column ${spec.column} missing`);
    const rules: TableRule[] = [];
    const alternatives: Record<string, string> = {};
    for (const row of rows) {
      const letter = row[0] ?? '';
      const cell = (row[col] ?? '').trim().toLowerCase();
      if (letter === '' || cell === '') continue;
      const [base = '', alt] = cell.split(' / ');
      rules.push({ s: letter, t: base });
      if (alt !== undefined) alternatives[letter] = alt;
    }
    const positional = spec.positional
      ? armenianPositional(alternatives['ե'] ?? 'ye', alternatives['ո'] ?? 'vo', alternatives['և'] ?? 'yev')
      : [];
    return {
      id: spec.id,
      title: spec.title,
      sourceScript: 'Armn',
      source: `shared/reference-data/translit/armenian-romanization-systems.tsv, column ${spec.column}`,
      reference: 'Pedersen (KNAB/EKI 2004); UNGEGN WGRS v2.2; ALA-LC; observed passports (see file header)',
      licence: 'Facts from the published standards',
      rules: [...positional, ...rules],
      postRules: [],
      notes: [
        'Upper case is handled by the engine (lower-case, transliterate, restore the word case).',
        ...(Object.keys(alternatives).length > 0 && !spec.positional
          ? [`Second values kept out of the table: ${JSON.stringify(alternatives)}`]
          : []),
        ...(spec.positional ? ['ե/ո/և positional values from the "x / y" cells, contexts as BGN/PCGN.'] : []),
      ],
    };
  });
}

/** Russian passport eras: the ICAO table with the letters that differ (russian-passport-eras.tsv). */
function russianEras(text: string, icao: TranslitTable): TranslitTable[] {
  const { columns, rows } = parseComparisonTsv(text);
  const eras = [
    { column: 'MVD_1997', id: 'rus-passport-1997', title: 'Russian passports, MVD Order 310 (1997)' },
    { column: 'FMS_2010', id: 'rus-passport-2010', title: 'Russian passports, FMS Order 26 (2010, GOST R 52535.1-2006)' },
  ];
  return eras.map((era) => {
    const col = columns.indexOf(era.column);
    const overrides: Record<string, string> = {};
    const kept: string[] = [];
    for (const row of rows) {
      const letter = row[0] ?? '';
      const cell = (row[col] ?? '').trim();
      // Blank or "(not listed)": the sources are silent, keep the ICAO value (noted).
      if (cell === '' || cell.startsWith('(')) kept.push(letter);
      else Object.assign(overrides, cased(letter, cell));
    }
    return {
      ...icao,
      id: era.id,
      title: era.title,
      source: `icao-rus-Cyrl-Latn-9303 with shared/reference-data/translit/russian-passport-eras.tsv column ${era.column}`,
      reference: 'See russian-passport-eras.tsv header (orders as quoted by secondary sources)',
      licence: 'Facts from public legal acts; base table MIT (interscript/maps)',
      rules: overrideTable(icao.rules, overrides),
      notes: [`Not stated for this era, ICAO value kept: ${kept.join(' ')}.`],
    };
  });
}

/** ICAO Cyrillic extended with the Central Asian letters ICAO does not list (domain reference §6.5). */
function centralAsianPassport(icao: TranslitTable): TranslitTable {
  const extra = ['Ә:A', 'Қ:K', 'Ң:N', 'Ө:O', 'Ұ:U', 'Ү:U', 'Ғ:G', 'Һ:H', 'Ҳ:H', 'Ҷ:J', 'Ӣ:I', 'Ӯ:U'];
  const overrides: Record<string, string> = {};
  for (const pair of extra) {
    const [letter = '', value = ''] = pair.split(':');
    Object.assign(overrides, cased(letter, value));
  }
  return {
    ...icao,
    id: 'cyrl-passport-central-asia',
    title: 'ICAO Cyrillic with Kazakh/Kyrgyz/Uzbek/Tajik letters folded (passport practice, to confirm)',
    rules: overrideTable(icao.rules, overrides),
    notes: ['Ә→A, Қ→K, Ң→N, Ө→O, Ұ/Ү→U, Ғ→G, Һ/Ҳ→H, Ҷ→J, Ӣ→I, Ӯ→U: domain reference §6.5, [to confirm].'],
  };
}

/** Uzbek 2000 rows are differences only: apply them on top of 1979 (translit README). */
function uzbek2000(base: TranslitTable, overlay: TranslitTable): TranslitTable {
  const plainOverlay = new Set(overlay.rules.filter((r) => !r.before && !r.after).map((r) => r.s));
  const contextOverlay = new Set(overlay.rules.filter((r) => r.before || r.after).map((r) => r.s));
  const kept = base.rules.filter((r) => {
    if (plainOverlay.has(r.s)) return false; // new value: the old case-variant context rows go too
    return !(contextOverlay.has(r.s) && (r.before || r.after));
  });
  return {
    ...overlay,
    rules: [...overrideTable(overlay.rules, { 'в': 'v' }), ...kept],
    notes: [
      'Applied on top of bgnpcgn-uzb-Cyrl-Latn-1979.',
      'Lower-case в -> v (the source map has w, inconsistent with В -> V and the Uzbek Latin alphabet).',
    ],
  };
}

/** Builds every table from the TSV texts, keyed by file name (e.g. `bgnpcgn-arm-Armn-Latn-1981.tsv`). */
export function buildAllTables(files: ReadonlyMap<string, string>): TranslitTable[] {
  const byId = new Map<string, TranslitTable>();
  for (const [name, text] of files) {
    if (!/-Latn-.*\.tsv$/.test(name)) continue;
    const id = name.replace(/\.tsv$/, '');
    const table = standardTable(id, text);
    byId.set(id, (ERRATA[id] ?? ((x: TranslitTable) => x))(table));
  }
  const need = (id: string) => {
    const t = byId.get(id);
    if (!t) throw new Error(`Missing table ${id}`);
    return t;
  };
  const icao = need('icao-rus-Cyrl-Latn-9303');
  const uzb2000 = uzbek2000(need('bgnpcgn-uzb-Cyrl-Latn-1979'), need('bgnpcgn-uzb-Cyrl-Latn-2000'));
  byId.set(uzb2000.id, uzb2000);
  const armenian = files.get('armenian-romanization-systems.tsv');
  const eras = files.get('russian-passport-eras.tsv');
  if (armenian === undefined || eras === undefined) throw new Error('Comparison tables missing');
  for (const t of [...armenianSystems(armenian), ...russianEras(eras, icao), centralAsianPassport(icao)]) {
    byId.set(t.id, t);
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}
