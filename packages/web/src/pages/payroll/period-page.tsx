/**
 * /payroll/:period — the 算薪 workspace of one month: run summary, 开始算薪 with progress, 审批/发放, 导出, and tabs
 * for the register, the warnings and the data imports. After approval the run/import actions disappear.
 * @example <PeriodPage />
 */
import { ArrowLeftOutlined } from "@ant-design/icons";
import { Badge, Button, Card, Col, Flex, Result, Row, Skeleton, Statistic, Tabs, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { useNavigate, useParams } from "react-router-dom";
import { api, isApiError } from "../../api/client";
import type { PeriodDetail, Register, RegisterRow } from "../../api/types-payroll";
import { useMe } from "../../auth/auth-provider";
import { formatDateTime, formatMoney, formatPeriod } from "../../components/format";
import { StatusTag } from "../../components/status-tag";
import { useLang, useT } from "../../i18n";
import { ApprovalActions } from "./approval-actions";
import { DatasetImports } from "./dataset-imports";
import { ExplainDrawer } from "./explain-drawer";
import { ExportMenu } from "./export-menu";
import { mayDo } from "./permissions";
import { RegisterTable } from "./register-table";
import { RunControl } from "./run-control";
import { WarningsPanel } from "./warnings-panel";

const OPEN: (string | null)[] = [null, "draft", "calculated"];

/** The period workspace. @example <Route path=":period" element={<PeriodPage />} /> */
export function PeriodPage() {
  const t = useT();
  const { lang } = useLang();
  const me = useMe();
  const nav = useNavigate();
  const { period = "" } = useParams();
  const [detail, setDetail] = useState<PeriodDetail | null>(null);
  const [register, setRegister] = useState<Register | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState<RegisterRow | null>(null);
  const [tab, setTab] = useState<string | undefined>(undefined);
  const base = `/api/v1/periods/${encodeURIComponent(period)}`;

  const load = useCallback(async () => {
    setError(null);
    try {
      const d = await api.get<PeriodDetail>(base);
      setDetail(d);
      setRegister(d.run ? await api.get<Register>(`${base}/register`) : null);
    } catch (e) {
      if (isApiError(e) && e.status === 404) {
        // A month nobody has touched yet: start empty so data can be imported.
        setDetail({ period, status: null, run: null, datasets: [] });
        setRegister(null);
      } else setError(e);
    }
  }, [base, period]);

  useEffect(() => {
    setDetail(null);
    setRegister(null);
    void load();
  }, [load]);

  if (!/^\d{4}-\d{2}$/.test(period)) return <Result status="404" title={t("error.notFound")} />;
  if (error)
    return (
      <Result
        status={isApiError(error) && error.status === 403 ? "403" : "error"}
        title={t("error.title")}
        subTitle={isApiError(error) ? error.message : t("error.boundary")}
        extra={<Button onClick={() => void load()}>{t("common.retry")}</Button>}
      />
    );
  if (!detail) return <Skeleton active paragraph={{ rows: 12 }} />;

  const status = detail.run?.status ?? detail.status;
  const editable = OPEN.includes(status);
  const canRun = editable && mayDo(me, "runs.calculate");
  const run = detail.run;
  const flagged = register ? register.rows.filter((r) => r.error || r.warnings.length > 0).length : 0;
  const activeTab = tab ?? (register ? "register" : "imports");

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Flex align="center" gap={8}>
          <Button
            type="text"
            icon={<ArrowLeftOutlined />}
            onClick={() => nav("/payroll")}
            aria-label={t("common.back")}
          />
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t("payroll.periodTitle", { period: formatPeriod(period, lang) })}
          </Typography.Title>
          <span data-testid="run-status">{status ? <StatusTag status={status} /> : t("payroll.notRun")}</span>
        </Flex>
        <Flex gap={8} wrap>
          {run && <ExportMenu period={period} />}
          <ApprovalActions
            period={period}
            status={status}
            errorCount={run?.errorCount ?? 0}
            onChanged={load}
          />
        </Flex>
      </Flex>
      <Card size="small">
        <Row gutter={[16, 16]} align="middle">
          <Col flex="auto">
            {run ? (
              <Row gutter={[24, 8]}>
                <Col>
                  <Statistic title={t("payroll.employees")} value={run.employeeCount} />
                </Col>
                <Col>
                  <Statistic
                    title={t("payroll.errors")}
                    value={run.errorCount}
                    styles={{ content: { color: run.errorCount > 0 ? "#cf1322" : undefined } }}
                  />
                </Col>
                <Col>
                  <Statistic title={t("payroll.gross")} value={formatMoney(run.gross)} />
                </Col>
                <Col>
                  <Statistic title={t("payroll.deductions")} value={formatMoney(run.deductions)} />
                </Col>
                <Col>
                  <Statistic title={t("payroll.net")} value={formatMoney(run.net)} />
                </Col>
                {run.approvedAt && (
                  <Col>
                    <Statistic
                      title={t("payroll.approvedBy")}
                      value={`${run.approvedBy ?? ""} ${formatDateTime(run.approvedAt, lang)}`}
                      styles={{ content: { fontSize: 14 } }}
                    />
                  </Col>
                )}
              </Row>
            ) : (
              <Typography.Text type="secondary">{t("payroll.noRunYet")}</Typography.Text>
            )}
          </Col>
          {canRun && (
            <Col flex="360px">
              <RunControl period={period} rerun={run !== null} onDone={load} />
            </Col>
          )}
        </Row>
      </Card>
      <Tabs
        activeKey={activeTab}
        onChange={setTab}
        items={[
          ...(register
            ? [
                {
                  key: "register",
                  label: t("payroll.tab.register"),
                  children: <RegisterTable register={register} onOpen={setOpen} />,
                },
                {
                  key: "warnings",
                  label: (
                    <Badge count={flagged} size="small" offset={[10, -2]} overflowCount={9999}>
                      {t("payroll.tab.warnings")}
                    </Badge>
                  ),
                  children: <WarningsPanel register={register} onOpen={setOpen} />,
                },
              ]
            : []),
          {
            key: "imports",
            label: t("payroll.tab.imports"),
            children: (
              <DatasetImports
                period={period}
                datasets={detail.datasets}
                closed={!editable}
                editable={editable && mayDo(me, "datasets.import")}
                onImported={load}
              />
            ),
          },
        ]}
      />
      <ExplainDrawer period={period} row={open} onClose={() => setOpen(null)} />
    </Flex>
  );
}
