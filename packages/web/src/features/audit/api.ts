import { api, type QueryValue } from '../../api/client.ts';
import type { AuditEntry, AuditVerifyResult, Page } from '../../api/types.ts';

export const auditApi = {
  search: (query: Record<string, QueryValue>, signal?: AbortSignal) =>
    api.get<Page<AuditEntry>>('/api/audit', query, { signal }),
  verify: () => api.post<AuditVerifyResult>('/api/audit/verify', {}),
};

export const AUDIT_FILTERS = ['username', 'targetType', 'targetId', 'action', 'from', 'to'] as const;
export type AuditFilters = Record<(typeof AUDIT_FILTERS)[number], string>;

export function filtersFrom(query: URLSearchParams): AuditFilters {
  const f = {} as AuditFilters;
  for (const k of AUDIT_FILTERS) f[k] = query.get(k) ?? '';
  return f;
}
