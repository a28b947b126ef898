import { describe, expect, it } from "vitest";
import { countWorkdays, countWorkdaysBetween, isWorkday } from "../cn/calendar.js";
import { isStatutoryHoliday, statutoryHolidays } from "../cn/holidays.js";
import { type EmployeeInput, runPayroll } from "../engine/run.js";
import { evalItems, type MiniPolicy, miniPolicyYaml, problemsOf } from "../engine/test-policy.js";
import { Dec } from "../money/decimal.js";
import { dailyWage, hourlyWage, overtimePay, prorate } from "./functions-labor.js";

const who = { 工号: "A1", 姓名: "张三" };

/** Runs a policy with the batch evaluator (evalItems) and the row-by-row one, and checks they agree exactly. */
function both(p: MiniPolicy, rows: Record<string, string>[], period = "2026-10") {
  const r = evalItems(p, rows, { period });
  expect(r.run.policy.batch).not.toBeNull();
  const employees: EmployeeInput[] = rows.map((values, i) => ({
    values,
    source: { file: "in.csv", row: i + 2 },
  }));
  const s = runPayroll(r.run.policy, { period, employees, mode: "scalar" });
  if (!s.ok) throw new Error(s.problem.zh);
  expect(Array.from(s.run.units)).toEqual(Array.from(r.run.units));
  expect(s.run.errors).toEqual(r.run.errors);
  return r;
}

describe("exact helpers (10 decimal places, no intermediate rounding)", () => {
  it.each([
    // 5000 ÷ 174: 174 × 28 = 4872, 128 ÷ 174 = 0.73563218390(8…) → 28.7356321839
    [hourlyWage(Dec.fromInt(5000)), "28.7356321839"],
    // 5000 ÷ 21.75 = 229.88505747126… → 229.8850574713
    [dailyWage(Dec.fromInt(5000)), "229.8850574713"],
    // 5000 × (1.5 × 8) ÷ 174 = 60000 ÷ 174 = 344.82758620689…
    [overtimePay(Dec.fromInt(5000), Dec.fromInt(8), Dec.ZERO, Dec.ZERO), "344.8275862069"],
    // 5000 × 16 ÷ 31 = 80000 ÷ 31 = 2580.64516129032…
    [prorate(Dec.fromInt(5000), "日历", Dec.fromInt(16), Dec.fromInt(31)), "2580.6451612903"],
  ])("%s = %s", (got, want) => {
    expect(got.toString()).toBe(want);
  });
});

