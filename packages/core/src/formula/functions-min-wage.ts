/**
 * Minimum wage by city and period, for policy checks: MINWAGE(城市, 期间[, "小时"]) and MINWAGEEXCLUDESSI(城市, 期间)
 * (true where the employee's own social insurance and housing fund do not count toward the minimum, as in
 * Beijing and Shanghai). A city or month without data is that employee's error with the reason.
 * @example "IF(应发工资 < MINWAGE(参保地, 期间), …)"
 */
import { type MinimumWage, minimumWage } from "../cn/social/min-wage.js";
import { Dec } from "../money/decimal.js";
import type { Span } from "./ast.js";
import { at } from "./compile.js";
import type { FunctionDef } from "./functions.js";
import { compileArgs } from "./functions-basic.js";
import { makeProblem } from "./problems.js";
import { CellError, type Compiled } from "./types.js";

type Fn = Compiled["fn"];

const CACHE = new Map<string, ReturnType<typeof minimumWage>>();

function lookup(city: string, period: string, span: Span): MinimumWage {
  const key = `${city}\u0000${period}`;
  let r = CACHE.get(key);
  if (!r) {
    if (CACHE.size > 10_000) CACHE.clear();
    r = minimumWage(city, `${period}-01`);
    CACHE.set(key, r);
  }
  if (!r.ok) throw new CellError("LOOKUP", span, r.zh, r.en);
  return r;
}

const MINWAGE: FunctionDef = {
  name: "MINWAGE",
  minArgs: 2,
  maxArgs: 3,
  zh: 'MINWAGE(城市, 期间[, "小时"])：当地当期月最低工资标准（或非全日制小时最低工资）',
  compile: (e, st) => {
    const kind = e.args[2];
    if (kind && !(kind.kind === "string" && (kind.value === "月" || kind.value === "小时"))) {
      st.problems.push(
        makeProblem("VALUE", at(kind.span), '第三个参数应写 "月" 或 "小时"', 'use "月" or "小时"'),
      );
      return null;
    }
    const cs = compileArgs({ ...e, args: e.args.slice(0, 2) }, st, ["text", "text"]);
    if (!cs) return null;
    const [city, period] = cs.map((c) => c.fn) as [Fn, Fn];
    const hourly = kind?.kind === "string" && kind.value === "小时";
    const span = e.span;
    return {
      type: "number",
      fn: (c) => {
        const r = lookup(city(c) as string, period(c) as string, span);
        if (c.notes) c.notes.push(...r.zh, `来源：${r.source}［可信度 ${r.confidence}］`);
        if (!hourly) return Dec.parse(r.monthly);
        if (r.hourly === null)
          throw new CellError(
            "LOOKUP",
            span,
            `${r.city.name}的小时最低工资未收录`,
            "hourly minimum not recorded",
          );
        return Dec.parse(r.hourly);
      },
    };
  },
};

const MINWAGEEXCLUDESSI: FunctionDef = {
  name: "MINWAGEEXCLUDESSI",
  minArgs: 2,
  maxArgs: 2,
  zh: "MINWAGEEXCLUDESSI(城市, 期间)：个人缴纳的社保和公积金不计入最低工资时为 TRUE（如北京、上海）",
  compile: (e, st) => {
    const cs = compileArgs(e, st, ["text", "text"]);
    if (!cs) return null;
    const [city, period] = cs.map((c) => c.fn) as [Fn, Fn];
    const span = e.span;
    return {
      type: "boolean",
      fn: (c) => {
        const r = lookup(city(c) as string, period(c) as string, span);
        if (c.notes) c.notes.push(`${r.employeeSiHf.note}（${r.employeeSiHf.source}）`);
        return !r.employeeSiHf.countsTowardMinimum;
      },
    };
  },
};

/** Minimum-wage functions. @example MIN_WAGE_FUNCTIONS.map((f) => f.name) */
export const MIN_WAGE_FUNCTIONS: FunctionDef[] = [MINWAGE, MINWAGEEXCLUDESSI];
