/**
 * The month-by-month table of the wage calculator: editable amounts on the left, core's cumulative results on
 * the right, each month's working in the expanded row. A problem is shown under the field it is about.
 * @example <WageTable hireMonth={1} rows={rows} results={byMonth} problem={null} onChange={setCell} />
 */
import type { WageMonthResult } from "@xinsuan/core";
import { Input, Table, type TableColumnsType, Typography } from "antd";
import { formatMoney } from "../../components/format";
import { useT } from "../../i18n";
import type { WageField, WageRow } from "./wage-rows";

type Props = {
  hireMonth: number;
  rows: WageRow[];
  results: Map<number, WageMonthResult>;
  problem: { month: number; field: WageField; text: string } | null;
  onChange: (month: number, field: WageField, value: string) => void;
};

type Row = { key: number; month: number; input: WageRow; r: WageMonthResult | undefined };

const money = (d: { toFixed: (n: number) => string } | undefined) => (d ? formatMoney(d.toFixed(2)) : "—");

/** The editable wage table. @example <WageTable … /> */
export function WageTable({ hireMonth, rows, results, problem, onChange }: Props) {
  const t = useT();
  const data: Row[] = [];
  for (let m = hireMonth; m <= 12; m++) {
    data.push({
      key: m,
      month: m,
      input: rows[m - 1] ?? { income: "", special: "", sad: "" },
      r: results.get(m),
    });
  }

  const cell = (field: WageField) => (_: unknown, row: Row) => {
    const bad = problem && problem.month === row.month && problem.field === field ? problem.text : null;
    return (
      <div>
        <Input
          size="small"
          value={row.input[field]}
          status={bad ? "error" : undefined}
          inputMode="decimal"
          onChange={(e) => onChange(row.month, field, e.target.value)}
          style={{ width: 110 }}
          data-testid={`tax-wages-${field}-${row.month}`}
        />
        {bad && (
          <Typography.Text type="danger" style={{ display: "block", fontSize: 12, maxWidth: 220 }}>
            {bad}
          </Typography.Text>
        )}
      </div>
    );
  };

  const columns: TableColumnsType<Row> = [
    {
      title: t("tax.month"),
      dataIndex: "month",
      fixed: "left",
      width: 64,
      render: (m: number) => t("tax.monthN", { n: m }),
    },
    { title: t("tax.income"), key: "income", render: cell("income") },
    { title: t("tax.special"), key: "special", render: cell("special") },
    { title: t("tax.sad"), key: "sad", render: cell("sad") },
    { title: t("tax.cumIncome"), key: "ci", align: "right", render: (_, r) => money(r.r?.cumulativeIncome) },
    {
      title: t("tax.cumTaxable"),
      key: "ct",
      align: "right",
      render: (_, r) => money(r.r?.cumulativeTaxable),
    },
    { title: t("tax.rate"), key: "rate", align: "right", render: (_, r) => r.r?.rate ?? "—" },
    { title: t("tax.cumTax"), key: "ctax", align: "right", render: (_, r) => money(r.r?.cumulativeTax) },
    {
      title: t("tax.withheld"),
      key: "w",
      align: "right",
      render: (_, r) => (
        <Typography.Text strong data-testid={`tax-wages-withheld-${r.month}`}>
          {money(r.r?.taxWithheld)}
        </Typography.Text>
      ),
    },
  ];

  return (
    <Table<Row>
      size="small"
      bordered
      pagination={false}
      dataSource={data}
      columns={columns}
      scroll={{ x: 1000 }}
      expandable={{
        rowExpandable: (r) => !!r.r,
        expandedRowRender: (r) => (
          <Typography.Paragraph style={{ margin: 0 }}>
            <Typography.Text type="secondary">{t("tax.explain")}：</Typography.Text>
            {r.r?.zh}
          </Typography.Paragraph>
        ),
      }}
      data-testid="tax-wages-table"
    />
  );
}
