import { describe, expect, it } from "vitest";
import { isTaxProblem, type TaxProblem } from "./tax-problem.js";
import { type WageInput, type WageMonthInput, type WageResult, withholdWages } from "./wages.js";

/** Runs and fails the test on a problem. */
function run(input: WageInput): WageResult {
  const r = withholdWages(input);
  if (isTaxProblem(r)) throw new Error(r.en);
  return r;
}

function problem(input: unknown): TaxProblem {
  const r = withholdWages(input as WageInput);
  if (!isTaxProblem(r)) throw new Error("expected a problem");
  return r;
}

/** n consecutive months from `from`, each with the same fields. */
function same(from: number, n: number, fields: Omit<WageMonthInput, "month">): WageMonthInput[] {
  return Array.from({ length: n }, (_, i) => ({ month: from + i, ...fields }));
}

const withheld = (r: WageResult) => r.months.map((m) => m.taxWithheld.toFixed(2));

const STA = { income: "30000", specialDeduction: "4500", specialAdditionalDeduction: "2000" };

describe("withholdWages — bad input is a problem value", () => {
  const base = { taxYear: 2026, hireMonth: 1 };
  it.each([
    [
      {
        ...base,
        months: [
          { month: 1, income: "30000" },
          { month: 2, income: "-100" },
        ],
      },
      "NEGATIVE_AMOUNT",
      "months[1].income",
      "months[1].income：金额不能为负数（实际为 -100）",
      "months[1].income: amount must not be negative (got -100)",
    ],
    [
      { ...base, months: [{ month: 13, income: "1" }] },
      "INVALID_MONTH",
      "months[0].month",
      "months[0].month：月份应为 1–12 的整数，实际为 13",
      "months[0].month: month must be an integer 1–12, got 13",
    ],
    [
      {
        ...base,
        months: [
          { month: 1, income: "1" },
          { month: 3, income: "1" },
        ],
      },
      "MONTH_SEQUENCE",
      "months[1].month",
      "months[1].month：月份应连续，此处应为 2，实际为 3",
      "months[1].month: months must be consecutive: expected 2, got 3",
    ],
    [
      {
        ...base,
        months: [
          { month: 1, income: "1" },
          { month: 1, income: "1" },
        ],
      },
      "MONTH_SEQUENCE",
      "months[1].month",
      "months[1].month：月份 1 重复",
      "months[1].month: month 1 appears twice",
    ],
    [
      { ...base, hireMonth: 7, months: [{ month: 8, income: "1" }] },
      "MONTH_SEQUENCE",
      "months[0].month",
      "months[0].month：第一个月应为入职月份 7，实际为 8",
      "months[0].month: the first month must be the hire month 7, got 8",
    ],
    [
      {
        ...base,
        months: [
          { month: 1, income: "1" },
          { month: 2, income: "1" },
          { month: 3, income: "abc" },
        ],
      },
      "INVALID_AMOUNT",
      "months[2].income",
      'months[2].income："abc" 不是有效的金额，应为十进制数字，如 "30000" 或 "30000.50"',
      'months[2].income: "abc" is not a decimal amount (e.g. "30000" or "30000.50")',
    ],
    [
      { ...base, months: [{ month: 1, income: 30000 }] },
      "INVALID_AMOUNT",
      "months[0].income",
      'months[0].income：金额应写成带引号的十进制字符串，如 "30000.00"（实际为数字 30000）',
      'months[0].income: amounts must be quoted decimal strings such as "30000.00" (got the number 30000)',
    ],
    [
      { ...base, months: [{ month: 1, income: "1.005" }] },
      "TOO_MANY_DECIMALS",
      "months[0].income",
      "months[0].income：金额最多两位小数（到分），实际为 1.005",
      "months[0].income: amount has more than two decimal places: 1.005",
    ],
    [
      { ...base, months: [{ month: 1, income: "1", incom: "2" }] },
      "UNKNOWN_FIELD",
      "months[0].incom",
      "months[0].incom：未知字段；可用的字段有 month、income、taxFreeIncome、specialDeduction、specialAdditionalDeduction、specialAdditionalDeductionCumulative、otherDeduction、reliefTax",
      "months[0].incom: unknown field; allowed fields: month, income, taxFreeIncome, specialDeduction, specialAdditionalDeduction, specialAdditionalDeductionCumulative, otherDeduction, reliefTax",
    ],
    [
      { taxYear: 2018, months: [{ month: 1, income: "1" }] },
      "INVALID_YEAR",
      "taxYear",
      "taxYear：纳税年度应为 2019–2100 的整数（累计预扣法自 2019 年起施行），实际为 2018",
      "taxYear: taxYear must be an integer 2019–2100 (cumulative withholding began in 2019), got 2018",
    ],
    [
      { ...base, hireMonth: 11, months: same(11, 3, { income: "1" }) },
      "INVALID_MONTH",
      "months[2].month",
      "months[2].month：月份应为 1–12 的整数，实际为 13",
      "months[2].month: month must be an integer 1–12, got 13",
    ],
  ])("case %#", (input, code, path, zh, en) => {
    const p = problem(input);
    expect([p.code, p.path, p.zh, p.en]).toEqual([code, path, zh, en]);
  });

  it("rejects a non-object, empty months and conflicting rules", () => {
    expect(problem(null).zh).toBe("输入应为一个 JSON 对象");
    expect(problem({ taxYear: 2026, months: [] }).zh).toBe("months：应为至少包含一个月的数组");
    expect(problem({ taxYear: 2026, hireMonth: 0, months: [] }).zh).toBe(
      "hireMonth：月份应为 1–12 的整数，实际为 0",
    );
    expect(problem({ taxYear: 2026, hireMonth: 3, prevYearLowIncomeSimplified: true, months: [] }).code).toBe(
      "CONFLICT",
    );
    expect(
      problem({ taxYear: 2026, firstWageIncomeOfYear: true, prevYearLowIncomeSimplified: true, months: [] })
        .code,
    ).toBe("CONFLICT");
    expect(problem({ taxYear: 2026, firstWageIncomeOfYear: "yes", months: [] }).zh).toBe(
      'firstWageIncomeOfYear：应为 true 或 false，实际为 "yes"',
    );
    // months past December: the next tax year is separate
    expect(
      problem({
        taxYear: 2026,
        hireMonth: 12,
        months: [
          { month: 12, income: "1" },
          { month: 1, income: "1" },
        ],
      }).zh,
    ).toBe("months[1].month：一个纳税年度到 12 月为止，下一年度的工资应另行计算");
  });

  it("accepts null for optional fields", () => {
    const r = run({
      taxYear: 2026,
      hireMonth: null,
      firstWageIncomeOfYear: null,
      months: [{ month: 1, ...STA, taxFreeIncome: null, specialAdditionalDeductionCumulative: null }],
    });
    expect(withheld(r)).toEqual(["555.00"]);
  });
});
