/**
 * Starts a payroll run in the background (for the web workspace, which polls its progress): the caller's right to
 * calculate, the period's format, an approved period and a run already in progress are checked at once, so the
 * request is refused before anything starts; then `runPayrollService` runs with `onProgress` and its outcome is
 * the returned promise (which repeats every check under the run lock).
 * @example const { finished } = await startPayrollRun(ctx, { period: "2026-10", onProgress }); await finished
 */

import { DEFAULT_TAKEOVER_MS } from "@xinsuan/store";
import { AppError } from "../app-error.js";
import { authorize } from "../auth/authorize.js";
import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";
import { type RunPayrollResult, runPayrollService } from "./run-payroll.js";
import { requirePeriodText } from "./show-period.js";

/** The started run. @example const s: StartedRun = await startPayrollRun(ctx, { period: "2026-10" }) */
export type StartedRun = { finished: Promise<RunPayrollResult> };

const FINAL = new Set(["approved", "paid", "locked"]);

/**
 * Checks and starts the run of `period` (runs.calculate); the run itself continues after this returns.
 * @example const { finished } = await startPayrollRun(ctx, { period: "2026-10", onProgress: (d, t) => {} })
 */
export async function startPayrollRun(
  ctx: ServiceContext,
  o: { period: string; onProgress?: (done: number, total: number) => void },
): Promise<StartedRun> {
  authorize(ctx, "runs.calculate");
  requirePeriodText(o.period);
  const runs = await storeCall(() => ctx.store.runs.listRuns(ctx.tenantId, o.period));
  const final = runs.find((r) => FINAL.has(r.status));
  if (final)
    throw new AppError(
      "RUN_IMMUTABLE",
      `${o.period} 的算薪已审批（状态 ${final.status}），不能重新计算；更正请走补发/补扣调整`,
      `the ${o.period} run is ${final.status}; it cannot be calculated again (record an adjustment instead)`,
    );
  const running = runs.find((r) => r.lockToken !== null);
  const fresh = Date.now() - DEFAULT_TAKEOVER_MS;
  if (running && Date.parse(running.heartbeatAt ?? running.startedAt) > fresh)
    throw new AppError(
      "RUN_IN_PROGRESS",
      `${o.period} 已有一次算薪正在进行，请等它结束后再试`,
      `a run for ${o.period} is already in progress; try again when it has finished`,
    );
  const finished = runPayrollService(ctx, {
    period: o.period,
    ...(o.onProgress ? { onProgress: o.onProgress } : {}),
  });
  // The caller attaches its own handlers; this one only keeps an early failure from being "unhandled".
  finished.catch(() => undefined);
  return { finished };
}
