import { api } from '../../api/client.ts';

/** Shapes of the residence API (server module `residence`, ADR 0701). */
export interface Visa {
  id: string;
  personId: string;
  holderName: string | null;
  type: string;
  eVisa: boolean;
  number: string;
  issuingPost: string;
  validFrom: string;
  validTo: string;
  stayDays: number;
  entries: string;
  passportNumber: string | null;
  source: 'import' | 'manual';
  state: 'in_force' | 'expired' | 'withdrawn' | 'future';
  withdrawnAt: string | null;
  withdrawalReason: string | null;
}

export interface ImportReport {
  importId: string;
  rowsRead: number;
  loaded: number;
  unchanged: number;
  personsCreated: number;
  personsMatched: number;
  errors: { row: number; field: string; code: string; message: string }[];
}

const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

export const residenceApi = {
  visas: (query: { q?: string; state?: string; offset: number; limit: number }, signal?: AbortSignal) => api.get<{ items: Visa[]; total: number }>('/api/residence/visas', query, opts(signal)),
  visa: (id: string, signal?: AbortSignal) => api.get<Visa>(`/api/residence/visas/${encodeURIComponent(id)}`, undefined, opts(signal)),
  withdraw: (id: string, reason: string) => api.post<Visa>(`/api/residence/visas/${encodeURIComponent(id)}/withdraw`, { reason }),
  importEvisas: (fileName: string, content: string) => api.post<ImportReport>('/api/residence/evisa-imports', { fileName, content }),
};
