import { describe, expect, it } from "vitest";
import type { Contributions, ContributionsInput, ContributionsProblem } from "./contribution-types.js";
import { computeContributions } from "./contributions.js";

function ok(input: ContributionsInput): Contributions {
  const r = computeContributions(input);
  if (!r.ok) throw new Error(`expected a result, got ${r.code}: ${r.zh}`);
  return r;
}

function problem(input: ContributionsInput): ContributionsProblem {
  const r = computeContributions(input);
  if (r.ok) throw new Error("expected a problem");
  return r;
}

type Row = {
  name: string;
  input: ContributionsInput;
  si: string;
  clampedFrom?: string;
  employee: Contributions["employee"];
  employer: Contributions["employer"];
};

// Shanghai 2024-07 entry: SI 7384–36921, HF 2690–36921; 2025-07 entry: SI 7460–37302, HF 2690–37302.
// Rates: employee 8% / 2% / 0.5%; employer 16% / 9% / 0.5% / injury 0.2%; HF 5–7%; SI to 分, HF to 元, half-up.
const SHANGHAI: Row[] = [
  {
    // 5000 < 7460 → 7460. 7460×8%=596.80, ×2%=149.20, ×0.5%=37.30; ×16%=1193.60, ×9%=671.40, ×0.2%=14.92.
    // HF base 5000 ≥ 2690: 5000×5% = 250 → 250.
    name: "at the floor (5000 clamped up to 7460)",
    input: { city: "上海", period: "2025-07", base: "5000", hfRate: "5%" },
    si: "7460.00",
    clampedFrom: "5000.00",
    employee: { pension: "596.80", medical: "149.20", unemployment: "37.30", housingFund: "250.00" },
    employer: {
      pension: "1193.60",
      medical: "671.40",
      unemployment: "37.30",
      injury: "14.92",
      housingFund: "250.00",
    },
  },
  {
    // 7777×8%=622.16, ×2%=155.54, ×0.5%=38.885→38.89; ×16%=1244.32, ×9%=699.93, ×0.2%=15.554→15.55.
    // HF 7777×7% = 544.39 → 544 on each side.
    name: "inside the bounds",
    input: { city: "shanghai", period: "2025-07", base: "7777", hfRate: "7%" },
    si: "7777.00",
    employee: { pension: "622.16", medical: "155.54", unemployment: "38.89", housingFund: "544.00" },
    employer: {
      pension: "1244.32",
      medical: "699.93",
      unemployment: "38.89",
      injury: "15.55",
      housingFund: "544.00",
    },
  },
  {
    // 37302×8%=2984.16, ×2%=746.04, ×0.5%=186.51; ×16%=5968.32, ×9%=3357.18, ×0.2%=74.604→74.60.
    // HF 37302×7% = 2611.14 → 2611.
    name: "exactly at the cap (not clamped)",
    input: { city: "310000", period: "2025-07", base: "37302", hfRate: "0.07" },
    si: "37302.00",
    employee: { pension: "2984.16", medical: "746.04", unemployment: "186.51", housingFund: "2611.00" },
    employer: {
      pension: "5968.32",
      medical: "3357.18",
      unemployment: "186.51",
      injury: "74.60",
      housingFund: "2611.00",
    },
  },
  {
    // 50000 > 37302 → 37302, same figures as at the cap; HF base 50000 > 37302 → 37302 as well.
    name: "above the cap (50000 clamped down to 37302)",
    input: { city: "上海市", period: "2025-07", base: "50000", hfRate: "7%" },
    si: "37302.00",
    clampedFrom: "50000.00",
    employee: { pension: "2984.16", medical: "746.04", unemployment: "186.51", housingFund: "2611.00" },
    employer: {
      pension: "5968.32",
      medical: "3357.18",
      unemployment: "186.51",
      injury: "74.60",
      housingFund: "2611.00",
    },
  },
  {
    // 2025-06 uses the 2024-07 entry: 7400 ≥ 7384, inside. 7400×8%=592.00, ×2%=148.00, ×0.5%=37.00;
    // ×16%=1184.00, ×9%=666.00, ×0.2%=14.80. HF 7400×5%=370.
    name: "June 2025, before the 1 July switch: 7400 is above the old floor 7384",
    input: { city: "sh", period: "2025-06", base: "7400", hfRate: "5%" },
    si: "7400.00",
    employee: { pension: "592.00", medical: "148.00", unemployment: "37.00", housingFund: "370.00" },
    employer: {
      pension: "1184.00",
      medical: "666.00",
      unemployment: "37.00",
      injury: "14.80",
      housingFund: "370.00",
    },
  },
  {
    // 2025-07 uses the new entry: 7400 < 7460 → 7460 (figures as at the floor). HF 7400×5% = 370.
    name: "July 2025, after the switch: 7400 is below the new floor 7460",
    input: { city: "上海", period: "2025-07", base: "7400", hfRate: "5%" },
    si: "7460.00",
    clampedFrom: "7400.00",
    employee: { pension: "596.80", medical: "149.20", unemployment: "37.30", housingFund: "370.00" },
    employer: {
      pension: "1193.60",
      medical: "671.40",
      unemployment: "37.30",
      injury: "14.92",
      housingFund: "370.00",
    },
  },
  {
    // 2025-06: 37000 > old cap 36921 → 36921. ×8%=2953.68, ×2%=738.42, ×0.5%=184.605→184.61;
    // ×16%=5907.36, ×9%=3322.89, ×0.2%=73.842→73.84. HF cap 36921: ×7% = 2584.47 → 2584.
    name: "June 2025: 37000 above the old cap 36921",
    input: { city: "上海", period: "2025-06", base: "37000", hfRate: "7%" },
    si: "36921.00",
    clampedFrom: "37000.00",
    employee: { pension: "2953.68", medical: "738.42", unemployment: "184.61", housingFund: "2584.00" },
    employer: {
      pension: "5907.36",
      medical: "3322.89",
      unemployment: "184.61",
      injury: "73.84",
      housingFund: "2584.00",
    },
  },
  {
    // 2025-07: 37000 < new cap 37302, inside. ×8%=2960.00, ×2%=740.00, ×0.5%=185.00; ×16%=5920.00,
    // ×9%=3330.00, ×0.2%=74.00. HF 37000×7% = 2590.
    name: "July 2025: 37000 inside the new cap 37302",
    input: { city: "上海", period: "2025-07", base: "37000", hfRate: "7%" },
    si: "37000.00",
    employee: { pension: "2960.00", medical: "740.00", unemployment: "185.00", housingFund: "2590.00" },
    employer: {
      pension: "5920.00",
      medical: "3330.00",
      unemployment: "185.00",
      injury: "74.00",
      housingFund: "2590.00",
    },
  },
];

