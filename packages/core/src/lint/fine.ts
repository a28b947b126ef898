/**
 * Rule "fine": deductions that are fines (罚款) — named so, a fixed amount per counted event (迟到次数 × 50, lateness
 * tiers), or more than the wage for the time missed (日工资 × 3, 日工资 + 100 per absent day).
 * @example checkFines(v, moneyTerms(v)).map((f) => f.problem.at?.line)
 */
import type { Expr, NameRef } from "../formula/ast.js";
import { Dec } from "../money/decimal.js";
import { literalValue, refsOf, unparen } from "./ast-utils.js";
import { LEGAL_REFS } from "./legal-refs.js";
import { constOf, factorsOf, isWageBased, type MoneyTerm, rateMarks } from "./money-flow.js";
import { closureOf, kindOf, type PolicyView, type Site } from "./policy-view.js";
import { atSpan, atStart, spanText } from "./positions.js";
import { type LaborFinding, laborFinding } from "./types.js";
import {
  BONUS_WORD,
  CORE_PAY_WORD,
  DAILY_DIVISORS,
  EVENT_WORD,
  FINE_TEXT,
  FINE_WORD,
  NOT_A_COUNT,
  PART_DAY_EVENT_WORD,
  unnegatedIndex,
} from "./vocabulary.js";

const REMEDY_ZH =
  "现行法律没有授权用人单位罚款，工资只能依法代扣。可改为：缺勤的时间按日工资或小时工资（月工资 ÷ 21.75、÷ 174，或 DAILYWAGE/HOURLYWAGE）不计发；或把考勤纳入经民主程序制定的绩效考核，只减少绩效工资、全勤奖等浮动部分。";
const REMEDY_EN =
  "No current law authorises employer fines; wages may only be deducted as the law allows. Instead, leave unpaid only the time missed at the daily or hourly wage (monthly ÷ 21.75, ÷ 174, or DAILYWAGE/HOURLYWAGE), or reduce variable pay (performance pay, attendance bonus) under democratically adopted appraisal rules.";

/** True for a counted event (迟到次数, 旷工天数 …), not an amount (迟到扣款) or a rate (投诉率). @example isEventCount(v, "迟到次数") */
export function isEventCount(v: PolicyView, name: string): boolean {
  if (!EVENT_WORD.test(name) || NOT_A_COUNT.test(name)) return false;
  const k = kindOf(v, name);
  if (k === "input") return ["number", "integer"].includes(v.doc.inputs[name]!.type);
  return k === "calc" || k === "score";
}

const EIGHT = Dec.fromInt(8);

const eventRefs = (v: PolicyView, e: Expr): NameRef[] => refsOf(e).filter((r) => isEventCount(v, r.name));

function fine(v: PolicyView, s: Site, e: Expr, zh: string, en: string): LaborFinding {
  return laborFinding(
    "fine",
    atSpan(v, s, e.span),
    `${zh}${REMEDY_ZH}`,
    `${en} ${REMEDY_EN}`,
    LEGAL_REFS.fines,
  );
}

/** A wage-based event term that still takes more than the wage: a multiple of the daily wage, or wage + a fixed sum. */
function excess(v: PolicyView, m: MoneyTerm): LaborFinding | null {
  const { site, term } = m;
  const text = spanText(site, term.expr.span);
  const factors = factorsOf(v, site, term.expr).filter((f) => !f.den);
  const marks = rateMarks(v, term.expr);
  if (marks.daily && !marks.hourly) {
    const fractions = factorsOf(v, site, term.expr).some((f) => {
      const c = f.den ? constOf(v, f.expr) : null;
      return c !== null && !DAILY_DIVISORS.some((d) => c.value.eq(Dec.parse(d)));
    });
    const partDays = [...closureOf(v, [term.expr])].filter(
      (n) => !fractions && PART_DAY_EVENT_WORD.test(n) && isEventCount(v, n),
    );
    const partDay = partDays.sort().join("”“");
    const partDayEn = partDays.join('", "');
    if (partDays.length > 0)
      return fine(
        v,
        site,
        term.expr,
        `“${text}”把“${partDay}”折算成整天扣工资，扣了员工已经提供劳动的时间的工资，多扣的部分属于罚款性质。`,
        `"${text}" turns "${partDayEn}" into whole days of pay deducted, taking pay for time actually worked; the excess is a fine.`,
      );
    const multiple = factors.find((f) => {
      const c = constOf(v, f.expr);
      return c && c.kind !== "money" && c.value.gt(Dec.ONE) && c.value.lt(EIGHT);
    });
    if (multiple)
      return fine(
        v,
        site,
        term.expr,
        `“${text}”按日工资的倍数扣款，超过缺勤时间对应的工资，多扣的部分属于罚款性质。`,
        `"${text}" deducts a multiple of the daily wage, more than the pay for the time missed; the excess is a fine.`,
      );
  }
  for (const f of factors) {
    const x = unparen(f.expr);
    if (x.kind !== "binary" || x.op !== "+") continue;
    const parts = [x.left, x.right];
    if (parts.some((p) => isWageBased(v, p)) && parts.some((p) => (constOf(v, p)?.value.sign() ?? 0) > 0))
      return fine(
        v,
        site,
        term.expr,
        `“${text}”在日工资之外每次另扣固定金额，多扣的部分属于罚款性质。`,
        `"${text}" deducts a fixed sum on top of the wage for the time missed; the excess is a fine.`,
      );
  }
  return null;
}

