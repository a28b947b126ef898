/**
 * The 工资表 (register): a virtual antd Table for 10,000+ rows with the API's columns, 工号/姓名/团队 fixed left,
 * team filter, search, 仅看提醒/出错, per-team subtotal rows and the grand total as a fixed summary row.
 * Clicking a row opens the explanation.
 * @example <RegisterTable register={reg} onOpen={(row) => setOpen(row)} />
 */
import { ExclamationCircleFilled, WarningFilled } from "@ant-design/icons";
import { Flex, Input, Select, Switch, Table, Tooltip, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo, useState } from "react";
import type { Register, RegisterRow } from "../../api/types-payroll";
import { formatNumber } from "../../components/format";
import { useT } from "../../i18n";
import {
  buildRegisterRows,
  type DisplayRow,
  isAmountKind,
  type RegisterFilter,
  teamsOf,
} from "./register-rows";

const FIXED = { no: 110, name: 100, team: 120, flag: 56 };
const VALUE_WIDTH = 130;
/** Employee columns the API sends that the fixed columns already show. */
const SHOWN_FIXED = new Set(["工号", "姓名", "团队"]);

const SUBTOTAL_CELL = { style: { background: "#eef4fd", fontWeight: 600 } };

/** Subtotal rows get a tinted, bold cell (also on the fixed columns, which paint their own background). */
function subtotalCell(r: DisplayRow) {
  return r.type === "subtotal" ? SUBTOTAL_CELL : {};
}

function show(value: string | undefined): string {
  return value === undefined || value === "" ? "" : formatNumber(value);
}

type Props = { register: Register; onOpen: (row: RegisterRow) => void };

/** The register with its filters. @example <RegisterTable register={reg} onOpen={open} /> */
export function RegisterTable({ register, onOpen }: Props) {
  const t = useT();
  const [filter, setFilter] = useState<RegisterFilter>({ team: null, search: "", flaggedOnly: false });
  const rows = useMemo(() => buildRegisterRows(register, filter), [register, filter]);
  const valueColumns = useMemo(
    () => register.columns.filter((c) => !SHOWN_FIXED.has(c.name)),
    [register.columns],
  );
  const teams = useMemo(() => teamsOf(register), [register]);
  const shownCount = rows.filter((r) => r.type === "employee").length;

  const columns = useMemo<ColumnsType<DisplayRow>>(() => {
    const fixed: ColumnsType<DisplayRow> = [
      {
        title: t("payroll.employeeNo"),
        key: "no",
        width: FIXED.no,
        fixed: "left",
        render: (_v, r) => (r.type === "employee" ? r.employeeNo : t("payroll.subtotal")),
      },
      {
        title: t("payroll.name"),
        key: "name",
        width: FIXED.name,
        fixed: "left",
        render: (_v, r) => (r.type === "employee" ? r.name : t("payroll.headcountN", { n: r.headcount })),
      },
      {
        title: t("payroll.team"),
        key: "team",
        width: FIXED.team,
        fixed: "left",
        render: (_v, r) => r.team ?? "—",
      },
      {
        title: "",
        key: "flag",
        width: FIXED.flag,
        fixed: "left",
        align: "center",
        render: (_v, r) => {
          if (r.type !== "employee") return null;
          if (r.error)
            return (
              <Tooltip title={r.error}>
                <ExclamationCircleFilled style={{ color: "#cf1322" }} aria-label={t("payroll.blocked")} />
              </Tooltip>
            );
          if (r.warnings.length > 0)
            return (
              <Tooltip title={r.warnings.join("\n")}>
                <WarningFilled style={{ color: "#d48806" }} aria-label={t("payroll.warnings")} />
              </Tooltip>
            );
          return null;
        },
      },
    ];
    const values: ColumnsType<DisplayRow> = valueColumns.map((c) => ({
      title: c.name,
      key: `v:${c.name}`,
      width: VALUE_WIDTH,
      align: isAmountKind(c.kind) ? "right" : "left",
      ellipsis: true,
      render: (_v, r) => show(r.values[c.name]),
    }));
    return [...fixed, ...values].map((c) => ({ ...c, onCell: subtotalCell }));
  }, [valueColumns, t]);

  const scrollX = FIXED.no + FIXED.name + FIXED.team + FIXED.flag + VALUE_WIDTH * valueColumns.length;
  const scrollY = Math.max(360, (typeof window === "undefined" ? 800 : window.innerHeight) - 420);

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap align="center">
        <Input.Search
          allowClear
          placeholder={t("payroll.search")}
          style={{ width: 220 }}
          data-testid="register-search"
          onSearch={(search) => setFilter((f) => ({ ...f, search }))}
          onChange={(e) => setFilter((f) => ({ ...f, search: e.target.value }))}
        />
        <Select
          allowClear
          placeholder={t("payroll.allTeams")}
          style={{ width: 180 }}
          data-testid="register-team"
          value={filter.team ?? undefined}
          onChange={(v?: string) => setFilter((f) => ({ ...f, team: v ?? null }))}
          options={teams.map((tm) => ({ value: tm, label: tm || t("payroll.noTeam") }))}
        />
        <Flex gap={6} align="center">
          <Switch
            data-testid="register-flagged"
            checked={filter.flaggedOnly}
            onChange={(flaggedOnly) => setFilter((f) => ({ ...f, flaggedOnly }))}
          />
          <span>{t("payroll.flaggedOnly")}</span>
        </Flex>
        <Typography.Text type="secondary">
          {t("payroll.shown", { n: shownCount, total: register.rows.length })}
        </Typography.Text>
      </Flex>
      <Table<DisplayRow>
        virtual
        data-testid="register-table"
        size="small"
        bordered
        rowKey="key"
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: scrollX, y: scrollY }}
        onRow={(r) =>
          r.type === "employee"
            ? { onClick: () => onOpen(r), style: { cursor: "pointer" }, "data-employee": r.employeeNo }
            : {}
        }
        summary={() => (
          <Table.Summary fixed="bottom">
            <Table.Summary.Row style={{ fontWeight: 700 }}>
              <Table.Summary.Cell index={0} colSpan={4}>
                {t("payroll.total", { n: register.rows.length })}
              </Table.Summary.Cell>
              {valueColumns.map((c, i) => (
                <Table.Summary.Cell
                  key={c.name}
                  index={i + 4}
                  align={isAmountKind(c.kind) ? "right" : "left"}
                >
                  {show(register.totals.values[c.name])}
                </Table.Summary.Cell>
              ))}
            </Table.Summary.Row>
          </Table.Summary>
        )}
      />
    </Flex>
  );
}
