/**
 * Rule "sick-pay": sick leave paid below 80 % of the minimum wage — the full daily wage deducted per sick day
 * (病假天数 × 日工资, PRORATE(…, "扣减", 病假天数)), a ratio of the minimum wage under 80 %, or (with a city) a fixed
 * sick-pay amount under 80 % of the local minimum. A ratio of the employee's own wage is not flagged (unknowable).
 * @example checkSickPay(v, moneyTerms(v)).map((f) => f.problem.at?.line)
 */
import type { Expr } from "../formula/ast.js";
import type { Location } from "../formula/problems.js";
import { Dec } from "../money/decimal.js";
import { nodesOf, refsOf, termsOf, unparen } from "./ast-utils.js";
import { LEGAL_REFS } from "./legal-refs.js";
import { constOf, type Factor, factorsOf, isUnknownRatio, type MoneyTerm, rateMarks } from "./money-flow.js";
import { kindOf, type PolicyView, type Site } from "./policy-view.js";
import { atParam, atSpan, spanText } from "./positions.js";
import { type LaborFinding, laborFinding } from "./types.js";
import { MIN_WAGE_WORD, NOT_A_COUNT, SICK_WORD } from "./vocabulary.js";

const EIGHTY = Dec.parse("0.8");
const PAID_DAYS = Dec.parse("21.75");
const LAW_ZH =
  "病假工资（疾病救济费）可以低于当地最低工资，但不得低于最低工资的 80%；各地另有按工龄的比例规定。请保证病假期间每月不低于最低工资的 80%，如 MAX(病假工资, 80% * 最低工资)。";
const LAW_EN =
  "Sick pay may be below the local minimum wage but not below 80% of it (local rules add seniority-based rates); keep it at least 80% of the minimum a month, e.g. MAX(sick pay, 80% * minimum wage).";

const EIGHT = Dec.fromInt(8);

/** A sick-day count inside a formula and the share of a day's wage it stands for (病假天数 * 病假扣薪比例 → 100%). */
type SickPart = { site: Site; expr: Expr; share: Dec };

const isSickCount = (v: PolicyView, name: string) =>
  SICK_WORD.test(name) && !NOT_A_COUNT.test(name) && kindOf(v, name) !== "param";

/** The product's constant multipliers (ratios, small numbers), as one share. */
function shareOf(v: PolicyView, fs: Factor[]): Dec {
  let share = Dec.ONE;
  for (const f of fs) {
    const c = constOf(v, f.expr);
    if (!c || c.kind === "money" || c.value.sign() < 0 || c.value.gte(EIGHT)) continue;
    share = f.den ? (c.value.isZero() ? share : share.div(c.value)) : share.mul(c.value);
  }
  return share;
}

/** Where sick days enter an amount, through sums and calcs (请假不计薪天数 = 事假天数 + 病假天数 * 比例). */
function sickParts(v: PolicyView, s: Site, e: Expr, outer: Dec = Dec.ONE, depth = 0): SickPart[] {
  if (depth > 8) return [];
  const ts = termsOf(e);
  if (ts.length !== 1 || ts[0]!.expr !== unparen(e))
    return ts.filter((t) => t.sign > 0).flatMap((t) => sickParts(v, s, t.expr, outer, depth + 1));
  const fs = factorsOf(v, s, e);
  if (fs.some((f) => !f.den && isUnknownRatio(v, f.expr))) return [];
  const share = outer.mul(shareOf(v, fs));
  const direct = fs.some((f) => {
    const x = unparen(f.expr);
    return !f.den && x.kind === "name" && isSickCount(v, x.name);
  });
  if (direct) return [{ site: s, expr: e, share }];
  return fs.flatMap((f) => {
    if (f.den) return [];
    const x = unparen(f.expr);
    if (x.kind === "binary" && (x.op === "+" || x.op === "-"))
      return sickParts(v, f.site, x, share, depth + 1);
    const c = x.kind === "name" ? v.calcs.get(x.name) : undefined;
    return c ? sickParts(v, c, c.ast, share, depth + 1) : [];
  });
}

function finding(at: Location | undefined, zh: string, en: string): LaborFinding {
  return laborFinding("sick-pay", at, `${zh}${LAW_ZH}`, `${en} ${LAW_EN}`, LEGAL_REFS.sickPay);
}

