import * as P from '@kamurj/domain/persons';
import type { MatchExplanation } from '@kamurj/domain/names';
import type { HistoryRow, PersonRow } from './repository.ts';

/** What leaves the server about a person. Protected persons without the second gate get MaskedPerson. */
export interface PersonView extends P.PersonData {
  id: string;
  version: number;
  masked: false;
  jurisdictionPath: string | null;
  source: string;
  createdAt: string;
  updatedAt: string;
  /** Protected categories that apply now (minor is computed from the birth date at each read). */
  protectedReasons: P.ProtectionReason[];
  /** Set when the id asked for was merged into this record. */
  redirectedFrom: string | null;
  mergedInto: string | null;
  mergedFrom: string[];
  links: LinkView[];
  households: HouseholdView[];
  breakGlassUntil: string | null;
}

export interface MaskedPerson {
  id: string;
  masked: true;
  /** The record exists and is protected; no name, date or category is revealed. */
  redirectedFrom: string | null;
}

export interface LinkView {
  id: string;
  relation: P.FamilyRelation;
  personId: string;
  /** Display name of the related person, or null when that person is masked for the reader. */
  name: string | null;
}

export interface HouseholdView {
  id: string;
  label: string;
  region: string | null;
  community: string | null;
  role: 'head' | 'member';
  members: { personId: string; role: 'head' | 'member'; name: string | null }[];
}

export function displayName(record: P.PersonData): string {
  const n = record.names.find((x) => x.kind === 'as-written') ?? record.names[0];
  return n ? [n.surname, n.givenNames, n.patronymic ?? ''].filter(Boolean).join(' ') : '';
}

export function presentPerson(
  row: PersonRow,
  extra: { today: string; redirectedFrom: string | null; mergedFrom: string[]; links: LinkView[]; households: HouseholdView[]; breakGlassUntil: Date | null },
): PersonView {
  return {
    id: row.id,
    version: row.version,
    masked: false,
    ...row.record,
    jurisdictionPath: row.jurisdiction_path,
    source: row.source,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    protectedReasons: P.protectionReasons(row.record, extra.today),
    redirectedFrom: extra.redirectedFrom,
    mergedInto: row.merged_into,
    mergedFrom: extra.mergedFrom,
    links: extra.links,
    households: extra.households,
    breakGlassUntil: extra.breakGlassUntil ? extra.breakGlassUntil.toISOString() : null,
  };
}

export const presentMasked = (id: string, redirectedFrom: string | null = null): MaskedPerson => ({ id, masked: true, redirectedFrom });

/** A short form for lists: search hits and duplicate pairs. */
export interface PersonSummary {
  id: string;
  masked: false;
  name: string;
  names: { text: string; script: string; kind: P.NameKind }[];
  birthDate: string | null;
  sex: P.Sex | null;
  citizenships: readonly P.Citizenship[];
  documents: { type: P.DocumentType; number: string; issuingState: string; status: P.DocumentStatus }[];
  protectedReasons: P.ProtectionReason[];
  mergedInto: string | null;
}

export function presentSummary(row: PersonRow, today: string): PersonSummary {
  const r = row.record;
  return {
    id: row.id,
    masked: false,
    name: displayName(r),
    names: r.names.map((n) => ({ text: P.fullName(n), script: n.script, kind: n.kind })),
    birthDate: r.birthDate,
    sex: r.sex,
    citizenships: r.citizenships,
    documents: r.documents.map((d) => ({ type: d.type, number: d.number, issuingState: d.issuingState, status: d.status })),
    protectedReasons: P.protectionReasons(r, today),
    mergedInto: row.merged_into,
  };
}

export interface HistoryView {
  version: number;
  at: string;
  actorName: string | null;
  action: string;
  mergedInto: string | null;
  details: Record<string, unknown>;
  record: P.PersonData;
}

export const presentHistory = (h: HistoryRow): HistoryView => ({
  version: h.version,
  at: h.at.toISOString(),
  actorName: h.actor_name,
  action: h.action,
  mergedInto: h.merged_into,
  details: h.details,
  record: h.record,
});

export type Explanation = MatchExplanation | undefined;
