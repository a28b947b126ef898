import { describe, expect, it } from "vitest";
import { resolveCity } from "./city.js";
import { builtinMinWage } from "./load-data.js";
import { minimumWage } from "./min-wage.js";
import type { MinWageData } from "./schema.js";

describe("minimumWage", () => {
  it.each([
    // Beijing 2,540 / 27.7 (holiday 65.1) from 2025-09-01; 2,420 before.
    {
      city: "北京",
      date: "2025-09-01",
      monthly: "2540.00",
      hourly: "27.70",
      from: "2025-09-01",
      confidence: "B",
    },
    { city: "beijing", date: "2025-08-31", monthly: "2420.00", hourly: null, from: null, confidence: "C" },
    // Shanghai 2,740 / 25 from 2025-07-01; 2,690 before.
    {
      city: "上海",
      date: "2025-07",
      monthly: "2740.00",
      hourly: "25.00",
      from: "2025-07-01",
      confidence: "B",
    },
    { city: "上海", date: "2025-06-30", monthly: "2690.00", hourly: null, from: null, confidence: "C" },
    // Shenzhen 2,520 / Guangzhou 2,500, both 23.7 from 2025-03-01 (粤府函〔2025〕23号).
    {
      city: "深圳",
      date: "2026-11-01",
      monthly: "2520.00",
      hourly: "23.70",
      from: "2025-03-01",
      confidence: "C",
    },
    {
      city: "guangzhou",
      date: "2025-03-01",
      monthly: "2500.00",
      hourly: "23.70",
      from: "2025-03-01",
      confidence: "C",
    },
    { city: "广州", date: "2025-02-28", monthly: "2300.00", hourly: null, from: null, confidence: "C" },
    // Hangzhou (urban) 2,660 / 25 from 2026-01-01; 2,490 before.
    {
      city: "杭州",
      date: "2026-01-01",
      monthly: "2660.00",
      hourly: "25.00",
      from: "2026-01-01",
      confidence: "C",
    },
    { city: "hz", date: "2025-12-31", monthly: "2490.00", hourly: null, from: null, confidence: "C" },
  ])("$city $date → $monthly", ({ city, date, monthly, hourly, from, confidence }) => {
    const r = minimumWage(city, date);
    if (!r.ok) throw new Error(r.zh);
    expect(r.monthly).toBe(monthly);
    expect(r.hourly).toBe(hourly);
    expect(r.effectiveFrom).toBe(from);
    expect(r.confidence).toBe(confidence);
    if (from === null) expect(r.zh.some((l) => l.includes("起始日期未收录"))).toBe(true);
  });

  it("gives Beijing's statutory-holiday hourly minimum and the source URL", () => {
    const r = minimumWage("北京", "2026-10-01");
    expect(r.ok && r.holidayHourly).toBe("65.10");
    expect(r.ok && r.source).toContain(
      "https://rsj.beijing.gov.cn/xxgk/2024zcwj/202507/t20250725_4158456.html",
    );
  });

  it.each([
    { city: "北京", counts: false },
    { city: "上海", counts: false },
    { city: "深圳", counts: true },
    { city: "广州", counts: true },
    { city: "杭州", counts: true },
  ])("$city: employee SI/HF count toward the minimum = $counts", ({ city, counts }) => {
    const r = minimumWage(city, "2026-01-01");
    expect(r.ok && r.employeeSiHf.countsTowardMinimum).toBe(counts);
  });

  it.each([
    { city: "东京", date: "2025-07-01", code: "CITY_UNKNOWN", option: "city" },
    { city: "上海", date: "2025-02-30", code: "DATE_INVALID", option: "date" },
    { city: "上海", date: "July", code: "DATE_INVALID", option: "date" },
  ])("problem $code for $city $date", ({ city, date, code, option }) => {
    const r = minimumWage(city, date);
    expect(r.ok).toBe(false);
    if (!r.ok) expect([r.code, r.option]).toEqual([code, option]);
  });

  it("reports a date before the data with what is covered", () => {
    const data: MinWageData = structuredClone(builtinMinWage());
    const sh = resolveCity(data.cities, "上海");
    if (!sh) throw new Error("no Shanghai");
    sh.entries = sh.entries.filter((e) => e.effectiveFrom !== undefined);
    const r = minimumWage("上海", "2025-06-30", data);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.zh).toBe("上海 2025-06-30 没有最低工资数据（已有 2025-07-01 起）");
  });
});
