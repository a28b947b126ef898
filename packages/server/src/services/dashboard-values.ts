/**
 * Values the dashboard reads from a run recomputed from its inputs (the stored payslips do not keep them): each
 * employee's score on the policy's first scorecard, and the employer's social insurance and housing fund
 * contributions (core's calculator with the city, bases and 公积金缴存比例 the run used, as the SI export does).
 * @example const v = readDashboardValues(data); v.scores.get("E001") // "86.00" | null
 */

import { Dec } from "@xinsuan/core";
import { AppError } from "../app-error.js";
import { employerContributions, SI_VALUE_NAMES } from "./employer-contributions.js";
import type { ExportData } from "./export-data.js";
import { type EmployeeValues, readRunValues } from "./run-values.js";

/** What the dashboard needs. @example const v: DashboardValues = { scorecard: "考核得分", scores, employerContributions: Dec.ZERO } */
export type DashboardValues = {
  /** The scorecard read, or null when the policy has none. */
  scorecard: string | null;
  /** Score per 工号 (2 places), null where the policy has no scorecard or it failed. */
  scores: Map<string, string | null>;
  /** The employer side of SI and HF over all employees. */
  employerContributions: Dec;
};

/** The employer side of one employee (zero where the employee takes no part or the city data cannot compute it). */
function employerOf(period: string, v: EmployeeValues): Dec {
  let c: ReturnType<typeof employerContributions>;
  try {
    c = employerContributions(period, v);
  } catch (e) {
    if (e instanceof AppError) return Dec.ZERO;
    throw e;
  }
  return (c?.employer ?? []).reduce<Dec>((t, x) => (x === null ? t : t.add(x)), Dec.ZERO);
}

/**
 * Recomputes the run once and reads the scores and the employer contributions.
 * @example const { scores, employerContributions } = readDashboardValues(data)
 */
export function readDashboardValues(d: ExportData): DashboardValues {
  const first = d.inputs.groups[0]?.compiled;
  const scorecard = first?.nodes.find((n) => n.kind === "scorecard")?.name ?? null;
  const values = readRunValues(d.inputs, [...SI_VALUE_NAMES, ...(scorecard ? [scorecard] : [])]);
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
