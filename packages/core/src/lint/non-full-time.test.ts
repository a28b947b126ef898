import { describe, expect, it } from "vitest";
import { lintYaml, summary } from "./lint-test-kit.js";

const ART72 = "《劳动合同法》第七十二条";
const TAX = "《劳动合同法》第六十八条；《个人所得税法实施条例》第六条";

const base = `params:
  底薪标准: { value: 5000, type: money }
  兼职时薪: { value: 20, type: money }
inputs:
  工作小时: { type: number, default: 0 }
items:
  - name: 工资
    kind: earning
    formula: IF(用工类型 = "非全日制", 兼职时薪 * 工作小时, 底薪标准)
`;
// line 14 is the formula; "非全日制" is at column 25.

describe("rule non-full-time: pay cycle, hourly minimum and tax of non-full-time staff", () => {
  it("no payCycle (monthly by default), at the first sign of non-full-time staff", () => {
    expect(summary(base)).toEqual([
      { rule: "non-full-time", line: 8, column: 3, text: "兼职时薪", law: ART72 },
    ]);
    const p = lintYaml(base)[0]!.problem;
    expect(p.zh).toContain("15 日");
    expect(p.zh).toContain("名称“兼职时薪”");
  });

  it("payCycle 月, at payCycle", () => {
    expect(summary(`payCycle: 月\n${base}`)).toEqual([
      { rule: "non-full-time", line: 6, column: 11, text: "月", law: ART72 },
    ]);
  });

  it('not by a formula that excludes them (用工类型 <> "非全日制")', () => {
    const body = base
      .replace("兼职时薪", "小时单价")
      .replace("兼职时薪", "小时单价")
      .replace(
        'IF(用工类型 = "非全日制", 小时单价 * 工作小时, 底薪标准)',
        'IF(用工类型 <> "非全日制", 底薪标准, 0)',
      );
    expect(summary(body)).toEqual([]);
  });

  it("found by a formula comparing 用工类型 with 非全日制", () => {
    const body = base.replace("兼职时薪", "小时单价").replace("兼职时薪", "小时单价");
    expect(summary(body)).toMatchObject([
      { rule: "non-full-time", line: 14, column: 24, text: '"非全日制"' },
    ]);
  });

  it("an hourly rate below the city's hourly minimum, at the param", () => {
    const body = `payCycle: 周\n${base}statutory:\n  city: 上海\n`;
    expect(summary(body)).toEqual([{ rule: "non-full-time", line: 9, column: 18, text: "20", law: ART72 }]);
    expect(lintYaml(body)[0]!.problem.zh).toContain("低于上海非全日制小时最低工资 25.00 元");
  });

  it("a literal hourly rate in a non-full-time formula below the minimum, at the literal", () => {
    const body = `payCycle: 周\n${base.replace("兼职时薪 * 工作小时", "工作小时 * 22").replace("value: 20,", "value: 30,")}statutory:\n  city: 上海\n`;
    expect(summary(body)).toEqual([{ rule: "non-full-time", line: 15, column: 39, text: "22", law: ART72 }]);
  });

  it("taxed as labour remuneration, at statutory.tax and at TAXLABOR", () => {
    const body = `payCycle: 周\n${base}  - { name: 个税, kind: withholding, formula: TAXLABOR(工资) }\nstatutory:\n  city: 上海\n  tax: 劳务报酬\n`;
    const b = summary(body.replace("value: 20,", "value: 30,"));
    expect(b).toEqual([
      { rule: "non-full-time", line: 16, column: 45, text: "TAXLABOR(工资)", law: TAX },
      { rule: "non-full-time", line: 19, column: 8, text: "劳务报酬", law: TAX },
    ]);
  });

  it("weekly pay at or above the hourly minimum, and policies without non-full-time staff, raise nothing", () => {
    expect(
      summary(`payCycle: 周\n${base.replace("value: 20,", "value: 25,")}statutory:\n  city: 上海\n`),
    ).toEqual([]);
    const fullTime = `description: 本方案不适用于兼职人员\npayCycle: 月\nparams:\n  时薪: { value: 10, type: money }\ncalcs:\n  小时工资: 5000 / 174\nitems:\n  - { name: 工资, kind: earning, formula: "5000" }\n`;
    expect(lintYaml(fullTime, "id: t\nname: 测试\nversion: 1\neffectiveFrom: 2026-01-01\n")).toEqual([]);
  });
});
