import { describe, expect, it } from "vitest";
import { AppError } from "../app-error.js";
import type { Principal } from "../auth/principal.js";
import type { ServerStore, ServiceContext } from "../context.js";
import type { RunPayrollResult } from "../services/run-payroll.js";
import type { startPayrollRun } from "../services/start-payroll-run.js";
import { createRunJobs } from "./run-jobs.js";

const person = (role: Principal["role"]): Principal => ({
  userId: `u-${role}`,
  login: role,
  name: role,
  role,
  employeeId: null,
  employeeNo: null,
  teamIds: [],
});
const ctxOf = (tenantId: string, role: Principal["role"] = "hr"): ServiceContext => ({
  store: {} as ServerStore,
  tenantId,
  actor: role,
  principal: person(role),
});

const result = (net: string): RunPayrollResult => ({
  runId: "run-1",
  period: "2026-10",
  policyVersion: 1,
  employeeCount: 3,
  errorCount: 0,
  totals: { gross: "9.00", deductions: "1.00", net, payslips: 3 },
  errors: [],
  groups: [],
  claimCount: 0,
  adjustmentCount: 0,
});

/** A fake run the test finishes by hand, reporting progress through the given callback. */
function fakeRuns() {
  const calls: {
    progress: (done: number, total: number) => void;
    finish: (r: RunPayrollResult) => void;
    fail: (e: unknown) => void;
  }[] = [];
  const start: typeof startPayrollRun = async (_ctx, o) => {
    let finish!: (r: RunPayrollResult) => void;
    let fail!: (e: unknown) => void;
    const finished = new Promise<RunPayrollResult>((ok, ko) => {
      finish = ok;
      fail = ko;
    });
    calls.push({ progress: (d, t) => o.onProgress?.(d, t), finish, fail });
    return { finished };
  };
  return { calls, start };
}

/** The code of the AppError `fn` throws. */
function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return "none";
}

describe("run jobs", () => {
  it("reports progress then the result, and refuses a second run of the period meanwhile", async () => {
    const fake = fakeRuns();
    const jobs = createRunJobs({ startRun: fake.start });
    const { jobId } = await jobs.start(ctxOf("t1"), "2026-10");
    expect(jobs.view(ctxOf("t1"), jobId, "zh")).toMatchObject({ state: "running", done: 0, total: 0 });
    fake.calls[0]!.progress(1000, 3000);
    expect(jobs.view(ctxOf("t1"), jobId, "zh")).toMatchObject({ done: 1000, total: 3000 });
    await expect(jobs.start(ctxOf("t1"), "2026-10")).rejects.toMatchObject({ code: "RUN_IN_PROGRESS" });
    // Another tenant's period of the same name is its own.
    await expect(jobs.start(ctxOf("t2"), "2026-10")).resolves.toHaveProperty("jobId");
    fake.calls[0]!.finish(result("8.00"));
    fake.calls[1]!.fail(new Error("boom"));
    await jobs.settle();
    expect(jobs.view(ctxOf("t1"), jobId, "en")).toEqual({
      state: "done",
      period: "2026-10",
      done: 3,
      total: 3,
      result: { runId: "run-1", employeeCount: 3, errorCount: 0, net: "8.00" },
    });
  });

  it("keeps a job to its tenant and refuses roles that may not run or read", async () => {
    const fake = fakeRuns();
    const jobs = createRunJobs({ startRun: fake.start });
    const { jobId } = await jobs.start(ctxOf("t1"), "2026-10");
    expect(() => jobs.view(ctxOf("t2"), jobId, "zh")).toThrow(AppError);
    expect(() => jobs.view(ctxOf("t2"), jobId, "zh")).toThrow(/no run job/);
    expect(codeOf(() => jobs.view(ctxOf("t1", "agent"), jobId, "zh"))).toBe("FORBIDDEN");
    expect(codeOf(() => jobs.view(ctxOf("t2"), jobId, "zh"))).toBe("NOT_FOUND");
    await expect(jobs.start(ctxOf("t1", "finance"), "2026-11")).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(fake.calls).toHaveLength(1);
    fake.calls[0]!.finish(result("1.00"));
    await jobs.settle();
  });

  it("shows a failure as the error body in the asker's language, and forgets finished jobs after the hour", async () => {
    let clock = 1_000_000;
    const fake = fakeRuns();
    const jobs = createRunJobs({ startRun: fake.start, now: () => clock });
    const { jobId } = await jobs.start(ctxOf("t1"), "2026-10");
    fake.calls[0]!.fail(
      new AppError("CALC_FAILED", "计算失败：缺少数据", "calculation failed: data missing"),
    );
    await jobs.settle();
    expect(jobs.view(ctxOf("t1"), jobId, "en")).toMatchObject({
      state: "failed",
      error: { code: "CALC_FAILED", message: "calculation failed: data missing", details: [] },
    });
    expect(jobs.view(ctxOf("t1"), jobId, "zh").error?.message).toBe("计算失败：缺少数据");
    clock += 59 * 60 * 1000;
    expect(jobs.view(ctxOf("t1"), jobId, "zh").state).toBe("failed");
    clock += 2 * 60 * 1000;
    expect(() => jobs.view(ctxOf("t1"), jobId, "zh")).toThrow(/no run job/);
  });

  it("drops a job whose start was refused, so the period can be run again", async () => {
    const refused = createRunJobs({
      startRun: async () => {
        throw new AppError("RUN_IMMUTABLE", "已审批", "approved");
      },
    });
    await expect(refused.start(ctxOf("t1"), "2026-09")).rejects.toMatchObject({ code: "RUN_IMMUTABLE" });
    await expect(refused.start(ctxOf("t1"), "2026-09")).rejects.toMatchObject({ code: "RUN_IMMUTABLE" });
  });
});
