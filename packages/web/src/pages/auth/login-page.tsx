/**
 * /login: 工号或手机号 + 密码, with the 企业 field when the server says the login exists in several companies.
 * Sends a first-run visitor to /setup.
 * @example <Route path="/login" element={<LoginPage />} />
 */
import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Button, Form, Input } from "antd";
import { useEffect, useState } from "react";
import { Navigate, useNavigate, useSearchParams } from "react-router-dom";
import { api, isApiError } from "../../api/client";
import type { Me } from "../../api/types";
import { useAuth } from "../../auth/auth-provider";
import { PageSpinner } from "../../auth/require-auth";
import { homeOf, mayVisit } from "../../auth/roles";
import { useT } from "../../i18n";
import { AuthCard } from "./auth-card";
import { FormError } from "./error-alert";

type LoginForm = { login: string; password: string; company?: string };

/** Where to go after signing in: the remembered page if the role may open it, else the role's home. */
function targetOf(me: Me, next: string | null): string {
  if (me.mustChangePassword) return "/account";
  if (next?.startsWith("/") && !next.startsWith("//") && mayVisit(me.role, next.split("?")[0] ?? ""))
    return next;
  return homeOf(me.role);
}

/** The sign-in page. @example <LoginPage /> */
export function LoginPage() {
  const t = useT();
  const { me, login } = useAuth();
  const nav = useNavigate();
  const [params] = useSearchParams();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [needCompany, setNeedCompany] = useState(false);

  useEffect(() => {
    let live = true;
    api.get<{ needed: boolean }>("/api/v1/auth/setup").then(
      (r) => {
        if (live && r.needed) nav("/setup", { replace: true });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [nav]);

  if (me === undefined) return <PageSpinner />;
  if (me) return <Navigate to={targetOf(me, params.get("next"))} replace />;

  const onFinish = async (v: LoginForm) => {
    setBusy(true);
    setError(null);
    try {
      const company = needCompany && v.company?.trim() ? v.company.trim() : undefined;
      const user = await login({
        login: v.login.trim(),
        password: v.password,
        ...(company ? { company } : {}),
      });
      nav(targetOf(user, params.get("next")), { replace: true });
    } catch (e) {
      if (isApiError(e) && e.status === 422 && e.code === "INPUT_INVALID") setNeedCompany(true);
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthCard title={t("login.title")}>
      <FormError error={error} testId="login-error" />
      <Form<LoginForm> layout="vertical" onFinish={onFinish} requiredMark={false} data-testid="login-form">
        <Form.Item
          name="login"
          label={t("login.login")}
          rules={[
            { required: true, whitespace: true, message: t("login.required", { field: t("login.login") }) },
          ]}
        >
          <Input prefix={<UserOutlined />} autoComplete="username" autoFocus data-testid="login-login" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t("login.password")}
          rules={[{ required: true, message: t("login.required", { field: t("login.password") }) }]}
        >
          <Input.Password
            prefix={<LockOutlined />}
            autoComplete="current-password"
            data-testid="login-password"
          />
        </Form.Item>
        {needCompany && (
          <Form.Item
            name="company"
            label={t("login.company")}
            extra={t("login.companyHint")}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t("login.required", { field: t("login.company") }),
              },
            ]}
          >
            <Input autoComplete="organization" data-testid="login-company" />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="login-submit">
          {t("login.submit")}
        </Button>
      </Form>
    </AuthCard>
  );
}
