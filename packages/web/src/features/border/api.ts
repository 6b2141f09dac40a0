import { api } from '../../api/client.ts';
import type { LocalizedName } from '../../api/types.ts';
import type { Explanation, PersonSummary } from '../persons/api.ts';

/** Shapes of the border API (server module `border`, ADR 0502). */
export type Direction = 'entry' | 'exit';
export type Decision = 'admit' | 'refuse' | 'second_line';
export type ReferralKind = 'asylum' | 'child' | 'health' | 'trafficking';
export type ListKind = 'watchlist' | 'entry_ban' | 'document';

export interface CrossingPoint {
  code: string;
  names: LocalizedName;
  kind: string;
  region: string;
  jurisdictionPath: string;
  timeZone: string;
}

export interface ConsoleContext {
  crossingPoints: CrossingPoint[];
  refusalCodes: string[];
  transportModes: string[];
  purposes: string[];
  documentTypes: string[];
  hitActions: string[];
  referralKinds: ReferralKind[];
  referralAgencies: Record<ReferralKind, string>;
}

export interface DocumentView {
  source: 'mrz' | 'manual';
  format: string | null;
  valid: boolean | null;
  specimen: boolean;
  expired: boolean | null;
  documentCode: string | null;
  documentType: string;
  number: string;
  issuingState: string;
  nationality: string | null;
  surname: string;
  givenNames: string;
  birthDate: string | null;
  sex: string | null;
  expiryDate: string | null;
  errors: { field: string; code: string; message: string }[];
  warnings: { field: string; code: string; message: string }[];
}

export interface Hit {
  source: ListKind;
  entryId: string;
  entryVersion: number;
  listId: string;
  score: number;
  threshold: number | null;
  action: string;
  reason: string;
  agency: string;
  needsReview: boolean;
  explanation: Explanation | null;
  document: { travellerNumber: string; listedNumber: string; issuingState: string; status: string; matchKind: string } | null;
  entry: { names?: string[]; birthDate?: string | null; nationality?: string | null; ban?: { from: string; until: string | null }; number?: string } | null;
  adjudication: { outcome: string; reason: string; by: string; at: string } | null;
}

export interface HistoryHit {
  source: 'refusal' | 'overstay';
  crossingId: string;
  date: string;
  crossingPoint: string;
  refusalCode: string | null;
  overstayDays: number | null;
}

export type StayPosition =
  | { kind: 'exempt'; reason: 'citizen' | 'resident' }
  | { kind: 'covered'; by: string; until: string }
  | { kind: 'counted'; present: boolean; daysUsed: number; daysRemaining: number | null; overstayDays: number; lastLawfulDay: string | null; indicator: { irregular: boolean; reason: { code: string; params: Record<string, number> } } }
  | { kind: 'no_rule'; code: string }
  | { kind: 'invalid'; code: string; message: string };

export type PersonRef = { id: string; masked: true; score: number | null; sameDocument: boolean; chosen: boolean } | { id: string; masked: false; summary: PersonSummary; score: number | null; sameDocument: boolean; chosen: boolean };

export interface CheckResult {
  checkedAt: string;
  date: string;
  crossingPoint: string;
  direction: Direction;
  document: DocumentView;
  person: PersonRef | null;
  newPerson: boolean;
  candidates: { id: string; masked: boolean; summary: PersonSummary | null; score: number; sameDocument: boolean }[];
  hits: Hit[];
  suppressed: Hit[];
  history: HistoryHit[];
  recent: { id: string; direction: Direction; crossingPoint: string; date: string; decision: Decision; refusalCode: string | null }[];
  stay: { status: 'citizen' | 'resident' | 'foreigner'; nationality: string | null; rule: { kind: string; maxDays?: number; windowDays?: number } | null; position: StayPosition; lastLawfulDay: string | null };
  referralAgencies: Record<ReferralKind, string>;
  /** The traveller was on a pre-screened manifest for this point (ADR 0504). */
  preScreen?: PreScreenNote | null;
}

export interface ManualDocument {
  documentType: string;
  documentNumber: string;
  issuingState: string;
  nationality?: string;
  surname: string;
  givenNames: string;
  birthDate?: string;
  sex?: 'M' | 'F' | 'X';
  expiryDate?: string;
}

export interface Handover {
  id: string;
  crossingId: string;
  personId: string | null;
  kind: ReferralKind;
  agency: string;
  crossingPoint: string;
  note: string | null;
  state: 'open' | 'acknowledged';
  createdAt: string;
  createdBy: string;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
  acknowledgementNote: string | null;
}

export interface CrossingView {
  id: string;
  direction: Direction;
  crossingPoint: string;
  occurredAt: string;
  local: { date: string; time: string; timeZone: string };
  officer: { id: string; name: string };
  personId: string | null;
  decision: Decision;
  refusal: { code: string; text: string | null } | null;
  reason: string | null;
  supersedes: { id: string; reason: string } | null;
  supersededBy: string | null;
}

