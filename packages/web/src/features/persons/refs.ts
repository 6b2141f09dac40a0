import { api } from '../../api/client.ts';
import type { Page, ReferenceItem } from '../../api/types.ts';
import type { I18n } from '../../i18n/index.tsx';

/**
 * The reference tables the person forms choose from: countries (ISO 3166-1), ICAO codes that are not
 * countries (`document-codes`: XXA stateless, XXB/XXC refugee, organisations …) and the profile's regions.
 * Loaded once per page load and shared; they are the same for every user.
 */
export interface PersonRefs {
  countries: ReferenceItem[];
  /** ICAO nationality statuses (kind `nationality-status`): a citizenship that is not a country. */
  statuses: ReferenceItem[];
  /** Every other ICAO code (organisations such as UNO) that may issue a travel document. */
  otherCodes: ReferenceItem[];
  regions: ReferenceItem[];
}

let cached: Promise<PersonRefs> | null = null;

const table = (name: string) => api.get<Page<ReferenceItem>>(`/api/reference/${name}`, { activeOnly: true, limit: 500 }).then((r) => r.items);

export function loadPersonRefs(): Promise<PersonRefs> {
  if (!cached) {
    cached = Promise.all([table('countries'), table('document-codes'), table('regions')]).then(([countries, codes, regions]) => ({
      countries,
      statuses: codes.filter((c) => c.attributes.kind === 'nationality-status'),
      otherCodes: codes.filter((c) => c.attributes.kind !== 'nationality-status'),
      regions,
    }));
    cached.catch(() => {
      cached = null;
    });
  }
  return cached;
}

/** Items sorted by their name in the current language (Armenian, Russian and English alphabets). */
export function sortedByName(i: I18n, items: readonly ReferenceItem[]): ReferenceItem[] {
  const collator = new Intl.Collator(i.lang);
  return [...items].sort((a, b) => collator.compare(i.name(a.names), i.name(b.names)));
}

/** "Armenia (ARM)": the current-language name of a country or ICAO code, else the code itself. */
export function stateName(i: I18n, refs: PersonRefs | undefined, code: string): string {
  const item = refs && [...refs.countries, ...refs.statuses, ...refs.otherCodes].find((c) => c.key === code);
  return item ? `${i.name(item.names)} (${code})` : code;
}

export function regionName(i: I18n, refs: PersonRefs | undefined, code: string | null): string {
  if (!code) return '';
  const item = refs?.regions.find((r) => r.key === code);
  return item ? i.name(item.names) : code;
}

/** The country of the profile's regions (ARM, KAZ): the default country of a new address. */
export const homeCountry = (refs: PersonRefs): string => {
  const c = refs.regions[0]?.attributes.country;
  return typeof c === 'string' ? c : '';
};
