/**
 * Rule "min-wage" (only with statutory.city): a full-time monthly base wage (底薪, 基本工资, 岗位工资 …) that, with the
 * other fixed earnings, is below the city's minimum wage on effectiveFrom; and deductions without a floor (fines,
 * uncapped damages, clawbacks) that can leave less than the minimum.
 * @example checkMinWage(v).map((f) => f.problem.at?.line)
 */
import type { MinimumWage } from "../cn/social/min-wage.js";
import type { Location } from "../formula/problems.js";
import { Dec } from "../money/decimal.js";
import { unparen } from "./ast-utils.js";
import { LEGAL_REFS } from "./legal-refs.js";
import { factorsOf } from "./money-flow.js";
import { tableCells2, tableRows } from "./policy-values.js";
import { closureOf, type PolicyView } from "./policy-view.js";
import { atParam, atRow, atStart } from "./positions.js";
import { type LaborFinding, laborFinding } from "./types.js";
import { BASE_PAY_WORD, NOT_MONTHLY } from "./vocabulary.js";

/** An earning paid every full month whatever the results: a param, a literal or a table lookup (× 出勤比例). */
type Component = { name: string; values: Dec[] };

const fullTimeRows = (v: PolicyView, table: string) =>
  tableRows(v, table).filter(([k]) => !NOT_MONTHLY.test(k) && !/培训|实习/.test(k));

function fixedComponents(v: PolicyView): Component[] {
  const out: Component[] = [];
  for (const s of v.sites) {
    if (s.kind !== "item" || s.itemKind !== "earning") continue;
    const rest = factorsOf(v, s, s.ast, 8).filter((f) => {
      const x = unparen(f.expr);
      return !(x.kind === "name" && /出勤/.test(x.name));
    });
    if (rest.length !== 1 || rest[0]!.den) continue;
    const x = unparen(rest[0]!.expr);
    if (x.kind === "number") out.push({ name: `#${s.name}`, values: [Dec.parse(x.text)] });
    const p = x.kind === "name" ? v.params.get(x.name) : undefined;
    if (p?.value && (p.kind === "money" || p.kind === "number"))
      out.push({ name: p.name, values: [p.value] });
    if (x.kind === "index" && v.doc.tables[x.target.name]?.value === "money")
      out.push({ name: x.target.name, values: fullTimeRows(v, x.target.name).map(([, d]) => d) });
  }
  return out;
}

const yuan = (d: Dec) => d.toFixed(2);

function cityText(mw: MinimumWage): { zh: string; en: string } {
  const since = mw.effectiveFrom ? `，自 ${mw.effectiveFrom} 起` : "";
  const sinceEn = mw.effectiveFrom ? `, since ${mw.effectiveFrom}` : "";
  return {
    zh: `${mw.city.name} ${mw.date} 适用的月最低工资 ${mw.monthly} 元（${mw.source}${since}，可信度 ${mw.confidence}）`,
    en: `the monthly minimum wage of ${mw.city.id} on ${mw.date}, ${mw.monthly} yuan (${mw.source}${sinceEn}, confidence ${mw.confidence})`,
  };
}

function siNote(mw: MinimumWage): { zh: string; en: string } {
  return mw.employeeSiHf.countsTowardMinimum
    ? { zh: "", en: "" }
    : {
        zh: `${mw.city.name}的最低工资不含个人缴纳的社保和公积金，扣除后仍须达到。`,
        en: ` In ${mw.city.id} the employee's own social insurance and housing fund do not count toward the minimum.`,
      };
}

/**
 * Base wages below the local monthly minimum (with the other fixed earnings added).
 * @example checkMinWage(v).every((f) => f.rule === "min-wage")
 */
