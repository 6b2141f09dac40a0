/**
 * A synthetic person's latent identity (every form of the name, the true birth date, the passport) and
 * the rendering of one record of it in a chosen view (native script, passport Latin, Russian form…).
 */
import { toIcaoLatin, transliterate as translit, type TranslitSystemId } from '../names/index.ts';
import { drawName, drawOtherNationality, feminineSurname, NAME_TABLES, type NameEntry } from './name-data.ts';
import type { Rng } from './prng.ts';
import type { OriginGroup, RussianEra, SyntheticPerson } from './types.ts';

export type Script = SyntheticPerson['nameScript'];

export interface GroupShare {
  readonly group: OriginGroup;
  readonly nationality: string;
  readonly share: number;
  readonly nativeShare: number;
  readonly russianShare?: number;
  readonly yearOnly: number;
}

export interface BirthDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** Where a record's name comes from. */
export type View = 'native' | 'latin' | 'russian' | 'russian-latin' | 'armenian' | 'armenian-latin';

export interface Identity {
  readonly group: OriginGroup;
  readonly nationality: string;
  readonly sex: 'M' | 'F';
  readonly given: NameEntry;
  readonly surname: NameEntry;
  readonly nativeScript: Script;
  /** Russian passport era (RUS nationals with Cyrillic names only). */
  readonly era: RussianEra | null;
  readonly birth: BirthDate;
  /** The documents carry only the birth year. */
  readonly yearOnly: boolean;
  /** View of the original record. */
  readonly view: View;
}

const ERA_SYSTEM: Record<RussianEra, TranslitSystemId> = {
  '1997': 'rus-passport-1997',
  '2010': 'rus-passport-2010',
  '2013': 'icao-rus-Cyrl-Latn-9303',
};

const NATIVE_SCRIPT: Record<OriginGroup, Script> = {
  armenian: 'Armn',
  'syrian-armenian': 'Armn',
  'russian-armenian': 'Cyrl',
  russian: 'Cyrl',
  kazakh: 'Cyrl',
  kyrgyz: 'Cyrl',
  tajik: 'Cyrl',
  uzbek: 'Cyrl',
  georgian: 'Geor',
  iranian: 'Arab',
  indian: 'Latn',
  other: 'Latn',
};

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
export const daysInMonth = (y: number, m: number) =>
  m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0) ? 29 : (DAYS[m - 1] ?? 31);

/** Ages: children, young adults (students, workers), middle-aged and elderly, roughly as in border data. */
function drawBirth(rng: Rng, refYear: number): BirthDate {
  const r = rng.next();
  const age = r < 0.15 ? rng.int(0, 17) : r < 0.55 ? rng.int(18, 35) : r < 0.9 ? rng.int(36, 60) : rng.int(61, 90);
  const year = Math.max(1930, refYear - 1 - age);
  const month = rng.int(1, 12);
  return { year, month, day: rng.int(1, daysInMonth(year, month)) };
}

export function drawIdentity(share: GroupShare, rng: Rng, refYear: number): Identity {
  const sex = rng.chance(0.5) ? 'M' : 'F';
  let nationality = share.nationality;
  let tables = share.group === 'other' ? undefined : NAME_TABLES[share.group];
  if (!tables) {
    const other = drawOtherNationality(rng);
    nationality = other.nationality;
    tables = other.tables;
  }
  const { given, surname } = drawName(tables, sex, rng);
  const nativeScript = NATIVE_SCRIPT[share.group];
  const era: RussianEra | null =
    nationality === 'RUS' && nativeScript === 'Cyrl' ? (rng.chance(0.2) ? '1997' : rng.chance(0.3) ? '2010' : '2013') : null;
  const r = rng.next();
  const view: View =
    share.group === 'armenian' && r < (share.russianShare ?? 0) ? 'russian' : rng.next() < share.nativeShare ? 'native' : 'latin';
  return {
    group: share.group,
    nationality,
    sex,
    given,
    surname: sex === 'F' && nativeScript === 'Cyrl' ? { ...surname, native: feminineSurname(surname.native) } : surname,
    nativeScript,
    era,
    birth: drawBirth(rng, refYear),
    yearOnly: rng.chance(share.yearOnly),
    view,
  };
}

