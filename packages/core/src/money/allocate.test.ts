import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { allocate } from "./allocate.js";
import { Dec } from "./decimal.js";

const D = (s: string) => Dec.parse(s);
const strs = (ds: Dec[]) => ds.map((d) => d.toFixed(2));

describe("allocate", () => {
  it.each([
    ["100", ["1", "1", "1"], ["33.34", "33.33", "33.33"]],
    ["0.05", ["1", "1"], ["0.03", "0.02"]],
    ["-100", ["1", "1", "1"], ["-33.34", "-33.33", "-33.33"]],
    ["10", ["0", "1"], ["0.00", "10.00"]],
    // 1 cent split 2:1 — remainders are 2/3 and 1/3, so the first gets it
    ["0.01", ["2", "1"], ["0.01", "0.00"]],
    // remainders: 100×0.3/1=30 r0 ... exact split
    ["100", ["0.3", "0.7"], ["30.00", "70.00"]],
    // 1000.01 split 1:1:1: 333.336.. each, remainders equal → earliest index gets the extra cent
    ["1000.01", ["1", "1", "1"], ["333.34", "333.34", "333.33"]],
  ])("allocate(%s, %j)", (total, weights, want) => {
    expect(strs(allocate(D(total), weights.map(D)))).toEqual(want);
  });

  it("refuses bad input", () => {
    expect(() => allocate(D("1"), [])).toThrow(RangeError);
    expect(() => allocate(D("1"), [D("0"), D("0")])).toThrow(/zero/);
    expect(() => allocate(D("1"), [D("-1"), D("2")])).toThrow(/negative/);
    expect(() => allocate(D("1.001"), [D("1")])).toThrow(/decimal places/);
  });

  it("parts always sum exactly to the total and differ from the exact share by less than 1 分", () => {
    const cents = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n });
    const weight = fc.tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 4 }));
    fc.assert(
      fc.property(cents, fc.array(weight, { minLength: 1, maxLength: 40 }), (c, ws) => {
        const weights = ws.map(([m, s]) => Dec.fromCoefficient(m, s));
        fc.pre(weights.some((w) => !w.isZero()));
        const total = Dec.fromCoefficient(c, 2);
        const parts = allocate(total, weights);
        const sum = parts.reduce((a, b) => a.add(b), Dec.ZERO);
        expect(sum.eq(total)).toBe(true);
        const wsum = weights.reduce((a, b) => a.add(b), Dec.ZERO);
        parts.forEach((p, i) => {
          const exact = total.mul(weights[i]!).div(wsum);
          expect(p.sub(exact).abs().lt(D("0.01"))).toBe(true);
        });
      }),
      { numRuns: 1000 },
    );
  });
});
