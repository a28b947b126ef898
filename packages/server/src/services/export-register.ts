/**
 * `xinsuan export register`: the payroll register (工资表) of a period as xlsx or CSV. A title row (company,
 * period, run state, policy version), a frozen header, one row per employee with every register column in policy
 * order, grouped by team with a 小计 row per team and a 合计 row, amounts as numbers with '#,##0.00'. The xlsx adds
 * a 提醒 sheet (the policy's checks, recomputed from the run's inputs) and a 调整 sheet (adjustments paid this period). Only an
 * approved (paid, locked) run is exported, except with `draft`, a calculated run marked 草稿 for review.
 * @example const r = await exportRegister(ctx, { period: "2026-08", out: "工资表-2026-08.xlsx" })
 */

import { Dec, listWarnings, type RunWarning } from "@xinsuan/core";
import { AppError } from "../app-error.js";
import { authorize } from "../auth/authorize.js";
import type { ServiceContext } from "../context.js";
import {
  type ExportCell,
  type ExportRow,
  type ExportSheet,
  exportCsv,
  exportXlsx,
} from "../io/write-export.js";
import { storeCall } from "../store-errors.js";
import {
  deliverExport,
  type ExportData,
  type ExportFormat,
  exportFormat,
  loadExportData,
  sumRows,
} from "./export-data.js";
import { computeRuns } from "./run-payroll.js";

/** Options. @example const o: ExportRegisterOptions = { period: "2026-08", draft: true, format: "csv" } */
export type ExportRegisterOptions = {
  period: string;
  /** Accept a calculated, unapproved run; the document then says 草稿. */
  draft?: boolean;
  /** Written atomically when given; its extension (.xlsx / .csv) sets the format. */
  out?: string;
  format?: ExportFormat;
  /** Recompute the run's warnings for the 提醒 sheet (default true; costs one engine run). */
  warnings?: boolean;
};

/** What an export returns. @example const { bytes, fileName } = await exportRegister(ctx, { period: "2026-08" }) */
export type ExportRegisterResult = {
  bytes: Uint8Array;
  format: ExportFormat;
  /** A suggested file name, with 草稿 for a draft. */
  fileName: string;
  runId: string;
  draft: boolean;
  employees: number;
  teams: number;
  /** The 合计 row's 应发工资 / 扣款合计 / 实发工资 ("" when the register has no such column). */
  totals: { gross: string; deductions: string; net: string };
  warnings: number;
};

const text = (t: string): ExportCell => ({ text: t });

/**
 * The title line: company, period, state, policy version; 【草稿】 first for a draft.
 * @example registerTitle(data) // "【草稿】示例公司 · 2026-08 工资表 · 状态：已计算（草稿，未审批） · 方案第 1 版"
 */
export function registerTitle(d: ExportData): string {
  return `${d.draft ? "【草稿】" : ""}${d.company} · ${d.period} 工资表 · 状态：${d.state} · ${d.policies}`;
}

/** Error text of a payslip in error (draft registers only: an approved run has none). */
function errorText(error: unknown): string {
  if (error === undefined) return "";
  if (typeof error === "object" && error !== null && "zh" in error) return String(error.zh);
  return typeof error === "string" ? error : JSON.stringify(error);
}

/** The register sheet: title, header, team blocks with 小计, 合计. */
function registerSheet(d: ExportData): ExportSheet {
  const withErrors = d.rows.some((r) => r.error !== undefined);
  const header = [...d.columns.map((c) => c.name), ...(withErrors ? ["错误"] : [])];
  const teamAt = d.columns.findIndex((c) => c.name === "团队");
  const rows: ExportRow[] = [
    { role: "title", cells: [text(registerTitle(d))] },
    { role: "header", cells: header.map(text) },
  ];
  const label = (cells: ExportCell[], first: string, team?: string): ExportCell[] => {
    const out = [...cells];
    out[0] = text(first);
    if (team !== undefined && teamAt > 0) out[teamAt] = text(team);
    return out;
  };
  for (let i = 0; i < d.rows.length; ) {
    const team = d.rows[i]!.team;
    let j = i;
    while (j < d.rows.length && d.rows[j]!.team === team) j++;
    const block = d.rows.slice(i, j);
    for (const r of block)
      rows.push({ role: "data", cells: [...r.cells, ...(withErrors ? [text(errorText(r.error))] : [])] });
    rows.push({
      role: "subtotal",
      cells: label(sumRows(d.columns, block), `小计（${block.length} 人）`, team || "（未分组）"),
    });
    i = j;
  }
  rows.push({ role: "total", cells: label(sumRows(d.columns, d.rows), `合计（${d.rows.length} 人）`) });
  return { name: d.draft ? "工资表（草稿）" : "工资表", rows, freezeRows: 2 };
}

