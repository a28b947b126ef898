import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Dec } from "@xinsuan/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../app-error.js";
import { addAdjustment } from "./add-adjustment.js";
import { exportRegister } from "./export-register.js";
import {
  type CellValue,
  EVIL_NAME,
  type ExportWorkspace,
  openExportWorkspace,
  parseCsv,
  readWorkbook,
  sheetRows,
} from "./export-test-setup.js";
import { runPayrollService } from "./run-payroll.js";

let w: ExportWorkspace;
let dir: string;
beforeAll(async () => {
  w = await openExportWorkspace();
  dir = await mkdtemp(join(tmpdir(), "xinsuan-export-"));
}, 60_000);
afterAll(async () => {
  await w.store.close();
  await rm(dir, { recursive: true, force: true });
});

async function approvedRun() {
  const runs = await w.store.runs.listRuns(w.ctx.tenantId, "2026-08");
  return runs.find((r) => r.status === "approved")!;
}

/** Sums decimal texts exactly. */
const sum = (values: string[]) => values.reduce((s, v) => s.add(Dec.parse(v)), Dec.ZERO).toFixed(2);
/** An xlsx amount cell back to 2-decimal text (the numbers are whole 分, far below 2^53). */
const amount = (v: CellValue) => (typeof v === "number" ? v.toFixed(2) : String(v));

describe("exportRegister (xlsx)", () => {
  it("has a title, a frozen header and one row per employee, in policy order", async () => {
    const r = await exportRegister(w.ctx, { period: "2026-08" });
    const wb = await readWorkbook(r.bytes);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["工资表", "提醒", "调整"]);
    const sheet = wb.getWorksheet("工资表")!;
    const rows = sheetRows(sheet);
    const title = String(rows[0]![0]);
    expect(title).toContain("示例电商客服中心（演示）");
    expect(title).toContain("2026-08");
    expect(title).toContain("已审批");
    expect(title).not.toContain("草稿");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    const header = rows[1] as string[];
    expect(header.slice(0, 3)).toEqual(["工号", "姓名", "团队"]);
    expect(header.slice(-3)).toEqual(["应发工资", "扣款合计", "实发工资"]);
    const run = await approvedRun();
    const version = await w.store.policies.getVersion(w.ctx.tenantId, run.policyVersionId);
    expect(version.yaml.length).toBeGreaterThan(0);
    const slips = await w.store.runs.listPayslips(w.ctx.tenantId, run.id);
    // every stored pay line that is not a hidden total appears, in the stored (policy) order
    const items = Object.keys(slips[0]!.lines).filter((n) => n !== "应税收入");
    expect(header.filter((h) => items.includes(h))).toEqual(items);
    const data = rows.slice(2).filter((row) => /^[A-Z]*\d+$/.test(String(row[0])));
    expect(data.map((row) => row[0]).sort()).toEqual(slips.map((s) => s.employeeNo).sort());
    expect(r.employees).toBe(slips.length);
    const net = header.indexOf("实发工资");
    for (const row of data) {
      const slip = slips.find((s) => s.employeeNo === row[0])!;
      expect(amount(row[net]!)).toBe(Dec.parse(slip.net).toFixed(2));
    }
    expect(sheet.getRow(3).getCell(net + 1).numFmt).toBe("#,##0.00");
  });

  it("has a 小计 per team and a 合计 equal to the run's totals, summed exactly", async () => {
    const r = await exportRegister(w.ctx, { period: "2026-08" });
    const rows = sheetRows((await readWorkbook(r.bytes)).getWorksheet("工资表")!);
    const header = rows[1] as string[];
    const [team, gross, ded, net] = ["团队", "应发工资", "扣款合计", "实发工资"].map((h) =>
      header.indexOf(h),
    );
    const body = rows.slice(2);
    const subtotals = body.filter((row) => String(row[0]).startsWith("小计"));
    const teams = await w.store.teams.list(w.ctx.tenantId);
    expect(subtotals.map((row) => row[team!]).sort()).toEqual(teams.map((t) => t.name).sort());
    expect(r.teams).toBe(teams.length);
    const run = await approvedRun();
    const slips = await w.store.runs.listPayslips(w.ctx.tenantId, run.id);
    const employees = await w.store.employees.list(w.ctx.tenantId, { limit: 1000 });
    const teamOf = new Map(
      employees.map((e) => [e.employeeNo, teams.find((t) => t.id === e.teamId)?.name ?? ""]),
    );
    for (const s of subtotals) {
      const mine = slips.filter((p) => teamOf.get(p.employeeNo) === s[team!]);
      expect(s[0]).toBe(`小计（${mine.length} 人）`);
      expect(amount(s[net!]!)).toBe(sum(mine.map((p) => p.net)));
      expect(amount(s[gross!]!)).toBe(sum(mine.map((p) => p.gross)));
    }
    const total = body.at(-1)!;
    expect(total[0]).toBe(`合计（${slips.length} 人）`);
    const totals = await w.store.runs.totals(w.ctx.tenantId, run.id);
    expect([amount(total[gross!]!), amount(total[ded!]!), amount(total[net!]!)]).toEqual([
      totals.gross,
      totals.deductions,
      totals.net,
    ]);
    expect(r.totals).toEqual({ gross: totals.gross, deductions: totals.deductions, net: totals.net });
  });

  it("escapes a name that is a formula, and lists warnings with their header", async () => {
    const r = await exportRegister(w.ctx, { period: "2026-08" });
    const wb = await readWorkbook(r.bytes);
    const rows = sheetRows(wb.getWorksheet("工资表")!);
    const evil = rows.find((row) => row[0] === w.evilNo)!;
    expect(evil[1]).toBe(`'${EVIL_NAME}`);
    const warnings = sheetRows(wb.getWorksheet("提醒")!);
    expect(warnings.some((row) => row.join("|") === "工号|姓名|提醒|内容|依据")).toBe(true);
    // the demo's August has agents below the minimum wage (leave days): each is listed with its legal reference
    const listed = warnings.filter((row) => row[2] === "低于最低工资");
    expect(listed.length).toBe(r.warnings);
    expect(listed.length).toBeGreaterThan(0);
    const numbers = new Set(rows.map((row) => row[0]));
    for (const row of listed) {
      expect(numbers.has(row[0]!)).toBe(true);
      expect(String(row[3])).toContain("最低工资标准");
      expect(String(row[4])).toContain("《最低工资规定》");
    }
  });

  it("records the export in the audit log", async () => {
    const before = (await w.store.audit.list(w.ctx.tenantId, { entity: "run" })).length;
    const r = await exportRegister(w.ctx, { period: "2026-08" });
    const entries = await w.store.audit.list(w.ctx.tenantId, { entity: "run" });
    expect(entries.length).toBe(before + 1);
    const last = entries.find((e) => e.action === "export.register")!;
    expect(last.entityId).toBe(r.runId);
    expect(last.after).toMatchObject({
      period: "2026-08",
      format: "xlsx",
      draft: false,
      employees: r.employees,
    });
  });
});