export function checkMinWage(v: PolicyView): LaborFinding[] {
  const mw = v.minWage;
  if (!mw) return [];
  const minimum = Dec.parse(mw.monthly);
  const reach = closureOf(
    v,
    v.sites.filter((s) => s.kind === "item" && s.itemKind === "earning").map((s) => s.ast),
  );
  const components = fixedComponents(v);
  const others = (name: string) =>
    components
      .filter((c) => c.name !== name && c.values.length > 0)
      .reduce((sum, c) => sum.add(c.values.reduce((a, b) => a.min(b))), Dec.ZERO);
  const out: LaborFinding[] = [];
  const city = cityText(mw);
  const note = siNote(mw);
  const check = (label: string, name: string, value: Dec, at: Location | undefined) => {
    const extra = others(name);
    const total = value.add(extra);
    if (total.gte(minimum)) return;
    const plus = extra.isZero() ? "" : `（加上固定发放的 ${yuan(extra)} 元，共 ${yuan(total)} 元）`;
    const plusEn = extra.isZero() ? "" : ` (with the fixed ${yuan(extra)} paid besides, ${yuan(total)})`;
    out.push(
      laborFinding(
        "min-wage",
        at,
        `${label} ${yuan(value)} 元${plus}低于${city.zh}：其他工资项（绩效、提成、级别工资等）为零时，正常出勤的月工资会低于最低工资（加班工资、特殊津贴和法定福利不计入）。${note.zh}请把固定工资提高到不低于最低工资，或规定不足部分补足到最低工资。`,
        `${label} ${yuan(value)} yuan${plusEn} is below ${city.en}: when the other pay items (performance, commission, grade pay …) are zero, a full month of normal work pays less than the minimum (overtime, special allowances and statutory welfare do not count).${note.en} Raise the fixed pay to at least the minimum, or top pay up to the minimum.`,
        LEGAL_REFS.minimumWage,
      ),
    );
  };
  for (const p of v.params.values()) {
    if (!BASE_PAY_WORD.test(p.name) || NOT_MONTHLY.test(p.name) || !reach.has(p.name)) continue;
    if (p.value && (p.kind === "money" || p.kind === "number"))
      check(`月工资“${p.name}”`, p.name, p.value, atParam(v, p));
  }
  for (const [name, t] of Object.entries(v.doc.tables)) {
    if (t.value !== "money" || !BASE_PAY_WORD.test(name) || NOT_MONTHLY.test(name) || !reach.has(name))
      continue;
    for (const [key, d] of fullTimeRows(v, name))
      check(`“${name}”中“${key}”的月工资`, name, d, atRow(v, name, key));
    for (const [k1, k2, d] of tableCells2(v, name)) {
      if ([k1, k2].some((k) => NOT_MONTHLY.test(k) || /培训|实习/.test(k))) continue;
      const loc = v.loaded.locate(["tables", name, "rows", k1, k2]);
      check(`“${name}”中“${k1}、${k2}”的月工资`, name, d, loc ? { ...loc, length: String(d).length } : loc);
    }
  }
  return out;
}

/**
 * For each deduction flagged as a fine, uncapped damages or a clawback: pay can fall below the minimum after it.
 * @example minWageAfterDeductions(v, [...checkFines(v, terms), ...checkDamages(v)])
 */
export function minWageAfterDeductions(v: PolicyView, findings: LaborFinding[]): LaborFinding[] {
  const mw = v.minWage;
  if (!mw) return [];
  const city = cityText(mw);
  const paths = new Set(
    findings
      .filter((f) => ["fine", "damages", "clawback"].includes(f.rule))
      .map((f) => f.problem.at?.path)
      .filter((p): p is string => p !== undefined),
  );
  return v.sites
    .filter((s) => paths.has(s.path.join(".")))
    .map((s) =>
      laborFinding(
        "min-wage",
        atStart(v, s),
        s.itemKind === "earning"
          ? `“${s.name}”的减发没有保底：减发后本月工资可能低于${city.zh}。扣减后的工资不得低于最低工资；请限定减发不超过（本月工资 − 最低工资）。`
          : `扣款“${s.name}”没有保底：扣除后本月工资可能低于${city.zh}。除个税、社保等法定代扣外，扣款后的工资不得低于最低工资；请限定扣款不超过（本月工资 − 最低工资）。`,
        `deduction "${s.name}" has no floor: after it, the month's pay can fall below ${city.en}. Apart from statutory withholdings, pay after deductions must not fall below the minimum; limit the deduction to (month's pay − minimum wage).`,
        LEGAL_REFS.minimumWage,
      ),
    );
}
