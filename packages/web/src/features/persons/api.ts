import type * as P from '@kamurj/domain/persons';
import { api, type QueryValue } from '../../api/client.ts';

/** Shapes of the persons API (server module `persons`); the domain types are shared, type-only. */
export type {
  PersonData,
  PersonNameEntry,
  PersonDocumentEntry,
  AddressEntry,
  ContactEntry,
  AddressKind,
  ContactKind,
  Citizenship,
  DocumentType,
  DocumentStatus,
  FamilyRelation,
  NameKind,
  Sex,
} from '@kamurj/domain/persons';

export type ProtectionReason = 'trafficking_victim' | 'asylum_seeker' | 'minor';

export interface Masked {
  id: string;
  masked: true;
  redirectedFrom: string | null;
}

export interface PersonView extends P.PersonData {
  id: string;
  version: number;
  masked: false;
  jurisdictionPath: string | null;
  source: string;
  createdAt: string;
  updatedAt: string;
  protectedReasons: ProtectionReason[];
  redirectedFrom: string | null;
  mergedInto: string | null;
  mergedFrom: string[];
  links: { id: string; relation: P.FamilyRelation; personId: string; name: string | null }[];
  households: { id: string; label: string; region: string | null; community: string | null; role: string; members: { personId: string; role: string; name: string | null }[] }[];
  breakGlassUntil: string | null;
}

export interface PersonSummary {
  id: string;
  masked: false;
  name: string;
  names: { text: string; script: string; kind: P.NameKind }[];
  birthDate: string | null;
  sex: P.Sex | null;
  citizenships: P.Citizenship[];
  documents: { type: P.DocumentType; number: string; issuingState: string; status: P.DocumentStatus }[];
  protectedReasons: ProtectionReason[];
  mergedInto: string | null;
}

export interface Feature {
  feature: 'name' | 'document' | 'birthDate' | 'sex' | 'nationality';
  level: string;
  weight: number;
  contribution: number;
}
export interface Explanation {
  main: 'name' | 'document';
  features: Feature[];
  tokens: { a: string; b: string; level: string; score: number }[];
  unmatchedTokens: string[];
  names: { a: string; b: string };
}

export interface Hit {
  person: PersonSummary | Masked;
  score: number | null;
  match: boolean;
  explanation: Explanation | null;
}

export interface Candidate {
  person: PersonSummary | Masked;
  score: number;
  explanation: Explanation | null;
}

export interface Pair {
  id: string;
  score: number;
  explanation: Explanation | null;
  foundBy: string;
  status: 'pending' | 'unsure' | 'same' | 'different';
  foundAt: string;
  a: PersonSummary | Masked;
  b: PersonSummary | Masked;
}

export interface MrzIssue {
  field: string;
  code: string;
  message: string;
}
export interface MrzResult {
  format: string | null;
  valid: boolean;
  documentNumber: string | null;
  surname: string | null;
  givenNames: string | null;
  birthDate: string | null;
  expiryDate: string | null;
  nationality: string | null;
  issuingState: string | null;
  sex: string | null;
  errors: MrzIssue[];
  warnings: MrzIssue[];
  corrections: { field: string; from: string; to: string }[];
}

export type Draft = Omit<P.PersonData, 'names' | 'documents' | 'addresses' | 'contacts'> & {
  names: Omit<P.PersonNameEntry, 'id' | 'script'>[];
  documents: Omit<P.PersonDocumentEntry, 'id'>[];
  addresses: Omit<P.AddressEntry, 'id'>[];
  contacts: Omit<P.ContactEntry, 'id'>[];
};

export interface HistoryEntry {
  version: number;
  at: string;
  actorName: string | null;
  action: string;
  mergedInto: string | null;
  record: P.PersonData;
}

