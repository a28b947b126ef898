/**
 * /my: the employee's months as cards (实发, status, 已确认), newest first; phone-first.
 * @example <Route path="my" element={<MyPayslipsPage />} />
 */
import { CheckCircleFilled, RightOutlined } from "@ant-design/icons";
import { Button, Card, Empty, Flex, Result, Skeleton, Tag, Typography } from "antd";
import { type ReactNode, useCallback, useEffect, useState } from "react";
import { useNavigate } from "react-router-dom";
import { api, isApiError } from "../../api/client";
import type { ItemsOf, PayslipSummary } from "../../api/types";
import { useMe } from "../../auth/auth-provider";
import { formatMoney, formatPeriod } from "../../components/format";
import { StatusTag } from "../../components/status-tag";
import { useLang, useT } from "../../i18n";

/** One month's card. */
function MonthCard({ s, onOpen }: { s: PayslipSummary; onOpen: () => void }) {
  const t = useT();
  const { lang } = useLang();
  return (
    <Card hoverable onClick={onOpen} size="small" data-testid={`payslip-card-${s.period}`}>
      <Flex justify="space-between" align="center" gap={8}>
        <div style={{ minWidth: 0 }}>
          <Flex gap={6} align="center" wrap>
            <Typography.Text strong style={{ fontSize: 16 }}>
              {formatPeriod(s.period, lang)}
            </Typography.Text>
            <StatusTag status={s.status} />
            {s.confirmedAt ? (
              <Tag color="success" icon={<CheckCircleFilled />}>
                {t("my.confirmed")}
              </Tag>
            ) : (
              <Tag>{t("my.unconfirmed")}</Tag>
            )}
            {s.openQuestions > 0 && <Tag color="orange">{t("my.openQuestions", { n: s.openQuestions })}</Tag>}
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t("my.gross")} {formatMoney(s.gross)} · {t("my.deductions")} {formatMoney(s.deductions)}
          </Typography.Text>
        </div>
        <Flex align="center" gap={8}>
          <div style={{ textAlign: "right" }}>
            <Typography.Text type="secondary" style={{ fontSize: 12, display: "block" }}>
              {t("my.net")}
            </Typography.Text>
            <Typography.Text strong style={{ fontSize: 20, whiteSpace: "nowrap" }}>
              {formatMoney(s.net)}
            </Typography.Text>
          </div>
          <RightOutlined style={{ color: "#bbb" }} />
        </Flex>
      </Flex>
    </Card>
  );
}

/** The list of my payslips. @example <MyPayslipsPage /> */
export default function MyPayslipsPage() {
  const t = useT();
  const me = useMe();
  const nav = useNavigate();
  const [items, setItems] = useState<PayslipSummary[] | null>(null);
  const [error, setError] = useState<unknown>(null);

  const load = useCallback(async () => {
    setError(null);
    try {
      const r = await api.get<ItemsOf<PayslipSummary>>("/api/v1/me/payslips");
      setItems([...r.items].sort((a, b) => b.period.localeCompare(a.period)));
    } catch (e) {
      setError(e);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  let body: ReactNode;
  if (error) {
    body = (
      <Result
        status="error"
        title={t("error.title")}
        subTitle={isApiError(error) ? error.message : t("error.boundary")}
        extra={<Button onClick={() => void load()}>{t("common.retry")}</Button>}
      />
    );
  } else if (!items) {
    body = <Skeleton active />;
  } else if (items.length === 0) {
    body = <Empty description={t(me.employeeNo ? "my.empty" : "my.noEmployee")} />;
  } else {
    body = (
      <Flex vertical gap={12}>
        {items.map((s) => (
          <MonthCard key={s.period} s={s} onOpen={() => nav(`/my/${s.period}`)} />
        ))}
      </Flex>
    );
  }
  return (
    <div style={{ maxWidth: 720, margin: "0 auto" }}>
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t("my.title")}
      </Typography.Title>
      {body}
    </div>
  );
}
