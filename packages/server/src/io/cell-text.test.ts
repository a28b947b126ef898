import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { booleanText, dateText, excelNumberText, plainNumber } from "./cell-text.js";

describe("plainNumber", () => {
  it("never uses exponent notation", () => {
    expect(plainNumber(1e-7)).toBe("0.0000001");
    expect(plainNumber(-1.5e-10)).toBe("-0.00000000015");
    expect(plainNumber(1e21)).toBe("1000000000000000000000");
    expect(plainNumber(1.2345e25)).toBe("12345000000000000000000000");
    expect(plainNumber(0.1)).toBe("0.1");
    expect(plainNumber(1005.5)).toBe("1005.5");
    expect(plainNumber(-0)).toBe("0");
    expect(() => plainNumber(Number.NaN)).toThrow(RangeError);
  });

  it("round-trips every finite double", () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (n) => {
        const s = plainNumber(n);
        expect(s).toMatch(/^-?\d+(\.\d+)?$/);
        expect(Number(s)).toBe(n === 0 ? 0 : n);
      }),
    );
  });
});

describe("excelNumberText", () => {
  it("shows 15 significant digits like Excel", () => {
    expect(excelNumberText(0.1 + 0.2)).toBe("0.3");
    expect(excelNumberText(1005.5)).toBe("1005.5");
    expect(excelNumberText(123456789012345680)).toBe("123456789012346000");
  });
});

describe("dateText / booleanText", () => {
  it("formats UTC dates and optional times", () => {
    expect(dateText(new Date(Date.UTC(2024, 0, 5)))).toBe("2024-01-05");
    expect(dateText(new Date(Date.UTC(2024, 0, 5, 23, 59, 59, 999)))).toBe("2024-01-06");
    expect(dateText(new Date(Date.UTC(2024, 0, 5, 9, 5, 7)))).toBe("2024-01-05 09:05:07");
    expect(booleanText(false)).toBe("FALSE");
  });
});
