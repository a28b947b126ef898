/**
 * 保存为新版本: the policy name and the effective-from date, POST /policies; the server's 422/409 errors are
 * shown in the dialog with their details.
 * @example <SaveModal open yaml={text} defaultName="默认方案" onClose={close} onSaved={(r) => nav("/policies")} />
 */
import { Alert, Form, Input, Modal } from "antd";
import { useEffect } from "react";
import { api } from "../../api/client";
import { ErrorDetails } from "../../api/show-error";
import type { PolicySaved } from "../../api/types-policies";
import { useSubmit } from "../../components/use-submit";
import { useT } from "../../i18n";

type Props = {
  open: boolean;
  yaml: string;
  defaultName: string;
  hasErrors: boolean;
  onClose: () => void;
  onSaved: (r: PolicySaved) => void;
};

type Values = { name: string; from: string };

/** The first day of next month as YYYY-MM-DD. @example nextMonthStart(new Date("2026-10-15")) === "2026-11-01" */
export function nextMonthStart(now: Date): string {
  const y = now.getMonth() === 11 ? now.getFullYear() + 1 : now.getFullYear();
  const m = (now.getMonth() + 1) % 12;
  return `${y}-${String(m + 1).padStart(2, "0")}-01`;
}

/** The save dialog. @example <SaveModal {...props} /> */
export function SaveModal({ open, yaml, defaultName, hasErrors, onClose, onSaved }: Props) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const { busy, error, setError, run } = useSubmit();

  useEffect(() => {
    if (open) {
      form.setFieldsValue({ name: defaultName, from: nextMonthStart(new Date()) });
      setError(null);
    }
  }, [open, defaultName, form, setError]);

  const save = (v: Values) =>
    run(async () =>
      onSaved(
        await api.post<PolicySaved>("/api/v1/policies", {
          name: v.name.trim() || undefined,
          yaml,
          from: v.from,
        }),
      ),
    );

  return (
    <Modal
      open={open}
      title={t("policies.save.title")}
      okText={t("policies.save.ok")}
      cancelText={t("common.cancel")}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ "data-testid": "policy-save-ok" }}
      destroyOnHidden
    >
      {hasErrors && (
        <Alert type="warning" showIcon title={t("policies.save.hasErrors")} style={{ marginBottom: 12 }} />
      )}
      <Form<Values> form={form} layout="vertical" onFinish={save}>
        <Form.Item name="name" label={t("policies.save.name")} extra={t("policies.save.nameHint")}>
          <Input data-testid="policy-save-name" />
        </Form.Item>
        <Form.Item
          name="from"
          label={t("policies.save.from")}
          rules={[
            { required: true, pattern: /^\d{4}-\d{2}-\d{2}$/, message: t("policies.save.fromInvalid") },
          ]}
        >
          <Input placeholder="2026-11-01" data-testid="policy-save-from" />
        </Form.Item>
      </Form>
      {error !== null && (
        <Alert
          type="error"
          showIcon
          title={t("policies.save.failed")}
          description={<ErrorDetails error={error} />}
          data-testid="policy-save-error"
        />
      )}
    </Modal>
  );
}
