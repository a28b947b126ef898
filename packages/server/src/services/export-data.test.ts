import { describe, expect, it } from "vitest";
import { registerNames } from "./export-data.js";

describe("registerNames", () => {
  it("puts 团队 after 姓名 and a second policy's columns before the totals", () => {
    expect(
      registerNames(
        [
          ["工号", "姓名", "底薪", "应发工资", "扣款合计", "实发工资"],
          ["工号", "姓名", "时薪工资", "个人所得税", "应发工资", "扣款合计", "实发工资"],
        ],
        [],
      ),
    ).toEqual(["工号", "姓名", "团队", "底薪", "时薪工资", "个人所得税", "应发工资", "扣款合计", "实发工资"]);
  });
  it("adds a stored pay line no register names (an adjustment), but never the hidden 应税收入", () => {
    expect(
      registerNames(
        [["工号", "姓名", "团队", "底薪", "实发工资"]],
        ["底薪", "补发（调整）", "应税收入", "实发工资"],
      ),
    ).toEqual(["工号", "姓名", "团队", "底薪", "补发（调整）", "实发工资"]);
  });
});
