/**
 * The 对此项提问 dialog: one text field, POST /payslips/:period/:employeeNo/questions.
 * @example <QuestionModal line="绩效奖金" period="2026-05" employeeNo="A001" onClose={…} onAsked={…} />
 */
import { App, Button, Form, Input, Modal } from "antd";
import { useState } from "react";
import { api } from "../api/client";
import { useShowError } from "../api/show-error";
import type { Question } from "../api/types";
import { useT } from "../i18n";

type Props = {
  /** The line asked about; null keeps the dialog closed. */
  line: string | null;
  period: string;
  employeeNo: string;
  onClose: () => void;
  onAsked: (q: Question) => void;
};

/** The question dialog for one payslip line. @example <QuestionModal line={asking} … /> */
export function QuestionModal({ line, period, employeeNo, onClose, onAsked }: Props) {
  const t = useT();
  const { message } = App.useApp();
  const showError = useShowError();
  const [form] = Form.useForm<{ text: string }>();
  const [busy, setBusy] = useState(false);

  const submit = async ({ text }: { text: string }) => {
    if (!line) return;
    setBusy(true);
    try {
      const q = await api.post<Question>(
        `/api/v1/payslips/${encodeURIComponent(period)}/${encodeURIComponent(employeeNo)}/questions`,
        { line, text: text.trim() },
      );
      form.resetFields();
      message.success(t("payslip.askSent"));
      onAsked(q);
      onClose();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={line !== null}
      title={t("payslip.askTitle", { line: line ?? "" })}
      onCancel={onClose}
      destroyOnHidden
      footer={null}
    >
      <Form form={form} layout="vertical" onFinish={submit} data-testid="question-form">
        <Form.Item
          name="text"
          rules={[{ required: true, whitespace: true, message: t("payslip.askEmpty") }]}
          style={{ marginBottom: 16 }}
        >
          <Input.TextArea
            rows={4}
            maxLength={500}
            showCount
            autoFocus
            placeholder={t("payslip.askPlaceholder")}
            data-testid="question-text"
          />
        </Form.Item>
        <Form.Item style={{ marginBottom: 0, textAlign: "right" }}>
          <Button onClick={onClose} style={{ marginInlineEnd: 8 }}>
            {t("common.cancel")}
          </Button>
          <Button type="primary" htmlType="submit" loading={busy} data-testid="question-submit">
            {t("common.submit")}
          </Button>
        </Form.Item>
      </Form>
    </Modal>
  );
}
