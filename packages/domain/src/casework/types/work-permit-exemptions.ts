/**
 * Who needs a work permit in Armenia, as data (domain reference §2.5, §4.4). Nationality exemptions are
 * dated (bloc membership has a start), category exemptions come from the person's situation, which the
 * caller establishes. All [secondary] unless marked; the EAEU basis is Treaty on the EAEU (Astana,
 * 29 May 2014) art. 97 [to confirm].
 */
import type { IsoDate } from '../dates.ts';

export interface NationalityExemption {
  code: string;
  nationalities: readonly string[];
  /** Per nationality, the first day of the exemption (accession to the bloc). */
  from: Readonly<Record<string, IsoDate>>;
  basis: string;
}

export interface CategoryExemption {
  code: string;
  label: string;
  basis: string;
}

/** EAEU member states other than Armenia, with their membership start dates (§4.4 [to confirm]). */
export const NATIONALITY_EXEMPTIONS: readonly NationalityExemption[] = [
  {
    code: 'eaeu-citizen',
    nationalities: ['BLR', 'KAZ', 'KGZ', 'RUS'],
    from: { BLR: '2015-01-02', KAZ: '2015-01-02', RUS: '2015-01-02', KGZ: '2015-08-12' },
    basis: 'Treaty on the Eurasian Economic Union art. 97 [to confirm]; in force for Armenia from 2 Jan 2015',
  },
];

export const CATEGORY_EXEMPTIONS: readonly CategoryExemption[] = [
  { code: 'eaeu-family-member', label: 'Family member of an EAEU worker', basis: 'EAEU Treaty art. 97 [to confirm]' },
  { code: 'permanent-resident', label: 'Holder of permanent residence status', basis: 'Law on Foreigners [to confirm article]' },
  { code: 'special-resident', label: 'Holder of special residence status', basis: 'Law on Foreigners [to confirm article]' },
  { code: 'resident-family-member', label: 'Temporary resident as a family member of a resident', basis: 'Law on Foreigners [to confirm article]' },
  { code: 'foreign-investment-founder', label: 'Founder, director or representative of a company with foreign investment', basis: 'Law on Foreigners [to confirm article]' },
  { code: 'representative-office-staff', label: 'Staff of a foreign company’s representative office', basis: 'Law on Foreigners [to confirm article]' },
  { code: 'equipment-specialist', label: 'Specialist installing, repairing or training on imported equipment', basis: 'Law on Foreigners [to confirm article]' },
  { code: 'highly-qualified-specialist', label: 'Highly qualified specialist', basis: 'Law on Foreigners [to confirm article]' },
  { code: 'lecturer-researcher', label: 'Invited lecturer, teacher or researcher', basis: 'Law on Foreigners [to confirm article]' },
];

/** The work-permit requirement was reinstated on 1 Jan 2019 (§2.5, bal.com [secondary]). */
export const WORK_PERMIT_REQUIRED_FROM: IsoDate = '2019-01-01';

export type WorkPermitAnswer =
  | { required: true }
  | { required: false; reason: 'citizen' | 'not-in-force' | 'nationality' | 'category'; exemption?: string; basis?: string };

/**
 * Whether a person of `nationality` (ISO 3166-1 alpha-3) in `category` (a CATEGORY_EXEMPTIONS code, or
 * null for none) needs a work permit to work in Armenia on `date`.
 */
export function workPermitRequired(nationality: string, category: string | null, date: IsoDate): WorkPermitAnswer {
  if (nationality === 'ARM') return { required: false, reason: 'citizen' };
  if (date < WORK_PERMIT_REQUIRED_FROM) return { required: false, reason: 'not-in-force', basis: 'Requirement reinstated 1 Jan 2019 [secondary]' };
  for (const e of NATIONALITY_EXEMPTIONS) {
    const from = e.from[nationality];
    if (e.nationalities.includes(nationality) && from !== undefined && date >= from) return { required: false, reason: 'nationality', exemption: e.code, basis: e.basis };
  }
  const c = category === null ? undefined : CATEGORY_EXEMPTIONS.find((x) => x.code === category);
  if (c) return { required: false, reason: 'category', exemption: c.code, basis: c.basis };
  return { required: true };
}