function termFine(v: PolicyView, m: MoneyTerm): LaborFinding | null {
  const { site, term } = m;
  const text = spanText(site, term.expr.span);
  const events = eventRefs(v, term.expr);
  if (isWageBased(v, term.expr)) {
    const counted = events.length > 0 || [...closureOf(v, [term.expr])].some((n) => isEventCount(v, n));
    const f = counted ? excess(v, m) : null;
    if (f) return f;
  } else if (events.length > 0) {
    return fine(
      v,
      site,
      term.expr,
      `“${site.name}”按“${events[0]!.name}”扣固定金额（${text}），属于罚款性质。`,
      `"${site.name}" charges a fixed amount per "${events[0]!.name}" (${text}): a fine.`,
    );
  }
  const cond = term.conditions.find((c) => eventRefs(v, c).length > 0);
  const amount = constOf(v, term.expr);
  const lookup = unparen(term.expr).kind === "index";
  if (cond && ((amount && amount.value.sign() > 0) || lookup) && !isWageBased(v, term.expr)) {
    const c = spanText(site, cond.span);
    return fine(
      v,
      site,
      term.expr,
      `“${site.name}”在“${c}”时扣固定金额 ${text}，属于罚款性质。`,
      `"${site.name}" deducts a fixed ${text} when ${c}: a fine.`,
    );
  }
  const named = refsOf(term.expr).find(
    (r) => FINE_WORD.test(r.name) && ["param", "input", "table"].includes(kindOf(v, r.name)),
  );
  if (named)
    return fine(
      v,
      site,
      named,
      `“${site.name}”扣除“${named.name}”，按名称是罚款。`,
      `"${site.name}" deducts "${named.name}", by its name a fine.`,
    );
  return null;
}

/** A core pay item (底薪, 基本工资 …) that pays 0 when a counted event happened: wages for work done are withheld. */
function stoppedPay(v: PolicyView, m: MoneyTerm): LaborFinding | null {
  const { site, term } = m;
  const core = site.kind === "item" && CORE_PAY_WORD.test(site.name) && !BONUS_WORD.test(site.name);
  if (m.effect !== "pay" || !core || literalValue(term.expr)?.isZero() !== true) return null;
  const cond = term.conditions.find((c) => [...closureOf(v, [c])].some((n) => isEventCount(v, n)));
  if (!cond) return null;
  const c = spanText(site, cond.span);
  return fine(
    v,
    site,
    term.expr,
    `“${site.name}”在“${c}”时为 0：因违纪停发整月工资，扣了员工已经提供劳动的工资，属于罚款性质。`,
    `"${site.name}" is 0 when ${c}: withholding the whole month's pay for misconduct takes pay for work done; it is a fine.`,
  );
}

/**
 * Finds fines among the terms that take money from the employee, one warning per formula.
 * @example checkFines(v, moneyTerms(v)).every((f) => f.rule === "fine")
 */
export function checkFines(v: PolicyView, terms: MoneyTerm[]): LaborFinding[] {
  const bySite = new Map<Site, LaborFinding>();
  for (const m of terms) {
    if (m.effect !== "take" || bySite.has(m.site)) continue;
    const f = termFine(v, m);
    if (f) bySite.set(m.site, f);
  }
  for (const m of terms) {
    const f = bySite.has(m.site) ? null : stoppedPay(v, m);
    if (f) bySite.set(m.site, f);
  }
  for (const m of terms) {
    const s = m.site;
    if (m.effect !== "take" || s.kind !== "calc" || bySite.has(s) || !FINE_WORD.test(s.name)) continue;
    bySite.set(
      s,
      fine(
        v,
        s,
        s.ast,
        `计算项“${s.name}”是罚款并从工资中扣除。`,
        `calc "${s.name}" is a fine taken from pay.`,
      ),
    );
  }
  for (const s of v.sites) {
    const deducts = s.kind === "item" && (s.itemKind === "deduction" || s.itemKind === "withholding");
    if (!deducts || bySite.has(s)) continue;
    if (!FINE_WORD.test(s.name) && unnegatedIndex(s.note, FINE_TEXT) < 0) continue;
    const used = closureOf(v, [s.ast]);
    if ([...bySite.keys()].some((x) => x.kind === "calc" && used.has(x.name))) continue;
    const at = atStart(v, s);
    const zh = `扣款项“${s.name}”是罚款（按名称或说明）。${REMEDY_ZH}`;
    const en = `deduction "${s.name}" is a fine (by its name or explanation). ${REMEDY_EN}`;
    bySite.set(s, laborFinding("fine", at, zh, en, LEGAL_REFS.fines));
  }
  return [...bySite.values()];
}
