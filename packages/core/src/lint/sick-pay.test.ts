import { describe, expect, it } from "vitest";
import { lintYaml, summary } from "./lint-test-kit.js";

const ART59 = "劳部发〔1995〕309号 第五十九条";

const base = `params:
  底薪标准: { value: 5000, type: money }
  最低工资标准: { value: 2500, type: money }
  病假扣薪比例: { value: 100%, type: ratio }
inputs:
  病假天数: { type: number, default: 0 }
  事假天数: { type: number, default: 0 }
items:
  - { name: 基本工资, kind: earning, formula: 底薪标准 }
`;
// base is 9 lines: an added item's formula is on line 17.

const item = (name: string, formula: string, kind = "deduction") =>
  `  - name: ${name}\n    kind: ${kind}\n    formula: ${formula}\n`;

describe("rule sick-pay: sick pay below 80% of the minimum wage", () => {
  it("sick days deducted at the full daily wage, at the term", () => {
    expect(summary(base + item("病假扣款", "病假天数 * DAILYWAGE(底薪标准)"))).toEqual([
      { rule: "sick-pay", line: 17, column: 14, text: "病假天数 * DAILYWAGE(底薪标准)", law: ART59 },
    ]);
    expect(lintYaml(base + item("病假扣款", "病假天数 * DAILYWAGE(底薪标准)"))[0]!.problem.zh).toContain(
      "80%",
    );
  });

  it("sick days counted in an unpaid-days calc at a 100% share, at the sick term of the calc", () => {
    const calc = "calcs:\n  请假不计薪天数: 事假天数 + 病假天数 * 病假扣薪比例\n";
    const body = base + item("请假扣款", "底薪标准 * 请假不计薪天数 / 21.75") + calc;
    expect(summary(body)).toEqual([
      { rule: "sick-pay", line: 19, column: 19, text: "病假天数 * 病假扣薪比例", law: ART59 },
    ]);
    expect(summary(body.replace("{ value: 100%, type: ratio }", "{ value: 40%, type: ratio }"))).toEqual([]);
  });

  it("PRORATE 扣减 over sick days, at the call", () => {
    const body = base.replace(
      "  - { name: 基本工资, kind: earning, formula: 底薪标准 }\n",
      item("基本工资", 'PRORATE(底薪标准, "扣减", 事假天数 + 病假天数)', "earning"),
    );
    expect(summary(body)).toEqual([
      {
        rule: "sick-pay",
        line: 16,
        column: 14,
        text: 'PRORATE(底薪标准, "扣减", 事假天数 + 病假天数)',
        law: ART59,
      },
    ]);
  });

  it("sick pay at a ratio of the minimum wage below 80%, at the term", () => {
    expect(summary(base + item("病假工资", "病假天数 * 最低工资标准 / 21.75 * 60%", "earning"))).toEqual([
      { rule: "sick-pay", line: 17, column: 14, text: "病假天数 * 最低工资标准 / 21.75 * 60%", law: ART59 },
    ]);
  });

  it("with a city, a fixed daily sick pay below 80% of the minimum, at the amount", () => {
    const body = `${base}${item("病假工资", "病假天数 * 50", "earning")}statutory:\n  city: 广州\n`;
    expect(summary(body)).toMatchObject([{ rule: "sick-pay", line: 17, column: 21, text: "50" }]);
    expect(lintYaml(body)[0]!.problem.zh).toContain(
      "1087.50 元，低于广州最低工资 2500.00 元的 80%（2000.00 元）",
    );
  });

  it("lawful sick pay raises nothing", () => {
    expect(summary(base + item("病假扣款", "病假天数 * DAILYWAGE(底薪标准) * 20%"))).toEqual([]);
    const own = base.replace("inputs:\n", "inputs:\n  病假工资比例: { type: ratio, default: 80% }\n");
    expect(summary(own + item("病假扣款", "病假天数 * DAILYWAGE(底薪标准) * (1 - 病假工资比例)"))).toEqual(
      [],
    );
    expect(summary(base + item("病假工资", "病假天数 * 最低工资标准 / 21.75 * 80%", "earning"))).toEqual([]);
    const separate =
      item("病假扣款", "病假天数 * DAILYWAGE(底薪标准)") + item("病假工资", "病假天数 * 100", "earning");
    expect(summary(base + separate)).toEqual([]);
  });
});
