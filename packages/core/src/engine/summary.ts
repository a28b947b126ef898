/**
 * Register totals of a run: headcount, employees in error, and per-column sums, exact to the 分.
 * @example summarizeRun(run).totals.get("实发工资")?.toFixed(2)
 */
import { Dec } from "../money/decimal.js";
import type { PayrollRun } from "./run.js";

export type RunSummary = { count: number; errors: number; totals: Map<string, Dec> };

/** Sums every column over employees without errors (in bigint, so any headcount stays exact). */
export function summarizeRun(run: PayrollRun): RunSummary {
  const width = run.columns.length;
  // Integer sums are exact in a double below 2^53; the running sum moves to bigint before it could pass that.
  const sums: bigint[] = new Array(width).fill(0n);
  const fast: number[] = new Array(width).fill(0);
  const n = run.employees.length;
  const units = run.units;
  for (let i = 0; i < n; i++) {
    if (run.errors[i]) continue;
    for (let k = 0; k < width; k++) {
      const u = units[i * width + k]!;
      const s = fast[k]! + u;
      if (Number.isSafeInteger(s)) fast[k] = s;
      else {
        sums[k]! += BigInt(fast[k]!) + BigInt(u);
        fast[k] = 0;
      }
    }
  }
  for (let k = 0; k < width; k++) sums[k]! += BigInt(fast[k]!);
  const totals = new Map<string, Dec>();
  run.columns.forEach((c, k) => {
    totals.set(c.name, Dec.fromCoefficient(sums[k]!, c.places));
  });
  return { count: n, errors: run.errorCount, totals };
}
