/**
 * Rules "damages" and "clawback": a deduction for damages (赔偿, 损失 …) or clawing back money already paid (扣回,
 * 追回 …) must be capped at 20 % of the month's wage, e.g. MIN(赔偿金额, 20% * 应发合计); a cap above 20 % or no cap
 * is warned about at the item's formula.
 * @example checkDamages(v).map((f) => f.rule) // ["damages"]
 */
import { Dec } from "../money/decimal.js";
import { callsOf } from "./ast-utils.js";
import { LEGAL_REFS } from "./legal-refs.js";
import { constOf, type Factor, factorsOf } from "./money-flow.js";
import type { PolicyView, Site } from "./policy-view.js";
import { atSpan, atStart } from "./positions.js";
import { type LaborFinding, laborFinding } from "./types.js";
import { CLAWBACK_WORD, DAMAGES_WORD, unnegatedIndex } from "./vocabulary.js";

/** The lowest ratio (0 < r < 1) multiplying an amount (a product) inside a MIN(…) of the formula, if any. @example capOf(v, site)?.ratio.toString() === "0.2" */
export function capOf(v: PolicyView, s: Site): { ratio: Dec; factor: Factor } | null {
  let best: { ratio: Dec; factor: Factor } | null = null;
  for (const call of callsOf(s.ast, "MIN")) {
    for (const arg of call.args) {
      const fs = factorsOf(v, s, arg).filter((f) => !f.den);
      if (fs.length < 2) continue;
      for (const f of fs) {
        const c = constOf(v, f.expr);
        if (!c || c.value.sign() <= 0 || c.value.gte(Dec.ONE)) continue;
        if (!best || c.value.lt(best.ratio)) best = { ratio: c.value, factor: f };
      }
    }
  }
  return best;
}

const pct = (d: Dec) => d.toPercent();
const TWENTY_PERCENT = Dec.parse("0.2");

function capFinding(v: PolicyView, s: Site, kind: "damages" | "clawback"): LaborFinding | null {
  const cap = capOf(v, s);
  const ref = kind === "damages" ? LEGAL_REFS.damages : LEGAL_REFS.clawback;
  const what = kind === "damages" ? "赔偿扣款" : "扣回款";
  const whatEn = kind === "damages" ? "damages deduction" : "clawback";
  if (cap?.ratio.lte(TWENTY_PERCENT)) return null;
  if (cap) {
    const at = atSpan(v, cap.factor.site, cap.factor.expr.span);
    return laborFinding(
      kind,
      at,
      `${what}“${s.name}”的上限为当月工资的 ${pct(cap.ratio)}，超过 20%：从工资中扣除劳动者造成的损失，每月不得超过当月工资的 20%，且扣除后剩余工资不得低于当地最低工资。请把上限改为 20%，余额在以后各月继续扣除。`,
      `${whatEn} "${s.name}" is capped at ${pct(cap.ratio)} of the month's wage, above 20%: deductions for losses caused by the employee may take at most 20% of the month's wage, leaving at least the local minimum wage. Lower the cap to 20% and carry the rest to later months.`,
      ref,
    );
  }
  const zh =
    kind === "damages"
      ? `赔偿扣款“${s.name}”没有上限：因劳动者本人原因造成经济损失的，按劳动合同约定从工资中扣除赔偿，每月不得超过当月工资的 20%，且扣除后剩余工资不得低于当地最低工资。可改为 MIN(赔偿金额, 20% * 当月工资)，余额在以后各月继续扣除。`
      : `扣款“${s.name}”从工资中扣回已发放的款项且没有上限：这不在工资可代扣的款项之列（个税、个人社保、法院判决的抚养费等），一次扣回还可能使本月工资低于最低工资。如确有依据（如约定的培训费用），应另行协商或追偿；如从工资中扣，参照赔偿的限额：每月不超过当月工资的 20%，扣后不低于最低工资，如 MIN(扣回金额, 20% * 当月工资)。`;
  const en =
    kind === "damages"
      ? `damages deduction "${s.name}" has no cap: damages for losses caused by the employee may be deducted per the contract, but at most 20% of the month's wage, leaving at least the local minimum wage. Use MIN(damages, 20% * month's wage) and carry the rest to later months.`
      : `deduction "${s.name}" claws back money already paid, without a cap: this is not among the deductions allowed from wages (IIT, employee social insurance, court-ordered support …) and a one-off clawback can leave less than the minimum wage. Recover it separately; if it is taken from pay, keep within the damages limits: at most 20% of the month's wage and not below the minimum wage, e.g. MIN(amount, 20% * month's wage).`;
  return laborFinding(kind, atStart(v, s), zh, en, ref);
}

/**
 * Damages and clawback deductions without a 20 % cap (or with a higher one).
 * @example checkDamages(v).every((f) => f.problem.ref?.zh.includes("第十六条"))
 */
export function checkDamages(v: PolicyView): LaborFinding[] {
  const out: LaborFinding[] = [];
  for (const s of v.sites) {
    if (s.kind !== "item" || s.itemKind !== "deduction") continue;
    const damages = DAMAGES_WORD.test(s.name) || unnegatedIndex(s.note, DAMAGES_WORD) >= 0;
    const clawback = !damages && (CLAWBACK_WORD.test(s.name) || unnegatedIndex(s.note, CLAWBACK_WORD) >= 0);
    const f = damages ? capFinding(v, s, "damages") : clawback ? capFinding(v, s, "clawback") : null;
    if (f) out.push(f);
  }
  return out;
}
