import { describe, expect, it } from "vitest";
import { suggestName } from "./suggest.js";

const names = ["岗位工资", "绩效工资", "基本工资", "加班费", "出勤天数", "IF", "ROUND", "Base_Pay"];

describe("suggestName", () => {
  const cases: [string, string | undefined][] = [
    ["岗位工资x", "岗位工资"],
    ["岗位公资", "岗位工资"],
    ["岗工位资", "岗位工资"],
    ["加班", "加班费"],
    ["出勤天", "出勤天数"],
    ["if", "IF"],
    ["Round", "ROUND"],
    ["ROUN", "ROUND"],
    ["base_pay", "Base_Pay"],
    ["BasePay", "Base_Pay"],
    ["工资", undefined],
    ["完全无关的名字", undefined],
    ["岗位工资", undefined],
  ];
  it.each(cases)("%s -> %s", (unknown, expected) => {
    expect(suggestName(unknown, names)).toBe(expected);
  });

  it("allows more edits for longer names: max(1, floor(len / 3))", () => {
    expect(suggestName("abcdefxy", ["abcdefgh"])).toBe("abcdefgh");
    expect(suggestName("abcdexyz", ["abcdefgh"])).toBeUndefined();
  });

  it("counts code points, so astral characters are one edit", () => {
    expect(suggestName("𠀀工资", ["𠀁工资"])).toBe("𠀁工资");
  });

  it("prefers the closest candidate, then the first one", () => {
    expect(suggestName("绩效工资x", ["岗位工资", "绩效工资"])).toBe("绩效工资");
    expect(suggestName("ab", ["ac", "ad"])).toBe("ac");
  });

  it("builds the usual message", () => {
    const hint = suggestName("岗位工资x", new Set(names));
    expect(`未知名称“岗位工资x”${hint ? `，是否想写“${hint}”？` : ""}`).toBe(
      "未知名称“岗位工资x”，是否想写“岗位工资”？",
    );
  });
});