// Beijing 2025-07 entry: SI 7162–35811, HF 2540–35811 (5–12%); 2026-07 entry: SI 7270–36348, HF 2540–36348.
// Employee medical is 2% + 3 元 a month; employer 16% / 9.8% / 0.5% / 0.2%.
const BEIJING: Row[] = [
  {
    // 10000×8%=800.00, ×2%=200.00 + 3 = 203.00, ×0.5%=50.00; ×16%=1600.00, ×9.8%=980.00, ×0.2%=20.00.
    // HF 10000×12% = 1200.
    name: "Beijing medical 2% + 3 元",
    input: { city: "北京", period: "2025-10", base: "10000", hfRate: "12%" },
    si: "10000.00",
    employee: { pension: "800.00", medical: "203.00", unemployment: "50.00", housingFund: "1200.00" },
    employer: {
      pension: "1600.00",
      medical: "980.00",
      unemployment: "50.00",
      injury: "20.00",
      housingFund: "1200.00",
    },
  },
  {
    // 5000 < 7162 → 7162. ×8%=572.96, ×2%=143.24 + 3 = 146.24, ×0.5%=35.81; ×16%=1145.92,
    // ×9.8%=701.876→701.88, ×0.2%=14.324→14.32. HF 5000 ≥ 2540: 5000×5% = 250.
    name: "Beijing at the floor, +3 after rounding",
    input: { city: "beijing", period: "2025-10", base: "5000", hfRate: "5%" },
    si: "7162.00",
    clampedFrom: "5000.00",
    employee: { pension: "572.96", medical: "146.24", unemployment: "35.81", housingFund: "250.00" },
    employer: {
      pension: "1145.92",
      medical: "701.88",
      unemployment: "35.81",
      injury: "14.32",
      housingFund: "250.00",
    },
  },
  {
    // 2026-07 entry: 7200 < 7270 → 7270. ×8%=581.60, ×2%=145.40 + 3 = 148.40, ×0.5%=36.35;
    // ×16%=1163.20, ×9.8%=712.46, ×0.2%=14.54. HF 7200×5% = 360.
    name: "Beijing 2026-07 bases (京人社发〔2026〕7号)",
    input: { city: "110000", period: "2026-07", base: "7200", hfRate: "5%" },
    si: "7270.00",
    clampedFrom: "7200.00",
    employee: { pension: "581.60", medical: "148.40", unemployment: "36.35", housingFund: "360.00" },
    employer: {
      pension: "1163.20",
      medical: "712.46",
      unemployment: "36.35",
      injury: "14.54",
      housingFund: "360.00",
    },
  },
];

