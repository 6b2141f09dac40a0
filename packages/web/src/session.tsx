import { createContext, useContext } from 'react';
import type { Me } from './api/types.ts';

export interface Session {
  me: Me;
  setMe: (me: Me) => void;
  logout: () => void;
  can: (action: string) => boolean;
  hasModule: (code: string) => boolean;
}

export const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside a signed-in shell');
  return s;
}
