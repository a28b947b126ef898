/**
 * Every xlsx export of the demo's approved period opens in LibreOffice: the register, the 工资条 strips, the bank,
 * IIT and SI files are converted headless (`soffice --headless --convert-to csv` with every sheet, and `pdf`),
 * and the CSV text LibreOffice reads back has the expected headers and totals, summed again exactly.
 * Needs `soffice` (libreoffice-calc-nogui, installed by .ci/run); the test fails, not skips, without it.
 */

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Dec } from "@xinsuan/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ExportBankResult, exportBank } from "../services/export-bank.js";
import { type ExportIitResult, exportIit } from "../services/export-iit.js";
import { type ExportPayslipsResult, exportPayslips } from "../services/export-payslips.js";
import { type ExportRegisterResult, exportRegister } from "../services/export-register.js";
import { type ExportSiResult, exportSi } from "../services/export-si.js";
import { type ExportWorkspace, openExportWorkspace, parseCsv } from "../services/export-test-setup.js";

/** A valid 18-digit 身份证号 (GB 11643 check digit) for serial `n`. */
function idNumber(n: number): string {
  const body = `31010119900101${String(n).padStart(3, "0")}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const s = [...body].reduce((t, ch, i) => t + Number(ch) * w[i]!, 0);
  return body + "10X98765432"[s % 11]!;
}

/** Comma 44, quote 34, UTF-8 76, from line 1, …, sheet -1: every sheet to `<name>-<sheet>.csv` (LibreOffice 7.2+). */
const CSV_FILTER = "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1";
const DOCS = ["register", "payslips", "bank", "iit", "si"] as const;

let w: ExportWorkspace;
let dir: string;
let out: string;
const seconds: Record<string, number> = {};
let register: ExportRegisterResult;
let payslips: ExportPayslipsResult;
let bank: ExportBankResult;
let iit: ExportIitResult;
let si: ExportSiResult;

/** Runs soffice with its own profile (no clash with a desktop LibreOffice or another test). */
function soffice(args: string[]): void {
  const profile = pathToFileURL(join(dir, "profile")).href;
  execFileSync("soffice", [`-env:UserInstallation=${profile}`, "--headless", "--norestore", ...args], {
    stdio: "pipe",
    timeout: 240_000,
  });
}

/** The CSV LibreOffice wrote for a document's sheet. */
function csvOf(doc: string, sheet: string): string[][] {
  const file = join(out, `${doc}-${sheet}.csv`);
  expect(existsSync(file), `${file} (written: ${readdirSync(out).join(", ")})`).toBe(true);
  return parseCsv(readFileSync(file, "utf8").replace(/\r?\n/g, "\r\n"));
}

/** Exact sum of a column's amounts as LibreOffice shows them (thousands separators dropped). */
function sumColumn(rows: readonly string[][], col: number): string {
  let total = Dec.ZERO;
  for (const r of rows) {
    const v = (r[col] ?? "").replace(/,/g, "").trim();
    if (v !== "") total = total.add(Dec.parse(v));
  }
  return total.toFixed(2);
}

const amount = (text: string | undefined) => Dec.parse((text ?? "").replace(/,/g, "").trim()).toFixed(2);

beforeAll(async () => {
  w = await openExportWorkspace();
  for (const [i, e] of (await w.store.employees.list(w.ctx.tenantId)).entries())
    await w.store.employees.update(w.ctx.tenantId, e.employeeNo, {
      idNumber: idNumber(i + 1),
      bankAccount: `62220200${String(i).padStart(11, "0")}`,
      bankName: "工商银行上海分行",
    });
  const p = { period: "2026-08" };
  [register, payslips, bank, iit, si] = await Promise.all([
    exportRegister(w.ctx, p),
    exportPayslips(w.ctx, p),
    exportBank(w.ctx, p),
    exportIit(w.ctx, p),
    exportSi(w.ctx, p),
  ]);
  dir = mkdtempSync(join(tmpdir(), "xinsuan-lo-"));
  out = join(dir, "out");
  const bytes = { register, payslips, bank, iit, si };
  for (const d of DOCS) writeFileSync(join(dir, `${d}.xlsx`), bytes[d].bytes);
  const files = DOCS.map((d) => join(dir, `${d}.xlsx`));
  let t = performance.now();
  soffice(["--convert-to", CSV_FILTER, "--outdir", out, ...files]);
  seconds.csv = (performance.now() - t) / 1000;
  t = performance.now();
  soffice(["--convert-to", "pdf", "--outdir", out, ...files]);
  seconds.pdf = (performance.now() - t) / 1000;
  console.info(
    `soffice: 5 files to CSV in ${seconds.csv.toFixed(1)} s, to PDF in ${seconds.pdf.toFixed(1)} s`,
  );
}, 600_000);
afterAll(async () => {
  await w?.store.close();
  if (dir && !process.env.KEEP) rmSync(dir, { recursive: true, force: true });
});

describe("the exports open in LibreOffice", () => {
  it("converts every file to a PDF", () => {
    for (const d of DOCS) {
      const pdf = readFileSync(join(out, `${d}.pdf`));
      expect(pdf.subarray(0, 5).toString("latin1"), d).toBe("%PDF-");
      expect(pdf.length, d).toBeGreaterThan(1000);
    }
  });

  it("reads the register's headers and the 合计 row: every amount column sums to it", () => {
    const rows = csvOf("register", "工资表");
    const h = rows.findIndex((r) => r[0] === "工号");
    expect(h).toBeGreaterThan(-1);
    const header = rows[h]!;
    expect(header).toEqual(
      expect.arrayContaining(["工号", "姓名", "团队", "应发工资", "扣款合计", "实发工资"]),
    );
    const total = rows.find((r) => r[0]?.startsWith("合计"))!;
    expect(total[0]).toBe(`合计（${register.employees} 人）`);
    const net = header.indexOf("实发工资");
    expect(amount(total[net])).toBe(register.totals.net);
    expect(amount(total[header.indexOf("应发工资")])).toBe(register.totals.gross);
    const people = rows.slice(h + 1).filter((r) => /^[A-Z]\d+$/.test(r[0] ?? ""));
    expect(people).toHaveLength(register.employees);
    expect(sumColumn(people, net)).toBe(register.totals.net);
    // the formula-looking name stays text: LibreOffice shows it, it does not compute a link
    expect(people.find((r) => r[0] === w.evilNo)![1]).toContain("HYPERLINK(");
  });

  it("reads one strip per employee in 工资条, with the header above each", () => {
    const rows = csvOf("payslips", "工资条");
    expect(rows[0]![0]).toMatch(/2026-08 工资条/);
    const headers = rows.filter((r) => r[0] === "工号");
    expect(headers).toHaveLength(payslips.strips);
    const net = headers[0]!.indexOf("实发工资");
    const data = rows.filter((_r, i) => i > 0 && rows[i - 1]![0] === "工号");
    expect(data).toHaveLength(payslips.strips);
    expect(sumColumn(data, net)).toBe(register.totals.net);
  });

  it("reads the bank file: one payment per employee paid, the amounts summing to the run's net total", () => {
    const sheet = readdirSync(out).find((f) => f.startsWith("bank-") && f.endsWith(".csv"))!;
    const rows = csvOf("bank", sheet.slice(5, -4));
    const h = rows.findIndex((r) => r.some((c) => /金额/.test(c)));
    expect(h).toBeGreaterThan(-1);
    const col = rows[h]!.findIndex((c) => /金额/.test(c));
    const payments = rows
      .slice(h + 1)
      .filter((r) => /^\d{12,19}$/.test(r.find((c) => /^\d{12,19}$/.test(c)) ?? ""));
    expect(payments).toHaveLength(bank.count);
    expect(sumColumn(payments, col)).toBe(bank.total);
    // 19-digit account numbers come back whole (text, not a rounded number)
    expect(payments.some((r) => r.includes("6222020000000000000"))).toBe(true);
  });

  it("reads the IIT wage sheet: 身份证号 as text and 本期收入 summing to the declared income", () => {
    const sheet = readdirSync(out).find(
      (f) => f.startsWith("iit-") && f.includes("工资") && f.endsWith(".csv"),
    )!;
    const rows = csvOf("iit", sheet.slice(4, -4));
    const h = rows.findIndex((r) => r.includes("本期收入"));
    expect(h).toBeGreaterThan(-1);
    const body = rows.slice(h + 1).filter((r) => r.some((c) => /^\d{17}[\dX]$/.test(c)));
    expect(body).toHaveLength(iit.wage);
    expect(sumColumn(body, rows[h]!.indexOf("本期收入"))).toBe(iit.wageIncome);
  });

  it("reads the SI summary: each item's employee and employer sides over the cities, and the 合计 row", () => {
    const rows = csvOf("si", "汇总");
    const h = rows.findIndex((r) => r[0] === "参保城市");
    expect(rows[h]).toEqual(expect.arrayContaining(["参保城市", "项目", "个人缴纳", "单位缴纳", "合计"]));
    const [item, mine, theirs] = ["项目", "个人缴纳", "单位缴纳"].map((n) => rows[h]!.indexOf(n)) as [
      number,
      number,
      number,
    ];
    const body = rows.slice(h + 1);
    for (const t of si.totals) {
      const lines = body.filter((r) => r[item] === t.item);
      expect(lines.length, t.item).toBe(si.cities.length);
      expect([sumColumn(lines, mine), sumColumn(lines, theirs)], t.item).toEqual([t.employee, t.employer]);
    }
    const total = body.find((r) => r[0] === "合计")!;
    const sum = (k: "employee" | "employer") =>
      si.totals.reduce((a, t) => a.add(Dec.parse(t[k])), Dec.ZERO).toFixed(2);
    expect([amount(total[mine]), amount(total[theirs])]).toEqual([sum("employee"), sum("employer")]);
    expect(sum("employee")).not.toBe("0.00");
  });
});
