/**
 * Values the dashboard reads from a run recomputed from its inputs (the stored payslips do not keep them): each
 * employee's score on the policy's first scorecard, and the employer's social insurance and housing fund
 * contributions (core's calculator with the city, bases and 公积金缴存比例 the run used, as the SI export does).
 * @example const v = readDashboardValues(data); v.scores.get("E001") // "86.00" | null
 */

import { computeContributions, Dec } from "@xinsuan/core";
import type { ExportData } from "./export-data.js";
import { decOf, type EmployeeValues, readRunValues } from "./run-values.js";

/** What the dashboard needs. @example const v: DashboardValues = { scorecard: "考核得分", scores, employerContributions: Dec.ZERO } */
export type DashboardValues = {
  /** The scorecard read, or null when the policy has none. */
  scorecard: string | null;
  /** Score per 工号 (2 places), null where the policy has no scorecard or it failed. */
  scores: Map<string, string | null>;
  /** The employer side of SI and HF over all employees. */
  employerContributions: Dec;
};

const SI_NAMES = ["参保地", "缴费基数", "公积金基数", "参加社保", "参加公积金"];

/** The employer side of one employee's contributions (zero where the employee takes no part). */
function employerOf(period: string, v: EmployeeValues): Dec {
  const city = v.values.参保地;
  const si = v.values.参加社保 === true;
  const hf = v.values.参加公积金 === true;
  if (typeof city !== "string" || city === "" || (!si && !hf)) return Dec.ZERO;
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
  if (!r.ok) return Dec.ZERO;
  const e = r.employer;
  let total = Dec.ZERO;
  if (si)
    for (const x of [e.pension, e.medical, e.unemployment, e.injury])
      if (x !== null) total = total.add(Dec.parse(x));
  if (hf) total = total.add(Dec.parse(e.housingFund));
  return total;
}

/**
 * Recomputes the run once and reads the scores and the employer contributions.
 * @example const { scores, employerContributions } = readDashboardValues(data)
 */
export function readDashboardValues(d: ExportData): DashboardValues {
  const first = d.inputs.groups[0]?.compiled;
  const scorecard = first?.nodes.find((n) => n.kind === "scorecard")?.name ?? null;
  const values = readRunValues(d.inputs, [...SI_NAMES, ...(scorecard ? [scorecard] : [])]);
  const scores = new Map<string, string | null>();
  let employerContributions = Dec.ZERO;
  for (const r of d.rows) {
    const v = values.get(r.employeeNo);
    if (!v) {
      scores.set(r.employeeNo, null);
      continue;
    }
    const score = scorecard ? v.values[scorecard] : undefined;
    scores.set(r.employeeNo, score instanceof Dec ? score.toFixed(2) : null);
    employerContributions = employerContributions.add(employerOf(d.period, v));
  }
  return { scorecard, scores, employerContributions };
}
