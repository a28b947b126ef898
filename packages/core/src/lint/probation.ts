/**
 * Rule "probation": probation pay below 80 % — a 试用 ratio param or table row under 80 %, a ratio under 80 % in an
 * IF branch chosen by probation (试用期, 转正日期, or an item explained as such), or a core pay item paid 0 in
 * probation.
 * @example checkProbation(v, moneyTerms(v)).map((f) => f.problem.at?.line)
 */
import type { Expr } from "../formula/ast.js";
import type { Location } from "../formula/problems.js";
import { Dec } from "../money/decimal.js";
import { literalValue, nodesOf, refsOf, unparen } from "./ast-utils.js";
import { LEGAL_REFS } from "./legal-refs.js";
import { constOf, factorsOf, type MoneyTerm } from "./money-flow.js";
import { tableRows } from "./policy-values.js";
import type { PolicyView, Site } from "./policy-view.js";
import { atParam, atRow, atSpan, spanText } from "./positions.js";
import { type LaborFinding, laborFinding } from "./types.js";
import { BONUS_WORD, CORE_PAY_WORD, NOT_A_RATIO, PROBATION_CONDITION, PROBATION_WORD } from "./vocabulary.js";

const EIGHTY = Dec.parse("0.8");
const LAW_ZH = "试用期工资不得低于本单位相同岗位最低档工资或劳动合同约定工资的 80%，并不得低于当地最低工资。";
const LAW_EN =
  "Probation pay must be at least 80% of the agreed wage (or of the lowest grade of the same post) and not below the local minimum wage.";

function low(at: Location | undefined, what: string, value: Dec): LaborFinding {
  return laborFinding(
    "probation",
    at,
    `${what}为 ${value.toPercent()}，低于 80%。${LAW_ZH}请改为不低于 80%。`,
    `${what} is ${value.toPercent()}, below 80%. ${LAW_EN} Use at least 80%.`,
    LEGAL_REFS.probation,
  );
}

function ratiosAndRows(v: PolicyView): LaborFinding[] {
  const out: LaborFinding[] = [];
  for (const p of v.params.values()) {
    if (!PROBATION_WORD.test(p.name) || NOT_A_RATIO.test(p.name) || !p.value || p.value.sign() <= 0) continue;
    const ratio = p.kind === "ratio" || (p.kind === "number" && p.value.lt(Dec.ONE));
    if (ratio && p.value.lt(EIGHTY)) out.push(low(atParam(v, p), `试用期比例“${p.name}”`, p.value));
  }
  for (const [name, t] of Object.entries(v.doc.tables)) {
    if (t.value === "money") continue;
    const whole = PROBATION_WORD.test(name) || PROBATION_WORD.test(t.description ?? "");
    for (const [key, d] of tableRows(v, name)) {
      if ((whole || PROBATION_WORD.test(key)) && d.sign() > 0 && d.lt(EIGHTY))
        out.push(low(atRow(v, name, key), `“${name}”中“${key}”的试用期比例`, d));
    }
  }
  return out;
}

/** Ratio tables indexed by the variable of a condition `X = k`, with their value at k (阶系数[4] = 55%). */
function sameKeyRatios(v: PolicyView, cond: Expr): string[] {
  const c = unparen(cond);
  if (c.kind !== "binary" || c.op !== "=") return [];
  const left = unparen(c.left);
  const right = unparen(c.right);
  const key = right.kind === "string" ? right.value : (literalValue(right)?.toString() ?? null);
  if (left.kind !== "name" || key === null) return [];
  const found = new Set<string>();
  for (const s of v.sites)
    for (const x of nodesOf(s.ast)) {
      if (x.kind !== "index" || x.keys.length !== 1) continue;
      const k = unparen(x.keys[0]!);
      if (k.kind !== "name" || k.name !== left.name || v.doc.tables[x.target.name]?.value !== "ratio")
        continue;
      const row = tableRows(v, x.target.name).find(([rk]) => rk === key);
      if (row?.[1].lt(Dec.ONE)) found.add(`${x.target.name}[${key}] = ${row[1].toPercent()}`);
    }
  return [...found];
}

function branchFindings(v: PolicyView, s: Site): LaborFinding[] {
  const out: LaborFinding[] = [];
  const noted = PROBATION_WORD.test(s.note);
  for (const call of nodesOf(s.ast)) {
    if (call.kind !== "call" || (call.name !== "IF" && call.name !== "IFS")) continue;
    const pairs: [Expr, Expr[]][] =
      call.name === "IF"
        ? [[call.args[0]!, call.args.slice(1)]]
        : call.args.flatMap((a, i) => (i % 2 === 0 && call.args[i + 1] ? [[a, [call.args[i + 1]!]]] : []));
    for (const [cond, branches] of pairs) {
      if (!noted && !refsOf(cond).some((r) => PROBATION_CONDITION.test(r.name))) continue;
      const values = call.name === "IF" ? branches : call.args.filter((_, i) => i % 2 === 1);
      for (const b of branches) {
        for (const f of factorsOf(v, s, b).filter((x) => !x.den)) {
          const c = constOf(v, f.expr);
          if (!c || c.kind === "money" || c.value.sign() <= 0 || !c.value.lt(EIGHTY)) continue;
          if (c.param && PROBATION_WORD.test(c.param)) continue;
          out.push(
            low(atSpan(v, f.site, f.expr.span), `“${s.name}”在“${spanText(s, cond.span)}”时的比例`, c.value),
          );
        }
        const zero = literalValue(b)?.isZero() === true;
        const core = s.kind === "item" && CORE_PAY_WORD.test(s.name) && !BONUS_WORD.test(s.name);
        if (!zero || !core || values.every((x) => literalValue(x)?.isZero() === true)) continue;
        const also = sameKeyRatios(v, cond);
        const alsoZh = also.length > 0 ? `试用期另有 ${also.join("、")}，合计更低。` : "";
        const alsoEn = also.length > 0 ? ` Probation also gets ${also.join(", ")}.` : "";
        out.push(
          laborFinding(
            "probation",
            atSpan(v, s, b.span),
            `试用期（${spanText(s, cond.span)}）不发“${s.name}”：${alsoZh}${LAW_ZH}请核对试用期各项合计不低于转正后工资的 80%，否则照发或按不低于 80% 的比例发放此项。`,
            `"${s.name}" is not paid in probation (${spanText(s, cond.span)}).${alsoEn} ${LAW_EN} Check that probation pay in total is at least 80% of the post-probation wage, or pay this item (at 80% or more).`,
            LEGAL_REFS.probation,
          ),
        );
      }
    }
  }
  return out;
}

/**
 * Every probation warning of a policy.
 * @example checkProbation(v, moneyTerms(v)).every((f) => f.rule === "probation")
 */
export function checkProbation(v: PolicyView, terms: MoneyTerm[]): LaborFinding[] {
  const paying = new Set(terms.filter((m) => m.effect === "pay").map((m) => m.site));
  return [...ratiosAndRows(v), ...[...paying].flatMap((s) => branchFindings(v, s))];
}
