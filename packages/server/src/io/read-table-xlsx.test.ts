import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { readTable } from "./read-table.js";
import { xlsxValueText } from "./read-xlsx.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "xinsuan-io-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function xlsx(name: string, fill: (sheet: ExcelJS.Worksheet) => void): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet("工资"));
  workbook.addWorksheet("Other").getCell("A1").value = "ignored";
  const p = path.join(dir, name);
  await workbook.xlsx.writeFile(p);
  return p;
}

describe("readTable: xlsx", () => {
  it("reads numbers, dates, formulas, rich text, booleans and merged cells as Excel shows them", async () => {
    const p = await xlsx("ok.xlsx", (s) => {
      s.addRow([" 工号 ", "金额", "日期", "公式", "备注", "标志"]);
      s.addRow([
        "A001",
        0.1,
        new Date(Date.UTC(2024, 0, 15)),
        { formula: "B2*2", result: 0.2 },
        "合并",
        true,
      ]);
      s.addRow([
        { richText: [{ text: "A0" }, { text: "02", font: { bold: true } }] },
        1005.5,
        new Date(Date.UTC(2024, 1, 29, 8, 30)),
        { formula: "B2+0.2", result: 0.1 + 0.2 },
        "被合并的单元格",
        1e21,
      ]);
      s.addRow([]);
      s.addRow(["A003", 1e-7, null, { text: "链接", hyperlink: "https://example.com" }, "", false]);
      s.mergeCells("E2:E3");
    });
    expect(await readTable(p)).toEqual({
      ok: true,
      table: {
        file: p,
        headers: ["工号", "金额", "日期", "公式", "备注", "标志"],
        rows: [
          {
            rowNumber: 2,
            cells: { 工号: "A001", 金额: "0.1", 日期: "2024-01-15", 公式: "0.2", 备注: "合并", 标志: "TRUE" },
          },
          {
            rowNumber: 3,
            cells: {
              工号: "A002",
              金额: "1005.5",
              日期: "2024-02-29 08:30",
              公式: "0.3",
              备注: "",
              标志: "1000000000000000000000",
            },
          },
          {
            rowNumber: 5,
            cells: { 工号: "A003", 金额: "0.0000001", 日期: "", 公式: "链接", 备注: "", 标志: "FALSE" },
          },
        ],
      },
    });
  });

  it("names every formula cell without a cached result, and Excel error values", async () => {
    const p = await xlsx("noresult.xlsx", (s) => {
      s.addRow(["工号", "姓名", "金额"]);
      s.addRow(["A001", "张三", 100]);
      s.addRow(["A002", { formula: 'A3&"x"' }, { formula: "C2/0", result: { error: "#DIV/0!" } }]);
      s.addRow(["A003", "王五", { error: "#N/A" }]);
    });
    expect(await readTable(p)).toEqual({
      ok: false,
      errors: [
        {
          file: p,
          row: 3,
          column: "姓名",
          zh: `${p} 单元格 B3（“姓名”列）是公式（=A3&"x"）但没有计算结果；请用 Excel 或 WPS 打开并保存该文件后再试`,
          en: `${p} cell B3 (column "姓名") holds a formula (=A3&"x") with no calculated result; open and save the file in Excel or WPS, then try again`,
        },
        {
          file: p,
          row: 3,
          column: "金额",
          zh: `${p} 单元格 C3（“金额”列）的值是 Excel 错误 #DIV/0!，请先在 Excel 中修正`,
          en: `${p} cell C3 (column "金额") holds the Excel error #DIV/0!; fix it in Excel first`,
        },
        {
          file: p,
          row: 4,
          column: "金额",
          zh: `${p} 单元格 C4（“金额”列）的值是 Excel 错误 #N/A，请先在 Excel 中修正`,
          en: `${p} cell C4 (column "金额") holds the Excel error #N/A; fix it in Excel first`,
        },
      ],
    });
  });

  it("reports content beyond the header, an empty header row and header-only sheets", async () => {
    const extra = await xlsx("extra.xlsx", (s) => {
      s.addRow(["工号", "姓名"]);
      s.addRow(["A001", "张三", "", "多余"]);
    });
    const r = await readTable(extra);
    expect(!r.ok && r.errors.map((e) => [e.row, e.column, e.zh])).toEqual([
      [2, "D", `${extra} 第2行的单元格比表头多：D列有内容，但表头只有 2 列`],
    ]);

    const noHeader = await xlsx("nohead.xlsx", (s) => {
      s.getCell("A2").value = "工号";
    });
    const r2 = await readTable(noHeader);
    expect(!r2.ok && r2.errors.map((e) => e.zh)).toEqual([
      `${noHeader} 第1行（表头）是空的；第1行应填写列名`,
    ]);

    const headerOnly = await xlsx("headonly.xlsx", (s) => {
      s.addRow(["工号", "姓名"]);
    });
    const r3 = await readTable(headerOnly);
    expect(!r3.ok && r3.errors.map((e) => e.en)).toEqual([`${headerOnly} has a header but no data rows`]);

    const empty = await xlsx("empty.xlsx", () => undefined);
    const r4 = await readTable(empty);
    expect(!r4.ok && r4.errors.map((e) => e.en)).toEqual([`File is empty: ${empty}`]);
  });

  it("reports a damaged or fake .xlsx without throwing", async () => {
    const p = path.join(dir, "fake.xlsx");
    fs.writeFileSync(p, "工号,姓名\nA001,张三\n");
    const r = await readTable(p);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.errors.length).toBe(1);
    expect(!r.ok && r.errors[0]?.zh).toMatch(
      new RegExp(
        `^无法读取 Excel 文件 ${p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}（文件可能已损坏，或不是真正的 .xlsx 文件）：`,
      ),
    );
  });
});

describe("xlsxValueText", () => {
  it("converts shared formulas and hyperlinks with rich text", () => {
    expect(xlsxValueText({ sharedFormula: "D2", result: 12 })).toEqual({ text: "12" });
    expect(xlsxValueText({ sharedFormula: "D2" })).toEqual({ noResult: "D2" });
    expect(xlsxValueText({ text: { richText: [{ text: " 链" }, { text: "接 " }] }, hyperlink: "x" })).toEqual(
      {
        text: "链接",
      },
    );
    expect(xlsxValueText(new Date(Date.UTC(1899, 11, 30, 8, 30, 15)))).toEqual({ text: "08:30:15" });
  });
});
