/**
 * Refusal reason codes at the border: a fixed list (issue 4 §2), in the order the console shows them.
 * Labels are data in the three working languages; the web app may override them from its own catalogue.
 * The Armenian and Russian wording is the team's and is to be reviewed by the NSS Border Guard.
 */
export const REFUSAL_CODES = [
  'no_valid_document',
  'false_document',
  'no_valid_visa_or_residence',
  'entry_ban',
  'stay_exceeded',
  'insufficient_means',
  'threat_to_public_order',
  'other',
] as const;

export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface Labels {
  readonly hy: string;
  readonly ru: string;
  readonly en: string;
}

export const REFUSAL_LABELS: Readonly<Record<RefusalCode, Labels>> = {
  no_valid_document: {
    hy: 'Չունի վավեր ուղևորական փաստաթուղթ',
    ru: 'Нет действительного документа для поездки',
    en: 'No valid travel document',
  },
  false_document: {
    hy: 'Կեղծ կամ կեղծված ուղևորական փաստաթուղթ',
    ru: 'Поддельный или фальсифицированный документ',
    en: 'False, counterfeit or falsified travel document',
  },
  no_valid_visa_or_residence: {
    hy: 'Չունի վավեր մուտքի արտոնագիր կամ կացության կարգավիճակ',
    ru: 'Нет действительной визы или вида на жительство',
    en: 'No valid visa or residence status',
  },
  entry_ban: {
    hy: 'Գործում է Հայաստան մուտքի արգելք',
    ru: 'Действует запрет на въезд',
    en: 'Entry ban in force',
  },
  stay_exceeded: {
    hy: 'Թույլատրելի մնալու ժամկետն սպառված է',
    ru: 'Разрешённый срок пребывания исчерпан',
    en: 'Authorised stay used up',
  },
  insufficient_means: {
    hy: 'Ապրուստի անբավարար միջոցներ',
    ru: 'Недостаточно средств к существованию',
    en: 'Insufficient means of subsistence',
  },
  threat_to_public_order: {
    hy: 'Սպառնալիք հասարակական կարգին կամ ազգային անվտանգությանը',
    ru: 'Угроза общественному порядку или национальной безопасности',
    en: 'Threat to public order or national security',
  },
  other: {
    hy: 'Այլ պատճառ (նշված է)',
    ru: 'Иная причина (указана)',
    en: 'Other reason (stated)',
  },
};

export const isRefusalCode = (v: unknown): v is RefusalCode => typeof v === 'string' && (REFUSAL_CODES as readonly string[]).includes(v);

/** Codes whose free text is mandatory (only `other`: the rest are self-explanatory). */
export const refusalNeedsText = (code: RefusalCode): boolean => code === 'other';

/** Longest free text for a refusal or a correction reason. */
export const MAX_REASON_TEXT = 2000;