describe("exportRegister: run state", () => {
  it("refuses an unapproved run with RUN_NOT_READY and writes nothing", async () => {
    const out = join(dir, "draft-refused.xlsx");
    const err = await exportRegister(w.ctx, { period: "2026-09", out }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).code).toBe("RUN_NOT_READY");
    await expect(readFile(out)).rejects.toThrow();
  });

  it("exports an unapproved run as a draft marked 草稿", async () => {
    const r = await exportRegister(w.ctx, { period: "2026-09", draft: true });
    expect(r.draft).toBe(true);
    expect(r.fileName).toBe("工资表-2026-09-草稿.xlsx");
    const wb = await readWorkbook(r.bytes);
    expect(wb.worksheets[0]!.name).toBe("工资表（草稿）");
    expect(String(sheetRows(wb.worksheets[0]!)[0]![0])).toMatch(/^【草稿】.*2026-09.*未审批/);
  });

  it("lists the adjustments paid in the period on the 调整 sheet, with a total per kind", async () => {
    const base = { forPeriod: "2026-08", payPeriod: "2026-09", reason: "8月加班费漏算" };
    await addAdjustment(w.ctx, { ...base, employeeNo: w.evilNo, kind: "补发", amount: "300" });
    await addAdjustment(w.ctx, { ...base, employeeNo: w.evilNo, kind: "补发", amount: "0.15" });
    await addAdjustment(w.ctx, { ...base, employeeNo: w.evilNo, kind: "补扣", amount: "50.5" });
    const r = await exportRegister(w.ctx, { period: "2026-09", draft: true });
    const rows = sheetRows((await readWorkbook(r.bytes)).getWorksheet("调整")!);
    expect(rows[1]!.slice(0, 5)).toEqual(["工号", "姓名", "所属期间", "类型", "金额"]);
    const data = rows.filter((row) => row[0] === w.evilNo);
    expect(data.map((row) => [row[1], row[3], row[4]])).toEqual(
      expect.arrayContaining([
        [`'${EVIL_NAME}`, "补发", 300],
        [`'${EVIL_NAME}`, "补发", 0.15],
        [`'${EVIL_NAME}`, "补扣", 50.5],
      ]),
    );
    expect(rows.slice(-2).map((row) => [row[0], row[4]])).toEqual([
      ["补发合计（2 笔）", 300.15],
      ["补扣合计（1 笔）", 50.5],
    ]);
    // recalculated, the run pays them as their own lines: the register shows them, and the 合计 adds up
    await runPayrollService(w.ctx, { period: "2026-09" });
    const again = await exportRegister(w.ctx, { period: "2026-09", draft: true });
    const register = sheetRows((await readWorkbook(again.bytes)).worksheets[0]!);
    const header = register[1] as string[];
    const total = register.at(-1)!;
    expect(total[header.indexOf("补发（调整）")]).toBe(300.15);
    expect(total[header.indexOf("补扣（调整）")]).toBe(50.5);
    expect(header.indexOf("补发（调整）")).toBeLessThan(header.indexOf("应发工资"));
    const run = (await w.store.runs.listRuns(w.ctx.tenantId, "2026-09")).at(-1)!;
    expect(again.totals.net).toBe((await w.store.runs.totals(w.ctx.tenantId, run.id)).net);
  });

  it("refuses an unknown file type and a period with no run", async () => {
    await expect(exportRegister(w.ctx, { period: "2026-08", out: join(dir, "x.pdf") })).rejects.toMatchObject(
      {
        code: "USAGE",
      },
    );
    await expect(exportRegister(w.ctx, { period: "2026-11", draft: true })).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
  });
});

