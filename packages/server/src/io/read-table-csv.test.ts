import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readTable } from "./read-table.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "xinsuan-io-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

describe("readTable: CSV", () => {
  it("refuses a file over the size limit from its size, before reading it", async () => {
    const p = file("big.csv", "工号,出勤天数\nA1,20\n");
    const r = await readTable(p, { maxBytes: 10 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors[0]?.zh).toMatch(/^文件太大：.*big\.csv 有 \d+ B，超过上限 10 B/);
    expect((await readTable(p, { maxBytes: 1024 })).ok).toBe(true);
  });

  it("strips a UTF-8 BOM and trims cells", async () => {
    const p = file("bom.csv", "\uFEFF工号, 姓名 \r\nA001,  张三\r\n");
    expect(await readTable(p)).toEqual({
      ok: true,
      table: {
        file: p,
        headers: ["工号", "姓名"],
        rows: [{ rowNumber: 2, cells: { 工号: "A001", 姓名: "张三" } }],
      },
    });
  });

  it("decodes GBK bytes (as saved by Chinese Excel) via GB18030", async () => {
    // "工号,姓名\r\nA001,张三\r\n" in GBK: 工=B9A4 号=BAC5 姓=D0D5 名=C3FB 张=D5C5 三=C8FD
    const bytes = Uint8Array.from([
      0xb9, 0xa4, 0xba, 0xc5, 0x2c, 0xd0, 0xd5, 0xc3, 0xfb, 0x0d, 0x0a, 0x41, 0x30, 0x30, 0x31, 0x2c, 0xd5,
      0xc5, 0xc8, 0xfd, 0x0d, 0x0a,
    ]);
    const r = await readTable(file("gbk.csv", bytes));
    expect(r.ok && r.table.headers).toEqual(["工号", "姓名"]);
    expect(r.ok && r.table.rows).toEqual([{ rowNumber: 2, cells: { 工号: "A001", 姓名: "张三" } }]);
  });

  it("handles quoted fields with commas, quotes and newlines; row numbers follow Excel rows", async () => {
    const p = file("quoted.csv", '姓名,备注\n"张,三","第一行\n第二行"\n\n李四,"他说""好"""\n,\n');
    const r = await readTable(p);
    expect(r.ok && r.table.rows).toEqual([
      { rowNumber: 2, cells: { 姓名: "张,三", 备注: "第一行\n第二行" } },
      { rowNumber: 4, cells: { 姓名: "李四", 备注: '他说"好"' } },
    ]);
  });

  it("fills missing trailing cells with empty text and ignores empty trailing header cells", async () => {
    const r = await readTable(file("short.csv", "工号,姓名,,\nA001\nA002,王五,,\n"));
    expect(r.ok && r.table.headers).toEqual(["工号", "姓名"]);
    expect(r.ok && r.table.rows.map((x) => x.cells)).toEqual([
      { 工号: "A001", 姓名: "" },
      { 工号: "A002", 姓名: "王五" },
    ]);
  });

  it("keeps a column named __proto__ as data", async () => {
    const r = await readTable(file("proto.csv", "__proto__,a\nx,y\n"));
    expect(r.ok && Object.keys(r.table.rows[0]?.cells ?? {})).toEqual(["__proto__", "a"]);
    const cells = r.ok ? r.table.rows[0]?.cells : undefined;
    expect(cells && Object.getOwnPropertyDescriptor(cells, "__proto__")?.value).toBe("x");
  });
});

describe("readTable: errors", () => {
  it("reports a missing file as a single error", async () => {
    const p = path.join(dir, "nope.csv");
    expect(await readTable(p)).toEqual({
      ok: false,
      errors: [{ file: p, zh: `找不到文件：${p}`, en: `File not found: ${p}` }],
    });
  });

  it("reports a folder", async () => {
    const p = path.join(dir, "folder.csv");
    fs.mkdirSync(p);
    const r = await readTable(p);
    expect(!r.ok && r.errors.map((e) => e.zh)).toEqual([`不是文件（可能是文件夹）：${p}`]);
  });

  it("reports an unsupported extension", async () => {
    const p = file("old.xls", "x");
    const r = await readTable(p);
    expect(!r.ok && r.errors).toEqual([
      {
        file: p,
        zh: `不支持的文件类型“.xls”：${p}。请使用 .csv、.xlsx 或 .json 文件（.xls 文件请在 Excel 中另存为 .xlsx）`,
        en: `Unsupported file type ".xls": ${p}. Use a .csv, .xlsx or .json file (save .xls files as .xlsx in Excel)`,
      },
    ]);
    const q = file("noext", "x");
    const r2 = await readTable(q);
    expect(!r2.ok && r2.errors[0]?.en).toBe(
      `Unsupported file type (no extension): ${q}. Use a .csv, .xlsx or .json file (save .xls files as .xlsx in Excel)`,
    );
  });

  it("reports an empty file (also one with only blank lines)", async () => {
    for (const [name, content] of [
      ["empty.csv", ""],
      ["blank.csv", "\uFEFF\r\n , \r\n"],
    ] as const) {
      const p = file(name, content);
      expect(await readTable(p)).toEqual({
        ok: false,
        errors: [{ file: p, zh: `文件是空的：${p}`, en: `File is empty: ${p}` }],
      });
    }
  });

  it("reports an empty header row", async () => {
    const p = file("nohead.csv", ",,\n工号,姓名\n");
    expect(await readTable(p)).toEqual({
      ok: false,
      errors: [
        {
          file: p,
          row: 1,
          zh: `${p} 第1行（表头）是空的；第1行应填写列名`,
          en: `${p} row 1 (the header) is empty; row 1 must hold the column names`,
        },
      ],
    });
  });

  it("reports all header problems and extra cells at once", async () => {
    const p = file("bad.csv", "工号,,姓名,姓名,部门,工号\nA1,x,张三,张三,客服,1\nA2,,李四,,,,多余\n");
    const r = await readTable(p);
    expect(!r.ok && r.errors).toEqual([
      {
        file: p,
        row: 1,
        column: "B",
        zh: `${p} 第1行（表头）B列没有列名`,
        en: `${p} row 1 (the header): column B has no name`,
      },
      {
        file: p,
        row: 1,
        column: "工号",
        zh: `${p} 第1行（表头）列名“工号”重复出现在 A、F 列`,
        en: `${p} row 1 (the header): column name "工号" appears more than once (columns A, F)`,
      },
      {
        file: p,
        row: 1,
        column: "姓名",
        zh: `${p} 第1行（表头）列名“姓名”重复出现在 C、D 列`,
        en: `${p} row 1 (the header): column name "姓名" appears more than once (columns C, D)`,
      },
      {
        file: p,
        row: 3,
        column: "G",
        zh: `${p} 第3行的单元格比表头多：G列有内容，但表头只有 6 列`,
        en: `${p} row 3 has more cells than the header: column G has content, but the header has only 6 columns`,
      },
    ]);
  });

  it("reports a header without data rows", async () => {
    const p = file("headonly.csv", "工号,姓名\r\n,\r\n");
    expect(await readTable(p)).toEqual({
      ok: false,
      errors: [{ file: p, zh: `${p} 只有表头，没有数据行`, en: `${p} has a header but no data rows` }],
    });
  });

  it("reports an unclosed quote with the row where it starts", async () => {
    const p = file("quote.csv", '工号,姓名\n\nA1,"张三\nA2,李四\n');
    expect(await readTable(p)).toEqual({
      ok: false,
      errors: [
        {
          file: p,
          row: 3,
          zh: `${p} 第3行：CSV 引号没有闭合（从这一行开始的引号直到文件末尾都没有结束）`,
          en: `${p} row 3: CSV quote not closed (a quote opened in this row never ends)`,
        },
      ],
    });
  });
});
