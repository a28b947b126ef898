/**
 * /account: who I am, change password, sign out and sign out everywhere. Users who must change their password
 * land here and cannot leave until they do.
 * @example <Route path="account" element={<AccountPage />} />
 */
import { Alert, App, Button, Card, Descriptions, Flex, Form, Input, Popconfirm, Space } from "antd";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import { api } from "../../api/client";
import { useShowError } from "../../api/show-error";
import { useAuth, useMe } from "../../auth/auth-provider";
import { useT } from "../../i18n";
import { FormError } from "./error-alert";

type PasswordForm = { current: string; next: string; nextAgain: string };

/** The account page. @example <AccountPage /> */
export function AccountPage() {
  const t = useT();
  const me = useMe();
  const { refresh, logout } = useAuth();
  const nav = useNavigate();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<PasswordForm>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const onFinish = async (v: PasswordForm) => {
    setBusy(true);
    setError(null);
    try {
      await api.post("/api/v1/auth/password", { current: v.current, next: v.next });
      form.resetFields();
      message.success(t("account.changed"));
      await refresh();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const signOut = (everywhere: boolean) => logout(everywhere).then(() => nav("/login"), showError);

  return (
    <Flex vertical gap={16} style={{ maxWidth: 640 }}>
      {me.mustChangePassword && (
        <Alert type="warning" showIcon title={t("account.mustChange")} data-testid="must-change" />
      )}
      <Card title={t("account.info")}>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t("account.company")}>{me.company}</Descriptions.Item>
          <Descriptions.Item label={t("account.login")}>{me.login}</Descriptions.Item>
          <Descriptions.Item label={t("account.name")}>{me.name}</Descriptions.Item>
          <Descriptions.Item label={t("account.role")}>{t(`role.${me.role}`)}</Descriptions.Item>
          {me.employeeNo && (
            <Descriptions.Item label={t("account.employeeNo")}>{me.employeeNo}</Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <Card title={t("account.changePassword")}>
        <FormError error={error} testId="password-error" />
        <Form<PasswordForm> form={form} layout="vertical" onFinish={onFinish} requiredMark={false}>
          <Form.Item
            name="current"
            label={t("account.current")}
            rules={[{ required: true, message: t("login.required", { field: t("account.current") }) }]}
          >
            <Input.Password autoComplete="current-password" data-testid="password-current" />
          </Form.Item>
          <Form.Item
            name="next"
            label={t("account.next")}
            rules={[
              { required: true, message: t("login.required", { field: t("account.next") }) },
              { min: 8, message: t("account.tooShort") },
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="password-next" />
          </Form.Item>
          <Form.Item
            name="nextAgain"
            label={t("account.nextAgain")}
            dependencies={["next"]}
            rules={[
              { required: true, message: t("login.required", { field: t("account.nextAgain") }) },
              ({ getFieldValue }) => ({
                validator: (_, value) =>
                  !value || getFieldValue("next") === value
                    ? Promise.resolve()
                    : Promise.reject(new Error(t("setup.mismatch"))),
              }),
            ]}
          >
            <Input.Password autoComplete="new-password" data-testid="password-next-again" />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="password-submit">
            {t("account.changePassword")}
          </Button>
        </Form>
      </Card>
      <Card title={t("account.sessions")}>
        <Space wrap>
          <Button onClick={() => signOut(false)} data-testid="logout">
            {t("account.logout")}
          </Button>
          <Popconfirm title={t("account.logoutAllConfirm")} onConfirm={() => signOut(true)}>
            <Button danger data-testid="logout-all">
              {t("account.logoutAll")}
            </Button>
          </Popconfirm>
        </Space>
      </Card>
    </Flex>
  );
}
