import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readTable } from "./read-table.js";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "xinsuan-io-"));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, content);
  return p;
}

describe("readTable: JSON", () => {
  it("reads an array of flat objects; headers in first-appearance order; values as trimmed strings", async () => {
    const p = file(
      "ok.json",
      '\uFEFF[{"工号":" A001 ","金额":1e-7,"在职":true},{},{"工号":"A002","备注":null,"金额":1e21,"在职":false}]',
    );
    expect(await readTable(p)).toEqual({
      ok: true,
      table: {
        file: p,
        headers: ["工号", "金额", "在职", "备注"],
        rows: [
          { rowNumber: 1, cells: { 工号: "A001", 金额: "0.0000001", 在职: "TRUE", 备注: "" } },
          { rowNumber: 3, cells: { 工号: "A002", 金额: "1000000000000000000000", 在职: "FALSE", 备注: "" } },
        ],
      },
    });
  });

  it("reports invalid JSON with the parser message and position", async () => {
    const p = file("bad.json", '[\n  {"工号": "A001",}\n]');
    const r = await readTable(p);
    expect(!r.ok && r.errors.length).toBe(1);
    const e = !r.ok ? r.errors[0] : undefined;
    expect(e?.zh.startsWith(`${p} 不是有效的 JSON：`)).toBe(true);
    expect(e?.en.startsWith(`${p} is not valid JSON: `)).toBe(true);
    expect(e?.en).toMatch(/line 2, column 17\)$/);
  });

  it("reports JSON that is not an array, an empty file and an empty array", async () => {
    const p = file("obj.json", '{"工号":"A001"}');
    expect(await readTable(p)).toEqual({
      ok: false,
      errors: [
        {
          file: p,
          zh: `${p} 的内容应是一个数组 [ {...}, {...} ]，每个对象是一行`,
          en: `${p} must contain an array of objects [ {...}, {...} ], one object per row`,
        },
      ],
    });
    const empty = file("empty.json", "  \n");
    const r = await readTable(empty);
    expect(!r.ok && r.errors.map((e) => e.zh)).toEqual([`文件是空的：${empty}`]);
    const none = file("none.json", '[{}, {"a": ""}]');
    const r2 = await readTable(none);
    expect(!r2.ok && r2.errors.map((e) => e.zh)).toEqual([`${none} 只有表头，没有数据行`]);
  });

  it("reports every element that is not an object and every nested value, naming the index", async () => {
    const p = file(
      "nested.json",
      '[{"工号":"A1","地址":{"市":"沪"}}, 5, {"工号":"A3","标签":["x"]}, {" ":"x"}]',
    );
    expect(await readTable(p)).toEqual({
      ok: false,
      errors: [
        {
          file: p,
          row: 1,
          column: "地址",
          zh: `${p} 第1个元素（索引 0）的“地址”是嵌套的 object；只支持文本、数字、布尔值或 null`,
          en: `${p} element 1 (index 0): "地址" is a nested object; only strings, numbers, booleans and null are allowed`,
        },
        {
          file: p,
          row: 2,
          zh: `${p} 第2个元素（索引 1）应是对象 {...}，实际是 number`,
          en: `${p} element 2 (index 1) must be an object {...}, but is number`,
        },
        {
          file: p,
          row: 3,
          column: "标签",
          zh: `${p} 第3个元素（索引 2）的“标签”是嵌套的 array；只支持文本、数字、布尔值或 null`,
          en: `${p} element 3 (index 2): "标签" is a nested array; only strings, numbers, booleans and null are allowed`,
        },
        {
          file: p,
          row: 4,
          zh: `${p} 第4个元素（索引 3）有一个空的键名`,
          en: `${p} element 4 (index 3) has an empty key`,
        },
      ],
    });
  });

  it("reports keys that collide after trimming", async () => {
    const p = file("dup.json", '[{"姓名":"a"," 姓名":"b"}]');
    const r = await readTable(p);
    expect(!r.ok && r.errors.map((e) => e.zh)).toEqual([
      `${p} 第1个元素（索引 0）的键名“姓名”去掉首尾空格后重复`,
    ]);
  });
});
