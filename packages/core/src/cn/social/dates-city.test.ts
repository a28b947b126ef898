import { describe, expect, it } from "vitest";
import { resolveCity } from "./city.js";
import { coverageText, findEffective, isIsoDate, nextDay, overlaps } from "./dates.js";
import { parseAmount, parseRate } from "./figures.js";

const CITIES = [
  { id: "shanghai", name: "上海", adminCode: "310000", aliases: ["sh"] },
  { id: "beijing", name: "北京", adminCode: "110000" },
];

describe("resolveCity", () => {
  it.each([
    ["上海", "shanghai"],
    ["上海市", "shanghai"],
    [" ShangHai ", "shanghai"],
    ["310000", "shanghai"],
    ["SH", "shanghai"],
    ["110000", "beijing"],
    ["东京", undefined],
    ["", undefined],
  ])("%s → %s", (q, id) => {
    expect(resolveCity(CITIES, q)?.id).toBe(id);
  });
});

describe("effective dates", () => {
  const list = [
    { effectiveFrom: "2024-07-01", effectiveTo: "2025-06-30", v: "a" },
    { effectiveFrom: "2025-07-01", effectiveTo: "2026-06-30", v: "b" },
  ];

  it.each([
    ["2024-06-30", undefined],
    ["2024-07-01", "a"],
    ["2025-06-30", "a"],
    ["2025-07-01", "b"],
    ["2026-07-01", undefined],
  ])("%s → %s", (day, v) => {
    expect(findEffective(list, day)?.v).toBe(v);
  });

  it("prefers the latest start when entries overlap (tenant entry inside a built-in one)", () => {
    expect(findEffective([...list, { effectiveFrom: "2025-10-01", v: "t" }], "2025-11-01")?.v).toBe("t");
    expect(overlaps([...list, { effectiveFrom: "2025-10-01" }])).toEqual([[1, 2]]);
  });

  it("describes coverage", () => {
    expect(coverageText(list)).toBe("2024-07 至 2026-06");
    expect(coverageText(list, "month", "en")).toBe("2024-07 to 2026-06");
    expect(
      coverageText([
        { effectiveFrom: "2024-07-01", effectiveTo: "2025-06-30" },
        { effectiveFrom: "2026-01-01" },
      ]),
    ).toBe("2024-07 至 2025-06、2026-01 起");
    expect(coverageText([{ effectiveTo: "2025-06-30" }, { effectiveFrom: "2025-07-01" }], "day")).toBe(
      "全部日期",
    );
  });

  it("checks real dates", () => {
    expect([isIsoDate("2024-02-29"), isIsoDate("2025-02-29"), isIsoDate("2025-7-1")]).toEqual([
      true,
      false,
      false,
    ]);
    expect(nextDay("2024-12-31")).toBe("2025-01-01");
  });
});

describe("user amounts and rates", () => {
  it.each([
    ["7%", "0.07"],
    ["7.5%", "0.075"],
    ["0.07", "0.07"],
    ["12％", "0.12"],
    ["7", undefined],
    ["-5%", undefined],
    ["abc", undefined],
  ])("rate %s → %s", (text, value) => {
    expect(parseRate(text)?.toString()).toBe(value);
  });

  it("refuses negative and non-numeric bases", () => {
    expect(parseAmount("7777.5")).toMatchObject({ ok: true });
    expect(parseAmount("-1")).toEqual({ ok: false, negative: true });
    expect(parseAmount("1e4")).toEqual({ ok: false, negative: false });
  });
});
