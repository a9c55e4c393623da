import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { isViewer, type Viewer } from './access';
import { api, csrf } from './api/client';
import type { Json } from './api/schema';

type MeAnswer = Json<'/api/v1/auth/me', 'get'>;

/** GET /auth/me with its role narrowed; csrfToken is the session's token (null when there is no cookie session). */
export type Me = Omit<MeAnswer, 'role'> & { role: Viewer };

/** A role this web app does not know gets the public view (the server decides what it may do anyway). */
const toMe = (m: MeAnswer): Me => ({ ...m, role: isViewer(m.role) ? m.role : 'public' });
const getMe = async () => toMe(await api.get('/api/v1/auth/me'));

interface Session {
  me: Me | null;
  loading: boolean;
  login: (username: string, password: string) => Promise<Me>;
  logout: () => Promise<void>;
  refresh: () => Promise<void>;
}

const ANONYMOUS: Me = { role: 'public', username: null, displayName: null, departmentId: null, subjectId: null, csrfToken: null };
const Ctx = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null>(null);
  const [loading, setLoading] = useState(true);

  const refresh = useCallback(async () => {
    try {
      const m = await getMe();
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
    const r = await api.post('/api/v1/auth/login', { username, password });
    csrf.set(r.csrfToken);
    const next = await getMe();
    setMe(next);
    return next;
  }, []);

  const logout = useCallback(async () => {
    try {
      await api.post('/api/v1/auth/logout');
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