/** Names come from short lists, so transliterations are memoised (bounded: the lists are finite). */
const memo = new Map<string, string>();
function transliterate(text: string, system: TranslitSystemId): string {
  const key = `${system}\u0000${text}`;
  let out = memo.get(key);
  if (out === undefined) {
    out = translit(text, system);
    if (memo.size < 100_000) memo.set(key, out);
  }
  return out;
}

const upper = (s: string) => toIcaoLatin(s).toUpperCase();

/** Passport Latin form of one name part, by the identity's nationality and era. */
export function passportLatin(identity: Identity, part: NameEntry, isSurname: boolean, era = identity.era): string {
  const text = part.native;
  switch (identity.group) {
    case 'armenian':
      return upper(transliterate(text, 'armn-passport-practice'));
    case 'syrian-armenian': {
      if (isSurname && part.latin) return part.latin;
      return upper(transliterate(text, 'armn-passport-practice')).replace(/YAN\b/g, 'IAN');
    }
    case 'iranian':
      return part.latin ?? upper(text);
    case 'georgian':
      return upper(transliterate(text, 'ggg-kat-Geor-Latn-2002').replace(/[’'ʼ]/g, ''));
    case 'russian':
    case 'russian-armenian':
      if (era) return upper(transliterate(russianForm(identity, part), ERA_SYSTEM[era]));
      return upper(transliterate(text, 'cyrl-passport-central-asia'));
    case 'kazakh':
    case 'kyrgyz':
    case 'tajik':
    case 'uzbek':
      return upper(transliterate(text, 'cyrl-passport-central-asia'));
    default:
      return upper(text);
  }
}

/** Russian (Cyrillic) form: Russified Armenian names take the list's Russian form. */
function russianForm(identity: Identity, part: NameEntry): string {
  const armenianGroup = identity.group === 'russian-armenian' || identity.group === 'armenian' || identity.group === 'syrian-armenian';
  return armenianGroup ? (part.russian?.[0] ?? part.native) : part.native;
}

export interface RenderedName {
  readonly givenName: string;
  readonly surname: string;
  readonly script: Script;
}

/** The name of one record in a view; `era` overrides the passport era (romanization-era duplicates). */
export function renderName(identity: Identity, view: View, era: RussianEra | null = identity.era, rng?: Rng): RenderedName {
  const g = identity.given;
  const s = identity.surname;
  const ru = (e: NameEntry, surname: boolean) => {
    const forms = e.russian && e.russian.length > 0 ? e.russian : [e.native];
    const form = rng ? rng.pick(forms) : (forms[0] as string);
    return surname && identity.sex === 'F' ? feminineSurname(form) : form;
  };
  switch (view) {
    case 'native':
      if (identity.group === 'russian-armenian') return { givenName: ru(g, false), surname: ru(s, true), script: 'Cyrl' };
      return { givenName: g.native, surname: s.native, script: identity.nativeScript };
    case 'latin':
      return { givenName: passportLatin(identity, g, false, era), surname: passportLatin(identity, s, true, era), script: 'Latn' };
    case 'russian':
      return { givenName: ru(g, false), surname: ru(s, true), script: 'Cyrl' };
    case 'russian-latin':
      return {
        givenName: upper(transliterate(ru(g, false), 'icao-rus-Cyrl-Latn-9303')),
        surname: upper(transliterate(ru(s, true), 'icao-rus-Cyrl-Latn-9303')),
        script: 'Latn',
      };
    case 'armenian':
      return { givenName: g.native, surname: s.native, script: 'Armn' };
    case 'armenian-latin':
      return {
        givenName: upper(transliterate(g.native, 'armn-passport-practice')),
        surname: upper(transliterate(s.native, 'armn-passport-practice')),
        script: 'Latn',
      };
  }
}
