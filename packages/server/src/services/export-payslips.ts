/**
 * `xinsuan export payslips`: the 工资条 of an approved period in the classic strip layout — for each employee a
 * header row above the employee's row and a blank row between employees, ready to print and cut — as xlsx or CSV.
 * Only an approved (paid, locked) run is exported: strips are handed to employees, a draft never is.
 * @example await exportPayslips(ctx, { period: "2026-08", out: "工资条-2026-08.xlsx" })
 */

import { authorize } from "../auth/authorize.js";
import type { ServiceContext } from "../context.js";
import { type ExportRow, type ExportSheet, exportCsv, exportXlsx } from "../io/write-export.js";
import {
  deliverExport,
  type ExportData,
  type ExportFormat,
  exportFormat,
  loadExportData,
} from "./export-data.js";

/** Options. @example const o: ExportPayslipsOptions = { period: "2026-08", out: "工资条.xlsx" } */
export type ExportPayslipsOptions = { period: string; out?: string; format?: ExportFormat };

/** What an export returns. @example const { bytes, strips } = await exportPayslips(ctx, { period: "2026-08" }) */
export type ExportPayslipsResult = {
  bytes: Uint8Array;
  format: ExportFormat;
  fileName: string;
  runId: string;
  /** One strip per employee. */
  strips: number;
};

/**
 * The strips: a title row, a blank row, then per employee the header row, the employee's row and a blank row.
 * @example stripSheet(data).rows.map((r) => r.role) // ["title", "blank", "header", "data", "blank", "header", …]
 */
export function stripSheet(d: ExportData): ExportSheet {
  const header: ExportRow = { role: "header", cells: d.columns.map((c) => ({ text: c.name })) };
  const rows: ExportRow[] = [
    {
      role: "title",
      cells: [{ text: `${d.company} · ${d.period} 工资条 · ${d.policies} · ${d.state}` }],
    },
    { role: "blank", cells: [] },
  ];
  const byNo = [...d.rows].sort((a, b) =>
    a.employeeNo < b.employeeNo ? -1 : a.employeeNo > b.employeeNo ? 1 : 0,
  );
  for (const r of byNo) {
    rows.push(header, { role: "data", cells: r.cells }, { role: "blank", cells: [] });
  }
  return { name: "工资条", rows, boxed: true };
}

/**
 * Exports the 工资条 of `period`'s approved run; returns the bytes and writes `out` when given; audit-logged.
 * RUN_NOT_READY when the period's run is not approved.
 * @example const { strips } = await exportPayslips(ctx, { period: "2026-08", format: "csv" })
 */
export async function exportPayslips(
  ctx: ServiceContext,
  o: ExportPayslipsOptions,
): Promise<ExportPayslipsResult> {
  authorize(ctx, "exports.register");
  const format = exportFormat(o);
  const d = await loadExportData(ctx, { period: o.period });
  const sheet = stripSheet(d);
  const bytes = format === "csv" ? exportCsv(sheet) : await exportXlsx([sheet], `${d.period} 工资条`);
  await deliverExport(ctx, {
    ...(o.out === undefined ? {} : { out: o.out }),
    bytes,
    action: "export.payslips",
    runId: d.run.id,
    after: { period: d.period, format, strips: d.rows.length },
  });
  return {
    bytes,
    format,
    fileName: `工资条-${d.period}.${format}`,
    runId: d.run.id,
    strips: d.rows.length,
  };
}
