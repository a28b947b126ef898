/**
 * /employees: a searchable, team-filtered, paged table (ID and bank account masked by the server), 导入员工表 and
 * 为员工开通账号 (for the selected employees, or every one without an account).
 * @example <EmployeeList />
 */
import { KeyOutlined, UploadOutlined } from "@ant-design/icons";
import { App, Button, Card, Flex, Input, Popconfirm, Select, Table, Tag, Typography } from "antd";
import { useCallback, useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { api, query } from "../../api/client";
import { useShowError } from "../../api/show-error";
import type { ItemsOf } from "../../api/types";
import type { CreatedAccount, EmployeePage, EmployeeRow, Team } from "../../api/types-hr";
import { useMe } from "../../auth/auth-provider";
import { useT } from "../../i18n";
import { mayDo } from "../payroll/permissions";
import { AccountsModal } from "./accounts-modal";
import { EmployeeImport } from "./employee-import";

type Filter = { q: string; teamId?: string; status: "active" | "left" | "all"; page: number; size: number };

/** The employee list page. @example <EmployeeList /> */
export function EmployeeList() {
  const t = useT();
  const me = useMe();
  const showError = useShowError();
  const { message } = App.useApp();
  const [filter, setFilter] = useState<Filter>({ q: "", status: "active", page: 1, size: 20 });
  const [data, setData] = useState<EmployeePage | null>(null);
  const [loading, setLoading] = useState(false);
  const [teams, setTeams] = useState<Team[]>([]);
  const [selected, setSelected] = useState<string[]>([]);
  const [importing, setImporting] = useState(false);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedAccount[] | null>(null);

  const load = useCallback(async () => {
    setLoading(true);
    try {
      const { q, teamId, status, page, size } = filter;
      setData(
        await api.get<EmployeePage>(
          `/api/v1/employees${query({ q, teamId, status, offset: (page - 1) * size, limit: size })}`,
        ),
      );
    } catch (e) {
      showError(e);
    } finally {
      setLoading(false);
    }
  }, [filter, showError]);

  useEffect(() => {
    void load();
  }, [load]);

  useEffect(() => {
    api
      .get<ItemsOf<Team>>("/api/v1/teams")
      .then((r) => setTeams(r.items))
      .catch(() => setTeams([]));
  }, []);

  const createAccounts = async () => {
    setCreating(true);
    try {
      const body = selected.length > 0 ? { employeeNos: selected } : {};
      const r = await api.post<{ created: CreatedAccount[] }>("/api/v1/accounts/from-employees", body);
      setCreated(r.created);
      setSelected([]);
      if (r.created.length > 0) message.success(t("employees.accountsCreated", { n: r.created.length }));
      void load();
    } catch (e) {
      showError(e);
    } finally {
      setCreating(false);
    }
  };

  const mayImport = mayDo(me, "employees.import");
  const mayAccounts = mayDo(me, "accounts.create");

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={8}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t("nav.employees")}
        </Typography.Title>
        <Flex gap={8} wrap>
          {mayAccounts && (
            <Popconfirm
              title={
                selected.length > 0
                  ? t("employees.accountsForSelected", { n: selected.length })
                  : t("employees.accountsForAll")
              }
              onConfirm={createAccounts}
            >
              <Button icon={<KeyOutlined />} loading={creating} data-testid="accounts-create">
                {t("employees.createAccounts")}
              </Button>
            </Popconfirm>
          )}
          {mayImport && (
            <Button
              type="primary"
              icon={<UploadOutlined />}
              onClick={() => setImporting(true)}
              data-testid="employee-import"
            >
              {t("employees.import")}
            </Button>
          )}
        </Flex>
      </Flex>
      <Card size="small">
        <Flex gap={12} wrap style={{ marginBottom: 12 }}>
          <Input.Search
            allowClear
            placeholder={t("employees.search")}
            style={{ width: 260 }}
            data-testid="employee-search"
            onSearch={(q) => setFilter((f) => ({ ...f, q, page: 1 }))}
          />
          <Select
            allowClear
            placeholder={t("employees.allTeams")}
            style={{ width: 180 }}
            data-testid="employee-team"
            value={filter.teamId}
            onChange={(teamId?: string) => setFilter((f) => ({ ...f, teamId, page: 1 }))}
            options={teams.map((tm) => ({
              value: tm.id,
              label: t("employees.teamOption", { name: tm.name, n: tm.headcount }),
            }))}
          />
          <Select
            style={{ width: 130 }}
            value={filter.status}
            onChange={(status: Filter["status"]) => setFilter((f) => ({ ...f, status, page: 1 }))}
            options={(["active", "left", "all"] as const).map((s) => ({
              value: s,
              label: t(`employees.status.${s}`),
            }))}
          />
        </Flex>
        <Table<EmployeeRow>
          size="small"
          rowKey="no"
          loading={loading}
          dataSource={data?.items ?? []}
          data-testid="employee-table"
          scroll={{ x: 1100 }}
          rowSelection={
            mayAccounts
              ? { selectedRowKeys: selected, onChange: (k) => setSelected(k.map(String)) }
              : undefined
          }
          pagination={{
            current: filter.page,
            pageSize: filter.size,
            total: data?.total ?? 0,
            showSizeChanger: true,
            showTotal: (n) => t("employees.total", { n }),
            onChange: (page, size) => setFilter((f) => ({ ...f, page, size })),
          }}
          columns={[
            {
              title: t("employees.no"),
              dataIndex: "no",
              width: 100,
              fixed: "left",
              render: (no: string) => <Link to={`/employees/${encodeURIComponent(no)}`}>{no}</Link>,
            },
            { title: t("employees.name"), dataIndex: "name", width: 100 },
            { title: t("employees.team"), dataIndex: "team", width: 120 },
            { title: t("employees.grade"), dataIndex: "grade", width: 80 },
            { title: t("employees.type"), dataIndex: "employmentType", width: 100 },
            { title: t("employees.hireDate"), dataIndex: "hireDate", width: 110 },
            {
              title: t("employees.leaveDate"),
              dataIndex: "leaveDate",
              width: 110,
              render: (v: string | null) => v ?? "",
            },
            { title: t("employees.phone"), dataIndex: "phone", width: 130 },
            { title: t("employees.idNumber"), dataIndex: "idNumber", width: 180 },
            { title: t("employees.bankAccount"), dataIndex: "bankAccount", width: 190 },
            {
              title: t("employees.account"),
              dataIndex: "hasAccount",
              width: 90,
              render: (v: boolean) =>
                v ? (
                  <Tag color="green">{t("employees.hasAccount")}</Tag>
                ) : (
                  <Tag>{t("employees.noAccount")}</Tag>
                ),
            },
          ]}
        />
      </Card>
      <EmployeeImport open={importing} onClose={() => setImporting(false)} onImported={load} />
      <AccountsModal accounts={created} onClose={() => setCreated(null)} />
    </Flex>
  );
}
