/**
 * Assigns a policy to teams or to single employees from a date. An employee's own assignment wins over their
 * team's; an employee with neither is paid by the company's first policy. Assignments start on the first day of
 * a month (a run pays each employee by one policy for the month; a policy's own mid-month change is a new
 * version, which splits the month). A date inside an approved period is refused. Audited.
 * @example await assignPolicy(ctx, { policyName: "兼职客服方案", employeeNos: ["P001"], from: "2026-11-01" })
 */

import { AppError } from "../app-error.js";
import { authorize } from "../auth/authorize.js";
import type { ServiceContext } from "../context.js";
import { inTransaction } from "../context.js";
import { storeCall } from "../store-errors.js";
import { refuseApprovedPeriod } from "./add-policy-version.js";

/** What to assign. @example const a: PolicyAssignmentInput = { policyName: "方案B", teamNames: ["二组"], from: "2026-11-01" } */
export type PolicyAssignmentInput = {
  policyName: string;
  teamNames?: string[];
  employeeNos?: string[];
  from: string;
};

/**
 * Records the assignments; every unknown name is listed and nothing is written.
 * @example const { teams, employees } = await assignPolicy(ctx, { policyName: "方案B", teamNames: ["二组"], from: "2026-11-01" })
 */
export async function assignPolicy(
  ctx: ServiceContext,
  a: PolicyAssignmentInput,
): Promise<{ policyId: string; teams: number; employees: number }> {
  authorize(ctx, "policies.write");
  const { store, tenantId, actor } = ctx;
  const teamNames = a.teamNames ?? [];
  const employeeNos = a.employeeNos ?? [];
  if (teamNames.length + employeeNos.length === 0)
    throw new AppError("USAGE", "请指定团队或员工工号", "name at least one team or employee");
  // A run pays each employee by one policy for the whole month, so assignments start on a month's first day.
  if (!/^\d{4}-\d{2}-01$/.test(a.from) || Number.isNaN(Date.parse(a.from)))
    throw new AppError(
      "USAGE",
      `生效日期“${a.from}”须为某月 1 日（YYYY-MM-01）：员工一个月只按一个方案计薪（方案内容的月中变更用新版本）`,
      `the date must be the first day of a month (YYYY-MM-01); a mid-month change of content is a new version`,
    );
  const policy = await storeCall(() =>
    store.db
      .selectFrom("policies")
      .select(["id", "name"])
      .where("tenant_id", "=", tenantId)
      .where("name", "=", a.policyName)
      .executeTakeFirst(),
  );
  if (!policy)
    throw new AppError(
      "NOT_FOUND",
      `没有名为“${a.policyName}”的方案（xinsuan policy list 查看）`,
      `no policy named "${a.policyName}"`,
    );
  const teams = await storeCall(() => store.teams.list(tenantId));
  const employees = await storeCall(() =>
    employeeNos.length === 0
      ? Promise.resolve([])
      : store.db
          .selectFrom("employees")
          .select(["id", "employee_no"])
          .where("tenant_id", "=", tenantId)
          .where("employee_no", "in", employeeNos)
          .execute(),
  );
  const missing = [
    ...teamNames
      .filter((n) => !teams.some((t) => t.name === n))
      .map((n) => ({ zh: `没有团队“${n}”`, en: `no team "${n}"` })),
    ...employeeNos
      .filter((n) => !employees.some((e) => e.employee_no === n))
      .map((n) => ({ zh: `没有工号“${n}”`, en: `no employee "${n}"` })),
  ];
  if (missing.length > 0)
    throw new AppError(
      "NOT_FOUND",
      "有团队或员工不存在，未分配",
      "unknown teams or employees; nothing assigned",
      missing,
    );
  await refuseApprovedPeriod(ctx, a.from);
  await storeCall(() =>
    inTransaction(store, async (tx) => {
      for (const n of teamNames)
        await tx.policies.assign(tenantId, {
          policyId: policy.id,
          teamId: teams.find((t) => t.name === n)!.id,
          effectiveFrom: a.from,
        });
      for (const e of employees)
        await tx.policies.assign(tenantId, { policyId: policy.id, employeeId: e.id, effectiveFrom: a.from });
      await tx.audit.append(tenantId, {
        actor,
        action: "policy.assign",
        entity: "policy",
        entityId: policy.id,
        after: { policy: policy.name, teams: teamNames, employees: employeeNos, from: a.from },
      });
    }),
  );
  return { policyId: policy.id, teams: teamNames.length, employees: employees.length };
}
