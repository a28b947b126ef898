/**
 * /employees/:no: the employee's record (Descriptions), grade history (Timeline) and payslips linking to
 * /payslips/:period/:no.
 * @example <EmployeeDetailPage />
 */
import { ArrowLeftOutlined } from "@ant-design/icons";
import {
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Flex,
  Result,
  Row,
  Skeleton,
  Table,
  Tag,
  Timeline,
  Typography,
} from "antd";
import { useEffect, useState } from "react";
import { Link, useNavigate, useParams } from "react-router-dom";
import { api, isApiError } from "../../api/client";
import type { PayslipSummary } from "../../api/types";
import type { EmployeeDetail } from "../../api/types-hr";
import { formatMoney, formatPeriod } from "../../components/format";
import { StatusTag } from "../../components/status-tag";
import { useLang, useT } from "../../i18n";

/** The employee detail page. @example <Route path=":no" element={<EmployeeDetailPage />} /> */
export function EmployeeDetailPage() {
  const t = useT();
  const { lang } = useLang();
  const nav = useNavigate();
  const { no = "" } = useParams();
  const [e, setE] = useState<EmployeeDetail | null>(null);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    let live = true;
    setE(null);
    setError(null);
    api
      .get<EmployeeDetail>(`/api/v1/employees/${encodeURIComponent(no)}`)
      .then((d) => live && setE(d))
      .catch((err) => live && setError(err));
    return () => {
      live = false;
    };
  }, [no]);

  const back = (
    <Button
      type="link"
      icon={<ArrowLeftOutlined />}
      onClick={() => nav("/employees")}
      style={{ paddingInline: 0, alignSelf: "flex-start" }}
    >
      {t("nav.employees")}
    </Button>
  );
  if (error) {
    const status = isApiError(error) ? error.status : 0;
    return (
      <>
        {back}
        <Result
          status={status === 404 ? "404" : status === 403 ? "403" : "error"}
          title={status === 404 ? t("error.notFound") : t("error.title")}
          subTitle={isApiError(error) ? error.message : t("error.boundary")}
        />
      </>
    );
  }
  if (!e) return <Skeleton active paragraph={{ rows: 10 }} />;

  return (
    <Flex vertical gap={16} data-testid="employee-detail">
      {back}
      <Card
        title={
          <Flex gap={8} align="center">
            <Typography.Title level={4} style={{ margin: 0 }}>
              {t("payslip.employee", { name: e.name, no: e.no })}
            </Typography.Title>
            {e.leaveDate ? (
              <Tag>{t("employees.left")}</Tag>
            ) : (
              <Tag color="green">{t("employees.active")}</Tag>
            )}
          </Flex>
        }
      >
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 3 }}
          items={[
            { key: "team", label: t("employees.team"), children: e.team ?? "—" },
            { key: "grade", label: t("employees.grade"), children: e.grade ?? "—" },
            { key: "type", label: t("employees.type"), children: e.employmentType ?? "—" },
            { key: "hire", label: t("employees.hireDate"), children: e.hireDate ?? "—" },
            { key: "leave", label: t("employees.leaveDate"), children: e.leaveDate ?? "—" },
            { key: "phone", label: t("employees.phone"), children: e.phone ?? "—" },
            { key: "id", label: t("employees.idNumber"), children: e.idNumber ?? "—" },
            { key: "bank", label: t("employees.bankAccount"), children: e.bankAccount ?? "—" },
            {
              key: "account",
              label: t("employees.account"),
              children: e.hasAccount ? t("employees.hasAccount") : t("employees.noAccount"),
            },
          ]}
        />
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={9}>
          <Card size="small" title={t("employees.grades")}>
            {e.grades.length === 0 ? (
              <Empty description={t("employees.noGrades")} />
            ) : (
              <Timeline
                data-testid="grade-timeline"
                items={[...e.grades]
                  .sort((a, b) => b.from.localeCompare(a.from))
                  .map((g) => ({
                    key: `${g.from}:${g.grade}`,
                    content: (
                      <Flex vertical gap={2}>
                        <Typography.Text type="secondary">{g.from}</Typography.Text>
                        <span>
                          <Tag color="blue">{g.grade}</Tag>
                          {g.reason ?? ""}
                        </span>
                      </Flex>
                    ),
                  }))}
              />
            )}
          </Card>
        </Col>
        <Col xs={24} lg={15}>
          <Card size="small" title={t("employees.payslips")} styles={{ body: { padding: 0 } }}>
            <Table<PayslipSummary>
              size="small"
              rowKey="period"
              dataSource={[...e.payslips].sort((a, b) => b.period.localeCompare(a.period))}
              pagination={false}
              locale={{ emptyText: t("employees.noPayslips") }}
              columns={[
                {
                  title: t("payroll.period"),
                  dataIndex: "period",
                  render: (p: string) => (
                    <Link to={`/payslips/${p}/${encodeURIComponent(e.no)}`}>{formatPeriod(p, lang)}</Link>
                  ),
                },
                {
                  title: t("payroll.status"),
                  dataIndex: "status",
                  render: (s: string) => <StatusTag status={s} />,
                },
                { title: t("dashboard.gross"), dataIndex: "gross", align: "right", render: formatMoney },
                { title: t("dashboard.net"), dataIndex: "net", align: "right", render: formatMoney },
                {
                  title: t("employees.confirmed"),
                  dataIndex: "confirmedAt",
                  render: (v: string | null) =>
                    v ? <Tag color="green">{t("my.confirmed")}</Tag> : <Tag>{t("my.unconfirmed")}</Tag>,
                },
              ]}
            />
          </Card>
        </Col>
      </Row>
    </Flex>
  );
}
