import { api } from '../../api/client.ts';

/** Shapes of the work API (server module `work`, ADR 0701). */
export interface Employer {
  id: string;
  taxNumber: string;
  name: string;
  address: string;
  region: string | null;
  contacts: { kind: string; value: string }[];
  notices?: { id: string; kind: string; effectiveOn: string; note: string | null }[];
}

export interface PublicAgency {
  registrationNumber: string;
  name: string;
  address: string;
  region: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  registeredOn: string;
  standing: 'registered' | 'suspended' | 'revoked';
}

export interface Agency extends PublicAgency {
  id: string;
  taxNumber: string;
  inspections?: { id: string; inspectedOn: string; result: string; findings: string }[];
  complaints?: { id: string; receivedOn: string; summary: string; state: string }[];
  sanctions?: { id: string; kind: string; from: string; to: string | null; reason: string }[];
}

type List<T> = { items: T[]; total: number };
const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

export const workApi = {
  employers: (q: string, offset: number, signal?: AbortSignal) => api.get<List<Employer>>('/api/work/employers', { q: q || undefined, offset, limit: 50 }, opts(signal)),
  employer: (id: string, signal?: AbortSignal) => api.get<Employer>(`/api/work/employers/${encodeURIComponent(id)}`, undefined, opts(signal)),
  createEmployer: (body: Record<string, unknown>) => api.post<Employer>('/api/work/employers', body),
  agencies: (q: string, offset: number, signal?: AbortSignal) => api.get<List<Agency>>('/api/work/agencies', { q: q || undefined, offset, limit: 50 }, opts(signal)),
  agency: (id: string, signal?: AbortSignal) => api.get<Agency>(`/api/work/agencies/${encodeURIComponent(id)}`, undefined, opts(signal)),
  createAgency: (body: Record<string, unknown>) => api.post<Agency>('/api/work/agencies', body),
  publicAgencies: (offset: number, signal?: AbortSignal) => api.get<List<PublicAgency>>('/api/public/employment-agencies', { offset, limit: 50 }, opts(signal)),
};
