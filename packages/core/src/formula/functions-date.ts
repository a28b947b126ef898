/**
 * Date functions: DATE, YEAR, MONTH, DAY, DAYS, MONTHS, YEARS (whole months/years between dates), ISBLANK,
 * WORKDAYS (statutory working days between two dates, from the holiday calendar).
 * @example "YEARS(入职日期, 期间结束)" // whole years of service at the end of the pay period
 */
import { CALENDAR_YEARS, countWorkdaysBetween } from "../cn/calendar.js";
import { Dec } from "../money/decimal.js";
import type { Span } from "./ast.js";
import { civilFromDays } from "./days.js";
import type { FunctionDef } from "./functions.js";
import { compileArgs } from "./functions-basic.js";
import { CellError, type Compiled, type EvalCtx, type Val } from "./types.js";

type Fn = Compiled["fn"];
const DAY_MS = 86_400_000;

function parts(days: number): [number, number, number] {
  return civilFromDays(days);
}

function dateOf(f: Fn, c: EvalCtx, span: Span): number {
  const v: Val = f(c);
  if (v === null) throw new CellError("VALUE", span, "日期为空", "date is blank");
  return v as number;
}

/** Whole calendar months from a to b (like DATEDIF "M"); negative when b is before a. @example wholeMonths(dateToDays("2026-01-31"), dateToDays("2026-02-28")) === 0 */
export function wholeMonths(a: number, b: number): number {
  if (b < a) return -wholeMonths(b, a);
  const [y1, m1, d1] = parts(a);
  const [y2, m2, d2] = parts(b);
  return (y2 - y1) * 12 + (m2 - m1) - (d2 < d1 ? 1 : 0);
}

function between(name: string, zh: string, calc: (a: number, b: number) => number): FunctionDef {
  return {
    name,
    minArgs: 2,
    maxArgs: 2,
    zh,
    compile: (e, st) => {
      const cs = compileArgs(e, st, ["date", "date"]);
      if (!cs) return null;
      const [a, b] = cs.map((x) => x.fn) as [Fn, Fn];
      const sa = e.args[0]!.span;
      const sb = e.args[1]!.span;
      return { type: "number", fn: (c) => Dec.fromInt(calc(dateOf(a, c, sa), dateOf(b, c, sb))) };
    },
  };
}

function part(name: string, zh: string, idx: 0 | 1 | 2): FunctionDef {
  return {
    name,
    minArgs: 1,
    maxArgs: 1,
    zh,
    compile: (e, st) => {
      const cs = compileArgs(e, st, ["date"]);
      if (!cs) return null;
      const f = cs[0]!.fn;
      const s = e.args[0]!.span;
      return { type: "number", fn: (c) => Dec.fromInt(parts(dateOf(f, c, s))[idx]) };
    },
  };
}

const DATE: FunctionDef = {
  name: "DATE",
  minArgs: 3,
  maxArgs: 3,
  zh: "DATE(年, 月, 日)：构造日期，如 DATE(2026, 12, 31)",
  compile: (e, st) => {
    const cs = compileArgs(e, st, ["number", "number", "number"]);
    if (!cs) return null;
    const [y, m, d] = cs.map((x) => x.fn) as [Fn, Fn, Fn];
    const span = e.span;
    return {
      type: "date",
      fn: (c) => {
        const nums = [y(c), m(c), d(c)].map((v) => Number((v as Dec).toString()));
        const [yy, mm, dd] = nums as [number, number, number];
        const ms = Date.UTC(yy, mm - 1, dd);
        const back = new Date(ms);
        if (!nums.every(Number.isInteger) || back.getUTCMonth() !== mm - 1 || back.getUTCDate() !== dd) {
          throw new CellError(
            "VALUE",
            span,
            `不是有效日期：${nums.join("-")}`,
            `invalid date ${nums.join("-")}`,
          );
        }
        return Math.round(ms / DAY_MS);
      },
    };
  },
};

const ISBLANK: FunctionDef = {
  name: "ISBLANK",
  minArgs: 1,
  maxArgs: 1,
  zh: "ISBLANK(日期)：日期为空时为是，如 ISBLANK(离职日期)",
  compile: (e, st) => {
    const cs = compileArgs(e, st, [null]);
    if (!cs) return null;
    const f = cs[0]!.fn;
    return { type: "boolean", fn: (c) => f(c) === null || f(c) === "" };
  },
};

function isoOf(days: number): string {
  const [y, m, d] = parts(days);
  return `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

const WORKDAYS: FunctionDef = {
  name: "WORKDAYS",
  minArgs: 2,
  maxArgs: 2,
  zh: "WORKDAYS(开始, 结束)：两日之间（含两端）的法定工作日数（含调休上班日），如 WORKDAYS(入职日期, 期间结束)",
  compile: (e, st) => {
    const cs = compileArgs(e, st, ["date", "date"]);
    if (!cs) return null;
    const [a, b] = cs.map((x) => x.fn) as [Fn, Fn];
    const sa = e.args[0]!.span;
    const sb = e.args[1]!.span;
    const span = e.span;
    return {
      type: "number",
      fn: (c) => {
        const n = countWorkdaysBetween(isoOf(dateOf(a, c, sa)), isoOf(dateOf(b, c, sb)));
        if (n === null)
          throw new CellError(
            "VALUE",
            span,
            `节假日数据只覆盖 ${CALENDAR_YEARS.from}–${CALENDAR_YEARS.to} 年，无法计算工作日`,
            `holiday data covers ${CALENDAR_YEARS.from}-${CALENDAR_YEARS.to} only`,
          );
        return Dec.fromInt(n);
      },
    };
  },
};

export const DATE_FUNCTIONS: FunctionDef[] = [
  WORKDAYS,
  DATE,
  ISBLANK,
  part("YEAR", "YEAR(日期)：年份", 0),
  part("MONTH", "MONTH(日期)：月份", 1),
  part("DAY", "DAY(日期)：日", 2),
  between("DAYS", "DAYS(开始, 结束)：相差天数", (a, b) => b - a),
  between("MONTHS", "MONTHS(开始, 结束)：相差的整月数，如 MONTHS(入职日期, 期间结束)", wholeMonths),
  between("YEARS", "YEARS(开始, 结束)：相差的整年数，如 YEARS(入职日期, 期间结束)", (a, b) =>
    Math.trunc(wholeMonths(a, b) / 12),
  ),
];
