/**
 * Visa types and residence statuses of the Law on Foreigners HO-47-N (Ch. 2 and 3; domain reference §2.3,
 * §2.4) as data: codes with their labels in the three working languages, terms and limits. The server sends
 * codes; screens and letters show the label of the reader's language.
 */
export type Labels = Readonly<{ hy: string; ru: string; en: string }>;

export const VISA_TYPES = ['visitor', 'official', 'diplomatic', 'transit', 'e_visa'] as const;
export type VisaType = (typeof VISA_TYPES)[number];
export const VISA_ENTRIES = ['single', 'double', 'multiple'] as const;
export type VisaEntries = (typeof VISA_ENTRIES)[number];

/** Upper limits per visa type (§2.3): validity in days and stay per entry in days; null when the law sets none here. */
export const VISA_LIMITS: Readonly<Record<VisaType, { maxValidityDays: number | null; maxStayDays: number | null; stayOptions?: readonly number[] }>> = {
  // Visitor: valid up to 1 year, each stay up to 120 days.
  visitor: { maxValidityDays: 366, maxStayDays: 120 },
  // Official and diplomatic: multiple entry up to 3 years for mission staff.
  official: { maxValidityDays: 3 * 366, maxStayDays: null },
  diplomatic: { maxValidityDays: 3 * 366, maxStayDays: null },
  // Transit: up to 3 days per stay, within one year.
  transit: { maxValidityDays: 366, maxStayDays: 3 },
  // e-Visa: 21- or 120-day variants (mfa.am/eVisa).
  e_visa: { maxValidityDays: 366, maxStayDays: 120, stayOptions: [21, 120] },
};

export const RESIDENCE_KINDS = ['temporary', 'permanent', 'special'] as const;
export type ResidenceKind = (typeof RESIDENCE_KINDS)[number];

/** Term of each status in years (§2.4): temporary 1 (renewable yearly), permanent 5, special 10. */
export const RESIDENCE_TERM_YEARS: Readonly<Record<ResidenceKind, number>> = { temporary: 1, permanent: 5, special: 10 };

export interface ResidenceGround {
  readonly code: string;
  /** The statuses this ground may found. */
  readonly kinds: readonly ResidenceKind[];
  readonly labels: Labels;
}

/** Grounds of the Law on Foreigners Ch. 3 (§2.4) as a code list. */
export const RESIDENCE_GROUNDS: readonly ResidenceGround[] = [
  { code: 'study', kinds: ['temporary'], labels: { hy: 'Ուսում', ru: 'Обучение', en: 'Study' } },
  { code: 'work', kinds: ['temporary'], labels: { hy: 'Աշխատանք (աշխատանքի թույլտվություն կամ ազատված աշխատանք)', ru: 'Работа (разрешение на работу или освобождённая работа)', en: 'Work (work permit or exempt work)' } },
  { code: 'marriage', kinds: ['temporary'], labels: { hy: 'Ամուսնություն ՀՀ քաղաքացու կամ օրինական բնակչի հետ', ru: 'Брак с гражданином или законно проживающим лицом', en: 'Marriage to a citizen or lawful resident' } },
  { code: 'close_relative', kinds: ['temporary', 'permanent'], labels: { hy: 'Քաղաքացու կամ մշտական բնակչի մերձավոր ազգական', ru: 'Близкий родственник гражданина или постоянного жителя', en: 'Close relative of a citizen or permanent resident' } },
  { code: 'entrepreneurship', kinds: ['temporary', 'permanent'], labels: { hy: 'Ձեռնարկատիրական գործունեություն', ru: 'Предпринимательская деятельность', en: 'Entrepreneurship' } },
  { code: 'armenian_origin', kinds: ['temporary', 'permanent', 'special'], labels: { hy: 'Հայկական ծագում', ru: 'Армянское происхождение', en: 'Armenian origin' } },
  { code: 'lawful_residence', kinds: ['permanent'], labels: { hy: 'Երեք տարվա օրինական բնակություն, բնակարան և միջոցներ', ru: 'Три года законного проживания, жильё и средства', en: 'Three years of lawful residence with housing and means' } },
  { code: 'economic_cultural', kinds: ['special'], labels: { hy: 'Տնտեսական կամ մշակութային գործունեություն (Նախագահի հրամանագիր)', ru: 'Экономическая или культурная деятельность (указ Президента)', en: 'Economic or cultural activity (presidential decree)' } },
];

export const groundOf = (code: string): ResidenceGround | undefined => RESIDENCE_GROUNDS.find((g) => g.code === code);
