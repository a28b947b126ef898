/**
 * One employee's payslip of a period with every line explained down to its inputs (core's explainer over the
 * run's recomputed inputs), the receipt confirmation and the employee's questions. An agent sees only their own,
 * a lead their teams', HR/finance/admin everyone; agents and leads see only approved (final) runs, HR and finance
 * also a calculated draft.
 * @example const p = await showPayslip(ctx, { period: "2026-09", employeeNo: "A0000002" }); p.net
 */

import type { ExplainedLine } from "@xinsuan/core";
import type { Employee, PayslipQuestion } from "@xinsuan/store";
import { AppError } from "../app-error.js";
import { authorize, authorizeEmployee, seesEveryone } from "../auth/authorize.js";
import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";
import { findEmployeeRun } from "./run-inputs.js";
import { loadRunView, type RunView } from "./run-view-cache.js";

/** A payslip line (core's ExplainedLine with notes always present). @example const l: PayslipLine = p.lines[0]! */
export type PayslipLine = Omit<ExplainedLine, "notes"> & { notes: string[] };

/** The explained payslip. @example const p: Payslip = await showPayslip(ctx, { period, employeeNo }) */
export type Payslip = {
  period: string;
  company: string;
  status: string;
  employee: { no: string; name: string; team: string | null; grade: string | null };
  gross: string;
  deductions: string;
  net: string;
  confirmedAt: string | null;
  lines: PayslipLine[];
  details: PayslipLine[];
  questions: QuestionView[];
};

/** A question as the API shows it. @example const q: QuestionView = questionView(stored) */
export type QuestionView = Omit<PayslipQuestion, "runId" | "employeeId">;

/** Drops the internal ids of a stored question. @example questionView(q).employeeNo */
export function questionView(q: PayslipQuestion): QuestionView {
  const { runId: _r, employeeId: _e, ...rest } = q;
  return rest;
}

const SHOWN_KINDS = new Set(["earning", "deduction", "withholding", "info"]);

function lineOf(l: ExplainedLine): PayslipLine {
  return { ...l, notes: l.notes ?? [] };
}

/**
 * Finds an employee by 工号 and checks the caller may see them (FORBIDDEN; NOT_FOUND when there is none).
 * @example const e = await visibleEmployee(ctx, "A0000002")
 */
export async function visibleEmployee(ctx: ServiceContext, employeeNo: string): Promise<Employee> {
  authorize(ctx, "payslips.read");
  const e = await storeCall(() => ctx.store.employees.findByNo(ctx.tenantId, employeeNo));
  if (!e) throw new AppError("NOT_FOUND", `没有工号为 ${employeeNo} 的员工`, `no employee ${employeeNo}`);
  authorizeEmployee(ctx, e);
  return e;
}

/**
 * The payslip's run view and row, for the payslip and its PDF.
 * @example const { view, row } = await payslipSource(ctx, "2026-09", e)
 */
export async function payslipSource(ctx: ServiceContext, period: string, e: Employee) {
  const view: RunView = await loadRunView(ctx, period, { draft: seesEveryone(ctx) });
  const row = view.rowOf(e.employeeNo);
  if (!row)
    throw new AppError(
      "NOT_FOUND",
      `${period} 没有 ${e.employeeNo} ${e.name} 的工资条`,
      `no payslip of ${e.employeeNo} in ${period}`,
    );
  return { view, row };
}

/**
 * Shows the payslip.
 * @example await showPayslip(ctx, { period: "2026-09", employeeNo: "A0000002" })
 */
export async function showPayslip(
  ctx: ServiceContext,
  o: { period: string; employeeNo: string },
): Promise<Payslip> {
  const e = await visibleEmployee(ctx, o.employeeNo);
  const { view, row } = await payslipSource(ctx, o.period, e);
  const amount = (name: string) => {
    const k = view.data.columns.findIndex((c) => c.name === name);
    const cell = k < 0 ? undefined : row.cells[k];
    return cell && "amount" in cell ? cell.amount : undefined;
  };
  const found = findEmployeeRun(view.runs, e.employeeNo);
  const explained = view.explain(e.employeeNo);
  const lines: PayslipLine[] = [];
  for (const l of explained?.lines ?? []) {
    if (!SHOWN_KINDS.has(l.kind)) continue;
    const stored = amount(l.name);
    lines.push(lineOf(stored === undefined ? l : { ...l, value: stored }));
  }
  const [receipts, questions] = await Promise.all([
    storeCall(() => ctx.store.feedback.receipts(ctx.tenantId, e.id)),
    storeCall(() => ctx.store.feedback.listQuestions(ctx.tenantId, { employeeId: e.id, period: o.period })),
  ]);
  const values = view.runs.length > 0 && found ? found.run.employees[found.index]?.values : undefined;
  return {
    period: o.period,
    company: view.data.company,
    status: view.run.status,
    employee: {
      no: e.employeeNo,
      name: e.name,
      team: row.team || null,
      grade: values?.职级 === undefined || values.职级 === "" ? null : String(values.职级),
    },
    gross: amount("应发工资") ?? "0.00",
    deductions: amount("扣款合计") ?? "0.00",
    net: amount("实发工资") ?? "0.00",
    confirmedAt: receipts.get(view.run.id) ?? null,
    lines,
    details: (explained?.details ?? []).map(lineOf),
    questions: questions.map(questionView),
  };
}
