/**
 * One pay period for the workspace: the state of its current run with the run's totals (decimal text) and the
 * datasets imported into it. A well-formed period the company has not started yet comes back empty (no run, no
 * datasets) so the page can offer the first upload.
 * @example const p = await showPeriod(ctx, { period: "2026-10" }); p.datasets.length
 */

import type { Run, RunStatus } from "@xinsuan/store";
import { AppError } from "../app-error.js";
import { authorize } from "../auth/authorize.js";
import type { ServiceContext } from "../context.js";
import { storeCall } from "../store-errors.js";
import { currentRun } from "./list-periods.js";

/** A run as the workspace shows it. @example const r: RunView = await viewRun(ctx, run) */
export type RunView = {
  id: string;
  status: RunStatus;
  employeeCount: number;
  errorCount: number;
  /** Totals over the stored payslips; null while the run is in progress (draft). */
  gross: string | null;
  deductions: string | null;
  net: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
  startedAt: string;
  finishedAt: string | null;
};

/** An imported file of the period. @example const d: PeriodDataset = { id, kind: "attendance", fileName: "考勤.csv", rows: 60, importedAt } */
export type PeriodDataset = { id: string; kind: string; fileName: string; rows: number; importedAt: string };

/** The period. @example const p: PeriodDetail = await showPeriod(ctx, { period: "2026-09" }) */
export type PeriodDetail = {
  period: string;
  status: RunStatus | null;
  run: RunView | null;
  datasets: PeriodDataset[];
};

const PERIOD_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * USAGE unless `period` is YYYY-MM.
 * @example requirePeriodText("2026-10")
 */
export function requirePeriodText(period: string): void {
  if (!PERIOD_RE.test(period))
    throw new AppError(
      "INPUT_INVALID",
      `期间“${period}”格式不对，应为 YYYY-MM，如 2026-10`,
      `period "${period}" must be YYYY-MM, e.g. 2026-10`,
    );
}

/**
 * A run with its totals (none for a run in progress). No authorisation: callers check.
 * @example const view = await viewRun(ctx, approved)
 */
export async function viewRun(ctx: ServiceContext, run: Run): Promise<RunView> {
  const totals =
    run.status === "draft" ? undefined : await storeCall(() => ctx.store.runs.totals(ctx.tenantId, run.id));
  return {
    id: run.id,
    status: run.status,
    employeeCount: run.employeeCount,
    errorCount: run.errorCount,
    gross: totals?.gross ?? null,
    deductions: totals?.deductions ?? null,
    net: totals?.net ?? null,
    approvedBy: run.approvedBy,
    approvedAt: run.approvedAt,
    startedAt: run.startedAt,
    finishedAt: run.finishedAt,
  };
}

/**
 * Shows `period` (runs.read).
 * @example const { run, datasets } = await showPeriod(ctx, { period: "2026-10" })
 */
export async function showPeriod(ctx: ServiceContext, o: { period: string }): Promise<PeriodDetail> {
  authorize(ctx, "runs.read");
  requirePeriodText(o.period);
  const { store, tenantId } = ctx;
  const [runs, datasets] = await Promise.all([
    storeCall(() => store.runs.listRuns(tenantId, o.period)),
    storeCall(() => store.datasets.listDatasets(tenantId, o.period)),
  ]);
  const run = currentRun(runs);
  return {
    period: o.period,
    status: run?.status ?? null,
    run: run ? await viewRun(ctx, run) : null,
    datasets: datasets.map((d) => ({
      id: d.id,
      kind: d.kind,
      fileName: d.fileName,
      rows: d.rowCount,
      importedAt: d.importedAt,
    })),
  };
}
