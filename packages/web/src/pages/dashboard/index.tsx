/**
 * 工作台 (admin, hr, finance): pick a period, see the KPI cards and three charts — cost by team, pay vs score and
 * the 6-month trend.
 * @example <DashboardPage />
 */
import { Card, Col, Empty, Flex, Result, Row, Select, Skeleton, Statistic, Typography } from "antd";
import { useEffect, useMemo, useState } from "react";
import { api, isApiError, query } from "../../api/client";
import type { ItemsOf } from "../../api/types";
import type { Dashboard } from "../../api/types-hr";
import type { PeriodSummary } from "../../api/types-payroll";
import { EChart } from "../../components/echart";
import { formatMoney, formatPeriod } from "../../components/format";
import { useLang, useT } from "../../i18n";
import { scatterOption, teamBarOption, trendOption } from "./dashboard-charts";

function Kpi({ title, value, testId }: { title: string; value: string; testId?: string }) {
  return (
    <Card size="small">
      <Statistic title={title} value={value} valueRender={() => <span data-testid={testId}>{value}</span>} />
    </Card>
  );
}

function hasCost(value: string | null | undefined): value is string {
  return !!value && !/^0+(\.0+)?$/.test(value);
}

/** The workspace home. @example <DashboardPage /> */
export default function DashboardPage() {
  const t = useT();
  const { lang } = useLang();
  const [periods, setPeriods] = useState<PeriodSummary[]>([]);
  const [period, setPeriod] = useState<string | undefined>(undefined);
  const [data, setData] = useState<Dashboard | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    api
      .get<ItemsOf<PeriodSummary>>("/api/v1/periods")
      .then((r) => setPeriods(r.items.filter((p) => p.status !== null && p.status !== "draft")))
      .catch(() => setPeriods([]));
  }, []);

  useEffect(() => {
    let live = true;
    setError(null);
    api
      .get<Dashboard>(`/api/v1/dashboard${query({ period })}`)
      .then((d) => live && setData(d))
      .catch((e) => live && setError(e));
    return () => {
      live = false;
    };
  }, [period]);

  const options = useMemo(
    () =>
      data
        ? { bar: teamBarOption(data, t), scatter: scatterOption(data, t), trend: trendOption(data, t, lang) }
        : null,
    [data, t, lang],
  );

  const picker = (
    <Select
      data-testid="dashboard-period"
      style={{ minWidth: 160 }}
      value={period ?? data?.period ?? undefined}
      onChange={setPeriod}
      options={periods.map((p) => ({ value: p.period, label: formatPeriod(p.period, lang) }))}
      placeholder={t("dashboard.period")}
    />
  );

  if (error) {
    const noRun = isApiError(error) && error.status === 404;
    return (
      <Flex vertical gap={16}>
        <Flex justify="space-between" align="center">
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t("nav.home")}
          </Typography.Title>
          {picker}
        </Flex>
        {noRun ? (
          <Empty description={t("dashboard.noRun")} />
        ) : (
          <Result
            status="error"
            title={t("error.title")}
            subTitle={isApiError(error) ? error.message : t("error.boundary")}
          />
        )}
      </Flex>
    );
  }
  if (!data || !options) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (data.period === null)
    return (
      <Flex vertical gap={16}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("nav.home")}
        </Typography.Title>
        <Empty description={t("dashboard.noRun")} />
      </Flex>
    );

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("nav.home")} · {formatPeriod(data.period, lang)}
        </Typography.Title>
        {picker}
      </Flex>
      <Row gutter={[16, 16]}>
        <Col xs={12} md={8} xl={4}>
          <Kpi
            title={t("dashboard.headcount")}
            value={String(data.headcount)}
            testId="dashboard-kpi-headcount"
          />
        </Col>
        <Col xs={12} md={8} xl={5}>
          <Kpi
            title={t("dashboard.grossTotal")}
            value={formatMoney(data.gross)}
            testId="dashboard-kpi-gross"
          />
        </Col>
        <Col xs={12} md={8} xl={5}>
          <Kpi title={t("dashboard.netTotal")} value={formatMoney(data.net)} testId="dashboard-kpi-net" />
        </Col>
        <Col xs={12} md={8} xl={5}>
          <Kpi
            title={t("dashboard.averageNet")}
            value={formatMoney(data.averageNet)}
            testId="dashboard-kpi-average"
          />
        </Col>
        {hasCost(data.employerCost) && (
          <Col xs={12} md={8} xl={5}>
            <Kpi
              title={t("dashboard.employerCost")}
              value={formatMoney(data.employerCost)}
              testId="dashboard-kpi-cost"
            />
          </Col>
        )}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={12}>
          <Card size="small" title={t("dashboard.byTeam")}>
            <EChart option={options.bar} testId="dashboard-chart-team" />
          </Card>
        </Col>
        <Col xs={24} xl={12}>
          <Card size="small" title={t("dashboard.scatter")}>
            {data.scatter.some((s) => s.score !== null) ? (
              <EChart option={options.scatter} testId="dashboard-chart-scatter" />
            ) : (
              <Empty style={{ height: 300 }} description={t("dashboard.noScores")} />
            )}
          </Card>
        </Col>
        <Col xs={24}>
          <Card size="small" title={t("dashboard.trend")}>
            <EChart option={options.trend} testId="dashboard-chart-trend" />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
