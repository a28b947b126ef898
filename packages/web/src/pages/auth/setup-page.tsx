/**
 * /setup: first run only — creates the company and its first administrator, then signs in.
 * @example <Route path="/setup" element={<SetupPage />} />
 */
import { Alert, Button, Form, Input } from "antd";
import { useEffect, useState } from "react";
import { Navigate, useNavigate } from "react-router-dom";
import { api } from "../../api/client";
import { type SetupInput, useAuth } from "../../auth/auth-provider";
import { PageSpinner } from "../../auth/require-auth";
import { homeOf } from "../../auth/roles";
import { useT } from "../../i18n";
import { AuthCard } from "./auth-card";
import { FormError } from "./error-alert";

type SetupForm = SetupInput & { passwordAgain: string };

/** The first-run page. @example <SetupPage /> */
export function SetupPage() {
  const t = useT();
  const { me, setup } = useAuth();
  const nav = useNavigate();
  const [needed, setNeeded] = useState<boolean | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    api.get<{ needed: boolean }>("/api/v1/auth/setup").then(
      (r) => live && setNeeded(r.needed),
      (e) => {
        if (!live) return;
        setError(e);
        setNeeded(true);
      },
    );
    return () => {
      live = false;
    };
  }, []);

  if (me === undefined || needed === undefined) return <PageSpinner />;
  if (me) return <Navigate to={homeOf(me.role)} replace />;
  if (!needed) return <Navigate to="/login" replace />;

  const onFinish = async (v: SetupForm) => {
    setBusy(true);
    setError(null);
    try {
      const user = await setup({
        company: v.company.trim(),
        login: v.login.trim(),
        name: v.name.trim(),
        password: v.password,
      });
      nav(homeOf(user.role), { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const required = (field: string) => ({
    required: true,
    whitespace: true,
    message: t("login.required", { field }),
  });

  return (
    <AuthCard title={t("setup.title")}>
      <Alert type="info" showIcon title={t("setup.intro")} style={{ marginBottom: 16 }} />
      <FormError error={error} testId="setup-error" />
      <Form<SetupForm> layout="vertical" onFinish={onFinish} requiredMark={false}>
        <Form.Item name="company" label={t("setup.company")} rules={[required(t("setup.company"))]}>
          <Input autoComplete="organization" data-testid="setup-company" />
        </Form.Item>
        <Form.Item name="login" label={t("setup.login")} rules={[required(t("setup.login"))]}>
          <Input autoComplete="username" data-testid="setup-login" />
        </Form.Item>
        <Form.Item name="name" label={t("setup.name")} rules={[required(t("setup.name"))]}>
          <Input autoComplete="name" data-testid="setup-name" />
        </Form.Item>
        <Form.Item
          name="password"
          label={t("setup.password")}
          rules={[required(t("setup.password")), { min: 8, message: t("account.tooShort") }]}
        >
          <Input.Password autoComplete="new-password" data-testid="setup-password" />
        </Form.Item>
        <Form.Item
          name="passwordAgain"
          label={t("setup.passwordAgain")}
          dependencies={["password"]}
          rules={[
            required(t("setup.passwordAgain")),
            ({ getFieldValue }) => ({
              validator: (_, value) =>
                !value || getFieldValue("password") === value
                  ? Promise.resolve()
                  : Promise.reject(new Error(t("setup.mismatch"))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="setup-password-again" />
        </Form.Item>
        <Button type="primary" htmlType="submit" block loading={busy} data-testid="setup-submit">
          {t("setup.submit")}
        </Button>
      </Form>
    </AuthCard>
  );
}
