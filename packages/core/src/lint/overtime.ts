/**
 * Rule "overtime": overtime recorded but never paid, texts saying it is unpaid, and overtime paid below 150 %
 * (workday), 200 % (rest day) or 300 % (statutory holiday) — by a low multiplier, a low ratio param or table row,
 * or a fixed amount per hour that only covers low wages. OVERTIME(…) is lawful.
 * @example checkOvertime(v, moneyTerms(v)).map((f) => f.problem.zh)
 */
import type { Expr, NameRef } from "../formula/ast.js";
import type { Location } from "../formula/problems.js";
import { Dec } from "../money/decimal.js";
import { nodesOf, refsOf, unparen } from "./ast-utils.js";
import { LEGAL_REFS } from "./legal-refs.js";
import { constOf, type Factor, factorsOf, isUnknownRatio, type MoneyTerm, rateMarks } from "./money-flow.js";
import { tableRows, textFields } from "./policy-values.js";
import { closureOf, kindOf, type PolicyView } from "./policy-view.js";
import { atKey, atParam, atRow, atSpan, atText } from "./positions.js";
import { type LaborFinding, laborFinding } from "./types.js";
import {
  HOLIDAY_WORD,
  OVERTIME_NOT_QUANTITY,
  OVERTIME_WORD,
  RATIO_WORD,
  REST_DAY_WORD,
  UNPAID_OVERTIME_TEXT,
} from "./vocabulary.js";

const LAW_ZH =
  "加班工资：工作日延长工作时间不低于工资的 150%，休息日工作又不能安排补休的不低于 200%，法定节假日工作不低于 300%。可用 OVERTIME(月工资, 工作日加班小时, 休息日加班小时, 法定节假日加班小时) 计算。";
const LAW_EN =
  "Overtime must be paid at no less than 150% of the wage on workdays, 200% on rest days without time off in lieu, and 300% on statutory holidays; OVERTIME(monthly, workday hours, rest-day hours, holiday hours) computes it.";

/** The minimum overtime multiplier for names (the first that tells the day type). @example requiredRate(["法定节假日加班小时"]) === "3" */
export function requiredRate(names: string[]): "1.5" | "2" | "3" {
  for (const n of names) {
    if (HOLIDAY_WORD.test(n)) return "3";
    if (REST_DAY_WORD.test(n)) return "2";
  }
  return "1.5";
}

const pct = (r: string) => `${Dec.parse(r).mul(Dec.HUNDRED).toString()}%`;

/** An overtime quantity: hours or days worked overtime (an input or a non-money calc), not 加班费 or 加班倍数. */
function isOvertimeQuantity(v: PolicyView, name: string): boolean {
  if (!OVERTIME_WORD.test(name) || OVERTIME_NOT_QUANTITY.test(name)) return false;
  const k = kindOf(v, name);
  if (k === "input") return ["number", "integer"].includes(v.doc.inputs[name]!.type);
  const c = v.doc.calcs[name];
  return k === "calc" && !(typeof c === "object" && c.display === "money");
}

/** Overtime inputs that no earning reads, directly or through calcs. */
function unpaidNames(v: PolicyView): string[] {
  const paid = closureOf(
    v,
    v.sites.filter((s) => s.kind === "item" && s.itemKind === "earning").map((s) => s.ast),
  );
  return Object.keys(v.doc.inputs).filter((n) => isOvertimeQuantity(v, n) && !paid.has(n));
}

function unpaidInputs(v: PolicyView, unpaid: string[]): LaborFinding[] {
  return unpaid.map((n) =>
    laborFinding(
      "overtime",
      atKey(v, ["inputs", n]),
      `输入“${n}”记录了加班，但没有任何应发项目用到它：加班没有工资。${LAW_ZH}`,
      `input "${n}" records overtime but no earning uses it: overtime goes unpaid. ${LAW_EN}`,
      LEGAL_REFS.overtime,
    ),
  );
}

/** Texts saying overtime is unpaid; not those describing an unpaid input already warned about (or an item showing it). */
function unpaidTexts(v: PolicyView, unpaid: string[]): LaborFinding[] {
  const out: LaborFinding[] = [];
  const repeats = (path: (string | number)[]): boolean => {
    if (path[0] === "inputs") return unpaid.includes(String(path[1]));
    if (path[0] !== "items") return false;
    const s = v.sites.find((x) => x.kind === "item" && x.path[1] === path[1]);
    return !!s && refsOf(s.ast).some((r) => unpaid.includes(r.name));
  };
  for (const { path, text } of textFields(v)) {
    const m = UNPAID_OVERTIME_TEXT.exec(text);
    if (!m || repeats(path)) continue;
    out.push(
      laborFinding(
        "overtime",
        atText(v, path, text, m.index, m[0].length),
        `“${m[0]}”：安排加班而不支付加班工资违法。${LAW_ZH}`,
        `"${m[0]}": overtime without overtime pay is unlawful. ${LAW_EN}`,
        LEGAL_REFS.overtime,
      ),
    );
  }
  return out;
}

