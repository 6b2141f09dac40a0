import { api } from '../../api/client.ts';

/** Shapes of the edge-mode API (server module `edge`, ADR 0503). */
export type EdgeStatus =
  | { mode: 'central' }
  | {
      mode: 'edge';
      nodeId: string;
      crossingPoint: string;
      centre: { reachable: boolean; lastContactAt: string | null; lastErrorAt: string | null; lastError: string | null };
      lists: { asOf: string | null; ageSeconds: number | null; accounts: number };
      outbox: { pending: number; delivered: number; rejected: number; clockWarnings: number; oldestPendingAt: string | null };
      /** Adjudications made at the node on their way to the centre (ADR 0514). */
      adjudications: { pending: number; delivered: number; rejected: number };
    };

export interface Conflict {
  id: string;
  document: { issuingState: string; number: string };
  crossingPoints: string[];
  intervalMinutes: number;
  minimumMinutes: number;
  detectedAt: string;
  state: 'open' | 'resolved';
  resolution: string | null;
  resolvedBy: string | null;
  crossings: { id: string; crossingPoint: string; occurredAt: string; direction: string; decision: string; officerName: string }[];
}

const opts = (signal?: AbortSignal) => (signal ? { signal } : {});

export const edgeApi = {
  status: (signal?: AbortSignal) => api.get<EdgeStatus>('/api/edge/status', undefined, opts(signal)),
  conflicts: (state: 'open' | 'resolved', signal?: AbortSignal) => api.get<{ items: Conflict[]; total: number }>('/api/edge/conflicts', { state }, opts(signal)),
  resolve: (id: string, resolution: string) => api.post<Conflict>(`/api/edge/conflicts/${encodeURIComponent(id)}/resolve`, { resolution }),
};
