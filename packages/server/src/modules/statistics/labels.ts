import type { Labeller, Lang } from '@kamurj/domain/statistics';
import type { Queryable } from '../../db/client.ts';
import { listItems } from '../reference/index.ts';

/**
 * Names of statistical codes for the files the server writes (exports, open data): the domain's exports
 * take a labeller (ADR 0602). Closed code lists are named here in hy/ru/en (the web app has its own
 * dictionaries for the screen); countries and crossing points come from reference data. Pseudo-dimensions:
 * `_dimension` (a dimension's title), `_measure`, `_flag`. An unknown code is its own label.
 */
type Names = readonly [hy: string, ru: string, en: string];

const TEXT: Readonly<Record<string, Names>> = {
  '_dimension.period': ['Ժամանակահատված', 'Период', 'Period'],
  '_dimension.direction': ['Ուղղություն', 'Направление', 'Direction'],
  '_dimension.crossingPoint': ['Անցակետ', 'Пункт пропуска', 'Crossing point'],
  '_dimension.citizenship': ['Քաղաքացիություն', 'Гражданство', 'Citizenship'],
  '_dimension.citizenGroup': ['Քաղաքացիներ կամ օտարերկրացիներ', 'Граждане или иностранцы', 'Citizens or foreigners'],
  '_dimension.sex': ['Սեռ', 'Пол', 'Sex'],
  '_dimension.age5': ['Տարիք (հնգամյա խմբեր)', 'Возраст (пятилетние группы)', 'Age (five-year groups)'],
  '_dimension.ageBroad': ['Տարիք (լայն խմբեր)', 'Возраст (крупные группы)', 'Age (broad groups)'],
  '_dimension.transport': ['Տրանսպորտ', 'Транспорт', 'Transport'],
  '_dimension.purpose': ['Ճամփորդության նպատակ', 'Цель поездки', 'Purpose of travel'],
  '_dimension.stayStatus': ['Գտնվելու կարգավիճակ', 'Статус пребывания', 'Stay status'],
  '_dimension._flag': ['Նշում', 'Отметка', 'Flag'],
  '_measure.crossings': ['Հատումներ', 'Пересечения', 'Crossings'],
  '_measure.persons': ['Անձինք', 'Лица', 'Persons'],
  '_flag.suppressed': ['թաքցված', 'скрыто', 'suppressed'],
  '_flag.rounded': ['կլորացված', 'округлено', 'rounded'],
  '*._T': ['Ընդամենը', 'Всего', 'Total'],
  '*._U': ['Անհայտ', 'Неизвестно', 'Unknown'],
  'sex.F': ['Կանայք', 'Женщины', 'Women'],
  'sex.M': ['Տղամարդիկ', 'Мужчины', 'Men'],
  'sex.O': ['Այլ', 'Другой', 'Other'],
  'citizenGroup.CITIZEN': ['Քաղաքացիներ', 'Граждане', 'Citizens'],
  'citizenGroup.FOREIGNER': ['Օտարերկրացիներ', 'Иностранцы', 'Foreigners'],
  'direction.ENTRY': ['Մուտք', 'Въезд', 'Entry'],
  'direction.EXIT': ['Ելք', 'Выезд', 'Exit'],
  'stayStatus.REGULAR': ['Օրինական ժամկետում', 'В пределах законного срока', 'Within lawful stay'],
  'stayStatus.IRREGULAR': ['Վերջին օրինական օրից հետո', 'После последнего законного дня', 'Past the last lawful day'],
  'transport.air': ['Օդային', 'Воздушный', 'Air'],
  'transport.road': ['Ավտոմոբիլային', 'Автомобильный', 'Road'],
  'transport.rail': ['Երկաթուղային', 'Железнодорожный', 'Rail'],
  'transport.sea': ['Ծովային', 'Морской', 'Sea'],
  'transport.pedestrian': ['Հետիոտն', 'Пешком', 'On foot'],
  'purpose.tourism': ['Զբոսաշրջություն', 'Туризм', 'Tourism'],
  'purpose.business': ['Գործնական', 'Деловая', 'Business'],
  'purpose.work': ['Աշխատանք', 'Работа', 'Work'],
  'purpose.study': ['Ուսում', 'Учёба', 'Study'],
  'purpose.family': ['Ընտանեկան այց', 'Визит к родственникам', 'Family visit'],
  'purpose.medical': ['Բուժում', 'Лечение', 'Medical treatment'],
  'purpose.transit': ['Տարանցում', 'Транзит', 'Transit'],
  'purpose.official': ['Պաշտոնական', 'Служебная', 'Official'],
  'purpose.residence': ['Բնակություն', 'Проживание', 'Residence'],
  'purpose.other': ['Այլ', 'Другая', 'Other'],
};
const AGE_WORDS: Readonly<Record<Lang, [range: string, plus: string]>> = {
  hy: ['{a}–{b} տարեկան', '{a} տարեկան և ավելի'],
  ru: ['{a}–{b} лет', '{a} лет и старше'],
  en: ['{a}–{b} years', '{a} years and over'],
};
const LANG_INDEX: Readonly<Record<Lang, 0 | 1 | 2>> = { hy: 0, ru: 1, en: 2 };

function ageLabel(code: string, lang: Lang): string | undefined {
  const range = /^Y(\d+)T(\d+)$/.exec(code);
  if (range) return AGE_WORDS[lang][0].replace('{a}', range[1]!).replace('{b}', range[2]!);
  const plus = /^Y_GE(\d+)$/.exec(code);
  return plus ? AGE_WORDS[lang][1].replace('{a}', plus[1]!) : undefined;
}

/** A labeller over the fixed texts and the given reference names (dimension → code → {hy, ru, en}). */
export function labeller(open: ReadonlyMap<string, ReadonlyMap<string, Record<string, string>>>): Labeller {
  return (dimension, code, lang) => {
    const fixed = TEXT[`${dimension}.${code}`] ?? (dimension.startsWith('_') ? undefined : TEXT[`*.${code}`]);
    if (fixed) return fixed[LANG_INDEX[lang]];
    if (dimension === 'age5' || dimension === 'ageBroad') return ageLabel(code, lang) ?? code;
    const names = open.get(dimension)?.get(code);
    return names?.[lang] || names?.en || code;
  };
}

/** Country and crossing-point names from reference data, for the open code lists. */
export async function openListNames(db: Queryable): Promise<Map<string, Map<string, Record<string, string>>>> {
  const load = async (table: 'countries' | 'crossing-points') => new Map((await listItems(db, table, { limit: 1000, offset: 0 })).rows.map((r) => [r.key, r.names]));
  return new Map([
    ['citizenship', await load('countries')],
    ['crossingPoint', await load('crossing-points')],
  ]);
}
