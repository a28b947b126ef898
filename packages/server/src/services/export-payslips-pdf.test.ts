import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import JSZip from "jszip";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openServerStore, type ServerStore, type ServiceContext } from "../context.js";
import { groupDigits } from "../io/payslip-pdf.js";
import { loadExportData } from "./export-data.js";
import {
  type ExportPayslipsPdfResult,
  explainLine,
  exportPayslipsPdf,
  safeFilePart,
} from "./export-payslips-pdf.js";
import { exportRegister } from "./export-register.js";
import { readWorkbook, sheetRows } from "./export-test-setup.js";
import { loadDemoCompany } from "./load-demo-company.js";
import { runPayrollService } from "./run-payroll.js";

const ARTEFACTS = resolve(import.meta.dirname, "../../../../test-artifacts/payslip-pdf");

/** Runs a poppler tool; fails with a clear message when poppler-utils is not installed. */
function poppler(tool: "pdftotext" | "pdftoppm", args: string[]): { status: number; stdout: string } {
  const r = spawnSync(tool, args, { encoding: "utf8" });
  if (r.error && (r.error as NodeJS.ErrnoException).code === "ENOENT")
    throw new Error(
      `${tool} is missing: install Debian's poppler-utils (apt-get install -y poppler-utils; .ci/run does)`,
    );
  return { status: r.status ?? -1, stdout: r.stdout };
}

