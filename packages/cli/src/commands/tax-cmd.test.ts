import { describe, expect, it } from "vitest";
import { AppError } from "../app-error.js";
import { runTaxBonus, runTaxLabor, runTaxWages } from "./tax-cmd.js";

function capture(f: (print: (s: string) => void) => void): string {
  const out: string[] = [];
  f((s) => out.push(s));
  return out.join("\n");
}

function failure(f: () => void): AppError {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected an AppError");
}

const STA_MONTH = (month: number) => ({
  month,
  income: "30000",
  taxFreeIncome: "0",
  specialDeduction: "4500",
  specialAdditionalDeduction: "2000",
  specialAdditionalDeductionCumulative: null,
  otherDeduction: "0",
});
const STA_INPUT = {
  taxYear: 2026,
  hireMonth: 1,
  firstWageIncomeOfYear: false,
  prevYearLowIncomeSimplified: false,
  months: [STA_MONTH(1), STA_MONTH(2), STA_MONTH(3)],
};

describe("runTaxWages", () => {
  it("prints the months as JSON (STA example: 555, 625, 1850)", () => {
    const out = capture((p) => runTaxWages(JSON.stringify(STA_INPUT), p));
    // taxable 18500k; tax 18500 × 3% = 555; 37000 × 10% − 2520 = 1180; 55500 × 10% − 2520 = 3030
    expect(JSON.parse(out)).toEqual({
      months: [
        {
          month: 1,
          cumulativeIncome: "30000.00",
          cumulativeTaxable: "18500.00",
          rate: "3%",
          quickDeduction: "0.00",
          cumulativeTax: "555.00",
          withheldBefore: "0.00",
          taxWithheld: "555.00",
        },
        {
          month: 2,
          cumulativeIncome: "60000.00",
          cumulativeTaxable: "37000.00",
          rate: "10%",
          quickDeduction: "2520.00",
          cumulativeTax: "1180.00",
          withheldBefore: "555.00",
          taxWithheld: "625.00",
        },
        {
          month: 3,
          cumulativeIncome: "90000.00",
          cumulativeTaxable: "55500.00",
          rate: "10%",
          quickDeduction: "2520.00",
          cumulativeTax: "3030.00",
          withheldBefore: "1180.00",
          taxWithheld: "1850.00",
        },
      ],
    });
    expect(
      out.startsWith('{"months":[{"month":1,"cumulativeIncome":"30000.00","cumulativeTaxable":"18500.00"'),
    ).toBe(true);
  });

  it("prints a Chinese table and the explanation without --json", () => {
    const out = capture((p) => runTaxWages(JSON.stringify(STA_INPUT), p, false));
    const lines = out.split("\n");
    expect(lines[0]).toBe(
      "个人所得税累计预扣（2026 年，入职月份 1；减除费用 = 5000 元 × 在本单位任职月份数）",
    );
    expect(lines[1]).toMatch(
      /^月份\s+累计收入\s+累计减除费用\s+累计专项扣除\s+累计专项附加扣除\s+累计应纳税所得额/,
    );
    expect(lines[3]).toMatch(
      /^1月\s+30000\.00\s+5000\.00\s+4500\.00\s+2000\.00\s+18500\.00\s+3%\s+0\.00\s+555\.00\s+0\.00\s+555\.00$/,
    );
    // 555 + 625 + 1850 = 3030
    expect(out).toContain("合计已预扣 3030.00 元");
    expect(out).toContain(
      "2月：累计应纳税所得额 = 60000.00 − 10000.00 − 9000.00 − 4000.00 = 37000.00；税率 10%，速算扣除数 2520；",
    );
  });

  it.each([
    ["{not json", /^输入不是有效的 JSON：/],
    [
      JSON.stringify({
        ...STA_INPUT,
        months: [STA_MONTH(1), STA_MONTH(2), { ...STA_MONTH(3), income: "-1" }],
      }),
      /^months\[2\]\.income：金额不能为负数（实际为 -1）$/,
    ],
    [
      JSON.stringify({ ...STA_INPUT, months: [{ ...STA_MONTH(1), month: 13 }] }),
      /^months\[0\]\.month：月份应为 1–12 的整数，实际为 13$/,
    ],
    [
      JSON.stringify({ ...STA_INPUT, months: [{ ...STA_MONTH(1), specialDeduction: "四千五" }] }),
      /^months\[0\]\.specialDeduction："四千五" 不是有效的金额/,
    ],
    ["[1,2]", /^输入应为一个 JSON 对象$/],
  ])("refuses bad input %#", (text, zh) => {
    const e = failure(() => runTaxWages(text, () => {}));
    expect(e.code).toBe("INPUT_INVALID");
    expect(e.zh).toMatch(zh);
    expect(e.details[0]?.zh).toMatch(/^输入示例：/);
  });

  it("names the field in English too", () => {
    const text = JSON.stringify({
      ...STA_INPUT,
      months: [STA_MONTH(1), STA_MONTH(2), { ...STA_MONTH(3), income: "x" }],
    });
    expect(failure(() => runTaxWages(text, () => {})).en).toBe(
      'months[2].income: "x" is not a decimal amount (e.g. "30000" or "30000.50")',
    );
  });
});

