import { existsSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Dec } from "@xinsuan/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../app-error.js";
import { openServerStore, type ServerStore, type ServiceContext } from "../context.js";
import { parseBankTemplate } from "../io/bank-template.js";
import { exportBank } from "./export-bank.js";
import { type CellValue, EVIL_NAME, parseCsv, readWorkbook, sheetRows } from "./export-test-setup.js";
import { loadDemoCompany } from "./load-demo-company.js";

let store: ServerStore;
let ctx: ServiceContext;
let dir: string;
/** 工号 → the clear account number given in the set-up. */
const accounts = new Map<string, string>();
let evilNo = "";

beforeAll(async () => {
  store = await openServerStore("sqlite::memory:", { ephemeralKey: true });
  const demo = await loadDemoCompany(store, "hr:test", { history: true });
  ctx = { store, tenantId: demo.tenantId, actor: "hr:test" };
  const staff = await store.employees.list(ctx.tenantId, { limit: 1000 });
  for (const [i, e] of staff.entries()) {
    // 19 digits: more than a double holds exactly, so a number cell would corrupt it
    const account = `62220200${String(i).padStart(11, "0")}`;
    accounts.set(e.employeeNo, account);
    await store.employees.update(ctx.tenantId, e.employeeNo, {
      bankAccount: account,
      bankName: "工商银行上海分行",
    });
  }
  evilNo = staff[0]!.employeeNo;
  await store.employees.update(ctx.tenantId, evilNo, { name: EVIL_NAME });
  dir = await mkdtemp(join(tmpdir(), "xinsuan-bank-"));
}, 120_000);
afterAll(async () => {
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

async function runOf(period: string) {
  const runs = await store.runs.listRuns(ctx.tenantId, period);
  return runs.find((r) => r.status === "approved")!;
}
const amount = (v: CellValue | undefined) => (typeof v === "number" ? v.toFixed(2) : String(v));
const sum = (values: string[]) => values.reduce((s, v) => s.add(Dec.parse(v)), Dec.ZERO).toFixed(2);
const bankAudits = async () =>
  (await store.audit.list(ctx.tenantId, { entity: "run" })).filter((a) => a.action === "export.bank");

describe("exportBank (generic xlsx)", () => {
  it("has one row per paid employee and a total equal to the run's net total, to the 分", async () => {
    const out = join(dir, "代发.xlsx");
    const r = await exportBank(ctx, { period: "2026-08", out });
    const run = await runOf("2026-08");
    const totals = await store.runs.totals(ctx.tenantId, run.id);
    const slips = await store.runs.listPayslips(ctx.tenantId, run.id);
    expect(r.total).toBe(Dec.parse(totals.net).toFixed(2));
    const paid = slips.filter((s) => Dec.parse(s.net).sign() > 0);
    expect(r.count).toBe(paid.length);
    expect(r.skippedZero).toBe(slips.filter((s) => Dec.parse(s.net).isZero()).length);
    expect(r.count + r.skippedZero).toBe(totals.payslips);

    const rows = sheetRows((await readWorkbook(await readFile(out))).worksheets[0]!);
    expect(rows[0]).toEqual(["账号", "户名", "金额", "开户行", "用途"]);
    const data = rows.slice(1, -1);
    expect(data).toHaveLength(r.count);
    // each row: the clear account (as text, every digit kept), the net of that employee's payslip
    const byAccount = new Map([...accounts].map(([no, acc]) => [acc, no]));
    for (const row of data) {
      const no = byAccount.get(String(row[0]))!;
      expect(no).toBeDefined();
      expect(amount(row[2])).toBe(Dec.parse(slips.find((s) => s.employeeNo === no)!.net).toFixed(2));
      expect(row.slice(3)).toEqual(["工商银行上海分行", "工资 2026-08"]);
    }
    expect(sum(data.map((row) => amount(row[2])))).toBe(Dec.parse(totals.net).toFixed(2));
    const last = rows.at(-1)!;
    expect(last[0]).toBe(`合计（${r.count} 笔）`);
    expect(amount(last[2])).toBe(Dec.parse(totals.net).toFixed(2));
  });

  it("escapes a 户名 that starts with '=' and records the export without account numbers", async () => {
    const before = (await bankAudits()).length;
    const r = await exportBank(ctx, { period: "2026-08", purpose: "八月工资" });
    const rows = sheetRows((await readWorkbook(r.bytes)).worksheets[0]!);
    const evil = rows.find((row) => row[0] === accounts.get(evilNo))!;
    expect(evil[1]).toBe(`'${EVIL_NAME}`);
    expect(evil[4]).toBe("八月工资");
    const audits = await bankAudits();
    expect(audits).toHaveLength(before + 1);
    const entry = audits.at(-1)!;
    expect(entry.actor).toBe("hr:test");
    expect(entry.entityId).toBe((await runOf("2026-08")).id);
    expect(entry.after).toMatchObject({ period: "2026-08", count: r.count, total: r.total });
    const logged = JSON.stringify(entry);
    for (const acc of accounts.values()) expect(logged).not.toContain(acc);
  });
});

describe("exportBank (CSV and templates)", () => {
  it("CSV round trip: the same rows and total as the xlsx, formula text escaped", async () => {
    const x = await exportBank(ctx, { period: "2026-08" });
    const c = await exportBank(ctx, { period: "2026-08", format: "csv" });
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(c.bytes);
    expect(text.startsWith("\uFEFF账号,户名,金额,开户行,用途\r\n")).toBe(true);
    const csv = parseCsv(text.slice(1));
    const xlsx = sheetRows((await readWorkbook(x.bytes)).worksheets[0]!).map((row) => row.map(amount));
    // empty CSV fields are the xlsx's empty cells (which sheetRows drops at the end of a row)
    const trimmed = csv.map((row) => {
      const out = row.map((f) => f || "null");
      while (out.at(-1) === "null") out.pop();
      return out;
    });
    expect(trimmed).toEqual(xlsx);
    expect(csv.find((row) => row[0] === accounts.get(evilNo))![1]).toBe(`'${EVIL_NAME}`);
    expect(csv.at(-1)![2]).toBe(c.total);
  });

  it("a custom template sets the columns, their order, fixed text and 分 amounts", async () => {
    const template = parseBankTemplate(
      [
        "name: 测试银行",
        "sheet: 明细",
        "total: none",
        "amount: fen",
        "columns:",
        "  - { header: 员工编号, source: 工号 }",
        "  - { header: 金额(分), source: 金额 }",
        "  - { header: 币种, value: 人民币 }",
        "  - { header: 卡号, source: 账号 }",
        "  - { header: 序号, source: 序号 }",
      ].join("\n"),
      "my-bank.yaml",
    );
    const r = await exportBank(ctx, { period: "2026-08", template, format: "csv" });
    const rows = parseCsv(new TextDecoder().decode(r.bytes).replace(/^\uFEFF/, ""));
    expect(rows[0]).toEqual(["员工编号", "金额(分)", "币种", "卡号", "序号"]);
    expect(rows).toHaveLength(1 + r.count); // no 合计 row
    const slips = await store.runs.listPayslips(ctx.tenantId, (await runOf("2026-08")).id);
    rows.slice(1).forEach((row, i) => {
      const slip = slips.find((s) => s.employeeNo === row[0])!;
      expect(row[1]).toBe(Dec.parse(slip.net).mul(Dec.HUNDRED).toFixed(0));
      expect(row[1]).toMatch(/^\d+$/);
      expect(row.slice(2)).toEqual(["人民币", accounts.get(slip.employeeNo), String(i + 1)]);
    });
    expect(Dec.parse(sum(rows.slice(1).map((row) => row[1]!))).eq(Dec.parse(r.total).mul(Dec.HUNDRED))).toBe(
      true,
    );
  });

  it("the built-in header-summary template puts 总笔数 / 总金额 (分) first and writes GBK", async () => {
    const r = await exportBank(ctx, { period: "2026-08", template: "header-summary", format: "csv" });
    const rows = parseCsv(new TextDecoder("gb18030").decode(r.bytes));
    expect(rows[0]).toEqual(["总笔数", String(r.count)]);
    expect(rows[1]).toEqual(["总金额", Dec.parse(r.total).mul(Dec.HUNDRED).toFixed(0)]);
    expect(rows[2]).toEqual(["账号", "户名", "金额（分）", "工号", "用途"]);
    expect(rows).toHaveLength(3 + r.count);
    expect([...r.bytes.slice(0, 2)]).toEqual([0xd7, 0xdc]); // 总 in GBK, no BOM
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(r.bytes)).toThrow();
  });

  it("the built-in serial-remark template numbers the rows", async () => {
    const r = await exportBank(ctx, { period: "2026-08", template: "serial-remark" });
    const rows = sheetRows((await readWorkbook(r.bytes)).worksheets[0]!);
    expect(rows[0]).toEqual(["序号", "收款账号", "收款户名", "金额", "币种", "备注"]);
    expect(rows.slice(1, -1).map((row) => row[0])).toEqual(Array.from({ length: r.count }, (_, i) => i + 1));
    expect(rows[1]![4]).toBe("人民币");
  });
});

describe("exportBank refusals", () => {
  it("refuses employees without a bank account, naming each; nothing written, nothing audited", async () => {
    const slips = await store.runs.listPayslips(ctx.tenantId, (await runOf("2026-08")).id);
    const [a, b] = slips.filter((s) => Dec.parse(s.net).sign() > 0).map((s) => s.employeeNo);
    const names = new Map<string, string>();
    for (const no of [a!, b!]) {
      names.set(no, (await store.employees.getByNo(ctx.tenantId, no)).name);
      await store.employees.update(ctx.tenantId, no, { bankAccount: null });
    }
    const before = (await bankAudits()).length;
    const out = join(dir, "refused.xlsx");
    try {
      const e = await exportBank(ctx, { period: "2026-08", out }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(AppError);
      const err = e as AppError;
      expect(err.code).toBe("INPUT_INVALID");
      expect(err.zh).toContain("2 人缺银行卡号");
      expect(err.details).toHaveLength(2);
      for (const no of [a!, b!])
        expect(err.details.some((d) => d.zh.startsWith(`${no} ${names.get(no)}：没有银行卡号`))).toBe(true);
      expect(existsSync(out)).toBe(false);
      expect(await bankAudits()).toHaveLength(before);
    } finally {
      for (const no of [a!, b!])
        await store.employees.update(ctx.tenantId, no, { bankAccount: accounts.get(no)! });
    }
  });

  it("leaves out and lists an employee with a negative net; file + negatives = the run's net", async () => {
    const run = await runOf("2026-09");
    const slips = await store.runs.listPayslips(ctx.tenantId, run.id);
    const negative = slips.filter((s) => Dec.parse(s.net).sign() < 0);
    expect(negative.length).toBeGreaterThan(0); // the demo's September has one (a large 补扣)
    const r = await exportBank(ctx, { period: "2026-09" });
    expect(r.negative.map((n) => [n.employeeNo, n.net])).toEqual(
      negative.map((s) => [s.employeeNo, Dec.parse(s.net).toFixed(2)]),
    );
    const owed = negative.reduce((t, s) => t.add(Dec.parse(s.net)), Dec.ZERO);
    const totals = await store.runs.totals(ctx.tenantId, run.id);
    expect(Dec.parse(r.total).add(owed).toFixed(2)).toBe(Dec.parse(totals.net).toFixed(2));
    expect(r.count + r.skippedZero + r.negative.length).toBe(totals.payslips);
  });

  it("refuses a period without an approved run and a template GBK cannot carry", async () => {
    await expect(exportBank(ctx, { period: "2026-10" })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(exportBank(ctx, { period: "2026-08", template: "no-such-bank" })).rejects.toMatchObject({
      code: "TEMPLATE_NOT_FOUND",
    });
    await store.employees.update(ctx.tenantId, evilNo, { name: "张😀" });
    try {
      const e = (await exportBank(ctx, {
        period: "2026-08",
        template: "header-summary",
        format: "csv",
      }).catch((x: unknown) => x)) as AppError;
      expect(e.code).toBe("INPUT_INVALID");
      expect(e.details[0]!.zh).toContain(`${evilNo} 张😀`);
    } finally {
      await store.employees.update(ctx.tenantId, evilNo, { name: EVIL_NAME });
    }
  });
});
