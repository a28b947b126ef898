/**
 * One employee's page: the list row (masked numbers), the 职级 history and the payslip summaries of the final
 * (approved, paid, locked) runs. HR, finance and admin see everyone; a lead their own teams.
 * @example const e = await showEmployee(ctx, { employeeNo: "A0000002" }); e.grades.at(-1)?.grade
 */

import { AppError } from "../app-error.js";
import { authorize, authorizeEmployee } from "../auth/authorize.js";
import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";
import { type EmployeeRow, employeeRows } from "./list-employees.js";

/** A payslip in a list. @example const s: PayslipSummary = { period: "2026-09", status: "approved", gross: "8250.00", deductions: "900.00", net: "7350.00", confirmedAt: null, openQuestions: 0 } */
export type PayslipSummary = {
  period: string;
  status: string;
  gross: string;
  deductions: string;
  net: string;
  confirmedAt: string | null;
  openQuestions: number;
};

/** A grade change. @example const g: GradeEntry = { grade: "客服专员", tier: null, from: "2026-01-01", reason: null } */
export type GradeEntry = { grade: string; tier: string | null; from: string; reason: string | null };

/** The employee page. @example const d: EmployeeDetail = await showEmployee(ctx, { employeeNo }) */
export type EmployeeDetail = EmployeeRow & { grades: GradeEntry[]; payslips: PayslipSummary[] };

const FINAL = ["approved", "paid", "locked"] as const;

/**
 * The payslip summaries of one employee's final runs (the latest final run of each period), oldest first.
 * @example const slips = await finalPayslipSummaries(ctx, employee)
 */
export async function finalPayslipSummaries(
  ctx: ServiceContext,
  e: { id: string; employeeNo: string },
): Promise<PayslipSummary[]> {
  const { store, tenantId } = ctx;
  const rows = await storeCall(() =>
    store.db
      .selectFrom("run_payslips as p")
      .innerJoin("runs as r", (j) =>
        j.onRef("r.id", "=", "p.run_id").onRef("r.tenant_id", "=", "p.tenant_id"),
      )
      .innerJoin("periods as pe", (j) =>
        j.onRef("pe.id", "=", "r.period_id").onRef("pe.tenant_id", "=", "r.tenant_id"),
      )
      .select(["pe.period", "r.id as runId", "r.status", "r.started_at", "p.gross", "p.deductions", "p.net"])
      .where("p.tenant_id", "=", tenantId)
      .where("p.employee_no", "=", e.employeeNo)
      .where("r.status", "in", [...FINAL])
      .orderBy("pe.period")
      .orderBy("r.started_at")
      .execute(),
  );
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) latest.set(r.period, r);
  const [receipts, questions] = await Promise.all([
    storeCall(() => store.feedback.receipts(tenantId, e.id)),
    storeCall(() => store.feedback.listQuestions(tenantId, { employeeId: e.id })),
  ]);
  return [...latest.values()].map((r) => ({
    period: r.period,
    status: r.status,
    gross: r.gross,
    deductions: r.deductions,
    net: r.net,
    confirmedAt: receipts.get(r.runId) ?? null,
    openQuestions: questions.filter((q) => q.period === r.period && q.status === "open").length,
  }));
}

/**
 * Shows the employee; NOT_FOUND for an unknown 工号, FORBIDDEN outside the caller's scope.
 * @example await showEmployee(ctx, { employeeNo: "A0000002" })
 */
export async function showEmployee(ctx: ServiceContext, o: { employeeNo: string }): Promise<EmployeeDetail> {
  authorize(ctx, "employees.read");
  const { store, tenantId } = ctx;
  const e = await storeCall(() => store.employees.findByNo(tenantId, o.employeeNo.trim()));
  if (!e) throw new AppError("NOT_FOUND", `没有工号为 ${o.employeeNo} 的员工`, `no employee ${o.employeeNo}`);
  authorizeEmployee(ctx, e);
  const [row] = await employeeRows(ctx, [e]);
  const grades = await storeCall(() =>
    store.db
      .selectFrom("employee_grades")
      .select(["grade", "tier", "effective_from", "reason"])
      .where("tenant_id", "=", tenantId)
      .where("employee_id", "=", e.id)
      .orderBy("effective_from")
      .orderBy("created_at")
      .execute(),
  );
  return {
    ...row!,
    grades: grades.map((g) => ({ grade: g.grade, tier: g.tier, from: g.effective_from, reason: g.reason })),
    payslips: await finalPayslipSummaries(ctx, e),
  };
}
