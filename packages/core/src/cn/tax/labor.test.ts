import { describe, expect, it } from "vitest";
import { Dec } from "../../money/decimal.js";
import { type LaborResult, withholdLaborRemuneration } from "./labor.js";
import { isTaxProblem } from "./tax-problem.js";

function labor(amount: string): LaborResult {
  const r = withholdLaborRemuneration(amount);
  if (isTaxProblem(r)) throw new Error(r.en);
  return r;
}

describe("withholdLaborRemuneration", () => {
  it.each([
    // amount, taxable, rate, QD, tax
    ["500", "0.00", "20%", "0", "0.00"], // 500 − 800 < 0 → 0
    ["800", "0.00", "20%", "0", "0.00"], // 800 − 800 = 0
    ["3000", "2200.00", "20%", "0", "440.00"], // (3000 − 800) × 20%
    ["4000", "3200.00", "20%", "0", "640.00"], // (4000 − 800) × 20%
    ["4000.01", "3200.008", "20%", "0", "640.00"], // 4000.01 × 80% = 3200.008; × 20% = 640.0016 → 640.00
    ["5000", "4000.00", "20%", "0", "800.00"], // 5000 × 80% × 20%
    ["25000", "20000.00", "20%", "0", "4000.00"], // 20000 ≤ 20000 → 20%
    ["25001", "20000.80", "30%", "2000", "4000.24"], // 20000.8 × 30% − 2000 = 6000.24 − 2000
    ["62500", "50000.00", "30%", "2000", "13000.00"], // 50000 × 30% − 2000
    ["62501", "50000.80", "40%", "7000", "13000.32"], // 50000.8 × 40% − 7000 = 20000.32 − 7000
  ])("%s → taxable %s, %s, QD %s, tax %s", (amount, taxable, rate, qd, tax) => {
    const r = labor(amount);
    expect(r.taxable.eq(Dec.parse(taxable))).toBe(true);
    expect([r.rate, r.quickDeduction.toString(), r.tax.toFixed(2)]).toEqual([rate, qd, tax]);
  });

  it("explains both deduction rules", () => {
    expect(labor("3000").zh).toBe(
      "劳务报酬 3000.00 元，每次收入不超过 4000 元，减除费用 800 元：应纳税所得额 = 3000.00 − 800 = 2200.00；" +
        "预扣率 20%，速算扣除数 0；应预扣税额 = 2200.00 × 20% − 0 = 440.00",
    );
    expect(labor("25001").zh).toBe(
      "劳务报酬 25001.00 元，每次收入超过 4000 元，减除 20% 费用：应纳税所得额 = 25001.00 × 80% = 20000.80；" +
        "预扣率 30%，速算扣除数 2000；应预扣税额 = 20000.80 × 30% − 2000 = 4000.24",
    );
    expect(labor("500").zh).toContain("应纳税所得额 = 500.00 − 800 = -300.00，不足 0 按 0.00 计");
  });

  it("returns a problem for bad input", () => {
    const r = withholdLaborRemuneration("abc");
    expect(isTaxProblem(r) && [r.code, r.path, r.en]).toEqual([
      "INVALID_AMOUNT",
      "amount",
      'amount: "abc" is not a decimal amount (e.g. "30000" or "30000.50")',
    ]);
    const n = withholdLaborRemuneration("-5");
    expect(isTaxProblem(n) && n.zh).toBe("amount：金额不能为负数（实际为 -5）");
  });
});
