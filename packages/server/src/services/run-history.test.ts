/**
 * History-based runs on SQLite: a retro adjustment paid in a later month changes that month's and the next months'
 * cumulative tax (figures worked by hand below), a policy change on the 16th splits October into two segments,
 * approved claims reach the run with their approver in the explanation, and an approved split run recomputes to
 * the 分.
 */

import { Dec, explainPayslip, getPayslip } from "@xinsuan/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../app-error.js";
import { openServerStore, type ServerStore, type ServiceContext } from "../context.js";
import { addPolicyVersion } from "./add-policy-version.js";
import { approveRun } from "./approve-run.js";
import { assignPolicy } from "./assign-policy.js";
import { companyPolicy } from "./company-policy.js";
import { declareDeduction } from "./declare-deduction.js";
import { importDataset } from "./import-dataset.js";
import { importEmployees } from "./import-employees.js";
import { importLedger } from "./import-ledger.js";
import { ensureTenant } from "./init-workspace.js";
import { listPolicies } from "./list-policies.js";
import { computeRuns, findEmployeeRun, gatherRunInputs, runPayrollService } from "./run-payroll.js";
import { verifyRun } from "./verify-run.js";

const policy = (base: string, version = 1) => `id: history-test
name: 测试方案
version: ${version}
description: 测试用：底薪加成交提成，个税按累计预扣
effectiveFrom: 2026-01-01
params:
  底薪标准: { value: ${base}, type: money }
  每单提成: { value: 5, type: money }
inputs:
  成交单数: { type: integer, default: 0, min: 0 }
items:
  - { name: 基本工资, kind: earning, formula: 底薪标准 }
  - { name: 成交提成, kind: earning, formula: 每单提成 * 成交单数 }
statutory:
  city: 上海
  socialInsurance: false
  tax: 累计预扣
  minimumWage: false
`;

let store: ServerStore;
let n = 0;
beforeAll(async () => {
  store = await openServerStore("sqlite::memory:", { ephemeralKey: true });
});
afterAll(() => store.close());

/** A company with E1 (hired 2026-08-01, so no earlier ledger is needed) and E2, on the test policy. */
async function company(hire = "2026-08-01"): Promise<ServiceContext> {
  const { tenant } = await ensureTenant(store, `历史公司${++n}`);
  const ctx = { store, tenantId: tenant.id, actor: "hr:li" };
  await addPolicyVersion(ctx, { yaml: policy("15000"), file: "p.yaml", effectiveFrom: "2026-01-01" });
  const agent = { 团队: "一组", 职级: "客服专员", 用工类型: "全职", 入职日期: hire };
  await importEmployees(ctx, {
    file: "员工.csv",
    rows: [
      { rowNumber: 2, cells: { 工号: "E1", 姓名: "张三", ...agent } },
      { rowNumber: 3, cells: { 工号: "E2", 姓名: "李四", ...agent } },
    ],
  });
  return ctx;
}

async function runAndApprove(ctx: ServiceContext, period: string) {
  const r = await runPayrollService(ctx, { period });
  expect(r.errors).toEqual([]);
  await approveRun(ctx, { period });
  return r;
}

async function line(ctx: ServiceContext, period: string, no: string, name: string): Promise<string> {
  const run = (await store.runs.listRuns(ctx.tenantId, period)).at(-1);
  const slips = await store.runs.listPayslips(ctx.tenantId, run!.id);
  const slip = slips.find((s) => s.employeeNo === no)!;
  return Dec.fromCoefficient(slip.lines[name] ?? 0, 2).toFixed(2);
}

async function employeeId(ctx: ServiceContext, no: string): Promise<string> {
  return (await store.employees.list(ctx.tenantId)).find((e) => e.employeeNo === no)!.id;
}

