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
import { type PayslipSummary, payslipSummaries } from "./list-my-payslips.js";

/** A grade change. @example const g: GradeEntry = { grade: "客服专员", tier: null, from: "2026-01-01", reason: null } */
export type GradeEntry = { grade: string; tier: string | null; from: string; reason: string | null };

/** The employee page. @example const d: EmployeeDetail = await showEmployee(ctx, { employeeNo }) */
export type EmployeeDetail = EmployeeRow & { grades: GradeEntry[]; payslips: PayslipSummary[] };

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
    // oldest first on the employee page (the agent's own list is newest first)
    payslips: (await payslipSummaries(ctx, e.id, e.employeeNo)).reverse(),
  };
}
