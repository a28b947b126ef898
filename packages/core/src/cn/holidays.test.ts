import { describe, expect, it } from "vitest";
import { countWorkdays, isWorkday } from "./calendar.js";
import {
  countStatutoryHolidays,
  isStatutoryHoliday,
  isStatutoryYearCovered,
  STATUTORY_YEARS,
  statutoryHolidays,
} from "./holidays.js";

/** statutory-cn.md §7: per month, [workdays, statutory days]. 2025's statutory counts from its date list. */
const MONTHS: Record<number, [number, number][]> = {
  2025: [
    [19, 5], // Jan 1, Jan 28–31
    [19, 0],
    [21, 0],
    [22, 1], // Apr 4
    [19, 3], // May 1, 2, 31
    [20, 0],
    [23, 0],
    [21, 0],
    [23, 0],
    [18, 4], // Oct 1–3, Oct 6
    [20, 0],
    [23, 0],
  ],
  2026: [
    [21, 1],
    [16, 4],
    [22, 0],
    [21, 1],
    [19, 2],
    [21, 1],
    [23, 0],
    [21, 0],
    [22, 1],
    [18, 3],
    [21, 0],
    [23, 0],
  ],
};

describe("per-month workdays and statutory holidays", () => {
  for (const year of [2025, 2026]) {
    it.each(MONTHS[year]!.map((want, i) => [i + 1, ...want] as const))(
      `${year}-%i: %i workdays, %i statutory`,
      (month, workdays, statutory) => {
        expect(countWorkdays(year, month)).toBe(workdays);
        expect(countStatutoryHolidays(year, month)).toBe(statutory);
      },
    );

    it(`${year}: 248 workdays (365 − 104 − 13) and 13 statutory days`, () => {
      const sum = (f: (m: number) => number | null) =>
        Array.from({ length: 12 }, (_, i) => f(i + 1) ?? Number.NaN).reduce((a, b) => a + b, 0);
      expect(sum((m) => countWorkdays(year, m))).toBe(248);
      expect(sum((m) => countStatutoryHolidays(year, m))).toBe(13);
    });
  }
});

describe("the statutory table", () => {
  it.each([2025, 2026])("%i: 13 dates by festival, all rest days in the calendar, with a source", (year) => {
    const y = statutoryHolidays(year)!;
    const byName: Record<string, number> = {};
    for (const d of y.dates) byName[d.name] = (byName[d.name] ?? 0) + 1;
    // 国务院令第795号: 元旦1, 春节4, 清明1, 劳动节2, 端午1, 中秋1, 国庆3
    expect(byName).toEqual({ 元旦: 1, 春节: 4, 清明节: 1, 劳动节: 2, 端午节: 1, 中秋节: 1, 国庆节: 3 });
    expect(new Set(y.dates.map((d) => d.date)).size).toBe(13);
    expect(y.dates.every((d) => d.date.startsWith(`${year}-`) && isWorkday(d.date) === false)).toBe(true);
    expect(y.source.notice).toMatch(/^国办发明电〔\d{4}〕\d+号$/);
    expect(y.source.url).toMatch(/^https:\/\/www\.gov\.cn\/zhengce\/zhengceku\//);
  });

  it("lists 2026 exactly as statutory-cn.md §7", () => {
    expect(statutoryHolidays(2026)!.dates.map((d) => d.date.slice(5))).toEqual(
      "01-01 02-16 02-17 02-18 02-19 04-05 05-01 05-02 06-19 09-25 10-01 10-02 10-03".split(" "),
    );
    expect(statutoryHolidays(2025)!.dates.map((d) => d.date.slice(5))).toEqual(
      "01-01 01-28 01-29 01-30 01-31 04-04 05-01 05-02 05-31 10-01 10-02 10-03 10-06".split(" "),
    );
    expect(statutoryHolidays(2026)!.source.notice).toBe("国办发明电〔2025〕7号");
    expect(statutoryHolidays(2025)!.source.notice).toBe("国办发明电〔2024〕12号");
  });

  it.each([
    ["2026-10-03", true], // Saturday, still statutory
    ["2026-04-05", true], // Sunday, 清明
    ["2026-04-06", false], // 补假 Monday: a rest day, not a statutory date
    ["2026-02-15", false], // off (春节 break) but not statutory
    ["2026-10-05", false], // 调休 rest weekday
    ["2025-05-31", true], // Saturday, 端午
    ["2025-06-02", false], // 补假 Monday
    ["2027-01-01", null],
    ["2024-10-01", null],
    ["20261001", null],
  ])("isStatutoryHoliday(%s) → %s", (date, want) => {
    expect(isStatutoryHoliday(date)).toBe(want);
  });
});

describe("uncovered years are refused", () => {
  it("2027 is neither counted nor treated as all weekdays", () => {
    expect(STATUTORY_YEARS).toEqual({ from: 2025, to: 2026 });
    expect(isStatutoryYearCovered(2027)).toBe(false);
    expect(statutoryHolidays(2027)).toBeNull();
    expect(countStatutoryHolidays(2027, 1)).toBeNull();
    expect(countWorkdays(2027, 1)).toBeNull();
    expect(isWorkday("2027-01-01")).toBeNull();
    expect(countStatutoryHolidays(2024, 10)).toBeNull();
    expect(countStatutoryHolidays(2026, 13)).toBeNull();
  });
});
