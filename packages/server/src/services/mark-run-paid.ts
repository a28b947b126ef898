/**
 * Marks the approved run of a period as paid (发放完成) once the bank has paid the salaries: only an approved run
 * can become paid; the change is recorded in the audit log.
 * @example const run = await markRunPaid(ctx, { period: "2026-09" }); run.status === "paid"
 */

import type { Run } from "@xinsuan/store";
import { AppError } from "../app-error.js";
import { authorize } from "../auth/authorize.js";
import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";
import { requirePeriodText } from "./show-period.js";

/**
 * Marks `period`'s approved run paid (runs.markPaid); RUN_NOT_READY unless it is approved.
 * @example await markRunPaid(ctx, { period: "2026-09" })
 */
export async function markRunPaid(ctx: ServiceContext, o: { period: string }): Promise<Run> {
  authorize(ctx, "runs.markPaid");
  requirePeriodText(o.period);
  const { store, tenantId, actor } = ctx;
  return storeCall(async () => {
    const runs = await store.runs.listRuns(tenantId, o.period);
    if (runs.length === 0)
      throw new AppError("NOT_FOUND", `${o.period} 还没有算薪`, `no run for ${o.period} yet`);
    const run = runs.find((r) => r.status === "approved");
    if (!run) {
      const paid = runs.find((r) => r.status === "paid" || r.status === "locked");
      throw paid
        ? new AppError(
            "STATE_CONFLICT",
            `${o.period} 的工资已标记为已发放`,
            `the ${o.period} run is already marked paid`,
          )
        : new AppError(
            "RUN_NOT_READY",
            `${o.period} 的算薪尚未审批，审批后才能标记为已发放`,
            `the ${o.period} run is not approved; approve it before marking it paid`,
          );
    }
    const paid = await store.runs.markPaid(tenantId, run.id);
    await store.audit.append(tenantId, {
      actor,
      action: "run.paid",
      entity: "run",
      entityId: run.id,
      before: { status: run.status },
      after: { status: paid.status, period: o.period },
    });
    return paid;
  });
}
