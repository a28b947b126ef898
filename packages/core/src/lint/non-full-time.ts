/**
 * Rule "non-full-time": a policy that pays non-full-time staff (非全日制, 兼职, 小时工 in names, texts or a
 * `用工类型 = "非全日制"` comparison) must settle at least every 15 days (payCycle 周/日), pay at least the city's
 * hourly minimum, and tax them as wages (工资薪金), not labour remuneration (劳务报酬).
 * @example checkNonFullTime(v, moneyTerms(v)).map((f) => f.problem.zh)
 */
import type { Location } from "../formula/problems.js";
import { Dec } from "../money/decimal.js";
import { literalValue, nodesOf, unparen } from "./ast-utils.js";
import { LEGAL_REFS } from "./legal-refs.js";
import { constOf, factorsOf, isWageBased, type MoneyTerm } from "./money-flow.js";
import { tableRows } from "./policy-values.js";
import type { PolicyView } from "./policy-view.js";
import { atKey, atParam, atPath, atRow, atSpan, atText } from "./positions.js";
import { type LaborFinding, laborFinding } from "./types.js";
import {
  HOURLY_PAY_WORD,
  HOURS_WORD,
  NON_FULL_TIME_WORD,
  OVERTIME_WORD,
  unnegatedIndex,
} from "./vocabulary.js";

/** Where the policy shows that it pays non-full-time staff. */
type Anchor = { at: Location | undefined; what: string };

function anchors(v: PolicyView): Anchor[] {
  const out: Anchor[] = [];
  const d = v.doc;
  for (const s of v.sites) {
    // `用工类型 <> "非全日制"` excludes those staff: not a sign that the policy pays them.
    const excluded = new Set<number>();
    for (const x of nodesOf(s.ast))
      if (x.kind === "binary" && x.op === "<>")
        for (const side of [x.left, x.right]) if (side.kind === "string") excluded.add(side.span.start);
    for (const x of nodesOf(s.ast))
      if (x.kind === "string" && NON_FULL_TIME_WORD.test(x.value) && !excluded.has(x.span.start))
        out.push({ at: atSpan(v, s, x.span), what: `公式中的“${x.value}”` });
  }
  for (const [n, inp] of Object.entries(d.inputs))
    (inp.values ?? []).forEach((val, i) => {
      if (typeof val === "string" && NON_FULL_TIME_WORD.test(val))
        out.push({ at: atPath(v, ["inputs", n, "values", i]), what: `输入“${n}”的取值“${val}”` });
    });
  const named: [string, (string | number)[]][] = [
    ...Object.keys(d.params).map((n): [string, (string | number)[]] => [n, ["params", n]]),
    ...Object.keys(d.tables).map((n): [string, (string | number)[]] => [n, ["tables", n]]),
    ...Object.keys(d.inputs).map((n): [string, (string | number)[]] => [n, ["inputs", n]]),
    ...Object.keys(d.calcs).map((n): [string, (string | number)[]] => [n, ["calcs", n]]),
    ...d.items.map((it, i): [string, (string | number)[]] => [it.name, ["items", i, "name"]]),
  ];
  for (const [n, path] of named)
    if (NON_FULL_TIME_WORD.test(n))
      out.push({ at: path[0] === "items" ? atPath(v, path) : atKey(v, path), what: `名称“${n}”` });
  const i = unnegatedIndex(d.description, NON_FULL_TIME_WORD);
  const word = d.description.slice(i).match(NON_FULL_TIME_WORD)?.[0] ?? "";
  if (i >= 0) out.push({ at: atText(v, ["description"], d.description, i, word.length), what: "方案说明" });
  return out;
}

function payCycle(v: PolicyView, first: Anchor): LaborFinding[] {
  const cycle = v.doc.payCycle;
  if (cycle !== undefined && cycle !== "月") return [];
  const at = cycle ? atPath(v, ["payCycle"]) : first.at;
  const now = cycle ? "按月（payCycle: 月）" : "没有设置 payCycle（默认按月）";
  return [
    laborFinding(
      "non-full-time",
      at,
      `方案支付非全日制人员（${first.what}），但${now}结算：非全日制用工劳动报酬结算支付周期最长不得超过 15 日。请设 payCycle: 周（或 日），或把非全日制人员放在单独的方案中。`,
      `the policy pays non-full-time staff (${first.what}) but settles monthly${cycle ? "" : " (no payCycle)"}: non-full-time pay must be settled at least every 15 days. Set payCycle: 周 (or 日), or put non-full-time staff in a separate policy.`,
      LEGAL_REFS.nonFullTime,
    ),
  ];
}

