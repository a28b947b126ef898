import { describe, expect, it } from "vitest";
import { lintYaml, summary } from "./lint-test-kit.js";

const REF = "人社部发〔2025〕2号（月计薪天数 21.75）";

const base = `params:
  底薪标准: { value: 5000, type: money }
  月折算天数: { value: 30, type: number }
inputs:
  出勤天数: { type: number, default: 0 }
  在职天数: { type: number, default: 0 }
  缺勤天数: { type: number, default: 0 }
`;
// base is 7 lines: "items:" is line 13 and the first item's formula line 16.

const item = (name: string, formula: string) =>
  `  - name: ${name}\n    kind: earning\n    formula: ${formula}\n`;
const items = (...xs: string[]) => `items:\n${xs.join("")}`;

describe("rule proration: part months divided by calendar days but paid by days worked", () => {
  it("÷ 30 × 出勤天数, at the divisor", () => {
    expect(summary(base + items(item("底薪", "底薪标准 / 30 * 出勤天数")))).toEqual([
      { rule: "proration", line: 16, column: 21, text: "30", law: REF },
    ]);
    const p = lintYaml(base + items(item("底薪", "底薪标准 / 30 * 出勤天数")))[0]!.problem;
    expect(p.zh).toContain('PRORATE(月工资, "出勤", 计薪天数)');
    expect(p.ref?.url).toContain("gov.cn");
  });

  it("÷ 本月天数 in a daily-wage calc, at the divisor in the calc", () => {
    const calcs = "calcs:\n  日薪: 底薪标准 / 本月天数\n";
    expect(summary(base + calcs + items(item("底薪", "日薪 * 出勤天数")))).toEqual([
      { rule: "proration", line: 14, column: 14, text: "本月天数", law: REF },
    ]);
  });

  it("÷ a param of 30 days × a calc of days worked, at the param", () => {
    const calcs = "calcs:\n  计薪日数: MIN(月折算天数, 出勤天数 + 2)\n";
    expect(summary(base + calcs + items(item("底薪", "底薪标准 * 计薪日数 / 月折算天数")))).toMatchObject([
      { rule: "proration", line: 18, column: 28, text: "月折算天数" },
    ]);
  });

  it("21.75, 计薪天数, 本月工作日 capped at 100%, PRORATE and calendar days employed raise nothing", () => {
    const ok = items(
      item("a", "底薪标准 / 21.75 * 出勤天数"),
      item("b", "MIN(底薪标准, 底薪标准 / 计薪天数 * 出勤天数)"),
      item("c", "底薪标准 * MIN(100%, 出勤天数 / 本月工作日)"),
      item("d", 'PRORATE(底薪标准, "出勤", 出勤天数)'),
      item("e", 'PRORATE(底薪标准, "扣减", 缺勤天数)'),
      item("f", "底薪标准 / 本月天数 * 在职天数"),
      item("g", "底薪标准 - 缺勤天数 * 底薪标准 / 30"),
    );
    expect(summary(base + ok)).toEqual([]);
  });
});
