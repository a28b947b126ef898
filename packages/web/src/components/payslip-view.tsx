/**
 * A payslip explained line by line — reusable: PayslipView loads one by period and 工号 (403/404 shown as a
 * Result), PayslipBody renders a Payslip you already have (e.g. a policy preview). Only the employee themself
 * gets 确认收到 and 对此项提问.
 * @example <PayslipView period="2026-05" employeeNo="A001" />
 */
import { Button, Card, Flex, Result, Skeleton, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { api, isApiError } from "../api/client";
import { useShowError } from "../api/show-error";
import type { Payslip, Question } from "../api/types";
import { useAuth } from "../auth/auth-provider";
import { useT } from "../i18n";
import { PayslipHeader } from "./payslip-header";
import { PayslipLines } from "./payslip-lines";
import { QuestionModal } from "./question-form";
import { QuestionList } from "./question-list";

function payslipUrl(period: string, employeeNo: string): string {
  return `/api/v1/payslips/${encodeURIComponent(period)}/${encodeURIComponent(employeeNo)}`;
}

type BodyProps = {
  payslip: Payslip;
  /** Force read-only even for the employee themself (e.g. a preview). */
  readOnly?: boolean;
  /** Called after a confirm or a new question with the updated payslip. */
  onChange?: (p: Payslip) => void;
  /** A computed preview, not a stored payslip: no PDF. */
  preview?: boolean;
};

/** Renders a loaded payslip with its actions. @example <PayslipBody payslip={p} readOnly /> */
export function PayslipBody({ payslip: p, readOnly = false, onChange, preview = false }: BodyProps) {
  const t = useT();
  const { me } = useAuth();
  const showError = useShowError();
  const own = !readOnly && !!me?.employeeNo && me.employeeNo === p.employee.no;
  const [asking, setAsking] = useState<string | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const url = payslipUrl(p.period, p.employee.no);

  const confirm = async () => {
    setConfirming(true);
    try {
      const r = await api.post<{ confirmedAt: string }>(`${url}/confirm`);
      onChange?.({ ...p, confirmedAt: r.confirmedAt });
    } catch (e) {
      showError(e);
    } finally {
      setConfirming(false);
    }
  };
  const pdf = async () => {
    setDownloading(true);
    try {
      await api.download(`${url}/pdf`, `${p.period}-${p.employee.no}.pdf`);
    } catch (e) {
      showError(e);
    } finally {
      setDownloading(false);
    }
  };
  const asked = (q: Question) => onChange?.({ ...p, questions: [...p.questions, q] });

  return (
    <Flex vertical gap={16} data-testid="payslip-view">
      <PayslipHeader
        payslip={p}
        own={own}
        confirming={confirming}
        downloading={downloading}
        onConfirm={confirm}
        {...(preview ? {} : { onPdf: pdf })}
      />
      <Card title={t("payslip.lines")} size="small" styles={{ body: { padding: 0 } }}>
        <PayslipLines lines={p.lines} questions={p.questions} onAsk={own ? setAsking : undefined} />
      </Card>
      {p.details.length > 0 && (
        <Card title={t("payslip.details")} size="small" styles={{ body: { padding: 0 } }}>
          <Typography.Paragraph type="secondary" style={{ margin: "8px 16px" }}>
            {t("payslip.detailsHint")}
          </Typography.Paragraph>
          <PayslipLines lines={p.details} testIdPrefix="payslip-detail" />
        </Card>
      )}
      {(own || p.questions.length > 0) && (
        <QuestionList
          questions={p.questions}
          title={t(own ? "payslip.questions" : "payslip.questionsOther")}
        />
      )}
      {own && (
        <QuestionModal
          line={asking}
          period={p.period}
          employeeNo={p.employee.no}
          onClose={() => setAsking(null)}
          onAsked={asked}
        />
      )}
    </Flex>
  );
}

type ViewProps = { period: string; employeeNo: string; readOnly?: boolean };

/** Loads and shows one payslip. @example <PayslipView period="2026-05" employeeNo="A001" /> */
export function PayslipView({ period, employeeNo, readOnly }: ViewProps) {
  const t = useT();
  const [payslip, setPayslip] = useState<Payslip | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    setError(null);
    setPayslip(null);
    try {
      setPayslip(await api.get<Payslip>(payslipUrl(period, employeeNo)));
    } catch (e) {
      setError(e);
    }
  }, [period, employeeNo]);

  useEffect(() => {
    void load();
  }, [load]);

  if (error) {
    const status = isApiError(error) ? error.status : 0;
    if (status === 403) {
      return <Result status="403" title={t("error.noAccess")} subTitle={(error as Error).message} />;
    }
    if (status === 404) {
      return <Result status="404" title={t("error.notFound")} subTitle={(error as Error).message} />;
    }
    return (
      <Result
        status="error"
        title={t("error.title")}
        subTitle={isApiError(error) ? error.message : t("error.boundary")}
        extra={<Button onClick={() => void load()}>{t("common.retry")}</Button>}
      />
    );
  }
  if (!payslip) return <Skeleton active paragraph={{ rows: 8 }} />;
  return <PayslipBody payslip={payslip} readOnly={readOnly} onChange={setPayslip} />;
}
