/**
 * Name lists of the synthetic population (data/*.json, hand-made, synthetic) as weighted tables per
 * origin group. Surnames and given names are drawn with Zipf-like weights by list order.
 */
import armenian from './data/armenian.json' with { type: 'json' };
import centralAsian from './data/central-asian.json' with { type: 'json' };
import georgian from './data/georgian.json' with { type: 'json' };
import iranian from './data/iranian.json' with { type: 'json' };
import latin from './data/latin.json' with { type: 'json' };
import russian from './data/russian.json' with { type: 'json' };
import { cumulative, pickIndex, zipfWeights, type Rng } from './prng.ts';
import type { OriginGroup } from './types.ts';

/** One name as the lists give it: the native form and, where the lists know them, other forms. */
export interface NameEntry {
  readonly native: string;
  /** Russian (Cyrillic) forms of an Armenian name; the first is the most common. */
  readonly russian?: readonly string[];
  /** Latin form given by the list (Persian passport spellings, Western Armenian surnames). */
  readonly latin?: string;
}

interface Table {
  readonly entries: readonly NameEntry[];
  readonly cum: Float64Array;
}

interface GroupTables {
  readonly surnames: Table;
  readonly male: Table;
  readonly female: Table;
  /** Nationalities to draw from for the 'other' group, with weights. */
  readonly nationalities?: { readonly codes: readonly string[]; readonly cum: Float64Array };
}

const table = (entries: readonly NameEntry[]): Table => ({ entries, cum: cumulative(zipfWeights(entries.length)) });
const plain = (names: readonly string[]) => names.map((native) => ({ native }));
const withRussian = (rows: readonly (readonly string[])[]) =>
  rows.map(([native = '', ...russianForms]) => ({ native, russian: russianForms }));
const withLatin = (rows: readonly (readonly string[])[]) => rows.map(([native = '', latinForm = '']) => ({ native, latin: latinForm }));

const western: Record<string, string> = armenian.western;
const armenianSurnames = withRussian(armenian.surnames).map((e) => ({ ...e, latin: western[e.native] }));

function groupOf(data: { surnames: string[]; male: string[]; female: string[] }): GroupTables {
  return { surnames: table(plain(data.surnames)), male: table(plain(data.male)), female: table(plain(data.female)) };
}

const otherTables = latin.other.map((o) => groupOf(o));

export const NAME_TABLES: Readonly<Record<Exclude<OriginGroup, 'other'>, GroupTables>> = {
  armenian: { surnames: table(armenianSurnames), male: table(withRussian(armenian.male)), female: table(withRussian(armenian.female)) },
  'russian-armenian': { surnames: table(armenianSurnames), male: table(withRussian(armenian.male)), female: table(withRussian(armenian.female)) },
  'syrian-armenian': { surnames: table(armenianSurnames), male: table(withRussian(armenian.male)), female: table(withRussian(armenian.female)) },
  russian: groupOf(russian),
  georgian: groupOf(georgian),
  iranian: { surnames: table(withLatin(iranian.surnames)), male: table(withLatin(iranian.male)), female: table(withLatin(iranian.female)) },
  indian: groupOf(latin.indian),
  kazakh: groupOf(centralAsian.kazakh),
  kyrgyz: groupOf(centralAsian.kyrgyz),
  tajik: groupOf(centralAsian.tajik),
  uzbek: groupOf(centralAsian.uzbek),
};

const OTHER_NATIONALITY_CUM = cumulative(latin.other.map((o) => o.share));

/** Draws a nationality for the 'other' group and the index of its name tables. */
export function drawOtherNationality(rng: Rng): { nationality: string; tables: GroupTables } {
  const i = pickIndex(rng, OTHER_NATIONALITY_CUM);
  return { nationality: latin.other[i]?.nationality ?? 'USA', tables: otherTables[i] ?? groupOf(latin.indian) };
}

export function drawName(tables: GroupTables, sex: 'M' | 'F', rng: Rng): { given: NameEntry; surname: NameEntry } {
  const g = sex === 'M' ? tables.male : tables.female;
  return {
    given: g.entries[pickIndex(rng, g.cum)] as NameEntry,
    surname: tables.surnames.entries[pickIndex(rng, tables.surnames.cum)] as NameEntry,
  };
}

/** Feminine form of a Russian or Central Asian surname (Иванов → Иванова, Островский → Островская). */
export function feminineSurname(name: string): string {
  if (/(ов|ев|ёв|ин|ын)$/u.test(name)) return `${name}а`;
  if (name.endsWith('ский')) return `${name.slice(0, -4)}ская`;
  if (name.endsWith('ой')) return `${name.slice(0, -2)}ая`;
  return name;
}
