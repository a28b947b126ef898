/**
 * Rule "proration": part-month pay that divides a monthly amount by calendar days (30, 31, 本月天数, or 22/26) but
 * multiplies by days worked (出勤天数 …), so a full month of attendance pays less than the monthly wage.
 * Division by 21.75/计薪天数, by 本月工作日 (capped at 100 %), and PRORATE are lawful.
 * @example checkProration(v, moneyTerms(v)).map((f) => f.problem.at?.column)
 */
import type { Expr } from "../formula/ast.js";
import { Dec } from "../money/decimal.js";
import { literalValue, termsOf, unparen } from "./ast-utils.js";
import { LEGAL_REFS } from "./legal-refs.js";
import { constOf, type Factor, factorsOf, type MoneyTerm } from "./money-flow.js";
import type { PolicyView } from "./policy-view.js";
import { atSpan, spanText } from "./positions.js";
import { type LaborFinding, laborFinding } from "./types.js";
import { CALENDAR_DAYS_WORD, RATIO_NAME, WORKED_DAYS_WORD } from "./vocabulary.js";

const PAID_DAYS = Dec.parse("21.75");
const MAX_DAYS = Dec.fromInt(31);

/** A divisor larger than the 21.75 paid days of a month: 22 … 31 or the calendar days of the month. */
function isCalendarDivisor(v: PolicyView, f: Factor): boolean {
  const x = unparen(f.expr);
  const d = literalValue(x) ?? (x.kind === "name" ? (v.params.get(x.name)?.value ?? null) : null);
  if (d) return d.gt(PAID_DAYS) && d.lte(MAX_DAYS);
  return x.kind === "name" && CALENDAR_DAYS_WORD.test(x.name);
}

/** Days actually worked: a 出勤天数-like name, or a calc that can take such a value (MIN(30, 出勤天数 + 事假天数) …). */
function isWorkedDays(v: PolicyView, e: Expr, depth = 0): boolean {
  const x = unparen(e);
  if (x.kind !== "name" || RATIO_NAME.test(x.name)) return false;
  if (WORKED_DAYS_WORD.test(x.name)) return true;
  const c = v.calcs.get(x.name);
  return !!c && depth < 6 && termsOf(c.ast).some((t) => t.sign > 0 && isWorkedDays(v, t.expr, depth + 1));
}

/**
 * Part-month proration that shortchanges a full month, warned at the divisor.
 * @example checkProration(v, moneyTerms(v)).every((f) => f.problem.ref?.zh.includes("21.75"))
 */
export function checkProration(v: PolicyView, terms: MoneyTerm[]): LaborFinding[] {
  const out: LaborFinding[] = [];
  const seen = new Set<Expr>();
  for (const { site, term, effect } of terms) {
    if (effect !== "pay") continue;
    const fs = factorsOf(v, site, term.expr);
    const divisor = fs.find((f) => f.den && isCalendarDivisor(v, f));
    const days = fs.find((f) => !f.den && isWorkedDays(v, f.expr));
    const amount = fs.some((f) => !f.den && f !== days && constOf(v, f.expr)?.kind !== "ratio");
    if (!divisor || !days || !amount || seen.has(divisor.expr)) continue;
    seen.add(divisor.expr);
    const written = spanText(divisor.site, divisor.expr.span);
    const value = constOf(v, divisor.expr);
    const div = value?.param ? `${written}（${value.value.toString()}）` : written;
    const num = value ? value.value.toString() : written;
    const dayName = spanText(days.site, days.expr.span);
    out.push(
      laborFinding(
        "proration",
        atSpan(v, divisor.site, divisor.expr.span),
        `“${site.name}”按“÷ ${div} × ${dayName}”折算：${dayName}只算上班的日子（整月约 21–23 天），却除以 ${div}，按出勤折算的月份会少发（如出勤 11 天：11 ÷ ${num} 少于 11 ÷ 21.75）。请按月计薪天数 21.75 折算：PRORATE(月工资, "出勤", 计薪天数)（不超过月工资）或 PRORATE(月工资, "扣减", 缺勤天数)；按日历天数折算时应乘在职的日历天数：PRORATE(月工资, "日历", 在职天数, 本月天数)。`,
        `"${site.name}" prorates by "÷ ${div} × ${dayName}": days worked exclude rest days (about 21–23 in a full month) but are divided by ${div}, so prorated months pay too little (11 days: 11 ÷ ${num} < 11 ÷ 21.75). Prorate by the 21.75 paid days: PRORATE(monthly, "出勤", paid days) (capped at the monthly wage) or PRORATE(monthly, "扣减", absent days); for calendar days multiply by calendar days employed: PRORATE(monthly, "日历", days employed, days in month).`,
        LEGAL_REFS.proration,
      ),
    );
  }
  return out;
}
