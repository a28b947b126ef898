import { describe, expect, it } from "vitest";
import { AppError } from "../app-error.js";
import { openServerStore, type ServiceContext } from "../context.js";
import { addPolicyVersion } from "./add-policy-version.js";
import { decideGradeReview, firstDayOfNextPeriod } from "./decide-grade-review.js";
import { importDataset } from "./import-dataset.js";
import { importEmployees } from "./import-employees.js";
import { ensureTenant } from "./init-workspace.js";
import { listGradeCandidates } from "./list-grade-candidates.js";
import { runPayrollService } from "./run-payroll.js";

// Base pay by 职级; a promotion rule: 初级 for 3 full months or more with a score of 80 or above → 中级.
const POLICY = `
id: grade-review-test
name: 职级测试
description: 按职级定基本工资；初级满 3 个月且得分 80 以上列为晋升中级的候选
version: 1
effectiveFrom: 2026-01-01
inputs:
  得分: { type: number, min: 0, max: 100 }
tables:
  底薪表:
    keys: [{ name: 职级, type: text }]
    value: money
    rows: { 初级: 4000, 中级: 5000 }
calcs:
  职级月数: { formula: "MONTHS(职级生效日期, 期间结束)", display: integer }
state:
  上月得分: { initial: 0, next: 得分 }
items:
  - { name: 基本工资, kind: earning, formula: "底薪表[职级]" }
checks:
  - name: 晋升候选：中级
    when: AND(职级 = "初级", 职级月数 >= 3, 得分 >= 80)
    message: 初级 {职级月数} 个月，本月得分 {得分}
    grade: 中级
`;

const rows = (...cells: Record<string, string>[]) => cells.map((c, i) => ({ rowNumber: i + 2, cells: c }));
const staff = (工号: string, 姓名: string, 入职日期: string) => ({
  工号,
  姓名,
  职级: "初级",
  用工类型: "全职",
  入职日期,
});

async function workspace(): Promise<ServiceContext> {
  const store = await openServerStore("sqlite::memory:", { ephemeralKey: true });
  const { tenant } = await ensureTenant(store, "晋升测试公司");
  const ctx = { store, tenantId: tenant.id, actor: "hr:li" };
  await addPolicyVersion(ctx, { yaml: POLICY, file: "p.yaml", effectiveFrom: "2026-01-01" });
  await importEmployees(ctx, {
    file: "员工.csv",
    rows: rows(
      staff("E1", "张三", "2026-01-05"),
      staff("E2", "李四", "2026-02-01"),
      staff("E3", "王五", "2026-08-01"), // MONTHS(2026-08-01, 2026-09-30) = 1, by October's end 2: not yet
    ),
  });
  return ctx;
}

const scores = (ctx: ServiceContext, period: string) =>
  importDataset(ctx, {
    period,
    kind: "scores",
    file: `得分-${period}.csv`,
    rows: rows({ 工号: "E1", 得分: "85" }, { 工号: "E2", 得分: "90" }, { 工号: "E3", 得分: "95" }),
  });

async function basePay(ctx: ServiceContext, runId: string): Promise<Record<string, number | undefined>> {
  const slips = await ctx.store.runs.listPayslips(ctx.tenantId, runId);
  return Object.fromEntries(slips.map((s) => [s.employeeNo, s.lines.基本工资 as number | undefined]));
}

