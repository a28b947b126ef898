/**
 * Payload types of the 算薪 endpoints: periods, datasets, runs, jobs and the register (see the API contract).
 * @example const p: PeriodDetail = await api.get("/api/v1/periods/2026-10");
 */
import type { RunStatus } from "./types";

/** A dataset kind that can be imported for a period. @example "attendance" */
export type DatasetKind = "attendance" | "kpi" | "orders" | "scores" | "other";

/** The dataset kinds in display order. @example DATASET_KINDS[0] === "attendance" */
export const DATASET_KINDS: readonly DatasetKind[] = ["attendance", "kpi", "orders", "scores", "other"];

/** GET /periods item. @example p.status === "approved" */
export type PeriodSummary = {
  period: string;
  status: RunStatus | null;
  employeeCount: number;
  gross: string | null;
  net: string | null;
  datasets: number;
};

/** A payroll run of a period. @example run.errorCount === 0 */
export type Run = {
  id: string;
  status: RunStatus;
  employeeCount: number;
  errorCount: number;
  gross: string | null;
  deductions: string | null;
  net: string | null;
  approvedBy: string | null;
  approvedAt: string | null;
};

/** An imported dataset. @example d.kind === "attendance" */
export type Dataset = { id: string; kind: string; fileName: string; rows: number; importedAt: string };

/** GET /periods/:period. @example p.run?.status */
export type PeriodDetail = { period: string; status: RunStatus | null; run: Run | null; datasets: Dataset[] };

/** POST /periods/:p/datasets. @example r.rows === 60 */
export type DatasetImportResult = {
  rows: number;
  datasetId?: string;
  kind?: string;
  fileName?: string;
  warnings?: string[];
  diff?: { addedCount: number; removedCount: number; cellCount: number; replaced: string[] } | null;
};

/** GET /jobs/:id. @example j.state === "done" */
export type Job = {
  state: "running" | "done" | "failed";
  done: number;
  total: number;
  result?: { runId: string; employeeCount: number; errorCount: number; net: string };
  error?: { code: string; message: string; details: string[] };
};

/** A register column. @example { name: "实发工资", kind: "total" } */
export type RegisterColumn = { name: string; kind: string };

/** A register row. @example r.values["实发工资"] === "8250.00" */
export type RegisterRow = {
  employeeNo: string;
  name: string;
  team: string | null;
  values: Record<string, string>;
  warnings: string[];
  error: string | null;
};

/** GET /periods/:period/register. @example r.totals.values["实发工资"] */
export type Register = {
  columns: RegisterColumn[];
  rows: RegisterRow[];
  subtotals: { team: string | null; headcount: number; values: Record<string, string> }[];
  totals: { values: Record<string, string> };
};
