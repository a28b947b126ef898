/**
 * The in-process registry of payroll runs started over HTTP: starting one checks and launches the run in the
 * background (startPayrollRun) and returns a job id at once; the job records the progress the run reports and
 * then its result or its error, shown in the language of whoever asks. Jobs belong to their tenant (another
 * tenant's job id is NOT_FOUND) and finished jobs are kept for an hour. A second run of a period while one is
 * running is RUN_IN_PROGRESS (here at once, and by the run lock in the service).
 * @example const jobs = createRunJobs(); const { jobId } = await jobs.start(ctx, "2026-10"); jobs.view(ctx, jobId, "zh")
 */

import { randomUUID } from "node:crypto";
import { AppError } from "../app-error.js";
import { authorize } from "../auth/authorize.js";
import type { ServiceContext } from "../context.js";
import type { RunPayrollResult } from "../services/run-payroll.js";
import { startPayrollRun } from "../services/start-payroll-run.js";
import { type ErrorBody, errorBody, type Lang } from "./error-body.js";

/** What a poll answers. @example const v: JobView = { state: "running", done: 1000, total: 5000 } */
export type JobView = {
  state: "running" | "done" | "failed";
  period: string;
  done: number;
  total: number;
  result?: { runId: string; employeeCount: number; errorCount: number; net: string };
  error?: ErrorBody;
};

type Job = {
  id: string;
  tenantId: string;
  period: string;
  state: JobView["state"];
  done: number;
  total: number;
  result?: RunPayrollResult;
  failure?: unknown;
  finishedAt?: number;
};

/** The registry. @example const jobs: RunJobs = createRunJobs({ keepMs: 60_000 }) */
export type RunJobs = {
  /** Checks and starts the run of `period`; throws the refusal (FORBIDDEN, RUN_IN_PROGRESS …) at once. */
  start(ctx: ServiceContext, period: string): Promise<{ jobId: string }>;
  /** The job of the context's tenant, or NOT_FOUND. */
  view(ctx: ServiceContext, jobId: string, lang: Lang): JobView;
  /** Resolves when every job still running has finished (tests, shutdown). */
  settle(): Promise<void>;
};

/** How long a finished job stays readable. @example JOB_KEEP_MS === 3_600_000 */
export const JOB_KEEP_MS = 60 * 60 * 1000;

/**
 * Creates an empty registry (one per server).
 * @example const jobs = createRunJobs()
 */
export function createRunJobs(
  o: {
    keepMs?: number;
    /** What starts a run (tests replace it); default startPayrollRun. */
    startRun?: typeof startPayrollRun;
    /** The clock (tests move it); default Date.now. */
    now?: () => number;
    /** Told of a run that failed unexpectedly (not an AppError), e.g. to log its stack. */
    onUnexpected?: (e: unknown) => void;
  } = {},
): RunJobs {
  const keepMs = o.keepMs ?? JOB_KEEP_MS;
  const startRun = o.startRun ?? startPayrollRun;
  const now = o.now ?? Date.now;
  const jobs = new Map<string, Job>();
  const pending = new Set<Promise<unknown>>();
  const prune = () => {
    const cutoff = now() - keepMs;
    for (const [id, j] of jobs) if (j.finishedAt !== undefined && j.finishedAt < cutoff) jobs.delete(id);
  };
  const notFound = (id: string) =>
    new AppError("NOT_FOUND", `找不到算薪任务 ${id}（可能已过期）`, `no run job ${id} (it may have expired)`);
  return {
    async start(ctx, period) {
      prune();
      const busy = [...jobs.values()].some(
        (j) => j.tenantId === ctx.tenantId && j.period === period && j.state === "running",
      );
      authorize(ctx, "runs.calculate");
      if (busy)
        throw new AppError(
          "RUN_IN_PROGRESS",
          `${period} 已有一次算薪正在进行，请等它结束后再试`,
          `a run for ${period} is already in progress; try again when it has finished`,
        );
      const job: Job = {
        id: randomUUID(),
        tenantId: ctx.tenantId,
        period,
        state: "running",
        done: 0,
        total: 0,
      };
      jobs.set(job.id, job);
      try {
        const { finished } = await startRun(ctx, {
          period,
          onProgress: (done, total) => {
            job.done = done;
            job.total = total;
          },
        });
        const tracked = finished.then(
          (result) => {
            job.result = result;
            job.done = job.total = result.employeeCount;
            job.state = "done";
          },
          (e: unknown) => {
            if (!(e instanceof AppError)) o.onUnexpected?.(e);
            job.failure = e;
            job.state = "failed";
          },
        );
        const settled = tracked.finally(() => {
          job.finishedAt = now();
          pending.delete(settled);
        });
        pending.add(settled);
      } catch (e) {
        jobs.delete(job.id);
        throw e;
      }
      return { jobId: job.id };
    },
    view(ctx, jobId, lang) {
      authorize(ctx, "runs.read");
      prune();
      const j = jobs.get(jobId);
      if (!j || j.tenantId !== ctx.tenantId) throw notFound(jobId);
      const base = { state: j.state, period: j.period, done: j.done, total: j.total };
      if (j.state === "done" && j.result) {
        const r = j.result;
        return {
          ...base,
          result: {
            runId: r.runId,
            employeeCount: r.employeeCount,
            errorCount: r.errorCount,
            net: r.totals.net,
          },
        };
      }
      if (j.state === "failed") return { ...base, error: errorBody(j.failure, lang).body };
      return base;
    },
    async settle() {
      await Promise.all([...pending]);
    },
  };
}