describe("promotion and demotion review", () => {
  it("a promotion confirmed and applied next period; a rejected one changes nothing", async () => {
    const ctx = await workspace();
    await scores(ctx, "2026-09");
    const sep = await runPayrollService(ctx, { period: "2026-09" });
    expect(await basePay(ctx, sep.runId)).toEqual({ E1: 400000, E2: 400000, E3: 400000 });

    const listed = await listGradeCandidates(ctx, { period: "2026-09" });
    expect(listed.runId).toBe(sep.runId);
    expect(listed.changes).toEqual({ added: 2, updated: 0, removed: 0, kept: 0 });
    expect(
      listed.candidates.map((c) => [c.employeeNo, c.employeeName, c.fromGrade, c.toGrade, c.status]),
    ).toEqual([
      ["E1", "张三", "初级", "中级", "pending"],
      ["E2", "李四", "初级", "中级", "pending"],
    ]);
    // MONTHS(2026-01-05, 2026-09-30) = 8 full months; E2 from 2026-02-01: 7.
    expect(listed.candidates.map((c) => c.reason)).toEqual([
      "初级 8 个月，本月得分 85",
      "初级 7 个月，本月得分 90",
    ]);

    const [e1, e2] = listed.candidates;
    const confirmed = await decideGradeReview(ctx, { id: e1!.id, decision: "confirmed" });
    expect([confirmed.status, confirmed.decidedBy, confirmed.effectiveFrom]).toEqual([
      "confirmed",
      "hr:li",
      "2026-10-01",
    ]);
    const rejected = await decideGradeReview(ctx, {
      id: e2!.id,
      decision: "rejected",
      comment: "本季度有投诉",
    });
    expect([rejected.status, rejected.comment]).toEqual(["rejected", "本季度有投诉"]);

    const again = await decideGradeReview(ctx, { id: e2!.id, decision: "confirmed" }).catch(
      (e: unknown) => e,
    );
    expect(again).toBeInstanceOf(AppError);
    expect((again as AppError).zh).toMatch(
      /E2 李四 的“晋升候选：中级”（2026-09）已于 .* 由 hr:li 驳回，不能再次审批/,
    );

    // The decision does not change the period decided on: its grade starts the next period.
    const [emp1, emp2] = await Promise.all(
      ["E1", "E2"].map((no) => ctx.store.employees.findByNo(ctx.tenantId, no)),
    );
    const h = ctx.store.history;
    expect((await h.gradeOn(ctx.tenantId, emp1!.id, "2026-09-30"))!.grade).toBe("初级");
    const next = await h.gradeOn(ctx.tenantId, emp1!.id, "2026-10-01");
    expect([next!.grade, next!.effectiveFrom]).toEqual(["中级", "2026-10-01"]);
    expect(next!.reason).toMatch(/^晋升审批 2026-09 晋升候选：中级：初级 → 中级/);
    expect((await h.gradeOn(ctx.tenantId, emp2!.id, "2026-10-31"))!.grade).toBe("初级");

    await scores(ctx, "2026-10");
    const oct = await runPayrollService(ctx, { period: "2026-10" });
    expect(oct.errorCount).toBe(0);
    expect(await basePay(ctx, oct.runId)).toEqual({ E1: 500000, E2: 400000, E3: 400000 });

    // Listing September again keeps both decisions; October finds E2 again, not E1 (中级 now) nor E3 (2 months).
    const sepAgain = await listGradeCandidates(ctx, { period: "2026-09" });
    expect(sepAgain.changes).toEqual({ added: 0, updated: 0, removed: 0, kept: 2 });
    expect(sepAgain.candidates.map((c) => c.status)).toEqual(["confirmed", "rejected"]);
    const octList = await listGradeCandidates(ctx, { period: "2026-10" });
    expect(octList.candidates.map((c) => [c.employeeNo, c.status])).toEqual([["E2", "pending"]]);

    const audit = await ctx.store.audit.list(ctx.tenantId, { entity: "grade_review" });
    expect(audit.map((a) => a.action).sort()).toEqual([
      "grade_review.candidates",
      "grade_review.candidates",
      "grade_review.confirm",
      "grade_review.reject",
    ]);
    await ctx.store.close();
  });

  it("refuses a period without a calculated run, and an unknown review", async () => {
    const ctx = await workspace();
    const none = await listGradeCandidates(ctx, { period: "2026-09" }).catch((e: unknown) => e);
    expect((none as AppError).code).toBe("RUN_NOT_READY");
    const unknown = await decideGradeReview(ctx, { id: "nope", decision: "confirmed" }).catch(
      (e: unknown) => e,
    );
    expect((unknown as AppError).code).toBe("NOT_FOUND");
    expect(firstDayOfNextPeriod("2026-12")).toBe("2027-01-01");
    await ctx.store.close();
  });
});
