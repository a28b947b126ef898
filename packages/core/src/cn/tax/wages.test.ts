import { describe, expect, it } from "vitest";
import { isTaxProblem } from "./tax-problem.js";
import { type WageInput, type WageMonthInput, type WageResult, withholdWages } from "./wages.js";

/** Runs and fails the test on a problem. */
function run(input: WageInput): WageResult {
  const r = withholdWages(input);
  if (isTaxProblem(r)) throw new Error(r.en);
  return r;
}

/** n consecutive months from `from`, each with the same fields. */
function same(from: number, n: number, fields: Omit<WageMonthInput, "month">): WageMonthInput[] {
  return Array.from({ length: n }, (_, i) => ({ month: from + i, ...fields }));
}

const withheld = (r: WageResult) => r.months.map((m) => m.taxWithheld.toFixed(2));
const cumTax = (r: WageResult) => r.months.map((m) => m.cumulativeTax.toFixed(2));

const STA = { income: "30000", specialDeduction: "4500", specialAdditionalDeduction: "2000" };

describe("withholdWages — STA worked example (30000 / 4500 / 2000)", () => {
  // Each month adds 30000 − 5000 − 4500 − 2000 = 18500 to the cumulative taxable amount.
  const r = run({ taxYear: 2026, hireMonth: 1, months: same(1, 12, STA) });

  it("withholds 555, 625, 1850 ×5, 2250, 3700 ×4", () => {
    // k  taxable        cumulative tax                 withheld
    // 1  18500  × 3%            = 555                   555
    // 2  37000  × 10% − 2520    = 1180     1180 − 555 = 625
    // 3  55500  × 10% − 2520    = 3030     3030 − 1180 = 1850
    // 4  74000  × 10% − 2520    = 4880     1850
    // 5  92500  × 10% − 2520    = 6730     1850
    // 6  111000 × 10% − 2520    = 8580     1850
    // 7  129500 × 10% − 2520    = 10430    1850
    // 8  148000 × 20% − 16920   = 12680    12680 − 10430 = 2250
    // 9  166500 × 20% − 16920   = 16380    3700
    // 10 185000 × 20% − 16920   = 20080    3700
    // 11 203500 × 20% − 16920   = 23780    3700
    // 12 222000 × 20% − 16920   = 27480    3700
    expect(withheld(r)).toEqual(
      ["555", "625", "1850", "1850", "1850", "1850", "1850", "2250", "3700", "3700", "3700", "3700"].map(
        (s) => `${s}.00`,
      ),
    );
    expect(cumTax(r)).toEqual(
      [
        "555",
        "1180",
        "3030",
        "4880",
        "6730",
        "8580",
        "10430",
        "12680",
        "16380",
        "20080",
        "23780",
        "27480",
      ].map((s) => `${s}.00`),
    );
    // 555 + 625 + 1850×5 + 2250 + 3700×4 = 27480
    expect(r.totalWithheld.toFixed(2)).toBe("27480.00");
  });

  it("reports the cumulative figures of month 2 and 8", () => {
    const feb = r.months[1]!;
    // 2 × 30000, 2 × 5000, 2 × 4500, 2 × 2000
    expect(
      [
        feb.cumulativeIncome,
        feb.cumulativeBasicDeduction,
        feb.cumulativeSpecialDeduction,
        feb.cumulativeSAD,
        feb.cumulativeTaxable,
        feb.quickDeduction,
        feb.withheldBefore,
      ].map((d) => d.toFixed(2)),
    ).toEqual(["60000.00", "10000.00", "9000.00", "4000.00", "37000.00", "2520.00", "555.00"]);
    expect(feb.rate).toBe("10%");
    expect(r.months[7]!.rate).toBe("20%");
    // withheld Jan–Jul: 555 + 625 + 1850 × 5 = 10430
    expect(r.months[7]!.withheldBefore.toFixed(2)).toBe("10430.00");
  });

  it("explains each month with the substituted formula", () => {
    expect(r.months[0]!.zh).toBe(
      "累计应纳税所得额 = 30000.00 − 5000.00 − 4500.00 − 2000.00 = 18500.00；税率 3%，速算扣除数 0；" +
        "累计应纳税额 = 18500.00 × 3% − 0 = 555.00；本月应预扣 = 555.00 − 0.00 = 555.00",
    );
    expect(r.months[1]!.zh).toBe(
      "累计应纳税所得额 = 60000.00 − 10000.00 − 9000.00 − 4000.00 = 37000.00；税率 10%，速算扣除数 2520；" +
        "累计应纳税额 = 37000.00 × 10% − 2520 = 1180.00；本月应预扣 = 1180.00 − 555.00 = 625.00",
    );
  });
});

