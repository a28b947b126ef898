import { describe, expect, it } from "vitest";
import { lintYaml, summary } from "./lint-test-kit.js";

const ART16 = "《工资支付暂行规定》（劳部发〔1994〕489号）第十六条";
const ART15_16 = "《工资支付暂行规定》（劳部发〔1994〕489号）第十五条、第十六条";

const base = `params:
  底薪标准: { value: 5000, type: money }
  扣款上限比例: { value: 20%, type: ratio }
inputs:
  损失金额: { type: money, default: 0 }
  已发培训费: { type: money, default: 0 }
  试用期内离职: { type: boolean, default: false }
items:
  - { name: 基本工资, kind: earning, formula: 底薪标准 }
`;
// base is 9 lines: an added item's formula is on line 17.

const item = (name: string, formula: string, explain = "") =>
  `  - name: ${name}\n    kind: deduction\n    formula: ${formula}\n${explain ? `    explain: ${explain}\n` : ""}`;

describe("rule damages: deductions for damages above 20% of the month's wage", () => {
  it("no cap, at the formula", () => {
    expect(summary(base + item("赔偿扣款", "损失金额"))).toEqual([
      { rule: "damages", line: 17, column: 14, text: "损失金额", law: ART16 },
    ]);
    const f = lintYaml(base + item("赔偿扣款", "损失金额"))[0]!.problem;
    expect(f.zh).toContain("20%");
    expect(f.zh).toContain("最低工资");
    expect(f.severity).toBe("warning");
  });

  it("a cap above 20%, at the ratio", () => {
    expect(summary(base + item("赔偿扣款", "MIN(损失金额, 30% * 底薪标准)"))).toEqual([
      { rule: "damages", line: 17, column: 24, text: "30%", law: ART16 },
    ]);
  });

  it("damages found by the explanation", () => {
    expect(summary(base + item("其他扣款", "损失金额", "设备损坏赔偿"))).toMatchObject([
      { rule: "damages", line: 17, column: 14 },
    ]);
  });

  it("a 20% cap (literal or param, also through a calc) raises nothing", () => {
    expect(summary(base + item("赔偿扣款", "MIN(损失金额, 20% * 底薪标准)"))).toEqual([]);
    expect(summary(base + item("赔偿扣款", "MIN(损失金额, 底薪标准 * 扣款上限比例)"))).toEqual([]);
    const calc = "calcs:\n  赔偿上限: 底薪标准 * 0.2\n";
    expect(summary(base + item("赔偿扣款", "MIN(损失金额, 赔偿上限)") + calc)).toEqual([]);
  });
});

describe("rule clawback: clawing back pay already paid", () => {
  it("no cap, at the formula", () => {
    const b = summary(base + item("培训费扣回", "IF(试用期内离职, 已发培训费, 0)"));
    expect(b).toEqual([
      { rule: "clawback", line: 17, column: 14, text: "IF(试用期内离职, 已发培训费, 0)", law: ART15_16 },
    ]);
  });

  it("capped at 20% raises nothing", () => {
    expect(
      summary(base + item("培训费扣回", "MIN(IF(试用期内离职, 已发培训费, 0), 20% * 底薪标准)")),
    ).toEqual([]);
  });
});