/** Sections of a change as the server accepts them (PATCH /api/persons/:id); only those sent are replaced. */
export interface SectionChanges {
  names?: { id?: string; surname: string; givenNames: string; patronymic: string | null; kind: P.NameKind; source: string | null }[];
  birthDate?: string | null;
  sex?: P.Sex | null;
  citizenships?: { code: string }[];
  documents?: (Omit<P.PersonDocumentEntry, 'id'> & { id?: string })[];
  addresses?: (Omit<P.AddressEntry, 'id'> & { id?: string })[];
  contacts?: (Omit<P.ContactEntry, 'id'> & { id?: string })[];
}
export type WritePurpose = 'border_control' | 'casework' | 'data_quality';

export interface HouseholdInput {
  label: string;
  region: string | null;
  community: string | null;
  members: { personId: string; role: 'head' | 'member' }[];
}

const path = (id: string) => `/api/persons/${encodeURIComponent(id)}`;

/** What the server accepts for a person (ids of existing items kept, script detected by the server). */
export function toInput(d: Draft): unknown {
  return {
    names: d.names.map((n) => ({ surname: n.surname, givenNames: n.givenNames, patronymic: n.patronymic, kind: n.kind, source: n.source })),
    birthDate: d.birthDate,
    sex: d.sex,
    citizenships: d.citizenships.map((c) => ({ code: c.code })),
    documents: d.documents,
    addresses: d.addresses,
    contacts: d.contacts,
    protection: d.protection,
    registeredIn: d.registeredIn,
  };
}

export const personsApi = {
  search: (query: Record<string, QueryValue>, signal?: AbortSignal) => api.get<{ items: Hit[] }>('/api/persons', query, { signal }),
  get: (id: string, purpose: string, signal?: AbortSignal) => api.get<PersonView | Masked>(path(id), { purpose }, { signal }),
  history: (id: string, purpose: string) => api.get<{ items: HistoryEntry[] }>(`${path(id)}/history`, { purpose }),
  fromDocument: (mrz: string, purpose: string) => api.post<{ mrz: MrzResult; draft: Draft; duplicates: Candidate[] }>('/api/persons/from-document', { mrz, purpose }),
  check: (draft: Draft, purpose: string) => api.post<{ duplicates: Candidate[] }>('/api/persons/check-duplicates', { person: toInput(draft), purpose }),
  create: (draft: Draft, purpose: string, source: 'entry' | 'document') =>
    api.post<{ person: PersonView; duplicates: Candidate[]; autoMergedInto: string | null }>('/api/persons', { person: toInput(draft), purpose, source }),
  /** Names the version read; 409 CONFLICT.STALE_VERSION carries the current record in `current`. */
  update: (id: string, version: number, purpose: WritePurpose, changes: SectionChanges) =>
    api.patch<{ person: PersonView; duplicates: Candidate[] }>(path(id), { version, purpose, ...changes }),
  /** The other person is <relation> of this one; answers with this person as it is now. */
  link: (id: string, personId: string, relation: P.FamilyRelation) => api.post<PersonView>(`${path(id)}/links`, { personId, relation }),
  household: (body: HouseholdInput) => api.post<{ id: string }>('/api/households', body),
  breakGlass: (id: string, reason: string) => api.post<{ expiresAt: string }>(`${path(id)}/break-glass`, { reason }),
  pairs: (query: Record<string, QueryValue>, signal?: AbortSignal) => api.get<{ items: Pair[]; total: number }>('/api/persons/duplicates', query, { signal }),
  decide: (pairId: string, decision: 'same' | 'different' | 'unsure') => api.post<{ status: string }>(`/api/persons/duplicates/${encodeURIComponent(pairId)}/decision`, { decision }),
  merge: (survivorId: string, otherId: string) => api.post<{ person: PersonView }>(`${path(survivorId)}/merge`, { otherId }),
  unmerge: (mergedId: string) => api.post<{ survivor: PersonView; restored: PersonView }>(`${path(mergedId)}/unmerge`, {}),
  dedupe: () => api.post<{ scanned: number; pairs: number; autoMerged: number }>('/api/persons/dedupe', {}),
};
