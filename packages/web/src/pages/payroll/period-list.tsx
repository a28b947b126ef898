/**
 * /payroll: every period with its run status and totals, plus a month picker to open a new period.
 * @example <PeriodList />
 */
import { PlusOutlined } from "@ant-design/icons";
import { Button, Card, DatePicker, Flex, Table, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { Link, useNavigate } from "react-router-dom";
import { api } from "../../api/client";
import { useShowError } from "../../api/show-error";
import type { ItemsOf } from "../../api/types";
import type { PeriodSummary } from "../../api/types-payroll";
import { formatMoney, formatPeriod } from "../../components/format";
import { StatusTag } from "../../components/status-tag";
import { useLang, useT } from "../../i18n";

/** The period list. @example <PeriodList /> */
export function PeriodList() {
  const t = useT();
  const { lang } = useLang();
  const nav = useNavigate();
  const showError = useShowError();
  const [items, setItems] = useState<PeriodSummary[] | null>(null);
  const [picked, setPicked] = useState<string>("");

  const load = useCallback(async () => {
    try {
      const r = await api.get<ItemsOf<PeriodSummary>>("/api/v1/periods");
      setItems([...r.items].sort((a, b) => b.period.localeCompare(a.period)));
    } catch (e) {
      setItems([]);
      showError(e);
    }
  }, [showError]);

  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("nav.payroll")}
        </Typography.Title>
        <Flex gap={8}>
          <DatePicker
            picker="month"
            data-testid="period-new-picker"
            placeholder={t("payroll.newPeriodPick")}
            onChange={(_d, s) => setPicked(typeof s === "string" ? s : "")}
          />
          <Button
            type="primary"
            icon={<PlusOutlined />}
            disabled={!/^\d{4}-\d{2}$/.test(picked)}
            data-testid="period-new"
            onClick={() => nav(`/payroll/${picked}`)}
          >
            {t("payroll.newPeriod")}
          </Button>
        </Flex>
      </Flex>
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<PeriodSummary>
          rowKey="period"
          loading={items === null}
          dataSource={items ?? []}
          pagination={false}
          data-testid="period-list"
          onRow={(r) => ({ onClick: () => nav(`/payroll/${r.period}`), style: { cursor: "pointer" } })}
          columns={[
            {
              title: t("payroll.period"),
              dataIndex: "period",
              render: (p: string) => <Link to={`/payroll/${p}`}>{formatPeriod(p, lang)}</Link>,
            },
            {
              title: t("payroll.status"),
              dataIndex: "status",
              render: (s: string | null) => (s ? <StatusTag status={s} /> : t("payroll.notRun")),
            },
            { title: t("payroll.employees"), dataIndex: "employeeCount", align: "right" },
            { title: t("payroll.datasets"), dataIndex: "datasets", align: "right" },
            { title: t("payroll.gross"), dataIndex: "gross", align: "right", render: formatMoney },
            { title: t("payroll.net"), dataIndex: "net", align: "right", render: formatMoney },
          ]}
        />
      </Card>
    </Flex>
  );
}
