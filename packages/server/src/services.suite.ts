/**
 * The service suite, run on SQLite and PGlite in memory: init, policy versions, employee and dataset imports,
 * the demo company's three months with the carried ledger, approval and the run lock.
 * @example registerServiceSuite("services on SQLite", "sqlite::memory:")
 */

import { Dec } from "@xinsuan/core";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError, type AppErrorCode } from "./app-error.js";
import { openServerStore, type ServerStore, type ServiceContext } from "./context.js";
import { DEMO_POLICY_FILE, demoPolicyText } from "./demo/demo-policy.js";
import { addPolicyVersion } from "./services/add-policy-version.js";
import { approveRun } from "./services/approve-run.js";
import { companyPolicy } from "./services/company-policy.js";
import { importDataset } from "./services/import-dataset.js";
import { importEmployees, type RosterRow } from "./services/import-employees.js";
import { ensureTenant, initWorkspace } from "./services/init-workspace.js";
import { DEMO_PERIODS, loadDemoCompany } from "./services/load-demo-company.js";
import { canonicalJson, runPayrollService } from "./services/run-payroll.js";
import { verifyRun } from "./services/verify-run.js";

/** Asserts the promise fails with an AppError of `code`. */
async function rejectsWith(p: Promise<unknown>, code: AppErrorCode): Promise<AppError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe(code);
  return err as AppError;
}

const rows = (...cells: Record<string, string>[]): RosterRow[] =>
  cells.map((c, i) => ({ rowNumber: i + 2, cells: c }));

const AGENT = { 团队: "一组", 部门: "客服部", 职级: "客服专员", 用工类型: "全职", 入职日期: "2025-03-02" };

/**
 * Registers the suite for one database URL.
 * @example registerServiceSuite("services on PGlite", "pglite://memory")
 */
