import { describe, expect, it } from "vitest";
import { parseRowError } from "./import-errors";

describe("parseRowError", () => {
  it("reads row, column and problem of a Chinese detail line", () => {
    const e = parseRowError("考勤.csv 第3行 “出勤天数”列：“abc”不是数字", 0);
    expect([e.row, e.column, e.problem]).toEqual([3, "出勤天数", "“abc”不是数字"]);
  });

  it("reads the English form", () => {
    const e = parseRowError('kpi.csv row 12, column "工号": no employee Z9', 1);
    expect([e.row, e.column, e.problem]).toEqual([12, "工号", "no employee Z9"]);
  });

  it("reads a header problem with a column letter", () => {
    const e = parseRowError("a.csv 第1行（表头）B列没有列名", 2);
    expect([e.row, e.column, e.problem]).toEqual([1, "B", "没有列名"]);
  });

  it("keeps lines without a row as the problem", () => {
    const e = parseRowError("a.csv：没有数据行", 3);
    expect([e.row, e.column, e.problem]).toEqual([null, null, "a.csv：没有数据行"]);
  });
});