function fullDeductions(v: PolicyView, terms: MoneyTerm[]): LaborFinding[] {
  const out: LaborFinding[] = [];
  const paidSeparately = terms.some(
    (m) => m.effect === "pay" && SICK_WORD.test(m.site.name) && !/扣/.test(m.site.name),
  );
  if (paidSeparately) return out;
  for (const { site, term, effect } of terms) {
    if (effect !== "take") continue;
    const marks = rateMarks(v, term.expr);
    if (!marks.daily && !marks.hourly) continue;
    for (const part of sickParts(v, site, term.expr)) {
      if (part.share.lt(Dec.ONE)) continue;
      const text = spanText(part.site, part.expr.span);
      out.push(
        finding(
          atSpan(v, part.site, part.expr.span),
          `病假天数按日工资的 ${part.share.toPercent()} 扣除（${text}，用于“${site.name}”）：病假期间没有任何工资。`,
          `sick days are deducted at ${part.share.toPercent()} of the daily wage (${text}, in "${site.name}"): no sick pay at all.`,
        ),
      );
    }
  }
  for (const s of v.sites) {
    if (s.kind !== "item" && s.kind !== "calc") continue;
    for (const x of nodesOf(s.ast)) {
      if (x.kind !== "call" || x.name !== "PRORATE" || x.args.length !== 3) continue;
      const method = unparen(x.args[1]!);
      if (method.kind !== "string" || method.value !== "扣减") continue;
      if (!sickParts(v, s, x.args[2]!).some((p) => p.share.gte(Dec.ONE))) continue;
      out.push(
        finding(
          atSpan(v, s, x.span),
          `按“扣减”折算时把病假天数全额扣除（${spanText(s, x.span)}）：病假期间没有任何工资。`,
          `PRORATE "扣减" deducts sick days in full (${spanText(s, x.span)}): no sick pay at all.`,
        ),
      );
    }
  }
  return out;
}

function lowSickPay(v: PolicyView, terms: MoneyTerm[]): LaborFinding[] {
  const out: LaborFinding[] = [];
  const minimum = v.minWage ? Dec.parse(v.minWage.monthly) : null;
  const floor = minimum?.mul(EIGHTY) ?? null;
  const seen = new Set<Expr>();
  for (const { site, term, effect } of terms) {
    if (effect !== "pay" || !SICK_WORD.test(site.name) || /扣/.test(site.name) || seen.has(term.expr))
      continue;
    seen.add(term.expr);
    const factors = factorsOf(v, site, term.expr);
    const ofMinimum = refsOf(term.expr).some((r) => MIN_WAGE_WORD.test(r.name));
    if (ofMinimum) {
      let share = Dec.ONE;
      for (const f of factors) {
        const c = constOf(v, f.expr);
        if (!f.den && c && c.kind !== "money" && c.value.sign() > 0 && c.value.lt(Dec.ONE))
          share = share.mul(c.value);
      }
      if (share.lt(EIGHTY))
        out.push(
          finding(
            atSpan(v, site, term.expr.span),
            `病假工资按最低工资的 ${share.toPercent()} 计发，低于 80%。`,
            `sick pay is ${share.toPercent()} of the minimum wage, below 80%.`,
          ),
        );
      continue;
    }
    if (!floor || sickParts(v, site, term.expr).length === 0) continue;
    const marks = rateMarks(v, term.expr);
    if (marks.daily || marks.hourly) continue;
    const fixed = factors.find((f) => {
      const c = constOf(v, f.expr);
      return !f.den && c && !c.param && c.kind !== "ratio" && c.value.gte(Dec.ONE);
    });
    const c = fixed ? constOf(v, fixed.expr) : null;
    if (!fixed || !c?.value.mul(PAID_DAYS).lt(floor)) continue;
    out.push(
      finding(
        atSpan(v, fixed.site, fixed.expr.span),
        `病假每天 ${c.value.toString()} 元，按月（× 21.75）为 ${c.value.mul(PAID_DAYS).toFixed(2)} 元，低于${v.minWage!.city.name}最低工资 ${v.minWage!.monthly} 元的 80%（${floor.toFixed(2)} 元）。`,
        `sick pay of ${c.value.toString()} yuan a day is ${c.value.mul(PAID_DAYS).toFixed(2)} a month (× 21.75), below 80% of the ${v.minWage!.city.id} minimum ${v.minWage!.monthly} (${floor.toFixed(2)}).`,
      ),
    );
  }
  if (!floor) return out;
  for (const p of v.params.values()) {
    if (!SICK_WORD.test(p.name) || p.kind !== "money" || !p.value) continue;
    const daily = /日|天/.test(p.name);
    const monthly = daily ? p.value.mul(PAID_DAYS) : p.value;
    if (!daily && p.value.lt(Dec.HUNDRED)) continue;
    if (monthly.gte(floor)) continue;
    out.push(
      finding(
        atParam(v, p),
        `病假工资“${p.name}”${daily ? `每天 ${p.value.toString()} 元，按月为 ${monthly.toFixed(2)} 元` : `为每月 ${p.value.toString()} 元`}，低于${v.minWage!.city.name}最低工资 ${v.minWage!.monthly} 元的 80%（${floor.toFixed(2)} 元）。`,
        `sick pay "${p.name}" of ${monthly.toFixed(2)} a month is below 80% of the ${v.minWage!.city.id} minimum ${v.minWage!.monthly} (${floor.toFixed(2)}).`,
      ),
    );
  }
  return out;
}

/**
 * Every sick-pay warning of a policy.
 * @example checkSickPay(v, moneyTerms(v)).every((f) => f.problem.ref?.zh.includes("第五十九条"))
 */
export function checkSickPay(v: PolicyView, terms: MoneyTerm[]): LaborFinding[] {
  return [...fullDeductions(v, terms), ...lowSickPay(v, terms)];
}