export function registerServiceSuite(name: string, url: string): void {
  describe(name, () => {
    let store: ServerStore;
    let n = 0;
    beforeAll(async () => {
      store = await openServerStore(url, { ephemeralKey: true });
    });
    afterAll(() => store.close());
    /** A fresh tenant with the demo policy. */
    async function company(): Promise<ServiceContext> {
      const { tenant } = await ensureTenant(store, `测试公司${++n}`);
      const ctx = { store, tenantId: tenant.id, actor: "hr:test" };
      await addPolicyVersion(ctx, {
        yaml: demoPolicyText(),
        file: DEMO_POLICY_FILE,
        effectiveFrom: "2026-01-01",
      });
      return ctx;
    }

    it("init is idempotent: the second call finds the same company", async () => {
      const a = await initWorkspace({ store, companyName: "甲公司" });
      const b = await initWorkspace({ store, companyName: "甲公司" });
      expect([a.created, b.created]).toEqual([true, false]);
      expect(b.tenant.id).toBe(a.tenant.id);
    });

    it("refuses a policy with errors, listing every problem, and stores nothing", async () => {
      const { tenant } = await ensureTenant(store, "方案错误公司");
      const ctx = { store, tenantId: tenant.id, actor: "hr:test" };
      const broken = demoPolicyText()
        .replace("MIN(出勤比例上限, 出勤天数 / 本月工作日)", "MIN(不存在的名称A, 出勤天数 / 本月工作日)")
        .replace("IF(绩效按出勤折算, 出勤比例, 100%)", "IF(不存在的名称B, 出勤比例, 100%)");
      const err = await rejectsWith(
        addPolicyVersion(ctx, { yaml: broken, file: "p.yaml", effectiveFrom: "2026-01-01" }),
        "POLICY_INVALID",
      );
      const errors = err.details.filter((d) => d.zh.startsWith("错误"));
      expect(errors.length).toBeGreaterThanOrEqual(2);
      expect(err.details.map((d) => d.zh).join("\n")).toMatch(/p\.yaml:\d+:\d+/);
      expect(await companyPolicy(ctx)).toBeUndefined();
      const ok = await addPolicyVersion(ctx, {
        yaml: demoPolicyText(),
        file: "p.yaml",
        effectiveFrom: "2026-01-01",
      });
      expect(ok.version.version).toBe(1);
    });

    it("imports employees all-or-nothing: one bad row names row and column and writes nothing", async () => {
      const ctx = await company();
      const err = await rejectsWith(
        importEmployees(ctx, {
          file: "员工.csv",
          rows: rows(
            { 工号: "E1", 姓名: "张三", ...AGENT },
            { 工号: "E2", 姓名: "李四", ...AGENT, 入职日期: "2026-13-01" },
            { 工号: "E3", 姓名: "王五", ...AGENT, 团队: "二组", 身份证号: "110101199003074518" },
          ),
        }),
        "INPUT_INVALID",
      );
      expect(err.details.map((d) => d.zh)).toEqual([
        "员工.csv 第3行 “入职日期”列：“2026-13-01”不是有效日期，应为 YYYY-MM-DD",
      ]);
      expect(await store.employees.list(ctx.tenantId)).toEqual([]);
      expect(await store.teams.list(ctx.tenantId)).toEqual([]);
      const ok = await importEmployees(ctx, {
        file: "员工.csv",
        rows: rows(
          { 工号: "E1", 姓名: "张三", ...AGENT },
          { 工号: "E3", 姓名: "王五", ...AGENT, 团队: "二组", 身份证号: "110101199003074518" },
        ),
      });
      expect(ok).toEqual({ created: 2, updated: 0, teamsCreated: 2, warnings: [] });
      const again = await importEmployees(ctx, {
        file: "员工2.csv",
        rows: rows({ 工号: "E3", 姓名: "王五", ...AGENT, 团队: "二组", 手机: "13800000000" }),
      });
      expect(again).toEqual({ created: 0, updated: 1, teamsCreated: 0, warnings: [] });
      const e3 = await store.employees.getByNo(ctx.tenantId, "E3", { reveal: true });
      expect([e3.phone, e3.idNumber]).toEqual(["13800000000", "110101199003074518"]);
    });

    it("validates a dataset with the engine's input rules and refuses the same file twice", async () => {
      const ctx = await company();
      await importEmployees(ctx, {
        file: "员工.csv",
        rows: rows({ 工号: "E1", 姓名: "张三", ...AGENT }, { 工号: "E2", 姓名: "李四", ...AGENT }),
      });
      const bad = await rejectsWith(
        importDataset(ctx, {
          period: "2026-08",
          kind: "attendance",
          file: "考勤.csv",
          rows: rows(
            { 工号: "E1", 出勤天数: "abc" },
            { 工号: "E1", 出勤天数: "20" },
            { 工号: "E9", 出勤天数: "40" },
          ),
        }),
        "INPUT_INVALID",
      );
      const lines = bad.details.map((d) => d.zh);
      expect(lines[0]).toMatch(/^考勤\.csv 第2行 “出勤天数”列：/);
      expect(lines).toContain("考勤.csv 第3行 “工号”列：工号“E1”与第2行重复");
      expect(lines).toContain("考勤.csv 第4行 “工号”列：没有工号为“E9”的员工");
      expect(lines.some((l) => l.startsWith("考勤.csv 第4行 “出勤天数”列：40 大于最大值 31"))).toBe(true);
      expect(await store.datasets.listDatasets(ctx.tenantId, "2026-08")).toEqual([]);
      const good = {
        period: "2026-08",
        kind: "attendance" as const,
        file: "考勤.csv",
        rows: rows({ 工号: "E1", 出勤天数: "21", 备注: "x" }, { 工号: "E2", 出勤天数: "20.5", 备注: "" }),
      };
      const first = await importDataset(ctx, good);
      expect(first.dataset.rowCount).toBe(2);
      expect(first.warnings.map((w) => w.zh)).toEqual(["考勤.csv：“备注”列不是方案的输入，已忽略"]);
      const dup = await rejectsWith(
        importDataset(ctx, { ...good, file: "考勤-副本.csv" }),
        "DUPLICATE_IMPORT",
      );
      expect(dup.zh).toContain("已于");
      expect(dup.zh).toContain("未重复导入");
      expect(await store.datasets.listDatasets(ctx.tenantId, "2026-08")).toHaveLength(1);
      const corrected = {
        ...good,
        file: "考勤-更正.csv",
        rows: rows({ 工号: "E2", 出勤天数: "19" }),
      };
      const refused = await rejectsWith(importDataset(ctx, corrected), "DUPLICATE_IMPORT");
      expect(refused.zh).toContain("--replace");
      const replaced = await importDataset(ctx, { ...corrected, replace: true });
      expect(replaced.diff).toEqual({
        replaced: ["考勤.csv"],
        added: [],
        addedCount: 0,
        removed: ["E1"],
        removedCount: 1,
        cells: [{ employeeNo: "E2", column: "出勤天数", before: "20.5", after: "19" }],
        cellCount: 1,
      });
      const sets = await store.datasets.listDatasets(ctx.tenantId, "2026-08");
      expect(sets.map((x) => [x.fileName, x.rowCount])).toEqual([["考勤-更正.csv", 1]]);
      expect(await store.datasets.listRows(ctx.tenantId, sets[0]!.id)).toEqual([
        { rowNumber: 2, employeeNo: "E2", values: { 出勤天数: "19" } },
      ]);
    });

    it("runs the demo company 2026-08 → 09 → 10 with no errors, carrying the tax ledger", async () => {
      const demo = await loadDemoCompany(store, "hr:test");
      expect(demo.loaded).toBe(true);
      expect((await loadDemoCompany(store, "hr:test")).loaded).toBe(false);
      const ctx = { store, tenantId: demo.tenantId, actor: "hr:test" };
      await rejectsWith(runPayrollService(ctx, { period: "2026-10" }), "RUN_NOT_READY");
      const runs = [];
      for (const period of DEMO_PERIODS) {
        const r = await runPayrollService(ctx, { period });
        expect(r.errors).toEqual([]);
        expect(r.errorCount).toBe(0);
        expect(r.employeeCount).toBeGreaterThan(50);
        expect(Dec.parse(r.totals.net).gt(Dec.ZERO)).toBe(true);
        runs.push(r);
      }
      const start = await store.ledger.readState(demo.tenantId, "2026-07");
      const end = await store.ledger.readState(demo.tenantId, "2026-10");
      const slips = await Promise.all(runs.map((r) => store.runs.listPayslips(demo.tenantId, r.runId)));
      const no = slips[0]![0]!.employeeNo;
      const taxable = slips.map((s) => s.find((p) => p.employeeNo === no)!.lines.应税收入!);
      const carried = Dec.parse(end.employees![no]!.个税累计收入!).sub(
        Dec.parse(start.employees![no]!.个税累计收入!),
      );
      expect(carried.toFixed(2)).toBe(
        Dec.fromCoefficient(taxable[0]! + taxable[1]! + taxable[2]!, 2).toFixed(2),
      );
      expect(carried.gt(Dec.ZERO)).toBe(true);
      const approved = await approveRun(ctx, { period: "2026-08" });
      expect([approved.status, approved.approvedBy]).toEqual(["approved", "hr:test"]);
      const audit = await store.audit.list(demo.tenantId, { entity: "run" });
      expect(audit.map((a) => a.action)).toEqual([...DEMO_PERIODS.map(() => "run.calculate"), "run.approve"]);
    });

    it("refuses to approve a run with an employee in error", async () => {
      const ctx = await company();
      await importEmployees(ctx, { file: "员工.csv", rows: rows({ 工号: "E1", 姓名: "张三", ...AGENT }) });
      const run = await runPayrollService(ctx, { period: "2026-08" });
      expect(run.errorCount).toBe(1);
      expect(run.errors[0]!.zh).toContain("E1");
      const err = await rejectsWith(approveRun(ctx, { period: "2026-08" }), "RUN_NOT_READY");
      expect(err.zh).toContain("不能审批");
      expect((await store.runs.getRun(ctx.tenantId, run.runId)).status).toBe("calculated");
    });

    it("refuses a second run of a period while one is in progress, and runs once it is gone", async () => {
      const ctx = await company();
      // Hired in the run's month: no year-to-date tax ledger is needed.
      const hired = { 工号: "E1", 姓名: "张三", ...AGENT, 入职日期: "2026-08-03" };
      await importEmployees(ctx, { file: "员工.csv", rows: rows(hired) });
      await importDataset(ctx, {
        period: "2026-08",
        kind: "attendance",
        file: "考勤.csv",
        rows: rows({ 工号: "E1", 出勤天数: "16", 缴费基数: "7546" }),
      });
      const policy = await companyPolicy(ctx);
      const version = await store.policies.versionInForce(ctx.tenantId, policy!.id, "2026-08-01");
      const other = await store.runs.startRun(ctx.tenantId, {
        period: "2026-08",
        policyVersionId: version!.id,
        inputsHash: "another process",
      });
      const err = await rejectsWith(runPayrollService(ctx, { period: "2026-08" }), "RUN_IN_PROGRESS");
      expect(err.zh).toContain("正在进行");
      await store.runs.abandonRun(ctx.tenantId, other.id);
      const r = await runPayrollService(ctx, { period: "2026-08" });
      expect(r.errors).toEqual([]);
      expect(await store.runs.listRuns(ctx.tenantId, "2026-08")).toHaveLength(1);
    });

    /** A company with two employees hired in 2026-08 and attendance for `periods`. */
    async function smallCompany(periods: string[]): Promise<ServiceContext> {
      const ctx = await company();
      const hired = { ...AGENT, 入职日期: "2026-08-03" };
      await importEmployees(ctx, {
        file: "员工.csv",
        rows: rows({ 工号: "E2", 姓名: "李四", ...hired }, { 工号: "E1", 姓名: "张三", ...hired }),
      });
      for (const period of periods) {
        await importDataset(ctx, {
          period,
          kind: "attendance",
          file: `考勤-${period}.csv`,
          rows: rows(
            { 工号: "E2", 出勤天数: "20", 缴费基数: "8000" },
            { 工号: "E1", 出勤天数: "16", 缴费基数: "7546" },
          ),
        });
      }
      return ctx;
    }

    it("hashes inputs canonically: sorted keys, same text for the same values", () => {
      expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
      expect(canonicalJson({ 工号: "E1", 出勤天数: "20" })).toBe(
        canonicalJson({ 出勤天数: "20", 工号: "E1" }),
      );
    });

    it("recomputes an approved run from its stored inputs to the 分, and finds a tampered payslip", async () => {
      const ctx = await smallCompany(["2026-08", "2026-09"]);
      const aug = await runPayrollService(ctx, { period: "2026-08" });
      expect(aug.errors).toEqual([]);
      await approveRun(ctx, { period: "2026-08" });
      const sep = await runPayrollService(ctx, { period: "2026-09" });
      expect(sep.errors).toEqual([]);
      const stored = await store.runs.getRun(ctx.tenantId, sep.runId);
      expect(stored.inputsHash).toMatch(/^[0-9a-f]{64}$/);
      // The same inputs give the same hash: a recalculation before approval stores the same inputs_hash.
      const again = await runPayrollService(ctx, { period: "2026-09" });
      expect((await store.runs.getRun(ctx.tenantId, again.runId)).inputsHash).toBe(stored.inputsHash);
      await approveRun(ctx, { period: "2026-09" });
      expect(await verifyRun(ctx, { period: "2026-08" })).toEqual({
        same: true,
        runId: aug.runId,
        inputsHash: expect.any(String),
      });
      const ok = await verifyRun(ctx, { period: "2026-09" });
      expect(ok).toEqual({ same: true, runId: again.runId, inputsHash: stored.inputsHash });
      const slip = (await store.runs.listPayslips(ctx.tenantId, again.runId)).find(
        (p) => p.employeeNo === "E2",
      )!;
      await sql`update run_payslips set net = ${"0.01"} where run_id = ${again.runId} and employee_no = ${"E2"}`.execute(
        store.db,
      );
      const bad = await verifyRun(ctx, { period: "2026-09" });
      expect(bad.same).toBe(false);
      if (bad.same) return;
      expect(bad.inputsChanged).toBe(false);
      expect(bad.differences).toEqual([
        { employeeNo: "E2", column: "实发工资", stored: "0.01", recomputed: Dec.parse(slip.net).toFixed(2) },
      ]);
    });

    it("lets one of two concurrent runs of a period proceed; the other gets RUN_IN_PROGRESS", async () => {
      const ctx = await smallCompany(["2026-08"]);
      const results = await Promise.allSettled([
        runPayrollService(ctx, { period: "2026-08" }),
        runPayrollService(ctx, { period: "2026-08" }),
      ]);
      const ok = results.filter((r) => r.status === "fulfilled");
      const refused = results.flatMap((r) => (r.status === "rejected" ? [r.reason as AppError] : []));
      expect(ok).toHaveLength(1);
      expect(refused.map((e) => e.code)).toEqual(["RUN_IN_PROGRESS"]);
      expect(await store.runs.listRuns(ctx.tenantId, "2026-08")).toHaveLength(1);
    });
  });
}
