/**
 * Labour-law wage functions: HOURLYWAGE, DAILYWAGE, OVERTIME, PRORATE. 人社部发〔2025〕2号: 月计薪天数 21.75,
 * 日工资 = 月工资 ÷ 21.75, 小时工资 = 日工资 ÷ 8; 劳动法 art. 44: overtime at 150 % (workday), 200 % (rest day),
 * 300 % (statutory holiday). Every result is computed with exact products and a single division, left unrounded:
 * the pay item rounds it once (so 5000 ÷ 174 × 12 is never 28.74 × 12).
 * @example "OVERTIME(月工资, 工作日加班小时, 休息日加班小时, 法定节假日加班小时)"
 */
import { Dec } from "../money/decimal.js";
import type { CallExpr, Span } from "./ast.js";
import { at, type CompileState } from "./compile.js";
import type { FunctionDef } from "./functions.js";
import { compileArgs } from "./functions-basic.js";
import { makeProblem } from "./problems.js";
import { CellError, type Compiled, type EvalCtx } from "./types.js";

type Fn = Compiled["fn"];

/** 月计薪天数 (365 − 104) ÷ 12. @example PAID_DAYS_PER_MONTH.toString() === "21.75" */
export const PAID_DAYS_PER_MONTH = Dec.parse("21.75");
/** Paid hours a month, 21.75 × 8: the divisor of the hourly wage (not working hours, which are 165.33). @example PAID_HOURS_PER_MONTH.toString() === "174" */
export const PAID_HOURS_PER_MONTH = Dec.fromInt(174);

const RATE_WORKDAY = Dec.parse("1.5");
const RATE_REST_DAY = Dec.fromInt(2);
const RATE_STATUTORY = Dec.fromInt(3);

/** Hourly wage, monthly ÷ 174 in one division (÷ 21.75 ÷ 8 without an intermediate rounding). @example hourlyWage(Dec.fromInt(5000)).toString() === "28.7356321839" */
export function hourlyWage(monthly: Dec): Dec {
  return monthly.div(PAID_HOURS_PER_MONTH);
}

/** Daily wage, monthly ÷ 21.75. @example dailyWage(Dec.fromInt(5000)).toString() === "229.8850574713" */
export function dailyWage(monthly: Dec): Dec {
  return monthly.div(PAID_DAYS_PER_MONTH);
}

/** Overtime pay, monthly × (1.5 × workday + 2 × rest-day + 3 × statutory hours) ÷ 174, one division. @example overtimePay(Dec.fromInt(5000), Dec.fromInt(8), Dec.ZERO, Dec.ZERO).toString() === "344.8275862069" */
export function overtimePay(monthly: Dec, workdayHours: Dec, restDayHours: Dec, statutoryHours: Dec): Dec {
  const weighted = workdayHours
    .mul(RATE_WORKDAY)
    .add(restDayHours.mul(RATE_REST_DAY))
    .add(statutoryHours.mul(RATE_STATUTORY));
  return monthly.mul(weighted).div(PAID_HOURS_PER_MONTH);
}

/** The proration methods: attendance (paid days ÷ 21.75), deduction (minus absent days ÷ 21.75), calendar days. @example const m: ProrateMethod = "出勤"; */
export type ProrateMethod = "出勤" | "扣减" | "日历";

type MethodSpec = { args: string[]; usage: string };

const METHODS: Record<ProrateMethod, MethodSpec> = {
  出勤: { args: ["计薪天数"], usage: 'PRORATE(月工资, "出勤", 计薪天数)' },
  扣减: { args: ["缺勤天数"], usage: 'PRORATE(月工资, "扣减", 缺勤天数)' },
  日历: { args: ["在职天数", "本月天数"], usage: 'PRORATE(月工资, "日历", 在职天数, 本月天数)' },
};

/** The method names PRORATE accepts. @example PRORATE_METHODS.includes("出勤") */
export const PRORATE_METHODS = Object.keys(METHODS) as ProrateMethod[];

/**
 * A part month's wage from checked, non-negative inputs: 出勤 monthly × days ÷ 21.75 capped at monthly; 扣减
 * monthly − monthly × days ÷ 21.75, not below 0; 日历 monthly × days ÷ monthDays (monthDays > 0).
 * @example prorate(Dec.fromInt(5000), "日历", Dec.fromInt(16), Dec.fromInt(31)).toString() === "2580.6451612903"
 */
export function prorate(monthly: Dec, method: ProrateMethod, days: Dec, monthDays?: Dec): Dec {
  if (method === "出勤") return monthly.mul(days).div(PAID_DAYS_PER_MONTH).min(monthly);
  if (method === "扣减") return monthly.sub(monthly.mul(days).div(PAID_DAYS_PER_MONTH)).max(Dec.ZERO);
  if (!monthDays || monthDays.sign() <= 0) throw new RangeError("monthDays must be positive");
  return monthly.mul(days).div(monthDays);
}

/** Evaluates every argument (as the batch form does), then refuses a negative one, naming it. */
function nonNegative(fn: string, fs: Fn[], spans: Span[], names: string[], c: EvalCtx): Dec[] {
  const vs = fs.map((f) => f(c) as Dec);
  vs.forEach((v, i) => {
    if (v.sign() < 0) {
      const s = v.toString();
      throw new CellError(
        "VALUE",
        spans[i],
        `${fn} 的“${names[i]}”不能为负数，这里是 ${s}`,
        `${fn}: ${names[i]} must not be negative, got ${s}`,
      );
    }
  });
  return vs;
}

