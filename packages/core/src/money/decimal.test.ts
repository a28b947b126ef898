import { Decimal as DecimalJs } from "decimal.js";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Dec, type RoundingMode } from "./decimal.js";

const D = (s: string) => Dec.parse(s);
const Ref = DecimalJs.clone({ precision: 200 });

/** Decimal text with up to 6 places and up to 14 integer digits, including values past 2^53 when scaled. */
const decText = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 14n }), fc.integer({ min: 0, max: 6 }))
  .map(([neg, c, s]) => {
    const digits = c.toString().padStart(s + 1, "0");
    const body = s === 0 ? digits : `${digits.slice(0, -s)}.${digits.slice(-s)}`;
    return (neg && c !== 0n ? "-" : "") + body;
  });

describe("Dec basics", () => {
  it.each([
    ["0.1", "0.2", "0.3"],
    ["1.005", "0", "1.005"],
    ["-0.01", "0.01", "0"],
    ["9007199254740991", "1", "9007199254740992"],
    ["99999999999999.99", "0.01", "100000000000000"],
  ])("%s + %s = %s", (a, b, sum) => {
    expect(D(a).add(D(b)).toString()).toBe(sum);
  });

  it("0.1 + 0.2 equals 0.3 exactly, unlike binary floats", () => {
    expect(D("0.1").add(D("0.2")).eq(D("0.3"))).toBe(true);
    expect(0.1 + 0.2 === 0.3).toBe(false);
  });

  it.each<[string, number, RoundingMode, string]>([
    ["1.005", 2, "half-up", "1.01"],
    ["1.015", 2, "half-even", "1.02"],
    ["1.025", 2, "half-even", "1.02"],
    ["-1.005", 2, "half-up", "-1.01"],
    ["2.345", 2, "down", "2.34"],
    ["2.341", 2, "up", "2.35"],
    ["-2.341", 2, "floor", "-2.35"],
    ["-2.349", 2, "ceiling", "-2.34"],
    ["2.5", 0, "half-up", "3"],
    ["2.5", 0, "half-even", "2"],
    ["3.5", 0, "half-even", "4"],
    ["0.45", 1, "half-up", "0.5"],
    ["1234.5", -1, "half-up", "1230"],
    ["1235", -1, "half-up", "1240"],
  ])("round(%s, %d, %s) = %s", (v, places, mode, out) => {
    expect(D(v).round(places, mode).toString()).toBe(out);
  });

  it("settles a quotient's tail before rounding", () => {
    const daily = D("2000").div(D("21.75"));
    expect(daily.toString()).toBe("91.9540229885");
    expect(daily.mul(D("21.75")).round(2).toFixed(2)).toBe("2000.00");
    expect(D("1").div(D("3")).mul(D("3")).toFixed(2)).toBe("1.00");
  });

  it("formats with fixed places and percentages", () => {
    expect(D("2030").toFixed(2)).toBe("2030.00");
    expect(D("-0.5").toFixed(2)).toBe("-0.50");
    expect(D("0.015").toPercent()).toBe("1.5%");
    expect(D("600.00").toString()).toBe("600");
    expect(D("0.000").toString()).toBe("0");
  });

  it("rejects non-decimal text", () => {
    for (const bad of ["", "1e5", "1.2.3", "abc", "1,000", " 1", "NaN", "Infinity", ".5"]) {
      expect(Dec.tryParse(bad)).toBeNull();
    }
    expect(() => D("x")).toThrow(RangeError);
    expect(() => D("1").div(Dec.ZERO)).toThrow(RangeError);
  });

  it("converts to and from integer 分", () => {
    expect(D("12.3").toScaledInteger(2)).toBe(1230);
    expect(Dec.fromCoefficient(1230, 2).toFixed(2)).toBe("12.30");
    expect(() => D("12.345").toScaledInteger(2)).toThrow(RangeError);
  });
});

describe("Dec agrees with decimal.js on exact operations", () => {
  it("add, sub, mul, cmp", () => {
    fc.assert(
      fc.property(decText, decText, (a, b) => {
        const x = D(a);
        const y = D(b);
        expect(x.add(y).toString()).toBe(new Ref(a).plus(b).toString().replace(/^-0$/, "0"));
        expect(x.sub(y).toString()).toBe(new Ref(a).minus(b).toString().replace(/^-0$/, "0"));
        const prod = new Ref(a).times(b).toDecimalPlaces(10, DecimalJs.ROUND_HALF_EVEN);
        expect(x.mul(y).toString()).toBe(prod.toFixed().replace(/^-0$/, "0"));
        expect(x.cmp(y)).toBe(new Ref(a).cmp(b));
      }),
      { numRuns: 2000 },
    );
  });

  it("div to 10 places half-even", () => {
    fc.assert(
      fc.property(decText, decText, (a, b) => {
        fc.pre(!new Ref(b).isZero());
        const q = new Ref(a).div(b).toDecimalPlaces(10, DecimalJs.ROUND_HALF_EVEN);
        expect(D(a).div(D(b)).toString()).toBe(q.toFixed().replace(/^-0$/, "0"));
      }),
      { numRuns: 2000 },
    );
  });

  it("round half-up, half-even, down, up", () => {
    const modes: [RoundingMode, DecimalJs.Rounding][] = [
      ["half-up", DecimalJs.ROUND_HALF_UP],
      ["half-even", DecimalJs.ROUND_HALF_EVEN],
      ["down", DecimalJs.ROUND_DOWN],
      ["up", DecimalJs.ROUND_UP],
      ["floor", DecimalJs.ROUND_FLOOR],
      ["ceiling", DecimalJs.ROUND_CEIL],
    ];
    fc.assert(
      fc.property(
        decText,
        fc.integer({ min: 0, max: 4 }),
        fc.integer({ min: 0, max: 5 }),
        (a, places, mi) => {
          const [mode, ref] = modes[mi]!;
          const want = new Ref(a)
            .toDecimalPlaces(places, ref)
            .toFixed(places)
            .replace(/^-(0\.?0*)$/, "$1");
          expect(D(a).toFixed(places, mode)).toBe(want);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it("money never drifts: summing 10,000 cents gives exactly 100", () => {
    let sum = Dec.ZERO;
    const cent = D("0.01");
    for (let i = 0; i < 10_000; i++) sum = sum.add(cent);
    expect(sum.toString()).toBe("100");
  });
});
