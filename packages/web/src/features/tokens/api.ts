import { api } from '../../api/client.ts';
import type { TokenView } from '../../api/types.ts';

export const tokensApi = {
  list: (signal?: AbortSignal) => api.get<{ items: TokenView[] }>('/api/tokens', undefined, { signal }).then((r) => r.items),
  create: (body: { name: string; actions: string[]; jurisdictionIds: string[]; expiresInDays?: number }) =>
    api.post<{ token: TokenView; secret: string }>('/api/tokens', body),
  revoke: (id: string) => api.post<TokenView>(`/api/tokens/${encodeURIComponent(id)}/revoke`, {}),
};

export type TokenStatus = 'active' | 'revoked' | 'expired';

export function tokenStatus(tk: TokenView, now = Date.now()): TokenStatus {
  if (tk.revokedAt) return 'revoked';
  if (tk.expiresAt && Date.parse(tk.expiresAt) <= now) return 'expired';
  return 'active';
}
