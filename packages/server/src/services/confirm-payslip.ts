/**
 * The employee confirms receipt of their own payslip of a period (approved runs only). Only the employee
 * themself may confirm (FORBIDDEN otherwise); confirming again keeps the first time. Audit-logged.
 * @example const { confirmedAt } = await confirmPayslip(ctx, { period: "2026-09", employeeNo: "A0000002" })
 */

import { AppError } from "../app-error.js";
import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";
import { chooseShownRun } from "./run-view-cache.js";
import { visibleEmployee } from "./show-payslip.js";

/**
 * Refuses unless the caller is this employee (their own payslip).
 * @example requireSelf(ctx, employee)
 */
export function requireSelf(ctx: ServiceContext, e: { id: string }): void {
  const p = ctx.principal;
  if (p && p.employeeId === e.id) return;
  throw new AppError(
    "FORBIDDEN",
    "只有本人可以确认或就自己的工资条提问",
    "only the employee themself can confirm or ask about their payslip",
  );
}

/**
 * Records the confirmation.
 * @example await confirmPayslip(ctx, { period: "2026-09", employeeNo: "A0000002" })
 */
export async function confirmPayslip(
  ctx: ServiceContext,
  o: { period: string; employeeNo: string },
): Promise<{ confirmedAt: string }> {
  const e = await visibleEmployee(ctx, o.employeeNo);
  requireSelf(ctx, e);
  const run = await chooseShownRun(ctx, o.period, false);
  const confirmedAt = await storeCall(() =>
    ctx.store.feedback.confirm(ctx.tenantId, { runId: run.id, employeeId: e.id }),
  );
  await storeCall(() =>
    ctx.store.audit.append(ctx.tenantId, {
      actor: ctx.actor,
      action: "payslip.confirm",
      entity: "run",
      entityId: run.id,
      after: { period: o.period, employeeNo: e.employeeNo },
    }),
  );
  return { confirmedAt };
}