describe("exportRegister (CSV)", () => {
  it("round-trips: UTF-8 with BOM, the same cells as the xlsx, the name escaped, amounts unescaped", async () => {
    const out = join(dir, "工资表.csv");
    const csv = await exportRegister(w.ctx, { period: "2026-08", out });
    const bytes = await readFile(out);
    expect(new Uint8Array(bytes)).toEqual(csv.bytes);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.subarray(3));
    expect(text.endsWith("\r\n")).toBe(true);
    const rows = parseCsv(text);
    const xlsx = sheetRows(
      (await readWorkbook((await exportRegister(w.ctx, { period: "2026-08" })).bytes)).worksheets[0]!,
    );
    expect(rows.length).toBe(xlsx.length);
    rows.forEach((row, i) => {
      const expected = xlsx[i]!;
      expected.forEach((v, k) => {
        if (typeof v !== "number") expect(row[k]).toBe(v ?? "");
        else {
          // an amount: plain decimal text with at least 2 places, the same number as the xlsx cell
          expect(row[k]).toMatch(/^-?\d+\.\d{2,}$/);
          expect(Number(row[k])).toBe(v);
        }
      });
      expect(row.slice(expected.length).every((c) => c === "")).toBe(true);
    });
    expect(rows.find((row) => row[0] === w.evilNo)![1]).toBe(`'${EVIL_NAME}`);
    expect(rows.flat().some((c) => /^-\d/.test(c))).toBe(false);
    const header = rows[1]!;
    expect(rows.at(-1)![header.indexOf("实发工资")]).toBe(csv.totals.net);
  });
});

describe("exportRegister after master data changed (runs last: it edits an employee)", () => {
  it("keeps the name of an employee no longer active in the period, and notes that warnings are recomputed", async () => {
    const run = await approvedRun();
    const slips = await w.store.runs.listPayslips(w.ctx.tenantId, run.id);
    const gone = slips.at(-1)!.employeeNo;
    const e = await w.store.employees.getByNo(w.ctx.tenantId, gone);
    await w.store.employees.update(w.ctx.tenantId, gone, { hireDate: "2026-12-01" });
    const r = await exportRegister(w.ctx, { period: "2026-08" });
    const wb = await readWorkbook(r.bytes);
    const row = sheetRows(wb.worksheets[0]!).find((x) => x[0] === gone)!;
    expect(row[1]).toBe(e.name);
    expect(r.employees).toBe(slips.length);
    const notes = sheetRows(wb.getWorksheet("提醒")!).map((x) => String(x[0]));
    expect(notes.some((n) => n.startsWith("注意：算薪后输入数据有改动"))).toBe(true);
  });
});
