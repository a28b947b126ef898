/**
 * Route guards: RequireAuth sends signed-out users to /login (remembering where they were going) and users who
 * must change their password to /account; RequireRole shows 403 for pages outside the role's menu.
 * @example <Route element={<RequireAuth />}>…</Route>
 */
import { Result, Spin } from "antd";
import type { ReactNode } from "react";
import { Navigate, Outlet, useLocation } from "react-router-dom";
import { loginUrlFor } from "../api/client";
import { useT } from "../i18n";
import { useAuth } from "./auth-provider";
import { mayVisit } from "./roles";

/** A full-page spinner. @example <PageSpinner /> */
export function PageSpinner() {
  return (
    <div style={{ display: "flex", justifyContent: "center", padding: 64 }}>
      <Spin size="large" />
    </div>
  );
}

/** Renders the child routes only when signed in. @example <Route element={<RequireAuth />}> */
export function RequireAuth() {
  const { me } = useAuth();
  const loc = useLocation();
  if (me === undefined) return <PageSpinner />;
  if (me === null) return <Navigate to={loginUrlFor(loc.pathname + loc.search)} replace />;
  if (me.mustChangePassword && loc.pathname !== "/account") return <Navigate to="/account" replace />;
  return <Outlet />;
}

/** Shows a 403 result when the role may not open the current path. @example <RequireRole><Page/></RequireRole> */
export function RequireRole({ children }: { children: ReactNode }) {
  const { me } = useAuth();
  const loc = useLocation();
  const t = useT();
  if (me && !mayVisit(me.role, loc.pathname)) {
    return <Result status="403" title="403" subTitle={t("error.forbidden")} />;
  }
  return <>{children}</>;
}
