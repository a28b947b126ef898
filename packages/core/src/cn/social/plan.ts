/**
 * A contribution plan: one city, period and housing-fund rate resolved once (bounds, rates, rounding), then applied
 * to any number of bases with plain decimal arithmetic. The payroll run uses it for speed; `computeContributions`
 * stays the explained reference, and a property test holds the two equal.
 * @example const p = planContributions({ city: "上海", period: "2026-10", hfRate: "7%" }); if (p.ok) applyPlan(p, Dec.parse("9000")).employee.pension
 */
import { Dec } from "../../money/decimal.js";
import { roundToUnit } from "../../money/rounding.js";
import { resolveCity } from "./city.js";
import type { ContributionsProblem, SiItem } from "./contribution-types.js";
import { computeContributions } from "./contributions.js";
import { builtinSiHf } from "./load-data.js";

type Rule = { unit: "分" | "角" | "元"; mode: "half-up" | "half-even" | "down" | "up" | "floor" | "ceiling" };
type Bounds = [floor: Dec, cap: Dec];

/** Everything about a city and month except the employee's base. @example p.siBounds.pension?.[0].toString() === "7546" */
export type ContributionPlan = {
  ok: true;
  siBounds: Record<SiItem, Bounds | null>;
  employeeRate: { pension: Dec; medical: Dec; unemployment: Dec };
  medicalFixed: Dec | null;
  employerRate: Record<SiItem, Dec | null>;
  hfBounds: Bounds;
  hfRate: Dec;
  siRule: Rule;
  hfRule: Rule;
};

/** Amounts for one base: employee items, employer items (null where not configured), housing fund per side. */
export type PlannedAmounts = {
  employee: { pension: Dec; medical: Dec; unemployment: Dec; housingFund: Dec };
  employer: Record<SiItem, Dec | null> & { housingFund: Dec };
};

const ITEMS: SiItem[] = ["pension", "medical", "unemployment", "injury"];
const HUGE = "999999999999";

/**
 * Resolves a plan by asking the reference calculator for the floor (base 0) and the cap (a huge base); any
 * problem (unknown city, period outside the data, rate out of range) comes back as the reference reports it.
 * @example planContributions({ city: "北京", period: "2026-10" }).ok
 */
export function planContributions(input: {
  city: string;
  period: string;
  hfRate?: string;
}): ContributionPlan | ContributionsProblem {
  const rate = input.hfRate === undefined ? {} : { hfRate: input.hfRate };
  const lo = computeContributions({ city: input.city, period: input.period, base: "0", ...rate });
  if (!lo.ok) return lo;
  const hi = computeContributions({ city: input.city, period: input.period, base: HUGE, ...rate });
  if (!hi.ok) return hi;
  const rounding = resolveCity(builtinSiHf().cities, input.city)?.rounding;
  if (!rounding?.socialInsurance || !rounding.housingFund)
    throw new Error(`rounding rules missing for ${input.city} although the calculator accepted it`);
  const itemBase = (r: typeof lo, i: SiItem): string | null =>
    r.bases.byItem ? r.bases.byItem[i] : r.bases.socialInsurance;
  const siBounds = {} as Record<SiItem, Bounds | null>;
  const employerRate = {} as Record<SiItem, Dec | null>;
  for (const i of ITEMS) {
    const f = itemBase(lo, i);
    const c = itemBase(hi, i);
    siBounds[i] = f !== null && c !== null ? [Dec.parse(f), Dec.parse(c)] : null;
    const er = lo.rates.employer[i];
    employerRate[i] = er === null ? null : Dec.parse(er);
  }
  const e = lo.rates.employee;
  return {
    ok: true,
    siBounds,
    employeeRate: {
      pension: Dec.parse(e.pension),
      medical: Dec.parse(e.medical),
      unemployment: Dec.parse(e.unemployment),
    },
    medicalFixed: e.medicalFixed === null ? null : Dec.parse(e.medicalFixed),
    employerRate,
    hfBounds: [Dec.parse(lo.bases.housingFund), Dec.parse(hi.bases.housingFund)],
    hfRate: Dec.parse(lo.rates.housingFund),
    siRule: rounding.socialInsurance,
    hfRule: rounding.housingFund,
  };
}

function clamp(v: Dec, [floor, cap]: Bounds): Dec {
  return v.lt(floor) ? floor : v.gt(cap) ? cap : v;
}

/**
 * Applies a plan to one employee's bases (the housing-fund base defaults to the social-insurance base).
 * @example applyPlan(plan, Dec.parse("3000")).employee.pension.toFixed(2) === "603.68" // Shanghai 2026-10 floor
 */
export function applyPlan(p: ContributionPlan, base: Dec, hfBase: Dec = base): PlannedAmounts {
  const si = (i: SiItem, rate: Dec | null): Dec | null => {
    const b = p.siBounds[i];
    return b && rate ? roundToUnit(clamp(base, b).mul(rate), p.siRule.unit, p.siRule.mode) : null;
  };
  const r = p.employeeRate;
  let medical = si("medical", r.medical) ?? Dec.ZERO;
  if (p.medicalFixed) medical = medical.add(p.medicalFixed);
  const hf = roundToUnit(clamp(hfBase, p.hfBounds).mul(p.hfRate), p.hfRule.unit, p.hfRule.mode);
  return {
    employee: {
      pension: si("pension", r.pension) ?? Dec.ZERO,
      medical,
      unemployment: si("unemployment", r.unemployment) ?? Dec.ZERO,
      housingFund: hf,
    },
    employer: {
      pension: si("pension", p.employerRate.pension),
      medical: si("medical", p.employerRate.medical),
      unemployment: si("unemployment", p.employerRate.unemployment),
      injury: si("injury", p.employerRate.injury),
      housingFund: hf,
    },
  };
}

/**
 * One social-insurance amount for one base (the run's hot path: no other item is computed); null where the
 * employer rate or the item's base bounds are not configured.
 * @example planSiItem(plan, "employee", "pension", Dec.parse("9000"))?.toFixed(2) === "720.00"
 */
export function planSiItem(
  p: ContributionPlan,
  side: "employee" | "employer",
  item: SiItem,
  base: Dec,
): Dec | null {
  const bounds = p.siBounds[item];
  const rate = side === "employer" ? p.employerRate[item] : item === "injury" ? null : p.employeeRate[item];
  if (!bounds || !rate) return null;
  const amount = roundToUnit(clamp(base, bounds).mul(rate), p.siRule.unit, p.siRule.mode);
  return side === "employee" && item === "medical" && p.medicalFixed ? amount.add(p.medicalFixed) : amount;
}

/** The housing-fund amount of each side for one base. @example planHousingFund(plan, Dec.parse("7777")).toFixed(2) */
export function planHousingFund(p: ContributionPlan, hfBase: Dec): Dec {
  return roundToUnit(clamp(hfBase, p.hfBounds).mul(p.hfRate), p.hfRule.unit, p.hfRule.mode);
}
