import { api, setCsrfToken } from './client.ts';
import type { Me, MfaSetup } from './types.ts';

/** Session calls. Each one that answers with Me keeps its CSRF token for the requests that follow. */
function keep(me: Me): Me {
  setCsrfToken(me.csrfToken);
  return me;
}

export const authApi = {
  me: (signal?: AbortSignal) => api.get<Me>('/api/auth/me', undefined, { signal, quiet401: true }).then(keep),
  login: (username: string, password: string) =>
    api.post<Me>('/api/auth/login', { username, password }, { quiet401: true }).then(keep),
  verifyMfa: (code: string) => api.post<Me>('/api/auth/mfa/verify', { code }, { quiet401: true }).then(keep),
  setupMfa: () => api.post<MfaSetup>('/api/auth/mfa/setup', {}),
  enableMfa: (code: string) => api.post<Me>('/api/auth/mfa/enable', { code }).then(keep),
  changePassword: (currentPassword: string, newPassword: string) =>
    api.post<Me>('/api/auth/password', { currentPassword, newPassword }, { quiet401: true }).then(keep),
  logout: async () => {
    try {
      await api.post<void>('/api/auth/logout', {}, { quiet401: true });
    } finally {
      setCsrfToken(null);
    }
  },
};
