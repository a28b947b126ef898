/**
 * The employer side of one employee's social insurance and housing fund in a run: core's calculator with the
 * city, bases and 公积金缴存比例 the run used, a side the employee takes no part in counted as zero. Shared by the
 * SI/HF export and the dashboard's employer cost.
 * @example const c = employerContributions("2026-08", values.get("E001")!); c?.employer[0] // 养老 employer
 */

import { computeContributions, Dec } from "@xinsuan/core";
import { AppError } from "../app-error.js";
import { decOf, type EmployeeValues } from "./run-values.js";

/** The run values the calculation reads. @example readRunValues(inputs, SI_VALUE_NAMES) */
export const SI_VALUE_NAMES = ["参保地", "缴费基数", "公积金基数", "参加社保", "参加公积金"];

/** One employee's employer side. @example const c: EmployerContributions = employerContributions(period, v)! */
export type EmployerContributions = {
  city: string;
  si: boolean;
  hf: boolean;
  /** 养老, 医疗, 失业, 工伤, 公积金 (null where the city data has no figure). */
  employer: (Dec | null)[];
  siBase: Dec;
  hfBase: Dec;
};

/**
 * The employer side, or undefined when the employee has no 参保地 or takes part in neither; CALC_FAILED when the
 * city's data cannot compute it.
 * @example employerContributions("2026-08", v)?.employer
 */
export function employerContributions(period: string, v: EmployeeValues): EmployerContributions | undefined {
  const city = v.values.参保地;
  const si = v.values.参加社保 === true;
  const hf = v.values.参加公积金 === true;
  if (typeof city !== "string" || city === "" || (!si && !hf)) return undefined;
  // A parameter is folded into the formulas (no slot): read it from the policy ("7%" or 0.07).
  const param = v.compiled.doc.params.公积金缴存比例;
  const value = typeof param === "object" && param !== null ? param.value : param;
  const rate = value === undefined || typeof value === "boolean" ? null : String(value);
  const r = computeContributions({
    city,
    period,
    base: decOf(v.values.缴费基数).toString(),
    hfBase: decOf(v.values.公积金基数).toString(),
    ...(rate === null ? {} : { hfRate: rate }),
  });
  if (!r.ok) throw new AppError("CALC_FAILED", `${city} ${period}：${r.zh}`, `${city} ${period}: ${r.en}`);
  const e = r.employer;
  const d = (x: string | null) => (x === null ? null : Dec.parse(x));
  const all = [d(e.pension), d(e.medical), d(e.unemployment), d(e.injury), Dec.parse(e.housingFund)];
  return {
    city,
    si,
    hf,
    employer: all.map((x, i) => ((i === 4 ? hf : si) ? x : Dec.ZERO)),
    siBase: Dec.parse(r.bases.socialInsurance),
    hfBase: Dec.parse(r.bases.housingFund),
  };
}