function lowRatioParamsAndTables(v: PolicyView): LaborFinding[] {
  const out: LaborFinding[] = [];
  const warn = (at: Location | undefined, what: string, value: Dec, req: string) =>
    out.push(
      laborFinding(
        "overtime",
        at,
        `${what}为 ${value.toPercent()}，低于法定的 ${pct(req)}。${LAW_ZH}`,
        `${what} is ${value.toPercent()}, below the legal ${pct(req)}. ${LAW_EN}`,
        LEGAL_REFS.overtime,
      ),
    );
  for (const p of v.params.values()) {
    if (!OVERTIME_WORD.test(p.name) || !RATIO_WORD.test(p.name) || !p.value) continue;
    if (p.kind === "money" || p.value.gt(Dec.fromInt(5)) || p.value.sign() <= 0) continue;
    const req = requiredRate([p.name]);
    if (p.value.lt(Dec.parse(req))) warn(atParam(v, p), `加班倍数“${p.name}”`, p.value, req);
  }
  for (const [name, t] of Object.entries(v.doc.tables)) {
    if (!OVERTIME_WORD.test(name) || t.value === "money") continue;
    for (const [key, d] of tableRows(v, name)) {
      const req = requiredRate([key, name]);
      if (d.sign() > 0 && d.lte(Dec.fromInt(5)) && d.lt(Dec.parse(req)))
        warn(atRow(v, name, key), `“${name}”中“${key}”的加班倍数`, d, req);
    }
  }
  return out;
}

/** Factors handled elsewhere: a ratio table or an overtime ratio param (warned at their own lines). */
function handledElsewhere(v: PolicyView, f: Factor): boolean {
  const x = unparen(f.expr);
  if (x.kind === "index") return v.doc.tables[x.target.name]?.value !== "money";
  return x.kind === "name" && OVERTIME_WORD.test(x.name) && RATIO_WORD.test(x.name) && v.params.has(x.name);
}

function termFinding(v: PolicyView, m: MoneyTerm, quantity: NameRef): LaborFinding | null {
  const { site, term } = m;
  if (nodesOf(term.expr).some((x) => x.kind === "call" && x.name === "OVERTIME")) return null;
  const req = requiredRate([quantity.name, site.name]);
  const factors = factorsOf(v, site, term.expr);
  if (factors.some((f) => handledElsewhere(v, f) || (!f.den && isUnknownRatio(v, f.expr)))) return null;
  const marks = rateMarks(v, term.expr);
  const consts = factors.map((f) => ({ f, c: constOf(v, f.expr) }));
  if (marks.daily || marks.hourly) {
    let rate = Dec.ONE;
    const multipliers = consts.filter(({ c }) => c && c.kind !== "money" && c.value.sign() > 0);
    for (const { f, c } of multipliers) {
      if (!f.den && c!.value.lt(Dec.fromInt(8))) rate = rate.mul(c!.value);
      if (f.den && c!.value.lt(Dec.fromInt(8))) rate = rate.div(c!.value);
    }
    if (rate.gte(Dec.parse(req))) return null;
    const first = multipliers.find(({ f }) => !f.den)?.f;
    const at = first ? atSpan(v, first.site, first.expr.span) : atSpan(v, site, term.expr.span);
    return laborFinding(
      "overtime",
      at,
      `加班“${quantity.name}”按工资的 ${rate.toPercent()} 计发，低于法定的 ${pct(req)}。${LAW_ZH}`,
      `overtime "${quantity.name}" is paid at ${rate.toPercent()} of the wage, below the legal ${pct(req)}. ${LAW_EN}`,
      LEGAL_REFS.overtime,
    );
  }
  const fixed = consts.find(({ f, c }) => !f.den && c && (c.kind === "money" || c.value.gte(Dec.fromInt(8))));
  if (!fixed?.c) return null;
  const perDay = /天|日数/.test(quantity.name);
  const unit = perDay ? "天" : "小时";
  const ceiling = fixed.c.value
    .mul(Dec.parse(perDay ? "21.75" : "174"))
    .div(Dec.parse(req))
    .toFixed(2);
  const below = v.minWage && Dec.parse(ceiling).lt(Dec.parse(v.minWage.monthly));
  const verdict = below
    ? `低于：${v.minWage!.city.name}月最低工资为 ${v.minWage!.monthly} 元，任何全日制员工都超过这个数`
    : "月工资更高的员工加班工资可能低于法定标准";
  return laborFinding(
    "overtime",
    atSpan(v, fixed.f.site, fixed.f.expr.span),
    `加班“${quantity.name}”按每${unit}固定 ${fixed.c.value.toString()} 元计发：只有月工资不超过 ${ceiling} 元时才达到 ${pct(req)}，${verdict}。请按工资比例计发。${LAW_ZH}`,
    `overtime "${quantity.name}" is paid a fixed ${fixed.c.value.toString()} yuan per ${perDay ? "day" : "hour"}: that reaches ${pct(req)} only for monthly wages up to ${ceiling} yuan${below ? `, below every full-time wage in ${v.minWage!.city.id} (minimum ${v.minWage!.monthly})` : "; higher-paid staff may get less than the legal rate"}. Pay it in proportion to the wage. ${LAW_EN}`,
    LEGAL_REFS.overtime,
  );
}

/**
 * Every overtime warning of a policy.
 * @example checkOvertime(v, moneyTerms(v)).every((f) => f.problem.ref?.zh === "《劳动法》第四十四条")
 */
export function checkOvertime(v: PolicyView, terms: MoneyTerm[]): LaborFinding[] {
  const unpaid = unpaidNames(v);
  const out = [...unpaidInputs(v, unpaid), ...unpaidTexts(v, unpaid), ...lowRatioParamsAndTables(v)];
  const seen = new Set<Expr>();
  for (const m of terms) {
    if (m.effect !== "pay" || seen.has(m.term.expr)) continue;
    seen.add(m.term.expr);
    const q = refsOf(m.term.expr).find((r) => isOvertimeQuantity(v, r.name));
    const f = q ? termFinding(v, m, q) : null;
    if (f) out.push(f);
  }
  return out;
}
