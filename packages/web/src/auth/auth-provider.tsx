/**
 * Who is signed in: loads GET /api/v1/auth/me once, offers login/setup/logout and keeps the CSRF token in the
 * API client. A 401 from any call clears the user, and the route guard sends them to /login.
 * @example const { me, login } = useAuth();
 */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from "react";
import { api, isApiError, setCsrfToken, setUnauthenticatedHandler } from "../api/client";
import type { Me, Session } from "../api/types";

/** Setup form. @example { company: "示例科技", login: "admin", name: "王敏", password: "…" } */
export type SetupInput = { company: string; login: string; name: string; password: string };

/** Login form. @example { login: "A001", password: "…" } */
export type LoginInput = { login: string; password: string; company?: string };

type AuthState = {
  /** undefined while loading, null when signed out. */
  me: Me | null | undefined;
  login: (input: LoginInput) => Promise<Me>;
  setup: (input: SetupInput) => Promise<Me>;
  logout: (everywhere?: boolean) => Promise<void>;
  /** Re-reads /auth/me (e.g. after a password change clears mustChangePassword). */
  refresh: () => Promise<void>;
};

const AuthContext = createContext<AuthState | null>(null);

/** Provides the signed-in user to the tree. @example <AuthProvider><Routes/></AuthProvider> */
export function AuthProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | null | undefined>(undefined);

  const accept = useCallback((s: Session): Me => {
    setCsrfToken(s.csrfToken);
    setMe(s.user);
    return s.user;
  }, []);

  const refresh = useCallback(async () => {
    try {
      accept(await api.get<Session>("/api/v1/auth/me"));
    } catch (e) {
      if (isApiError(e) && e.status === 401) {
        setCsrfToken(null);
        setMe(null);
      } else {
        // The server is unreachable or failing: treat as signed out so the login page can show the error.
        setMe(null);
      }
    }
  }, [accept]);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setCsrfToken(null);
      setMe(null);
    });
    void refresh();
    return () => setUnauthenticatedHandler(null);
  }, [refresh]);

  const value = useMemo<AuthState>(
    () => ({
      me,
      refresh,
      login: async (input) => accept(await api.post<Session>("/api/v1/auth/login", input)),
      setup: async (input) => accept(await api.post<Session>("/api/v1/auth/setup", input)),
      logout: async (everywhere = false) => {
        try {
          await api.post(everywhere ? "/api/v1/auth/logout-all" : "/api/v1/auth/logout");
        } finally {
          setCsrfToken(null);
          setMe(null);
        }
      },
    }),
    [me, refresh, accept],
  );
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

/** The auth state. @example const { me } = useAuth(); */
export function useAuth(): AuthState {
  const v = useContext(AuthContext);
  if (!v) throw new Error("useAuth outside AuthProvider");
  return v;
}

/** The signed-in user (only inside the guarded routes). @example const me = useMe(); me.name */
export function useMe(): Me {
  const { me } = useAuth();
  if (!me) throw new Error("useMe outside a signed-in route");
  return me;
}
