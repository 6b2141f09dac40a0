/**
 * The words of a decision letter in Armenian, Russian and English, as data (ADR 0403). The server owns
 * these templates, not the web app: a letter is a legal document, printed the same for every reader.
 * `{days}` and `{body}` are filled in by the renderer.
 */
export const LETTER_LANGS = ['hy', 'ru', 'en'] as const;
export type LetterLang = (typeof LETTER_LANGS)[number];
export type Localized = Readonly<Record<LetterLang, string>>;

export const DECISIONS = ['granted', 'refused', 'partially_granted', 'extended', 'withdrawn', 'discontinued'] as const;
export type Decision = (typeof DECISIONS)[number];

export const LETTER_TEXT = {
  title: { hy: 'ՈՐՈՇՈՒՄ', ru: 'РЕШЕНИЕ', en: 'DECISION' },
  caseNumber: { hy: 'Գործ №', ru: 'Дело №', en: 'Case No.' },
  date: { hy: 'Ամսաթիվ', ru: 'Дата', en: 'Date' },
  to: { hy: 'Հասցեատեր', ru: 'Адресат', en: 'To' },
  subject: { hy: 'Առարկա', ru: 'Предмет', en: 'Subject' },
  decision: { hy: 'Որոշում', ru: 'Решение', en: 'Decision' },
  legalBasis: { hy: 'Իրավական հիմք', ru: 'Правовое основание', en: 'Legal basis' },
  reasons: { hy: 'Պատճառաբանություն', ru: 'Мотивы', en: 'Reasons' },
  appeal: { hy: 'Բողոքարկման իրավունք', ru: 'Право на обжалование', en: 'Right of appeal' },
  appealText: {
    hy: 'Սույն որոշումը կարող է բողոքարկվել {body} կամ վարչական դատարան՝ այն ստանալուց հետո {days} օրվա ընթացքում։ Բողոքարկումը չի կասեցնում որոշման կատարումը, եթե օրենքով այլ բան նախատեսված չէ։',
    ru: 'Настоящее решение может быть обжаловано {body} или в Административный суд в течение {days} дней со дня его получения. Обжалование не приостанавливает исполнение решения, если иное не предусмотрено законом.',
    en: 'You may appeal against this decision to {body} or to the Administrative Court within {days} days of receiving it. An appeal does not suspend the decision unless the law provides otherwise.',
  },
  signature: { hy: 'Ստորագրություն', ru: 'Подпись', en: 'Signature' },
  page: { hy: 'Էջ', ru: 'Стр.', en: 'Page' },
} as const satisfies Record<string, Localized>;

export const DECISION_TEXT: Readonly<Record<Decision, Localized>> = {
  granted: { hy: 'Դիմումը բավարարվել է։', ru: 'Заявление удовлетворено.', en: 'The application is granted.' },
  refused: { hy: 'Դիմումը մերժվել է։', ru: 'В удовлетворении заявления отказано.', en: 'The application is refused.' },
  partially_granted: { hy: 'Դիմումը մասնակիորեն բավարարվել է։', ru: 'Заявление удовлетворено частично.', en: 'The application is granted in part.' },
  extended: { hy: 'Կարգավիճակի ժամկետը երկարաձգվել է։', ru: 'Срок статуса продлён.', en: 'The status is extended.' },
  withdrawn: { hy: 'Կարգավիճակը հետ է կանչվել։', ru: 'Статус отозван.', en: 'The status is withdrawn.' },
  discontinued: { hy: 'Վարույթը կարճվել է։', ru: 'Производство прекращено.', en: 'The proceedings are discontinued.' },
};

export interface LegalBasis {
  readonly code: string;
  readonly law: Localized;
  readonly article: string;
  readonly text: Localized;
}

const LAW_ON_FOREIGNERS: Localized = {
  hy: '«Օտարերկրացիների մասին» ՀՀ օրենք (ՀՕ-47-Ն)',
  ru: 'Закон РА «Об иностранцах» (ЗР-47-Н)',
  en: 'Law of the Republic of Armenia "On Foreigners" (HO-47-N)',
};

/** Provisions a decision may cite (domain reference §2.2, §2.4); the article texts are summaries. */
export const LEGAL_BASES: readonly LegalBasis[] = [
  {
    code: 'LF-7-1',
    law: LAW_ON_FOREIGNERS,
    article: '7(1)',
    text: {
      hy: 'Օտարերկրացին Հայաստանում մնում է մուտքի արտոնագրի կամ կացության կարգավիճակի գործողության ժամկետում, իսկ արտոնագրից ազատվածները՝ տարվա ընթացքում 180 օր։',
      ru: 'Иностранец пребывает в Армении в течение срока действия визы или вида на жительство, а освобождённые от визы — 180 дней в течение года.',
      en: 'A foreigner stays in Armenia for the validity of the visa or residence status; visa-free nationals 180 days within one year.',
    },
  },
  {
    code: 'LF-CH3',
    law: LAW_ON_FOREIGNERS,
    article: 'Ch. 3',
    text: {
      hy: 'Կացության կարգավիճակը՝ ժամանակավոր (1 տարի), մշտական (5 տարի) կամ հատուկ (10 տարի), տրվում է օրենքով սահմանված հիմքերով։',
      ru: 'Вид на жительство — временный (1 год), постоянный (5 лет) или особый (10 лет) — предоставляется по основаниям, установленным законом.',
      en: 'Residence status, temporary (1 year), permanent (5 years) or special (10 years), is granted on the grounds the law sets out.',
    },
  },
  {
    code: 'LF-20-4',
    law: LAW_ON_FOREIGNERS,
    article: '20(4)',
    text: {
      hy: 'Մերժման դեպքում նոր դիմում կարող է ներկայացվել մերժումից մեկ տարի անց, բացառությամբ ուսման հիմքով դիմումների։',
      ru: 'В случае отказа новое заявление может быть подано через год после отказа, за исключением заявлений на основании обучения.',
      en: 'After a refusal a new application may be filed one year after the refusal, except an application for study.',
    },
  },
  {
    code: 'LF-WORK',
    law: LAW_ON_FOREIGNERS,
    article: 'Ch. 4',
    text: {
      hy: 'Օտարերկրացին աշխատում է աշխատանքի թույլտվությամբ, բացառությամբ օրենքով ազատված անձանց։',
      ru: 'Иностранец работает на основании разрешения на работу, за исключением лиц, освобождённых законом.',
      en: 'A foreigner works under a work permit, except persons the law exempts.',
    },
  },
];

export const legalBasisOf = (code: string): LegalBasis | undefined => LEGAL_BASES.find((b) => b.code === code);

export function fill(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
