/**
 * Exemptions from the work-permit requirement as data per country profile (domain reference §2.5, §4.4;
 * ADR 0701), and the pure decision `isExempt`. Bloc membership is stored as (bloc, country, from, to) so
 * that a decision is made under the membership in force on the date asked.
 */
import type { Labels } from '../residence/codes.ts';

export interface BlocMembership {
  readonly bloc: string;
  readonly country: string;
  readonly from: string;
  readonly to: string | null;
}

/** EAEU members (§4.4) [to confirm]. */
export const BLOC_MEMBERSHIPS: readonly BlocMembership[] = [
  { bloc: 'EAEU', country: 'ARM', from: '2015-01-02', to: null },
  { bloc: 'EAEU', country: 'BLR', from: '2015-01-01', to: null },
  { bloc: 'EAEU', country: 'KAZ', from: '2015-01-01', to: null },
  { bloc: 'EAEU', country: 'KGZ', from: '2015-08-12', to: null },
  { bloc: 'EAEU', country: 'RUS', from: '2015-01-01', to: null },
];

export const WORK_ROLES = ['founder_director', 'representative_office', 'equipment_specialist', 'highly_qualified', 'lecturer_researcher'] as const;
export type WorkRole = (typeof WORK_ROLES)[number];

export type ExemptionTest =
  | { readonly kind: 'bloc_citizen'; readonly bloc: string }
  | { readonly kind: 'bloc_family'; readonly bloc: string }
  | { readonly kind: 'residence'; readonly statuses: readonly string[] }
  | { readonly kind: 'resident_family' }
  | { readonly kind: 'role'; readonly role: WorkRole };

export interface Exemption {
  readonly code: string;
  readonly test: ExemptionTest;
  readonly basis: string;
  readonly labels: Labels;
}

const common = (bloc: string): Exemption[] => [
  { code: 'bloc_citizen', test: { kind: 'bloc_citizen', bloc }, basis: 'EAEU Treaty art. 97', labels: { hy: 'ԵԱՏՄ անդամ պետության քաղաքացի', ru: 'Гражданин государства — члена ЕАЭС', en: 'Citizen of an EAEU member state' } },
  { code: 'bloc_family', test: { kind: 'bloc_family', bloc }, basis: 'EAEU Treaty art. 97', labels: { hy: 'ԵԱՏՄ քաղաքացու ընտանիքի անդամ', ru: 'Член семьи гражданина ЕАЭС', en: 'Family member of an EAEU citizen' } },
];

export const WORK_EXEMPTIONS: Readonly<Record<string, readonly Exemption[]>> = {
  ARM: [
    ...common('EAEU'),
    { code: 'permanent_resident', test: { kind: 'residence', statuses: ['permanent', 'special'] }, basis: 'Law on Foreigners HO-47-N art. 22', labels: { hy: 'Մշտական կամ հատուկ կացության կարգավիճակ', ru: 'Постоянный или особый вид на жительство', en: 'Permanent or special residence status' } },
    { code: 'resident_family', test: { kind: 'resident_family' }, basis: 'Law on Foreigners HO-47-N art. 22', labels: { hy: 'Բնակչի ընտանիքի անդամ՝ ժամանակավոր կացությամբ', ru: 'Член семьи резидента с временным видом на жительство', en: 'Temporary resident as family of a resident' } },
    { code: 'founder_director', test: { kind: 'role', role: 'founder_director' }, basis: 'Law on Foreigners HO-47-N art. 22', labels: { hy: 'Օտարերկրյա ներդրումներով ընկերության հիմնադիր, տնօրեն կամ ներկայացուցիչ', ru: 'Учредитель, руководитель или представитель компании с иностранными инвестициями', en: 'Founder, director or representative of a foreign-invested company' } },
    { code: 'representative_office', test: { kind: 'role', role: 'representative_office' }, basis: 'Law on Foreigners HO-47-N art. 22', labels: { hy: 'Օտարերկրյա ներկայացուցչության աշխատակից', ru: 'Сотрудник иностранного представительства', en: 'Staff of a foreign representative office' } },
    { code: 'equipment_specialist', test: { kind: 'role', role: 'equipment_specialist' }, basis: 'Law on Foreigners HO-47-N art. 22', labels: { hy: 'Ներմուծված սարքավորումների տեղադրման, նորոգման կամ ուսուցման մասնագետ', ru: 'Специалист по монтажу, ремонту или обучению на ввезённом оборудовании', en: 'Specialist installing, repairing or training on imported equipment' } },
    { code: 'highly_qualified', test: { kind: 'role', role: 'highly_qualified' }, basis: 'Law on Foreigners HO-47-N art. 22', labels: { hy: 'Բարձր որակավորում ունեցող մասնագետ', ru: 'Высококвалифицированный специалист', en: 'Highly qualified specialist' } },
    { code: 'lecturer_researcher', test: { kind: 'role', role: 'lecturer_researcher' }, basis: 'Law on Foreigners HO-47-N art. 22', labels: { hy: 'Հրավիրված դասախոս, ուսուցիչ կամ հետազոտող', ru: 'Приглашённый преподаватель, учитель или исследователь', en: 'Invited lecturer, teacher or researcher' } },
  ],
  KAZ: [...common('EAEU')],
};

export interface WorkerFacts {
  /** ISO alpha-3 citizenships. */
  readonly citizenships: readonly string[];
  /** Citizenships of the family member the person joins (spouse, parent), if any. */
  readonly familyOfCitizenships?: readonly string[];
  /** The residence status kind in force on the date, if any. */
  readonly residenceStatus?: string | null;
  /** The ground of that status (a temporary resident as family of a resident: close_relative or marriage). */
  readonly residenceGround?: string | null;
  readonly roles?: readonly WorkRole[];
  readonly date: string;
}

const member = (bloc: string, country: string, date: string, host: string) =>
  country !== host && BLOC_MEMBERSHIPS.some((m) => m.bloc === bloc && m.country === country && m.from <= date && (m.to === null || date <= m.to));

/** Which exemptions of the profile apply; exempt when any does. A citizen of the host country is not a foreigner and is exempt by definition. */
export function isExempt(country: string, f: WorkerFacts): { exempt: boolean; grounds: string[] } {
  if (f.citizenships.includes(country)) return { exempt: true, grounds: ['citizen'] };
  const grounds = (WORK_EXEMPTIONS[country] ?? [])
    .filter(({ test: t }) => {
      switch (t.kind) {
        case 'bloc_citizen':
          return f.citizenships.some((c) => member(t.bloc, c, f.date, country));
        case 'bloc_family':
          return (f.familyOfCitizenships ?? []).some((c) => member(t.bloc, c, f.date, country));
        case 'residence':
          return !!f.residenceStatus && t.statuses.includes(f.residenceStatus);
        case 'resident_family':
          return f.residenceStatus === 'temporary' && (f.residenceGround === 'close_relative' || f.residenceGround === 'marriage');
        case 'role':
          return (f.roles ?? []).includes(t.role);
      }
    })
    .map((e) => e.code);
  return { exempt: grounds.length > 0, grounds };
}
