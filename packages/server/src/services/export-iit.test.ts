import { Dec } from "@xinsuan/core";
import type { PayslipRecord } from "@xinsuan/store";
import { beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../app-error.js";
import { openServerStore, type ServerStore, type ServiceContext } from "../context.js";
import { IIT_WAGE_HEADERS } from "../io/iit-columns.js";
import { exportIit } from "./export-iit.js";
import { exportSi } from "./export-si.js";
import { parseCsv, readWorkbook, sheetRows } from "./export-test-setup.js";
import { splitDeductions } from "./iit-rows.js";
import { loadDemoCompany } from "./load-demo-company.js";
import { runPayrollService } from "./run-payroll.js";

/** A valid 18-digit 身份证号 (GB 11643 check digit) for serial `n`. */
function idNumber(n: number): string {
  const body = `31010119900101${String(n).padStart(3, "0")}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const s = [...body].reduce((t, ch, i) => t + Number(ch) * w[i]!, 0);
  return body + "10X98765432"[s % 11]!;
}

let store: ServerStore;
let ctx: ServiceContext;
let slips: PayslipRecord[];
const ids = new Map<string, string>();

beforeAll(async () => {
  store = await openServerStore("sqlite::memory:", { ephemeralKey: true });
  const demo = await loadDemoCompany(store, "hr", { history: true });
  ctx = { store, tenantId: demo.tenantId, actor: "hr:test" };
  const all = await store.employees.list(ctx.tenantId, { limit: 1000 });
  for (const [i, e] of all.entries()) ids.set(e.employeeNo, idNumber(i + 1));
  for (const [no, id] of ids) await store.employees.update(ctx.tenantId, no, { idNumber: id });
  const run = (await store.runs.listRuns(ctx.tenantId, "2026-08")).at(-1)!;
  slips = await store.runs.listPayslips(ctx.tenantId, run.id);
}, 60_000);

const cents = (slip: PayslipRecord, name: string) => Dec.fromCoefficient(slip.lines[name] ?? 0, 2);
const total = (xs: Dec[]) => xs.reduce((s, x) => s.add(x), Dec.ZERO).toFixed(2);
const column = (rows: (string | number | null)[][], header: string) => {
  const k = rows[0]!.indexOf(header);
  return rows.slice(1).map((r) => Dec.parse(String(r[k] ?? 0)));
};

describe("exportIit", () => {
  it("lays the 正常工资薪金所得 sheet out in the client's column order, one row per paid employee", async () => {
    const r = await exportIit(ctx, { period: "2026-08" });
    const wb = await readWorkbook(r.bytes);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["正常工资薪金所得"]); // demo: no bonus, no labour
    const rows = sheetRows(wb.getWorksheet("正常工资薪金所得")!);
    expect(rows[0]).toEqual([...IIT_WAGE_HEADERS]);
    expect(rows[0]!.slice(0, 6)).toEqual([
      "工号",
      "*姓名",
      "*证件类型",
      "*证件号码",
      "本期收入",
      "本期免税收入",
    ]);
    expect(rows[0]!.at(-1)).toBe("备注");
    expect(rows.length - 1).toBe(r.wage);
    expect(r.wage + r.skipped.length).toBe(slips.length);
  });

  it("sums each amount column exactly to the run's stored lines", async () => {
    const r = await exportIit(ctx, { period: "2026-08" });
    const rows = sheetRows((await readWorkbook(r.bytes)).getWorksheet("正常工资薪金所得")!);
    const pairs: [string, string][] = [
      ["基本养老保险费", "个人养老保险"],
      ["基本医疗保险费", "个人医疗保险"],
      ["失业保险费", "个人失业保险"],
      ["住房公积金", "个人住房公积金"],
    ];
    for (const [col, line] of pairs)
      expect(total(column(rows, col))).toBe(total(slips.map((s) => cents(s, line))));
    // welfare-6tier has one taxable deduction (培训补贴扣回, reduces taxable income) and no tax-free earning.
    const income = slips.map((s) => cents(s, "应税收入").sub(cents(s, "培训补贴扣回")));
    expect(total(column(rows, "本期收入"))).toBe(total(income));
    expect(r.wageIncome).toBe(total(income));
    expect(total(column(rows, "本期免税收入"))).toBe("0.00");
  });

  it("writes the decrypted 身份证号 and 居民身份证 for every row", async () => {
    const r = await exportIit(ctx, { period: "2026-08" });
    const rows = sheetRows((await readWorkbook(r.bytes)).getWorksheet("正常工资薪金所得")!);
    for (const row of rows.slice(1)) {
      expect(row[2]).toBe("居民身份证");
      expect(row[3]).toBe(ids.get(String(row[0])));
    }
  });

  it("gives the same main sheet as CSV", async () => {
    const x = await exportIit(ctx, { period: "2026-08" });
    const c = await exportIit(ctx, { period: "2026-08", format: "csv" });
    const csv = parseCsv(new TextDecoder().decode(c.bytes).replace(/^\uFEFF/, ""));
    expect(csv[0]).toEqual([...IIT_WAGE_HEADERS]);
    expect(csv.length - 1).toBe(x.wage);
  });

  it("records export.iit in the audit log with counts and no ID numbers", async () => {
    await exportIit(ctx, { period: "2026-09" });
    const entries = await store.audit.list(ctx.tenantId, { entity: "run" });
    const mine = entries.filter((e) => e.action === "export.iit");
    expect(mine.length).toBeGreaterThan(0);
    const json = JSON.stringify(mine);
    expect(json).toContain("2026-09");
    for (const id of ids.values()) expect(json).not.toContain(id);
  });

  it("leaves ID numbers out of the SI summary", async () => {
    const r = await exportSi(ctx, { period: "2026-08" });
    const wb = await readWorkbook(r.bytes);
    const cells = wb.worksheets.flatMap((s) => sheetRows(s).flat()).map(String);
    for (const id of ids.values()) expect(cells).not.toContain(id);
  });

  it("refuses employees with income but no ID number, naming them, and writes no audit entry", async () => {
    const no = slips.find((s) => (s.lines.应税收入 ?? 0) > 0)!.employeeNo;
    await store.employees.update(ctx.tenantId, no, { idNumber: null });
    const before = (await store.audit.list(ctx.tenantId, { entity: "run" })).length;
    try {
      const err = await exportIit(ctx, { period: "2026-08" }).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(AppError);
      expect((err as AppError).code).toBe("INPUT_INVALID");
      expect(JSON.stringify((err as AppError).details)).toContain(no);
      expect((await store.audit.list(ctx.tenantId, { entity: "run" })).length).toBe(before);
    } finally {
      await store.employees.update(ctx.tenantId, no, { idNumber: ids.get(no)! });
    }
  });

  it("refuses a period that is calculated but not approved", async () => {
    await runPayrollService(ctx, { period: "2026-10" });
    await expect(exportIit(ctx, { period: "2026-10" })).rejects.toMatchObject({ code: "RUN_NOT_READY" });
  });
});

describe("splitDeductions", () => {
  it("splits by declared kind when the declarations add up to the run's cumulative total", () => {
    const s = splitDeductions(
      Dec.parse("5000"),
      new Map([
        ["子女教育", Dec.parse("4000")],
        ["住房租金", Dec.parse("1000")],
      ]),
    );
    expect(s.note).toBe("");
    expect(s.amounts.累计子女教育?.toFixed(2)).toBe("4000.00");
    expect(s.amounts.累计住房租金?.toFixed(2)).toBe("1000.00");
    expect(s.amounts.累计赡养老人?.toFixed(2)).toBe("0.00");
  });

  it("leaves the kind columns empty and notes the total when they do not add up or have no column", () => {
    const s = splitDeductions(Dec.parse("3000"), new Map([["子女教育", Dec.parse("2000")]]));
    expect(s.amounts.累计子女教育).toBeNull();
    expect(s.note).toContain("3000.00");
    expect(splitDeductions(Dec.parse("500"), new Map([["大病医疗", Dec.parse("500")]])).note).not.toBe("");
    expect(splitDeductions(Dec.ZERO, undefined).note).toBe("");
  });
});
