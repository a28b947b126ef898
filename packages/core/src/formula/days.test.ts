import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { civilFromDays, daysFromCivil, daysInMonth } from "./days.js";

describe("day numbers", () => {
  it("agree with Date.UTC for every day 1900–2200", () => {
    fc.assert(
      fc.property(fc.integer({ min: -25567, max: 84000 }), (z) => {
        const d = new Date(z * 86_400_000);
        const want: [number, number, number] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
        expect(civilFromDays(z)).toEqual(want);
        expect(daysFromCivil(...want)).toBe(z);
      }),
      { numRuns: 5000 },
    );
  });
  it("knows month lengths", () => {
    expect([2024, 2025, 1900, 2000].map((y) => daysInMonth(y, 2))).toEqual([29, 28, 28, 29]);
    expect(daysInMonth(2026, 10)).toBe(31);
  });
});