describe("HOURLYWAGE, DAILYWAGE, OVERTIME", () => {
  const policy: MiniPolicy = {
    inputs: {
      月工资: { type: "money" },
      工作日加班: { type: "number" },
      休息日加班: { type: "number" },
      法定加班: { type: "number" },
    },
    items: {
      小时工资: { kind: "info", formula: "HOURLYWAGE(月工资)", decimals: 6 },
      日工资: { kind: "info", formula: "DAILYWAGE(月工资)", decimals: 6 },
      加班工资: "OVERTIME(月工资, 工作日加班, 休息日加班, 法定加班)",
    },
  };

  /** Classifies each day of a timesheet with the calendar and the statutory table, and sums hours by rate. */
  function byRate(sheet: Record<string, number>): {
    工作日加班: string;
    休息日加班: string;
    法定加班: string;
  } {
    const h = { 工作日加班: 0, 休息日加班: 0, 法定加班: 0 };
    for (const [date, hours] of Object.entries(sheet)) {
      if (isStatutoryHoliday(date)) h.法定加班 += hours;
      else if (isWorkday(date)) h.工作日加班 += hours;
      else h.休息日加班 += hours;
    }
    return {
      工作日加班: String(h.工作日加班),
      休息日加班: String(h.休息日加班),
      法定加班: String(h.法定加班),
    };
  }

  it("the hourly and daily wage of 5000 are single divisions", () => {
    const r = both(policy, [{ ...who, 月工资: "5000", 工作日加班: "0", 休息日加班: "0", 法定加班: "0" }]);
    // 5000 ÷ 174 = 28.735632183…; 5000 ÷ 21.75 = 229.885057471…
    expect(r.rows[0]).toMatchObject({ 小时工资: "28.735632", 日工资: "229.885057", 加班工资: "0.00" });
  });

  it("2026-02-14 is a 调休 working Saturday, 2026-10-01 and 10-03 statutory, 04-06 a 补假 rest day", () => {
    expect(isWorkday("2026-02-14")).toBe(true);
    expect(countWorkdaysBetween("2026-02-14", "2026-02-14")).toBe(1);
    expect(isStatutoryHoliday("2026-02-14")).toBe(false);
    expect(isStatutoryHoliday("2026-10-01")).toBe(true);
    expect(isStatutoryHoliday("2026-10-03")).toBe(true);
    expect([isWorkday("2026-04-06"), isStatutoryHoliday("2026-04-06")]).toEqual([false, false]);
  });

  it.each([
    // 调休 working Saturday → 150 %: 5000 × (1.5 × 8) ÷ 174 = 60000 ÷ 174 = 344.8275… → 344.83
    ["调休上班的周六 2026-02-14", { "2026-02-14": 8 }, "344.83"],
    // ordinary workday evening, 2 h → 150 %: 5000 × 3 ÷ 174 = 15000 ÷ 174 = 86.2068… → 86.21
    ["工作日 2026-10-16 晚 2 小时", { "2026-10-16": 2 }, "86.21"],
    // ordinary Saturday → 200 %: 5000 × 16 ÷ 174 = 80000 ÷ 174 = 459.7701… → 459.77
    ["周六 2026-10-17", { "2026-10-17": 8 }, "459.77"],
    // 调休 rest Monday (国庆 break, not statutory) → 200 %: same 459.77
    ["调休休息的周一 2026-10-05", { "2026-10-05": 8 }, "459.77"],
    // statutory → 300 %: 5000 × 24 ÷ 174 = 120000 ÷ 174 = 689.6551… → 689.66
    ["国庆 2026-10-01", { "2026-10-01": 8 }, "689.66"],
    // statutory on a Saturday is still 300 %
    ["国庆 2026-10-03（周六）", { "2026-10-03": 8 }, "689.66"],
    // month: workday 2 + 1 + 8 (10-10 is a 调休 Saturday) = 11 h, rest (Sun 10-18) 4 h, statutory (10-02) 8 h:
    // 1.5 × 11 + 2 × 4 + 3 × 8 = 48.5; 5000 × 48.5 ÷ 174 = 242500 ÷ 174 = 1393.6781… → 1393.68
    // (rounding the hourly wage first would give 28.74 × 48.5 = 1393.89)
    [
      "一个月的加班",
      { "2026-10-12": 2, "2026-10-13": 1, "2026-10-10": 8, "2026-10-18": 4, "2026-10-02": 8 },
      "1393.68",
    ],
  ])("%s", (_, sheet, want) => {
    const r = both(policy, [{ ...who, 月工资: "5000", ...byRate(sheet) }]);
    expect(r.errors).toEqual([]);
    expect(r.rows[0]!.加班工资).toBe(want);
  });

  it("refuses a negative argument, naming it", () => {
    const r = both(policy, [{ ...who, 月工资: "5000", 工作日加班: "-2", 休息日加班: "0", 法定加班: "0" }]);
    // the formula is on line 26 from column 14; 工作日加班 starts 14 characters in, at column 28
    expect(r.errors).toEqual([
      "in.csv 第2行 张三（A1）计算“加班工资”时：OVERTIME 的“工作日加班小时”不能为负数，这里是 -2（方案 t.yaml:26:28）",
    ]);
    const neg = both(policy, [{ ...who, 月工资: "-1", 工作日加班: "0", 休息日加班: "0", 法定加班: "0" }]);
    expect(neg.errors[0]).toMatch(/HOURLYWAGE 的“月工资”不能为负数，这里是 -1/);
  });
});

