import { describe, expect, it } from "vitest";
import { computeContributions } from "./contributions.js";
import { builtinSiHf, parseSiHfData } from "./load-data.js";
import { mergeSiHfData } from "./merge.js";
import type { SiHfData } from "./schema.js";

const fig = (value: string, source = "tenant-2025") => ({ value, source, confidence: "A" as const });

function tenant(raw: unknown): SiHfData {
  const r = parseSiHfData(raw, { sourcesFrom: builtinSiHf() });
  if (!r.ok) throw new Error(r.problems.map((p) => p.en).join("\n"));
  return r.data;
}

// Test fixture only: made-up figures for a city the built-in data does not have.
const CHENGDU = {
  version: "tenant-1",
  sources: { "tenant-2025": { doc: "测试用单位配置（虚构数字）" } },
  cities: [
    {
      id: "chengdu",
      name: "成都",
      aliases: ["cd"],
      rounding: {
        socialInsurance: { unit: "分", mode: "half-up", source: "tenant-2025", confidence: "A" },
        housingFund: { unit: "元", mode: "half-up", source: "tenant-2025", confidence: "A" },
      },
      siBases: [
        {
          effectiveFrom: "2025-07-01",
          effectiveTo: "2026-06-30",
          all: { floor: fig("5000"), cap: fig("25000") },
        },
      ],
      siRates: [
        {
          effectiveFrom: "2025-07-01",
          employee: { pension: fig("0.08"), medical: fig("0.02"), unemployment: fig("0.004") },
          employer: { pension: fig("0.16") },
        },
      ],
      housingFund: [
        {
          effectiveFrom: "2025-07-01",
          effectiveTo: "2026-06-30",
          base: { floor: fig("2000"), cap: fig("30000") },
          rate: { min: fig("0.05"), max: fig("0.12") },
        },
      ],
    },
  ],
};

describe("tenant overrides", () => {
  it("adds a city", () => {
    // 8000 inside 5000–25000: ×8% = 640.00, ×2% = 160.00, ×0.4% = 32.00; employer ×16% = 1280.00.
    // HF 8000 × 10% = 800.
    const r = computeContributions({
      city: "成都",
      period: "2025-09",
      base: "8000",
      hfRate: "10%",
      overrides: tenant(CHENGDU),
    });
    if (!r.ok) throw new Error(r.zh);
    expect(r.employee).toEqual({
      pension: "640.00",
      medical: "160.00",
      unemployment: "32.00",
      housingFund: "800.00",
    });
    expect(r.employer.pension).toBe("1280.00");
    expect(r.employer.medical).toBeNull();
    expect(r.dataVersion).toBe("2026-11+tenant-1");
    expect(r.sources.find((s) => s.item === "siBase.floor")?.source).toBe("测试用单位配置（虚构数字）");
  });

  it("replaces one figure (the employer's assessed injury rate) and keeps the rest", () => {
    // Shanghai 2025-07, 7777: injury 7777 × 0.4% = 31.108 → 31.11; pension still 7777 × 16% = 1244.32.
    const override = tenant({
      version: "t2",
      sources: { "tenant-injury": { doc: "工伤保险费率核定通知（单位）" } },
      cities: [
        {
          id: "shanghai",
          siRates: [{ effectiveFrom: "2024-07-01", employer: { injury: fig("0.004", "tenant-injury") } }],
        },
      ],
    });
    const r = computeContributions({
      city: "上海",
      period: "2025-07",
      base: "7777",
      hfRate: "7%",
      overrides: override,
    });
    if (!r.ok) throw new Error(r.zh);
    expect(r.employer.injury).toBe("31.11");
    expect(r.employer.pension).toBe("1244.32");
    expect(r.employee.unemployment).toBe("38.89");
    // The built-in data is untouched.
    const plain = computeContributions({ city: "上海", period: "2025-07", base: "7777", hfRate: "7%" });
    expect(plain.ok && plain.employer.injury).toBe("15.55");
  });

  it("fills Shenzhen's missing figures, with per-item bases", () => {
    // Pension base 4775–27549: 10000 inside → ×8% = 800.00. Medical base (tenant) 6727–33633 → ×2% = 200.00.
    // Unemployment base 2520–44265, tenant rate 0.3% → 30.00. HF 10000 × 5% (city minimum) = 500.
    const override = tenant({
      version: "t3",
      sources: { "sz-tenant": { doc: "深圳医保与失业费率（单位核对）" } },
      cities: [
        {
          id: "shenzhen",
          siBases: [
            {
              effectiveFrom: "2025-07-01",
              medical: { floor: fig("6727", "sz-tenant"), cap: fig("33633", "sz-tenant") },
            },
          ],
          siRates: [{ effectiveFrom: "2025-07-01", employee: { unemployment: fig("0.003", "sz-tenant") } }],
        },
      ],
    });
    const r = computeContributions({
      city: "shenzhen",
      period: "2025-10",
      base: "10000",
      overrides: override,
    });
    if (!r.ok) throw new Error(r.zh);
    expect(r.employee).toEqual({
      pension: "800.00",
      medical: "200.00",
      unemployment: "30.00",
      housingFund: "500.00",
    });
    expect(r.bases.byItem).toEqual({
      pension: "10000.00",
      medical: "10000.00",
      unemployment: "10000.00",
      injury: null,
    });
    expect(r.employer.injury).toBeNull();
  });

  it("an override entry starting inside a built-in one wins from its start", () => {
    // Tenant extends Shanghai's 2026-07 bases past 2027-06 (waiting for the new notice).
    const override = tenant({
      version: "t4",
      sources: {},
      cities: [
        {
          id: "shanghai",
          siBases: [
            {
              effectiveFrom: "2027-07-01",
              all: { floor: fig("7546", "sh-si-2026"), cap: fig("37731", "sh-si-2026") },
            },
          ],
          housingFund: [
            {
              effectiveFrom: "2027-07-01",
              base: { floor: fig("2740", "sh-hf-2026"), cap: fig("37731", "sh-hf-2026") },
              rate: { min: fig("0.05", "sh-hf-rate"), max: fig("0.07", "sh-hf-rate") },
            },
          ],
        },
      ],
    });
    // 2027-08: 7000 < 7546 → 7546 × 8% = 603.68.
    const r = computeContributions({ city: "上海", period: "2027-08", base: "7000", overrides: override });
    expect(r.ok && r.employee.pension).toBe("603.68");
  });

  it("rejects an override citing an unknown source, with the path", () => {
    const r = parseSiHfData(
      {
        version: "t5",
        cities: [
          {
            id: "shanghai",
            siRates: [{ effectiveFrom: "2024-07-01", employer: { injury: fig("0.004", "nope") } }],
          },
        ],
      },
      { sourcesFrom: builtinSiHf() },
    );
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems[0]?.path).toBe("cities[0].siRates[0].employer.injury.source");
  });

  it("merge keeps built-in cities and appends new ones", () => {
    const merged = mergeSiHfData(builtinSiHf(), tenant(CHENGDU));
    expect(merged.cities.map((c) => c.id)).toEqual([
      "beijing",
      "shanghai",
      "shenzhen",
      "guangzhou",
      "hangzhou",
      "chengdu",
    ]);
    expect(builtinSiHf().cities).toHaveLength(5);
  });
});
