/**
 * Public transliteration API over the generated tables (`../tables/index.ts`).
 * Tables are compiled lazily, once per system.
 */
import { TRANSLIT_TABLES, type TranslitSystemId } from '../tables/index.ts';
import { detectScript, type NameScript } from '../script.ts';
import { compileTable, transliterateWith, type CompiledTable } from './engine.ts';
import type { SourceScript } from './table-types.ts';

export type { TranslitSystemId };

export interface TranslitSystemInfo {
  readonly id: TranslitSystemId;
  readonly title: string;
  readonly sourceScript: SourceScript;
  readonly reference: string;
  readonly licence: string;
  readonly notes: readonly string[];
}

const compiled = new Map<TranslitSystemId, CompiledTable>();

function engine(id: TranslitSystemId): CompiledTable {
  let c = compiled.get(id);
  if (!c) {
    c = compileTable(TRANSLIT_TABLES[id]);
    compiled.set(id, c);
  }
  return c;
}

export const TRANSLIT_SYSTEM_IDS = Object.keys(TRANSLIT_TABLES) as TranslitSystemId[];

export function isTranslitSystemId(id: string): id is TranslitSystemId {
  return Object.hasOwn(TRANSLIT_TABLES, id);
}

export function listTranslitSystems(): TranslitSystemInfo[] {
  return TRANSLIT_SYSTEM_IDS.map((id) => {
    const t = TRANSLIT_TABLES[id];
    return { id, title: t.title, sourceScript: t.sourceScript, reference: t.reference, licence: t.licence, notes: t.notes };
  });
}

/**
 * Romanizes `text` with one system. Characters of other scripts pass through unchanged, so a mixed
 * string can be run through several systems in turn. Never throws.
 */
export function transliterate(text: string, system: TranslitSystemId): string {
  return transliterateWith(engine(system), text);
}

/** Systems that apply to text in a given script, most document-relevant first. */
export const SYSTEMS_BY_SCRIPT: Readonly<Record<SourceScript, readonly TranslitSystemId[]>> = {
  Armn: ['armn-passport-practice', 'bgnpcgn-arm-Armn-Latn-1981', 'armn-iso-9985-1996', 'armn-ala-lc', 'armn-hm1913'],
  Cyrl: [
    'icao-rus-Cyrl-Latn-9303',
    'rus-passport-2010',
    'rus-passport-1997',
    'bgnpcgn-rus-Cyrl-Latn-1947',
    'gost-rus-Cyrl-Latn-7.79-2000-2002',
    'iso-rus-Cyrl-Latn-9-1995',
    'cyrl-passport-central-asia',
    'bgnpcgn-kaz-Cyrl-Latn-1979',
    'bgnpcgn-kir-Cyrl-Latn-1979',
    'bgnpcgn-uzb-Cyrl-Latn-1979',
    'bgnpcgn-uzb-Cyrl-Latn-2000',
    'bgnpcgn-tgk-Cyrl-Latn-1994',
  ],
  Geor: ['ggg-kat-Geor-Latn-2002', 'iso-kat-Geor-Latn-9984-1996'],
  Arab: ['icao-fas-Arab-Latn-9303', 'bgnpcgn-ara-Arab-Latn-1956', 'bgnpcgn-fas-Arab-Latn-1956'],
};

/** Every romanization of `text` by the systems of its script (deduplicated, in SYSTEMS_BY_SCRIPT order). */
export function romanizeAll(text: string): { system: TranslitSystemId; text: string }[] {
  const script: NameScript = detectScript(text);
  const systems =
    script === 'mixed'
      ? [...new Set(Object.values(SYSTEMS_BY_SCRIPT).flat())]
      : script in SYSTEMS_BY_SCRIPT
        ? SYSTEMS_BY_SCRIPT[script as SourceScript]
        : [];
  const seen = new Set<string>();
  const out: { system: TranslitSystemId; text: string }[] = [];
  for (const system of systems) {
    const value = transliterate(text, system);
    if (seen.has(value)) continue;
    seen.add(value);
    out.push({ system, text: value });
  }
  return out;
}
