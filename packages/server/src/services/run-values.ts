/**
 * Values a statutory document needs that the stored payslips do not keep (calcs and inputs such as 参保地,
 * 缴费基数, 累计专项附加扣除, 其他扣除): the run recomputed from its gathered inputs, then each employee recomputed
 * row by row against that run — the same values the explanation of the payslip shows.
 * @example const v = readRunValues(data.inputs, ["参保地"]); v.get("E001")!.values.参保地
 */

import { type CompiledPolicy, Dec, recomputeEmployee, type Val } from "@xinsuan/core";
import type { PayslipRecord } from "@xinsuan/store";
import { computeRuns, type RunInputs } from "./run-payroll.js";

/** One employee's recomputed values and the policy (group) that paid them. @example const e: EmployeeValues = v.get("E001")! */
export type EmployeeValues = {
  compiled: CompiledPolicy;
  /** Each asked name the policy has; undefined when it failed or the policy has no such name. */
  values: Record<string, Val | undefined>;
  /** The employee's input values as text (工号, 姓名, 参保城市 …). */
  inputs: Record<string, string | undefined>;
};

/**
 * Recomputes the run and reads `names` for every employee, by 工号.
 * @example readRunValues(inputs, ["缴费基数", "参保地"]).get("E001")?.values.缴费基数
 */
export function readRunValues(inputs: RunInputs, names: readonly string[]): Map<string, EmployeeValues> {
  const out = new Map<string, EmployeeValues>();
  for (const run of computeRuns(inputs)) {
    const slots = names.map((n) => [n, run.policy.byName.get(n)?.slot] as const);
    run.employees.forEach((e, i) => {
      const r = recomputeEmployee(run, i);
      const values: Record<string, Val | undefined> = {};
      for (const [n, slot] of slots) values[n] = slot === undefined ? undefined : r.slots[slot];
      const text: Record<string, string | undefined> = {};
      for (const [k, v] of Object.entries(e.values)) text[k] = v === undefined ? undefined : String(v);
      out.set(String(e.values.工号 ?? ""), { compiled: run.policy, values, inputs: text });
    });
  }
  return out;
}

/**
 * A value as a decimal: a Dec, a number, or zero when missing or of another type.
 * @example decOf(Dec.parse("1.50")).toFixed(2) === "1.50"
 */
export function decOf(v: Val | undefined): Dec {
  if (v instanceof Dec) return v;
  if (typeof v === "number") return Dec.parse(String(v));
  return Dec.ZERO;
}

/**
 * A stored line (integer units) as a decimal, with its places from the policy's items (2 for the totals).
 * @example lineOf(slip, "个人养老保险", compiled).toFixed(2)
 */
export function lineOf(slip: PayslipRecord, name: string, compiled: CompiledPolicy): Dec {
  const units = slip.lines[name];
  if (units === undefined) return Dec.ZERO;
  const places = compiled.items.find((i) => i.name === name)?.places ?? 2;
  return Dec.fromCoefficient(units, places);
}