describe("PRORATE", () => {
  const policy: MiniPolicy = {
    inputs: {
      月工资: { type: "money" },
      计薪日: { type: "number" },
      缺勤日: { type: "number" },
      在职日: { type: "number" },
    },
    items: {
      出勤法: 'PRORATE(月工资, "出勤", 计薪日)',
      扣减法: 'PRORATE(月工资, "扣减", 缺勤日)',
      日历法: 'PRORATE(月工资, "日历", 在职日, 本月天数)',
    },
  };

  /** Statutory holidays from one ISO date to another, both included (the range lies in a covered year). */
  const statutoryBetween = (from: string, to: string) =>
    statutoryHolidays(Number(from.slice(0, 4)))!.dates.filter((d) => d.date >= from && d.date <= to).length;

  it("computes the hire's and the leaver's days with the calendar", () => {
    // Oct 2026: 18 workdays; hired 10-16 → 11 of them; statutory Oct 1–3 all before the start
    expect([countWorkdays(2026, 10), countWorkdaysBetween("2026-10-16", "2026-10-31")]).toEqual([18, 11]);
    expect(statutoryBetween("2026-10-16", "2026-10-31")).toBe(0);
    // Sep 2026: 22 workdays; last day 09-28 → 20 of them (09-29, 09-30 after), 中秋 09-25 inside
    expect([countWorkdays(2026, 9), countWorkdaysBetween("2026-09-01", "2026-09-28")]).toEqual([22, 20]);
    expect(statutoryBetween("2026-09-01", "2026-09-28")).toBe(1);
  });

  it.each([
    // Hire, joined 2026-10-16 (Oct: 18 workdays, 31 days). 出勤: 11 workdays + 0 statutory = 11 paid days,
    // 5000 × 11 ÷ 21.75 = 2528.7356…; 扣减: 18 − 11 = 7 absent, 5000 − 35000 ÷ 21.75 = 5000 − 1609.1954… = 3390.8045…;
    // 日历: Oct 16–31 = 16 of 31 days, 80000 ÷ 31 = 2580.6451…
    [
      "入职 2026-10-16",
      "2026-10",
      { 计薪日: "11", 缺勤日: "7", 在职日: "16" },
      ["2528.74", "3390.80", "2580.65"],
    ],
    // Leaver, last day 2026-09-28 (Sep: 22 workdays, 30 days). 出勤: 20 workdays + 1 statutory (09-25) = 21,
    // 5000 × 21 ÷ 21.75 = 4827.5862…; 扣减: 22 − 20 = 2 absent, 5000 − 10000 ÷ 21.75 = 5000 − 459.7701… = 4540.2298…;
    // 日历: 28 of 30 days, 140000 ÷ 30 = 4666.666…
    [
      "离职 2026-09-28",
      "2026-09",
      { 计薪日: "21", 缺勤日: "2", 在职日: "28" },
      ["4827.59", "4540.23", "4666.67"],
    ],
    // Unpaid leave 3 days, whole October. 出勤: 18 workdays + 3 statutory − 3 = 18, 90000 ÷ 21.75 = 4137.9310…;
    // 扣减: 5000 − 15000 ÷ 21.75 = 5000 − 689.6551… = 4310.3448…; 日历: 31 − 3 = 28 of 31, 140000 ÷ 31 = 4516.1290…
    [
      "事假 3 天 2026-10",
      "2026-10",
      { 计薪日: "18", 缺勤日: "3", 在职日: "28" },
      ["4137.93", "4310.34", "4516.13"],
    ],
    // Half a day of leave: 扣减 5000 − 2500 ÷ 21.75 = 5000 − 114.9425… = 4885.0574…
    [
      "事假 0.5 天",
      "2026-10",
      { 计薪日: "20.5", 缺勤日: "0.5", 在职日: "31" },
      ["4712.64", "4885.06", "5000.00"],
    ],
    // Caps: 23 paid days in Dec 2026 → 115000 ÷ 21.75 = 5287.35… capped at 5000; 22 absent days → below 0, so 0
    [
      "上限与下限 2026-12",
      "2026-12",
      { 计薪日: "23", 缺勤日: "22", 在职日: "31" },
      ["5000.00", "0.00", "5000.00"],
    ],
  ])("%s", (_, period, days, [attendance, deduction, calendar]) => {
    const r = both(policy, [{ ...who, 月工资: "5000", ...days }], period);
    expect(r.errors).toEqual([]);
    expect(r.rows[0]).toMatchObject({ 出勤法: attendance, 扣减法: deduction, 日历法: calendar });
  });

  it("refuses negative days, more days in service than in the month, and a zero month", () => {
    const row = { ...who, 月工资: "5000", 计薪日: "1", 缺勤日: "-1", 在职日: "1" };
    expect(both(policy, [row]).errors[0]).toMatch(
      /计算“扣减法”时：PRORATE 的“缺勤天数”不能为负数，这里是 -1/,
    );
    const over = both(policy, [{ ...row, 缺勤日: "0", 在职日: "32" }]).errors[0];
    expect(over).toMatch(/计算“日历法”时：PRORATE 的“在职天数”（32）超过了“本月天数”（31）/);
    const zero = both({ ...policy, items: { 日历法: 'PRORATE(月工资, "日历", 0, 0)' } }, [row]);
    expect(zero.errors[0]).toMatch(/PRORATE 的“本月天数”为0/);
  });

  it("checks the method at compile time, with its position", () => {
    const mini = (formula: string): MiniPolicy => ({
      inputs: { 月工资: { type: "money" } },
      items: { 工资: formula },
    });
    const one = (formula: string) => problemsOf(mini(formula));
    // the formula is on line 12 from column 14; its argument "按天" starts 13 characters in, at column 27
    expect(miniPolicyYaml(mini("x")).split("\n")[11]).toBe("    formula: x");
    expect(one('PRORATE(月工资, "按天", 3)')).toEqual([
      't.yaml:12:27 第12行第27列：未知的折算方法“按天”，应为 "出勤"、"扣减"、"日历" 之一',
    ]);
    expect(one("PRORATE(月工资, 3, 3)")).toEqual([
      't.yaml:12:27 第12行第27列：PRORATE 的第2个参数应直接写折算方法："出勤"、"扣减"、"日历"',
    ]);
    expect(one('PRORATE(月工资, "日历", 16)')).toEqual([
      't.yaml:12:14 第12行第14列：“日历”折算需要4个参数：PRORATE(月工资, "日历", 在职天数, 本月天数)，写了3个',
    ]);
    expect(one('PRORATE(月工资, "出勤", 3, 4)')[0]).toMatch(/“出勤”折算需要3个参数/);
    expect(one("PRORATE(月工资)")[0]).toMatch(/函数 PRORATE 需要3–4个参数，写了1个/);
    expect(one('PRORATE(月工资, "出勤", "3")')[0]).toMatch(/PRORATE 的第3个参数需要数值，这里是文本/);
    expect(one("OVERTIME(月工资, 1, 2)")[0]).toMatch(/函数 OVERTIME 需要4个参数，写了3个/);
  });
});

describe("WORKDAYS", () => {
  const one = (formula: string) => {
    const r = evalItems({ items: { 结果: { kind: "info", formula, decimals: 0 } } }, [
      { 工号: "A1", 姓名: "张三" },
    ]);
    return r.errors[0] ?? r.rows[0]!.结果!;
  };
  it.each([
    // Oct 2026: 1–7 National Day (10-01..03 statutory, 04–07 rest), 10-10 a 调休 working Saturday → 18 workdays
    ["WORKDAYS(#2026-10-01#, #2026-10-31#)", "18"],
    // hired 10-16: 16, 19–23, 26–30 = 11
    ["WORKDAYS(#2026-10-16#, 期间结束)", "11"],
    // 2026-02-14 (Saturday) is a 调休 working day: 02-14 alone counts 1
    ["WORKDAYS(#2026-02-14#, #2026-02-14#)", "1"],
    ["WORKDAYS(#2026-10-31#, #2026-10-01#)", "0"],
  ])("%s = %s", (f, want) => {
    expect(one(f)).toBe(want);
  });
  it("refuses years outside the holiday data", () => {
    expect(one("WORKDAYS(#2027-01-01#, #2027-01-31#)")).toMatch(/节假日数据只覆盖 2004–2026 年/);
  });
});
