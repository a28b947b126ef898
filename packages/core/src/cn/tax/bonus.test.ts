import { describe, expect, it } from "vitest";
import { type BonusResult, bonusDeadZones, taxAnnualBonus } from "./bonus.js";
import { isTaxProblem, type TaxProblem } from "./tax-problem.js";

function bonus(amount: string, paidOn?: string): BonusResult {
  const r = taxAnnualBonus(amount, paidOn === undefined ? {} : { paidOn });
  if (isTaxProblem(r)) throw new Error(r.en);
  return r;
}

function problem(amount: string, paidOn?: string): TaxProblem {
  const r = taxAnnualBonus(amount, paidOn === undefined ? {} : { paidOn });
  if (!isTaxProblem(r)) throw new Error("expected a problem");
  return r;
}

describe("taxAnnualBonus — tax", () => {
  it.each([
    // amount, rate, QD, tax — rate/QD looked up with amount ÷ 12; tax = amount × rate − QD (one QD only)
    ["0", "3%", "0", "0.00"],
    ["12000", "3%", "0", "360.00"], // 12000 × 3%
    ["36000", "3%", "0", "1080.00"], // 36000 ÷ 12 = 3000 ≤ 3000 → 3%; 36000 × 3% = 1080
    ["36000.01", "10%", "210", "3390.00"], // 3600.001 − 210 = 3390.001 → 3390.00
    ["36001", "10%", "210", "3390.10"], // 3600.10 − 210
    ["144000", "10%", "210", "14190.00"], // 14400 − 210
    ["144001", "20%", "1410", "27390.20"], // 28800.20 − 1410
    ["300000", "20%", "1410", "58590.00"], // 60000 − 1410
    ["300001", "25%", "2660", "72340.25"], // 75000.25 − 2660
    ["420000", "25%", "2660", "102340.00"], // 105000 − 2660
    ["420001", "30%", "4410", "121590.30"], // 126000.30 − 4410
    ["660000", "30%", "4410", "193590.00"], // 198000 − 4410
    ["660001", "35%", "7160", "223840.35"], // 231000.35 − 7160
    ["960000", "35%", "7160", "328840.00"], // 336000 − 7160
    ["960001", "45%", "15160", "416840.45"], // 432000.45 − 15160
    ["100000.05", "10%", "210", "9790.01"], // 10000.005 − 210 = 9790.005 → half-up 9790.01
  ])("bonus %s → %s, QD %s, tax %s", (amount, rate, qd, tax) => {
    const r = bonus(amount);
    expect([r.rate, r.quickDeduction.toString(), r.tax.toFixed(2)]).toEqual([rate, qd, tax]);
    expect(r.validUntil).toBe("2027-12-31");
  });

  it("explains the calculation", () => {
    expect(bonus("36001").zh).toBe(
      "全年一次性奖金 36001.00 元 ÷ 12 ≈ 3000.0833 元，查按月换算后的综合所得税率表：税率 10%，速算扣除数 210；" +
        "应纳税额 = 36001.00 × 10% − 210 = 3390.10（单独计税：不减除费用，只减一次速算扣除数）",
    );
  });
});

