import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec } from "../../money/decimal.js";
import { isTaxProblem } from "./tax-problem.js";
import { type WageInput, type WageResult, withholdWages } from "./wages.js";

/** Runs and fails the test on a problem. */
function run(input: WageInput): WageResult {
  const r = withholdWages(input);
  if (isTaxProblem(r)) throw new Error(r.en);
  return r;
}

describe("withholdWages — properties", () => {
  const cents = (max: number) =>
    fc.integer({ min: 0, max: max * 100 }).map((c) => Dec.fromCoefficient(c, 2).toFixed(2));
  const month = fc.record({
    income: cents(120_000),
    specialDeduction: cents(6_000),
    specialAdditionalDeduction: cents(5_000),
    reliefTax: fc.oneof(fc.constant("0"), cents(50)),
  });

  it("never withholds a negative amount; the total withheld equals the running maximum of cumulative tax − relief", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.array(month, { minLength: 12, maxLength: 12 }),
        fc.constantFrom("standard", "first-wage", "low-income"),
        (hireMonth, ms, rule) => {
          // 公告2020年第19号 needs employment from January
          const hire = rule === "low-income" ? 1 : hireMonth;
          const r = run({
            taxYear: 2026,
            hireMonth: hire,
            firstWageIncomeOfYear: rule === "first-wage",
            prevYearLowIncomeSimplified: rule === "low-income",
            months: ms.slice(0, 13 - hire).map((m, i) => ({ month: hire + i, ...m })),
          });
          // Withheld(k) = max(0, due(k) − Σ earlier) ⇒ Σ withheld through k = max(0, due(1), …, due(k)),
          // where due = cumulative tax − cumulative relief. With no capped month this is the final due.
          let sum = Dec.ZERO;
          let runningMax = Dec.ZERO;
          let capped = false;
          for (const m of r.months) {
            expect(m.taxWithheld.sign()).toBeGreaterThanOrEqual(0);
            expect(m.cumulativeTaxable.sign()).toBeGreaterThanOrEqual(0);
            expect(m.withheldBefore.eq(sum)).toBe(true);
            if (m.balance.sign() < 0) capped = true;
            sum = sum.add(m.taxWithheld);
            runningMax = runningMax.max(m.cumulativeTax.sub(m.cumulativeRelief));
            expect(sum.eq(runningMax)).toBe(true);
          }
          expect(r.totalWithheld.eq(sum)).toBe(true);
          const last = r.months[r.months.length - 1]!;
          const finalDue = last.cumulativeTax.sub(last.cumulativeRelief).max(Dec.ZERO);
          if (!capped) expect(sum.eq(finalDue)).toBe(true);
          else expect(sum.gte(finalDue)).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });
});