describe("a retro adjustment", () => {
  it("is paid as its own line and moves this and later months' cumulative tax", async () => {
    const ctx = await company();
    const control = await company();
    for (const c of [ctx, control]) {
      await runAndApprove(c, "2026-08");
      await runAndApprove(c, "2026-09");
    }
    await store.adjustments.add(ctx.tenantId, {
      employeeId: await employeeId(ctx, "E1"),
      forPeriod: "2026-08",
      payPeriod: "2026-10",
      kind: "补发",
      amount: "5000.00",
      taxable: true,
      reason: "8月绩效漏发",
      createdBy: "hr:li",
    });
    for (const c of [ctx, control]) {
      await runAndApprove(c, "2026-10");
      await runAndApprove(c, "2026-11");
    }
    // Taxable 10000 a month after 5000 deduction; 3% up to 36000 cumulative, then 10% − 2520.
    // Oct: control 30000×3% − 600 = 300; with 5000 more: 35000×3% − 600 = 450.
    // Nov: control 40000×10% − 2520 − 900 = 580; adjusted 45000×10% − 2520 − 1050 = 930.
    expect(await line(ctx, "2026-10", "E1", "补发（调整）")).toBe("5000.00");
    expect(await line(control, "2026-10", "E1", "个人所得税")).toBe("300.00");
    expect(await line(ctx, "2026-10", "E1", "个人所得税")).toBe("450.00");
    expect(await line(control, "2026-11", "E1", "个人所得税")).toBe("580.00");
    expect(await line(ctx, "2026-11", "E1", "个人所得税")).toBe("930.00");
    expect(await line(ctx, "2026-11", "E2", "个人所得税")).toBe("580.00");
    expect(await line(ctx, "2026-11", "E1", "补发（调整）")).toBe("0.00");

    const g = await gatherRunInputs(ctx, "2026-10");
    const { run, index: i } = findEmployeeRun(computeRuns(g), "E1")!;
    const explained = explainPayslip(run, i).lines.find((l) => l.name === "补发（调整）")!;
    expect(explained.refs[0]!.source).toContain("2026-08 补发 5000.00：8月绩效漏发（hr:li");
    expect((await verifyRun(ctx, { period: "2026-10" })).same).toBe(true);
  });

  it("refuses a run that would drop an adjustment of someone not employed in the period", async () => {
    const ctx = await company();
    await runAndApprove(ctx, "2026-08");
    const e2 = await employeeId(ctx, "E2");
    await store.db.updateTable("employees").set({ leave_date: "2026-08-31" }).where("id", "=", e2).execute();
    await store.adjustments.add(ctx.tenantId, {
      employeeId: e2,
      forPeriod: "2026-08",
      payPeriod: "2026-09",
      kind: "补扣",
      amount: "100.00",
      taxable: true,
      reason: "多发餐补",
      createdBy: "hr:li",
    });
    const err = await runPayrollService(ctx, { period: "2026-09" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("RUN_NOT_READY");
    expect((err as AppError).details[0]!.zh).toContain("E2 李四：2026-08 补扣 100.00");
    expect(await store.runs.listRuns(ctx.tenantId, "2026-09")).toEqual([]);
  });
});

describe("a policy change in the middle of a month", () => {
  it("splits October at the 16th: changed lines prorated by days, unchanged lines whole, tax on the sum", async () => {
    const ctx = await company();
    await importDataset(ctx, {
      period: "2026-10",
      kind: "orders",
      file: "订单.csv",
      rows: [{ rowNumber: 2, cells: { 工号: "E1", 成交单数: "10" } }],
    });
    await runAndApprove(ctx, "2026-08");
    await runAndApprove(ctx, "2026-09");
    await addPolicyVersion(ctx, { yaml: policy("18600", 2), file: "p2.yaml", effectiveFrom: "2026-10-16" });
    await runAndApprove(ctx, "2026-10");
    // 15000 × 15/31 = 7258.06 (rounded), then 18600 × 16/31 = 9600.00: 16858.06 in all.
    expect(await line(ctx, "2026-10", "E1", "基本工资")).toBe("16858.06");
    expect(await line(ctx, "2026-10", "E1", "成交提成")).toBe("50.00");
    // Cumulative taxable 10000 + 10000 + 16908.06 − 5000 = 31908.06; × 3% = 957.24; − 600 withheld = 357.24.
    expect(await line(ctx, "2026-10", "E1", "个人所得税")).toBe("357.24");

    const g = await gatherRunInputs(ctx, "2026-10");
    expect(g.groups[0]!.segments.map((s) => [s.version.version, s.from, s.to])).toEqual([
      [1, "2026-10-01", "2026-10-15"],
      [2, "2026-10-16", "2026-10-31"],
    ]);
    const { run, index: i } = findEmployeeRun(computeRuns(g), "E1")!;
    const base = explainPayslip(run, i).lines.find((l) => l.name === "基本工资")!;
    expect(base.substituted).toBe("第1段·基本工资 7258.06 + 第2段·基本工资 9600.00");
    expect(base.refs.map((r) => r.source)).toEqual([
      "第1版方案 10月1日–10月15日：整月 15000.00 × 15/31 天（在职日历天数折算）",
      "第2版方案 10月16日–10月31日：整月 18600.00 × 16/31 天（在职日历天数折算）",
    ]);
    expect(getPayslip(run, i).lines.find((l) => l.name === "基本工资")?.value).toBeDefined();
    expect((await verifyRun(ctx, { period: "2026-10" })).same).toBe(true);
    await runAndApprove(ctx, "2026-11");
    expect(await line(ctx, "2026-11", "E1", "基本工资")).toBe("18600.00");
  });

  it("refuses a new version that would take effect inside an approved period", async () => {
    const ctx = await company();
    await runAndApprove(ctx, "2026-08");
    const err = await addPolicyVersion(ctx, {
      yaml: policy("16000", 2),
      file: "p2.yaml",
      effectiveFrom: "2026-08-20",
    }).catch((e: unknown) => e);
    expect((err as AppError).code).toBe("RUN_IMMUTABLE");
    expect((err as AppError).zh).toContain("2026-08");
    const p = await companyPolicy(ctx);
    expect((await store.policies.listVersions(ctx.tenantId, p!.id)).length).toBe(1);
  });
});

describe("claims", () => {
  it("only approved claims reach the run, added to the imported value, with their approver explained", async () => {
    const ctx = await company();
    await importDataset(ctx, {
      period: "2026-08",
      kind: "orders",
      file: "订单.csv",
      rows: [{ rowNumber: 2, cells: { 工号: "E1", 成交单数: "10" } }],
    });
    const e1 = await employeeId(ctx, "E1");
    const submit = (evidence: string) =>
      store.claims.submit(ctx.tenantId, {
        employeeId: e1,
        period: "2026-08",
        inputName: "成交单数",
        quantity: "1",
        evidence,
        submittedBy: "agent:E1",
      });
    const a = await submit("REC-0812-001");
    const b = await submit("REC-0812-002");
    await submit("REC-0812-003");
    await store.claims.decide(ctx.tenantId, a.id, {
      status: "approved",
      by: "lead:wang",
      comment: "录音确认",
    });
    await store.claims.decide(ctx.tenantId, b.id, {
      status: "rejected",
      by: "lead:wang",
      comment: "非本人成交",
    });
    await runPayrollService(ctx, { period: "2026-08" });
    expect(await line(ctx, "2026-08", "E1", "成交提成")).toBe("55.00");
    const { run, index: i } = findEmployeeRun(computeRuns(await gatherRunInputs(ctx, "2026-08")), "E1")!;
    const ref = explainPayslip(run, i)
      .lines.find((l) => l.name === "成交提成")!
      .refs.find((r) => r.label === "成交单数")!;
    expect(ref.value).toBe("11");
    expect(ref.source).toMatch(
      /^导入值 10 \+ 已批准的申报 1（申报 \w{8}，依据 REC-0812-001，lead:wang \d{4}-\d{2}-\d{2} 批准：录音确认）$/,
    );
  });
});

describe("several policies in one company", () => {
  it("pays each employee by their own assignment, else their team's, else the first policy", async () => {
    const ctx = await company();
    const partTime = policy("3000")
      .replace("id: history-test", "id: part-time-test")
      .replace(
        "  成交单数: { type: integer, default: 0, min: 0 }",
        "  成交单数: { type: integer, default: 0, min: 0 }\n  工时: { type: number, required: true, min: 0 }",
      )
      .replace("items:\n", "items:\n  - { name: 工时工资, kind: earning, formula: 工时 * 20 }\n");
    await addPolicyVersion(ctx, {
      yaml: partTime,
      file: "兼职.yaml",
      effectiveFrom: "2026-01-01",
      policyName: "兼职方案",
    });
    const bad = await assignPolicy(ctx, {
      policyName: "兼职方案",
      employeeNos: ["E2"],
      from: "2026-08-15",
    }).catch((e: unknown) => e);
    expect((bad as AppError).code).toBe("USAGE");
    const unknown = await assignPolicy(ctx, {
      policyName: "兼职方案",
      employeeNos: ["E2", "E9"],
      teamNames: ["九组"],
      from: "2026-08-01",
    }).catch((e: unknown) => e);
    expect((unknown as AppError).details.map((d) => d.zh)).toEqual(["没有团队“九组”", "没有工号“E9”"]);
    await assignPolicy(ctx, { policyName: "兼职方案", employeeNos: ["E2"], from: "2026-08-01" });
    // 工时 is an input of the part-time policy only: checked (and required) for E2, not read for E1.
    const missing = await importDataset(ctx, {
      period: "2026-08",
      kind: "attendance",
      file: "工时.csv",
      rows: [
        { rowNumber: 2, cells: { 工号: "E1", 成交单数: "2", 工时: "" } },
        { rowNumber: 3, cells: { 工号: "E2", 成交单数: "1", 工时: "" } },
      ],
    }).catch((e: unknown) => e);
    expect((missing as AppError).details.map((d) => d.zh)).toEqual(["工时.csv 第3行 “工时”列：缺少必填值"]);
    await importDataset(ctx, {
      period: "2026-08",
      kind: "attendance",
      file: "工时.csv",
      rows: [
        { rowNumber: 2, cells: { 工号: "E1", 成交单数: "2", 工时: "" } },
        { rowNumber: 3, cells: { 工号: "E2", 成交单数: "1", 工时: "8" } },
      ],
    });

    const r = await runPayrollService(ctx, { period: "2026-08" });
    expect(r.groups.map((g) => [g.policy, g.employees])).toEqual([
      ["测试方案", 1],
      ["兼职方案", 1],
    ]);
    expect(await line(ctx, "2026-08", "E1", "基本工资")).toBe("15000.00");
    expect(await line(ctx, "2026-08", "E2", "基本工资")).toBe("3000.00");
    expect(await line(ctx, "2026-08", "E2", "工时工资")).toBe("160.00");
    expect(await line(ctx, "2026-08", "E1", "成交提成")).toBe("10.00");
    await approveRun(ctx, { period: "2026-08" });
    expect((await verifyRun(ctx, { period: "2026-08" })).same).toBe(true);
    const policies = await listPolicies(ctx);
    expect(
      policies.map((p) => [p.name, p.isDefault, p.assignments.map((a) => a.employeeNo ?? a.team)]),
    ).toEqual([
      ["测试方案", true, ["一组"]],
      ["兼职方案", false, ["E2"]],
    ]);
  });
});

describe("a company starting in mid-year", () => {
  it("imports the year-to-date tax ledger once, all-or-nothing, and the first month's tax continues it", async () => {
    const ctx = await company("2026-01-01");
    const refused = await runPayrollService(ctx, { period: "2026-08" });
    expect(refused.errorCount).toBe(2);
    expect(refused.errors[0]!.zh).toContain("缺少本年个税累计台账");
    const bad = await importLedger(ctx, {
      period: "2026-07",
      file: "台账.csv",
      rows: [
        { rowNumber: 2, cells: { 工号: "E1", 个税累计收入: "105000", 个税累计已预扣: "4480.00" } },
        { rowNumber: 3, cells: { 工号: "E9", 个税累计收入: "1" } },
        { rowNumber: 4, cells: { 工号: "E2", 个税累计收入: "-5" } },
      ],
    }).catch((e: unknown) => e);
    expect((bad as AppError).code).toBe("RUN_IMMUTABLE");
    const ctx2 = await company("2026-01-01");
    const invalid = await importLedger(ctx2, {
      period: "2026-07",
      file: "台账.csv",
      rows: [
        { rowNumber: 2, cells: { 工号: "E1", 个税累计收入: "105000", 个税累计已预扣: "4480.00" } },
        { rowNumber: 3, cells: { 工号: "E9", 个税累计收入: "1" } },
        { rowNumber: 4, cells: { 工号: "E2", 个税累计收入: "-5" } },
      ],
    }).catch((e: unknown) => e);
    expect((invalid as AppError).details.map((d) => d.zh)).toEqual([
      "台账.csv 第3行 “工号”列：没有工号为“E9”的员工",
      "台账.csv 第4行 “个税累计收入”列：“-5”不是不小于 0、最多两位小数的金额",
    ]);
    expect(await store.ledger.readState(ctx2.tenantId, "2026-07")).toEqual({ employees: {}, groups: {} });
    // January–July at 15000 a month: 105000 − 7 × 5000 = 70000 taxable, 70000 × 10% − 2520 = 4480 withheld.
    const ledger = (no: string) => ({ 工号: no, 个税累计收入: "105,000.00", 个税累计已预扣: "4480" });
    await importLedger(ctx2, {
      period: "2026-07",
      file: "台账.csv",
      rows: [
        { rowNumber: 2, cells: ledger("E1") },
        { rowNumber: 3, cells: ledger("E2") },
      ],
    });
    await runAndApprove(ctx2, "2026-08");
    // August: 120000 − 8 × 5000 = 80000; 80000 × 10% − 2520 − 4480 = 1000.
    expect(await line(ctx2, "2026-08", "E1", "个人所得税")).toBe("1000.00");
  });
});

describe("declared special additional deductions", () => {
  it("feed the month's tax, kind by kind; a different imported value is refused", async () => {
    const ctx = await company();
    const bad = await declareDeduction(ctx, {
      employeeNo: "E1",
      kind: "子女补贴",
      monthlyAmount: "2000",
      fromMonth: "2026-08",
    }).catch((e: unknown) => e);
    expect((bad as AppError).code).toBe("INPUT_INVALID");
    await declareDeduction(ctx, {
      employeeNo: "E1",
      kind: "子女教育",
      monthlyAmount: "2000",
      fromMonth: "2026-08",
    });
    await declareDeduction(ctx, {
      employeeNo: "E1",
      kind: "住房租金",
      monthlyAmount: "1500.00",
      fromMonth: "2026-01",
      toMonth: "2026-07",
    });
    await importDataset(ctx, {
      period: "2026-08",
      kind: "other",
      file: "扣除.csv",
      rows: [{ rowNumber: 2, cells: { 工号: "E1", 专项附加扣除: "1000" } }],
    });
    const conflict = await runPayrollService(ctx, { period: "2026-08" }).catch((e: unknown) => e);
    expect((conflict as AppError).details.map((d) => d.zh)).toEqual([
      "E1 张三：申报合计 2000.00，导入的数据为 1000",
    ]);
    await importDataset(ctx, {
      period: "2026-08",
      kind: "other",
      file: "扣除-更正.csv",
      rows: [{ rowNumber: 2, cells: { 工号: "E1", 专项附加扣除: "" } }],
      replace: true,
    });
    await runPayrollService(ctx, { period: "2026-08" });
    // (15000 − 5000 − 2000) × 3% = 240; E2 declared nothing: 10000 × 3% = 300.
    expect(await line(ctx, "2026-08", "E1", "个人所得税")).toBe("240.00");
    expect(await line(ctx, "2026-08", "E2", "个人所得税")).toBe("300.00");
    const { run, index } = findEmployeeRun(computeRuns(await gatherRunInputs(ctx, "2026-08")), "E1")!;
    const tax = explainPayslip(run, index);
    const refs = [...tax.lines, ...tax.details]
      .flatMap((l) => l.refs)
      .filter((r) => r.label === "专项附加扣除");
    expect(refs[0]!.source).toBe("员工申报：子女教育 2000.00（2026-08 起）");
  });
});
