/**
 * 审批 (finance/admin, for a calculated run) and 标记已发放 (finance, for an approved run), each behind a
 * Popconfirm; calls onChanged after the server accepted.
 * @example <ApprovalActions period="2026-10" status="calculated" onChanged={reload} />
 */
import { CheckCircleOutlined, PayCircleOutlined } from "@ant-design/icons";
import { App, Button, Popconfirm } from "antd";
import { useState } from "react";
import { api } from "../../api/client";
import { useShowError } from "../../api/show-error";
import { useMe } from "../../auth/auth-provider";
import { useT } from "../../i18n";
import { mayDo } from "./permissions";

type Props = { period: string; status: string | null; errorCount: number; onChanged: () => void };

/** The approve / paid buttons the role may use. @example <ApprovalActions period="2026-10" status="approved" errorCount={0} onChanged={reload} /> */
export function ApprovalActions({ period, status, errorCount, onChanged }: Props) {
  const t = useT();
  const me = useMe();
  const { message } = App.useApp();
  const showError = useShowError();
  const [busy, setBusy] = useState<"approve" | "paid" | null>(null);

  const act = async (what: "approve" | "paid") => {
    setBusy(what);
    try {
      await api.post(`/api/v1/periods/${encodeURIComponent(period)}/${what}`);
      message.success(t(what === "approve" ? "payroll.approved" : "payroll.markedPaid"));
      onChanged();
    } catch (e) {
      showError(e);
    } finally {
      setBusy(null);
    }
  };

  return (
    <>
      {status === "calculated" && mayDo(me, "runs.approve") && (
        <Popconfirm
          title={t("payroll.approveConfirm")}
          description={
            errorCount > 0 ? t("payroll.approveWithErrors", { n: errorCount }) : t("payroll.approveHint")
          }
          onConfirm={() => act("approve")}
          okText={t("payroll.approve")}
        >
          <Button
            type="primary"
            icon={<CheckCircleOutlined />}
            loading={busy === "approve"}
            data-testid="run-approve"
          >
            {t("payroll.approve")}
          </Button>
        </Popconfirm>
      )}
      {status === "approved" && mayDo(me, "runs.markPaid") && (
        <Popconfirm
          title={t("payroll.paidConfirm")}
          onConfirm={() => act("paid")}
          okText={t("payroll.markPaid")}
        >
          <Button icon={<PayCircleOutlined />} loading={busy === "paid"} data-testid="run-paid">
            {t("payroll.markPaid")}
          </Button>
        </Popconfirm>
      )}
    </>
  );
}
