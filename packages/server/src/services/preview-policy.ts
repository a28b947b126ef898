/**
 * Previews a policy text (the editor's draft) on one employee for a period: the period's inputs as a run would
 * gather them (datasets, approved claims, prior state), computed with the draft for everyone the employee's
 * current policy pays (so team pools and ranks are right), and the employee's payslip explained line by line.
 * Nothing is stored.
 * @example const p = await previewPolicy(ctx, { yaml, employeeNo: "A0000002", period: "2026-10" }); p.net
 */

import {
  checkPolicyText,
  explainPayslip,
  formatEmployeeError,
  formatProblem,
  getPayslip,
  runPayroll,
} from "@xinsuan/core";
import { AppError } from "../app-error.js";
import { authorize } from "../auth/authorize.js";
import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";
import { requirePeriod } from "./claim-adjust-kit.js";
import { gatherRunInputs } from "./run-inputs.js";
import type { Payslip, PayslipLine } from "./show-payslip.js";

const SHOWN_KINDS = new Set(["earning", "deduction", "withholding", "info"]);

/**
 * Computes the preview (HR and admin: it shows an employee's pay under a draft policy).
 * @example await previewPolicy(ctx, { yaml, employeeNo: "A0000002", period: "2026-10" })
 */
export async function previewPolicy(
  ctx: ServiceContext,
  o: { yaml: string; employeeNo: string; period: string },
): Promise<Payslip> {
  authorize(ctx, "policies.write");
  const { store, tenantId } = ctx;
  const period = requirePeriod(o.period, "期间", "period");
  const no = o.employeeNo.trim();
  const check = checkPolicyText(o.yaml, "policy.yaml");
  if (!check.compiled)
    throw new AppError(
      "POLICY_INVALID",
      `方案有 ${check.errors} 处错误，无法试算`,
      `the policy has ${check.errors} error(s); it cannot be previewed`,
      check.problems
        .filter((p) => p.severity === "error")
        .map((p) => ({ zh: formatProblem(p, "zh"), en: formatProblem(p, "en") })),
    );
  const employee = await storeCall(() => store.employees.findByNo(tenantId, no));
  if (!employee) throw new AppError("NOT_FOUND", `没有工号为 ${no} 的员工`, `no employee ${no}`);
  const inputs = await gatherRunInputs(ctx, period);
  const group = inputs.groups.find((g) => g.employees.some((e) => String(e.values.工号 ?? "") === no));
  if (!group)
    throw new AppError(
      "NOT_FOUND",
      `${employee.name}（${no}）在 ${period} 不在职，没有可试算的数据`,
      `${no} is not employed in ${period}; there is nothing to preview`,
    );
  const result = runPayroll(check.compiled, { period, employees: group.employees, prior: inputs.prior });
  if (!result.ok) throw new AppError("CALC_FAILED", result.problem.zh, result.problem.en);
  const run = result.run;
  const index = run.employees.findIndex((e) => String(e.values.工号 ?? "") === no);
  if (run.errors[index])
    throw new AppError(
      "CALC_FAILED",
      `试算失败：${formatEmployeeError(run, index, "zh")}`,
      `the preview failed: ${formatEmployeeError(run, index, "en")}`,
    );
  const slip = getPayslip(run, index);
  const explained = explainPayslip(run, index);
  const lineOf = (l: (typeof explained.lines)[number]): PayslipLine => ({ ...l, notes: l.notes ?? [] });
  const [tenant, teams] = await Promise.all([
    storeCall(() => store.tenants.get(tenantId)),
    storeCall(() => store.teams.list(tenantId)),
  ]);
  const values = run.employees[index]!.values;
  const grade = values.职级 === undefined || values.职级 === "" ? null : String(values.职级);
  return {
    period,
    company: tenant.name,
    status: "preview",
    employee: {
      no,
      name: employee.name,
      team: teams.find((t) => t.id === employee.teamId)?.name ?? null,
      grade,
    },
    gross: slip.gross.toFixed(2),
    deductions: slip.deductions.toFixed(2),
    net: slip.net.toFixed(2),
    confirmedAt: null,
    lines: explained.lines.filter((l) => SHOWN_KINDS.has(l.kind)).map(lineOf),
    details: explained.details.map(lineOf),
    questions: [],
  };
}
