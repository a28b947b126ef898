import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, describe, expect, it } from "vitest";
import { readTable } from "./read-table.js";
import { escapeFormula, moneyNumber, TableWriteError, writeTable } from "./write-table.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "xinsuan-io-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const table = {
  headers: ["姓名", "备注", "实发"],
  rows: [
    ["张三", '=HYPERLINK("x")', "8000.5"],
    ["李四", "+1", "-1234567.891"],
    ["王五", "-5", "-20"],
    ["赵六", "@SUM(A1)", "=1+1"],
    ["钱七", "\tx", ""],
    ["孙八", '\r\n换行,"引号"', "12"],
  ],
  numericColumns: new Set(["实发"]),
};

describe("escapeFormula / moneyNumber", () => {
  it("prefixes text that starts like a formula, but not plain decimals", () => {
    expect(["=1", "+1", "-a", "@x", "\tx", "\rx", "-5", "-0.5", "abc", ""].map(escapeFormula)).toEqual([
      "'=1",
      "'+1",
      "'-a",
      "'@x",
      "'\tx",
      "'\rx",
      "-5",
      "-0.5",
      "abc",
      "",
    ]);
  });

  it("accepts decimals with at most 2 places and at most 15 significant digits", () => {
    expect(
      ["1005.5", "-20", "0.10", "1.234", "1e5", "", "123456789012345.6", "000123.45"].map(moneyNumber),
    ).toEqual([1005.5, -20, 0.1, undefined, undefined, undefined, undefined, 123.45]);
  });
});

describe("writeTable", () => {
  it("writes CSV with BOM, CRLF, RFC 4180 quoting and formula escaping", async () => {
    const p = path.join(dir, "out.csv");
    await writeTable(p, table);
    expect(fs.readFileSync(p, "utf8")).toBe(
      "\uFEFF姓名,备注,实发\r\n" +
        '张三,"\'=HYPERLINK(""x"")",8000.5\r\n' +
        "李四,'+1,-1234567.891\r\n" +
        "王五,-5,-20\r\n" +
        "赵六,'@SUM(A1),'=1+1\r\n" +
        "钱七,'\tx,\r\n" +
        '孙八,"\'\r\n换行,""引号""",12\r\n',
    );
    const back = await readTable(p);
    expect(back.ok && back.table.rows[5]?.cells.备注).toBe('\'\r\n换行,"引号"');
  });

  it("writes xlsx with a bold frozen header, money numbers and escaped text", async () => {
    const p = path.join(dir, "out.xlsx");
    await writeTable(p, table);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(p);
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new Error("no sheet");
    expect(sheet.getCell("A1").value).toBe("姓名");
    expect(sheet.getCell("A1").font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.getCell("B2").value).toBe('\'=HYPERLINK("x")');
    expect(sheet.getCell("B3").value).toBe("'+1");
    expect(sheet.getCell("B4").value).toBe("-5");
    expect(sheet.getCell("B5").value).toBe("'@SUM(A1)");
    expect(sheet.getCell("B6").value).toBe("'\tx");
    expect(sheet.getCell("C2").value).toBe(8000.5);
    expect(sheet.getCell("C2").numFmt).toBe("#,##0.00");
    expect(sheet.getCell("C3").value).toBe("-1234567.891");
    expect(sheet.getCell("C4").value).toBe(-20);
    expect(sheet.getCell("C5").value).toBe("'=1+1");
    expect(sheet.getCell("C6").value).toBeNull();
    expect(sheet.getColumn(1).width).toBe(8);
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(displayLen('\'=HYPERLINK("x")') + 2);
    const back = await readTable(p);
    expect(back.ok && back.table.rows[0]?.cells).toEqual({
      姓名: "张三",
      备注: '\'=HYPERLINK("x")',
      实发: "8000.5",
    });
  });

  it("writes JSON as an array of string objects with 2-space indent, keeping header order, no escaping", async () => {
    const p = path.join(dir, "out.json");
    await writeTable(p, { headers: ["姓名", "2024"], rows: [["=张三", "1"], ["李四"]] });
    expect(fs.readFileSync(p, "utf8")).toBe(
      '[\n  {\n    "姓名": "=张三",\n    "2024": "1"\n  },\n  {\n    "姓名": "李四",\n    "2024": ""\n  }\n]\n',
    );
    await writeTable(p, { headers: ["a"], rows: [] });
    expect(JSON.parse(fs.readFileSync(p, "utf8"))).toEqual([]);
  });

  it("leaves no file behind when the write fails, and keeps an existing file intact", async () => {
    const missing = path.join(dir, "no-such-dir", "out.xlsx");
    const error = await writeTable(missing, table).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TableWriteError);
    expect(error instanceof TableWriteError && error.zh).toBe(`无法写入 ${missing}：所在文件夹不存在`);
    expect(fs.existsSync(path.dirname(missing))).toBe(false);

    const target = path.join(dir, "is-a-dir.csv");
    fs.mkdirSync(target);
    await expect(writeTable(target, table)).rejects.toBeInstanceOf(TableWriteError);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
    expect(fs.statSync(target).isDirectory()).toBe(true);
  });

  it("rejects unsupported extensions and rows wider than the header", async () => {
    await expect(writeTable(path.join(dir, "x.xls"), table)).rejects.toThrow(
      /^Unsupported output file type "\.xls": .*x\.xls\. Use \.csv, \.xlsx or \.json$/,
    );
    await expect(writeTable(path.join(dir, "y.csv"), { headers: ["a"], rows: [["1", "2"]] })).rejects.toThrow(
      RangeError,
    );
    expect(fs.existsSync(path.join(dir, "y.csv"))).toBe(false);
  });
});

function displayLen(text: string): number {
  return [...text].length;
}
