import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Viewer } from './access';
import { api, csrf } from './api/client';

/** GET /auth/me; csrfToken is the session's token (null when there is no cookie session). */
export interface Me {
  role: Viewer;
  username: string | null;
  departmentId: number | null;
  subjectId: number | null;
  csrfToken: string | null;
}

interface Session {
  me: Me | null;
  loading: boolean;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  refresh: () => Promise<void>;
}

const ANONYMOUS: Me = { role: 'public', username: null, departmentId: null, subjectId: null, csrfToken: null };
const Ctx = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async () => {
    try {
      const m = await api.get<Me>('/auth/me');
      // The session's CSRF token comes back with every /auth/me: keep the stored one in step with the cookie.
      if (m.csrfToken) csrf.set(m.csrfToken);
      setMe(m);
    } catch {
      setMe(ANONYMOUS);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const login = useCallback(async (username: string, password: string) => {
    const r = await api.post<{ username: string; role: Viewer; departmentId: number | null; expiresAt: string; csrfToken: string }>('/auth/login', { username, password });
    csrf.set(r.csrfToken);
    const next = await api.get<Me>('/auth/me');
    setMe(next);
    return next;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post('/auth/logout');
    } finally {
      csrf.set(null);
      setMe(ANONYMOUS);
    }
  }, []);

  const value = useMemo(() => ({ me, loading, login, logout, refresh }), [me, loading, login, logout, refresh]);
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSession(): Session {
  const v = useContext(Ctx);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}
