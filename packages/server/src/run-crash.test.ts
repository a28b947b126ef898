/**
 * A run killed with SIGKILL mid-way (payslips partly written, run row still in progress) leaves nothing behind
 * once the next attempt takes its stale lock over: a real child process on a temporary SQLite file.
 */

import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import type { AppError } from "./app-error.js";
import { openServerStore, type ServerStore } from "./context.js";
import { loadDemoCompany } from "./services/load-demo-company.js";
import { runPayrollService } from "./services/run-payroll.js";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "../../..");
const CHILD = join(here, "crash-run-child.ts");
const PERIOD = "2026-08";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("a run killed with SIGKILL", () => {
  let store: ServerStore | undefined;
  let child: ChildProcess | undefined;
  afterAll(async () => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await store?.close();
  });

  it("leaves no half-written run: the next attempt takes the stale lock over and starts clean", async () => {
    const dir = mkdtempSync(join(tmpdir(), "xinsuan-crash-"));
    const path = join(dir, "xinsuan.db");
    store = await openServerStore(`sqlite:${path}`, { keyPath: join(dir, "xinsuan.key") });
    const { tenantId } = await loadDemoCompany(store, "hr:test");
    const ctx = { store, tenantId, actor: "hr:test" };
    const s = store;

    const proc = spawn(
      process.execPath,
      [join(root, "packages/cli/bin/run-ts.js"), CHILD, path, tenantId, PERIOD],
      {
        cwd: root,
        stdio: ["ignore", "pipe", "pipe"],
      },
    );
    child = proc;
    let stderr = "";
    proc.stderr?.on("data", (d: Buffer) => {
      stderr += d.toString();
    });
    const exited = new Promise<NodeJS.Signals | number | null>((r) =>
      proc.on("exit", (code, signal) => r(signal ?? code)),
    );

    // Poll the database until the child's run exists with payslips written, then kill it.
    const deadline = Date.now() + 15_000;
    let killed: { id: string; slips: number } | undefined;
    while (!killed) {
      if (Date.now() > deadline || proc.exitCode !== null) throw new Error(`child never stalled: ${stderr}`);
      const run = (await s.runs.listRuns(tenantId, PERIOD)).find((r) => r.lockToken !== null);
      const slips = run ? (await s.runs.listPayslips(tenantId, run.id)).length : 0;
      if (run && slips > 0) killed = { id: run.id, slips };
      else await sleep(50);
    }
    proc.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");

    // The dead run is still there, in progress, never calculated.
    const stale = await s.runs.getRun(tenantId, killed.id);
    expect([stale.status, stale.finishedAt]).toEqual(["draft", null]);
    // Within the take-over timeout (default 2 minutes) it still holds the lock.
    const refused = await runPayrollService(ctx, { period: PERIOD }).catch((e: AppError) => e);
    expect((refused as AppError).code).toBe("RUN_IN_PROGRESS");

    await sleep(300);
    const r = await runPayrollService(ctx, { period: PERIOD, takeoverAfterMs: 200 });
    expect(r.errors).toEqual([]);
    const slips = await s.runs.listPayslips(tenantId, r.runId);
    expect(slips).toHaveLength(r.employeeCount);
    expect(new Set(slips.map((p) => p.employeeNo)).size).toBe(r.employeeCount);
    expect((await s.runs.listRuns(tenantId, PERIOD)).map((x) => [x.id, x.status])).toEqual([
      [r.runId, "calculated"],
    ]);
    const left = await s.db
      .selectFrom("run_payslips")
      .select((eb) => eb.fn.countAll<number>().as("n"))
      .where("run_id", "=", killed.id)
      .executeTakeFirstOrThrow();
    expect(Number(left.n)).toBe(0);
    const audit = await s.audit.list(tenantId, { entityId: killed.id });
    expect(audit.map((a) => a.action)).toEqual(["run.takeover"]);
  }, 30_000);
});
