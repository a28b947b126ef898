/**
 * 提醒 of a run: how many employees each check flagged (expand for the list) and the blocked employees (rows the
 * engine could not calculate). Clicking an employee opens the explanation.
 * @example <WarningsPanel register={reg} onOpen={open} />
 */
import { Alert, Card, Empty, Flex, Table, Tag } from "antd";
import { useMemo } from "react";
import type { Register, RegisterRow } from "../../api/types-payroll";
import { useT } from "../../i18n";
import { type CheckGroup, groupWarnings } from "./register-rows";

type Props = { register: Register; onOpen: (row: RegisterRow) => void };

/** The warnings panel. @example <WarningsPanel register={reg} onOpen={open} /> */
export function WarningsPanel({ register, onOpen }: Props) {
  const t = useT();
  const groups = useMemo(() => groupWarnings(register.rows), [register]);
  const blocked = useMemo(() => register.rows.filter((r) => r.error), [register]);
  const person = (r: RegisterRow) => ({ onClick: () => onOpen(r), style: { cursor: "pointer" } });

  return (
    <Flex vertical gap={16} data-testid="warnings-panel">
      <Card
        size="small"
        title={t("payroll.blockedTitle", { n: blocked.length })}
        styles={{ body: { padding: 0 } }}
      >
        {blocked.length === 0 ? (
          <Alert type="success" showIcon title={t("payroll.noBlocked")} style={{ margin: 12 }} />
        ) : (
          <Table<RegisterRow>
            size="small"
            rowKey="employeeNo"
            dataSource={blocked}
            pagination={blocked.length > 20 ? { pageSize: 20 } : false}
            onRow={person}
            data-testid="blocked-list"
            columns={[
              { title: t("payroll.employeeNo"), dataIndex: "employeeNo", width: 110 },
              { title: t("payroll.name"), dataIndex: "name", width: 100 },
              { title: t("payroll.team"), dataIndex: "team", width: 120 },
              { title: t("payroll.problem"), dataIndex: "error" },
            ]}
          />
        )}
      </Card>
      <Card size="small" title={t("payroll.checksTitle")} styles={{ body: { padding: 0 } }}>
        {groups.length === 0 ? (
          <Empty description={t("payroll.noWarnings")} style={{ margin: 16 }} />
        ) : (
          <Table<CheckGroup>
            size="small"
            rowKey="check"
            dataSource={groups}
            pagination={false}
            data-testid="warning-checks"
            columns={[
              { title: t("payroll.check"), dataIndex: "check" },
              {
                title: t("payroll.flagged"),
                key: "n",
                width: 120,
                align: "right",
                render: (_v, g) => <Tag color="warning">{t("payroll.peopleN", { n: g.rows.length })}</Tag>,
              },
            ]}
            expandable={{
              expandedRowRender: (g) => (
                <Table
                  size="small"
                  rowKey={(x) => `${x.row.employeeNo}:${x.text}`}
                  dataSource={g.rows}
                  pagination={g.rows.length > 10 ? { pageSize: 10 } : false}
                  onRow={(x) => person(x.row)}
                  columns={[
                    {
                      title: t("payroll.employeeNo"),
                      key: "no",
                      width: 110,
                      render: (_v, x) => x.row.employeeNo,
                    },
                    { title: t("payroll.name"), key: "name", width: 100, render: (_v, x) => x.row.name },
                    {
                      title: t("payroll.team"),
                      key: "team",
                      width: 120,
                      render: (_v, x) => x.row.team ?? "—",
                    },
                    { title: t("payroll.warning"), dataIndex: "text" },
                  ]}
                />
              ),
            }}
          />
        )}
      </Card>
    </Flex>
  );
}