export interface RecordResult {
  crossing: CrossingView;
  registeredPerson: string | null;
  stay: { status: string; position: StayPosition; lastLawfulDay: string | null };
  handovers: Handover[];
}

export interface ListEntry {
  id: string;
  kind: ListKind;
  version: number;
  active: boolean;
  agency: string;
  names?: string[];
  birthDate?: string | null;
  nationality?: string | null;
  documents?: { number: string; issuingState?: string }[];
  ban?: { from: string; until: string | null };
  number?: string;
  issuingState?: string;
  documentType?: string;
  status?: string;
  reportedOn?: string;
  reason: string;
  action: string;
  updatedAt: string;
}

export interface ImportReport {
  rowsRead: number;
  loaded: number;
  alreadyListed: number;
  errors: { row: number; field: string; code: string; message: string }[];
  warnings: { row: number | null; field: string; code: string; message: string }[];
}

export interface IrregularItem {
  personId: string;
  masked: boolean;
  name: string | null;
  birthDate: string | null;
  nationality: string | null;
  enteredAt: string;
  crossingPoint: string;
  lastLawfulDay: string;
  daysOverstayed: number;
}

export interface PersonStay {
  personId: string;
  masked: boolean;
  today?: string;
  status?: 'citizen' | 'resident' | 'foreigner';
  position?: StayPosition;
  present?: boolean;
  lastLawfulDay?: string | null;
  irregular?: boolean;
  daysOverstayed?: number;
  rule?: { kind: string; maxDays?: number; windowDays?: number } | null;
  lastCrossing?: { id: string; direction: Direction; crossingPoint: string; date: string } | null;
}

export const borderApi = {
  context: (signal?: AbortSignal) => api.get<ConsoleContext>('/api/border/context', undefined, signal ? { signal } : {}),
  check: (body: { crossingPoint: string; direction: Direction; mrz?: string; manual?: ManualDocument; personId?: string }) => api.post<CheckResult>('/api/border/check', body),
  record: (body: Record<string, unknown>, key: string) => api.post<RecordResult>('/api/border/crossings', body, { headers: { 'idempotency-key': key } }),
  crossing: (id: string, signal?: AbortSignal) => api.get<{ crossing: CrossingView; history: CrossingView[]; handovers: Handover[] }>(`/api/border/crossings/${encodeURIComponent(id)}`, undefined, signal ? { signal } : {}),
  adjudicate: (body: { personId: string; entryId: string; entryVersion: number; outcome: 'true_hit' | 'false_hit'; reason: string }) => api.post<unknown>('/api/border/adjudications', body),
  list: (kind: ListKind, query: { q?: string; active?: boolean; offset: number; limit: number }, signal?: AbortSignal) =>
    api.get<{ items: ListEntry[]; total: number; version: number }>(`/api/border/lists/${kind}`, query, signal ? { signal } : {}),
  createEntry: (kind: ListKind, body: Record<string, unknown>) => api.post<ListEntry>(`/api/border/lists/${kind}`, body),
  changeEntry: (id: string, body: { version: number; active?: boolean }) => api.patch<ListEntry>(`/api/border/entries/${encodeURIComponent(id)}`, body),
  importDocuments: (csv: string) => api.post<ImportReport>('/api/border/lists/document/import', { csv }),
  handovers: (query: { state: string; offset: number; limit: number }, signal?: AbortSignal) => api.get<{ items: Handover[]; total: number }>('/api/border/handovers', query, signal ? { signal } : {}),
  acknowledge: (id: string, note: string) => api.post<Handover>(`/api/border/handovers/${encodeURIComponent(id)}/acknowledge`, note ? { note } : {}),
  irregular: (query: { nationality?: string; crossingPoint?: string; minDays?: number; offset: number; limit: number }, signal?: AbortSignal) =>
    api.get<{ items: IrregularItem[]; total: number; today: string }>('/api/border/irregular', query, signal ? { signal } : {}),
  personStay: (id: string, signal?: AbortSignal) => api.get<PersonStay>(`/api/border/persons/${encodeURIComponent(id)}/stay`, undefined, signal ? { signal } : {}),
};

/** A fresh idempotency key for one decision (a retry of the same decision reuses it). */
export const newIdempotencyKey = (): string => (globalThis.crypto?.randomUUID ? globalThis.crypto.randomUUID() : `k-${Date.now()}-${Math.random().toString(36).slice(2)}`);

/** What the console shows when a checked traveller was on a pre-screened manifest (APIS, ADR 0504). */
export interface PreScreenNote {
  manifestId: string;
  passengerId: string;
  flight: string;
  carrier: string;
  scheduledArrival: string;
  screenedAt: string;
  hits: { source: string; listId: string; entryId: string; entryVersion: number; action: string; score: number; reason: string; adjudication: Hit['adjudication'] }[];
  suppressed: number;
  history: number;
}
