/**
 * The pay periods of the company for the workspace: each period with the state of its current run (the final —
 * approved, paid, locked — run, else the latest), its headcount, 应发 and 实发 totals (decimal text) and how many
 * datasets it holds. Newest period first.
 * @example const items = await listPeriods(ctx); items[0]!.status === "calculated"
 */

import type { Run, RunStatus } from "@xinsuan/store";
import { authorize } from "../auth/authorize.js";
import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";

/** One period of the list. @example const p: PeriodSummary = { period: "2026-09", status: "approved", employeeCount: 60, gross: "480000.00", net: "400000.00", datasets: 2 } */
export type PeriodSummary = {
  period: string;
  /** The current run's state; null when the period has no run. */
  status: RunStatus | null;
  employeeCount: number;
  /** Totals of the current run; null without a finished run. */
  gross: string | null;
  net: string | null;
  datasets: number;
};

/** A period and its runs. @example const p: PeriodRuns = { period: "2026-09", periodId, runs: [], current: undefined } */
export type PeriodRuns = { period: string; periodId: string; runs: Run[]; current: Run | undefined };

const FINAL = new Set<RunStatus>(["approved", "paid", "locked"]);

/**
 * The run that stands for a period: its final run, else its latest (runs in start order).
 * @example currentRun(await store.runs.listRuns(tenantId, "2026-09"))?.status
 */
export function currentRun(runs: readonly Run[]): Run | undefined {
  return runs.filter((r) => FINAL.has(r.status)).at(-1) ?? runs.at(-1);
}

/**
 * Every period of the tenant with its runs and current run, oldest first. No authorisation: callers check.
 * @example const all = await loadPeriodRuns(ctx); all.at(-1)?.current?.status
 */
export async function loadPeriodRuns(ctx: ServiceContext): Promise<PeriodRuns[]> {
  const { store, tenantId } = ctx;
  return storeCall(async () => {
    const periods = await store.db
      .selectFrom("periods")
      .select(["id", "period"])
      .where("tenant_id", "=", tenantId)
      .orderBy("period")
      .execute();
    const runs = await store.runs.listRuns(tenantId);
    return periods.map((p) => {
      const mine = runs.filter((r) => r.periodId === p.id);
      return { period: p.period, periodId: p.id, runs: mine, current: currentRun(mine) };
    });
  });
}

/**
 * Lists the periods, newest first (runs.read).
 * @example const [latest] = await listPeriods(ctx)
 */
export async function listPeriods(ctx: ServiceContext): Promise<PeriodSummary[]> {
  authorize(ctx, "runs.read");
  const { store, tenantId } = ctx;
  const all = await loadPeriodRuns(ctx);
  const counts = await storeCall(() =>
    store.db
      .selectFrom("datasets")
      .select(["period_id", (eb) => eb.fn.countAll<number | string>().as("n")])
      .where("tenant_id", "=", tenantId)
      .groupBy("period_id")
      .execute(),
  );
  const datasets = new Map(counts.map((c) => [c.period_id, Number(c.n)]));
  const out: PeriodSummary[] = [];
  for (const p of [...all].reverse()) {
    const run = p.current;
    const totals =
      run && run.status !== "draft" ? await storeCall(() => store.runs.totals(tenantId, run.id)) : undefined;
    out.push({
      period: p.period,
      status: run?.status ?? null,
      employeeCount: run?.employeeCount ?? 0,
      gross: totals?.gross ?? null,
      net: totals?.net ?? null,
      datasets: datasets.get(p.periodId) ?? 0,
    });
  }
  return out;
}
