/**
 * Every route of the app in one place. Pages of each area live in src/pages/<area>/index.tsx (default export)
 * and are loaded lazily; the shell checks sign-in and the role's menu before showing them.
 * @example <AppRoutes />
 */
import { Button, Result } from "antd";
import { lazy, type ReactNode } from "react";
import { Navigate, Route, Routes, useNavigate } from "react-router-dom";
import { useMe } from "./auth/auth-provider";
import { RequireAuth, RequireRole } from "./auth/require-auth";
import { homeOf } from "./auth/roles";
import { useT } from "./i18n";
import { AppLayout } from "./layout/app-layout";
import { AccountPage } from "./pages/auth/account-page";
import { LoginPage } from "./pages/auth/login-page";
import { SetupPage } from "./pages/auth/setup-page";

const DashboardPage = lazy(() => import("./pages/dashboard/index"));
const EmployeesPage = lazy(() => import("./pages/employees/index"));
const PoliciesPage = lazy(() => import("./pages/policies/index"));
const PayrollPage = lazy(() => import("./pages/payroll/index"));
const ReviewsPage = lazy(() => import("./pages/reviews/index"));
const QuestionsPage = lazy(() => import("./pages/questions/index"));
const UsersPage = lazy(() => import("./pages/users/index"));
const TeamPage = lazy(() => import("./pages/team/index"));
const ClaimsPage = lazy(() => import("./pages/claims/index"));
const MyPayslipsPage = lazy(() => import("./pages/my/my-payslips-page"));
const MyPayslipPage = lazy(() => import("./pages/my/my-payslip-page"));
const PayslipPage = lazy(() => import("./pages/my/payslip-page"));
const TaxPage = lazy(() => import("./pages/tax/tax-page"));

/** "/" is the workspace for admin/hr/finance; agents and leads go to their own home. */
function HomeRoute() {
  const me = useMe();
  const home = homeOf(me.role);
  return home === "/" ? <DashboardPage /> : <Navigate to={home} replace />;
}

function NotFound() {
  const t = useT();
  const nav = useNavigate();
  return (
    <Result
      status="404"
      title="404"
      subTitle={t("error.pageNotFound")}
      extra={<Button onClick={() => nav("/")}>{t("common.back")}</Button>}
    />
  );
}

function guarded(page: ReactNode): ReactNode {
  return <RequireRole>{page}</RequireRole>;
}

/** The route table. @example <BrowserRouter><AppRoutes /></BrowserRouter> */
export function AppRoutes() {
  return (
    <Routes>
      <Route path="/login" element={<LoginPage />} />
      <Route path="/setup" element={<SetupPage />} />
      <Route element={<RequireAuth />}>
        <Route element={<AppLayout />}>
          <Route index element={<HomeRoute />} />
          <Route path="account" element={<AccountPage />} />
          <Route path="employees/*" element={guarded(<EmployeesPage />)} />
          <Route path="policies/*" element={guarded(<PoliciesPage />)} />
          <Route path="payroll/*" element={guarded(<PayrollPage />)} />
          <Route path="reviews/*" element={guarded(<ReviewsPage />)} />
          <Route path="questions/*" element={guarded(<QuestionsPage />)} />
          <Route path="users/*" element={guarded(<UsersPage />)} />
          <Route path="team/*" element={guarded(<TeamPage />)} />
          <Route path="claims/*" element={guarded(<ClaimsPage />)} />
          <Route path="my" element={guarded(<MyPayslipsPage />)} />
          <Route path="my/:period" element={guarded(<MyPayslipPage />)} />
          <Route path="payslips/:period/:employeeNo" element={<PayslipPage />} />
          <Route path="tax" element={guarded(<TaxPage />)} />
          <Route path="*" element={<NotFound />} />
        </Route>
      </Route>
    </Routes>
  );
}
