import { createRequire } from 'node:module';
import countries from 'i18n-iso-countries';
import ISO6391 from 'iso-639-1';
import type { Queryable } from '../db/client.ts';
import { upsertItems, type ItemInput, type ReferenceTable } from '../modules/reference/index.ts';
import type { CountryProfile } from '../profiles/profile.ts';
import { EAEU_MEMBERS, ICAO_SPECIAL_CODES } from './icao-codes.ts';

const require = createRequire(import.meta.url);
const UI_LANGUAGES = ['hy', 'ru', 'en'] as const;
for (const lang of UI_LANGUAGES) countries.registerLocale(require(`i18n-iso-countries/langs/${lang}.json`));

/** Countries from ISO 3166-1 (i18n-iso-countries, names from its CLDR-derived locale files). */
export function countryItems(): ItemInput[] {
  const alpha3 = countries.getAlpha3Codes(); // alpha3 -> alpha2
  return Object.entries(alpha3)
    .map(([a3, a2]) => {
      const names = Object.fromEntries(UI_LANGUAGES.map((l) => [l, countries.getName(a2, l, { select: 'official' }) ?? countries.getName(a2, 'en') ?? a3]));
      const eaeu = EAEU_MEMBERS[a3];
      return {
        key: a3,
        names,
        attributes: { alpha2: a2, numeric: countries.alpha3ToNumeric(a3) ?? null, eaeuFrom: eaeu?.from ?? null, eaeuTo: null },
      };
    })
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** Languages from ISO 639-1 (iso-639-1), with names from the runtime's CLDR data (Intl.DisplayNames). */
export function languageItems(): ItemInput[] {
  const display = Object.fromEntries(UI_LANGUAGES.map((l) => [l, new Intl.DisplayNames([l], { type: 'language', fallback: 'none' })]));
  return ISO6391.getAllCodes()
    .sort()
    .map((code) => ({
      key: code,
      names: Object.fromEntries(UI_LANGUAGES.map((l) => [l, display[l]!.of(code) ?? ISO6391.getName(code)])),
      attributes: { nativeName: ISO6391.getNativeName(code) },
    }));
}

export function profileItems(p: CountryProfile): { regions: ItemInput[]; crossingPoints: ItemInput[] } {
  return {
    regions: p.regions.map((r, i) => ({ key: r.code, names: r.names, attributes: { country: p.country }, sortOrder: i })),
    crossingPoints: p.crossingPoints.map((c, i) => ({
      key: c.code,
      names: c.names,
      attributes: { kind: c.kind, region: c.region, neighbour: c.neighbour, country: p.country, ...(c.iata ? { iata: c.iata } : {}) },
      sortOrder: i,
    })),
  };
}

export async function seedReference(tx: Queryable, profile: CountryProfile, at: Date): Promise<void> {
  const { regions, crossingPoints } = profileItems(profile);
  const all: [ReferenceTable, ItemInput[]][] = [
    ['countries', countryItems()],
    ['document-codes', ICAO_SPECIAL_CODES.map((c) => ({ key: c.code, names: c.names, attributes: { kind: c.kind } }))],
    ['languages', languageItems()],
    ['regions', regions],
    ['crossing-points', crossingPoints],
  ];
  for (const [table, items] of all) await upsertItems(tx, table, items, at, null);
}
