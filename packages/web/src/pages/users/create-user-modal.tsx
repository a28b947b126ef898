/**
 * 新建用户 (admin): login, name, role, initial password and an optional 工号 linking the account to an employee.
 * @example <CreateUserModal open={open} onClose={close} onCreated={reload} />
 */
import { Form, Input, Modal, Select } from "antd";
import { useState } from "react";
import { api } from "../../api/client";
import { useShowError } from "../../api/show-error";
import type { Role } from "../../api/types";
import type { UserRow } from "../../api/types-hr";
import { useT } from "../../i18n";

/** Every role in the order of the select. @example ROLES[0] === "admin" */
export const ROLES: readonly Role[] = ["admin", "hr", "finance", "lead", "agent"];

type Values = { login: string; name: string; role: Role; password: string; employeeNo?: string };

type Props = { open: boolean; onClose: () => void; onCreated: (u: UserRow) => void };

/** The create-user modal. @example <CreateUserModal open onClose={c} onCreated={r} /> */
export function CreateUserModal({ open, onClose, onCreated }: Props) {
  const t = useT();
  const showError = useShowError();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      const body = { ...v, employeeNo: v.employeeNo?.trim() || undefined };
      onCreated(await api.post<UserRow>("/api/v1/users", body));
      form.resetFields();
      onClose();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t("users.create")}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={t("users.createOk")}
      cancelText={t("common.cancel")}
      confirmLoading={busy}
      destroyOnHidden
    >
      <Form<Values>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ role: "hr" }}
        data-testid="user-create-form"
      >
        <Form.Item
          name="login"
          label={t("users.login")}
          rules={[{ required: true, whitespace: true, message: t("users.required") }]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="name"
          label={t("users.name")}
          rules={[{ required: true, whitespace: true, message: t("users.required") }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="role" label={t("users.role")} rules={[{ required: true }]}>
          <Select options={ROLES.map((r) => ({ value: r, label: t(`role.${r}`) }))} />
        </Form.Item>
        <Form.Item
          name="password"
          label={t("users.password")}
          rules={[{ required: true, min: 8, message: t("users.passwordShort") }]}
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item name="employeeNo" label={t("users.employeeNo")} extra={t("users.employeeNoHint")}>
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}