/** The 提醒 sheet: every warning of the run, recomputed from its inputs. */
function warningsSheet(d: ExportData): { sheet: ExportSheet; count: number } {
  const rows: ExportRow[] = [{ role: "title", cells: [text(`${d.period} 提醒（不影响计算，请复核）`)] }];
  if (d.inputs.inputsHash !== d.run.inputsHash)
    rows.push({
      role: "note",
      cells: [text("注意：算薪后输入数据有改动，以下提醒按当前数据重算，可能与算薪时不同")],
    });
  rows.push({ role: "header", cells: ["工号", "姓名", "提醒", "内容", "依据"].map(text) });
  const freezeRows = rows.length;
  let warnings: RunWarning[] = [];
  let failed = "";
  try {
    warnings = computeRuns(d.inputs).flatMap((run) => listWarnings(run));
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
    failed = e.zh;
  }
  if (failed) rows.push({ role: "note", cells: [text(`无法重算提醒：${failed}`)] });
  for (const w of warnings)
    rows.push({ role: "data", cells: [w.工号, w.姓名, w.check, w.zh, w.ref ?? ""].map(text) });
  if (!failed && warnings.length === 0) rows.push({ role: "note", cells: [text("无提醒")] });
  return { sheet: { name: "提醒", rows, freezeRows }, count: warnings.length };
}

/** The 调整 sheet: the adjustments (补发 / 补扣) to be paid in this period, with a total per kind. */
async function adjustmentsSheet(ctx: ServiceContext, d: ExportData): Promise<ExportSheet> {
  const due = await storeCall(() => ctx.store.adjustments.listToPay(ctx.tenantId, d.period));
  const rows: ExportRow[] = [
    { role: "title", cells: [text(`${d.period} 随本期发放的调整（补发、补扣）`)] },
    {
      role: "header",
      cells: ["工号", "姓名", "所属期间", "类型", "金额", "计税", "原因", "录入人", "录入时间"].map(text),
    },
  ];
  for (const a of due)
    rows.push({
      role: "data",
      cells: [
        text(a.employeeNo),
        text(a.employeeName),
        text(a.forPeriod),
        text(a.kind),
        { amount: Dec.parse(a.amount).toFixed(2), places: 2 },
        text(a.taxable ? "是" : "否"),
        text(a.reason),
        text(a.createdBy),
        text(a.createdAt),
      ],
    });
  for (const kind of ["补发", "补扣"] as const) {
    const mine = due.filter((a) => a.kind === kind);
    const total = mine.reduce((t, a) => t.add(Dec.parse(a.amount)), Dec.ZERO);
    rows.push({
      role: "total",
      cells: [
        text(`${kind}合计（${mine.length} 笔）`),
        null,
        null,
        null,
        { amount: total.toFixed(2), places: 2 },
      ],
    });
  }
  return { name: "调整", rows, freezeRows: 2 };
}

/**
 * Exports the register of `period`: returns the bytes, and writes them to `out` when given; audit-logged.
 * @example const { totals } = await exportRegister(ctx, { period: "2026-08", out: "工资表.xlsx" })
 */
export async function exportRegister(
  ctx: ServiceContext,
  o: ExportRegisterOptions,
): Promise<ExportRegisterResult> {
  authorize(ctx, "exports.register");
  const format = exportFormat(o);
  const d = await loadExportData(ctx, { period: o.period, ...(o.draft ? { draft: true } : {}) });
  const main = registerSheet(d);
  const extra = format === "xlsx" && o.warnings !== false ? warningsSheet(d) : undefined;
  const bytes =
    format === "csv"
      ? exportCsv(main)
      : await exportXlsx(
          [main, ...(extra ? [extra.sheet] : []), await adjustmentsSheet(ctx, d)],
          registerTitle(d),
        );
  const totalRow = main.rows.at(-1)!.cells;
  const total = (name: string) => {
    const cell = totalRow[d.columns.findIndex((c) => c.name === name)];
    return cell && "amount" in cell ? cell.amount : "";
  };
  const totals = { gross: total("应发工资"), deductions: total("扣款合计"), net: total("实发工资") };
  const teams = main.rows.filter((r) => r.role === "subtotal").length;
  await deliverExport(ctx, {
    ...(o.out === undefined ? {} : { out: o.out }),
    bytes,
    action: "export.register",
    runId: d.run.id,
    after: { period: d.period, format, draft: d.draft, employees: d.rows.length, ...totals },
  });
  return {
    bytes,
    format,
    fileName: `工资表-${d.period}${d.draft ? "-草稿" : ""}.${format}`,
    runId: d.run.id,
    draft: d.draft,
    employees: d.rows.length,
    teams,
    totals,
    warnings: extra?.count ?? 0,
  };
}