describe("withholdWages — rules", () => {
  it("withholds 0 in a month whose balance is negative (no refund) and catches up later", () => {
    const r = run({
      taxYear: 2026,
      months: [
        { month: 1, ...STA },
        { month: 2, income: "1000", specialDeduction: "4500", specialAdditionalDeduction: "2000" },
        { month: 3, ...STA },
      ],
    });
    // Jan: 18500 × 3% = 555 → 555
    // Feb: 31000 − 10000 − 9000 − 4000 = 8000 → 240; 240 − 555 = −315 → withhold 0 (no refund)
    // Mar: 61000 − 15000 − 13500 − 6000 = 26500 → 795; 795 − (555 + 0) = 240
    expect(cumTax(r)).toEqual(["555.00", "240.00", "795.00"]);
    expect(r.months[1]!.balance.toFixed(2)).toBe("-315.00");
    expect(withheld(r)).toEqual(["555.00", "0.00", "240.00"]);
    expect(r.months[2]!.withheldBefore.toFixed(2)).toBe("555.00");
    // 555 + 0 + 240 = 795 = final cumulative tax
    expect(r.totalWithheld.toFixed(2)).toBe("795.00");
    expect(r.months[1]!.zh).toContain("本月应预扣 = 240.00 − 555.00 = -315.00，为负数，本月不预扣");
  });

  it("ends the year over-withheld when the last month is low (refund only in the annual settlement)", () => {
    const r = run({
      taxYear: 2026,
      months: [
        { month: 1, ...STA },
        { month: 2, income: "0" },
      ],
    });
    // Feb: 30000 − 10000 − 4500 − 2000 = 13500 → 405; 405 − 555 = −150 → 0; total 555 = max(555, 405)
    expect(cumTax(r)).toEqual(["555.00", "405.00"]);
    expect(withheld(r)).toEqual(["555.00", "0.00"]);
    expect(r.totalWithheld.toFixed(2)).toBe("555.00");
  });

  it("counts months employed from a mid-year hire month", () => {
    const r = run({
      taxYear: 2026,
      hireMonth: 7,
      months: same(7, 4, { income: "20000", specialDeduction: "3000", specialAdditionalDeduction: "1000" }),
    });
    // each month adds 20000 − 5000 − 3000 − 1000 = 11000
    // Jul 11000 × 3% = 330; Aug 22000 → 660 (330); Sep 33000 → 990 (330);
    // Oct 44000 × 10% − 2520 = 1880; 1880 − 990 = 890
    expect(r.months.map((m) => m.cumulativeBasicDeduction.toFixed(2))).toEqual([
      "5000.00",
      "10000.00",
      "15000.00",
      "20000.00",
    ]);
    expect(withheld(r)).toEqual(["330.00", "330.00", "330.00", "890.00"]);
    expect(r.basicDeductionRule).toBe("standard");
  });

  it("公告2020年第13号: first wage income in July → basic deduction 5000 × 7 = 35000", () => {
    const r = run({
      taxYear: 2026,
      hireMonth: 7,
      firstWageIncomeOfYear: true,
      months: same(7, 4, { income: "20000", specialDeduction: "3000", specialAdditionalDeduction: "1000" }),
    });
    // Jul 20000 − 35000 − 3000 − 1000 = −19000 → 0
    // Aug 40000 − 40000 − 6000 − 2000 = −8000 → 0
    // Sep 60000 − 45000 − 9000 − 3000 = 3000 → 90
    // Oct 80000 − 50000 − 12000 − 4000 = 14000 → 420; 420 − 90 = 330
    expect(r.months.map((m) => m.cumulativeBasicDeduction.toFixed(2))).toEqual([
      "35000.00",
      "40000.00",
      "45000.00",
      "50000.00",
    ]);
    expect(r.months.map((m) => m.cumulativeTaxable.toFixed(2))).toEqual([
      "0.00",
      "0.00",
      "3000.00",
      "14000.00",
    ]);
    expect(withheld(r)).toEqual(["0.00", "0.00", "90.00", "330.00"]);
    expect(r.months[0]!.zh).toContain(
      "累计应纳税所得额 = 20000.00 − 35000.00 − 3000.00 − 1000.00 = -19000.00，不足 0 按 0.00 计",
    );
    expect(r.basicDeductionRule).toBe("first-wage-2020-13");
    expect(r.basicDeductionSource).toContain("公告2020年第13号");
  });

  it("公告2020年第19号: 60000 from January — nothing withheld until cumulative income exceeds 60000", () => {
    const r = run({
      taxYear: 2026,
      prevYearLowIncomeSimplified: true,
      months: same(1, 12, { income: "8000" }),
    });
    // cumulative income 8000k; taxable = 8000k − 60000: k ≤ 7 → ≤ 56000 − 60000 < 0 → 0
    // k=8: 4000 → 120; each later month +8000 × 3% = 240; k=12: 36000 → 1080 (still 3%)
    expect(withheld(r)).toEqual([...Array(7).fill("0.00"), "120.00", "240.00", "240.00", "240.00", "240.00"]);
    expect(r.months.every((m) => m.cumulativeBasicDeduction.toFixed(2) === "60000.00")).toBe(true);
    // 120 + 4 × 240 = 1080 = 36000 × 3%
    expect(r.totalWithheld.toFixed(2)).toBe("1080.00");
    // without the rule: (8000 − 5000) × 3% = 90 in January
    expect(withheld(run({ taxYear: 2026, months: same(1, 1, { income: "8000" }) }))).toEqual(["90.00"]);
  });

  it("late SAD declaration: the cumulative field replaces the monthly sum up to that month", () => {
    const r = run({
      taxYear: 2026,
      months: [
        { month: 1, income: "30000", specialDeduction: "4500" },
        { month: 2, income: "30000", specialDeduction: "4500" },
        { month: 3, ...STA, specialAdditionalDeductionCumulative: "6000" },
        { month: 4, ...STA },
      ],
    });
    // Jan 30000 − 5000 − 4500 = 20500 → 615
    // Feb 41000 × 10% − 2520 = 1580; 1580 − 615 = 965
    // Mar 90000 − 15000 − 13500 − 6000 (declared Jan–Mar) = 55500 → 3030; 3030 − 1580 = 1450
    // Apr SAD 6000 + 2000 = 8000: 120000 − 20000 − 18000 − 8000 = 74000 → 4880; 4880 − 3030 = 1850
    expect(r.months.map((m) => m.cumulativeSAD.toFixed(2))).toEqual(["0.00", "0.00", "6000.00", "8000.00"]);
    expect(withheld(r)).toEqual(["615.00", "965.00", "1450.00", "1850.00"]);
  });

  it("subtracts tax-free income, other deductions and relief", () => {
    const r = run({
      taxYear: 2026,
      months: [{ month: 1, ...STA, taxFreeIncome: "1000", otherDeduction: "200", reliefTax: "100" }],
    });
    // 30000 − 1000 − 5000 − 4500 − 2000 − 200 = 17300 → 519; 519 − 100 − 0 = 419
    expect(r.months[0]!.zh).toBe(
      "累计应纳税所得额 = 30000.00 − 1000.00 − 5000.00 − 4500.00 − 2000.00 − 200.00 = 17300.00；税率 3%，速算扣除数 0；" +
        "累计应纳税额 = 17300.00 × 3% − 0 = 519.00；本月应预扣 = 519.00 − 100.00（累计减免税额） − 0.00 = 419.00",
    );
    expect(withheld(r)).toEqual(["419.00"]);
  });

  it("rounds the cumulative tax half-up to the 分", () => {
    // 5000.50 − 5000 = 0.50 → 0.50 × 3% = 0.015 → 0.02; 10001.50 − 10000 = 1.50 → 0.045 → 0.05; 0.05 − 0.02 = 0.03
    const r = run({
      taxYear: 2026,
      months: [
        { month: 1, income: "5000.50" },
        { month: 2, income: "5001" },
      ],
    });
    expect(cumTax(r)).toEqual(["0.02", "0.05"]);
    expect(withheld(r)).toEqual(["0.02", "0.03"]);
  });
});