function labor(name: string, zh: string, names: string[], calc: (v: Dec[]) => Dec): FunctionDef {
  return {
    name,
    minArgs: names.length,
    maxArgs: names.length,
    zh,
    compile: (e, st) => {
      const cs = compileArgs(e, st, ["number"]);
      if (!cs) return null;
      const fs = cs.map((x) => x.fn);
      const spans = e.args.map((a) => a.span);
      return { type: "number", fn: (c) => calc(nonNegative(name, fs, spans, names, c)) };
    },
  };
}

/** The method of a PRORATE call: a text literal naming a known method, else a problem at the argument. */
function methodOf(e: CallExpr, st: CompileState): ProrateMethod | null {
  const arg = e.args[1]!;
  const list = PRORATE_METHODS.map((m) => `"${m}"`).join("、");
  if (arg.kind === "string" && (PRORATE_METHODS as string[]).includes(arg.value))
    return arg.value as ProrateMethod;
  const [zh, en] =
    arg.kind === "string"
      ? [`未知的折算方法“${arg.value}”，应为 ${list} 之一`, `unknown PRORATE method "${arg.value}"`]
      : [`PRORATE 的第2个参数应直接写折算方法：${list}`, "PRORATE's 2nd argument must be a method literal"];
  st.problems.push(makeProblem("VALUE", at(arg.span), zh, `${en}; use ${PRORATE_METHODS.join(", ")}`));
  return null;
}

const PRORATE: FunctionDef = {
  name: "PRORATE",
  minArgs: 3,
  maxArgs: 4,
  zh: 'PRORATE(月工资, 方法, …)：不满月折算，"出勤" 按计薪天数 ÷ 21.75（不超过月工资），"扣减" 扣缺勤天数 ÷ 21.75（不低于0），"日历" 按在职天数 ÷ 本月天数，如 PRORATE(基本工资, "扣减", 事假天数)',
  compile: (e, st) => {
    const cs = compileArgs(e, st, ["number", null, "number"]);
    const method = methodOf(e, st);
    if (!cs || !method) return null;
    const spec = METHODS[method];
    if (e.args.length !== 2 + spec.args.length) {
      st.problems.push(
        makeProblem(
          "ARITY",
          at(e.nameSpan),
          `“${method}”折算需要${2 + spec.args.length}个参数：${spec.usage}，写了${e.args.length}个`,
          `PRORATE "${method}" takes ${2 + spec.args.length} arguments, got ${e.args.length}`,
        ),
      );
      return null;
    }
    const fs = [cs[0]!.fn, ...cs.slice(2).map((x) => x.fn)];
    const spans = [e.args[0]!.span, ...e.args.slice(2).map((a) => a.span)];
    const names = ["月工资", ...spec.args];
    return {
      type: "number",
      fn: (c) => {
        const v = nonNegative("PRORATE", fs, spans, names, c);
        return method === "日历" ? calendarProrate(v, spans) : prorate(v[0]!, method, v[1]!);
      },
    };
  },
};

function calendarProrate([monthly, days, monthDays]: Dec[], spans: Span[]): Dec {
  if (monthDays!.isZero())
    throw new CellError("DIV_ZERO", spans[2], "PRORATE 的“本月天数”为0", "PRORATE: 本月天数 is 0");
  if (days!.gt(monthDays!)) {
    throw new CellError(
      "VALUE",
      spans[1],
      `PRORATE 的“在职天数”（${days}）超过了“本月天数”（${monthDays}）`,
      `PRORATE: 在职天数 ${days} exceeds 本月天数 ${monthDays}`,
    );
  }
  return prorate(monthly!, "日历", days!, monthDays);
}

/** The labour functions, registered in functions.ts. @example LABOR_FUNCTIONS.map((f) => f.name) // HOURLYWAGE, DAILYWAGE, OVERTIME, PRORATE */
export const LABOR_FUNCTIONS: FunctionDef[] = [
  labor(
    "HOURLYWAGE",
    "HOURLYWAGE(月工资)：小时工资 = 月工资 ÷ 21.75 ÷ 8（一次除以 174，不中间取整），如 HOURLYWAGE(5000) = 28.7356…",
    ["月工资"],
    ([w]) => hourlyWage(w!),
  ),
  labor(
    "DAILYWAGE",
    "DAILYWAGE(月工资)：日工资 = 月工资 ÷ 21.75，如 DAILYWAGE(5000) = 229.885…",
    ["月工资"],
    ([w]) => dailyWage(w!),
  ),
  labor(
    "OVERTIME",
    "OVERTIME(月工资, 工作日加班小时, 休息日加班小时, 法定节假日加班小时)：加班工资 = 小时工资 × (150%、200%、300% 各乘小时数之和)，如 OVERTIME(基本工资, 3, 8, 0)",
    ["月工资", "工作日加班小时", "休息日加班小时", "法定节假日加班小时"],
    ([w, a, b, c]) => overtimePay(w!, a!, b!, c!),
  ),
  PRORATE,
];
