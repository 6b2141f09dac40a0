import { api } from '../../api/client.ts';
import type { Hit, HistoryHit, PreScreenNote } from './api.ts';

export type { PreScreenNote };

/** Shapes of the advance passenger information API (server `border/apis-*`, ADR 0504). */
export interface ApisIssue {
  row: number | null;
  segment: number | null;
  field: string | null;
  code: string;
  message: string;
}

export interface Manifest {
  id: string;
  crossingPoint: string;
  format: 'csv' | 'paxlst';
  flight: string;
  carrier: string;
  departureAirport: string | null;
  arrivalAirport: string | null;
  scheduledArrival: string;
  arrivalDate: string;
  rowsRead: number;
  counts: { passengers: number; withHits: number; hits: number; adjudicated: number };
  errorCount: number;
  warningCount: number;
  screenedAt: string;
  uploadedAt: string;
  uploadedBy: string;
  supersededBy: string | null;
}

export interface UploadReport {
  manifest: Manifest;
  errors: ApisIssue[];
  warnings: ApisIssue[];
  replayed: boolean;
}

export interface ApisPassenger {
  id: string;
  seq: number;
  role: 'passenger' | 'crew';
  surname: string;
  givenNames: string;
  birthDate: string | null;
  nationality: string | null;
  document: { number: string; type: string | null; issuingState: string | null; expiryDate: string | null };
  person: { id: string; masked: boolean; score: number | null; sameDocument: boolean } | null;
  hits: Hit[];
  suppressed: Hit[];
  history: HistoryHit[];
  screenedAt: string;
}

export interface ExpectedTraveller extends ApisPassenger {
  manifestId: string;
  flight: string;
  scheduledArrival: string;
}

/** What the console result panel shows for a traveller who was on a pre-screened manifest. */

export interface UploadBody {
  crossingPoint: string;
  content: string;
  flightNumber?: string;
  scheduledArrival?: string;
}

const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

export const apisApi = {
  upload: (body: UploadBody) => api.post<UploadReport>('/api/border/apis/manifests', body),
  manifests: (crossingPoint: string, signal?: AbortSignal) => api.get<{ items: Manifest[]; total: number; from: string; to: string }>('/api/border/apis/manifests', { crossingPoint, limit: 200 }, opts(signal)),
  manifest: (id: string, signal?: AbortSignal) =>
    api.get<{ manifest: Manifest; errors: ApisIssue[]; warnings: ApisIssue[]; passengers: ApisPassenger[] }>(`/api/border/apis/manifests/${encodeURIComponent(id)}`, undefined, opts(signal)),
  arrivals: (crossingPoint: string, signal?: AbortSignal) => api.get<{ from: string; to: string; flights: Manifest[]; travellers: ExpectedTraveller[] }>('/api/border/apis/arrivals', { crossingPoint }, opts(signal)),
  adjudicate: (passengerId: string, body: { entryId: string; entryVersion: number; outcome: 'true_hit' | 'false_hit'; reason: string }) =>
    api.post<ApisPassenger>(`/api/border/apis/passengers/${encodeURIComponent(passengerId)}/adjudications`, body),
};

/** Where a problem is in the file: CSV line or PAXLST segment. */
export const issuePlace = (e: ApisIssue): { kind: 'row' | 'segment' | 'file'; n: number } =>
  e.row !== null ? { kind: 'row', n: e.row } : e.segment !== null ? { kind: 'segment', n: e.segment } : { kind: 'file', n: 0 };
