import { describe, expect, it } from "vitest";
import { lintYaml, summary } from "./lint-test-kit.js";

const ART20 = "《劳动合同法》第二十条；《劳动合同法实施条例》第十五条";

const base = `params:
  底薪标准: { value: 5000, type: money }
inputs:
  试用期: { type: boolean, default: false }
  阶: { type: integer, default: 1 }
`;
// base is 5 lines: "items:" is line 11 and the first item's formula line 14.

const item = (name: string, formula: string, explain = "") =>
  `items:\n  - name: ${name}\n    kind: earning\n    formula: ${formula}\n${explain ? `    explain: ${explain}\n` : ""}`;

describe("rule probation: probation pay below 80%", () => {
  it("a probation ratio param below 80%, at its value", () => {
    const body = `${base.replace("params:\n", "params:\n  试用期工资比例: { value: 70%, type: ratio }\n")}${item("底薪", "IF(试用期, 底薪标准 * 试用期工资比例, 底薪标准)")}`;
    expect(summary(body)).toEqual([{ rule: "probation", line: 7, column: 21, text: "70%", law: ART20 }]);
    const p = lintYaml(body)[0]!.problem;
    expect(p.zh).toContain("低于 80%");
    expect(p.severity).toBe("warning");
  });

  it("a literal ratio in the branch chosen by 试用期, at the literal", () => {
    expect(summary(base + item("底薪", "IF(试用期, 底薪标准 * 70%, 底薪标准)"))).toEqual([
      { rule: "probation", line: 14, column: 29, text: "70%", law: ART20 },
    ]);
  });

  it("a condition on 转正日期 counts as probation", () => {
    expect(summary(base + item("底薪", "IF(期间结束 < 转正日期, 底薪标准 * 0.6, 底薪标准)"))).toMatchObject([
      { rule: "probation", line: 14, column: 37, text: "0.6" },
    ]);
  });

  it("a ratio table row keyed 试用期, at the row", () => {
    const t = "tables:\n  工资系数:\n    value: ratio\n    rows: { 试用期: 60%, 正式: 100% }\n";
    const body = `${base}${item("底薪", '底薪标准 * 工资系数["试用期"]')}${t}`;
    expect(summary(body)).toEqual([{ rule: "probation", line: 18, column: 18, text: "60%", law: ART20 }]);
  });

  it("a core pay item not paid in probation (explained so), with the tier coefficient of the same key", () => {
    const t =
      "tables:\n  阶系数:\n    keys: [{ name: 阶, type: number }]\n    value: ratio\n    rows: { 1: 100%, 4: 55% }\n";
    const body = `${base}${item("绩效工资", "IF(阶 = 4, 0, 底薪标准 * 阶系数[阶])", "试用期（4阶）无绩效工资")}${t}`;
    expect(summary(body)).toEqual([{ rule: "probation", line: 14, column: 24, text: "0", law: ART20 }]);
    expect(lintYaml(body)[0]!.problem.zh).toContain("试用期另有 阶系数[4] = 55%");
  });

  it("80%, bonuses withheld in probation, and unrelated conditions raise nothing", () => {
    expect(summary(base + item("底薪", "IF(试用期, 底薪标准 * 80%, 底薪标准)"))).toEqual([]);
    expect(summary(base + item("全勤奖", "IF(试用期, 0, 200)"))).toEqual([]);
    expect(summary(base + item("底薪", "IF(阶 = 4, 底薪标准 * 50%, 底薪标准)"))).toEqual([]);
  });
});
