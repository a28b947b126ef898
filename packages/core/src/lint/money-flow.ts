/**
 * How money moves through a policy's formulas: which terms add to the employee's pay and which take from it
 * (deduction items, and subtractions inside earnings, followed through calcs), the factors of a product (with
 * calcs inlined), constant values, and whether an amount is wage-based (a daily or hourly wage).
 * @example moneyTerms(v).filter((t) => t.effect === "take")
 */
import type { Expr } from "../formula/ast.js";
import { Dec } from "../money/decimal.js";
import { literalValue, nodesOf, type Term, termsOf, unparen } from "./ast-utils.js";
import type { ValueKind } from "./policy-values.js";
import type { PolicyView, Site } from "./policy-view.js";
import {
  DAILY_DIVISOR_NAMES,
  DAILY_DIVISORS,
  DAILY_RATE_WORD,
  HOURLY_DIVISOR_NAMES,
  HOURLY_DIVISORS,
  HOURLY_RATE_WORD,
} from "./vocabulary.js";

/** A factor of a product, in the numerator or the denominator, with the formula it was written in. @example factorsOf(v, s, e).filter((f) => f.den) */
export type Factor = { expr: Expr; den: boolean; site: Site };

/**
 * Flattens a product/quotient into factors; a factor naming a calc that is itself a product (or an alias) is
 * inlined, so `日工资 * 3` with 日工资 = 底薪 / 21.75 gives [底薪, /21.75, 3].
 * @example factorsOf(v, site, parseFormula("a / 30 * b").ast!).map((f) => f.den) // [false, true, false]
 */
export function factorsOf(v: PolicyView, s: Site, e: Expr, depth = 0): Factor[] {
  const x = unparen(e);
  if (x.kind === "binary" && (x.op === "*" || x.op === "/")) {
    const right = factorsOf(v, s, x.right, depth);
    return [
      ...factorsOf(v, s, x.left, depth),
      ...(x.op === "/" ? right.map((f) => ({ ...f, den: !f.den })) : right),
    ];
  }
  if (x.kind === "name" && depth < 8) {
    const c = v.calcs.get(x.name);
    const body = c ? unparen(c.ast) : null;
    if (
      c &&
      body &&
      ((body.kind === "binary" && (body.op === "*" || body.op === "/")) || body.kind === "name")
    )
      return factorsOf(v, c, c.ast, depth + 1);
  }
  return [{ expr: x, den: false, site: s }];
}

/** A constant number: a literal, or a param's value with its kind. @example constOf(v, lit80).kind === "ratio" */
export type Const = { value: Dec; kind: ValueKind; param?: string };

/** The constant an expression stands for (literal or param), else null. @example constOf(v, parseFormula("底薪标准").ast!)?.kind === "money" */
export function constOf(v: PolicyView, e: Expr): Const | null {
  const x = unparen(e);
  const lit = literalValue(x);
  if (lit) return { value: lit, kind: x.kind === "number" && x.percent ? "ratio" : "number" };
  if (x.kind !== "name") return null;
  const p = v.params.get(x.name);
  return p?.value ? { value: p.value, kind: p.kind, param: p.name } : null;
}

const eqAny = (d: Dec, list: string[]) => list.some((t) => d.eq(Dec.parse(t)));

/**
 * A multiplier whose value the policy does not fix: a non-constant ratio-like name (加班倍数 as an input, 病假系数),
 * or 1 − something. Rules that need the multiplier stay silent on it.
 * @example isUnknownRatio(v, parseFormula("1 - 病假工资比例").ast!) === true
 */
export function isUnknownRatio(v: PolicyView, e: Expr): boolean {
  const x = unparen(e);
  if (x.kind === "name") return !constOf(v, x) && /比例|系数|率|倍/.test(x.name);
  return x.kind === "binary" && x.op === "-" && literalValue(x.left) !== null;
}

/** Whether an amount is wage-based: it uses a daily and/or an hourly wage (by name, function or divisor). @example const m: RateMarks = { daily: true, hourly: false } */
export type RateMarks = { daily: boolean; hourly: boolean };

/**
 * Finds daily/hourly wage markers in an expression, following calcs: 日工资/时薪 names, DAILYWAGE/HOURLYWAGE/
 * PRORATE/OVERTIME, or division by 21.75, 174, 计薪天数, 本月工作日, 月工作小时 …
 * @example rateMarks(v, parseFormula("底薪 / 21.75 * 2").ast!).daily === true
 */