function hourlyMinimum(v: PolicyView, terms: MoneyTerm[]): LaborFinding[] {
  const mw = v.minWage;
  if (!mw?.hourly) return [];
  const min = Dec.parse(mw.hourly);
  const out: LaborFinding[] = [];
  const warn = (at: Location | undefined, what: string, value: Dec) =>
    out.push(
      laborFinding(
        "non-full-time",
        at,
        `${what} ${value.toFixed(2)} 元/小时，低于${mw.city.name}非全日制小时最低工资 ${mw.hourly} 元（${mw.source}）。非全日制用工小时计酬标准不得低于当地小时最低工资标准；请提高到 ${mw.hourly} 元以上。`,
        `${what} of ${value.toFixed(2)} yuan an hour is below the ${mw.city.id} non-full-time hourly minimum ${mw.hourly} (${mw.source}). Raise it to at least ${mw.hourly}.`,
        LEGAL_REFS.nonFullTime,
      ),
    );
  const hourlyName = (n: string) => HOURLY_PAY_WORD.test(n) && !OVERTIME_WORD.test(n) && !/补贴|补助/.test(n);
  for (const p of v.params.values())
    if (hourlyName(p.name) && p.value && p.kind !== "ratio" && p.value.sign() > 0 && p.value.lt(min))
      warn(atParam(v, p), `小时工资“${p.name}”`, p.value);
  for (const [name, t] of Object.entries(v.doc.tables)) {
    if (!hourlyName(name) || t.value === "ratio") continue;
    for (const [key, d] of tableRows(v, name))
      if (d.sign() > 0 && d.lt(min)) warn(atRow(v, name, key), `“${name}”中“${key}”的小时工资`, d);
  }
  for (const { site, term, effect } of terms) {
    if (effect !== "pay" || isWageBased(v, term.expr)) continue;
    const fs = factorsOf(v, site, term.expr).filter((f) => !f.den);
    const hours = fs.some((f) => {
      const x = unparen(f.expr);
      return x.kind === "name" && HOURS_WORD.test(x.name) && !OVERTIME_WORD.test(x.name);
    });
    if (!hours || !NON_FULL_TIME_WORD.test(site.name + site.text)) continue;
    for (const f of fs) {
      const lit = literalValue(f.expr);
      if (lit && !constOf(v, f.expr)?.param && lit.gte(Dec.ONE) && lit.lt(min))
        warn(atSpan(v, f.site, f.expr.span), `“${site.name}”的小时单价`, lit);
    }
  }
  return out;
}

function laborTax(v: PolicyView): LaborFinding[] {
  const at: Location[] = [];
  if (v.doc.statutory?.tax === "劳务报酬") {
    const loc = atPath(v, ["statutory", "tax"]);
    if (loc) at.push(loc);
  }
  for (const s of v.sites)
    for (const x of nodesOf(s.ast))
      if (x.kind === "call" && x.name === "TAXLABOR") {
        const loc = atSpan(v, s, x.span);
        if (loc) at.push(loc);
      }
  return at.map((loc) =>
    laborFinding(
      "non-full-time",
      loc,
      "方案支付非全日制人员，却按劳务报酬预扣个税：与单位订立非全日制劳动合同（口头也可）的人员是劳动者，其报酬属于工资薪金，应按累计预扣法（statutory.tax: 累计预扣）预扣；劳务报酬只适用于与单位没有劳动关系的独立劳务人员。",
      "the policy pays non-full-time staff but withholds tax as labour remuneration: people with a non-full-time labour contract (even oral) are employees, so their pay is wages, withheld by the cumulative method (statutory.tax: 累计预扣); labour remuneration is only for independent service providers without an employment relationship.",
      LEGAL_REFS.nonFullTimeTax,
    ),
  );
}

/**
 * Every non-full-time warning of a policy (none when it does not pay non-full-time staff).
 * @example checkNonFullTime(v, moneyTerms(v)).every((f) => f.rule === "non-full-time")
 */
export function checkNonFullTime(v: PolicyView, terms: MoneyTerm[]): LaborFinding[] {
  const found = anchors(v);
  const first = found.sort(
    (a, b) => (a.at?.line ?? 0) - (b.at?.line ?? 0) || (a.at?.column ?? 0) - (b.at?.column ?? 0),
  )[0];
  if (!first) return [];
  return [...payCycle(v, first), ...hourlyMinimum(v, terms), ...laborTax(v)];
}
