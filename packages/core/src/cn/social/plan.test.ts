import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec } from "../../money/decimal.js";
import { computeContributions } from "./contributions.js";
import { applyPlan, planContributions, planHousingFund, planSiItem } from "./plan.js";

const CASES: [city: string, period: string, hfRate: string | undefined][] = [
  ["上海", "2026-06", "7%"],
  ["上海", "2026-10", "5%"],
  ["北京", "2026-03", "12%"],
  ["北京", "2026-10", undefined],
  ["杭州", "2026-03", "12%"],
];

describe("contribution plan", () => {
  it.each(CASES)("%s %s (公积金 %s) equals the reference calculator for any base", (city, period, hfRate) => {
    const plan = planContributions({ city, period, ...(hfRate ? { hfRate } : {}) });
    if (!plan.ok) throw new Error(plan.zh);
    const cents = fc.oneof(
      fc.integer({ min: 0, max: 6_000_000 }),
      fc.constantFrom(0, 1, 754_600, 754_599, 754_601, 3_773_100, 3_773_101, 274_000),
    );
    fc.assert(
      fc.property(cents, cents, (b, h) => {
        const base = Dec.fromCoefficient(b, 2);
        const hfBase = Dec.fromCoefficient(h, 2);
        const ref = computeContributions({
          city,
          period,
          base: base.toFixed(2),
          hfBase: hfBase.toFixed(2),
          ...(hfRate ? { hfRate } : {}),
        });
        if (!ref.ok) throw new Error(ref.zh);
        const got = applyPlan(plan, base, hfBase);
        const text = (d: Dec | null) => (d === null ? null : d.toFixed(2));
        expect({
          pension: text(got.employee.pension),
          medical: text(got.employee.medical),
          unemployment: text(got.employee.unemployment),
          housingFund: text(got.employee.housingFund),
        }).toEqual(ref.employee);
        expect({
          pension: text(got.employer.pension),
          medical: text(got.employer.medical),
          unemployment: text(got.employer.unemployment),
          injury: text(got.employer.injury),
          housingFund: text(got.employer.housingFund),
        }).toEqual(ref.employer);
        const one = (side: "employee" | "employer", i: "pension" | "medical" | "unemployment" | "injury") =>
          text(planSiItem(plan, side, i, base));
        expect([
          one("employee", "pension"),
          one("employee", "medical"),
          one("employee", "unemployment"),
        ]).toEqual([ref.employee.pension, ref.employee.medical, ref.employee.unemployment]);
        expect(
          ["pension", "medical", "unemployment", "injury"].map((i) => one("employer", i as "injury")),
        ).toEqual([
          ref.employer.pension,
          ref.employer.medical,
          ref.employer.unemployment,
          ref.employer.injury,
        ]);
        expect(planHousingFund(plan, hfBase).toFixed(2)).toBe(ref.employee.housingFund);
      }),
      { numRuns: 300 },
    );
  });

  it("reports the reference calculator's problems", () => {
    const r = planContributions({ city: "东京", period: "2026-10" });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.code).toBe("CITY_UNKNOWN");
    const rate = planContributions({ city: "上海", period: "2026-10", hfRate: "15%" });
    expect(rate.ok ? "" : rate.code).toBe("HF_RATE_OUT_OF_RANGE");
  });
});
