/**
 * Approves the calculated run of a period (the latest one): a run with any employee in error is refused, an
 * approved run becomes immutable, and the approval is recorded in the audit log.
 * @example const run = await approveRun(ctx, { period: "2026-10" })
 */

import type { Run } from "@xinsuan/store";
import { AppError } from "../app-error.js";
import { authorize } from "../auth/authorize.js";
import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";

/**
 * Approves the period's latest calculated run, or `runId` when given.
 * @example await approveRun(ctx, { period: "2026-08" })
 */
export async function approveRun(ctx: ServiceContext, o: { period: string; runId?: string }): Promise<Run> {
  authorize(ctx, "runs.approve");
  const { store, tenantId, actor } = ctx;
  return storeCall(async () => {
    const runs = await store.runs.listRuns(tenantId, o.period);
    const run = o.runId ? runs.find((r) => r.id === o.runId) : runs.at(-1);
    if (!run)
      throw new AppError(
        "NOT_FOUND",
        `${o.period} 还没有算薪，请先运行 xinsuan run`,
        `no run for ${o.period} yet`,
      );
    if (run.status === "draft") {
      throw new AppError(
        "RUN_NOT_READY",
        `${o.period} 最近一次算薪尚未完成（正在计算，或上次计算中断）：请等待完成，或重新运行 xinsuan run --period ${o.period}`,
        `the latest run of ${o.period} has not finished (in progress or interrupted); wait or run it again`,
      );
    }
    if (run.errorCount > 0) {
      throw new AppError(
        "RUN_NOT_READY",
        `${o.period} 的算薪有 ${run.errorCount} 名员工出错，不能审批：改正数据后重新计算`,
        `${run.errorCount} employee(s) of ${o.period} are in error; the run cannot be approved`,
      );
    }
    const approved = await store.runs.approveRun(tenantId, run.id, actor);
    await store.audit.append(tenantId, {
      actor,
      action: "run.approve",
      entity: "run",
      entityId: run.id,
      before: { status: run.status },
      after: { status: approved.status, approvedAt: approved.approvedAt },
    });
    return approved;
  });
}
