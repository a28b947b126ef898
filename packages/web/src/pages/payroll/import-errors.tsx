/**
 * The row errors of a rejected import (a 422's details) as a table of 行 / 列 / 问题, parsed from lines such as
 * `考勤.xlsx 第3行 “出勤天数”列：不是数字` or `kpi.csv row 3, column "Days": not a number`.
 * @example <ImportErrors error={e} testId="import-errors" />
 */
import { Alert, Table } from "antd";
import type { ApiError } from "../../api/client";
import { useT } from "../../i18n";

/** One parsed detail line. @example { row: 3, column: "出勤天数", problem: "不是数字", text: "…" } */
export type RowError = {
  key: number;
  row: number | null;
  column: string | null;
  problem: string;
  text: string;
};

const ZH = /第(\d+)行(?:（表头）)?(?:\s*[“"]([^”"]+)[”"]列|\s*([A-Z]{1,3})列)?[：:]?\s*(.*)$/;
const EN = /row (\d+)(?: \(the header\))?(?:, column "([^"]+)")?[:,]?\s*(.*)$/i;

/** Splits one detail line into row, column and problem (row/column null when the line names none). @example parseRowError("a.csv 第3行 “工号”列：缺少工号", 0).row === 3 */
export function parseRowError(text: string, key: number): RowError {
  const zh = ZH.exec(text);
  if (zh) {
    return {
      key,
      row: Number(zh[1]),
      column: zh[2] ?? zh[3] ?? null,
      problem: zh[4]?.trim() || text,
      text,
    };
  }
  const en = EN.exec(text);
  if (en) return { key, row: Number(en[1]), column: en[2] ?? null, problem: en[3]?.trim() || text, text };
  return { key, row: null, column: null, problem: text, text };
}

type Props = { error: ApiError; testId?: string; onClose?: () => void };

/** The message as an alert and the details as a sortable table. @example <ImportErrors error={e} /> */
export function ImportErrors({ error, testId, onClose }: Props) {
  const t = useT();
  const rows = error.details.map(parseRowError);
  return (
    <div data-testid={testId}>
      <Alert
        type="error"
        showIcon
        title={error.message}
        description={rows.length > 0 ? t("import.errorsHint", { n: rows.length }) : undefined}
        closable={!!onClose}
        onClose={onClose}
        style={{ marginBottom: rows.length > 0 ? 8 : 0 }}
      />
      {rows.length > 0 && (
        <Table<RowError>
          size="small"
          rowKey="key"
          dataSource={rows}
          pagination={rows.length > 10 ? { pageSize: 10, size: "small" } : false}
          columns={[
            {
              title: t("import.row"),
              dataIndex: "row",
              width: 80,
              sorter: (a, b) => (a.row ?? 0) - (b.row ?? 0),
              render: (v: number | null) => v ?? "—",
            },
            {
              title: t("import.column"),
              dataIndex: "column",
              width: 160,
              render: (v: string | null) => v ?? "—",
            },
            { title: t("import.problem"), dataIndex: "problem" },
          ]}
        />
      )}
    </div>
  );
}
