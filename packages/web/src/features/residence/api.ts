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

export interface ResidenceStatus {
  id: string;
  personId: string;
  kind: string;
  ground: string;
  cardNumber: string;
  validFrom: string;
  validTo: string;
  issuingOffice: string;
  decisionRef: string | null;
  state: 'in_force' | 'expired' | 'withdrawn' | 'future';
  withdrawalReason: string | null;
}

export interface AddressRegistration {
  id: string;
  statusId: string | null;
  region: string;
  community: string;
  line: string;
  registeredFrom: string;
  registeredTo: string | null;
}

export interface PersonResidence {
  personId: string;
  visas: Visa[];
  statuses: ResidenceStatus[];
  addresses: AddressRegistration[];
}

/** What an officer enters for a new visa: the visa without what the server derives. */
export type VisaInput = Pick<Visa, 'personId' | 'type' | 'number' | 'issuingPost' | 'validFrom' | 'validTo' | 'stayDays' | 'entries'>;

export interface AddressInput {
  region: string;
  community: string;
  line: string;
  registeredFrom: string;
  statusId?: string;
}

const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

export const residenceApi = {
  visas: (query: { q?: string; state?: string; offset: number; limit: number }, signal?: AbortSignal) => api.get<{ items: Visa[]; total: number }>('/api/residence/visas', query, opts(signal)),
  visa: (id: string, signal?: AbortSignal) => api.get<Visa>(`/api/residence/visas/${encodeURIComponent(id)}`, undefined, opts(signal)),
  withdraw: (id: string, reason: string) => api.post<Visa>(`/api/residence/visas/${encodeURIComponent(id)}/withdraw`, { reason }),
  createVisa: (body: VisaInput) => api.post<Visa>('/api/residence/visas', body),
  person: (id: string, signal?: AbortSignal) => api.get<PersonResidence>(`/api/residence/persons/${encodeURIComponent(id)}`, undefined, opts(signal)),
  registerAddress: (personId: string, body: AddressInput) => api.post<AddressRegistration>(`/api/residence/persons/${encodeURIComponent(personId)}/addresses`, body),
  importEvisas: (fileName: string, content: string) => api.post<ImportReport>('/api/residence/evisa-imports', { fileName, content }),
};