export function rateMarks(v: PolicyView, e: Expr, seen: Set<string> = new Set()): RateMarks {
  const m: RateMarks = { daily: false, hourly: false };
  for (const x of nodesOf(e)) {
    if (x.kind === "name") {
      if (DAILY_RATE_WORD.test(x.name)) m.daily = true;
      if (HOURLY_RATE_WORD.test(x.name)) m.hourly = true;
      const c = v.calcs.get(x.name);
      if (c && !seen.has(x.name)) {
        seen.add(x.name);
        const inner = rateMarks(v, c.ast, seen);
        m.daily ||= inner.daily;
        m.hourly ||= inner.hourly;
      }
    } else if (x.kind === "call") {
      if (x.name === "DAILYWAGE" || x.name === "PRORATE") m.daily = true;
      if (x.name === "HOURLYWAGE" || x.name === "OVERTIME") m.hourly = true;
    } else if (x.kind === "binary" && x.op === "/") {
      const r = unparen(x.right);
      const d = literalValue(r);
      if (d && eqAny(d, DAILY_DIVISORS)) m.daily = true;
      if (d && eqAny(d, HOURLY_DIVISORS)) m.hourly = true;
      if (r.kind === "name" && DAILY_DIVISOR_NAMES.has(r.name)) m.daily = true;
      if (r.kind === "name" && HOURLY_DIVISOR_NAMES.has(r.name)) m.hourly = true;
      const p = r.kind === "name" ? v.params.get(r.name)?.value : null;
      if (p && eqAny(p, DAILY_DIVISORS)) m.daily = true;
      if (p && eqAny(p, HOURLY_DIVISORS)) m.hourly = true;
    }
  }
  return m;
}

/** True when the expression is wage-based. @example isWageBased(v, parseFormula("旷工天数 * 日工资").ast!) */
export function isWageBased(v: PolicyView, e: Expr): boolean {
  const m = rateMarks(v, e);
  return m.daily || m.hourly;
}

/** What a term does to the employee's net pay: adds, takes, or reduces a bonus bounded at 0 (MAX(0, …)). @example const e: Effect = "take" */
export type Effect = "pay" | "take" | "bounded";

/** A term of a formula that moves money, with the site it is in and its effect. @example moneyTerms(v).filter((m) => m.effect === "take") */
export type MoneyTerm = { site: Site; term: Term; effect: Effect };

function polarityOfItem(s: Site): 1 | -1 | 0 {
  if (s.kind !== "item") return 0;
  if (s.itemKind === "earning") return 1;
  return s.itemKind === "deduction" || s.itemKind === "withholding" ? -1 : 0;
}

/** A calc that is an amount of money, not a count or a ratio (天数, 次数, 比例 …). */
function isAmountCalc(v: PolicyView, name: string): boolean {
  const c = v.doc.calcs[name];
  const display = typeof c === "object" ? c.display : undefined;
  if (display) return display === "money";
  return !/天数|次数|小时|时长|比例|率|系数|分数|得分/.test(name);
}

/** Calc names a term carries as money: the term itself, or an amount factor of a product (not counts or conditions). */
function carriedCalcs(v: PolicyView, s: Site, t: Term): string[] {
  const whole = unparen(t.expr);
  if (whole.kind === "name") return v.calcs.has(whole.name) ? [whole.name] : [];
  return factorsOf(v, s, t.expr, 8)
    .filter((f) => !f.den)
    .map((f) => unparen(f.expr))
    .flatMap((x) => (x.kind === "name" && v.calcs.has(x.name) && isAmountCalc(v, x.name) ? [x.name] : []));
}

/**
 * Every term of every item and of every calc that an item carries, with its effect on net pay: a deduction item's
 * positive terms take, an earning's subtracted terms take (or are "bounded" under MAX(0, …)).
 * @example moneyTerms(v).some((t) => t.effect === "take" && t.site.name === "考勤扣款")
 */
export function moneyTerms(v: PolicyView): MoneyTerm[] {
  const out: MoneyTerm[] = [];
  const done = new Set<string>();
  const visit = (s: Site, polarity: 1 | -1, floored: boolean): void => {
    const key = `${s.path.join("\u0001")}|${polarity}|${floored}`;
    if (done.has(key)) return;
    done.add(key);
    for (const t of termsOf(s.ast)) {
      const sign = polarity * t.sign;
      const bounded = polarity === 1 && (floored || t.floored);
      const effect: Effect = sign === 1 ? "pay" : bounded ? "bounded" : "take";
      out.push({ site: s, term: t, effect });
      for (const name of carriedCalcs(v, s, t)) {
        visit(v.calcs.get(name)!, sign as 1 | -1, polarity === 1 && (floored || t.floored));
      }
    }
  };
  for (const s of v.sites) {
    const p = polarityOfItem(s);
    if (p !== 0) visit(s, p, false);
  }
  return out;
}
