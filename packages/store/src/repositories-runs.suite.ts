/**
 * The run part of the repository suite: one run in progress per period, batched payslips, immutability after
 * approval, exact money.
 * @example registerRunTests(() => store)
 */

import { beforeAll, expect, it } from "vitest";
import { StoreError } from "./errors.js";
import type { Store } from "./index.js";
import { rejectsWith, setupTenant, slip } from "./suite-kit.js";

/**
 * Registers the run tests inside the caller's describe block; `store` returns the open store.
 * @example registerRunTests(() => s)
 */
export function registerRunTests(store: () => Store): void {
  let s: Store;
  beforeAll(() => {
    s = store();
  });
  const setup = (period?: string) => setupTenant(s, period);
  it("lets one run per period proceed and refuses the concurrent one with RUN_IN_PROGRESS", async () => {
    const { t, period, versionId } = await setup();
    const start = () => s.runs.startRun(t, { period, policyVersionId: versionId, inputsHash: "h1" });
    const results = await Promise.allSettled([start(), start(), start()]);
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as StoreError] : []));
    expect(ok).toHaveLength(1);
    expect(refused.map((e) => e.code)).toEqual(["RUN_IN_PROGRESS", "RUN_IN_PROGRESS"]);
    expect(refused[0]!.zh).toContain("正在进行");
    const run = (ok[0] as PromiseFulfilledResult<Awaited<ReturnType<typeof start>>>).value;
    await s.runs.finishRun(t, run.id, run.lockToken!, { employeeCount: 0, errorCount: 0 });
    const next = await start();
    expect(next.status).toBe("draft");
    await s.runs.abandonRun(t, next.id);
    expect((await start()).lockToken).toBeTruthy();
  });

  it("finishes a run and writes its next state in one transaction (a wrong lock writes neither)", async () => {
    const { t, period, versionId } = await setup();
    const run = await s.runs.startRun(t, { period, policyVersionId: versionId, inputsHash: "h" });
    const state = { employees: { E1: { 个税年度: "2026", 个税累计收入: "12000" } }, groups: {} };
    await expect(
      s.runs.finishRun(t, run.id, "not-the-lock", { employeeCount: 1, errorCount: 0 }, { period, state }),
    ).rejects.toBeInstanceOf(StoreError);
    expect((await s.ledger.readState(t, period)).employees).toEqual({});
    const done = await s.runs.finishRun(
      t,
      run.id,
      run.lockToken!,
      { employeeCount: 1, errorCount: 0 },
      { period, state },
    );
    expect(done.status).toBe("calculated");
    expect((await s.ledger.readState(t, period)).employees).toEqual(state.employees);
  });

  it("takes over a run whose heartbeat is stale, deleting it and its partial payslips, audit-logged", async () => {
    const { t, period, versionId } = await setup();
    const start = (takeoverAfterMs?: number) =>
      s.runs.startRun(t, {
        period,
        policyVersionId: versionId,
        inputsHash: "h",
        takeoverAfterMs,
        actor: "hr:b",
      });
    const dead = await start();
    expect(dead.heartbeatAt).toBe(dead.startedAt);
    await s.runs.savePayslips(t, dead.id, dead.lockToken!, [slip("E1", "1.00"), slip("E2", "2.00")]);
    const beat = (await s.runs.getRun(t, dead.id)).heartbeatAt!;
    expect(beat >= dead.startedAt).toBe(true);
    await rejectsWith(start(), "RUN_IN_PROGRESS");
    await new Promise((r) => setTimeout(r, 20));
    const next = await start(10);
    expect(next.id).not.toBe(dead.id);
    await rejectsWith(s.runs.getRun(t, dead.id), "NOT_FOUND");
    expect(await s.runs.listPayslips(t, dead.id)).toEqual([]);
    expect((await s.runs.listRuns(t, period)).map((r) => r.id)).toEqual([next.id]);
    const audit = await s.audit.list(t, { entityId: dead.id });
    expect(audit.map((a) => [a.action, a.actor, a.after])).toEqual([
      ["run.takeover", "hr:b", { deleted: true, replacedBy: next.id }],
    ]);
    const done = await s.runs.finishRun(t, next.id, next.lockToken!, { employeeCount: 0, errorCount: 0 });
    expect(done.heartbeatAt).toBeNull();
  });

  it("saves payslips in batches in one transaction and makes an approved run immutable", async () => {
    const { t, period, versionId } = await setup();
    const run = await s.runs.startRun(t, { period, policyVersionId: versionId, inputsHash: "h" });
    const many = Array.from({ length: 2100 }, (_, i) => slip(`E${String(i).padStart(5, "0")}`, "3000.00"));
    await rejectsWith(
      s.runs.savePayslips(t, run.id, run.lockToken!, [...many, slip("E00001", "1.00")]),
      "DUPLICATE",
    );
    expect(await s.runs.listPayslips(t, run.id)).toEqual([]);
    await rejectsWith(s.runs.savePayslips(t, run.id, "wrong-token", many), "RUN_NOT_READY");
    await s.runs.savePayslips(t, run.id, run.lockToken!, many);
    expect(await s.runs.listPayslips(t, run.id)).toHaveLength(2100);
    const done = await s.runs.finishRun(t, run.id, run.lockToken!, {
      employeeCount: 2100,
      errorCount: 0,
    });
    expect([done.status, done.lockToken]).toEqual(["calculated", null]);
    const approved = await s.runs.approveRun(t, run.id, "finance:wang");
    expect([approved.status, approved.approvedBy]).toEqual(["approved", "finance:wang"]);

    await rejectsWith(s.runs.savePayslips(t, run.id, run.lockToken!, [slip("NEW", "1.00")]), "RUN_IMMUTABLE");
    await rejectsWith(
      s.runs.finishRun(t, run.id, run.lockToken!, { employeeCount: 1, errorCount: 0 }),
      "RUN_IMMUTABLE",
    );
    await rejectsWith(s.runs.abandonRun(t, run.id), "RUN_IMMUTABLE");
    await rejectsWith(s.runs.approveRun(t, run.id, "again"), "RUN_IMMUTABLE");
    await rejectsWith(
      s.runs.startRun(t, { period, policyVersionId: versionId, inputsHash: "h2" }),
      "RUN_IMMUTABLE",
    );
    expect(await s.runs.listPayslips(t, run.id)).toHaveLength(2100);
    expect((await s.runs.markPaid(t, run.id)).status).toBe("paid");
    expect((await s.runs.lockRun(t, run.id)).status).toBe("locked");
  });

  it("refuses to approve a run with an employee in error", async () => {
    const { t, period, versionId } = await setup();
    const run = await s.runs.startRun(t, { period, policyVersionId: versionId, inputsHash: "h" });
    await s.runs.savePayslips(t, run.id, run.lockToken!, [
      { ...slip("E1", "0"), error: { code: "INPUT", zh: "缺少出勤天数" } },
    ]);
    await s.runs.finishRun(t, run.id, run.lockToken!, { employeeCount: 1, errorCount: 1 });
    await rejectsWith(s.runs.approveRun(t, run.id, "boss"), "RUN_NOT_READY");
    expect((await s.runs.listPayslips(t, run.id))[0]!.error).toEqual({
      code: "INPUT",
      zh: "缺少出勤天数",
    });
  });

  it("stores money as exact decimal text and sums it with Dec (0.10 + 0.20 = 0.30)", async () => {
    const { t, period, versionId } = await setup();
    const run = await s.runs.startRun(t, { period, policyVersionId: versionId, inputsHash: "h" });
    await s.runs.savePayslips(t, run.id, run.lockToken!, [slip("E1", "0.1"), slip("E2", "0.20")]);
    const raw = await s.db
      .selectFrom("run_payslips")
      .select("net")
      .where("tenant_id", "=", t)
      .orderBy("employee_no")
      .execute();
    expect(raw.map((r) => r.net)).toEqual(["0.10", "0.20"]);
    const totals = await s.runs.totals(t, run.id);
    expect([totals.net, totals.gross, totals.payslips]).toEqual(["0.30", "0.30", 2]);
    await rejectsWith(s.runs.savePayslips(t, run.id, run.lockToken!, [slip("E3", "0.105")]), "INVALID");
    await rejectsWith(s.runs.savePayslips(t, run.id, run.lockToken!, [slip("E3", "1e3")]), "INVALID");
  });
}