describe("computeContributions", () => {
  it.each([...SHANGHAI, ...BEIJING])("$name", (row) => {
    const r = ok(row.input);
    expect(r.bases.socialInsurance).toBe(row.si);
    expect(r.bases.clampedFrom).toBe(row.clampedFrom);
    expect(r.employee).toEqual(row.employee);
    expect(r.employer).toEqual(row.employer);
  });

  it("explains a clamp in Chinese", () => {
    const r = ok({ city: "上海", period: "2025-07", base: "5000", hfRate: "5%" });
    expect(r.bases.why).toBe("缴费基数 5000.00 低于下限 7460.00，按下限计算");
    expect(ok({ city: "上海", period: "2025-07", base: "50000", hfRate: "5%" }).bases.why).toBe(
      "缴费基数 50000.00 高于上限 37302.00，按上限计算",
    );
    expect(r.zh.some((l) => l.includes("另加每月固定"))).toBe(false);
    const bj = ok({ city: "北京", period: "2025-10", base: "10000", hfRate: "5%" });
    expect(bj.zh).toContain("个人医疗保险：10000.00 × 2% = 200.00，另加每月固定 3.00 → 203.00");
  });

  it.each([
    // 7777×7% = 544.39 → 544 (down); 7777×5% = 388.85 → 389 (up); 7150×7% = 500.50 → 501 (half-up at .5).
    { base: "7777", rate: "7%", raw: "544.39", hf: "544.00" },
    { base: "7777", rate: "5%", raw: "388.85", hf: "389.00" },
    { base: "7150", rate: "7%", raw: "500.50", hf: "501.00" },
  ])("housing fund $base × $rate = $raw → $hf on each side", ({ base, rate, raw, hf }) => {
    const r = ok({ city: "上海", period: "2025-10", base, hfRate: rate });
    expect(r.employee.housingFund).toBe(hf);
    expect(r.employer.housingFund).toBe(hf);
    expect(r.zh.find((l) => l.startsWith("住房公积金："))).toContain(`= ${raw}，单位、个人各自按元四舍五入`);
  });

  it("clamps a separate housing-fund base to the HF floor", () => {
    // HF base 2000 < 2690 → 2690; 2690×5% = 134.50 → 135 (half-up). SI base 10000 is unaffected.
    const r = ok({ city: "上海", period: "2025-07", base: "10000", hfBase: "2000", hfRate: "5%" });
    expect(r.bases.housingFund).toBe("2690.00");
    expect(r.bases.hfClampedFrom).toBe("2000.00");
    expect(r.employee.housingFund).toBe("135.00");
    expect(r.employee.pension).toBe("800.00");
  });

  it("uses the city's minimum HF rate when none is given, and says so", () => {
    const r = ok({ city: "上海", period: "2025-07", base: "10000" });
    expect(r.rates.housingFund).toBe("0.05");
    expect(r.rates.hfRateDefaulted).toBe(true);
    expect(r.zh).toContain("未指定公积金缴存比例，按本市最低比例 5% 计算");
  });

  it("reports every figure with source and confidence", () => {
    const r = ok({ city: "上海", period: "2025-07", base: "7777", hfRate: "7%" });
    const floor = r.sources.find((s) => s.item === "siBase.floor");
    expect(floor).toMatchObject({ value: "7460", confidence: "B" });
    expect(floor?.source).toContain("https://rsj.sh.gov.cn/tgsgg_17341/20250918/t0035_1435637.html");
    expect(r.sources.find((s) => s.item === "hfBase.cap")?.source).toContain("沪公积金管委会〔2025〕8号");
    expect(r.sources.find((s) => s.item === "employer.injury")?.confidence).toBe("C");
  });

  it("leaves unverified employer figures out (null) and lists them", () => {
    // Hangzhou 2025-07 entry 4986–25299: 5000 inside; 5000×8% = 400.00; injury 5000×0.2% = 10.00.
    const r = ok({ city: "杭州", period: "2025-10", base: "5000", hfRate: "5%" });
    expect(r.employee.pension).toBe("400.00");
    expect(r.employer).toEqual({
      pension: null,
      medical: null,
      unemployment: null,
      injury: "10.00",
      housingFund: "250.00",
    });
    expect(r.notConfigured.map((m) => m.item)).toEqual([
      "employer.pension",
      "employer.medical",
      "employer.unemployment",
    ]);
  });

  it.each([
    {
      input: { city: "东京", period: "2025-07", base: "7777" },
      code: "CITY_UNKNOWN",
      option: "city",
      zh: "未知城市“东京”",
    },
    {
      input: { city: "上海", period: "2023-05", base: "7777" },
      code: "PERIOD_NOT_COVERED",
      option: "period",
      zh: "上海 2023-05 没有社保基数数据（已有 2024-07 至 2027-06）",
    },
    {
      input: { city: "上海", period: "2027-07", base: "7777" },
      code: "PERIOD_NOT_COVERED",
      option: "period",
      zh: "上海 2027-07 没有社保基数数据（已有 2024-07 至 2027-06）",
    },
    {
      input: { city: "北京", period: "2025-03", base: "7777" },
      code: "PERIOD_NOT_COVERED",
      option: "period",
      zh: "北京 2025-03 没有公积金数据（已有 2025-07 至 2027-06）",
    },
    {
      input: { city: "上海", period: "2025-13", base: "7777" },
      code: "PERIOD_INVALID",
      option: "period",
      zh: "YYYY-MM",
    },
    {
      input: { city: "上海", period: "2025-07", base: "-100" },
      code: "BASE_INVALID",
      option: "base",
      zh: "不能为负数",
    },
    {
      input: { city: "上海", period: "2025-07", base: "七千" },
      code: "BASE_INVALID",
      option: "base",
      zh: "不是有效金额",
    },
    {
      input: { city: "上海", period: "2025-07", base: "7777", hfRate: "8%" },
      code: "HF_RATE_OUT_OF_RANGE",
      option: "hfRate",
      zh: "公积金缴存比例 8% 超出上海 2025-07 允许范围 5%–7%",
    },
    {
      input: { city: "上海", period: "2025-07", base: "7777", hfRate: "7" },
      code: "HF_RATE_INVALID",
      option: "hfRate",
      zh: "7% 或 0.07",
    },
    {
      input: { city: "深圳", period: "2025-10", base: "7777" },
      code: "NOT_CONFIGURED",
      option: "city",
      zh: "0.2% / 0.3%",
    },
    {
      input: { city: "广州", period: "2025-10", base: "7777" },
      code: "NOT_CONFIGURED",
      option: "city",
      zh: "公积金",
    },
  ])("problem $code: $zh", ({ input, code, option, zh }) => {
    const p = problem(input);
    expect(p.code).toBe(code);
    expect(p.option).toBe(option);
    expect(p.zh).toContain(zh);
    expect(p.en.length).toBeGreaterThan(0);
  });
});
