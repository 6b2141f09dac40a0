import { api, type QueryValue } from '../../api/client.ts';
import type { LocalizedName } from '../../api/types.ts';

/** Shapes of the casework API (server module `casework`, ADR 0402). */
export interface CaseSummary {
  id: string;
  number: string;
  type: string;
  typeLabel: string;
  title: string;
  status: string;
  terminal: boolean;
  version: number;
  agency: string;
  assignee: { id: string; name: string } | null;
  householdId: string | null;
  pendingTransferTo: string | null;
  nextDueOn: string | null;
  overdue: boolean;
  dueSoon: boolean;
  breached: boolean;
  openedOn: string;
  lastActionOn: string;
}

export interface Queue {
  items: CaseSummary[];
  total: number;
  counts: { status: string; count: number }[];
  today: string;
}

export interface FieldSpec {
  name: string;
  type: 'string' | 'text' | 'date' | 'integer' | 'number' | 'boolean' | 'enum' | 'code' | 'string-list';
  required: boolean;
  values: string[] | null;
  maxLength: number | null;
}

export interface AllowedAction {
  code: string;
  label: string;
  allowed: boolean;
  reason: string | null;
  message: string | null;
  overridable: boolean;
  generic: boolean;
  effect: string;
  fields: FieldSpec[];
  decision: { outcomes: string[]; legalBases: { code: string; citation: string }[] } | null;
}

export interface TimelineEntry {
  seq: number;
  code: string;
  label: string;
  date: string;
  at: string;
  actor: { id: string; name: string; agency: string };
  payload: Record<string, unknown>;
  override: { reason: string; permission: string } | null;
}

export interface CaseDetail extends CaseSummary {
  subjectPersonIds: string[];
  data: Record<string, unknown>;
  timeline: TimelineEntry[];
  allowedActions: AllowedAction[];
  tasks: { code: string; label: string; unit: string; startedOn: string; dueOn: string; remindOn: string | null; stoppedOn: string | null; running: boolean; breached: boolean; reminderDue: boolean; remaining: number | null }[];
  consents: { id: string; givenBy: string; relationship: string; scope: string; purpose: string; recipients: string[]; validUntil: string; withdrawnOn: string | null }[];
  referrals: { seq: number; providerId: string; service: string; purpose: string; date: string; consentId: string | null; override: { reason: string } | null }[];
  transfers: { seq: number; toAgencyId: string; outcome: string; refusalReason: string | null }[];
  pendingTransfer: { toAgencyId: string; reason: string } | null;
  decisions: { seq: number; action: string; outcome: string; legalBasis: string; citation: string | null; date: string }[];
  notes: { seq: number; text: string; date: string; by: string }[];
  attachments: { id: string; name: string; mediaType: string; size: number; sha256: string }[];
  household: { id: string; label: string; members: { id: string; number: string; type: string; status: string }[] } | null;
}

export interface CaseTypeInfo {
  code: string;
  label: string;
  statuses: string[];
  terminalStatuses: string[];
  /** The type's own actions from its initial status: the "open a case" form offers them (ADR 0404). */
  openingActions: AllowedAction[];
}

export const LETTER_LANGS = ['hy', 'ru', 'en'] as const;
/** The decision letter as PDF (audited on the server). */
export const letterUrl = (caseId: string, seq: number, lang: (typeof LETTER_LANGS)[number]) => `/api/cases/${caseId}/decisions/${seq}/letter?lang=${lang}`;

export interface BulkResult {
  results: ({ id: string; ok: true; version: number } | { id: string; ok: false; code: string; message: string })[];
  succeeded: number;
  failed: number;
}

export const casesApi = {
  queue: (q: Record<string, QueryValue>, signal?: AbortSignal) => api.get<Queue>('/api/cases', q, { signal }),
  types: (signal?: AbortSignal) => api.get<{ items: CaseTypeInfo[] }>('/api/cases/types', undefined, { signal }),
  staff: (signal?: AbortSignal) => api.get<{ items: { id: string; name: string }[] }>('/api/cases/staff', undefined, { signal }),
  read: (id: string, signal?: AbortSignal) => api.get<CaseDetail>(`/api/cases/${id}`, undefined, { signal }),
  create: (body: { type: string; title: string; office: string; subjectPersonIds?: string[]; action?: { code: string; payload: Record<string, unknown> } }) => api.post<CaseDetail>('/api/cases', body),
  offices: (signal?: AbortSignal) => api.get<{ items: { code: string; name: LocalizedName }[] }>('/api/cases/offices', undefined, { signal }),
  act: (id: string, body: { code: string; baseVersion: number; payload?: Record<string, unknown>; override?: { reason: string } }) => api.post<CaseDetail>(`/api/cases/${id}/actions`, body),
  upload: (id: string, body: { baseVersion: number; name: string; mediaType: string; content: string }) => api.post<{ case: CaseDetail }>(`/api/cases/${id}/attachments`, body),
  createHousehold: (label: string) => api.post<{ id: string; label: string }>('/api/cases/households', { label }),
  setHousehold: (id: string, body: { baseVersion: number; householdId: string | null }) => api.put<CaseDetail>(`/api/cases/${id}/household`, body),
  bulkAssign: (body: { items: { id: string; baseVersion: number }[]; assigneeId: string; reason?: string }) => api.post<BulkResult>('/api/cases/bulk/assign', body),
};
