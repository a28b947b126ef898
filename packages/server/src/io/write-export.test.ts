import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { type ExportSheet, exportCsv, exportXlsx, numberFormat } from "./write-export.js";

const sheet: ExportSheet = {
  name: "工资表:2026/08",
  freezeRows: 2,
  rows: [
    { role: "title", cells: [{ text: "示例 · 2026-08 工资表" }] },
    { role: "header", cells: [{ text: "姓名" }, { text: "实发工资" }, { text: "比例" }] },
    {
      role: "data",
      cells: [{ text: "-张三" }, { amount: "-5.00", places: 2 }, { amount: "0.0473", places: 4 }],
    },
    { role: "data", cells: [{ text: "李四" }, { amount: "1234567890123456.78", places: 2 }, null] },
    { role: "blank", cells: [] },
  ],
};

describe("exportXlsx", () => {
  it("writes amounts as numbers with their format, text escaped, huge amounts as exact text", async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await exportXlsx([sheet], "t")) as unknown as ArrayBuffer);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe("工资表_2026_08");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(ws.getCell("A3").value).toBe("'-张三");
    expect(ws.getCell("B3").value).toBe(-5);
    expect(ws.getCell("B3").numFmt).toBe("#,##0.00");
    expect(ws.getCell("C3").value).toBe(0.0473);
    expect(ws.getCell("C3").numFmt).toBe("#,##0.0000");
    expect(ws.getCell("B4").value).toBe("1234567890123456.78");
    expect(ws.getRow(2).font?.bold).toBe(true);
  });
});

describe("exportCsv / numberFormat", () => {
  it("writes BOM + CRLF, keeps blank rows, escapes text but not amounts", () => {
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(exportCsv(sheet));
    expect(text).toBe(
      "\uFEFF示例 · 2026-08 工资表\r\n姓名,实发工资,比例\r\n'-张三,-5.00,0.0473\r\n李四,1234567890123456.78,\r\n\r\n",
    );
  });
  it("gives the decimals asked for", () => {
    expect([numberFormat(0), numberFormat(2), numberFormat(3)]).toEqual(["#,##0", "#,##0.00", "#,##0.000"]);
  });
});
