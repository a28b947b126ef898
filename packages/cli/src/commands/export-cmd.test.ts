import { existsSync, mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { runCliCaptured } from "../run-cli-captured.js";

let dir = "";
let db = "";

const cli = runCliCaptured;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "xinsuan-export-cli-"));
  db = `sqlite:${join(dir, "ws.db")}`;
  const init = await cli("init", "--demo", "--db", db);
  expect(init.err).toBe("");
  expect(init.code).toBe(0);
  // init --demo approves 2026-08 and 2026-10 as history; 2026-10 is calculated and left unapproved.
  expect((await cli("run", "--period", "2026-10", "--db", db)).code).toBe(0);
}, 120_000);

describe("xinsuan export", () => {
  it("exports the approved register as xlsx and prints the totals of the run", async () => {
    const out = join(dir, "工资表-2026-08.xlsx");
    const r = await cli("export", "register", "--period", "2026-08", "--out", out, "--db", db);
    expect([r.code, r.err]).toEqual([0, ""]);
    expect(r.out).toMatch(
      /^已导出工资表 .*：\d+ 人、3 个团队，应发合计 [\d.]+，扣款合计 [\d.]+，实发合计 [\d.]+/,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((s) => s.name)).toEqual(["工资表", "提醒", "调整"]);
    const net = /实发合计 ([\d.]+)/.exec(r.out)![1]!;
    const sheet = wb.worksheets[0]!;
    const header = sheet.getRow(2).values as unknown[];
    const last = sheet.getRow(sheet.rowCount);
    expect((last.getCell(header.indexOf("实发工资")).value as number).toFixed(2)).toBe(net);
  });

  it("refuses an unapproved period (exit 7, no file) unless --draft, which marks it 草稿", async () => {
    const out = join(dir, "工资表-2026-10.csv");
    const refused = await cli("export", "register", "--period", "2026-10", "--out", out, "--db", db);
    expect(refused.code).toBe(7);
    expect(refused.err).toContain("--draft");
    expect(existsSync(out)).toBe(false);
    const draft = await cli("export", "register", "--period", "2026-10", "--out", out, "--draft", "--db", db);
    expect([draft.code, draft.err]).toEqual([0, ""]);
    expect(draft.out).toContain("草稿");
    const text = readFileSync(out, "utf8");
    expect(text.startsWith("\uFEFF【草稿】")).toBe(true);
    const strips = await cli("export", "payslips", "--period", "2026-10", "--out", out, "--db", db);
    expect(strips.code).toBe(7);
  });

  it("exports payslips as CSV strips, and refuses bad arguments with a usage error", async () => {
    const out = join(dir, "工资条.csv");
    const r = await cli("export", "payslips", "--period", "2026-08", "--out", out, "--db", db);
    expect([r.code, r.err]).toEqual([0, ""]);
    const lines = readFileSync(out, "utf8").split("\r\n");
    expect(lines[1]).toBe("");
    expect(lines[2]!.startsWith("工号,姓名,团队,")).toBe(true);
    expect(lines[5]).toBe(lines[2]);
    expect((await cli("export", "payslips", "--period", "2026-08", "--db", db)).code).toBe(2);
    expect((await cli("export", "register", "--period", "2026-8", "--out", out, "--db", db)).code).toBe(2);
    expect(
      (await cli("export", "register", "--period", "2026-08", "--out", join(dir, "x.pdf"), "--db", db)).code,
    ).toBe(2);
  });
});

describe("the demo company's approved month, one command per document", () => {
  it("exports register, strips, PDF payslips, bank, tax and SI files for 2026-09 after init --demo", async () => {
    const demoDir = mkdtempSync(join(tmpdir(), "xinsuan-docs-"));
    const demoDb = `sqlite:${join(demoDir, "ws.db")}`;
    expect((await cli("init", "--demo", "--db", demoDb)).code).toBe(0);
    for (const [kind, file] of [
      ["register", "工资表.xlsx"],
      ["payslips", "工资条.xlsx"],
      ["payslips-pdf", "工资条.zip"],
      ["bank", "代发.xlsx"],
      ["iit", "个税.xlsx"],
      ["si", "社保.xlsx"],
    ] as const) {
      const r = await cli(
        "export",
        kind,
        "--period",
        "2026-09",
        "--out",
        join(demoDir, file),
        "--db",
        demoDb,
      );
      expect([kind, r.code, r.err]).toEqual([kind, 0, ""]);
      expect(statSync(join(demoDir, file)).size).toBeGreaterThan(1000);
    }
  }, 180_000);
});
