/**
 * Top card of a payslip: period, employee, 实发 in large type, 应发 / 扣款, status and the confirm / PDF actions.
 * @example <PayslipHeader payslip={p} own onConfirm={confirm} onPdf={pdf} />
 */
import { CheckCircleFilled, DownloadOutlined } from "@ant-design/icons";
import { Button, Card, Flex, Typography } from "antd";
import type { Payslip } from "../api/types";
import { useLang, useT } from "../i18n";
import { formatDateTime, formatMoney, formatPeriod } from "./format";
import { StatusTag } from "./status-tag";

type Props = {
  payslip: Payslip;
  /** The viewer is this employee: may confirm. */
  own: boolean;
  confirming: boolean;
  downloading: boolean;
  onConfirm: () => void;
  /** Absent: no PDF button (a preview has no stored payslip to render). */
  onPdf?: () => void;
};

/** The payslip summary card. @example <PayslipHeader … /> */
export function PayslipHeader({ payslip: p, own, confirming, downloading, onConfirm, onPdf }: Props) {
  const t = useT();
  const { lang } = useLang();
  const who = [p.employee.team, p.employee.grade].filter(Boolean).join(" · ");
  return (
    <Card>
      <Flex justify="space-between" align="start" gap={8} wrap>
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {formatPeriod(p.period, lang)}
          </Typography.Title>
          <Typography.Text type="secondary">
            {t("payslip.employee", { name: p.employee.name, no: p.employee.no })}
            {who ? ` · ${who}` : ""}
          </Typography.Text>
        </div>
        <StatusTag status={p.status} />
      </Flex>
      <div style={{ margin: "16px 0 8px" }}>
        <Typography.Text type="secondary">{t("payslip.net")}</Typography.Text>
        <div style={{ fontSize: 36, fontWeight: 600, lineHeight: 1.2 }} data-testid="payslip-net">
          ¥ {formatMoney(p.net)}
        </div>
      </div>
      <Flex gap={24} wrap>
        <div>
          <Typography.Text type="secondary">{t("payslip.gross")} </Typography.Text>
          <Typography.Text strong data-testid="payslip-gross">
            {formatMoney(p.gross)}
          </Typography.Text>
        </div>
        <div>
          <Typography.Text type="secondary">{t("payslip.deductions")} </Typography.Text>
          <Typography.Text strong data-testid="payslip-deductions">
            {formatMoney(p.deductions)}
          </Typography.Text>
        </div>
      </Flex>
      <Flex gap={8} wrap style={{ marginTop: 16 }} align="center">
        {p.confirmedAt ? (
          <Typography.Text type="success" data-testid="payslip-confirmed">
            <CheckCircleFilled /> {t("payslip.confirmedAt", { time: formatDateTime(p.confirmedAt, lang) })}
          </Typography.Text>
        ) : (
          own && (
            <Button type="primary" loading={confirming} onClick={onConfirm} data-testid="payslip-confirm">
              {t("payslip.confirm")}
            </Button>
          )
        )}
        {onPdf && (
          <Button icon={<DownloadOutlined />} loading={downloading} onClick={onPdf} data-testid="payslip-pdf">
            {t("payslip.pdf")}
          </Button>
        )}
      </Flex>
    </Card>
  );
}