let store: ServerStore;
let ctx: ServiceContext;
let dir: string;
beforeAll(async () => {
  store = await openServerStore("sqlite::memory:", { ephemeralKey: true });
  const demo = await loadDemoCompany(store, "hr", { history: true });
  ctx = { store, tenantId: demo.tenantId, actor: "hr" };
  dir = mkdtempSync(join(tmpdir(), "payslip-pdf-"));
}, 120_000);
afterAll(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

let plain: Promise<ExportPayslipsPdfResult> | undefined;
/** The unencrypted export of 2026-08, made once for the tests that only read it. */
function plainExport(): Promise<ExportPayslipsPdfResult> {
  plain ??= exportPayslipsPdf(ctx, { period: "2026-08" });
  return plain;
}

function pdfText(bytes: Uint8Array, password?: string): { status: number; text: string } {
  const file = join(dir, `p-${Math.random().toString(36).slice(2)}.pdf`);
  writeFileSync(file, bytes);
  const r = poppler("pdftotext", [...(password ? ["-upw", password] : []), "-layout", file, "-"]);
  return { status: r.status, text: r.stdout };
}

describe("safeFilePart / explainLine", () => {
  it("replaces characters file systems refuse, keeping Chinese", () => {
    expect(safeFilePart('张/三:"A"*?')).toBe("张_三__A___");
    expect(safeFilePart("  ")).toBe("_");
  });

  it("explains a formula line by its values, an input line by its source", () => {
    const line = { kind: "earning", refs: [], value: "600.00" };
    expect(
      explainLine({
        ...line,
        name: "岗位工资",
        formula: "级别工资 * 阶系数",
        substituted: "级别工资[E] 800.00 × 阶系数[3] 75%",
        sentence: "岗位工资 = 级别工资[E] 800.00 × 阶系数[3] 75% = 600.00",
        note: "600.004 按四舍五入取到分",
      }),
    ).toBe("级别工资[E] 800.00 × 阶系数[3] 75%（600.004 按四舍五入取到分）");
    expect(
      explainLine({
        ...line,
        name: "补贴",
        formula: "",
        substituted: "",
        sentence: "补贴 = 600.00（考勤.csv 第3行“补贴”列）",
      }),
    ).toBe("考勤.csv 第3行“补贴”列");
  });
});

describe("exportPayslipsPdf", () => {
  it("renders one PDF per employee whose text has the company, period, names, every line and the register's net", async () => {
    const reg = await exportRegister(ctx, { period: "2026-08" });
    const rows = sheetRows((await readWorkbook(reg.bytes)).worksheets[0]!);
    const header = rows[1]!.map(String);
    const r = await plainExport();
    const numbers = new Set(r.files.map((f) => f.employeeNo));
    const data = rows.filter((x) => numbers.has(String(x[0])));
    const runs = await store.runs.listRuns(ctx.tenantId, "2026-08");
    expect(data.length).toBe((await store.runs.listPayslips(ctx.tenantId, runs.at(-1)!.id)).length);
    expect(r.files.length).toBe(data.length);
    expect(r.encrypted).toBe(false);
    const tenant = await store.tenants.get(ctx.tenantId);
    // a 2-character and a 3-character name
    for (const len of [2, 3]) {
      const row = data.find((x) => [...String(x[header.indexOf("姓名")])].length === len);
      expect(row, `an employee with a ${len}-character name`).toBeDefined();
      const no = String(row![0]);
      const name = String(row![header.indexOf("姓名")]);
      const f = r.files.find((x) => x.employeeNo === no)!;
      expect(f.name).toBe(`2026-08-${no}-${name}.pdf`);
      const { status, text } = pdfText(f.bytes);
      expect(status).toBe(0);
      expect(text).toContain(tenant.name);
      expect(text).toContain("2026-08 工资条");
      expect(text).toMatch(new RegExp(`姓名：${name}\\s`));
      expect(text).toContain(`工号：${no}`);
      expect(text).toContain("如有疑问请联系人事");
      expect(text).toContain(r.runId);
      // every pay line of the register with a value for this employee, by name, and the net as the register shows it
      const net = Number(row![header.indexOf("实发工资")]).toFixed(2);
      expect(text).toMatch(new RegExp(`实发工资\\s+${groupDigits(net).replace(".", "\\.")}\\b`));
      const gross = Number(row![header.indexOf("应发工资")]).toFixed(2);
      expect(text).toMatch(new RegExp(`应发工资\\s+${groupDigits(gross).replace(".", "\\.")}\\b`));
      for (const col of ["底薪", "个人所得税"].filter((c) => header.includes(c))) expect(text).toContain(col);
    }
  }, 120_000);

  it("writes every line with its amount and an explanation", async () => {
    const r = await plainExport();
    const reg = sheetRows(
      (await readWorkbook((await exportRegister(ctx, { period: "2026-08" })).bytes)).worksheets[0]!,
    );
    const header = reg[1]!.map(String);
    const f = r.files[0]!;
    const row = reg.find((x) => x[0] === f.employeeNo)!;
    const text = pdfText(f.bytes).text;
    // the pay lines and totals of the register (its other columns are calcs and inputs, not lines)
    const lines = new Map(
      (await loadExportData(ctx, { period: "2026-08" })).columns.flatMap((c) =>
        c.line ? [[c.name, Math.max(2, c.line.places)] as const] : [],
      ),
    );
    lines.delete("应税收入");
    let checked = 0;
    header.forEach((name, k) => {
      const places = lines.get(name);
      if (places === undefined) return;
      const shown = groupDigits((row[k] as number).toFixed(places)).replace(".", "\\.");
      expect(text, name).toMatch(new RegExp(`${name}\\s+${shown}`));
      checked++;
    });
    expect(checked).toBeGreaterThan(4);
    expect(text).toContain("=");
    expect(text).toMatch(/应发项目[\s\S]*扣款合计/);
  }, 60_000);

  it("renders page 1 as an image for a look (test-artifacts/payslip-pdf/page-1.png)", async () => {
    const r = await plainExport();
    mkdirSync(ARTEFACTS, { recursive: true });
    const pdf = join(ARTEFACTS, "payslip.pdf");
    writeFileSync(pdf, r.files[0]!.bytes);
    const out = poppler("pdftoppm", [
      "-png",
      "-r",
      "80",
      "-f",
      "1",
      "-l",
      "1",
      "-singlefile",
      pdf,
      join(ARTEFACTS, "page-1"),
    ]);
    expect(out.status).toBe(0);
    const png = readFileSync(join(ARTEFACTS, "page-1.png"));
    expect(png.subarray(1, 4).toString()).toBe("PNG");
    expect(png.length).toBeGreaterThan(10_000);
  }, 60_000);

  it("encrypts with the last 6 characters of the 身份证号, refusing employees without one", async () => {
    const people = await store.employees.list(ctx.tenantId, { limit: 5000 });
    const withId = people.slice(0, 3);
    const ids = ["11010519900307123X", "110105199003071246", "44030119850101002x"];
    for (const [i, e] of withId.entries())
      await store.employees.update(ctx.tenantId, e.employeeNo, { idNumber: ids[i]! });
    const paid = new Set((await plainExport()).files.map((f) => f.employeeNo));
    const without = people.filter((e) => !withId.includes(e) && !e.idNumber && paid.has(e.employeeNo));
    expect(without.length).toBeGreaterThan(0);
    const err = await exportPayslipsPdf(ctx, { period: "2026-08", password: "id6" }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: "INPUT_INVALID" });
    const listed = (err as { details: { zh: string }[] }).details.map((x) => x.zh.split(" ")[0]);
    expect(listed).toEqual(expect.arrayContaining(without.map((e) => e.employeeNo)));
    expect(listed).not.toContain(withId[0]!.employeeNo);
    for (const e of without)
      await store.employees.update(ctx.tenantId, e.employeeNo, {
        idNumber: `1101051990030${e.employeeNo.replace(/\D/g, "").padStart(5, "0")}`,
      });
    const r = await exportPayslipsPdf(ctx, { period: "2026-08", password: "id6" });
    expect(r.encrypted).toBe(true);
    const f = r.files.find((x) => x.employeeNo === withId[0]!.employeeNo)!;
    expect(pdfText(f.bytes).status).not.toBe(0);
    expect(pdfText(f.bytes, "654321").status).not.toBe(0);
    const opened = pdfText(f.bytes, "07123X");
    expect(opened.status).toBe(0);
    expect(opened.text).toContain("2026-08 工资条");
    expect(pdfText(r.files.find((x) => x.employeeNo === withId[2]!.employeeNo)!.bytes, "01002x").status).toBe(
      0,
    );
  }, 120_000);

  it("zips one PDF per employee, writes a folder, refuses an unapproved run and audits the count only", async () => {
    const zipOut = join(dir, "工资条.zip");
    const r = await exportPayslipsPdf(ctx, { period: "2026-08", out: zipOut });
    expect(r.written).toBe("zip");
    const zip = await JSZip.loadAsync(readFileSync(zipOut));
    const names = Object.keys(zip.files).sort();
    expect(names).toEqual(r.files.map((f) => f.name).sort());
    expect(new Set(r.files.map((f) => f.employeeNo)).size).toBe(r.files.length);
    const one = await zip.file(r.files[0]!.name)!.async("uint8array");
    expect(Buffer.from(one).subarray(0, 5).toString()).toBe("%PDF-");
    const folder = join(dir, "pdf");
    expect((await exportPayslipsPdf(ctx, { period: "2026-08", out: folder })).written).toBe("folder");
    expect(readdirSync(folder).sort()).toEqual(names);
    await runPayrollService(ctx, { period: "2026-10" }); // calculated, not approved
    await expect(exportPayslipsPdf(ctx, { period: "2026-10" })).rejects.toMatchObject({
      code: "RUN_NOT_READY",
    });
    const audit = (await store.audit.list(ctx.tenantId, { entity: "run" })).filter(
      (a) => a.action === "export.payslips-pdf",
    );
    expect(audit.at(-1)!.after).toMatchObject({
      period: "2026-08",
      count: r.files.length,
      written: "folder",
    });
    const all = JSON.stringify(audit);
    expect(all).not.toContain("07123X");
    expect(all).not.toContain("11010519900307123X");
  }, 120_000);
});
