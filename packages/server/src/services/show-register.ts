/**
 * The payroll register (工资表) of a period as data for the workspace: the register columns in policy order with
 * their kind, one row per employee (values as decimal text, the policy's warnings for that employee recomputed from
 * the run's inputs, the error of a payslip in error), a subtotal per team and the totals — summed exactly from the
 * stored units, so the totals equal the run's. Shows the approved (paid, locked) run, else the latest calculated
 * run (then `draft` is true).
 * @example const r = await showRegister(ctx, { period: "2026-10" }); r.totals.values.实发工资
 */

import { listWarnings, type RunWarning } from "@xinsuan/core";
import type { RunStatus } from "@xinsuan/store";
import { AppError } from "../app-error.js";
import { authorize } from "../auth/authorize.js";
import type { ServiceContext } from "../context.js";
import { type ExportColumn, type ExportData, loadExportData, sumRows } from "./export-data.js";
import { computeRuns } from "./run-payroll.js";

/** A column: "text" for employee fields, "total" for 应发工资 … 实发工资, else the pay item's kind. @example const c: RegisterColumn = { name: "底薪", kind: "earning" } */
export type RegisterColumn = { name: string; kind: string };

/** One employee. @example const r: RegisterRow = { employeeNo: "E001", name: "张三", team: "客服1组", values: { 实发工资: "5230.17" }, warnings: [], error: null } */
export type RegisterRow = {
  employeeNo: string;
  name: string;
  team: string;
  /** Every column's value as text (amounts as decimal strings). */
  values: Record<string, string>;
  warnings: string[];
  error: string | null;
};

/** Sums of the summed columns. @example const s: RegisterSubtotal = { team: "客服1组", headcount: 20, values: { 实发工资: "100000.00" } } */
export type RegisterSubtotal = { team: string; headcount: number; values: Record<string, string> };

/** The register. @example const r: Register = await showRegister(ctx, { period: "2026-09" }) */
export type Register = {
  period: string;
  runId: string;
  status: RunStatus;
  /** A calculated, not yet approved run. */
  draft: boolean;
  columns: RegisterColumn[];
  rows: RegisterRow[];
  subtotals: RegisterSubtotal[];
  totals: { values: Record<string, string> };
};

const TOTALS = new Set(["应发工资", "应税收入", "扣款合计", "实发工资"]);

function columnKinds(d: ExportData): RegisterColumn[] {
  const kinds = new Map<string, string>();
  for (const g of d.inputs.groups) for (const i of g.compiled.items) kinds.set(i.name, i.kind);
  return d.columns.map((c: ExportColumn) => ({
    name: c.name,
    kind: !c.line ? "text" : TOTALS.has(c.name) ? "total" : (kinds.get(c.name) ?? "info"),
  }));
}

function valuesOf(columns: readonly ExportColumn[], cells: readonly unknown[]): Record<string, string> {
  const out: Record<string, string> = {};
  columns.forEach((c, k) => {
    const cell = cells[k] as { text: string } | { amount: string } | null | undefined;
    if (cell && "amount" in cell) out[c.name] = cell.amount;
    else if (cell && "text" in cell) out[c.name] = cell.text;
  });
  return out;
}

function errorText(error: unknown, lang: "zh" | "en"): string | null {
  if (error === undefined || error === null) return null;
  if (typeof error === "object" && lang in error) return String((error as Record<string, unknown>)[lang]);
  return typeof error === "string" ? error : JSON.stringify(error);
}

/** The policy's warnings by 工号, recomputed from the run's inputs (none when the inputs no longer compute). */
function warningsByEmployee(d: ExportData): Map<string, string[]> {
  let warnings: RunWarning[] = [];
  try {
    warnings = computeRuns(d.inputs).flatMap((run) => listWarnings(run));
  } catch (e) {
    if (!(e instanceof AppError)) throw e;
  }
  const out = new Map<string, string[]>();
  for (const w of warnings) out.set(w.工号, [...(out.get(w.工号) ?? []), `${w.check}：${w.zh}`]);
  return out;
}

/**
 * Shows the register of `period` (runs.read); `lang` picks the language of error texts.
 * @example const { rows, subtotals, totals } = await showRegister(ctx, { period: "2026-10", lang: "zh" })
 */
export async function showRegister(
  ctx: ServiceContext,
  o: { period: string; lang?: "zh" | "en" },
): Promise<Register> {
  authorize(ctx, "runs.read");
  const d = await loadExportData(ctx, { period: o.period, draft: true });
  const warnings = warningsByEmployee(d);
  const subtotals: RegisterSubtotal[] = [];
  for (let i = 0; i < d.rows.length; ) {
    const team = d.rows[i]!.team;
    let j = i;
    while (j < d.rows.length && d.rows[j]!.team === team) j++;
    const block = d.rows.slice(i, j);
    subtotals.push({ team, headcount: block.length, values: valuesOf(d.columns, sumRows(d.columns, block)) });
    i = j;
  }
  return {
    period: d.period,
    runId: d.run.id,
    status: d.run.status,
    draft: d.draft,
    columns: columnKinds(d),
    rows: d.rows.map((r) => ({
      employeeNo: r.employeeNo,
      name: r.name,
      team: r.team,
      values: valuesOf(d.columns, r.cells),
      warnings: warnings.get(r.employeeNo) ?? [],
      error: errorText(r.error, o.lang ?? "zh"),
    })),
    subtotals,
    totals: { values: valuesOf(d.columns, sumRows(d.columns, d.rows)) },
  };
}
