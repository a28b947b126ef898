import { describe, expect, it } from "vitest";
import { lintYaml, summary } from "./lint-test-kit.js";

const ART44 = "《劳动法》第四十四条";

const base = `params:
  底薪标准: { value: 3000, type: money }
inputs:
  加班小时: { type: number, default: 0 }
  工作日加班小时: { type: number, default: 0 }
  休息日加班小时: { type: number, default: 0 }
  法定节假日加班小时: { type: number, default: 0 }
items:
  - { name: 基本工资, kind: earning, formula: 底薪标准 }
`;
// base is 9 lines (items start on line 14); paidAll is 3 lines, so an item after it has its formula on line 20.

const item = (name: string, formula: string, kind = "earning", explain = "") =>
  `  - name: ${name}\n    kind: ${kind}\n    formula: ${formula}\n${explain ? `    explain: ${explain}\n` : ""}`;

const paidAll = item(
  "加班工资",
  "OVERTIME(底薪标准, 工作日加班小时 + 加班小时, 休息日加班小时, 法定节假日加班小时)",
);

describe("rule overtime: unpaid or underpaid overtime", () => {
  it("OVERTIME(…) paying every overtime input, or a multiplier the policy does not fix, raises nothing", () => {
    expect(summary(base + paidAll)).toEqual([]);
    const own = item("工作日加班费", "工作日加班小时 * HOURLYWAGE(底薪标准) * 加班倍数");
    const body = `${base.replace("inputs:\n", "inputs:\n  加班倍数: { type: number, default: 1.5 }\n")}${paidAll.replace("工作日加班小时 + 加班小时", "加班小时")}${own}`;
    expect(summary(body)).toEqual([]);
  });

  it("an overtime input no earning uses, at the input's name", () => {
    const body =
      base + item("加班工资", "OVERTIME(底薪标准, 工作日加班小时, 休息日加班小时, 法定节假日加班小时)");
    expect(summary(body)).toEqual([{ rule: "overtime", line: 9, column: 3, text: "加班小时", law: ART44 }]);
    expect(lintYaml(body)[0]!.problem.zh).toContain("150%");
  });

  it("an overtime input only shown in an info item is still unpaid (its explanation is not warned twice)", () => {
    const body =
      base +
      paidAll.replace("工作日加班小时 + 加班小时", "工作日加班小时") +
      item("加班记录", "加班小时", "info", "加班不另付加班费");
    expect(summary(body).map((b) => [b.rule, b.line, b.column])).toEqual([["overtime", 9, 3]]);
  });

  it("a text saying overtime is unpaid, at the words", () => {
    const body = `${base}${paidAll}  - name: 值班补贴\n    kind: earning\n    formula: "100"\n    explain: 周末值班不另付加班费，只发补贴\n`;
    expect(summary(body)).toEqual([
      { rule: "overtime", line: 21, column: 18, text: "不另付加班费", law: ART44 },
    ]);
  });

  it("a workday multiplier below 150%, at the multiplier", () => {
    const body = `${base}${paidAll.replace("工作日加班小时 + 加班小时", "加班小时")}${item("工作日加班费", "工作日加班小时 * HOURLYWAGE(底薪标准) * 1.2")}`;
    expect(summary(body)).toMatchObject([{ rule: "overtime", line: 20, column: 43, text: "1.2" }]);
    expect(lintYaml(body)[0]!.problem.zh).toContain("按工资的 120% 计发，低于法定的 150%");
  });

  it("no multiplier at all is 100%", () => {
    const body = `${base}${paidAll.replace("工作日加班小时 + 加班小时", "加班小时")}${item("工作日加班费", "工作日加班小时 * 底薪标准 / 21.75 / 8")}`;
    expect(summary(body)).toMatchObject([
      { rule: "overtime", line: 20, column: 14, text: "工作日加班小时 * 底薪标准 / 21.75 / 8" },
    ]);
  });

  it("a rest day at 150%, at the multiplier", () => {
    const body = `${base}${paidAll.replace(", 休息日加班小时,", ", 0,")}${item("休息日加班费", "休息日加班小时 * 底薪标准 / 174 * 150%")}`;
    expect(summary(body)).toMatchObject([{ rule: "overtime", line: 20, column: 37, text: "150%" }]);
    expect(lintYaml(body)[0]!.problem.zh).toContain("低于法定的 200%");
  });

  it("a holiday multiplier param below 300%, at the param", () => {
    const params =
      "params:\n  底薪标准: { value: 3000, type: money }\n  法定节假日加班倍数: { value: 2, type: number }\n";
    const body = base.replace("params:\n  底薪标准: { value: 3000, type: money }\n", params) + paidAll;
    expect(summary(body)).toEqual([{ rule: "overtime", line: 8, column: 23, text: "2", law: ART44 }]);
  });

  it("a multiplier table with a low row, at the row", () => {
    const table =
      "tables:\n  加班倍数:\n    value: ratio\n    rows: { 工作日: 150%, 休息日: 150%, 法定节假日: 300% }\n";
    expect(summary(base + paidAll + table)).toMatchObject([
      { rule: "overtime", line: 21, column: 29, text: "150%" },
    ]);
  });

  it("a fixed amount per hour: 'may' without a city, 'below' when the city's minimum is above its ceiling", () => {
    const body = `${base}${paidAll.replace("工作日加班小时 + 加班小时", "加班小时")}${item("工作日加班费", "工作日加班小时 * 20")}`;
    expect(summary(body)).toMatchObject([{ rule: "overtime", line: 20, column: 24, text: "20" }]);
    expect(lintYaml(body)[0]!.problem.zh).toContain(
      "只有月工资不超过 2320.00 元时才达到 150%，月工资更高的员工",
    );
    const sh = lintYaml(`${body}statutory:\n  city: 上海\n`);
    expect(sh[0]!.problem.zh).toContain("低于：上海月最低工资为 2740.00 元");
  });
});