describe("runTaxBonus", () => {
  it("prints JSON with the trap", () => {
    // 36001 ÷ 12 > 3000 → 10%/210: 3600.10 − 210 = 3390.10; at 36000: 1080; extra 2310.10;
    // net 36001 − 3390.10 = 32610.90 vs 36000 − 1080 = 34920.00 (2309.10 less)
    const out = JSON.parse(capture((p) => runTaxBonus("36001", true, p)));
    expect(out).toEqual({
      tax: "3390.10",
      rate: "10%",
      quickDeduction: "210.00",
      trap: {
        boundary: "36000.00",
        zoneEnd: "38566.67",
        extraTax: "2310.10",
        payInstead: "36000.00",
        netAtAmount: "32610.90",
        netAtBoundary: "34920.00",
        zh:
          "奖金 36001.00 元落在临界点 36000.00 元之上的多缴税区间（36000.00，38566.67]：税额 3390.10 元，" +
          "比发 36000.00 元多缴 2310.10 元，税后 32610.90 元反而比发 36000.00 元时的 34920.00 元少 2309.10 元。" +
          "建议改发 36000.00 元，或发放超过 38566.67 元。",
      },
    });
  });

  it("prints trap null at a boundary, and Chinese text without --json", () => {
    // 36000 × 3% = 1080
    expect(capture((p) => runTaxBonus("36000", true, p))).toBe(
      '{"tax":"1080.00","rate":"3%","quickDeduction":"0.00","trap":null}',
    );
    const text = capture((p) => runTaxBonus("37000", false, p));
    // 37000 × 10% − 210 = 3490; net 33510
    expect(text).toContain("应纳税额 3490.00 元，税后 33510.00 元");
    expect(text).toContain("注意：奖金 37000.00 元落在临界点 36000.00 元之上");
  });

  it("refuses a bad amount or a payment date after 2027-12-31", () => {
    const e = failure(() => runTaxBonus("abc", true, () => {}));
    expect([e.code, e.zh]).toEqual([
      "INPUT_INVALID",
      'amount："abc" 不是有效的金额，应为十进制数字，如 "30000" 或 "30000.50"',
    ]);
    expect(failure(() => runTaxBonus("36000", true, () => {}, { paidOn: "2028-01-10" })).zh).toMatch(
      /^paidOn：全年一次性奖金单独计税政策执行至 2027-12-31/,
    );
  });
});

describe("runTaxLabor", () => {
  it.each([
    ["5000", '{"tax":"800.00","taxable":"4000.00","rate":"20%"}'], // 5000 × 80% = 4000; × 20%
    ["3000", '{"tax":"440.00","taxable":"2200.00","rate":"20%"}'], // (3000 − 800) × 20%
    ["62501", '{"tax":"13000.32","taxable":"50000.80","rate":"40%"}'], // 50000.8 × 40% − 7000
    ["4000.01", '{"tax":"640.00","taxable":"3200.008","rate":"20%"}'], // 3200.008 × 20% = 640.0016
  ])("labor %s → %s", (amount, json) => {
    expect(capture((p) => runTaxLabor(amount, true, p))).toBe(json);
  });

  it("prints Chinese text without --json and refuses a negative amount", () => {
    expect(capture((p) => runTaxLabor("3000", false, p))).toContain("应预扣税额 440.00 元，税后 2560.00 元");
    const e = failure(() => runTaxLabor("-3000", false, () => {}));
    expect([e.code, e.zh, e.en]).toEqual([
      "INPUT_INVALID",
      "amount：金额不能为负数（实际为 -3000）",
      "amount: amount must not be negative (got -3000)",
    ]);
  });
});
