import { describe, expect, it } from "vitest";
import { lintYaml, summary } from "./lint-test-kit.js";

const FINES =
  "《企业职工奖惩条例》已由国务院令第516号废止（2008-01-15）；《工资支付暂行规定》第十五条；《劳动合同法》第四条";

const base = `params:
  底薪标准: { value: 3000, type: money }
inputs:
  迟到次数: { type: integer, default: 0 }
  迟到分钟: { type: number, default: 0 }
  旷工天数: { type: number, default: 0 }
  代打卡次数: { type: integer, default: 0 }
  迟到超1小时次数: { type: integer, default: 0 }
  罚款金额: { type: money, default: 0 }
  违纪扣款额: { type: money, default: 0 }
calcs:
  日工资: 底薪标准 / 21.75
items:
  - { name: 基本工资, kind: earning, formula: 底薪标准 }
`;
// base is 14 lines: the first item added below is on line 20 (5 head lines + 14 + 1).

const item = (name: string, kind: string, formula: string, explain = "") =>
  `  - name: ${name}\n    kind: ${kind}\n    formula: ${formula}\n${explain ? `    explain: ${explain}\n` : ""}`;

describe("rule fine: fines of any kind", () => {
  it("a fixed amount per counted event, at the term", () => {
    const b = summary(base + item("考勤扣款", "deduction", "迟到次数 * 50"));
    expect(b).toEqual([{ rule: "fine", line: 22, column: 14, text: "迟到次数 * 50", law: FINES }]);
    const f = lintYaml(base + item("考勤扣款", "deduction", "迟到次数 * 50"))[0]!;
    expect(f.problem.severity).toBe("warning");
    expect(f.problem.code).toBe("LABOR");
    expect(f.problem.zh).toContain("罚款性质");
    expect(f.problem.en).toContain("fine");
  });

  it("lateness tiers (IFS) mapping minutes to fixed amounts, at the first amount", () => {
    const b = summary(
      base + item("迟到扣款", "deduction", "IFS(迟到分钟 > 30, 100, 迟到分钟 > 0, 20, TRUE, 0)"),
    );
    expect(b).toMatchObject([{ rule: "fine", line: 22, column: 29, text: "100" }]);
  });

  it("a tier table of lateness amounts", () => {
    const t = `tables:\n  迟到扣款档:\n    kind: tier\n    value: money\n    rows: [[0, 0], [10, 20], [30, 50]]\n`;
    const b = summary(base + item("迟到扣款", "deduction", "TIER(迟到分钟, 迟到扣款档)") + t);
    expect(b).toMatchObject([{ rule: "fine", line: 22, column: 14, text: "TIER(迟到分钟, 迟到扣款档)" }]);
  });

  it("a multiple of the daily wage per absent day", () => {
    const b = summary(base + item("旷工扣款", "deduction", "旷工天数 * 底薪标准 / 21.75 * 3"));
    expect(b).toMatchObject([
      { rule: "fine", line: 22, column: 14, text: "旷工天数 * 底薪标准 / 21.75 * 3" },
    ]);
    expect(lintYaml(base + item("旷工扣款", "deduction", "旷工天数 * 日工资 * 2"))[0]?.problem.zh).toContain(
      "倍数",
    );
  });

  it("the daily wage plus a fixed sum per absent day", () => {
    const f = lintYaml(base + item("旷工扣款", "deduction", "旷工天数 * (日工资 + 100)"));
    expect(f.map((x) => [x.rule, x.problem.at?.line, x.problem.at?.column])).toEqual([["fine", 22, 14]]);
    expect(f[0]!.problem.zh).toContain("另扣固定金额");
  });

  it("lateness turned into whole days of pay", () => {
    const b = summary(
      base + item("旷工扣款", "deduction", "(旷工天数 + 迟到超1小时次数) * DAILYWAGE(底薪标准)"),
    );
    expect(b).toMatchObject([{ rule: "fine", line: 22, column: 14 }]);
    expect(
      lintYaml(base + item("旷工扣款", "deduction", "(旷工天数 + 迟到超1小时次数) * 日工资"))[0]?.problem.zh,
    ).toContain("迟到超1小时次数");
  });

  it("a deduction of an input named as a fine, at the name", () => {
    const b = summary(base + item("其他扣款", "deduction", "违纪扣款额 + 罚款金额"));
    expect(b).toMatchObject([{ rule: "fine", line: 22, column: 22, text: "罚款金额" }]);
  });

  it("a deduction item named or explained as a fine, at its formula", () => {
    expect(summary(base + item("违纪罚款", "deduction", "违纪扣款额"))).toMatchObject([
      { rule: "fine", line: 22, column: 14, text: "违纪扣款额" },
    ]);
    expect(summary(base + item("违纪扣款", "deduction", "违纪扣款额", "违反制度的处罚"))).toMatchObject([
      { rule: "fine", line: 22, column: 14 },
    ]);
  });

  it("a fine subtracted inside an earning", () => {
    const b = summary(`${base.replace("formula: 底薪标准 }", "formula: 底薪标准 - 迟到次数 * 50 }")}`);
    expect(b).toMatchObject([{ rule: "fine", line: 19, column: 50, text: "迟到次数 * 50" }]);
  });

  it("base pay stopped for a counted event", () => {
    const b = summary(base + item("底薪", "earning", "IF(代打卡次数 > 0, 0, 底薪标准)"));
    expect(b).toMatchObject([{ rule: "fine", line: 22, column: 28, text: "0" }]);
  });

  it("one warning per formula, even with several fine terms", () => {
    const b = summary(base + item("考勤扣款", "deduction", "迟到次数 * 50 + 旷工天数 * 100"));
    expect(b.map((x) => x.rule)).toEqual(["fine"]);
  });

  it("lawful attendance rules raise nothing", () => {
    const ok = [
      item("旷工扣薪", "deduction", "旷工天数 * DAILYWAGE(底薪标准)"),
      item("迟到扣薪", "deduction", "迟到分钟 / 60 * HOURLYWAGE(底薪标准)"),
      item("迟到扣薪2", "deduction", "迟到分钟 / 60 / 8 * DAILYWAGE(底薪标准)"),
      item("旷工扣薪2", "deduction", "旷工天数 * 日工资"),
      item("全勤奖", "earning", "IF(迟到次数 = 0, 200, 0)"),
      item("考勤奖", "earning", "MAX(0, 200 - 迟到次数 * 50)"),
      item("绩效奖金", "earning", "IF(代打卡次数 > 0, 0, 500)"),
      item("其他扣款", "deduction", "违纪扣款额", "本项不是罚款，仅扣饭卡"),
    ].join("");
    expect(summary(base + ok)).toEqual([]);
  });
});
