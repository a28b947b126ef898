/**
 * A period's run as people look at it: the register data (loadExportData) and the engine's runs recomputed from
 * the same inputs, for explanations. Kept in memory per run id (the few most recent), because many agents open
 * their payslips of the same month; a run's payslips never change once it is finished, and a new run has a new id.
 * @example const v = await loadRunView(ctx, "2026-09", { draft: false }); v.rowOf("A0000002")
 */

import { type ExplainedPayslip, explainPayslip, type PayrollRun } from "@xinsuan/core";
import type { Run } from "@xinsuan/store";
import { AppError } from "../app-error.js";
import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";
import { type ExportData, type ExportEmployee, loadExportData } from "./export-data.js";
import { computeRuns, findEmployeeRun } from "./run-inputs.js";

/** A loaded run. @example const v: RunView = await loadRunView(ctx, "2026-09") */
export type RunView = {
  run: Run;
  data: ExportData;
  runs: PayrollRun[];
  rowOf(employeeNo: string): ExportEmployee | undefined;
  /** The employee's explained payslip (remembered for the most recent EXPLAINED_KEEP employees of the run). */
  explain(employeeNo: string): ExplainedPayslip | undefined;
};

/** How many explained payslips a run view remembers. @example EXPLAINED_KEEP === 20_000 */
export const EXPLAINED_KEEP = 20_000;

/** Run states an agent may see. @example FINAL_STATES.has("approved") */
export const FINAL_STATES: ReadonlySet<string> = new Set(["approved", "paid", "locked"]);

const KEEP = 4;
const cache = new Map<string, Promise<RunView>>();

/**
 * The run of `period` to show: the latest final one, else (with `draft`) the latest calculated one.
 * NOT_FOUND when there is none to show.
 * @example const run = await chooseShownRun(ctx, "2026-10", true)
 */
export async function chooseShownRun(ctx: ServiceContext, period: string, draft: boolean): Promise<Run> {
  const runs = await storeCall(() => ctx.store.runs.listRuns(ctx.tenantId, period));
  const final = runs.filter((r) => FINAL_STATES.has(r.status)).at(-1);
  const latest = runs.at(-1);
  const shown = final ?? (draft && latest?.status === "calculated" ? latest : undefined);
  if (!shown)
    throw new AppError("NOT_FOUND", `${period} 还没有可查看的工资条`, `no payslips of ${period} to show yet`);
  return shown;
}

async function load(ctx: ServiceContext, period: string, run: Run): Promise<RunView> {
  const data = await loadExportData(ctx, { period, draft: !FINAL_STATES.has(run.status) });
  const runs = computeRuns(data.inputs);
  const byNo = new Map(data.rows.map((r) => [r.employeeNo, r]));
  const explained = new Map<string, ExplainedPayslip | undefined>();
  const explain = (no: string) => {
    if (explained.has(no)) return explained.get(no);
    const found = findEmployeeRun(runs, no);
    const e = found ? explainPayslip(found.run, found.index) : undefined;
    if (explained.size >= EXPLAINED_KEEP) explained.delete(explained.keys().next().value as string);
    explained.set(no, e);
    return e;
  };
  return { run: data.run, data, runs, rowOf: (no) => byNo.get(no), explain };
}

/**
 * The view of a period's shown run, from the cache when it is there.
 * @example const v = await loadRunView(ctx, "2026-09", { draft: true })
 */
export async function loadRunView(
  ctx: ServiceContext,
  period: string,
  o: { draft: boolean },
): Promise<RunView> {
  const run = await chooseShownRun(ctx, period, o.draft);
  const key = `${ctx.tenantId}/${run.id}/${run.status}`;
  let hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  hit = load(ctx, period, run);
  cache.set(key, hit);
  hit.catch(() => cache.delete(key));
  while (cache.size > KEEP) cache.delete(cache.keys().next().value as string);
  return hit;
}