describe("taxAnnualBonus — dead zones", () => {
  /**
   * Above boundary B the next row (r, q) gives net = x − (x·r − q); it equals net(B) at x = (net(B) − q)/(1 − r):
   * 36000:   net 34920;  (34920 − 210)/0.9     = 38566.666… ; 38566.67 → tax 3646.667→3646.67, net 34920.00
   * 144000:  net 129810; (129810 − 1410)/0.8   = 160500     ; net 129810.00
   * 300000:  net 241410; (241410 − 2660)/0.75  = 318333.333…; 318333.34 → tax 79583.335 − 2660 = 76923.335 →
   *          76923.34 (half-up), net 241410.00 — still equal, so the zone includes 318333.34
   * 420000:  net 317660; (317660 − 4410)/0.7   = 447500     ; net 317660.00
   * 660000:  net 466410; (466410 − 7160)/0.65  = 706538.4615…; 706538.46 → 240128.461 → 240128.46, net 466410.00
   * 960000:  net 631160; (631160 − 15160)/0.55 = 1120000    ; net 631160.00
   */
  const ZONES = [
    ["36000", "38566.67", "34920.00"],
    ["144000", "160500.00", "129810.00"],
    ["300000", "318333.34", "241410.00"],
    ["420000", "447500.00", "317660.00"],
    ["660000", "706538.46", "466410.00"],
    ["960000", "1120000.00", "631160.00"],
  ];

  it("are computed from the monthly table", () => {
    expect(
      bonusDeadZones().map((z) => [z.boundary.toString(), z.zoneEnd.toFixed(2), z.netAtBoundary.toFixed(2)]),
    ).toEqual(ZONES);
  });

  it.each([
    // amount, boundary, zoneEnd, tax, extraTax (tax − tax at boundary), net at amount, net at boundary
    ["36000.01", "36000", "38566.67", "3390.00", "2310.00", "32610.01", "34920.00"], // 3600.001 − 210
    ["37000", "36000", "38566.67", "3490.00", "2410.00", "33510.00", "34920.00"], // 3700 − 210; 3490 − 1080
    ["38566.67", "36000", "38566.67", "3646.67", "2566.67", "34920.00", "34920.00"],
    ["150000", "144000", "160500.00", "28590.00", "14400.00", "121410.00", "129810.00"], // 30000 − 1410
    ["160500", "144000", "160500.00", "30690.00", "16500.00", "129810.00", "129810.00"], // 32100 − 1410
    ["310000", "300000", "318333.34", "74840.00", "16250.00", "235160.00", "241410.00"], // 77500 − 2660
    ["318333.34", "300000", "318333.34", "76923.34", "18333.34", "241410.00", "241410.00"],
    ["430000", "420000", "447500.00", "124590.00", "22250.00", "305410.00", "317660.00"], // 129000 − 4410
    ["700000", "660000", "706538.46", "237840.00", "44250.00", "462160.00", "466410.00"], // 245000 − 7160
    ["1000000", "960000", "1120000.00", "434840.00", "106000.00", "565160.00", "631160.00"], // 450000 − 15160
  ])("bonus %s is flagged (boundary %s, zone end %s)", (amount, boundary, zoneEnd, tax, extra, net, netB) => {
    const r = bonus(amount);
    expect(r.tax.toFixed(2)).toBe(tax);
    const t = r.trap!;
    expect([
      t.boundary.toString(),
      t.zoneEnd.toFixed(2),
      t.extraTax.toFixed(2),
      t.payInstead.toString(),
      t.netAtAmount.toFixed(2),
      t.netAtBoundary.toFixed(2),
    ]).toEqual([boundary, zoneEnd, extra, boundary, net, netB]);
  });

  it.each([
    // boundaries themselves and one 分 above each zone end: net is higher than at the boundary
    ["36000"],
    ["38566.68"], // 3856.668 − 210 = 3646.668 → 3646.67; net 34920.01 > 34920
    ["144000"],
    ["160500.01"], // 32100.002 − 1410 → 30690.00; net 129810.01
    ["300000"],
    ["318333.35"], // 79583.3375 − 2660 = 76923.3375 → 76923.34; net 241410.01
    ["420000"],
    ["447500.01"], // 134250.003 − 4410 → 129840.00; net 317660.01
    ["660000"],
    ["706538.47"], // 247288.4645 − 7160 = 240128.4645 → 240128.46; net 466410.01
    ["960000"],
    ["1120000.01"], // 504000.0045 − 15160 → 488840.00; net 631160.01
    ["30000"],
    ["2000000"],
  ])("bonus %s is not flagged", (amount) => {
    expect(bonus(amount).trap).toBeNull();
  });

  it("recommends paying the boundary in Chinese", () => {
    expect(bonus("37000").trap!.zh).toBe(
      "奖金 37000.00 元落在临界点 36000.00 元之上的多缴税区间（36000.00，38566.67]：税额 3490.00 元，" +
        "比发 36000.00 元多缴 2410.00 元，税后 33510.00 元反而比发 36000.00 元时的 34920.00 元少 1410.00 元。" +
        "建议改发 36000.00 元，或发放超过 38566.67 元。",
    );
    expect(bonus("160500").trap!.zh).toContain(
      "税后 129810.00 元与发 144000.00 元时相同，多发的 16500.00 元全部成了税",
    );
  });
});

describe("taxAnnualBonus — problems", () => {
  it.each([
    ["-1", undefined, "NEGATIVE_AMOUNT", "amount：金额不能为负数（实际为 -1）"],
    [
      "1万",
      undefined,
      "INVALID_AMOUNT",
      'amount："1万" 不是有效的金额，应为十进制数字，如 "30000" 或 "30000.50"',
    ],
    ["36000", "2027-13-01", "INVALID_DATE", '发放日期应为 YYYY-MM-DD 格式的有效日期，实际为 "2027-13-01"'],
    ["36000", "2026-02-30", "INVALID_DATE", '发放日期应为 YYYY-MM-DD 格式的有效日期，实际为 "2026-02-30"'],
    [
      "36000",
      "2028-01-05",
      "OUT_OF_PERIOD",
      "paidOn：全年一次性奖金单独计税政策执行至 2027-12-31（财政部 税务总局公告2023年第30号），2028-01-05 发放的奖金应并入当年综合所得计税，除非政策再次延期",
    ],
    [
      "36000",
      "2018-12-31",
      "OUT_OF_PERIOD",
      "paidOn：财税〔2018〕164号的单独计税方法自 2019-01-01 起施行，2018-12-31 不适用",
    ],
  ])("%s paid on %s → %s", (amount, paidOn, code, zh) => {
    const p = problem(amount, paidOn);
    expect(p.code).toBe(code);
    expect(p.zh.endsWith(zh)).toBe(true);
  });

  it("accepts the last valid day", () => {
    expect(bonus("36000", "2027-12-31").tax.toFixed(2)).toBe("1080.00");
  });
});
